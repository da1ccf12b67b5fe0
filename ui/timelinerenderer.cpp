#include "timelinerenderer.h"

#include "hugepages.h"
#include "runrecord.h"
#include "timelinemath.h"

#include <QElapsedTimer>
#include <QFontMetrics>
#include <QImage>
#include <QLine>
#include <QLocale>
#include <QPainter>
#include <QPen>
#include <QSet>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <tuple>
#include <vector>

using TimelineMath::timeToPixel;
using TimelineMath::xToTime;

namespace {

// Steps of the concurrency chart are summarised per block of this many, so a pixel column that
// covers thousands of steps costs a few block lookups.
constexpr int stepBlock = 64;
constexpr int blockGap = 10; // px between one run and the next
constexpr int padding = 8; // px around text

// How a bar is drawn, in painting order (failures on top, so they stay visible when aggregated).
enum Style { GhostStyle, WaitStyle, RunStyle, CancelledStyle, FailedStyle, StyleCount };

// Task lanes are summarised per block of consecutive tasks, at two levels (16 and 256 tasks):
// the union of the block's bars per style, so a pixel row covering a thousand lanes reads a few
// dozen intervals instead of a thousand tasks.
constexpr int blockLevels = 2;
constexpr qsizetype blockSize[blockLevels] = {16, 256};
constexpr int maxBlockIntervals = 8; // per style; a more irregular block is read task by task

// One pool thread's tasks of a finished run, in start order, contiguous for binary search.
struct WorkerLaneData
{
    std::vector<qint64> start;
    std::vector<qint64> finishMax; // running maximum of the finishes, so it is sorted too
    struct Special
    {
        qint32 position;
        quint8 style;
        qint64 finish;
    };
    std::vector<Special> special; // failed and cancelled tasks, drawn over the merged runs
};

// A merged bar: the union of overlapping bars, and the latest start among them, which keeps the
// one-pixel minimum of that bar (its end pixel is at least one past its start pixel).
struct Interval
{
    double from;
    double to;
    double lastStart;
    bool operator<(const Interval &o) const { return from < o.from; }
};

struct TaskBlock
{
    quint32 offset = 0; // into its level's intervals
    std::array<quint8, StyleCount> count{};
    bool irregular = false;
};

// Everything derived from one run's record that is too expensive to recompute on every paint.
struct RunCache
{
    std::shared_ptr<const RunRecord> record;
    bool built = false;
    bool complete = false; // built from a complete record: final, never rebuilt

    QList<ConcurrencyStep> steps; // the record's step function (core's concurrencySteps)
    std::vector<int> blockMaxRunning, blockMinRunning, blockMaxWaiting, blockMinWaiting;
    int maxRunning = 0;
    int maxWaiting = 0;

    std::vector<std::vector<qint32>> byWorker; // per pool thread, its tasks in start order
    std::vector<WorkerLaneData> workerLanes; // finished runs only, parallel to byWorker
    // Task lane summaries of a finished run, built on first use for one prediction.
    struct BlockLevel
    {
        std::vector<TaskBlock> blocks;
        std::vector<Interval> intervals; // scenario seconds
    };
    std::array<BlockLevel, blockLevels> blockLevel;
    bool taskBlocksBuilt = false; // blocks cover every task (the run is complete)
    const double *ghostKey = nullptr;
    // Tasks [0, blockTasks) are summarised in level-0 blocks. A live run grows its blocks over the
    // prefix of tasks that have ended (FIFO admission makes it grow in order), so a frame reads
    // finished lanes from summaries and only the open tail task by task.
    qsizetype blockTasks = 0;
    qsizetype endedPrefix = 0; // tasks [0, endedPrefix) are all terminal

    // A live run is followed incrementally from the events published since the last paint.
    qsizetype liveEvents = 0;
    qsizetype liveSubmitted = 0;
    qsizetype liveFinishes = 0; // finish events seen: all published when it reaches taskCount()
    QElapsedTimer completeSeen; // since the record was first seen complete, events missing

    qint64 lastNs = 0; // the latest timestamp in the record
    qsizetype failed = 0;
    qsizetype cancelled = 0;
    int maxLabelWidth = -1; // widest task label in the layout's font, measured once
    QString fontKey;
};

// Per block of steps: extremes of running and waiting, for the chart's pixel columns.
void buildStepBlocks(RunCache &c)
{
    const qsizetype n = c.steps.size();
    const qsizetype blocks = (n + stepBlock - 1) / stepBlock;
    c.blockMaxRunning.assign(size_t(blocks), 0);
    c.blockMinRunning.assign(size_t(blocks), 0);
    c.blockMaxWaiting.assign(size_t(blocks), 0);
    c.blockMinWaiting.assign(size_t(blocks), 0);
    c.maxRunning = 0;
    c.maxWaiting = 0;
    for (qsizetype b = 0; b < blocks; ++b) {
        int maxR = 0, minR = std::numeric_limits<int>::max();
        int maxW = 0, minW = std::numeric_limits<int>::max();
        const qsizetype end = std::min(n, (b + 1) * stepBlock);
        for (qsizetype k = b * stepBlock; k < end; ++k) {
            const ConcurrencyStep &s = c.steps.at(k);
            maxR = std::max(maxR, s.running);
            minR = std::min(minR, s.running);
            maxW = std::max(maxW, s.waiting);
            minW = std::min(minW, s.waiting);
        }
        c.blockMaxRunning[size_t(b)] = maxR;
        c.blockMinRunning[size_t(b)] = minR;
        c.blockMaxWaiting[size_t(b)] = maxW;
        c.blockMinWaiting[size_t(b)] = minW;
        c.maxRunning = std::max(c.maxRunning, maxR);
        c.maxWaiting = std::max(c.maxWaiting, maxW);
    }
}

void buildCache(RunCache &c)
{
    const RunRecord &r = *c.record;
    // Read completeness first: if it says complete, the scan below sees every final entry.
    const bool complete = r.isComplete();

    c.steps = concurrencySteps(r);
    buildStepBlocks(c);

    // One sequential pass over the record; workers' lanes are collected with their times, so
    // checking and sorting them never goes back to the record.
    c.byWorker.clear();
    c.workerLanes.clear();
    c.blockLevel = {};
    c.taskBlocksBuilt = false;
    c.blockTasks = 0;
    c.endedPrefix = 0;
    struct Item
    {
        qint64 start;
        qint64 finish;
        qint32 id;
        TaskStatus status;
    };
    std::vector<std::vector<Item>> lanes;
    c.lastNs = 0;
    c.failed = 0;
    c.cancelled = 0;
    const qsizetype tasks = r.taskCount();
    for (qsizetype i = 0; i < tasks; ++i) {
        const TaskSample s = r.sample(i);
        c.lastNs = std::max({c.lastNs, s.submittedNs, s.startedNs, s.finishedNs});
        if (s.status == TaskStatus::Failed)
            ++c.failed;
        else if (s.status == TaskStatus::Cancelled)
            ++c.cancelled;
        if (s.startedNs >= 0 && s.worker > 0) {
            if (size_t(s.worker) > lanes.size())
                lanes.resize(size_t(s.worker));
            lanes[size_t(s.worker - 1)].push_back(
                    {s.startedNs, std::max(s.finishedNs, s.startedNs), qint32(i), s.status});
        }
    }
    c.byWorker.resize(lanes.size());
    if (complete)
        c.workerLanes.resize(lanes.size());
    for (size_t w = 0; w < lanes.size(); ++w) {
        std::vector<Item> &items = lanes[w];
        // A pool thread takes tasks in submission order, so lanes are normally sorted already.
        const auto byStart = [](const Item &a, const Item &b) { return a.start < b.start; };
        if (!std::is_sorted(items.begin(), items.end(), byStart))
            std::stable_sort(items.begin(), items.end(), byStart);
        std::vector<qint32> &ids = c.byWorker[w];
        ids.resize(items.size());
        for (size_t k = 0; k < items.size(); ++k)
            ids[k] = items[k].id;
        if (!complete)
            continue;
        WorkerLaneData &lane = c.workerLanes[w];
        lane.start.resize(items.size());
        lane.finishMax.resize(items.size());
        qint64 finishMax = std::numeric_limits<qint64>::min();
        for (size_t k = 0; k < items.size(); ++k) {
            const Item &item = items[k];
            lane.start[k] = item.start;
            finishMax = std::max(finishMax, item.finish);
            lane.finishMax[k] = finishMax;
            if (item.status == TaskStatus::Failed)
                lane.special.push_back({qint32(k), quint8(FailedStyle), item.finish});
            else if (item.status == TaskStatus::Cancelled)
                lane.special.push_back({qint32(k), quint8(CancelledStyle), item.finish});
        }
    }

    c.complete = complete;
    c.built = true;
}

// Sorts and merges one block's bars per style (overlapping and touching bars: their union is what
// the pixels show) and appends them to the level.
void addBlock(std::array<std::vector<Interval>, StyleCount> &items, RunCache::BlockLevel &level)
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
        if (merged > size_t(maxBlockIntervals))
            block.irregular = true;
        const size_t kept = std::min<size_t>(merged, maxBlockIntervals);
        block.count[size_t(style)] = quint8(kept);
        level.intervals.insert(level.intervals.end(), v.begin(), v.begin() + qsizetype(kept));
        v.clear();
    }
    level.blocks.push_back(block);
}

