#include "runprogress.h"

#include "hugepages.h"
#include "runrecord.h"
#include "runreport.h"

#include <algorithm>
#include <limits>

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

// Sorts a range that is close to sorted (increments in publication order: a few out of place by
// a short way) by insertion, in time linear in the displacements; past a budget of moves it
// leaves the rest to std::sort. 132,000 live increments of a 100,000-task run: ~1 ms, against
// 5-14 ms for std::sort on the window's thread under the run.
template<typename It, typename Less>
void sortNearlySorted(It first, It last, Less less)
{
    if (last - first < 2 || std::is_sorted(first, last, less))
        return;
    qsizetype budget = 8 * qsizetype(last - first) + 64;
    for (It i = first + 1; i < last; ++i) {
        if (!less(*i, *(i - 1)))
            continue;
        auto value = std::move(*i);
        It hole = i;
        do {
            *hole = std::move(*(hole - 1));
            --hole;
        } while (--budget > 0 && hole > first && less(value, *(hole - 1)));
        *hole = std::move(value);
        if (budget <= 0) {
            std::sort(first, last, less);
            return;
        }
    }
}

// Two passes over the record, the first counting each pool thread's tasks, so every lane is
// allocated once at its size: growing them by doubling cost a third of this at a million tasks.
void buildByWorker(const RunRecord &r, RunProgress::Final &f)
{
    const qsizetype tasks = r.taskCount();
    std::vector<qsizetype> counts;
    for (qsizetype i = 0; i < tasks; ++i) {
        const TaskSample s = r.sample(i);
        f.lastNs = std::max({f.lastNs, s.submittedNs, s.startedNs, s.finishedNs});
        if (s.startedNs < 0 || s.worker <= 0)
            continue;
        if (size_t(s.worker) > counts.size())
            counts.resize(size_t(s.worker), 0);
        ++counts[size_t(s.worker - 1)];
    }
    f.byWorker.resize(counts.size());
    std::vector<std::vector<qint64>> starts(counts.size());
    for (size_t w = 0; w < counts.size(); ++w) {
        f.byWorker[w].reserve(size_t(counts[w]));
        starts[w].reserve(size_t(counts[w]));
    }
    for (qsizetype i = 0; i < tasks; ++i) {
        const TaskSample s = r.sample(i);
        if (s.startedNs < 0 || s.worker <= 0)
            continue;
        f.byWorker[size_t(s.worker - 1)].push_back(qint32(i));
        starts[size_t(s.worker - 1)].push_back(s.startedNs);
    }
    for (size_t w = 0; w < counts.size(); ++w) {
        // A pool thread takes tasks in submission order, so lanes are normally sorted already.
        const std::vector<qint64> &t = starts[w];
        if (std::is_sorted(t.begin(), t.end()))
            continue;
        std::vector<qint32> &ids = f.byWorker[w];
        std::vector<size_t> order(ids.size());
        for (size_t k = 0; k < order.size(); ++k)
            order[k] = k;
        std::stable_sort(order.begin(), order.end(),
                         [&t](size_t a, size_t b) { return t[a] < t[b]; });
        std::vector<qint32> sorted(ids.size());
        for (size_t k = 0; k < order.size(); ++k)
            sorted[k] = ids[order[k]];
        ids.swap(sorted);
    }
}

const StepBlocks &emptyBlocks()
{
    static const StepBlocks none;
    return none;
}

const RunStats &emptyStats()
{
    static const RunStats none;
    return none;
}

} // namespace

RunProgress::RunProgress(std::shared_ptr<const RunRecord> record, Schedule prediction)
    : m_record(std::move(record))
    , m_prediction(std::move(prediction))
{
}

RunProgress::~RunProgress() = default;

std::shared_ptr<RunProgress> RunProgress::completed(std::shared_ptr<const RunRecord> record,
                                                    Schedule prediction)
{
    auto progress = std::make_shared<RunProgress>(std::move(record), std::move(prediction));
    progress->setFinal(finalData(*progress->m_record, progress->m_prediction));
    return progress;
}

