#pragma once

#include "scenario.h"

#include <QCoreApplication>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;

// The toolbar's run options: "Limit concurrency to [N]", the time scale and the "Lanes:" caption
// before the lane buttons in one row; "Pool: [auto | N]", "Admission: [FIFO | in-task]" and the
// scenario's gates in another (poolControls(), which the window puts on a toolbar of its own). The
// gates have no control: they are kept as loaded, named in a label, and sent with every run.
class RunControls : public QWidget
{
    // Its strings belong to the main window in the translations.
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
public:
    explicit RunControls(QWidget *parent = nullptr);
    ~RunControls() override;

    // The pool's row; whoever places it becomes its parent.
    QWidget *poolControls() const { return m_pool; }

    // What Run uses: the limit when it is on, else 0 (unlimited), with the pool, admission and
    // gates. Compare compares against the limit; with gates and the limit off, against the gates
    // alone (as tasklanes-cli --compare does).
    RunOptions options(bool compare) const;
    // Shows a scenario's limit (an unlimited one keeps N), time scale, pool and admission, and
    // keeps its gates.
    void setOptions(const RunOptions &options);
    void setLimit(bool limited, int limit);
    // A scale that is not a preset is added to the list, in order.
    void setTimeScale(double timeScale);
    double timeScale() const;
    bool isLimited() const;
    int limit() const;
    // 0: automatic.
    void setThreads(int threads);
    int threads() const;
    void setAdmission(Admission admission);
    Admission admission() const;
    // Calls changed, in context's thread and lifetime, whenever an option Run uses changes.
    void connectChanged(QObject *context, const std::function<void()> &changed);

private:
    void showGates();

    QWidget *m_pool = nullptr;
    QCheckBox *m_limitCheck = nullptr;
    QSpinBox *m_limitSpin = nullptr;
    QSpinBox *m_threadsSpin = nullptr;
    QComboBox *m_admission = nullptr;
    QLabel *m_gatesLabel = nullptr;
    QComboBox *m_timeScale = nullptr;
    QList<Gate> m_gates;
    // The scenario's embedded server and the retries' seed: kept as loaded, like the gates.
    ServerModel m_server;
    quint32 m_seed = 1;
};
