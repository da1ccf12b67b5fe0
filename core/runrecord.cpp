#include "runrecord.h"

#include "hugepages.h"
#include "radixsort.h"

#include <QCoreApplication>

#include <cmath>

QString taskStatusName(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Pending:
        return QStringLiteral("pending");
    case TaskStatus::Running:
        return QStringLiteral("running");
    case TaskStatus::Ok:
        return QStringLiteral("ok");
    case TaskStatus::Failed:
        return QStringLiteral("failed");
    case TaskStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QString();
}

QString taskStatusDisplayName(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Pending:
        return QCoreApplication::translate("TaskStatus", "pending");
    case TaskStatus::Running:
        return QCoreApplication::translate("TaskStatus", "running");
    case TaskStatus::Ok:
        return QCoreApplication::translate("TaskStatus", "ok");
    case TaskStatus::Failed:
        return QCoreApplication::translate("TaskStatus", "failed");
    case TaskStatus::Cancelled:
        return QCoreApplication::translate("TaskStatus", "cancelled");
    }
    return QString();
}

std::optional<TaskStatus> taskStatusFromName(QStringView name)
{
    for (TaskStatus s : {TaskStatus::Pending, TaskStatus::Running, TaskStatus::Ok,
                         TaskStatus::Failed, TaskStatus::Cancelled}) {
        if (name == taskStatusName(s))
            return s;
    }
    return std::nullopt;
}

RunRecord::RunRecord(Scenario scenario)
    : m_scenario(std::move(scenario))
{
    const qsizetype n = m_scenario.tasks.size();
    m_entries = HugePages::makeArray<Entry>(size_t(n));
    m_eventCapacity = 2 * n;
    m_events = HugePages::makeArray<std::atomic<qint32>>(size_t(m_eventCapacity));
    for (qsizetype k = 0; k < m_eventCapacity; ++k)
        m_events[k].store(-1, std::memory_order_relaxed);
    if (m_scenario.options.admission == Admission::InTask)
        allocatePicked();
}

void RunRecord::allocatePicked()
{
    const qsizetype n = m_scenario.tasks.size();
    m_picked = HugePages::makeArray<std::atomic<qint64>>(size_t(n));
    for (qsizetype k = 0; k < n; ++k)
        m_picked[k].store(-1, std::memory_order_relaxed);
}

RunRecord::~RunRecord() = default;

void RunRecord::markSubmitted(qsizetype index, qint64 ns)
{
    m_entries[index].submittedNs.store(ns, std::memory_order_relaxed);
}

void RunRecord::markPicked(qsizetype index, qint64 ns)
{
    Q_ASSERT(m_picked); // in-task runs only
    m_picked[index].store(ns, std::memory_order_relaxed);
}

void RunRecord::markStarted(qsizetype index, qint64 ns, int worker, qint64 pickedNs)
{
    if (m_picked && pickedNs >= 0)
        m_picked[index].store(pickedNs, std::memory_order_relaxed);
    Entry &e = m_entries[index];
    e.startedNs = ns;
    e.worker = quint32(worker);
    e.status.store(TaskStatus::Running, std::memory_order_release);
    pushEvent(index, false);
}

void RunRecord::markFinished(qsizetype index, qint64 ns, TaskStatus status,
                             const QString &resultText)
{
    Q_ASSERT(isTerminal(status));
    if (!resultText.isNull()) {
        std::lock_guard locker(m_resultMutex);
        m_results.insert(index, resultText);
        m_hasStoredResults.store(true, std::memory_order_release);
    }
    Entry &e = m_entries[index];
    e.finishedNs = ns;
    e.status.store(status, std::memory_order_release);
    pushEvent(index, true);
    m_finished.fetch_add(1, std::memory_order_acq_rel);
}

void RunRecord::markAttemptFailed(qsizetype index, qint64 ns, bool rejected, bool retrying)
{
    if (!rejected && !retrying)
        return; // the task's own failure: its status and result say it
    std::lock_guard locker(m_resultMutex);
    Attempts &a = m_attempts[index];
    if (retrying) {
        a.retryTimes.append(ns);
        m_totalRetries.fetch_add(1, std::memory_order_acq_rel);
    }
    if (rejected) {
        ++a.rejected;
        m_totalRejected.fetch_add(1, std::memory_order_acq_rel);
    }
}

int RunRecord::attempts(qsizetype index) const
{
    if (!sample(index).hasStarted())
        return 0;
    if (m_totalRetries.load(std::memory_order_acquire) == 0)
        return 1;
    std::lock_guard locker(m_resultMutex);
    const auto it = m_attempts.constFind(index);
    if (it == m_attempts.cend())
        return 1;
    return 1 + int(it->retryTimes.size()) + it->extraAttempts;
}

QList<qint64> RunRecord::retryTimes(qsizetype index) const
{
    if (m_totalRetries.load(std::memory_order_acquire) == 0)
        return {};
    std::lock_guard locker(m_resultMutex);
    return m_attempts.value(index).retryTimes;
}

int RunRecord::rejectedCount(qsizetype index) const
{
    if (m_totalRejected.load(std::memory_order_acquire) == 0)
        return 0;
    std::lock_guard locker(m_resultMutex);
    return m_attempts.value(index).rejected;
}

void RunRecord::setLoadedAttempts(qsizetype index, int attempts)
{
    if (attempts <= 1)
        return;
    std::lock_guard locker(m_resultMutex);
    m_attempts[index].extraAttempts = attempts - 1;
    m_totalRetries.fetch_add(attempts - 1, std::memory_order_acq_rel);
}

