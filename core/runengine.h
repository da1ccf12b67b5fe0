#pragma once

#include "schedule.h"

#include <QObject>

#include <memory>
#include <thread>

class RunRecord;
struct RunState;

// Runs a scenario on its own QThreadPool and writes everything that happens into a RunRecord.
//
// The pool has one thread per task up to ScenarioLimits::autoUnlimitedThreads (or --threads),
// limited or not: the limit is a QSemaphore's permits, and each gate (RunOptions::gates) is a
// QSemaphore of its own.
//
// Fifo admission: each started pool thread runs a worker loop (a limited run starts limit + 1 of
// them: the rest of the pool would only wait beside the one waiting for a permit): acquire a permit
// of the limit's QSemaphore, take the next task in submission order (one atomic counter; with
// gates, the oldest task whose gate has a free permit), run it, record its finish. Admission is
// FIFO although QSemaphore wakes waiters in no fixed order, because a permit is not tied to a task:
// whichever worker gets it takes the oldest task not yet taken. No task is queued in the pool per
// se, so a million-task run costs no million QRunnables.
//
// In-task admission: one job per task is started on the pool; the job acquires the semaphore
// (then its gate's) inside run(), holding its pool thread while it waits.
//
// Progress reaches the owning thread in batches: a timer publishes the events written since the
// last tick (at most ~60 times a second) and emits one progress() for all of them.
class RunEngine : public QObject
{
    Q_OBJECT
public:
    explicit RunEngine(QObject *parent = nullptr);
    ~RunEngine() override; // cancels a running run and waits for its threads

    // Starts a run; false (and nothing happens) while another run is going on. Same as prepare()
    // followed by launch().
    bool start(const Scenario &scenario);
    // The two halves of start(): prepare() builds the record and the prediction (record() is the
    // new run's from then on), launch() starts the threads. Between the two, views can set
    // themselves up for the run before it competes with them for the processor. A prepared run
    // must be launched; cancelling it first makes every task cancelled.
    bool prepare(const Scenario &scenario);
    void launch();
    // Running tasks stop within milliseconds, pending ones never start; all become cancelled.
    void cancel();
    bool isRunning() const;
    bool isCancelRequested() const;

    // The current (or last) run's record and predicted schedule; null before the first run.
    std::shared_ptr<const RunRecord> record() const;
    const Schedule &prediction() const { return m_prediction; }
    // The embedded endpoint's server of the current (or last) run
    // (LocalEndpoint::serverCounters()); 0 when the run has no local: task.
    int serverId() const { return m_serverId; }
    // Nanoseconds since the current run started, on the clock the record uses.
    qint64 elapsedNs() const;

    // Progress batches at most ~60 times a second: a display's rate, and few enough signals that
    // a 100,000-task run does not flood the event loop.
    static constexpr int progressIntervalMs = 16;
    int progressInterval() const { return progressIntervalMs; }

    // Blocks the calling thread (not processing events) until the run ends or the timeout expires.
    // For tools and tests only; views use the signals.
    bool waitForFinished(int timeoutMs = -1);

Q_SIGNALS:
    void started();
    // Events [firstEvent, endEvent) of record() are new since the last progress().
    void progress(qsizetype firstEvent, qsizetype endEvent);
    void finished();

protected:
    bool event(QEvent *event) override;

private:
    void publish();
    void complete(RunState *state);
    void joinReaper();

    std::shared_ptr<RunState> m_state;
    std::thread m_reaper; // joins a finished run's threads and frees its state
    std::shared_ptr<RunRecord> m_record;
    Schedule m_prediction;
    class QTimer *m_timer = nullptr;
    bool m_running = false;
    bool m_launched = false;
    bool m_cancelled = false;
    qint64 m_lastElapsedNs = 0;
    int m_serverId = 0;
};
