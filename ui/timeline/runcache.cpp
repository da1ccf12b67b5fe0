#include "runcache.h"

#include "hugepages.h"
#include "runrecord.h"

#include <algorithm>

namespace {

// Orders a live run's increments as concurrencySteps() orders its deltas: by time, finishes
// before starts at the same instant.
struct ByIncrement
{
    bool operator()(const ConcurrencyStep &a, const ConcurrencyStep &b) const
    {
        return a.ns != b.ns ? a.ns < b.ns : a.running < b.running;
    }
};

} // namespace

RunCache::RunCache(std::shared_ptr<const RunRecord> record)
    : m_record(std::move(record))
{
}

ConcurrencyStep RunCache::valueAt(double ns) const
{
    const auto it =
            std::partition_point(m_steps.begin(), m_steps.end(),
                                 [&](const ConcurrencyStep &s) { return double(s.ns) <= ns; });
    return it == m_steps.begin() ? ConcurrencyStep{0, 0, 0} : *(it - 1);
}

void RunCache::build()
{
    const RunRecord &r = *m_record;
    // Read completeness first: if it says complete, the scan below sees every final entry.
    const bool complete = r.isComplete();

    m_steps = concurrencySteps(r);
    m_stepBlocks.build(m_steps);
    m_maxRunning = m_stepBlocks.peakRunning;
    m_maxWaiting = m_stepBlocks.peakWaiting;

    // One sequential pass over the record; workers' lanes are collected with their start times,
    // so sorting them never goes back to the record.
    struct Item
    {
        qint64 start;
        qint32 id;
    };
    std::vector<std::vector<Item>> lanes;
    m_lastNs = 0;
    m_failed = 0;
    m_cancelled = 0;
    const qsizetype tasks = r.taskCount();
    for (qsizetype i = 0; i < tasks; ++i) {
        const TaskSample s = r.sample(i);
        m_lastNs = std::max({m_lastNs, s.submittedNs, s.startedNs, s.finishedNs});
        if (s.status == TaskStatus::Failed)
            ++m_failed;
        else if (s.status == TaskStatus::Cancelled)
            ++m_cancelled;
        if (s.startedNs >= 0 && s.worker > 0) {
            if (size_t(s.worker) > lanes.size())
                lanes.resize(size_t(s.worker));
            lanes[size_t(s.worker - 1)].push_back({s.startedNs, qint32(i)});
        }
    }
    m_byWorker.clear();
    m_byWorker.resize(lanes.size());
    for (size_t w = 0; w < lanes.size(); ++w) {
        std::vector<Item> &items = lanes[w];
        // A pool thread takes tasks in submission order, so lanes are normally sorted already.
        const auto byStart = [](const Item &a, const Item &b) { return a.start < b.start; };
        if (!std::is_sorted(items.begin(), items.end(), byStart))
            std::stable_sort(items.begin(), items.end(), byStart);
        std::vector<qint32> &ids = m_byWorker[w];
        ids.resize(items.size());
        for (size_t k = 0; k < items.size(); ++k)
            ids[k] = items[k].id;
    }

    m_complete = complete;
    m_built = true;
}