// Summaries of task lanes: per block, the merged bars of each style. The upper level merges the
// lower one's summaries. Extends the blocks over tasks [c.blockTasks, upTo): upTo is a multiple
// of the lower block size, or the task count (the last block may be short). Every task below
// upTo must have ended: a summary is never revised.
void extendTaskBlocks(RunCache &c, const Schedule *prediction, qsizetype upTo)
{
    const RunRecord &r = *c.record;
    const qsizetype n = r.taskCount();
    const bool ghosts =
            prediction && prediction->start.size() == n && prediction->finish.size() == n;
    const double *key = ghosts ? prediction->start.constData() : nullptr;
    if (c.blockTasks > 0 && c.ghostKey != key) {
        c.blockLevel = {}; // other ghosts: start again
        c.blockTasks = 0;
    }
    c.ghostKey = key;
    upTo = std::min(upTo, n);
    const double k = 1.0 / (1e9 * r.options().timeScale);
    std::array<std::vector<Interval>, StyleCount> items;
    RunCache::BlockLevel &lower = c.blockLevel[0];
    if (lower.blocks.empty()) {
        lower.blocks.reserve(size_t(n / blockSize[0] + 1));
        lower.intervals.reserve(size_t(n / blockSize[0] + 1) * 3);
    }
    for (qsizetype first = c.blockTasks; first < upTo; first += blockSize[0]) {
        const qsizetype end = std::min<qsizetype>(upTo, first + blockSize[0]);
        for (qsizetype i = first; i < end; ++i) {
            const auto add = [&](Style style, double from, double to) {
                items[size_t(style)].push_back({from, to, from});
            };
            if (ghosts)
                add(GhostStyle, prediction->start.at(i), prediction->finish.at(i));
            const TaskSample s = r.sample(i);
            if (s.submittedNs < 0)
                continue;
            if (s.startedNs >= 0) {
                if (s.startedNs > s.submittedNs)
                    add(WaitStyle, double(s.submittedNs) * k, double(s.startedNs) * k);
                const Style style = s.status == TaskStatus::Failed      ? FailedStyle
                                    : s.status == TaskStatus::Cancelled ? CancelledStyle
                                                                        : RunStyle;
                add(style, double(s.startedNs) * k,
                    double(std::max(s.finishedNs, s.startedNs)) * k);
            } else if (s.finishedNs > s.submittedNs) {
                add(s.status == TaskStatus::Cancelled ? CancelledStyle : WaitStyle,
                    double(s.submittedNs) * k, double(s.finishedNs) * k);
            }
        }
        addBlock(items, lower);
        c.blockTasks = end;
    }
    // Upper levels: a block once all its children exist (or, at the end, what there is).
    for (int lv = 1; lv < blockLevels; ++lv) {
        const RunCache::BlockLevel &below = c.blockLevel[size_t(lv - 1)];
        RunCache::BlockLevel &level = c.blockLevel[size_t(lv)];
        const size_t children = size_t(blockSize[lv] / blockSize[lv - 1]);
        const bool all = c.blockTasks == n;
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
    c.taskBlocksBuilt = c.blockTasks == n;
}

// Blocks over every task of a finished run.
void buildTaskBlocks(RunCache &c, const Schedule *prediction)
{
    extendTaskBlocks(c, prediction, c.record->taskCount());
}

// Blocks over the ended prefix of a live run, in whole lower blocks.
void extendLiveTaskBlocks(RunCache &c, const Schedule *prediction)
{
    const RunRecord &r = *c.record;
    const qsizetype n = r.taskCount();
    while (c.endedPrefix < n && isTerminal(r.status(c.endedPrefix)))
        ++c.endedPrefix;
    const qsizetype whole = c.endedPrefix / blockSize[0] * blockSize[0];
    if (whole > c.blockTasks
        || c.ghostKey != (prediction ? prediction->start.constData() : nullptr))
        extendTaskBlocks(c, prediction, whole);
}

// Compact worker lanes of a finished run from its byWorker lists.
void buildCompactLanes(RunCache &c)
{
    const RunRecord &r = *c.record;
    c.workerLanes.assign(c.byWorker.size(), WorkerLaneData());
    for (size_t w = 0; w < c.byWorker.size(); ++w) {
        const std::vector<qint32> &ids = c.byWorker[w];
        WorkerLaneData &lane = c.workerLanes[w];
        lane.start.resize(ids.size());
        lane.finishMax.resize(ids.size());
        qint64 finishMax = std::numeric_limits<qint64>::min();
        for (size_t k = 0; k < ids.size(); ++k) {
            const TaskSample s = r.sample(ids[k]);
            const qint64 finish = std::max(s.finishedNs, s.startedNs);
            lane.start[k] = s.startedNs;
            finishMax = std::max(finishMax, finish);
            lane.finishMax[k] = finishMax;
            if (s.status == TaskStatus::Failed)
                lane.special.push_back({qint32(k), quint8(FailedStyle), finish});
            else if (s.status == TaskStatus::Cancelled)
                lane.special.push_back({qint32(k), quint8(CancelledStyle), finish});
        }
    }
}

// Orders a live run's increments as concurrencySteps() orders its deltas: by time, finishes
// before starts at the same instant.
struct ByIncrement
{
    bool operator()(const ConcurrencyStep &a, const ConcurrencyStep &b) const
    {
        return a.ns != b.ns ? a.ns < b.ns : a.running < b.running;
    }
};

// Brings a live run's derived data up to date in O(new events). While the run is live, steps
// holds one entry per increment (submit, start, finish) with the running and waiting counts
// after it; new increments are appended raw, sorted, merged in place with the stretch they
// overlap (turned back into increments) and summed from there. No allocation: steps is reserved
// for three increments per task when the run is first seen.
void updateLive(RunCache &c)
{
    const RunRecord &r = *c.record;
    const qsizetype n = r.taskCount();
    QList<ConcurrencyStep> &steps = c.steps;
    const qsizetype old = steps.size();
    for (; c.liveSubmitted < n; ++c.liveSubmitted) {
        const TaskSample s = r.sample(c.liveSubmitted);
        if (s.submittedNs < 0)
            break;
        steps.append({s.submittedNs, 0, +1});
        c.lastNs = std::max(c.lastNs, s.submittedNs);
    }
    const qsizetype published = r.publishedEventCount();
    for (; c.liveEvents < published; ++c.liveEvents) {
        const RunEvent e = r.event(c.liveEvents);
        const TaskSample s = r.sample(e.task);
        if (!e.finish) {
            if (s.startedNs < 0)
                continue;
            steps.append({s.startedNs, +1, -1});
            if (s.worker > 0) {
                if (size_t(s.worker) > c.byWorker.size()) {
                    const size_t perWorker = size_t(n / std::max(1, s.worker)) + 16;
                    c.byWorker.resize(size_t(s.worker));
                    for (auto &lane : c.byWorker)
                        lane.reserve(perWorker);
                }
                c.byWorker[size_t(s.worker - 1)].push_back(e.task);
            }
            c.lastNs = std::max(c.lastNs, s.startedNs);
            continue;
        }
        if (s.finishedNs < 0)
            continue;
        ++c.liveFinishes;
        if (s.status == TaskStatus::Failed)
            ++c.failed;
        else if (s.status == TaskStatus::Cancelled)
            ++c.cancelled;
        if (s.startedNs >= 0)
            steps.append({std::max(s.finishedNs, s.startedNs), -1, 0});
        else
            steps.append({s.finishedNs, 0, -1});
        c.lastNs = std::max(c.lastNs, s.finishedNs);
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
        c.maxRunning = std::max(c.maxRunning, running);
        c.maxWaiting = std::max(c.maxWaiting, waiting);
    }
}

// A run followed live has ended and all its events are in: its sorted increments give the step
// function in one pass, collapsed in place exactly as concurrencySteps() collapses its own (the
// value after the last increment of an instant, unchanged values skipped).
void finalizeFromLive(RunCache &c)
{
    QList<ConcurrencyStep> &steps = c.steps;
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
    buildStepBlocks(c);
    // Compact worker lanes are built when worker lanes are first drawn (buildWorkerLanes).
    c.workerLanes.clear();
    // The task blocks built while the run was live hold ended tasks only: they stay, and the
    // next paint extends them over the rest.
    c.complete = true;
}

// A run seen live that completes keeps following its events until the last finish is
// published (the engine publishes everything before it reports the run finished), then
// finalizes in one pass. A record whose events do not come within a second (nobody publishes
// them), like a run seen only once it was complete, is read from its samples instead.
void ensureCache(RunCache &c, bool clockRunning)
{
    if (c.built && c.complete)
        return;
    if (c.record->isComplete()) {
        if (c.built) {
            updateLive(c);
            if (c.liveFinishes == c.record->taskCount()) {
                finalizeFromLive(c);
                return;
            }
            if (!c.completeSeen.isValid())
                c.completeSeen.start();
            if (clockRunning || c.completeSeen.elapsed() < 1000)
                return;
        }
        buildCache(c);
        return;
    }
    if (!c.built) {
        c.built = true;
        // At most three increments per task (submit, start, finish): allocate once, not while the
        // run streams in.
        c.steps.clear();
        c.steps.reserve(3 * c.record->taskCount());
        HugePages::advise(c.steps.data(), size_t(c.steps.capacity()) * sizeof(ConcurrencyStep));
        c.blockMaxRunning.clear();
        c.blockMinRunning.clear();
        c.blockMaxWaiting.clear();
        c.blockMinWaiting.clear();
    }
    updateLive(c);
}

// Column coverage of a pixel row per style: the union of the row's bars, whatever their number.

struct Coverage
{
    // Span edges per style: (x, +1) opens, (x, -1) closes. A row holds a few hundred at most
    // (block summaries), so sorting them beats sweeping every column of the plot.
    std::array<std::vector<std::pair<int, int>>, StyleCount> edges;
    // The latest span of each style, not yet in edges: a span that overlaps or touches it is
    // merged into it instead (the union is the same), so a row of lanes that all show the same
    // bar, like the waiting tail of a live run, costs one span instead of hundreds to sort.
    std::array<std::pair<int, int>, StyleCount> last;
    std::array<bool, StyleCount> hasLast{};

    void reset()
    {
        for (auto &e : edges)
            e.clear();
        hasLast.fill(false);
    }
    // Columns [x0, x1), relative to the plot's left edge, already clamped to the plot.
    void add(int style, int x0, int x1)
    {
        auto &l = last[size_t(style)];
        if (hasLast[size_t(style)]) {
            if (x0 <= l.second && x1 >= l.first) {
                l.first = std::min(l.first, x0);
                l.second = std::max(l.second, x1);
                return;
            }
            auto &e = edges[size_t(style)];
            e.emplace_back(l.first, 1);
            e.emplace_back(l.second, -1);
        }
        l = {x0, x1};
        hasLast[size_t(style)] = true;
    }
    // Covered spans of one style as [x0, x1) pairs, in order; clears the style for the next row.
    template<typename F>
    void take(int style, F &&span)
    {
        auto &e = edges[size_t(style)];
        if (hasLast[size_t(style)]) {
            const auto &l = last[size_t(style)];
            e.emplace_back(l.first, 1);
            e.emplace_back(l.second, -1);
            hasLast[size_t(style)] = false;
        }
        if (e.empty())
            return;
        // Closing edges sort before opening ones at the same x, so touching spans stay one.
        std::sort(e.begin(), e.end());
        int depth = 0;
        int open = 0;
        bool joining = false;
        for (size_t k = 0; k < e.size(); ++k) {
            const int before = depth;
            depth += e[k].second;
            if (before == 0 && depth > 0) {
                if (!joining)
                    open = e[k].first;
                joining = false;
            } else if (before > 0 && depth == 0) {
                // Touching: the next span opens where this one closes, and continues it.
                if (k + 1 < e.size() && e[k + 1].first == e[k].first) {
                    joining = true;
                    continue;
                }
                span(open, e[k].first);
            }
        }
        e.clear();
    }
};

// Rectangles of one style, merged vertically when a pixel row repeats the spans of the row above
// (long waits of neighbouring tasks become one rectangle instead of one per pixel row).
struct RowMerger
{
    std::vector<QRect> *out = nullptr;
    std::vector<size_t> previous; // indices into *out of the spans that end at the previous row
    std::vector<size_t> current;
    size_t cursor = 0;
    int row = 0;

    void beginRow(int y)
    {
        if (y != row + 1)
            previous.clear();
        else
            previous.swap(current);
        current.clear();
        cursor = 0;
        row = y;
    }
    void span(int x0, int x1, int y)
    {
        while (cursor < previous.size() && (*out)[previous[cursor]].left() < x0)
            ++cursor;
        if (cursor < previous.size()) {
            QRect &r = (*out)[previous[cursor]];
            if (r.left() == x0 && r.right() + 1 == x1) {
                r.setBottom(y);
                current.push_back(previous[cursor]);
                ++cursor;
                return;
            }
        }
        out->push_back(QRect(x0, y, x1 - x0, 1));
        current.push_back(out->size() - 1);
    }
};

struct Block
{
    int run = 0;
    int top = 0; // content coordinates, unscrolled
    int headerHeight = 0;
    int lanesTop = 0;
    qint64 laneCount = 0;
    int lanesHeight = 0;
    int chartTop = 0;
    int chartHeight = 0;
    int bottom = 0;
};

struct LegendItem
{
    enum Kind { Wait, Run, Predicted, Failed, Cancelled, Running, Waiting, Limit, Now };
    Kind kind;
    QString text;
    QRect swatch;
    QPoint textPos;
};

struct Layout
{
    QRect rect;
    int lineHeight = 0;
    int ascent = 0;
    QRect legend;
    std::vector<LegendItem> legendItems;
    QRect axis;
    QRect content; // where the runs scroll
    int labelWidth = 0;
    int plotLeft = 0;
    int plotRight = 0; // exclusive
    double start = 0.0;
    double end = 1.0;
    double laneHeight = 1.0;
    int scrollY = 0;
    std::vector<Block> blocks;
    int contentHeight = 0;

    int plotWidth() const { return plotRight - plotLeft; }
    int screenY(int contentY) const { return content.top() + contentY - scrollY; }
    // Pixel row where lane `lane` of a block starts (lanes of fractional height share rows).
    int laneY(const Block &b, qint64 lane) const
    {
        return screenY(b.lanesTop) + int(std::floor(double(lane) * laneHeight));
    }
    int x(double t) const
    {
        return timeToPixel(t, start, end, plotLeft, plotWidth(), plotLeft - 2, plotRight + 2);
    }
};

double scenarioSecondsPerNs(const RunRecord &r)
{
    return 1.0 / (1e9 * r.options().timeScale);
}

// The chart's scales, known before the run (slots, tasks) so they do not jump while it grows.
struct ChartScale
{
    qint64 runningMax = 1; // top of the running scale
    qint64 waitingMax = 1; // top of the waiting scale (the same unless waitingOwnScale)
    qint64 waitingPeak = 0;
    bool waitingOwnScale = false;
};

ChartScale chartScale(const RunCache &c)
{
    const RunRecord &r = *c.record;
    const qsizetype tasks = r.taskCount();
    const int limit = r.options().isLimited() ? r.options().limit : 0;
    const int slotCount = tasks > 0 ? r.options().slotCount(tasks) : 1;
    const qint64 running = std::max({c.maxRunning, limit, slotCount, 1});
    ChartScale scale;
    scale.waitingPeak = std::max<qint64>(c.maxWaiting, tasks - slotCount);
    // Waiting tasks share the scale unless they dwarf the running ones (a million queued behind a
    // limit of 8): then they get their own, and the running area keeps its height.
    scale.waitingOwnScale = scale.waitingPeak > 3 * running;
    if (scale.waitingOwnScale) {
        scale.runningMax = TimelineMath::niceCount(double(running));
        scale.waitingMax = TimelineMath::niceCount(double(scale.waitingPeak));
    } else {
        scale.runningMax = scale.waitingMax =
                TimelineMath::niceCount(double(std::max(running, scale.waitingPeak)));
    }
    return scale;
}

} // namespace

