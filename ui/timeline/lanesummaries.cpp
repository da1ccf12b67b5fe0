#include "lanesummaries.h"

#include "runrecord.h"
#include "schedule.h"

#include <algorithm>
#include <limits>

namespace {

// Sorts and merges one block's bars per style (overlapping and touching bars: their union is what
// the pixels show) and appends them to the level.
void addBlock(std::array<std::vector<Interval>, StyleCount> &items, LaneSummaries::Level &level)
{
    TaskBlock block;
    block.offset = quint32(level.intervals.size());
    for (int style = 0; style < StyleCount; ++style) {
        auto &v = items[size_t(style)];
        std::sort(v.begin(), v.end());
        size_t merged = 0;
        for (size_t j = 0; j < v.size(); ++j) {
            if (merged > 0 && v[j].from <= v[merged - 1].to) {
                Interval &m = v[merged - 1];
                m.to = std::max(m.to, v[j].to);
                m.lastStart = std::max(m.lastStart, v[j].lastStart);
            } else {
                v[merged++] = v[j];
            }
        }
        if (merged > size_t(LaneSummaries::maxBlockIntervals))
            block.irregular = true;
        const size_t kept = std::min<size_t>(merged, LaneSummaries::maxBlockIntervals);
        block.count[size_t(style)] = quint8(kept);
        level.intervals.insert(level.intervals.end(), v.begin(), v.begin() + qsizetype(kept));
        v.clear();
    }
    level.blocks.push_back(block);
}

bool hasGhosts(const Schedule *prediction, qsizetype tasks)
{
    return prediction && prediction->start.size() == tasks && prediction->finish.size() == tasks;
}

} // namespace

void LaneSummaries::clear()
{
    *this = LaneSummaries();
}

// Summaries of task lanes: per block, the merged bars of each style. The upper level merges the
// lower one's summaries. Extends the blocks over tasks [m_blockTasks, upTo): upTo is a multiple
// of the lower block size, or the task count (the last block may be short). Every task below
// upTo must have ended: a summary is never revised.
void LaneSummaries::extendTaskBlocks(const RunRecord &r, const Schedule *prediction, qsizetype upTo)
{
    const qsizetype n = r.taskCount();
    const bool ghosts = hasGhosts(prediction, n);
    const double *key = ghosts ? prediction->start.constData() : nullptr;
    if (m_blockTasks > 0 && m_ghostKey != key) {
        m_levels = {}; // other ghosts: start again
        m_blockTasks = 0;
    }
    m_ghostKey = key;
    upTo = std::min(upTo, n);
    const double k = 1.0 / (1e9 * r.options().timeScale);
    std::array<std::vector<Interval>, StyleCount> items;
    Level &lower = m_levels[0];
    if (lower.blocks.empty()) {
        lower.blocks.reserve(size_t(n / blockSize[0] + 1));
        lower.intervals.reserve(size_t(n / blockSize[0] + 1) * 3);
    }
    for (qsizetype first = m_blockTasks; first < upTo; first += blockSize[0]) {
        const qsizetype end = std::min<qsizetype>(upTo, first + blockSize[0]);
        for (qsizetype i = first; i < end; ++i) {
            const auto add = [&](BarStyle style, double from, double to) {
                items[size_t(style)].push_back({from, to, from});
            };
            if (ghosts)
                add(GhostStyle, prediction->start.at(i), prediction->finish.at(i));
            // The same bars as the lanes draw task by task. Every task here has ended, so the
            // spans do not depend on now.
            TaskSpans t;
            if (!TaskSpans::read(r, i, 0, &t))
                continue;
            if (t.waitTo > t.waitFrom)
                add(t.waitStyle, double(t.waitFrom) * k, double(t.waitTo) * k);
            if (t.hasPermitWait())
                add(t.permitStyle, double(t.permitFrom) * k, double(t.permitTo) * k);
            if (t.runFrom >= 0)
                add(t.runStyle, double(t.runFrom) * k, double(t.runTo) * k);
        }
        addBlock(items, lower);
        m_blockTasks = end;
    }
    // Upper levels: a block once all its children exist (or, at the end, what there is).
    for (int lv = 1; lv < levels; ++lv) {
        const Level &below = m_levels[size_t(lv - 1)];
        Level &level = m_levels[size_t(lv)];
        const size_t children = size_t(blockSize[lv] / blockSize[lv - 1]);
        const bool all = m_blockTasks == n;
        for (size_t first = level.blocks.size() * children;
             first < below.blocks.size() && (all || first + children <= below.blocks.size());
             first += children) {
            bool irregular = false;
            for (size_t b = first; b < std::min(below.blocks.size(), first + children); ++b) {
                const TaskBlock &child = below.blocks[b];
                irregular = irregular || child.irregular;
                const Interval *interval = below.intervals.data() + child.offset;
                for (int style = 0; style < StyleCount; ++style) {
                    for (int j = 0; j < child.count[size_t(style)]; ++j, ++interval)
                        items[size_t(style)].push_back(*interval);
                }
            }
            addBlock(items, level);
            level.blocks.back().irregular = level.blocks.back().irregular || irregular;
        }
    }
    m_taskBlocksBuilt = m_blockTasks == n;
}

