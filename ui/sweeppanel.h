#pragma once

#include "sweep.h"

#include <QWidget>

class QLabel;
class QPushButton;
class SweepView;

// The Sweep tab: one line on what the sweep found, the chart, and "Run limit N" for the limit the
// user chose on the chart (which the timeline then shows as predicted).
class SweepPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SweepPanel(QWidget *parent = nullptr);
    ~SweepPanel() override;

    SweepView *view() const { return m_view; }
    // A sweep of these limits begins (predicted: every point at once).
    void begin(const QList<int> &limits, bool predicted, qsizetype tasks);
    void addPoint(const SweepPoint &point);
    void setPoints(const QList<SweepPoint> &points);
    // The tasks changed since the sweep: its points are of the earlier tasks.
    void markStale();
    // Shows a limit as chosen without emitting limitChosen.
    void showChosen(int limit);
    // The sweep ended; cancelled when it was stopped.
    void end(bool cancelled);
    // Whether "Run limit N" may start a run now.
    void setRunEnabled(bool enabled);
    QString summary() const;

Q_SIGNALS:
    void limitChosen(int limit);
    void runLimitRequested(int limit);

private:
    void updateSummary();
    void updateRunButton();

    SweepView *m_view = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_run = nullptr;
    QList<int> m_limits;
    qsizetype m_tasks = 0;
    bool m_predicted = false;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_stale = false;
    bool m_runEnabled = true;
};
