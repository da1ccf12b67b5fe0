#include "timelinerenderer.h"

#include "runrecord.h"
#include "taskspans.h"
#include "timelineaxispass.h"
#include "timelinebackgroundpass.h"
#include "timelinebarlabelspass.h"
#include "timelinechartpass.h"
#include "timelineheaderpass.h"
#include "timelinelabelspass.h"
#include "timelinelanespass.h"
#include "timelinelayout.h"
#include "timelinelegendpass.h"
#include "timelinemakespanpass.h"
#include "timelinenowpass.h"
#include "timelineprintedpass.h"
#include "timelineretrypass.h"
#include "timelineruns.h"
#include "timelineselectionpass.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>

using TimelineMath::xToTime;

class TimelineRenderer::Private
{
public:
    TimelineRuns runs;
    TimelineLanesPass lanes;

    // Every public function starts here: the runs' data up to date, then the one layout.
    TimelineLayout layout(const QRect &rect, const TimelineRenderOptions &o)
    {
        sync(o);
        return TimelineLayout::compute(rect, o, runs);
    }
    void sync(const TimelineRenderOptions &o)
    {
        runs.sync(o);
        // Gated runs' per-gate lines: O(new events) while live, built once when final.
        for (int i = 0; i < runs.count(); ++i) {
            if (const RunRecord *r = runs.record(i); r && r->options().hasGates())
                runs.gateSteps(i).sync(*r, runs.progress(i).isFinal());
        }
    }
    TimelineHit hitLane(const TimelineLayout &L, const TimelineBlock &b, const QPoint &point,
                        const TimelineRenderOptions &o, TimelineHit hit) const;
};

TimelineRenderer::TimelineRenderer()
    : d(std::make_unique<Private>())
{
}

TimelineRenderer::~TimelineRenderer() = default;

std::shared_ptr<FinishedRunDrawing> TimelineRenderer::buildDrawing(const RunRecord &record,
                                                                   const Schedule &prediction)
{
    return std::make_shared<FinishedRunDrawing>(FinishedRunDrawing::build(record, prediction));
}

void TimelineRenderer::adoptDrawing(const std::shared_ptr<const RunRecord> &record,
                                    FinishedRunDrawing &&drawing)
{
    d->runs.adoptDrawing(record, std::move(drawing));
    d->lanes.invalidate();
}

void TimelineRenderer::invalidate()
{
    d->lanes.invalidate();
}

int TimelineRenderer::naturalLaneHeight(const QFont &font)
{
    return TimelineLayout::naturalLaneHeight(font);
}

std::pair<double, double> TimelineRenderer::fittedRange(const TimelineRenderOptions &o)
{
    d->runs.sync(o);
    return d->runs.fittedRange(o);
}

QRect TimelineRenderer::contentRect(const QRect &rect, const TimelineRenderOptions &o)
{
    return d->layout(rect, o).content;
}

QRect TimelineRenderer::plotRect(const QRect &rect, const TimelineRenderOptions &o)
{
    return d->layout(rect, o).plotRect();
}

int TimelineRenderer::contentHeight(const QRect &rect, const TimelineRenderOptions &o)
{
    return d->layout(rect, o).contentHeight;
}

double TimelineRenderer::fitLaneHeight(const QRect &rect, const TimelineRenderOptions &o)
{
    TimelineRenderOptions fit = o;
    fit.laneHeight = 0.0;
    fit.fitAllLanes = true;
    return d->layout(rect, fit).laneHeight;
}

double TimelineRenderer::effectiveLaneHeight(const QRect &rect, const TimelineRenderOptions &o)
{
    return d->layout(rect, o).laneHeight;
}