void LaneSummaries::ensureTaskBlocks(const RunRecord &r, const Schedule *prediction)
{
    const qsizetype n = r.taskCount();
    if (!hasGhosts(prediction, n))
        prediction = nullptr;
    if (!m_taskBlocksBuilt || m_ghostKey != (prediction ? prediction->start.constData() : nullptr))
        extendTaskBlocks(r, prediction, n);
}

void LaneSummaries::extendLive(const RunRecord &r, const Schedule *prediction)
{
    const qsizetype n = r.taskCount();
    if (!hasGhosts(prediction, n))
        prediction = nullptr;
    while (m_endedPrefix < n && isTerminal(r.status(m_endedPrefix)))
        ++m_endedPrefix;
    const qsizetype whole = m_endedPrefix / blockSize[0] * blockSize[0];
    if (m_ghostKey != (prediction ? prediction->start.constData() : nullptr)) {
        extendTaskBlocks(r, prediction, whole);
        return;
    }
    // Summarising an ended task costs about five times drawing it task by task (~150 ns against
    // ~30 ns), and pays off only over the frames that follow. A call summarises a quarter of what
    // ended since the last one (at least liveStep tasks) and leaves the rest to be drawn task by
    // task: 100,000 tasks that end between two frames cost that frame ~6 ms, not ~16 ms.
    const qsizetype backlog = whole - m_blockTasks;
    if (backlog <= 0)
        return;
    const qsizetype step = std::max(liveStep, backlog / 4) / blockSize[0] * blockSize[0];
    extendTaskBlocks(r, prediction, std::min(whole, m_blockTasks + step));
}

namespace {

void appendTask(WorkerLaneData &lane, const TaskSample &s)
{
    const qint64 finish = std::max(s.finishedNs, s.startedNs);
    if (s.pickedNs >= 0 && s.pickedNs < s.startedNs) {
        lane.permitFrom.push_back(s.pickedNs);
        lane.permitTo.push_back(s.startedNs);
    }
    const auto position = qint32(lane.start.size());
    lane.start.push_back(s.startedNs);
    lane.finishMax.push_back(std::max(lane.finishMax.empty() ? std::numeric_limits<qint64>::min()
                                                             : lane.finishMax.back(),
                                      finish));
    if (s.status == TaskStatus::Failed)
        lane.special.push_back({position, quint8(FailedStyle), finish});
    else if (s.status == TaskStatus::Cancelled)
        lane.special.push_back({position, quint8(CancelledStyle), finish});
}

} // namespace

void LaneSummaries::ensureWorkerLanes(const RunRecord &r,
                                      const std::vector<std::vector<qint32>> &byWorker)
{
    if (!m_workerLanes.empty() || byWorker.empty())
        return;
    m_workerLanes.assign(byWorker.size(), WorkerLaneData());
    for (size_t w = 0; w < byWorker.size(); ++w) {
        m_workerLanes[w].start.reserve(byWorker[w].size());
        m_workerLanes[w].finishMax.reserve(byWorker[w].size());
    }
    // A pool thread normally starts its tasks in submission order: then one sequential pass over
    // the record fills every lane in start order, which costs a fraction of reading each lane's
    // tasks by index (7% of a cold 200,000-task paint in worker lanes).
    const bool submissionOrder = std::all_of(byWorker.begin(), byWorker.end(), [](const auto &ids) {
        return std::is_sorted(ids.begin(), ids.end());
    });
    if (submissionOrder) {
        const qsizetype n = r.taskCount();
        for (qsizetype i = 0; i < n; ++i) {
            const TaskSample s = r.sample(i);
            if (s.startedNs >= 0 && s.worker > 0 && size_t(s.worker) <= byWorker.size())
                appendTask(m_workerLanes[size_t(s.worker - 1)], s);
        }
        bool same = true;
        for (size_t w = 0; w < byWorker.size() && same; ++w)
            same = m_workerLanes[w].start.size() == byWorker[w].size();
        if (same)
            return;
        for (WorkerLaneData &lane : m_workerLanes)
            lane = WorkerLaneData();
    }
    for (size_t w = 0; w < byWorker.size(); ++w) {
        for (const qint32 id : byWorker[w])
            appendTask(m_workerLanes[w], r.sample(id));
    }
}

bool LaneSummaries::hasPermitWaits(const RunRecord &r, qint64 now)
{
    if (m_permitWaits || m_permitWaitsKnown)
        return m_permitWaits;
    // Only in-task runs pick a task before they start it while they go on; a complete record
    // (one read from a file, too) is read once.
    const bool complete = r.isComplete();
    if (!complete && r.options().admission != Admission::InTask)
        return false;
    const qsizetype n = r.taskCount();
    for (qsizetype i = 0; i < n && !m_permitWaits; ++i) {
        TaskSpans t;
        m_permitWaits = TaskSpans::read(r, i, now, &t) && t.hasPermitWait();
    }
    m_permitWaitsKnown = complete;
    return m_permitWaits;
}
