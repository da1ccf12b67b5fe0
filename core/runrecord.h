#pragma once

#include "hugepages.h"
#include "scenario.h"

#include <QByteArrayView>
#include <QHash>
#include <QStringList>
#include <QVariant>

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

enum class TaskStatus : quint8 {
    Pending, // not started yet
    Running,
    Ok,
    Failed,
    Cancelled,
};

QString taskStatusName(TaskStatus status); // "pending", "running", "ok", "failed", "cancelled"
// The same in the user interface language, for display; files and logs keep taskStatusName().
QString taskStatusDisplayName(TaskStatus status);
std::optional<TaskStatus> taskStatusFromName(QStringView name);
inline bool isTerminal(TaskStatus status)
{
    return status == TaskStatus::Ok || status == TaskStatus::Failed
           || status == TaskStatus::Cancelled;
}

// A consistent copy of one task's entry. Times are real nanoseconds since the run's start, -1 when
// the event has not happened (a cancelled task that never started has started == -1).
struct TaskSample
{
    qint64 submittedNs = -1;
    // When a pool thread took the task: equals startedNs in fifo admission; earlier in in-task
    // admission when the task then waited for a permit on that thread. -1 before.
    qint64 pickedNs = -1;
    qint64 startedNs = -1;
    qint64 finishedNs = -1;
    int worker = 0; // 1-based pool thread ordinal, 0 when it never ran
    TaskStatus status = TaskStatus::Pending;

    bool hasStarted() const { return startedNs >= 0; }
    bool hasFinished() const { return finishedNs >= 0; }
};

// Text shown with each task of a run read from another system's trace (its category and args, as
// JSON), packed in one buffer: a million tasks cost one offset each beside their text.
struct TaskDetails
{
    QByteArray text; // UTF-8, the tasks' texts one after another
    std::vector<quint32>
            ends; // ends[i]: where task i's text ends in text (so ends.size() == tasks)

    void append(QByteArrayView utf8)
    {
        text += utf8;
        ends.push_back(quint32(text.size()));
    }
    QString at(qsizetype index) const
    {
        if (index < 0 || size_t(index) >= ends.size())
            return QString();
        const quint32 begin = index == 0 ? 0 : ends[size_t(index) - 1];
        return QString::fromUtf8(text.constData() + begin, qsizetype(ends[size_t(index)] - begin));
    }
};

// One start or finish, in the order they were published.
struct RunEvent
{
    qint32 task = 0;
    bool finish = false;
};

// The one record of a run: what every view, exporter and statistic reads.
//
// Writers (pool threads) never lock to record a start or a finish: each task's entry is written by
// exactly one thread and published with a release store of its status, and each event takes a
// slot in a preallocated array with one fetch_add. Readers take an acquire load and see whole
// entries. Only results that cannot be derived from the task (errors, HTTP bodies) go through a
// small mutex.
class RunRecord
{
public:
    explicit RunRecord(Scenario scenario);
    ~RunRecord();
    RunRecord(const RunRecord &) = delete;
    RunRecord &operator=(const RunRecord &) = delete;

    const Scenario &scenario() const { return m_scenario; }
    const RunOptions &options() const { return m_scenario.options; }
    qsizetype taskCount() const { return m_scenario.tasks.size(); }
    const Task &task(qsizetype index) const { return m_scenario.tasks.at(index); }
    QString runName() const { return m_scenario.options.runName(); }

    // Writer side, used by the engine.
    void markSubmitted(qsizetype index, qint64 ns);
    // In-task admission: a pool thread has taken the task, which now waits for its permits.
    void markPicked(qsizetype index, qint64 ns);
    // pickedNs < 0: picked when started (fifo admission).
    void markStarted(qsizetype index, qint64 ns, int worker, qint64 pickedNs = -1);
    void markFinished(qsizetype index, qint64 ns, TaskStatus status,
                      const QString &resultText = {});
    // An HTTP attempt of a running task failed at ns (its answer or error came then): rejected
    // when the answer was 429 Too Many Requests. retrying: another attempt follows (after the
    // backoff); false for the task's last attempt, whose failure is the task's result. Called by
    // the task's own thread before markFinished().
    void markAttemptFailed(qsizetype index, qint64 ns, bool rejected, bool retrying);

    // Reader side, safe while the run goes on.
    TaskSample sample(qsizetype index) const;
    TaskStatus status(qsizetype index) const;
    // The task's result: a double (a sleep's duration, like the article's `return sec`) or a
    // string (a message, an HTTP body, an error). Invalid while the task has not finished.
    QVariant result(qsizetype index) const;
    qsizetype finishedCount() const { return m_finished.load(std::memory_order_acquire); }
    bool isComplete() const { return finishedCount() == taskCount(); }

    // Events [0, publishedEventCount()) are readable in publication order. The engine advances the
    // published count with publishEvents(), the only call that needs a single caller at a time.
    qsizetype publishedEventCount() const { return m_published.load(std::memory_order_acquire); }
    RunEvent event(qsizetype k) const;
    qsizetype publishEvents();