class TimelineRenderer::Private
{
public:
    std::vector<RunCache> caches;

    // Lane bars of the last paint, reused when nothing they depend on changed (hover, selection
    // and the now line do not).
    struct LaneGeometry
    {
        std::array<std::vector<QRect>, StyleCount> rects;
        std::vector<QRect> ghostOutlines;
        std::vector<QRect> hatch; // wait bars tall enough to hatch
        std::vector<QRect> stripes; // cancelled bars tall enough to stripe
        std::vector<QLine> separators; // between back-to-back bars of one worker

        void clear()
        {
            for (auto &v : rects)
                v.clear();
            ghostOutlines.clear();
            hatch.clear();
            stripes.clear();
            separators.clear();
        }
    };
    struct GeometryKey
    {
        QRect rect;
        QRect content;
        double start = 0, end = 0, laneHeight = 0;
        int scrollY = 0;
        int plotLeft = 0, plotRight = 0;
        TimelineLaneMode mode = TimelineLaneMode::Tasks;
        std::vector<const RunRecord *> runs;
        std::vector<qsizetype> events; // published events per run (-1 for the live one)
        int live = -1;
        bool operator==(const GeometryKey &o) const
        {
            return rect == o.rect && content == o.content && start == o.start && end == o.end
                   && laneHeight == o.laneHeight && scrollY == o.scrollY && plotLeft == o.plotLeft
                   && plotRight == o.plotRight && mode == o.mode && runs == o.runs
                   && events == o.events && live == o.live;
        }
    };
    GeometryKey geometryKey;
    bool geometryValid = false;
    LaneGeometry geometry;
    LaneGeometry liveGeometry;
    Coverage coverage;

    void syncCaches(const TimelineRenderOptions &o);
    RunCache &cache(int run) { return caches[size_t(run)]; }
    Layout layout(const QRect &rect, const TimelineRenderOptions &o);
    qint64 laneCount(int run, const TimelineRenderOptions &o);
    int labelWidth(const QFontMetrics &fm, const TimelineRenderOptions &o, int width);
    int liveRun(const TimelineRenderOptions &o) const;
    std::pair<double, double> fittedRange(const TimelineRenderOptions &o) const;
    qint64 nowNs(int run, const TimelineRenderOptions &o) const;

    void paintLegend(QPainter &p, const Layout &L, const TimelineRenderOptions &o);
    void paintAxis(QPainter &p, const Layout &L, const TimelineRenderOptions &o,
                   const TimelineMath::Ticks &ticks);
    void paintBlockBackground(QPainter &p, const Layout &L, const Block &b,
                              const TimelineRenderOptions &o);
    void buildLaneGeometry(const Layout &L, const TimelineRenderOptions &o);
    void buildTaskLanes(const Layout &L, const Block &b, const TimelineRenderOptions &o);
    void buildWorkerLanes(const Layout &L, const Block &b, const TimelineRenderOptions &o);
    void paintLaneGeometry(QPainter &p, const Layout &L, const TimelineRenderOptions &o);
    void paintLiveBars(QPainter &p, const Layout &L, const Block &b,
                       const TimelineRenderOptions &o);
    void paintSelection(QPainter &p, const Layout &L, const Block &b,
                        const TimelineRenderOptions &o);
    void paintChart(QPainter &p, const Layout &L, const Block &b, const TimelineRenderOptions &o);
    void paintLabels(QPainter &p, const Layout &L, const Block &b, const TimelineRenderOptions &o);
    void paintHeader(QPainter &p, const Layout &L, const Block &b, const TimelineRenderOptions &o);

    bool taskSpans(const RunRecord &r, qsizetype i, qint64 now, qint64 *waitFrom, qint64 *waitTo,
                   qint64 *runFrom, qint64 *runTo, Style *runStyle, Style *waitStyle) const;
};

void TimelineRenderer::Private::syncCaches(const TimelineRenderOptions &o)
{
    std::vector<RunCache> next(size_t(o.runs.size()));
    for (qsizetype i = 0; i < o.runs.size(); ++i) {
        const auto it = std::find_if(caches.begin(), caches.end(),
                                     [&](const RunCache &c) { return c.record == o.runs.at(i); });
        if (it != caches.end())
            next[size_t(i)] = std::move(*it);
        else
            next[size_t(i)].record = o.runs.at(i);
    }
    caches = std::move(next);
    for (qsizetype i = 0; i < qsizetype(caches.size()); ++i) {
        RunCache &c = caches[size_t(i)];
        if (!c.record)
            continue;
        ensureCache(c, o.liveNowNs >= 0);
        // A live run's lane summaries grow on every sync (each frame, and each tick of the live
        // view's clock), so the run's end finds most of them built.
        if (!c.complete && o.levelOfDetail && o.laneMode == TimelineLaneMode::Tasks) {
            const Schedule *prediction = i < o.predictions.size() ? &o.predictions.at(i) : nullptr;
            const qsizetype n = c.record->taskCount();
            const bool ghosts =
                    prediction && prediction->start.size() == n && prediction->finish.size() == n;
            extendLiveTaskBlocks(c, ghosts ? prediction : nullptr);
        }
    }
}

int TimelineRenderer::Private::liveRun(const TimelineRenderOptions &o) const
{
    if (o.liveNowNs < 0)
        return -1;
    for (int i = int(o.runs.size()) - 1; i >= 0; --i) {
        if (o.runs.at(i) && !o.runs.at(i)->isComplete())
            return i;
    }
    return -1;
}

// Where open bars end: the live clock for the run going on, otherwise the latest timestamp.
qint64 TimelineRenderer::Private::nowNs(int run, const TimelineRenderOptions &o) const
{
    if (run == liveRun(o))
        return std::max(o.liveNowNs, caches[size_t(run)].lastNs);
    return caches[size_t(run)].lastNs;
}

qint64 TimelineRenderer::Private::laneCount(int run, const TimelineRenderOptions &o)
{
    const RunCache &c = cache(run);
    if (!c.record)
        return 0;
    if (o.laneMode == TimelineLaneMode::Tasks)
        return c.record->taskCount();
    const qsizetype n = c.record->taskCount();
    if (n == 0)
        return 0;
    return std::max<qint64>(c.record->options().effectiveThreads(n), qint64(c.byWorker.size()));
}

int TimelineRenderer::Private::labelWidth(const QFontMetrics &fm, const TimelineRenderOptions &o,
                                          int width)
{
    // Room for the chart's title beside a scale number, and for the limit's label.
    int w = std::max(fm.horizontalAdvance(tr("concurrency")) + padding
                             + fm.horizontalAdvance(QStringLiteral("0000")),
                     fm.horizontalAdvance(tr("limit %1").arg(99999)));
    qsizetype maxTasks = 0;
    qint64 maxLanes = 0;
    const QString fontKey = o.font.key();
    for (int r = 0; r < int(caches.size()); ++r) {
        RunCache &c = caches[size_t(r)];
        if (!c.record)
            continue;
        maxTasks = std::max(maxTasks, c.record->taskCount());
        maxLanes = std::max(maxLanes, laneCount(r, o));
        if (o.laneMode == TimelineLaneMode::Tasks
            && (c.maxLabelWidth < 0 || c.fontKey != fontKey)) {
            // Labels of huge runs repeat a few durations; the first thousand show the widest,
            // and each distinct one is measured once.
            int m = 0;
            const qsizetype n = std::min<qsizetype>(c.record->taskCount(), 1000);
            QSet<QString> measured;
            for (qsizetype i = 0; i < n; ++i) {
                const QString label = c.record->task(i).displayLabel();
                if (!measured.contains(label)) {
                    measured.insert(label);
                    m = std::max(m, fm.horizontalAdvance(label));
                }
            }
            c.maxLabelWidth = m;
            c.fontKey = fontKey;
        }
        if (o.laneMode == TimelineLaneMode::Tasks)
            w = std::max(w, fm.horizontalAdvance(QStringLiteral("#%1").arg(maxTasks)) + padding
                                    + c.maxLabelWidth);
    }
    if (o.laneMode == TimelineLaneMode::Workers)
        w = std::max(w, fm.horizontalAdvance(tr("worker %1").arg(std::max<qint64>(maxLanes, 1))));
    w += 2 * padding + 2; // 2: elidedText() measures in fractions and may round up
    return std::clamp(w, 60, std::max(100, width * 3 / 10));
}

Layout TimelineRenderer::Private::layout(const QRect &rect, const TimelineRenderOptions &o)
{
    Layout L;
    L.rect = rect;
    const QFontMetrics fm(o.font);
    L.lineHeight = fm.height();
    L.ascent = fm.ascent();

    // Legend: one or more rows of swatch + text, flowing left to right.
    int y = rect.top();
    if (o.showLegend) {
        const int rowHeight = L.lineHeight + 8;
        const int swatchW = std::max(14, L.lineHeight);
        const int swatchH = std::max(8, L.lineHeight * 2 / 3);
        const std::pair<LegendItem::Kind, QString> kinds[] = {
                {LegendItem::Wait, tr("wait")},
                {LegendItem::Run, tr("run")},
                {LegendItem::Predicted, tr("predicted")},
                {LegendItem::Failed, tr("failed")},
                {LegendItem::Cancelled, tr("cancelled")},
                {LegendItem::Running, tr("running tasks")},
                {LegendItem::Waiting, tr("waiting tasks")},
                {LegendItem::Limit, tr("limit")},
                {LegendItem::Now, tr("now")},
        };
        int x = rect.left() + padding;
        int row = 0;
        for (const auto &[kind, text] : kinds) {
            if (kind == LegendItem::Now && liveRun(o) < 0)
                continue;
            // Worker lanes show runs only: waits have no worker, predictions no thread.
            if (o.laneMode == TimelineLaneMode::Workers
                && (kind == LegendItem::Wait || kind == LegendItem::Predicted))
                continue;
            const int itemW = swatchW + 5 + fm.horizontalAdvance(text);
            if (x + itemW > rect.right() - padding && x > rect.left() + padding) {
                x = rect.left() + padding;
                ++row;
            }
            const int top = y + row * rowHeight;
            LegendItem item{
                    kind, text, QRect(x, top + (rowHeight - swatchH) / 2, swatchW, swatchH),
                    QPoint(x + swatchW + 5, top + (rowHeight - L.lineHeight) / 2 + L.ascent)};
            L.legendItems.push_back(item);
            x += itemW + 16;
        }
        L.legend = QRect(rect.left(), y, rect.width(), (row + 1) * rowHeight);
        y += L.legend.height();
    }
    L.axis = QRect(rect.left(), y, rect.width(), L.lineHeight + 12);
    y += L.axis.height();
    L.content = QRect(rect.left(), y, rect.width(), std::max(0, rect.bottom() + 1 - y));

    L.labelWidth = labelWidth(fm, o, rect.width());
    L.plotLeft = rect.left() + L.labelWidth;
    L.plotRight = std::max(L.plotLeft + 1, rect.right() + 1 - padding);

    if (o.visibleEnd > o.visibleStart) {
        L.start = o.visibleStart;
        L.end = o.visibleEnd;
    } else {
        std::tie(L.start, L.end) = fittedRange(o);
    }

    const int headerHeight = L.lineHeight + 8;
    int chartHeight = std::max(64, 4 * L.lineHeight + 8);
    qint64 totalLanes = 0;
    for (int r = 0; r < int(caches.size()); ++r)
        totalLanes += laneCount(r, o);
    const int runs = int(caches.size());
    const int fixed = runs * (headerHeight + chartHeight + blockGap);
    const double natural = TimelineRenderer::naturalLaneHeight(o.font);
    const double available = std::max(1, L.content.height() - fixed);
    L.scrollY = std::max(0, o.scrollY);
    if (o.fitAllLanes) {
        L.laneHeight = totalLanes > 0 ? std::min(natural, available / double(totalLanes)) : natural;
        L.scrollY = 0;
    } else if (o.laneHeight > 0.0) {
        L.laneHeight = o.laneHeight;
    } else {
        const double readable = L.lineHeight + 4;
        L.laneHeight = totalLanes > 0 ? std::min(natural, available / double(totalLanes)) : natural;
        if (L.laneHeight < readable
            && double(totalLanes) * readable <= 2.0 * std::max(1, L.content.height()))
            L.laneHeight = readable;
    }
    // Whole pixels when lanes are a few pixels high, so they look even.
    if (L.laneHeight >= 2.0)
        L.laneHeight = std::floor(L.laneHeight);
    // Room left over when everything fits goes to the charts, up to twice their height.
    if (runs > 0 && o.laneHeight <= 0.0) {
        const int used = fixed + int(std::ceil(double(totalLanes) * L.laneHeight));
        const int spare = L.content.height() - used;
        if (spare > 0)
            chartHeight += std::min(chartHeight, spare / runs);
    }

    int top = 0;
    for (int r = 0; r < int(caches.size()); ++r) {
        Block b;
        b.run = r;
        b.top = top;
        b.headerHeight = headerHeight;
        b.lanesTop = top + headerHeight;
        b.laneCount = laneCount(r, o);
        b.lanesHeight = int(std::ceil(double(b.laneCount) * L.laneHeight));
        b.chartTop = b.lanesTop + b.lanesHeight;
        b.chartHeight = chartHeight;
        b.bottom = b.chartTop + chartHeight;
        top = b.bottom + blockGap;
        L.blocks.push_back(b);
    }
    L.contentHeight = std::max(0, top - blockGap);
    return L;
}

