#pragma once

#include "taskspans.h"

#include <QtGlobal>

#include <array>
#include <vector>

class RunRecord;
struct Schedule;

// A merged bar: the union of overlapping bars, and the latest start among them, which keeps the
// one-pixel minimum of that bar (its end pixel is at least one past its start pixel).
struct Interval
{
    double from;
    double to;
    double lastStart;
    bool operator<(const Interval &o) const { return from < o.from; }
};

// The merged bars of a block of consecutive task lanes, per style.
struct TaskBlock
{
    quint32 offset = 0; // into its level's intervals
    std::array<quint8, StyleCount> count{};
    bool irregular = false; // too many intervals to summarise: read task by task
};

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
    // Permit waits (in-task admission: picked to started), in the same order. A thread holds one
    // task at a time, so they do not overlap and both arrays are sorted.
    std::vector<qint64> permitFrom;
    std::vector<qint64> permitTo;
};

// Level-of-detail summaries of one run's lanes, so the cost of a paint is bounded by the
// picture's size rather than the task count.
//
// Task lanes are summarised per block of consecutive tasks, at two levels (16 and 256 tasks):
// the union of the block's bars per style, so a pixel row covering a thousand lanes reads a few
// dozen intervals instead of a thousand tasks. A finished run's blocks cover every task; a live
// run's grow over the prefix of tasks that have ended (FIFO admission makes it grow in order), so
// a frame reads finished lanes from summaries and only the open tail task by task.
//
// Worker lanes of a finished run are kept as sorted start and running-maximum finish arrays, so
// a lane costs O(pixels * log tasks) at any task count.
class LaneSummaries
{
public:
    static constexpr int levels = 2;
    static constexpr qsizetype blockSize[levels] = {16, 256};
    // The fewest ended tasks extendLive() summarises at a time (a multiple of blockSize[0]).
    static constexpr qsizetype liveStep = 4096;
    static constexpr int maxBlockIntervals = 8; // per style; a more irregular block is irregular

    struct Level
    {
        std::vector<TaskBlock> blocks;
        std::vector<Interval> intervals; // scenario seconds
    };

    void clear();

    // Blocks over every task of a finished run, for these ghosts (prediction may be null).
    void ensureTaskBlocks(const RunRecord &r, const Schedule *prediction);
    // Blocks over the ended prefix of a live run, in whole lower blocks, catching up over a few
    // calls when many tasks ended since the last one.
    void extendLive(const RunRecord &r, const Schedule *prediction);
    const Level &level(int lv) const { return m_levels[size_t(lv)]; }

    // Compact worker lanes of a finished run from its workers' tasks in start order.
    void ensureWorkerLanes(const RunRecord &r, const std::vector<std::vector<qint32>> &byWorker);
    // The compact data of a worker lane, nullptr when not built.
    const WorkerLaneData *workerLane(qint64 lane) const
    {
        return lane >= 0 && lane < qint64(m_workerLanes.size()) ? &m_workerLanes[size_t(lane)]
                                                                : nullptr;
    }

    // Whether some task held a pool thread while it waited for a permit (in-task admission, or a
    // file that says so): the legend explains that bar only then. Once true it stays true; a
    // complete record is read once, a live in-task one until its first such wait.
    bool hasPermitWaits(const RunRecord &r, qint64 now);

private:
    void extendTaskBlocks(const RunRecord &r, const Schedule *prediction, qsizetype upTo);

    std::array<Level, levels> m_levels;
    bool m_taskBlocksBuilt = false; // blocks cover every task (the run is complete)
    const double *m_ghostKey = nullptr;
    qsizetype m_blockTasks = 0; // tasks [0, m_blockTasks) are summarised in level-0 blocks
    qsizetype m_endedPrefix = 0; // tasks [0, m_endedPrefix) are all terminal
    std::vector<WorkerLaneData> m_workerLanes;
    bool m_permitWaits = false;
    bool m_permitWaitsKnown = false; // a complete record was read: m_permitWaits is final
};
