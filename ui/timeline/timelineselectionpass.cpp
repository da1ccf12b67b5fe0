#include "timelineselectionpass.h"

#include "runrecord.h"
#include "taskspans.h"
#include "timelinelayout.h"
#include "timelinerenderoptions.h"
#include "timelineruns.h"

#include <QPainter>
#include <QPen>

#include <algorithm>

void TimelineSelectionPass::paint(QPainter &p, const TimelineLayout &L, const TimelineRuns &runs,
                                  const TimelineRenderOptions &o)
{
    if (o.selectedTask < 0 || o.selectedRun < 0 || o.selectedRun >= int(L.blocks.size()))
        return;
    const TimelineBlock &b = L.blocks[size_t(o.selectedRun)];
    const RunRecord &r = *runs.record(b.run);
    if (o.selectedTask >= r.taskCount())
        return;
    const TaskSample s = r.sample(o.selectedTask);
    qint64 lane = o.selectedTask;
    if (o.laneMode == TimelineLaneMode::Workers)
        lane = s.worker - 1;
    if (lane < 0 || lane >= b.laneCount || s.submittedNs < 0)
        return;
    const LaneBox box = L.laneBox(b, lane);
    const double k = scenarioSecondsPerNs(r);
    const qint64 now = runs.nowNs(b.run, o);
    const qint64 from = o.laneMode == TimelineLaneMode::Workers ? s.startedNs : s.submittedNs;
    const qint64 to = s.finishedNs >= 0 ? s.finishedNs : now;
    if (from < 0)
        return;
    const int x0 = L.x(double(from) * k);
    const int x1 = std::max(x0 + 1, L.x(double(to) * k));
    p.save();
    p.setClipRect(L.plotRect());
    p.setPen(QPen(o.palette.selectionEdge, 2));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRect(x0 - 1, box.runTop - 1, x1 - x0 + 1, box.runBottom - box.runTop + 1));
    p.restore();
}