// The wait and run segments of task i in real nanoseconds; false when the task was not submitted.
bool TimelineRenderer::Private::taskSpans(const RunRecord &r, qsizetype i, qint64 now,
                                          qint64 *waitFrom, qint64 *waitTo, qint64 *runFrom,
                                          qint64 *runTo, Style *runStyle, Style *waitStyle) const
{
    const TaskSample s = r.sample(i);
    if (s.submittedNs < 0)
        return false;
    *waitFrom = s.submittedNs;
    *waitStyle = WaitStyle;
    *runStyle = RunStyle;
    if (s.startedNs >= 0) {
        *waitTo = s.startedNs;
        *runFrom = s.startedNs;
        *runTo = s.finishedNs >= 0 ? std::max(s.finishedNs, s.startedNs)
                                   : std::max(now, s.startedNs);
        if (s.status == TaskStatus::Failed)
            *runStyle = FailedStyle;
        else if (s.status == TaskStatus::Cancelled)
            *runStyle = CancelledStyle;
    } else {
        // Never started: waiting until now, or until it was cancelled.
        *waitTo = s.finishedNs >= 0 ? s.finishedNs : std::max(now, s.submittedNs);
        *runFrom = *runTo = -1;
        if (s.status == TaskStatus::Cancelled)
            *waitStyle = CancelledStyle;
    }
    return true;
}

void TimelineRenderer::Private::buildLaneGeometry(const Layout &L, const TimelineRenderOptions &o)
{
    geometry.clear();
    coverage.reset();
    const int live = liveRun(o);
    for (const Block &b : L.blocks) {
        // The live run's bars grow every frame and are painted by paintLiveBars().
        if (b.run == live)
            continue;
        if (o.laneMode == TimelineLaneMode::Tasks)
            buildTaskLanes(L, b, o);
        else
            buildWorkerLanes(L, b, o);
    }
}

namespace {

// Vertical extents of a bar in a lane of height h starting at y.
struct LaneBox
{
    int runTop, runBottom; // exclusive bottom
    int waitTop, waitBottom;
    int ghostTop, ghostBottom;
    bool detailed; // tall enough for outlines, hatching and gaps
};

LaneBox laneBox(int y, int h)
{
    LaneBox box;
    if (h >= 8) {
        const int inset = std::max(2, int(std::lround(h * 0.16)));
        const int waitInset = std::max(inset + 1, int(std::lround(h * 0.32)));
        box = {y + inset,     y + h - inset,     y + waitInset, y + h - waitInset,
               y + inset - 1, y + h - inset + 1, true};
    } else {
        box = {y, y + h, y, y + h, y, y + h, false};
    }
    return box;
}

} // namespace

void TimelineRenderer::Private::buildTaskLanes(const Layout &L, const Block &b,
                                               const TimelineRenderOptions &o)
{
    const RunRecord &r = *cache(b.run).record;
    const Schedule *prediction = b.run < o.predictions.size() ? &o.predictions.at(b.run) : nullptr;
    const qsizetype tasks = r.taskCount();
    const bool ghosts =
            prediction && prediction->start.size() == tasks && prediction->finish.size() == tasks;
    const double k = scenarioSecondsPerNs(r);
    const qint64 now = nowNs(b.run, o);
    const int clipTop = std::max(L.content.top(), L.screenY(b.lanesTop));
    const int clipBottom = std::min(L.content.bottom() + 1, L.screenY(b.lanesTop) + b.lanesHeight);
    if (clipBottom <= clipTop)
        return;
    const auto [first, last] = TimelineMath::visibleRows(clipTop, clipBottom, L.screenY(b.lanesTop),
                                                         L.laneHeight, b.laneCount);
    const int left = L.plotLeft;
    const int width = L.plotWidth();
    const auto px = [&](double t) { return L.x(t); };
    // Clamps a span to the plot and gives it at least one pixel; false when it is outside.
    const auto span = [&](double t0, double t1, int *x0, int *x1) {
        *x0 = px(t0);
        *x1 = std::max(*x0 + 1, px(t1));
        if (*x1 <= left || *x0 >= left + width)
            return false;
        *x0 = std::max(*x0, left);
        *x1 = std::min(*x1, left + width);
        return true;
    };

    if (L.laneHeight >= 1.0) {
        for (qint64 i = first; i < last; ++i) {
            const int y = L.laneY(b, i);
            const int h = std::max(1, L.laneY(b, i + 1) - y);
            const LaneBox box = laneBox(y, h);
            int x0, x1;
            if (ghosts && span(prediction->start.at(i), prediction->finish.at(i), &x0, &x1)) {
                const QRect g(x0, box.ghostTop, x1 - x0, box.ghostBottom - box.ghostTop);
                geometry.rects[GhostStyle].push_back(g);
                if (box.detailed)
                    geometry.ghostOutlines.push_back(g.adjusted(0, 0, -1, -1));
            }
            qint64 wf, wt, rf, rt;
            Style rs, ws;
            if (!taskSpans(r, i, now, &wf, &wt, &rf, &rt, &rs, &ws))
                continue;
            if (wt > wf && span(double(wf) * k, double(wt) * k, &x0, &x1)) {
                const QRect w(x0, box.waitTop, x1 - x0, box.waitBottom - box.waitTop);
                geometry.rects[ws].push_back(w);
                if (box.detailed)
                    (ws == CancelledStyle ? geometry.stripes : geometry.hatch).push_back(w);
            }
            if (rf >= 0 && span(double(rf) * k, double(rt) * k, &x0, &x1)) {
                const QRect run(x0, box.runTop, x1 - x0, box.runBottom - box.runTop);
                geometry.rects[rs].push_back(run);
                if (box.detailed && rs == CancelledStyle)
                    geometry.stripes.push_back(run);
            }
        }
        return;
    }

    // Lanes thinner than a pixel: aggregate the lanes of each pixel row.
    RunCache &c = cache(b.run);
    const bool blocks = o.levelOfDetail;
    // A live run's blocks were extended by syncCaches(), which every paint calls first.
    if (blocks && c.complete
        && (!c.taskBlocksBuilt || c.ghostKey != (ghosts ? prediction->start.constData() : nullptr)))
        buildTaskBlocks(c, ghosts ? prediction : nullptr);
    std::array<RowMerger, StyleCount> mergers;
    for (int s = 0; s < StyleCount; ++s)
        mergers[size_t(s)].out = &geometry.rects[size_t(s)];
    const double lanesTop = L.screenY(b.lanesTop);
    for (int y = clipTop; y < clipBottom; ++y) {
        // Lane i belongs to pixel row floor(lanesTop + i * h).
        const qint64 a =
                std::clamp<qint64>(qint64(std::ceil((y - lanesTop) / L.laneHeight)), first, last);
        const qint64 e = std::clamp<qint64>(qint64(std::ceil((y + 1 - lanesTop) / L.laneHeight)),
                                            first, last);
        for (qint64 i = a; i < e; ++i) {
            int x0, x1;
            // Whole blocks of a finished run come from their summaries, the largest that fits.
            bool summarised = false;
            for (int lv = blocks ? blockLevels - 1 : -1; lv >= 0 && !summarised; --lv) {
                const qsizetype size = blockSize[lv];
                if (i % size != 0 || i + size > e)
                    continue;
                const RunCache::BlockLevel &level = c.blockLevel[size_t(lv)];
                if (size_t(i / size) >= level.blocks.size())
                    continue; // a live run's open tail: task by task
                const TaskBlock &block = level.blocks[size_t(i / size)];
                if (block.irregular)
                    continue;
                const Interval *interval = level.intervals.data() + block.offset;
                for (int style = 0; style < StyleCount; ++style) {
                    for (int j = 0; j < block.count[size_t(style)]; ++j, ++interval) {
                        // As the union of the bars' own spans: each reaches one pixel past its
                        // start at least, so the latest start decides.
                        x0 = px(interval->from);
                        x1 = std::max({x0 + 1, px(interval->lastStart) + 1, px(interval->to)});
                        if (x1 > left && x0 < left + width)
                            coverage.add(style, std::max(x0, left) - left,
                                         std::min(x1, left + width) - left);
                    }
                }
                i += size - 1;
                summarised = true;
            }
            if (summarised)
                continue;
            if (ghosts && span(prediction->start.at(i), prediction->finish.at(i), &x0, &x1))
                coverage.add(GhostStyle, x0 - left, x1 - left);
            qint64 wf, wt, rf, rt;
            Style rs, ws;
            if (!taskSpans(r, i, now, &wf, &wt, &rf, &rt, &rs, &ws))
                continue;
            if (wt > wf && span(double(wf) * k, double(wt) * k, &x0, &x1))
                coverage.add(ws, x0 - left, x1 - left);
            if (rf >= 0 && span(double(rf) * k, double(rt) * k, &x0, &x1))
                coverage.add(rs, x0 - left, x1 - left);
        }
        for (int s = 0; s < StyleCount; ++s) {
            RowMerger &m = mergers[size_t(s)];
            m.beginRow(y);
            coverage.take(s, [&](int x0, int x1) { m.span(left + x0, left + x1, y); });
        }
    }
}