std::shared_ptr<const RunProgress::Final> RunProgress::finalData(const RunRecord &record,
                                                                 const Schedule &prediction)
{
    auto f = std::make_shared<Final>();
    f->steps = concurrencySteps(record, &f->blocks);
    buildByWorker(record, *f);
    f->stats = computeStats(record, prediction, &f->steps);
    f->resultsLine = RunReport::resultsLine(record, statusResults);
    return f;
}

void RunProgress::setFinal(std::shared_ptr<const Final> final)
{
    m_final = std::move(final);
    if (!m_final)
        return;
    const RunRecord &r = *m_record;
    const RunStats &st = m_final->stats;
    m_submitted = 0;
    m_finishedUnstarted = 0;
    for (qsizetype i = 0; i < r.taskCount(); ++i) {
        const TaskSample s = r.sample(i);
        m_submitted += s.submittedNs >= 0 ? 1 : 0;
        m_finishedUnstarted += !s.hasStarted() && s.hasFinished() ? 1 : 0;
    }
    m_started = st.started;
    m_finishedStarted = st.ok + st.failed + st.cancelled - m_finishedUnstarted;
    m_ok = st.ok;
    m_failed = st.failed;
    m_cancelled = st.cancelled;
    m_lastNs = m_final->lastNs;
    m_maxRunning = m_final->blocks.peakRunning;
    m_maxWaiting = m_final->blocks.peakWaiting;
    // The live copies are no longer read.
    m_liveSteps = {};
    m_liveByWorker = {};
}

// Live, steps holds one entry per increment (submit, start, finish) with the running and waiting
// counts after it; new increments are appended raw, sorted, merged in place with the stretch they
// overlap (turned back into increments) and summed from there. Reserved for three increments per
// task when the run is first seen, so a streaming run does not reallocate.
void RunProgress::update(qsizetype maxEvents)
{
    if (m_final)
        return;
    const RunRecord &r = *m_record;
    const qsizetype n = r.taskCount();
    for (; m_submitted < n; ++m_submitted) {
        const TaskSample s = r.sample(m_submitted);
        if (s.submittedNs < 0)
            break;
        m_lastNs = std::max(m_lastNs, s.submittedNs);
    }
    qsizetype published = r.publishedEventCount();
    if (maxEvents >= 0)
        published = std::min(published, m_seenEvents + maxEvents);
    for (; m_seenEvents < published; ++m_seenEvents) {
        const RunEvent e = r.event(m_seenEvents);
        const TaskSample s = r.sample(e.task);
        if (!e.finish) {
            if (s.startedNs < 0)
                continue;
            ++m_started;
            m_lastNs = std::max(m_lastNs, s.startedNs);
            continue;
        }
        if (s.finishedNs < 0)
            continue;
        switch (s.status) {
        case TaskStatus::Ok:
            ++m_ok;
            break;
        case TaskStatus::Failed:
            ++m_failed;
            break;
        case TaskStatus::Cancelled:
            ++m_cancelled;
            break;
        default:
            break;
        }
        ++(s.startedNs >= 0 ? m_finishedStarted : m_finishedUnstarted);
        m_lastNs = std::max(m_lastNs, s.finishedNs);
    }
}