void TimelineRenderer::paint(QPainter &p, const QRect &rect, const TimelineRenderOptions &o)
{
    TimelineLayout L = d->layout(rect, o);
    L.ticks = TimelineAxisPass::ticks(L, o.font);
    const TimelineRuns &runs = d->runs;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setFont(o.font);
    p.fillRect(rect, o.palette.background);

    p.save();
    p.setClipRect(L.content);
    TimelineBackgroundPass::paint(p, L, runs, o);
    d->lanes.paint(p, L, d->runs, o);
    TimelineRetryPass::paint(p, L, runs, o);
    TimelineSelectionPass::paint(p, L, runs, o);
    TimelineBarLabelsPass::paint(p, L, d->runs, o);
    TimelinePrintedPass::paint(p, L, d->runs, o);
    TimelineChartPass::paint(p, L, runs, o);
    TimelineMakespanPass::paint(p, L, runs, o);
    TimelineLabelsPass::paint(p, L, runs, o);
    TimelineHeaderPass::paint(p, L, runs, o);
    TimelineNowPass::paint(p, L, runs, o);
    if (L.blocks.empty()) {
        p.setPen(o.palette.mutedText);
        p.drawText(L.content, Qt::AlignCenter, tr("No run to show yet"));
    }
    p.restore();

    TimelineLegendPass::paint(p, L, runs, o);
    TimelineAxisPass::paint(p, L, runs, o);
    TimelineMakespanPass::paintStrip(p, L, runs, o);
    TimelineNowPass::paintMarker(p, L, runs, o);
    p.restore();
}

TimelineHit TimelineRenderer::hitTest(const QPoint &point, const QRect &rect,
                                      const TimelineRenderOptions &o)
{
    TimelineHit hit;
    const TimelineLayout L = d->layout(rect, o);
    hit.time = xToTime(point.x(), L.start, L.end, L.plotLeft, L.plotWidth());
    if (!rect.contains(point))
        return hit;
    if (L.legend.contains(point)) {
        hit.area = TimelineHit::Area::Legend;
        return hit;
    }
    if (L.axis.contains(point) || L.markers.contains(point)) {
        hit.area = TimelineHit::Area::Axis;
        return hit;
    }
    const int cy = point.y() - L.content.top() + L.scrollY;
    for (const TimelineBlock &b : L.blocks) {
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
        if (cy >= b.printedTop && b.printedHeight > 0)
            return hit; // the printed strip: no task of its own

        return d->hitLane(L, b, point, o, hit);
    }
    return hit;
}