void RunRecord::pushEvent(qsizetype index, bool finish)
{
    const qsizetype slot = m_reserved.fetch_add(1, std::memory_order_relaxed);
    Q_ASSERT(slot < m_eventCapacity);
    m_events[slot].store(qint32(index * 2 + (finish ? 1 : 0)), std::memory_order_release);
}

qsizetype RunRecord::publishEvents()
{
    qsizetype k = m_published.load(std::memory_order_relaxed);
    // Stop at the first slot that is reserved but not yet written, so the published prefix keeps
    // its order and never has holes.
    while (k < m_eventCapacity && m_events[k].load(std::memory_order_acquire) >= 0)
        ++k;
    m_published.store(k, std::memory_order_release);
    return k;
}

RunEvent RunRecord::event(qsizetype k) const
{
    const qint32 code = m_events[k].load(std::memory_order_acquire);
    Q_ASSERT(code >= 0);
    return RunEvent{code / 2, (code & 1) != 0};
}

TaskStatus RunRecord::status(qsizetype index) const
{
    return m_entries[index].status.load(std::memory_order_acquire);
}

TaskSample RunRecord::sample(qsizetype index) const
{
    const Entry &e = m_entries[index];
    TaskSample s;
    s.status = e.status.load(std::memory_order_acquire);
    s.submittedNs = e.submittedNs.load(std::memory_order_relaxed);
    if (m_picked)
        s.pickedNs = m_picked[index].load(std::memory_order_relaxed);
    if (s.status != TaskStatus::Pending) {
        // A cancelled task that never ran has status Cancelled and startedNs still -1.
        s.startedNs = e.startedNs;
        s.worker = int(e.worker);
    }
    if (isTerminal(s.status))
        s.finishedNs = e.finishedNs;
    if (s.pickedNs < 0)
        s.pickedNs = s.startedNs; // fifo: picked when started
    return s;
}

QVariant RunRecord::result(qsizetype index) const
{
    const TaskStatus s = status(index);
    if (!isTerminal(s))
        return QVariant();
    if (m_hasStoredResults.load(std::memory_order_acquire)) {
        std::lock_guard locker(m_resultMutex);
        const auto it = m_results.constFind(index);
        if (it != m_results.constEnd())
            return it.value();
    }
    if (s == TaskStatus::Cancelled)
        return QStringLiteral("cancelled");
    const Task &t = task(index);
    if (!t.message().isNull())
        return t.message();
    return t.duration;
}

QList<qsizetype> RunRecord::completionOrder() const
{
    QList<qsizetype> order;
    order.reserve(finishedCount());
    const qsizetype published = publishedEventCount();
    for (qsizetype k = 0; k < published; ++k) {
        const RunEvent e = event(k);
        if (e.finish)
            order.append(e.task);
    }
    return order;
}

qint64 RunRecord::toNanoseconds(double scenarioSeconds) const
{
    return qint64(std::llround(scenarioSeconds * m_scenario.options.timeScale * 1e9));
}

void RunRecord::setLoaded(qsizetype index, const TaskSample &sample, const QVariant &result)
{
    Entry &e = m_entries[index];
    e.submittedNs.store(sample.submittedNs, std::memory_order_relaxed);
    if (sample.pickedNs >= 0 && sample.pickedNs != sample.startedNs) {
        if (!m_picked)
            allocatePicked(); // loading is single-threaded, before anyone reads the record
        m_picked[index].store(sample.pickedNs, std::memory_order_relaxed);
    }
    e.startedNs = sample.startedNs;
    e.finishedNs = sample.finishedNs;
    e.worker = quint32(sample.worker);
    e.status.store(sample.status, std::memory_order_release);
    if (result.isValid()) {
        std::lock_guard locker(m_resultMutex);
        m_results.insert(index, result);
        m_hasStoredResults.store(true, std::memory_order_release);
    }
}

void RunRecord::finishLoading()
{
    // Rebuild the event order from the timestamps so completion order and live views work.
    // 12 bytes, not 16: the radix sort holds two arrays of them, as many bytes as
    // std::stable_sort's array and half-size buffer of padded ones.
#pragma pack(push, 4)
    struct Item
    {
        qint64 t;
        qint32 code;
    };
#pragma pack(pop)
    static_assert(sizeof(Item) == 12);
    HugePages::Vector<Item> items;
    const qsizetype n = taskCount();
    items.reserve(size_t(2 * n));
    qsizetype finished = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const Entry &e = m_entries[i];
        if (e.startedNs >= 0)
            items.push_back({e.startedNs, qint32(i * 2)});
        if (isTerminal(e.status.load(std::memory_order_relaxed))) {
            items.push_back({std::max(e.finishedNs, e.startedNs), qint32(i * 2 + 1)});
            ++finished;
        }
    }
    // Radix, not std::stable_sort's merges: a what-if of a million tasks took 0.37-0.40 s
    // before and 0.30-0.33 s after (bench_sweep's whatif_seconds_1m).
    radixSortBy(items, [](const Item &item) { return item.t; });
    for (size_t k = 0; k < items.size(); ++k)
        m_events[k].store(items[k].code, std::memory_order_relaxed);
    m_reserved.store(qsizetype(items.size()));
    m_published.store(qsizetype(items.size()), std::memory_order_release);
    m_finished.store(finished, std::memory_order_release);
}

qsizetype RunRecord::bytesPerTask() const
{
    return qsizetype(sizeof(Entry) + 2 * sizeof(std::atomic<qint32>)
                     + (m_picked ? sizeof(std::atomic<qint64>) : 0));
}