void TimelineRenderer::Private::buildWorkerLanes(const Layout &L, const Block &b,
                                                 const TimelineRenderOptions &o)
{
    RunCache &c = cache(b.run);
    if (o.levelOfDetail && c.complete && c.workerLanes.empty() && !c.byWorker.empty())
        buildCompactLanes(c);
    const RunRecord &r = *c.record;
    const double k = scenarioSecondsPerNs(r);
    const double nsPerSecond = 1.0 / k;
    const qint64 now = nowNs(b.run, o);
    const int clipTop = std::max(L.content.top(), L.screenY(b.lanesTop));
    const int clipBottom = std::min(L.content.bottom() + 1, L.screenY(b.lanesTop) + b.lanesHeight);
    if (clipBottom <= clipTop)
        return;
    const auto [first, last] = TimelineMath::visibleRows(clipTop, clipBottom, L.screenY(b.lanesTop),
                                                         L.laneHeight, b.laneCount);
    const int left = L.plotLeft;
    const int width = L.plotWidth();
    const double windowStartNs = L.start * nsPerSecond;
    const double windowEndNs = L.end * nsPerSecond;
    const auto clampSpan = [&](int *x0, int *x1) {
        if (*x1 <= left || *x0 >= left + width)
            return false;
        *x0 = std::max(*x0, left);
        *x1 = std::min(*x1, left + width);
        return true;
    };

    // Live runs: calls f(x0, x1, style) for the tasks of one worker that intersect the window,
    // reading the record; a worker runs one task at a time, so starts and finishes are sorted.
    const auto forEachVisible = [&](qint64 lane, auto &&f) {
        if (lane >= qint64(c.byWorker.size()))
            return;
        const std::vector<qint32> &ids = c.byWorker[size_t(lane)];
        auto it = std::partition_point(ids.begin(), ids.end(), [&](qint32 id) {
            const TaskSample s = r.sample(id);
            return double(s.finishedNs >= 0 ? s.finishedNs : now) < windowStartNs;
        });
        const auto end = std::partition_point(it, ids.end(), [&](qint32 id) {
            return double(r.sample(id).startedNs) <= windowEndNs;
        });
        for (; it != end; ++it) {
            const TaskSample s = r.sample(*it);
            const qint64 to = s.finishedNs >= 0 ? std::max(s.finishedNs, s.startedNs)
                                                : std::max(now, s.startedNs);
            int x0 = L.x(double(s.startedNs) * k);
            int x1 = std::max(x0 + 1, L.x(double(to) * k));
            if (!clampSpan(&x0, &x1))
                continue;
            const Style style = s.status == TaskStatus::Failed      ? FailedStyle
                                : s.status == TaskStatus::Cancelled ? CancelledStyle
                                                                    : RunStyle;
            f(x0, x1, style);
        }
    };

    // Finished runs: the same from the compact lane data, merging every run of tasks that share
    // a pixel with one binary search, so a lane costs O(pixels * log tasks) at any task count.
    // Failed and cancelled tasks are drawn over the merged spans, each with at least one pixel.
    const auto visibleRange = [&](const WorkerLaneData &lane) {
        const auto i = std::partition_point(lane.finishMax.begin(), lane.finishMax.end(),
                                            [&](qint64 f) { return double(f) < windowStartNs; })
                       - lane.finishMax.begin();
        const auto e = std::partition_point(lane.start.begin() + i, lane.start.end(),
                                            [&](qint64 t) { return double(t) <= windowEndNs; })
                       - lane.start.begin();
        return std::pair<qsizetype, qsizetype>(i, e);
    };
    const auto forEachMerged = [&](const WorkerLaneData &lane, auto &&f) {
        const std::pair<qsizetype, qsizetype> range = visibleRange(lane);
        const qsizetype begin = range.first;
        const qsizetype end = range.second;
        qsizetype i = begin;
        while (i < end) {
            int x0 = L.x(double(lane.start[size_t(i)]) * k);
            int x1 = std::max(x0 + 1, L.x(double(lane.finishMax[size_t(i)]) * k));
            qsizetype j = i;
            for (;;) {
                // Tasks that start before the span's last pixel ends extend it.
                const double edge = xToTime(x1 + 0.5, L.start, L.end, left, width) * nsPerSecond;
                const qsizetype next =
                        std::partition_point(lane.start.begin() + j + 1, lane.start.begin() + end,
                                             [&](qint64 t) { return double(t) < edge; })
                        - lane.start.begin();
                if (next <= j + 1)
                    break;
                j = next - 1;
                // The latest start joined gives its own one-pixel minimum, as drawn alone.
                x1 = std::max({x1, L.x(double(lane.finishMax[size_t(j)]) * k),
                               L.x(double(lane.start[size_t(j)]) * k) + 1});
            }
            if (clampSpan(&x0, &x1))
                f(x0, x1, RunStyle);
            i = j + 1;
        }
        const auto special = std::partition_point(
                lane.special.begin(), lane.special.end(),
                [&](const WorkerLaneData::Special &sp) { return sp.position < begin; });
        for (auto it = special; it != lane.special.end() && it->position < end; ++it) {
            int x0 = L.x(double(lane.start[size_t(it->position)]) * k);
            int x1 = std::max(x0 + 1, L.x(double(it->finish) * k));
            if (clampSpan(&x0, &x1))
                f(x0, x1, Style(it->style));
        }
    };
    const auto compact = [&](qint64 lane) -> const WorkerLaneData * {
        return o.levelOfDetail && c.complete && lane < qint64(c.workerLanes.size())
                       ? &c.workerLanes[size_t(lane)]
                       : nullptr;
    };

    std::array<RowMerger, StyleCount> mergers;
    for (int s = 0; s < StyleCount; ++s)
        mergers[size_t(s)].out = &geometry.rects[size_t(s)];
    // Emits the collected coverage as the spans of pixel rows [y0, y1).
    std::vector<std::pair<int, int>> spans;
    const auto flushCoverage = [&](int y0, int y1) {
        for (int s = 0; s < StyleCount; ++s) {
            spans.clear();
            coverage.take(s, [&](int x0, int x1) { spans.emplace_back(left + x0, left + x1); });
            RowMerger &m = mergers[size_t(s)];
            for (int y = y0; y < y1; ++y) {
                m.beginRow(y);
                for (const auto &[x0, x1] : spans)
                    m.span(x0, x1, y);
            }
        }
    };
    const auto addToCoverage = [&](int x0, int x1, Style s) {
        coverage.add(s, x0 - left, x1 - left);
    };

    if (L.laneHeight >= 1.0) {
        for (qint64 lane = first; lane < last; ++lane) {
            const int y = L.laneY(b, lane);
            const int h = std::max(1, L.laneY(b, lane + 1) - y);
            const LaneBox box = laneBox(y, h);
            const WorkerLaneData *data = compact(lane);
            qsizetype count = 0;
            if (data) {
                const auto [i, e] = visibleRange(*data);
                count = e - i;
            } else {
                forEachVisible(lane, [&](int, int, Style) { ++count; });
            }
            if (count > width / 2) {
                // More bars than pixels: merged spans, or coverage while the run is live.
                if (data) {
                    forEachMerged(*data, [&](int x0, int x1, Style s) {
                        geometry.rects[s].push_back(
                                QRect(x0, box.runTop, x1 - x0, box.runBottom - box.runTop));
                    });
                } else {
                    forEachVisible(lane, addToCoverage);
                    flushCoverage(box.runTop, box.runBottom);
                }
                continue;
            }
            int previousEnd = std::numeric_limits<int>::min();
            forEachVisible(lane, [&](int x0, int x1, Style s) {
                if (x0 < previousEnd)
                    x0 = std::min(previousEnd, x1 - 1);
                const QRect bar(x0, box.runTop, x1 - x0, box.runBottom - box.runTop);
                geometry.rects[s].push_back(bar);
                if (box.detailed && s == CancelledStyle)
                    geometry.stripes.push_back(bar);
                // Back-to-back tasks: a thin line where one ends and the next begins.
                if (box.detailed && x0 == previousEnd && x1 - x0 >= 3)
                    geometry.separators.emplace_back(x0, box.runTop, x0, box.runBottom - 1);
                previousEnd = x1;
            });
        }
        return;
    }

    // Lanes thinner than a pixel: aggregate the workers of each pixel row.
    const double lanesTop = L.screenY(b.lanesTop);
    for (int y = clipTop; y < clipBottom; ++y) {
        const qint64 a =
                std::clamp<qint64>(qint64(std::ceil((y - lanesTop) / L.laneHeight)), first, last);
        const qint64 e = std::clamp<qint64>(qint64(std::ceil((y + 1 - lanesTop) / L.laneHeight)),
                                            first, last);
        for (qint64 lane = a; lane < e; ++lane) {
            if (const WorkerLaneData *data = compact(lane))
                forEachMerged(*data, addToCoverage);
            else
                forEachVisible(lane, addToCoverage);
        }
        flushCoverage(y, y + 1);
    }
}

void TimelineRenderer::Private::paintLaneGeometry(QPainter &p, const Layout &L,
                                                  const TimelineRenderOptions &o)
{
    const TimelinePalette &pal = o.palette;
    p.setPen(Qt::NoPen);
    const auto fill = [&](const std::vector<QRect> &rects, const QBrush &brush) {
        if (rects.empty())
            return;
        p.setBrush(brush);
        p.drawRects(rects.data(), int(rects.size()));
    };
    // Lanes without alternate shading lie on the plain background: the ghost's translucent
    // colour blended in advance is the same picture, and an opaque fill is far cheaper.
    QColor ghost = pal.predictedFill;
    if (L.laneHeight < 6.0) {
        const double a = ghost.alphaF();
        const QColor &bg = pal.background;
        ghost = QColor::fromRgbF(float(ghost.redF() * a + bg.redF() * (1 - a)),
                                 float(ghost.greenF() * a + bg.greenF() * (1 - a)),
                                 float(ghost.blueF() * a + bg.blueF() * (1 - a)));
    }
    fill(geometry.rects[GhostStyle], ghost);
    if (!geometry.ghostOutlines.empty()) {
        QPen pen(pal.predicted, 1, Qt::DashLine);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawRects(geometry.ghostOutlines.data(), int(geometry.ghostOutlines.size()));
        p.setPen(Qt::NoPen);
    }
    fill(geometry.rects[WaitStyle], pal.wait);
    fill(geometry.hatch, QBrush(pal.waitHatch, Qt::BDiagPattern));
    fill(geometry.rects[RunStyle], pal.run);
    fill(geometry.rects[CancelledStyle], pal.cancelled);
    fill(geometry.stripes, QBrush(pal.cancelledStripe, Qt::FDiagPattern));
    fill(geometry.rects[FailedStyle], pal.failed);
    if (!geometry.separators.empty()) {
        p.setPen(QPen(pal.background, 1));
        p.drawLines(geometry.separators.data(), int(geometry.separators.size()));
        p.setPen(Qt::NoPen);
    }
}

// The live run changes every frame; it is drawn directly (visible lanes only) rather than cached.
void TimelineRenderer::Private::paintLiveBars(QPainter &p, const Layout &L, const Block &b,
                                              const TimelineRenderOptions &o)
{
    // Built into a buffer of its own (kept between frames), so the cached bars stay untouched.
    std::swap(liveGeometry, geometry);
    geometry.clear();
    coverage.reset();
    if (o.laneMode == TimelineLaneMode::Tasks)
        buildTaskLanes(L, b, o);
    else
        buildWorkerLanes(L, b, o);
    paintLaneGeometry(p, L, o);
    std::swap(liveGeometry, geometry);
}

void TimelineRenderer::Private::paintBlockBackground(QPainter &p, const Layout &L, const Block &b,
                                                     const TimelineRenderOptions &o)
{
    const TimelinePalette &pal = o.palette;
    const int lanesTop = L.screenY(b.lanesTop);
    // Alternate lane shading, selection and hover, where lanes are tall enough to tell apart.
    if (L.laneHeight >= 6.0) {
        const int clipTop = std::max(L.content.top(), lanesTop);
        const int clipBottom = std::min(L.content.bottom() + 1, lanesTop + b.lanesHeight);
        const auto [first, last] =
                TimelineMath::visibleRows(clipTop, clipBottom, lanesTop, L.laneHeight, b.laneCount);
        std::vector<QRect> alternate;
        for (qint64 i = first; i < last; ++i) {
            if (i % 2 == 1) {
                const int y = L.laneY(b, i);
                alternate.emplace_back(L.rect.left(), y, L.rect.width(), L.laneY(b, i + 1) - y);
            }
        }
        p.setPen(Qt::NoPen);
        p.setBrush(pal.laneAlternate);
        if (!alternate.empty())
            p.drawRects(alternate.data(), int(alternate.size()));
    }
    const auto highlightLane = [&](qint64 lane, const QColor &color) {
        if (lane < 0 || lane >= b.laneCount)
            return;
        const int y = L.laneY(b, lane);
        const int h = std::max(1, L.laneY(b, lane + 1) - y);
        p.fillRect(QRect(L.rect.left(), y, L.rect.width(), h), color);
    };
    if (o.hoverRun == b.run)
        highlightLane(o.hoverLane, pal.hover);
    if (o.selectedRun == b.run && o.selectedTask >= 0) {
        qint64 lane = o.selectedTask;
        if (o.laneMode == TimelineLaneMode::Workers) {
            const RunCache &c = cache(b.run);
            const int w = o.selectedTask < c.record->taskCount()
                                  ? c.record->sample(o.selectedTask).worker
                                  : 0;
            lane = w - 1;
        }
        highlightLane(lane, pal.selection);
    }
    // Chart background.
    p.fillRect(QRect(L.plotLeft, L.screenY(b.chartTop), L.plotWidth(), b.chartHeight),
               pal.background);
}

void TimelineRenderer::Private::paintSelection(QPainter &p, const Layout &L, const Block &b,
                                               const TimelineRenderOptions &o)
{
    if (o.selectedRun != b.run || o.selectedTask < 0)
        return;
    const RunRecord &r = *cache(b.run).record;
    if (o.selectedTask >= r.taskCount())
        return;
    const TaskSample s = r.sample(o.selectedTask);
    qint64 lane = o.selectedTask;
    if (o.laneMode == TimelineLaneMode::Workers)
        lane = s.worker - 1;
    if (lane < 0 || lane >= b.laneCount || s.submittedNs < 0)
        return;
    const int y = L.laneY(b, lane);
    const int h = std::max(1, L.laneY(b, lane + 1) - y);
    const LaneBox box = laneBox(y, h);
    const double k = scenarioSecondsPerNs(r);
    const qint64 now = nowNs(b.run, o);
    const qint64 from = o.laneMode == TimelineLaneMode::Workers ? s.startedNs : s.submittedNs;
    const qint64 to = s.finishedNs >= 0 ? s.finishedNs : now;
    if (from < 0)
        return;
    const int x0 = L.x(double(from) * k);
    const int x1 = std::max(x0 + 1, L.x(double(to) * k));
    p.setPen(QPen(o.palette.selectionEdge, 2));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRect(x0 - 1, box.runTop - 1, x1 - x0 + 1, box.runBottom - box.runTop + 1));
}