// Brings a live run's derived data up to date in O(new events). While the run is live, steps
// holds one entry per increment (submit, start, finish) with the running and waiting counts
// after it; new increments are appended raw, sorted, merged in place with the stretch they
// overlap (turned back into increments) and summed from there. No allocation: steps is reserved
// for three increments per task when the run is first seen.
void RunCache::updateLive()
{
    const RunRecord &r = *m_record;
    const qsizetype n = r.taskCount();
    QList<ConcurrencyStep> &steps = m_steps;
    const qsizetype old = steps.size();
    for (; m_liveSubmitted < n; ++m_liveSubmitted) {
        const TaskSample s = r.sample(m_liveSubmitted);
        if (s.submittedNs < 0)
            break;
        steps.append({s.submittedNs, 0, +1});
        m_lastNs = std::max(m_lastNs, s.submittedNs);
    }
    const qsizetype published = r.publishedEventCount();
    for (; m_liveEvents < published; ++m_liveEvents) {
        const RunEvent e = r.event(m_liveEvents);
        const TaskSample s = r.sample(e.task);
        if (!e.finish) {
            if (s.startedNs < 0)
                continue;
            steps.append({s.startedNs, +1, -1});
            if (s.worker > 0) {
                if (size_t(s.worker) > m_byWorker.size()) {
                    const size_t perWorker = size_t(n / std::max(1, s.worker)) + 16;
                    m_byWorker.resize(size_t(s.worker));
                    for (auto &lane : m_byWorker)
                        lane.reserve(perWorker);
                }
                m_byWorker[size_t(s.worker - 1)].push_back(e.task);
            }
            m_lastNs = std::max(m_lastNs, s.startedNs);
            continue;
        }
        if (s.finishedNs < 0)
            continue;
        ++m_liveFinishes;
        if (s.status == TaskStatus::Failed)
            ++m_failed;
        else if (s.status == TaskStatus::Cancelled)
            ++m_cancelled;
        if (s.startedNs >= 0)
            steps.append({std::max(s.finishedNs, s.startedNs), -1, 0});
        else
            steps.append({s.finishedNs, 0, -1});
        m_lastNs = std::max(m_lastNs, s.finishedNs);
    }
    if (steps.size() == old)
        return;
    const auto begin = steps.begin();
    if (!std::is_sorted(begin + old, steps.end(), ByIncrement()))
        std::sort(begin + old, steps.end(), ByIncrement());
    // Publication order is close to time order: usually the new increments simply follow.
    qsizetype from = old;
    if (old > 0 && steps.at(old).ns < steps.at(old - 1).ns) {
        from = std::partition_point(
                       begin, begin + old,
                       [&](const ConcurrencyStep &v) { return v.ns < steps.at(old).ns; })
               - begin;
        for (qsizetype k = old - 1; k >= from; --k) {
            const ConcurrencyStep previous = k > 0 ? steps.at(k - 1) : ConcurrencyStep{0, 0, 0};
            steps[k].running -= previous.running;
            steps[k].waiting -= previous.waiting;
        }
        std::inplace_merge(begin + from, begin + old, steps.end(), ByIncrement());
    }
    int running = from > 0 ? steps.at(from - 1).running : 0;
    int waiting = from > 0 ? steps.at(from - 1).waiting : 0;
    for (qsizetype k = from; k < steps.size(); ++k) {
        running += steps.at(k).running;
        waiting += steps.at(k).waiting;
        steps[k].running = running;
        steps[k].waiting = waiting;
        m_maxRunning = std::max(m_maxRunning, running);
        m_maxWaiting = std::max(m_maxWaiting, waiting);
    }
}

// A run followed live has ended and all its events are in: its sorted increments give the step
// function in one pass, collapsed in place exactly as concurrencySteps() collapses its own (the
// value after the last increment of an instant, unchanged values skipped).
void RunCache::finalizeFromLive()
{
    QList<ConcurrencyStep> &steps = m_steps;
    qsizetype out = 0;
    for (qsizetype k = 0; k < steps.size(); ++k) {
        if (k + 1 < steps.size() && steps.at(k + 1).ns == steps.at(k).ns)
            continue;
        const ConcurrencyStep v = steps.at(k);
        if (out > 0 && steps.at(out - 1).running == v.running
            && steps.at(out - 1).waiting == v.waiting)
            continue;
        steps[out++] = v;
    }
    steps.resize(out);
    m_stepBlocks.build(steps);
    m_maxRunning = m_stepBlocks.peakRunning;
    m_maxWaiting = m_stepBlocks.peakWaiting;
    m_complete = true;
}

// A run seen live that completes keeps following its events until the last finish is
// published (the engine publishes everything before it reports the run finished), then
// finalizes in one pass. A record whose events do not come within a second (nobody publishes
// them), like a run seen only once it was complete, is read from its samples instead.
bool RunCache::update(bool clockRunning)
{
    if (!m_record || (m_built && m_complete))
        return false;
    if (m_record->isComplete()) {
        if (m_built) {
            updateLive();
            if (m_liveFinishes == m_record->taskCount()) {
                finalizeFromLive();
                return false;
            }
            if (!m_completeSeen.isValid())
                m_completeSeen.start();
            if (clockRunning || m_completeSeen.elapsed() < 1000)
                return false;
        }
        build();
        return true;
    }
    if (!m_built) {
        m_built = true;
        // At most three increments per task (submit, start, finish): allocate once, not while the
        // run streams in.
        m_steps.clear();
        m_steps.reserve(3 * m_record->taskCount());
        HugePages::advise(m_steps.data(), size_t(m_steps.capacity()) * sizeof(ConcurrencyStep));
        m_stepBlocks.clear();
    }
    updateLive();
    return false;
}
