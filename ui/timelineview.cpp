#include "timelineview.h"

#include "runrecord.h"

#include <QPainter>
#include <QPaintEvent>

// Minimal first version so the main window links; the real renderer follows.
class TimelineView::Private
{
public:
    QList<std::shared_ptr<const RunRecord>> runs;
    QList<Schedule> predictions;
    std::function<qint64()> nowNs;
    LaneMode laneMode = LaneMode::Tasks;
    double start = 0.0;
    double end = 10.0;
    int selectedRun = -1;
    int selectedTask = -1;
};

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<Private>())
{
}

TimelineView::~TimelineView() = default;

void TimelineView::setRuns(const QList<std::shared_ptr<const RunRecord>> &runs,
                           const QList<Schedule> &predictions)
{
    d->runs = runs;
    d->predictions = predictions;
    update();
}

void TimelineView::setLiveClock(std::function<qint64()> nowNs)
{
    d->nowNs = std::move(nowNs);
    update();
}

void TimelineView::refresh()
{
    update();
}

void TimelineView::setLaneMode(LaneMode mode)
{
    if (d->laneMode == mode)
        return;
    d->laneMode = mode;
    update();
    Q_EMIT laneModeChanged(mode);
}

TimelineView::LaneMode TimelineView::laneMode() const
{
    return d->laneMode;
}

double TimelineView::visibleStart() const
{
    return d->start;
}

double TimelineView::visibleEnd() const
{
    return d->end;
}

void TimelineView::setVisibleRange(double start, double end)
{
    if (d->start == start && d->end == end)
        return;
    d->start = start;
    d->end = end;
    update();
    Q_EMIT visibleRangeChanged(start, end);
}

int TimelineView::selectedRun() const
{
    return d->selectedRun;
}

int TimelineView::selectedTask() const
{
    return d->selectedTask;
}

void TimelineView::setSelectedTask(int runIndex, int taskIndex)
{
    if (d->selectedRun == runIndex && d->selectedTask == taskIndex)
        return;
    d->selectedRun = runIndex;
    d->selectedTask = taskIndex;
    update();
}

void TimelineView::zoomIn()
{
    const double c = (d->start + d->end) / 2, h = (d->end - d->start) / 4;
    setVisibleRange(c - h, c + h);
}

void TimelineView::zoomOut()
{
    const double c = (d->start + d->end) / 2, h = (d->end - d->start);
    setVisibleRange(c - h, c + h);
}

void TimelineView::fit()
{
    setVisibleRange(0.0, 10.0);
}