void TimelineRenderer::Private::paintChart(QPainter &p, const Layout &L, const Block &b,
                                           const TimelineRenderOptions &o)
{
    const RunCache &c = cache(b.run);
    const RunRecord &r = *c.record;
    const TimelinePalette &pal = o.palette;
    const int top = L.screenY(b.chartTop);
    if (top > L.content.bottom() || top + b.chartHeight < L.content.top())
        return;
    const int innerTop = top + L.lineHeight / 2 + 4;
    const int baseline = top + b.chartHeight - 6;
    const int limit = r.options().isLimited() ? r.options().limit : 0;
    const ChartScale scale = chartScale(c);
    const auto yFor = [&](qint64 v, qint64 max) {
        const double f = std::min(double(v), double(max) * 1.04) / double(max);
        return baseline - int(std::lround(f * double(baseline - innerTop)));
    };
    const auto yOf = [&](qint64 v) { return yFor(v, scale.runningMax); };
    const auto yOfWaiting = [&](qint64 v) { return yFor(v, scale.waitingMax); };
    const qint64 yMax = scale.runningMax;

    // Grid: baseline and the scale's top.
    p.setPen(QPen(pal.grid, 1));
    p.drawLine(L.plotLeft, yOf(yMax), L.plotRight - 1, yOf(yMax));
    p.setPen(QPen(pal.separator, 1));
    p.drawLine(L.plotLeft, baseline, L.plotRight - 1, baseline);

    // Per pixel column: min and max of running and waiting over the column's time span.
    const double nsPerSecond = 1.0 / scenarioSecondsPerNs(r);
    const qint64 now = nowNs(b.run, o);
    const bool live = b.run == liveRun(o);
    const QList<ConcurrencyStep> &steps = c.steps;
    const qsizetype n = steps.size();
    const int width = L.plotWidth();
    struct Column
    {
        int maxR, minR, maxW, minW;
        bool valid;
    };
    std::vector<Column> cols(static_cast<size_t>(width));
    const auto nsAt = [&](int x) {
        return xToTime(double(x), L.start, L.end, L.plotLeft, width) * nsPerSecond;
    };
    double t0 = nsAt(L.plotLeft);
    qsizetype idx =
            std::partition_point(steps.begin(), steps.end(),
                                 [&](const ConcurrencyStep &s) { return double(s.ns) <= t0; })
            - steps.begin() - 1;
    for (int col = 0; col < width; ++col) {
        const double t1 = nsAt(L.plotLeft + col + 1);
        Column &column = cols[size_t(col)];
        column.valid = t1 > 0.0 && (!live || t0 <= double(now));
        const ConcurrencyStep current = idx >= 0 ? steps.at(idx) : ConcurrencyStep{0, 0, 0};
        column.maxR = column.minR = current.running;
        column.maxW = column.minW = current.waiting;
        while (idx + 1 < n && double(steps.at(idx + 1).ns) < t1) {
            const qsizetype next = idx + 1;
            if (!c.blockMaxRunning.empty() && next % stepBlock == 0 && next + stepBlock <= n
                && double(steps.at(next + stepBlock - 1).ns) < t1) {
                const auto block = size_t(next / stepBlock);
                column.maxR = std::max(column.maxR, c.blockMaxRunning[block]);
                column.minR = std::min(column.minR, c.blockMinRunning[block]);
                column.maxW = std::max(column.maxW, c.blockMaxWaiting[block]);
                column.minW = std::min(column.minW, c.blockMinWaiting[block]);
                idx += stepBlock;
                continue;
            }
            idx = next;
            const ConcurrencyStep &s = steps.at(idx);
            column.maxR = std::max(column.maxR, s.running);
            column.minR = std::min(column.minR, s.running);
            column.maxW = std::max(column.maxW, s.waiting);
            column.minW = std::min(column.minW, s.waiting);
        }
        t0 = t1;
    }

    // Running: a step area, lighter between a column's minimum and maximum (hand-overs of a slot
    // dip for an instant), with its outline at the maximum. Waiting: a line, with a vertical
    // stroke from minimum to maximum where a column holds several values.
    std::vector<QRect> area, core;
    std::vector<QLine> runLines, waitLines;
    const auto outline = [&](std::vector<QLine> &lines, auto maxOf, auto minOf, auto y,
                             bool envelope) {
        int prevY = -1;
        int segStart = -1, segY = -1;
        for (int col = 0; col <= width; ++col) {
            const bool valid = col < width && cols[size_t(col)].valid;
            const int v = valid ? maxOf(cols[size_t(col)]) : 0;
            const int yv = valid ? y(v) : -1;
            const int x = L.plotLeft + col;
            if (yv != segY) {
                if (segStart >= 0 && segY != baseline)
                    lines.emplace_back(segStart, segY, x - 1, segY);
                if (valid && prevY >= 0 && prevY != yv)
                    lines.emplace_back(x, prevY, x, yv);
                segStart = valid ? x : -1;
                segY = yv;
            }
            if (valid && envelope) {
                const int vMin = minOf(cols[size_t(col)]);
                if (vMin != v)
                    lines.push_back(QLine(x, y(vMin), x, yv));
            }
            prevY = yv;
        }
    };
    const auto fillArea = [&](std::vector<QRect> &rects, auto valueOf) {
        int segStart = -1, segV = -1;
        for (int col = 0; col <= width; ++col) {
            const bool valid = col < width && cols[size_t(col)].valid;
            const int v = valid ? valueOf(cols[size_t(col)]) : 0;
            if (v != segV || !valid) {
                if (segStart >= 0 && segV > 0) {
                    const int y = yOf(segV);
                    rects.emplace_back(segStart, y, L.plotLeft + col - segStart, baseline - y);
                }
                segStart = valid ? L.plotLeft + col : -1;
                segV = valid ? v : -1;
            }
        }
    };
    fillArea(area, [](const Column &cl) { return cl.maxR; });
    fillArea(core, [](const Column &cl) { return cl.minR; });
    outline(
            runLines, [](const Column &cl) { return cl.maxR; },
            [](const Column &cl) { return cl.minR; }, yOf, false);
    outline(
            waitLines, [](const Column &cl) { return cl.maxW; },
            [](const Column &cl) { return cl.minW; }, yOfWaiting, true);

    p.save();
    p.setClipRect(QRect(L.plotLeft, top, width, b.chartHeight).intersected(L.content));
    p.setPen(Qt::NoPen);
    // Two half-strength layers: the palette's colour where the column's minimum holds, lighter
    // where only its maximum reaches.
    QColor half = pal.runningArea;
    half.setAlphaF(float(1.0 - std::sqrt(1.0 - double(pal.runningArea.alphaF()))));
    p.setBrush(half);
    if (!area.empty())
        p.drawRects(area.data(), int(area.size()));
    if (!core.empty())
        p.drawRects(core.data(), int(core.size()));
    p.setPen(QPen(pal.runningLine, 1));
    if (!runLines.empty())
        p.drawLines(runLines.data(), int(runLines.size()));
    QPen waitPen(pal.waitingLine, 2);
    waitPen.setCapStyle(Qt::FlatCap);
    p.setPen(waitPen);
    if (!waitLines.empty())
        p.drawLines(waitLines.data(), int(waitLines.size()));
    if (limit > 0) {
        QPen limitPen(pal.limit, 1, Qt::DashLine);
        p.setPen(limitPen);
        p.drawLine(L.plotLeft, yOf(limit), L.plotRight - 1, yOf(limit));
    }
    p.restore();

    // Scale and names in the label column: never over the data.
    const QFontMetrics fm(o.font);
    const int right = L.plotLeft - padding;
    const auto labelAt = [&](int y, const QString &text, const QColor &color) {
        p.setPen(color);
        const int w = fm.horizontalAdvance(text);
        p.drawText(QPoint(right - w, y - L.lineHeight / 2 + L.ascent), text);
        return QRect(right - w, y - L.lineHeight / 2, w, L.lineHeight);
    };
    std::vector<QRect> used;
    if (limit > 0)
        used.push_back(labelAt(yOf(limit), tr("limit %1").arg(limit), pal.limit));
    const auto freeAt = [&](int y) {
        const QRect r(L.rect.left(), y - L.lineHeight / 2, L.labelWidth, L.lineHeight);
        return std::none_of(used.begin(), used.end(),
                            [&](const QRect &u) { return u.intersects(r); });
    };
    if (freeAt(yOf(yMax)))
        used.push_back(labelAt(yOf(yMax), QLocale().toString(yMax), pal.mutedText));
    if (freeAt(baseline))
        used.push_back(labelAt(baseline, QStringLiteral("0"), pal.mutedText));
    // The chart's name, left-aligned in the first free slot beside the scale labels: top,
    // middle, upper, lower.
    const auto place = [&](const QString &text, const QColor &color) {
        const int w = fm.horizontalAdvance(text);
        const int mid = (innerTop + baseline) / 2;
        for (int y : {innerTop, mid, (innerTop + mid) / 2, (mid + baseline) / 2, baseline}) {
            const QRect r(L.rect.left() + padding, y - L.lineHeight / 2, w, L.lineHeight);
            if (r.top() < top || r.bottom() > top + b.chartHeight || r.right() > right)
                continue;
            if (std::any_of(used.begin(), used.end(), [&](const QRect &u) {
                    return u.adjusted(-padding / 2, 0, 0, 0).intersects(r);
                }))
                continue;
            p.setPen(color);
            p.drawText(QPoint(r.left(), r.top() + L.ascent), text);
            used.push_back(r);
            return;
        }
    };
    place(tr("concurrency"), pal.text);
}

void TimelineRenderer::Private::paintLabels(QPainter &p, const Layout &L, const Block &b,
                                            const TimelineRenderOptions &o)
{
    const RunRecord &r = *cache(b.run).record;
    const TimelinePalette &pal = o.palette;
    const QFontMetrics fm(o.font);
    const int lanesTop = L.screenY(b.lanesTop);
    const int clipTop = std::max(L.content.top(), lanesTop);
    const int clipBottom = std::min(L.content.bottom() + 1, lanesTop + b.lanesHeight);
    if (clipBottom <= clipTop)
        return;
    const bool tasks = o.laneMode == TimelineLaneMode::Tasks;
    const int numberWidth =
            tasks ? fm.horizontalAdvance(QStringLiteral("#%1").arg(r.taskCount())) : 0;
    const int textWidth = L.labelWidth - 2 * padding;
    const auto drawLabel = [&](qint64 lane, int centerY) {
        const int baselineY = centerY - L.lineHeight / 2 + L.ascent;
        const int x = L.rect.left() + padding;
        if (tasks) {
            const QString number = QStringLiteral("#%1").arg(lane + 1);
            p.setPen(pal.mutedText);
            p.drawText(QPoint(x + numberWidth - fm.horizontalAdvance(number), baselineY), number);
            const int labelX = x + numberWidth + padding;
            const QString label = fm.elidedText(r.task(lane).displayLabel(), Qt::ElideRight,
                                                std::max(0, textWidth - numberWidth - padding));
            p.setPen(pal.text);
            p.drawText(QPoint(labelX, baselineY), label);
        } else {
            p.setPen(pal.text);
            p.drawText(QPoint(x, baselineY),
                       fm.elidedText(tr("worker %1").arg(lane + 1), Qt::ElideRight, textWidth));
        }
    };
    if (L.laneHeight >= L.lineHeight) {
        const auto [first, last] =
                TimelineMath::visibleRows(clipTop, clipBottom, lanesTop, L.laneHeight, b.laneCount);
        for (qint64 i = first; i < last; ++i) {
            const int y = L.laneY(b, i);
            drawLabel(i, y + (L.laneY(b, i + 1) - y) / 2);
        }
        return;
    }
    // Thin lanes: label every k-th lane (k a 1-2-5 number) with room for the text, with a tick.
    const qint64 step = TimelineMath::niceCount((L.lineHeight + 4) / L.laneHeight);
    const auto [first, last] =
            TimelineMath::visibleRows(clipTop, clipBottom, lanesTop, L.laneHeight, b.laneCount);
    // Label lane 0 and then the multiples of the step, numbered as people count (#1, #step, ...).
    // A label near the block's edge moves inside it rather than being clipped.
    int previousBottom = std::numeric_limits<int>::min();
    for (qint64 m = (first + step - 1) / step * step; m < last; m += step) {
        const qint64 lane = m == 0 ? 0 : m - 1;
        const int y = L.laneY(b, lane);
        const int h = std::max(1, L.laneY(b, lane + 1) - y);
        const int cy = y + h / 2;
        const int labelY =
                std::clamp(cy, clipTop + L.lineHeight / 2, clipBottom - (L.lineHeight + 1) / 2);
        if (labelY - L.lineHeight / 2 < previousBottom || clipBottom - clipTop < L.lineHeight)
            continue;
        p.setPen(pal.separator);
        p.drawLine(L.plotLeft - 4, cy, L.plotLeft - 1, cy);
        drawLabel(lane, labelY);
        previousBottom = labelY + (L.lineHeight + 1) / 2 + 2;
    }
}

