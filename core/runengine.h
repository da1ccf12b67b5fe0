#pragma once

#include "schedule.h"

#include <QObject>

#include <memory>

class RunRecord;
struct RunState;

// Runs a scenario on its own QThreadPool and writes everything that happens into a RunRecord.
//
// Each pool thread runs a worker loop: acquire a permit of the limit's QSemaphore, take the next
// task in submission order (one atomic counter), run it, record its finish, release the permit.
// Admission is FIFO although QSemaphore wakes waiters in no fixed order, because a permit is not
// tied to a task: whichever worker gets it takes the oldest task not yet taken. No task is queued
// in the pool per se, so a million-task run costs no million QRunnables.
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
    // Nanoseconds since the current run started, on the clock the record uses.
    qint64 elapsedNs() const;

    void setProgressInterval(int ms);
    // Nice value added to the run's pool threads (Linux; 0 leaves them as they are), from the next
    // run on. A desktop front end sets it so its own thread, which paints the run, is served
    // first when zero-duration tasks keep every core busy; tasks that sleep or wait on the
    // network are not affected, and tasks of one run stay equal among themselves.
    void setWorkerNice(int nice);
    int workerNice() const { return m_workerNice; }
    int progressInterval() const { return m_progressInterval; }

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

    std::shared_ptr<RunState> m_state;
    std::shared_ptr<RunRecord> m_record;
    Schedule m_prediction;
    class QTimer *m_timer = nullptr;
    int m_progressInterval = 16;
    int m_workerNice = 0;
    bool m_running = false;
    bool m_launched = false;
    bool m_cancelled = false;
    qint64 m_lastElapsedNs = 0;
};
