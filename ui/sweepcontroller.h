#pragma once

#include "sweep.h"

#include <QObject>

#include <functional>
#include <optional>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QWidget;
class SweepPanel;
class SweepRunner;

// Sweep in the main window: the Sweep action, its toolbar fields ("Limits: [1..8]" with an inline
// error naming a bad value, "Predict only"), the Sweep tab, and the SweepRunner of a measured
// sweep. A predicted sweep is computed at once (Sweep::predict); a measured one runs limit after
// limit and its points arrive as each run ends. The window follows the runner's session for the
// live timeline and says where the sweep is in the status bar.
class SweepController : public QObject
{
    Q_OBJECT
public:
    struct Hooks
    {
        // The scenario Run would start now (the sweep replaces its limit).
        std::function<Scenario()> scenario;
    };

    SweepController(Hooks hooks, QWidget *window);
    ~SweepController() override;

    QAction *action() const { return m_action; }
    // The limits field, Predict only and the error, for a toolbar; whoever places it parents it.
    QWidget *controls() const { return m_controls; }
    SweepPanel *panel() const { return m_panel; }
    SweepRunner *runner() const { return m_runner; }

    // The limits in the field, or nothing (the field then shows why).
    std::optional<QList<int>> limits() const;
    bool predictOnly() const;
    void setLimitsText(const QString &text);
    void setPredictOnly(bool predictOnly);
    // Starts the sweep of limits(); false when the field is wrong or a sweep runs.
    bool start();
    void cancel();
    bool isRunning() const;
    // The window's state: whether a run may start (nothing running, the tasks valid).
    void setCanStart(bool canStart);

Q_SIGNALS:
    // A sweep began: predicted ones have all their points already.
    void started(bool predicted);
    // A measured sweep's run for limits()[index] began: runner()->session() runs it.
    void limitStarted(int index, int limit, int count);
    void finished(bool cancelled);
    void limitChosen(int limit);
    void runLimitRequested(int limit);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void validate();

    Hooks m_hooks;
    QAction *m_action = nullptr;
    QWidget *m_controls = nullptr;
    QLineEdit *m_limitsEdit = nullptr;
    QCheckBox *m_predictCheck = nullptr;
    QLabel *m_error = nullptr;
    SweepPanel *m_panel = nullptr;
    SweepRunner *m_runner = nullptr;
    bool m_canStart = true;
    bool m_limitsValid = true;
};