void TimelineRenderer::Private::paintHeader(QPainter &p, const Layout &L, const Block &b,
                                            const TimelineRenderOptions &o)
{
    const RunCache &c = cache(b.run);
    const RunRecord &r = *c.record;
    const TimelinePalette &pal = o.palette;
    const int top = L.screenY(b.top);
    const QRect band(L.rect.left(), top, L.rect.width(), b.headerHeight);
    p.fillRect(band, pal.panel);
    p.setPen(pal.separator);
    p.drawLine(band.left(), band.bottom(), band.right(), band.bottom());
    if (b.run > 0)
        p.drawLine(band.left(), band.top(), band.right(), band.top());

    QFont bold = o.font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QFontMetrics fm(o.font);
    const int baselineY = top + (b.headerHeight - L.lineHeight) / 2 + L.ascent;
    const QString name = r.options().displayName();
    p.setFont(bold);
    p.setPen(pal.text);
    const int x = band.left() + padding;
    p.drawText(QPoint(x, baselineY), name);
    p.setFont(o.font);

    const double k = scenarioSecondsPerNs(r);
    QStringList parts;
    const qsizetype tasks = r.taskCount();
    const QLocale locale;
    parts << (tasks == 1 ? tr("1 task") : tr("%1 tasks").arg(locale.toString(tasks)));
    if (r.isComplete()) {
        parts << tr("makespan %1").arg(TimelineMath::formatDuration(double(c.lastNs) * k));
    } else if (b.run == liveRun(o)) {
        parts << tr("running, %1 of %2 done")
                         .arg(locale.toString(r.finishedCount()), locale.toString(tasks));
    } else {
        parts << tr("%1 of %2 done")
                         .arg(locale.toString(r.finishedCount()), locale.toString(tasks));
    }
    if (b.run < o.predictions.size())
        parts << tr("predicted %1")
                         .arg(TimelineMath::formatDuration(o.predictions.at(b.run).makespan));
    if (c.complete)
        parts << tr("peak %1 running").arg(c.maxRunning);
    const ChartScale scale = chartScale(c);
    if (scale.waitingOwnScale)
        parts << tr("waiting line scaled to %1").arg(locale.toString(scale.waitingMax));
    if (c.failed > 0)
        parts << tr("%1 failed").arg(c.failed);
    if (c.cancelled > 0)
        parts << tr("%1 cancelled").arg(c.cancelled);
    const int detailX = x + boldMetrics.horizontalAdvance(name) + 2 * padding;
    const QString details = fm.elidedText(parts.join(QStringLiteral("  \u00b7  ")), Qt::ElideRight,
                                          std::max(0, band.right() - padding - detailX));
    p.setPen(pal.mutedText);
    p.drawText(QPoint(detailX, baselineY), details);
}