    // Requests the task made: 0 before it started, 1 + its retries after. Tasks without retries
    // cost nothing here (a side table holds only the tasks that retried or were rejected).
    int attempts(qsizetype index) const;
    // When each failed attempt that was retried ended (real ns since the run's start), in order:
    // the marks the timeline draws inside the task's bar. Empty for a task read from a CSV file.
    QList<qint64> retryTimes(qsizetype index) const;
    // 429 answers the task received (retried or not).
    int rejectedCount(qsizetype index) const;
    // Over every task: attempts after the first, and 429 answers.
    qsizetype totalRetries() const { return m_totalRetries.load(std::memory_order_acquire); }
    qsizetype totalRejected() const { return m_totalRejected.load(std::memory_order_acquire); }

    // Indices of the finished tasks in the order they finished (published events only).
    QList<qsizetype> completionOrder() const;

    double toScenarioSeconds(qint64 ns) const
    {
        return double(ns) / 1e9 / m_scenario.options.timeScale;
    }
    qint64 toNanoseconds(double scenarioSeconds) const;

    // For runs read back from a file: sets a finished task directly, no events involved.
    void setLoaded(qsizetype index, const TaskSample &sample, const QVariant &result);
    // A CSV's attempts column (1 when the file has none): before finishLoading().
    void setLoadedAttempts(qsizetype index, int attempts);
    void finishLoading();

    // Names of the pool threads (worker w is workerNames()[w - 1]); empty for runs of the engine
    // ("thread 3"). An opened trace names its lanes after the trace's threads. Set before the
    // record is shared.
    void setWorkerNames(QStringList names) { m_workerNames = std::move(names); }
    const QStringList &workerNames() const { return m_workerNames; }
    // workerNames()[worker - 1], or an empty string when there is none.
    QString workerName(int worker) const
    {
        return worker >= 1 && worker <= m_workerNames.size() ? m_workerNames.at(worker - 1)
                                                             : QString();
    }
    // Extra text per task (an opened trace's category and args) for tooltips and details; null
    // for runs of the engine. Set before the record is shared.
    void setTaskDetails(std::shared_ptr<const TaskDetails> details)
    {
        m_details = std::move(details);
    }
    QString taskDetails(qsizetype index) const
    {
        return m_details ? m_details->at(index) : QString();
    }
    bool hasTaskDetails() const { return bool(m_details); }
    // The same texts, shared (a replay's records show them without a copy).
    const std::shared_ptr<const TaskDetails> &sharedTaskDetails() const { return m_details; }

    // Bytes the record itself holds per task (entry and event slots), for benchmarks. The
    // scenario's tasks (sizeof(Task) each, shared with the caller) and results that could not be
    // derived from the task come on top.
    qsizetype bytesPerTask() const;

private:
    struct Entry
    {
        std::atomic<TaskStatus> status{TaskStatus::Pending};
        quint32 worker = 0;
        // Atomic because it is written before the task's status says anything; relaxed suffices
        // for a value that is written once and read on its own.
        std::atomic<qint64> submittedNs{-1};
        qint64 startedNs = -1;
        qint64 finishedNs = -1;
    };
    void pushEvent(qsizetype index, bool finish);
    void allocatePicked();

    Scenario m_scenario;
    QStringList m_workerNames;
    std::shared_ptr<const TaskDetails> m_details;
    HugePages::Array<Entry> m_entries;
    // When a pool thread took each task, -1 for "when it started". Only in-task runs (and files
    // that recorded a different time) have it: a fifo run's million entries stay 40 bytes.
    // Relaxed atomics, like submittedNs: readable while the task waits for its permit.
    HugePages::Array<std::atomic<qint64>> m_picked;
    HugePages::Array<std::atomic<qint32>> m_events; // task * 2 + finish, -1 when not yet written
    qsizetype m_eventCapacity = 0;
    std::atomic<qsizetype> m_reserved{0};
    std::atomic<qsizetype> m_published{0};
    std::atomic<qsizetype> m_finished{0};

    // std::mutex, not QMutex: ThreadSanitizer cannot see QMutex's futex in the distro's Qt and
    // would report every access to m_results as a race.
    mutable std::mutex m_resultMutex;
    QHash<qsizetype, QVariant> m_results; // only results that are not derived from the task
    std::atomic<bool> m_hasStoredResults{false}; // lets result() skip the mutex in the common case

    struct Attempts
    {
        QList<qint64> retryTimes; // retried attempts' ends
        int extraAttempts = 0; // loaded files: retries without times
        int rejected = 0;
    };
    QHash<qsizetype, Attempts>
            m_attempts; // behind m_resultMutex; only tasks that retried or got 429
    std::atomic<qsizetype> m_totalRetries{0};
    std::atomic<qsizetype> m_totalRejected{0};
};