// The live step function and each pool thread's tasks are followed only for a reader that asks
// (the timeline): the CLI never does, and a million-task run then does not hold 48 MB of
// increments.
void RunProgress::followSteps() const
{
    const RunRecord &r = *m_record;
    const qsizetype n = r.taskCount();
    QList<ConcurrencyStep> &steps = m_liveSteps;
    if (steps.capacity() == 0 && n > 0)
        steps = HugePages::makeList<ConcurrencyStep>(3 * n);
    const qsizetype old = steps.size();
    // Up to what update() has seen, so the steps agree with the counts.
    for (; m_stepSubmitted < m_submitted; ++m_stepSubmitted)
        steps.append({r.sample(m_stepSubmitted).submittedNs, 0, +1});
    const qsizetype submits = steps.size();
    for (; m_stepEvents < m_seenEvents; ++m_stepEvents) {
        const RunEvent e = r.event(m_stepEvents);
        const TaskSample s = r.sample(e.task);
        if (!e.finish) {
            if (s.startedNs < 0)
                continue;
            steps.append({s.startedNs, +1, -1});
            if (s.worker > 0) {
                if (size_t(s.worker) > m_liveByWorker.size())
                    m_liveByWorker.resize(size_t(s.worker));
                m_liveByWorker[size_t(s.worker - 1)].push_back(e.task);
            }
            continue;
        }
        if (s.finishedNs < 0)
            continue;
        if (s.startedNs >= 0)
            steps.append({std::max(s.finishedNs, s.startedNs), -1, 0});
        else
            steps.append({s.finishedNs, 0, -1});
    }
    if (steps.size() == old)
        return;
    const auto begin = steps.begin();
    // Two runs, each close to time order: the submissions (in submission order) and the starts
    // and finishes (in publication order), which overlap in time while tasks are still submitted.
    sortNearlySorted(begin + old, begin + submits, ByIncrement());
    sortNearlySorted(begin + submits, steps.end(), ByIncrement());
    if (submits > old && submits < steps.size()
        && ByIncrement()(steps.at(submits), steps.at(submits - 1)))
        std::inplace_merge(begin + old, begin + submits, steps.end(), ByIncrement());
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
    int runningNow = from > 0 ? steps.at(from - 1).running : 0;
    int waitingNow = from > 0 ? steps.at(from - 1).waiting : 0;
    for (qsizetype k = from; k < steps.size(); ++k) {
        runningNow += steps.at(k).running;
        waitingNow += steps.at(k).waiting;
        steps[k].running = runningNow;
        steps[k].waiting = waitingNow;
    }
    // A late event inserted before earlier ones can lower values counted before (a finish that
    // was published after a later start): then the extremes are those of the whole function
    // again, one pass over integers.
    qsizetype scanFrom = from;
    if (from < old) {
        m_maxRunning = 0;
        m_maxWaiting = 0;
        scanFrom = 0;
    }
    for (qsizetype k = scanFrom; k < steps.size(); ++k) {
        m_maxRunning = std::max(m_maxRunning, steps.at(k).running);
        m_maxWaiting = std::max(m_maxWaiting, steps.at(k).waiting);
    }
}

const QList<ConcurrencyStep> &RunProgress::steps() const
{
    if (m_final)
        return m_final->steps;
    followSteps();
    return m_liveSteps;
}

ConcurrencyStep RunProgress::at(qint64 ns) const
{
    const QList<ConcurrencyStep> &s = steps();
    const auto it = std::upper_bound(s.cbegin(), s.cend(), ns,
                                     [](qint64 t, const ConcurrencyStep &v) { return t < v.ns; });
    if (it == s.cbegin())
        return {ns, 0, 0};
    ConcurrencyStep v = *(it - 1);
    v.ns = ns;
    return v;
}

int RunProgress::maxRunning() const
{
    if (!m_final)
        followSteps();
    return m_maxRunning;
}

int RunProgress::maxWaiting() const
{
    if (!m_final)
        followSteps();
    return m_maxWaiting;
}

const StepBlocks &RunProgress::stepBlocks() const
{
    return m_final ? m_final->blocks : emptyBlocks();
}

const std::vector<std::vector<qint32>> &RunProgress::byWorker() const
{
    if (m_final)
        return m_final->byWorker;
    followSteps();
    return m_liveByWorker;
}

const RunStats &RunProgress::stats() const
{
    return m_final ? m_final->stats : emptyStats();
}

QString RunProgress::resultsLine() const
{
    return m_final ? m_final->resultsLine : QString();
}