void TimelineRenderer::Private::paintLegend(QPainter &p, const Layout &L,
                                            const TimelineRenderOptions &o)
{
    const TimelinePalette &pal = o.palette;
    p.fillRect(L.legend, pal.panel);
    for (const LegendItem &item : L.legendItems) {
        const QRect s = item.swatch;
        const int mid = s.top() + s.height() / 2;
        p.setPen(Qt::NoPen);
        switch (item.kind) {
        case LegendItem::Wait:
            p.fillRect(s.adjusted(0, 2, 0, -2), pal.wait);
            p.fillRect(s.adjusted(0, 2, 0, -2), QBrush(pal.waitHatch, Qt::BDiagPattern));
            break;
        case LegendItem::Run:
            p.fillRect(s, pal.run);
            break;
        case LegendItem::Predicted:
            p.fillRect(s, pal.predictedFill);
            p.setPen(QPen(pal.predicted, 1, Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            p.drawRect(s.adjusted(0, 0, -1, -1));
            break;
        case LegendItem::Failed:
            p.fillRect(s, pal.failed);
            break;
        case LegendItem::Cancelled:
            p.fillRect(s, pal.cancelled);
            p.fillRect(s, QBrush(pal.cancelledStripe, Qt::FDiagPattern));
            break;
        case LegendItem::Running:
            p.fillRect(s.adjusted(0, s.height() / 3, 0, 0), pal.runningArea);
            p.setPen(QPen(pal.runningLine, 1));
            p.drawLine(s.left(), s.top() + s.height() / 3, s.right(), s.top() + s.height() / 3);
            break;
        case LegendItem::Waiting: {
            QPen pen(pal.waitingLine, 2);
            pen.setCapStyle(Qt::FlatCap);
            p.setPen(pen);
            p.drawLine(s.left(), mid, s.right() + 1, mid);
            break;
        }
        case LegendItem::Limit:
            p.setPen(QPen(pal.limit, 1, Qt::DashLine));
            p.drawLine(s.left(), mid, s.right(), mid);
            break;
        case LegendItem::Now:
            p.fillRect(QRect(s.center().x() - 1, s.top() - 1, 2, s.height() + 2), pal.now);
            break;
        }
        p.setPen(pal.text);
        p.drawText(item.textPos, item.text);
    }
}

void TimelineRenderer::Private::paintAxis(QPainter &p, const Layout &L,
                                          const TimelineRenderOptions &o,
                                          const TimelineMath::Ticks &ticks)
{
    const TimelinePalette &pal = o.palette;
    p.fillRect(L.axis, pal.panel);
    p.setPen(pal.separator);
    p.drawLine(L.axis.left(), L.axis.bottom(), L.axis.right(), L.axis.bottom());
    if (o.showLegend)
        p.drawLine(L.axis.left(), L.axis.top(), L.axis.right(), L.axis.top());
    const QFontMetrics fm(o.font);
    const int baselineY = L.axis.top() + (L.axis.height() - L.lineHeight) / 2 + L.ascent;
    // The lane kind names the label column.
    p.setPen(pal.mutedText);
    const QString what = o.laneMode == TimelineLaneMode::Tasks ? tr("tasks") : tr("workers");
    p.drawText(QPoint(L.rect.left() + padding, baselineY),
               fm.elidedText(what, Qt::ElideRight, L.labelWidth - 2 * padding));

    p.save();
    p.setClipRect(QRect(L.plotLeft, L.axis.top(), L.plotWidth() + padding, L.axis.height()));
    const int width = L.plotWidth();
    const double pxPerStep = ticks.step * width / (L.end - L.start);
    // Minor ticks when there is room.
    const int minor = TimelineMath::minorDivisions(ticks.step);
    std::vector<QLine> lines;
    if (pxPerStep / minor >= 6.0) {
        for (int i = -1; i < ticks.count; ++i) {
            for (int m = 1; m < minor; ++m) {
                const int x = L.x(ticks.value(i) + ticks.step * m / minor);
                if (x >= L.plotLeft && x < L.plotRight)
                    lines.emplace_back(x, L.axis.bottom() - 3, x, L.axis.bottom() - 1);
            }
        }
    }
    for (int i = 0; i < ticks.count; ++i) {
        const int x = L.x(ticks.value(i));
        lines.emplace_back(x, L.axis.bottom() - 7, x, L.axis.bottom() - 1);
    }
    p.setPen(pal.mutedText);
    if (!lines.empty())
        p.drawLines(lines.data(), int(lines.size()));
    p.setPen(pal.text);
    for (int i = 0; i < ticks.count; ++i) {
        const int x = L.x(ticks.value(i));
        const QString label = TimelineMath::tickLabel(ticks, i);
        // Labels sit right of their tick; the last one is dropped rather than clipped.
        if (x + 4 + fm.horizontalAdvance(label) > L.rect.right())
            continue;
        p.drawText(QPoint(x + 4, baselineY - 2), label);
    }
    p.restore();
}

TimelineRenderer::TimelineRenderer()
    : d(std::make_unique<Private>())
{
}

TimelineRenderer::~TimelineRenderer() = default;

void TimelineRenderer::invalidate()
{
    d->geometryValid = false;
}

void TimelineRenderer::clearCaches()
{
    d->caches.clear();
    d->geometryValid = false;
}

int TimelineRenderer::naturalLaneHeight(const QFont &font)
{
    return QFontMetrics(font).height() + 8;
}

std::pair<double, double> TimelineRenderer::fitRange(const TimelineRenderOptions &o)
{
    double end = 0.0;
    const qint64 liveIndex = [&] {
        if (o.liveNowNs < 0)
            return qint64(-1);
        for (qint64 i = o.runs.size() - 1; i >= 0; --i) {
            if (o.runs.at(i) && !o.runs.at(i)->isComplete())
                return i;
        }
        return qint64(-1);
    }();
    for (qsizetype i = 0; i < o.runs.size(); ++i) {
        const auto &r = o.runs.at(i);
        if (!r)
            continue;
        if (i < o.predictions.size())
            end = std::max(end, o.predictions.at(i).makespan);
        // The measured end: the predicted makespan is usually close, so scan only finished runs
        // once (the caller keeps the result) and use the clock for the live one.
        if (i == liveIndex)
            end = std::max(end, r->toScenarioSeconds(o.liveNowNs));
        qint64 last = 0;
        const qsizetype n = r->taskCount();
        for (qsizetype t = 0; t < n; ++t) {
            const TaskSample s = r->sample(t);
            last = std::max({last, s.startedNs, s.finishedNs});
        }
        end = std::max(end, r->toScenarioSeconds(last));
    }
    if (!(end > 0.0))
        end = 1.0;
    return {0.0, end * 1.03};
}

std::pair<double, double>
TimelineRenderer::Private::fittedRange(const TimelineRenderOptions &o) const
{
    double end = 0.0;
    const int live = liveRun(o);
    for (int i = 0; i < int(caches.size()); ++i) {
        const RunCache &c = caches[size_t(i)];
        if (!c.record)
            continue;
        if (i < o.predictions.size())
            end = std::max(end, o.predictions.at(i).makespan);
        end = std::max(end, c.record->toScenarioSeconds(i == live ? std::max(o.liveNowNs, c.lastNs)
                                                                  : c.lastNs));
    }
    if (!(end > 0.0))
        end = 1.0;
    return {0.0, end * 1.03};
}

std::pair<double, double> TimelineRenderer::fittedRange(const TimelineRenderOptions &o)
{
    d->syncCaches(o);
    return d->fittedRange(o);
}

QRect TimelineRenderer::contentRect(const QRect &rect, const TimelineRenderOptions &o)
{
    d->syncCaches(o);
    return d->layout(rect, o).content;
}

QRect TimelineRenderer::plotRect(const QRect &rect, const TimelineRenderOptions &o)
{
    d->syncCaches(o);
    const Layout L = d->layout(rect, o);
    return {L.plotLeft, L.content.top(), L.plotWidth(), L.content.height()};
}

int TimelineRenderer::contentHeight(const QRect &rect, const TimelineRenderOptions &o)
{
    d->syncCaches(o);
    return d->layout(rect, o).contentHeight;
}

double TimelineRenderer::fitLaneHeight(const QRect &rect, const TimelineRenderOptions &o)
{
    TimelineRenderOptions fit = o;
    fit.laneHeight = 0.0;
    fit.fitAllLanes = true;
    d->syncCaches(fit);
    return d->layout(rect, fit).laneHeight;
}

double TimelineRenderer::effectiveLaneHeight(const QRect &rect, const TimelineRenderOptions &o)
{
    d->syncCaches(o);
    return d->layout(rect, o).laneHeight;
}

void TimelineRenderer::paint(QPainter &p, const QRect &rect, const TimelineRenderOptions &o)
{
    d->syncCaches(o);
    const Layout L = d->layout(rect, o);
    const TimelinePalette &pal = o.palette;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setFont(o.font);
    p.fillRect(rect, pal.background);

    // Ticks far enough apart for their widest label.
    const QFontMetrics fm(o.font);
    const int width = L.plotWidth();
    TimelineMath::Ticks ticks = TimelineMath::ticks(L.start, L.end, width, 90);
    for (int pass = 0; pass < 2 && ticks.count > 0; ++pass) {
        int widest = 0;
        for (int i = 0; i < ticks.count; ++i)
            widest = std::max(widest, fm.horizontalAdvance(TimelineMath::tickLabel(ticks, i)));
        const double spacing = ticks.step * width / (L.end - L.start);
        if (spacing >= widest + 16)
            break;
        ticks = TimelineMath::ticks(L.start, L.end, width, widest + 16);
    }

    p.save();
    p.setClipRect(L.content);
    for (const Block &b : L.blocks)
        d->paintBlockBackground(p, L, b, o);
    // Vertical grid at the major ticks, through lanes and charts.
    {
        std::vector<QLine> grid;
        for (const Block &b : L.blocks) {
            const int y0 = std::max(L.content.top(), L.screenY(b.lanesTop));
            const int y1 = std::min(L.content.bottom(), L.screenY(b.bottom) - 1);
            if (y1 < y0)
                continue;
            for (int i = 0; i < ticks.count; ++i) {
                const int x = L.x(ticks.value(i));
                if (x >= L.plotLeft && x < L.plotRight)
                    grid.emplace_back(x, y0, x, y1);
            }
        }
        p.setPen(QPen(pal.grid, 1));
        if (!grid.empty())
            p.drawLines(grid.data(), int(grid.size()));
    }

    p.save();
    p.setClipRect(QRect(L.plotLeft, L.content.top(), width, L.content.height()));
    Private::GeometryKey key{rect,         L.content, L.start,    L.end,
                             L.laneHeight, L.scrollY, L.plotLeft, L.plotRight,
                             o.laneMode,   {},        {},         d->liveRun(o)};
    for (int i = 0; i < int(d->caches.size()); ++i) {
        const RunCache &c = d->caches[size_t(i)];
        key.runs.push_back(c.record.get());
        // The live run is painted apart every frame; its progress does not invalidate the rest.
        // Another run's bars change only with its events (a start or a finish).
        key.events.push_back(c.record && i != key.live ? c.record->publishedEventCount() : -1);
    }
    if (!d->geometryValid || !(key == d->geometryKey)) {
        d->buildLaneGeometry(L, o);
        d->geometryKey = std::move(key);
        d->geometryValid = true;
    }
    d->paintLaneGeometry(p, L, o);
    const int live = d->liveRun(o);
    for (const Block &b : L.blocks) {
        if (b.run == live)
            d->paintLiveBars(p, L, b, o);
        d->paintSelection(p, L, b, o);
    }
    p.restore();

    for (const Block &b : L.blocks)
        d->paintChart(p, L, b, o);

    // Labels left of the plot, on the lanes' own shading.
    for (const Block &b : L.blocks)
        d->paintLabels(p, L, b, o);
    p.setPen(pal.separator);
    p.drawLine(L.plotLeft - 1, L.content.top(), L.plotLeft - 1, L.content.bottom());
    for (const Block &b : L.blocks) {
        // A thin line between lanes and chart.
        p.setPen(pal.separator);
        const int y = L.screenY(b.chartTop);
        p.drawLine(L.rect.left(), y, L.rect.right(), y);
        d->paintHeader(p, L, b, o);
    }

    // The now line of the live run, through its lanes and chart.
    if (live >= 0) {
        const Block &b = L.blocks[size_t(live)];
        const double t = d->cache(live).record->toScenarioSeconds(o.liveNowNs);
        const int x = L.x(t);
        if (x >= L.plotLeft && x < L.plotRight) {
            p.fillRect(QRect(x - 1, L.screenY(b.lanesTop), 2, b.bottom - b.lanesTop), pal.now);
        }
    }
    if (L.blocks.empty()) {
        p.setPen(pal.mutedText);
        p.drawText(L.content, Qt::AlignCenter, tr("No run to show yet"));
    }
    p.restore();

    if (o.showLegend)
        d->paintLegend(p, L, o);
    d->paintAxis(p, L, o, ticks);
    if (live >= 0) {
        const double t = d->cache(live).record->toScenarioSeconds(o.liveNowNs);
        const int x = L.x(t);
        if (x >= L.plotLeft && x < L.plotRight) {
            const int y = L.axis.bottom();
            const QPoint tri[3] = {QPoint(x - 5, y - 6), QPoint(x + 5, y - 6), QPoint(x, y)};
            p.setPen(Qt::NoPen);
            p.setBrush(pal.now);
            p.setRenderHint(QPainter::Antialiasing, true);
            p.drawPolygon(tri, 3);
        }
    }
    p.restore();
}

TimelineHit TimelineRenderer::hitTest(const QPoint &point, const QRect &rect,
                                      const TimelineRenderOptions &o)
{
    TimelineHit hit;
    d->syncCaches(o);
    const Layout L = d->layout(rect, o);
    hit.time = xToTime(point.x(), L.start, L.end, L.plotLeft, L.plotWidth());
    if (!rect.contains(point))
        return hit;
    if (L.legend.contains(point)) {
        hit.area = TimelineHit::Area::Legend;
        return hit;
    }
    if (L.axis.contains(point)) {
        hit.area = TimelineHit::Area::Axis;
        return hit;
    }
    const int cy = point.y() - L.content.top() + L.scrollY;
    for (const Block &b : L.blocks) {
        if (cy < b.top || cy >= b.bottom)
            continue;
        hit.run = b.run;
        if (cy < b.lanesTop) {
            hit.area = TimelineHit::Area::Header;
            return hit;
        }
        if (cy >= b.chartTop) {
            hit.area = TimelineHit::Area::Chart;
            return hit;
        }
        const qint64 lane =
                TimelineMath::yToRow(point.y(), L.screenY(b.lanesTop), L.laneHeight, b.laneCount);
        if (lane < 0)
            return hit;
        hit.lane = int(lane);
        hit.area = point.x() < L.plotLeft ? TimelineHit::Area::Label : TimelineHit::Area::Lane;
        const RunRecord &r = *d->cache(b.run).record;
        if (hit.area == TimelineHit::Area::Label) {
            if (o.laneMode == TimelineLaneMode::Tasks)
                hit.task = hit.lane;
            return hit;
        }
        const double slop = 3.0 * (L.end - L.start) / std::max(1, L.plotWidth());
        const qint64 now = d->nowNs(b.run, o);
        const double k = scenarioSecondsPerNs(r);
        if (o.laneMode == TimelineLaneMode::Tasks) {
            qint64 wf, wt, rf, rt;
            Style rs, ws;
            bool inside = false;
            if (d->taskSpans(r, lane, now, &wf, &wt, &rf, &rt, &rs, &ws)) {
                const qint64 to = rf >= 0 ? rt : wt;
                inside = hit.time >= double(wf) * k - slop && hit.time <= double(to) * k + slop;
            }
            if (!inside && b.run < o.predictions.size()) {
                const Schedule &s = o.predictions.at(b.run);
                if (lane < s.start.size() && lane < s.finish.size())
                    inside = hit.time >= s.start.at(lane) - slop
                             && hit.time <= s.finish.at(lane) + slop;
            }
            if (inside)
                hit.task = hit.lane;
            return hit;
        }
        const RunCache &c = d->cache(b.run);
        if (lane < qint64(c.byWorker.size())) {
            const std::vector<qint32> &ids = c.byWorker[size_t(lane)];
            // The last task that started before the point (plus slop), if it lasts until there.
            const auto it = std::partition_point(ids.begin(), ids.end(), [&](qint32 id) {
                return double(r.sample(id).startedNs) * k <= hit.time + slop;
            });
            if (it != ids.begin()) {
                const TaskSample s = r.sample(*(it - 1));
                const qint64 to = s.finishedNs >= 0 ? s.finishedNs : now;
                if (hit.time <= double(to) * k + slop)
                    hit.task = *(it - 1);
            }
        }
        return hit;
    }
    return hit;
}

QRect TimelineRenderer::laneRect(const QRect &rect, const TimelineRenderOptions &o, int run,
                                 qint64 lane)
{
    d->syncCaches(o);
    const Layout L = d->layout(rect, o);
    if (run < 0 || run >= int(L.blocks.size()))
        return {};
    const Block &b = L.blocks[size_t(run)];
    if (lane < 0 || lane >= b.laneCount)
        return {};
    const int y = L.laneY(b, lane);
    return {L.rect.left(), y, L.rect.width(), std::max(1, L.laneY(b, lane + 1) - y)};
}

QRect TimelineRenderer::taskBarRect(const QRect &rect, const TimelineRenderOptions &o, int run,
                                    int task)
{
    d->syncCaches(o);
    const Layout L = d->layout(rect, o);
    if (run < 0 || run >= int(L.blocks.size()))
        return {};
    const Block &b = L.blocks[size_t(run)];
    const RunRecord &r = *d->cache(run).record;
    if (task < 0 || task >= r.taskCount())
        return {};
    const TaskSample s = r.sample(task);
    const qint64 lane = o.laneMode == TimelineLaneMode::Tasks ? task : s.worker - 1;
    if (lane < 0 || lane >= b.laneCount)
        return {};
    qint64 wf, wt, rf, rt;
    Style rs, ws;
    if (!d->taskSpans(r, task, d->nowNs(run, o), &wf, &wt, &rf, &rt, &rs, &ws))
        return {};
    const int y = L.laneY(b, lane);
    const LaneBox box = laneBox(y, std::max(1, L.laneY(b, lane + 1) - y));
    const double k = scenarioSecondsPerNs(r);
    QRect bar;
    if (rf >= 0) {
        const int x0 = L.x(double(rf) * k);
        bar = QRect(x0, box.runTop, std::max(x0 + 1, L.x(double(rt) * k)) - x0,
                    box.runBottom - box.runTop);
    } else if (o.laneMode == TimelineLaneMode::Tasks) {
        const int x0 = L.x(double(wf) * k);
        bar = QRect(x0, box.waitTop, std::max(x0 + 1, L.x(double(wt) * k)) - x0,
                    box.waitBottom - box.waitTop);
    }
    return bar.intersected(QRect(L.plotLeft, L.content.top(), L.plotWidth(), L.content.height()));
}

QList<ConcurrencyStep> TimelineRenderer::runSteps(const TimelineRenderOptions &o, int run)
{
    d->syncCaches(o);
    if (run < 0 || run >= int(d->caches.size()) || !d->cache(run).record)
        return {};
    return d->cache(run).steps;
}

bool TimelineRenderer::concurrencyAt(const TimelineRenderOptions &o, int run, double seconds,
                                     int *running, int *waiting)
{
    d->syncCaches(o);
    if (run < 0 || run >= int(d->caches.size()) || !d->cache(run).record)
        return false;
    const RunCache &c = d->cache(run);
    const double ns = seconds / scenarioSecondsPerNs(*c.record);
    const auto it =
            std::partition_point(c.steps.begin(), c.steps.end(),
                                 [&](const ConcurrencyStep &s) { return double(s.ns) <= ns; });
    if (it == c.steps.begin()) {
        *running = *waiting = 0;
    } else {
        *running = (it - 1)->running;
        *waiting = (it - 1)->waiting;
    }
    return true;
}

void TimelineRenderer::renderTimeline(QPainter &painter, const QRect &rect,
                                      const TimelineRenderOptions &options)
{
    TimelineRenderer renderer;
    renderer.paint(painter, rect, options);
}

int TimelineRenderer::preferredHeight(const TimelineRenderOptions &options, int width,
                                      int maxHeight)
{
    TimelineRenderer renderer;
    TimelineRenderOptions o = options;
    o.laneHeight = naturalLaneHeight(o.font);
    o.fitAllLanes = false;
    o.scrollY = 0;
    const QRect rect(0, 0, std::max(1, width), 10000);
    renderer.d->syncCaches(o);
    const Layout L = renderer.d->layout(rect, o);
    const qint64 h = qint64(L.content.top()) + L.contentHeight + padding;
    return int(std::min<qint64>(h, maxHeight));
}

QImage TimelineRenderer::renderImage(const TimelineRenderOptions &options, const QSize &size,
                                     qreal devicePixelRatio)
{
    TimelineRenderOptions o = options;
    o.fitAllLanes = true;
    QImage image(size * devicePixelRatio, QImage::Format_RGB32);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(options.palette.background);
    QPainter painter(&image);
    renderTimeline(painter, QRect(QPoint(0, 0), size), o);
    painter.end();
    return image;
}