TimelineHit TimelineRenderer::Private::hitLane(const TimelineLayout &L, const TimelineBlock &b,
                                               const QPoint &point, const TimelineRenderOptions &o,
                                               TimelineHit hit) const
{
    const qint64 lane =
            TimelineMath::yToRow(point.y(), L.screenY(b.lanesTop), L.laneHeight, b.laneCount);
    if (lane < 0)
        return hit;
    hit.lane = int(lane);
    hit.area = point.x() < L.plotLeft ? TimelineHit::Area::Label : TimelineHit::Area::Lane;
    const RunRecord &r = *runs.record(b.run);
    if (hit.area == TimelineHit::Area::Label) {
        if (o.laneMode == TimelineLaneMode::Tasks)
            hit.task = hit.lane;
        return hit;
    }
    const double slop = 3.0 * (L.end - L.start) / std::max(1, L.plotWidth());
    const qint64 now = runs.nowNs(b.run, o);
    const double k = scenarioSecondsPerNs(r);
    if (o.laneMode == TimelineLaneMode::Tasks) {
        bool inside = false;
        TaskSpans t;
        if (TaskSpans::read(r, lane, now, &t)) {
            inside = hit.time >= double(t.waitFrom) * k - slop
                     && hit.time <= double(t.end()) * k + slop;
        }
        if (!inside && b.run < o.predictions.size()) {
            const Schedule &s = o.predictions.at(b.run);
            if (lane < s.start.size() && lane < s.finish.size())
                inside =
                        hit.time >= s.start.at(lane) - slop && hit.time <= s.finish.at(lane) + slop;
        }
        if (inside)
            hit.task = hit.lane;
        return hit;
    }
    const std::vector<std::vector<qint32>> &byWorker = runs.progress(b.run).byWorker();
    if (lane < qint64(byWorker.size())) {
        const std::vector<qint32> &ids = byWorker[size_t(lane)];
        // The last task the thread took before the point (plus slop), if it lasts until there:
        // a thread holds its task from the pick (its start in fifo admission).
        const auto it = std::partition_point(ids.begin(), ids.end(), [&](qint32 id) {
            return double(r.sample(id).pickedNs) * k <= hit.time + slop;
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

QRect TimelineRenderer::laneRect(const QRect &rect, const TimelineRenderOptions &o, int run,
                                 qint64 lane)
{
    const TimelineLayout L = d->layout(rect, o);
    if (run < 0 || run >= int(L.blocks.size()))
        return {};
    const TimelineBlock &b = L.blocks[size_t(run)];
    if (lane < 0 || lane >= b.laneCount)
        return {};
    const int y = L.laneY(b, lane);
    return {L.rect.left(), y, L.rect.width(), std::max(1, L.laneY(b, lane + 1) - y)};
}

QRect TimelineRenderer::taskBarRect(const QRect &rect, const TimelineRenderOptions &o, int run,
                                    int task)
{
    const TimelineLayout L = d->layout(rect, o);
    if (run < 0 || run >= int(L.blocks.size()))
        return {};
    const TimelineBlock &b = L.blocks[size_t(run)];
    const RunRecord &r = *d->runs.record(run);
    if (task < 0 || task >= r.taskCount())
        return {};
    const TaskSample s = r.sample(task);
    const qint64 lane = o.laneMode == TimelineLaneMode::Tasks ? task : s.worker - 1;
    if (lane < 0 || lane >= b.laneCount)
        return {};
    TaskSpans t;
    if (!TaskSpans::read(r, task, d->runs.nowNs(run, o), &t))
        return {};
    const LaneBox box = L.laneBox(b, lane);
    const double k = scenarioSecondsPerNs(r);
    QRect bar;
    if (t.runFrom >= 0) {
        const int x0 = L.x(double(t.runFrom) * k);
        bar = QRect(x0, box.runTop, std::max(x0 + 1, L.x(double(t.runTo) * k)) - x0,
                    box.runBottom - box.runTop);
    } else if (o.laneMode == TimelineLaneMode::Tasks) {
        const int x0 = L.x(double(t.waitFrom) * k);
        // Its waits, up to the one it is in (or was cancelled in).
        bar = QRect(x0, box.waitTop, std::max(x0 + 1, L.x(double(t.end()) * k)) - x0,
                    box.waitBottom - box.waitTop);
    }
    return bar.intersected(L.plotRect());
}

std::vector<TimelineBarText> TimelineRenderer::barTexts(const QRect &rect,
                                                        const TimelineRenderOptions &o)
{
    const TimelineLayout L = d->layout(rect, o);
    std::vector<TimelineBarText> texts = TimelineBarLabelsPass::place(L, d->runs, o).texts;
    const std::vector<TimelineBarText> printed = TimelinePrintedPass::place(L, d->runs, o);
    texts.insert(texts.end(), printed.begin(), printed.end());
    return texts;
}

QList<ConcurrencyStep> TimelineRenderer::runSteps(const TimelineRenderOptions &o, int run)
{
    d->runs.sync(o);
    if (run < 0 || run >= d->runs.count() || !d->runs.record(run))
        return {};
    return d->runs.progress(run).steps();
}

bool TimelineRenderer::concurrencyAt(const TimelineRenderOptions &o, int run, double seconds,
                                     int *running, int *waiting)
{
    d->runs.sync(o);
    if (run < 0 || run >= d->runs.count() || !d->runs.record(run))
        return false;
    const RunProgress &c = d->runs.progress(run);
    const double ns = std::floor(seconds / scenarioSecondsPerNs(*c.record()));
    const ConcurrencyStep value = ns < double(std::numeric_limits<qint64>::min())
                                          ? ConcurrencyStep{0, 0, 0}
                                  : ns > double(std::numeric_limits<qint64>::max())
                                          ? c.at(std::numeric_limits<qint64>::max())
                                          : c.at(qint64(ns));
    *running = value.running;
    *waiting = value.waiting;
    return true;
}

QList<int> TimelineRenderer::gatesRunningAt(const TimelineRenderOptions &o, int run, double seconds)
{
    d->sync(o);
    if (run < 0 || run >= d->runs.count() || !d->runs.record(run))
        return {};
    const double ns = std::floor(seconds / scenarioSecondsPerNs(*d->runs.record(run)));
    QList<int> running;
    for (const GateSteps::Gate &gate : d->runs.gateSteps(run).gates()) {
        const QList<ConcurrencyStep> &s = gate.steps;
        // The last step at or before ns holds the value (live, the last of several at one time).
        const auto it = std::partition_point(
                s.cbegin(), s.cend(), [&](const ConcurrencyStep &v) { return double(v.ns) <= ns; });
        running.append(it == s.cbegin() ? 0 : (it - 1)->running);
    }
    return running;
}
