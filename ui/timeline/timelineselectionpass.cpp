#include "timelineselectionpass.h"

#include "runrecord.h"
#include "taskspans.h"
#include "timelinelayout.h"
#include "timelinerenderoptions.h"
#include "timelineruns.h"

#include <QPainter>
#include <QPen>

#include <algorithm>

namespace {

// The outline of task `task`'s bar in block b: solid in the run it was selected in, dashed in the
// others (the same task of a comparison's other runs).
void outlineTask(QPainter &p, const TimelineLayout &L, const TimelineBlock &b,
                 const TimelineRuns &runs, const TimelineRenderOptions &o, int task)
{
    const RunRecord *record = runs.record(b.run);
    if (!record || task >= record->taskCount())
        return;
    const RunRecord &r = *record;
    const TaskSample s = r.sample(task);
    qint64 lane = task;
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
    const bool chosen = b.run == o.selectedRun;
    p.setPen(QPen(o.palette.selectionEdge, chosen ? 2 : 1, chosen ? Qt::SolidLine : Qt::DashLine));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRect(x0 - 1, box.runTop - 1, x1 - x0 + 1, box.runBottom - box.runTop + 1));
}

} // namespace

void TimelineSelectionPass::paint(QPainter &p, const TimelineLayout &L, const TimelineRuns &runs,
                                  const TimelineRenderOptions &o)
{
    if (o.selectedTask < 0 || o.selectedRun < 0 || o.selectedRun >= int(L.blocks.size()))
        return;
    p.save();
    p.setClipRect(L.plotRect());
    for (const TimelineBlock &b : L.blocks)
        outlineTask(p, L, b, runs, o, o.selectedTask);
    p.restore();
}
