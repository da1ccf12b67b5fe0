#pragma once

#include "schedule.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <thread>

class RunEngine;
class RunProgress;
class RunRecord;
struct RunProgressFinal;

// One press of Run or Compare: a single run, or the comparison (unlimited first, then the
// scenario's limit, same tasks). Views and the CLI follow it through its signals and read each
// run's RunProgress, which the session feeds once per progress batch. When a run's threads are
// done, its final steps, statistics and results line are computed on a worker thread; runFinished()
// comes once they are in, so a view only swaps in finished data.
class RunSession : public QObject
{
    Q_OBJECT
public:
    explicit RunSession(QObject *parent = nullptr);
    ~RunSession() override;

    // compare needs a limited or gated scenario. False while a session is running or when it cannot
    // start.
    bool start(const Scenario &scenario, bool compare);
    // Shows finished runs read back from a file (Open Run) as if they had just run: records()
    // returns them, predictions() their ideal schedules, runProgress() their final form, and two
    // runs make a comparison. No signals are emitted. False while a session is running.
    bool showLoaded(const QList<std::shared_ptr<const RunRecord>> &records);
    void cancel();
    bool isRunning() const;
    bool isCompare() const { return m_compare; }
    bool wasCancelled() const { return m_cancelled; }

    // The runs so far (the current one included), in the order they ran.
    QList<std::shared_ptr<const RunRecord>> records() const { return m_records; }
    QList<Schedule> predictions() const { return m_predictions; }
    // What every view reads of each run: live while it runs, final from runFinished() on.
    QList<std::shared_ptr<const RunProgress>> runProgress() const;
    std::shared_ptr<const RunProgress> runProgress(int runIndex) const;
    int currentRun() const { return int(m_records.size()) - 1; }
    int plannedRuns() const { return m_compare ? 2 : 1; }
    RunEngine *engine() const { return m_engine; }
    // The most events a run's model follows per progress batch while the run goes on.
    static constexpr qsizetype liveBatchEvents = 1 << 15;

    // Work a view wants done on each finished run before runFinished(): the timeline builds the
    // run's lane summaries there, from the complete record and its prediction. It runs on a thread
    // of its own beside the final data, not on the window's thread, and must not touch widgets;
    // what it builds is handed over by the join that precedes runFinished().
    using FinishWork =
            std::function<void(const std::shared_ptr<const RunRecord> &, const Schedule &)>;
    void addFinishWork(FinishWork work);

Q_SIGNALS:
    // A run is prepared (records() and runProgress() hold it) and about to start: views set up
    // for it. It comes one event-loop turn after start() (or after the previous run's
    // runFinished()), so preparing the run and setting the views up are not one long turn.
    void runStarted(int runIndex);
    // The run's threads start right after this, one more turn later: what a view still has to
    // paint for the new run is best painted here, before they compete with it.
    void launching(int runIndex);
    void progress(int runIndex, qsizetype firstEvent, qsizetype endEvent);
    void runFinished(int runIndex);
    void finished();

private:
    void startRun(int runIndex);
    void advanceLaunch();
    void onEngineFinished();
    void onFinalReady(quint64 serial);
    void joinFinalizer();

    RunEngine *m_engine = nullptr;
    Scenario m_scenario;
    bool m_compare = false;
    bool m_cancelled = false;
    bool m_running = false;
    QList<std::shared_ptr<const RunRecord>> m_records;
    QList<Schedule> m_predictions;
    QList<std::shared_ptr<RunProgress>> m_progress;
    // Computes a finished run's final data. std::thread, not QThread: ThreadSanitizer sees its
    // start and join through the distribution's uninstrumented Qt, and the join hands the result
    // over.
    std::thread m_finalizer;
    std::shared_ptr<const RunProgressFinal> m_finalResult; // written by m_finalizer before it ends
    QList<FinishWork> m_finishWork;
    quint64 m_serial = 0; // bumped by every start(): the end of an earlier session stands down
    // A prepared run is set up (runStarted) and launched in the next two turns of the event loop:
    // a zero timer, not a posted call, so the loop's other timers and input get their turn in
    // between. For a window's first run of 100,000 tasks the three steps take about 17, 8 and
    // 8 ms (preparing the record faults in its fresh memory).
    QTimer m_launchTimer;
    bool m_setUp = false; // runStarted() was emitted for the current run
};
