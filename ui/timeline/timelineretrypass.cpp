#include "timelineretrypass.h"

#include "runrecord.h"
#include "taskspans.h"
#include "timelinelayout.h"
#include "timelinerenderoptions.h"
#include "timelineruns.h"

#include <QPainter>
#include <QPen>

#include <algorithm>
#include <vector>

namespace {

// Notches are drawn from 3 px lanes up: below that they would only smear the bars.
constexpr double minLaneHeight = 3.0;

} // namespace

void TimelineRetryPass::paint(QPainter &p, const TimelineLayout &L, const TimelineRuns &runs,
                              const TimelineRenderOptions &o)
{
    if (L.laneHeight < minLaneHeight)
        return;
    std::vector<QLine> gaps;
    std::vector<QLine> marks;
    for (const TimelineBlock &b : L.blocks) {
        const RunRecord *record = runs.record(b.run);
        if (!record || record->totalRetries() == 0)
            continue;
        const RunRecord &r = *record;
        const TimelineLayout::VisibleLanes visible = L.visibleLanes(b);
        if (visible.isEmpty())
            continue;
        const double k = scenarioSecondsPerNs(r);
        const auto addTask = [&](qsizetype task, qint64 lane) {
            if (r.attempts(task) <= 1)
                return;
            const LaneBox box = L.laneBox(b, lane);
            const QList<qint64> times = r.retryTimes(task);
            for (qint64 ns : times) {
                const int x = L.x(double(ns) * k);
                if (x < L.plotLeft || x >= L.plotRight)
                    continue;
                gaps.emplace_back(x, box.runTop, x, box.runBottom - 1);
                marks.emplace_back(x, box.ghostTop, x, box.ghostBottom - 1);
            }
        };
        if (o.laneMode == TimelineLaneMode::Tasks) {
            for (qint64 i = visible.first; i < visible.last && i < r.taskCount(); ++i)
                addTask(i, i);
            continue;
        }
        // Worker lanes: the tasks of each visible thread that overlap the window (a thread runs
        // one task at a time, so its tasks are sorted by start and by finish).
        const auto &byWorker = runs.progress(b.run).byWorker();
        const qint64 now = runs.nowNs(b.run, o);
        const double nsPerSecond = 1.0 / k;
        const double windowStart = L.start * nsPerSecond;
        const double windowEnd = L.end * nsPerSecond;
        for (qint64 lane = visible.first; lane < visible.last && lane < qint64(byWorker.size());
             ++lane) {
            const std::vector<qint32> &ids = byWorker[size_t(lane)];
            auto it = std::partition_point(ids.begin(), ids.end(), [&](qint32 id) {
                const TaskSample s = r.sample(id);
                return double(s.finishedNs >= 0 ? s.finishedNs : now) < windowStart;
            });
            for (; it != ids.end() && double(r.sample(*it).startedNs) <= windowEnd; ++it)
                addTask(*it, lane);
        }
    }
    if (marks.empty())
        return;
    p.save();
    p.setClipRect(L.plotRect());
    p.setRenderHint(QPainter::Antialiasing, false);
    // A cut through the bar in the background's colour, and a thin line in the failure colour
    // across the whole lane box: readable on a run bar, a wait bar or a ghost, light or dark.
    p.setPen(QPen(o.palette.background, 3));
    p.drawLines(gaps.data(), int(gaps.size()));
    p.setPen(QPen(o.palette.failed, 1));
    p.drawLines(marks.data(), int(marks.size()));
    p.restore();
}
