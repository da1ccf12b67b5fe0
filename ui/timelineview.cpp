#include "timelineview.h"

#include "imageexport.h"
#include "liveframe.h"
#include "prebuiltdrawings.h"
#include "runprogress.h"
#include "runrecord.h"
#include "runreport.h"
#include "timelineaccessible.h"
#include "timelinekeyboard.h"
#include "timelinemath.h"
#include "timelinepalette.h"
#include "timelinerenderer.h"
#include "timelineruns.h"
#include "timelinetooltip.h"

#include <QElapsedTimer>
#include <QEvent>
#include <QHelpEvent>
#include <QImage>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QStyle>
#include <QStyleOptionFocusRect>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace {

constexpr double zoomStep = 1.5; // one +/- press or one wheel notch with Ctrl
constexpr double panFraction = 0.1; // of the visible window per arrow press
constexpr int liveIntervalMs = 33; // frame interval of a live run while paints are cheap (30 fps)
// The first live frame after the start frame: a run that ends sooner (100,000 zero-duration tasks
// take ~15 ms) is drawn once more, finished, instead of competing with its own threads for the
// processor in a frame nobody could see (its cost is up to a few ms per frame on the window's
// thread, several times that in wall time while `limit` busy threads share two cores).
constexpr int firstLiveFrameMs = 50;
// While a run is live, the view repaints at most every liveIntervalMs and spends at most about a
// quarter of the wall time painting: a paint of 10 ms (100,000 lanes) is followed by 30 ms of
// rest, so the timeline does not take the machine away from the run it shows.
constexpr int livePaintShare = 4;
constexpr int maxLiveIntervalMs = 250;
constexpr int dragThreshold = 4;
// A live run tells assistive technologies that its rows changed at most this often.
constexpr int accessibleUpdateMs = 500;

} // namespace

class TimelineView::Private
{
public:
    explicit Private(TimelineView *view)
        : q(view)
    {
    }

    TimelineView *q;
    TimelineRenderer renderer;
    std::shared_ptr<PrebuiltDrawings> prebuilt = std::make_shared<PrebuiltDrawings>();
    QList<std::shared_ptr<const RunRecord>> runs;
    QList<Schedule> predictions;
    QList<std::shared_ptr<const RunProgress>> progress; // the session's models, when it has them
    QList<TimelineRenderOptions::PlannedRun> plannedRuns;
    std::function<qint64()> nowNs;
    bool drivenClock = false; // the clock moves with refresh() only: no timer, no refitting
    TimelineLaneMode laneMode = TimelineLaneMode::Tasks;
    double start = 0.0;
    double end = 1.0;
    bool userZoomed = false; // true once the user zoomed or panned: live fitting stops
    double laneHeight = 0.0; // 0: automatic (TimelineRenderOptions::laneHeight)
    int scrollY = 0;
    int selectedRun = -1;
    int selectedTask = -1;
    int hoverRun = -1;
    int hoverLane = -1;
    TimelinePalette palette = TimelinePalette::light();
    QTimer liveTimer;
    QTimer accessibleTimer; // coalesces a live run's updates for assistive technologies
    LiveFrame liveFrame; // the last frame of the run going on
    QScrollBar *scrollBar = nullptr;
    QElapsedTimer paintClock;

    QPoint pressPos;
    double pressStart = 0.0;
    double pressEnd = 0.0;
    int pressScroll = 0;
    bool pressed = false;
    bool dragging = false;

    TimelineRenderOptions options() const
    {
        TimelineRenderOptions o;
        o.runs = runs;
        o.predictions = predictions;
        o.progress = progress;
        o.plannedRuns = plannedRuns;
        o.visibleStart = start;
        o.visibleEnd = end;
        o.laneMode = laneMode;
        o.laneHeight = laneHeight;
        o.scrollY = scrollY;
        o.selectedRun = selectedRun;
        o.selectedTask = selectedTask;
        o.hoverRun = hoverRun;
        o.hoverLane = hoverLane;
        o.liveNowNs = nowNs ? std::max<qint64>(0, nowNs()) : -1;
        o.palette = palette;
        o.font = q->font();
        return o;
    }

    // Repaints the runs' area, not the child scroll bar beside it: a plain update() repaints the
    // scroll bar too, every live frame, and Qt 6.4 splits a scroll bar's fills across the global
    // thread pool, whose threads wait for a core behind a run's busy ones. That wait was 15-45 ms
    // per frame of a 100,000-task run on 2 cores (bench_render, live_ui_max_stall_ms_100k) for
    // 0.5 ms of painting. The scroll bar repaints itself when its own state changes.
    void repaintRuns() { q->update(paintRect()); }

    QRect paintRect() const
    {
        QRect r = q->rect();
        if (!scrollBar->isHidden())
            r.setRight(scrollBar->geometry().left() - 1);
        return r;
    }

    double plotWidth() { return std::max(1, renderer.plotRect(paintRect(), options()).width()); }

    // Sets the window; userZoom marks a user's choice, which stops live fitting.
    void applyRange(double s, double e, bool userZoom)
    {
        if (userZoom)
            userZoomed = true;
        if (!std::isfinite(s) || !std::isfinite(e))
            return;
        if (!(e - s >= TimelineMath::minSpan)) {
            const double c = (s + e) / 2.0;
            s = c - TimelineMath::minSpan / 2.0;
            e = c + TimelineMath::minSpan / 2.0;
        }
        if (s == start && e == end)
            return;
        start = s;
        end = e;
        repaintRuns();
        Q_EMIT q->visibleRangeChanged(start, end);
    }

    void fitToRuns()
    {
        const auto [s, e] = renderer.fittedRange(options());
        applyRange(s, e, false);
    }

    // Zooming out stops at the whole of the runs.
    void zoomAt(double anchor, double factor)
    {
        const auto [s, e] = TimelineMath::zoomAround(start, end, anchor, factor);
        const auto [fitStart, fitEnd] = renderer.fittedRange(options());
        if (factor < 1.0 && e - s >= (fitEnd - fitStart) * (1.0 - 1e-9))
            applyRange(fitStart, fitEnd, true);
        else
            applyRange(s, e, true);
    }
    bool zoomedIn()
    {
        const auto [fitStart, fitEnd] = renderer.fittedRange(options());
        return end - start < (fitEnd - fitStart) * (1.0 - 1e-9);
    }

    void pan(double seconds) { applyRange(start + seconds, end + seconds, true); }

    void setScroll(int y)
    {
        scrollBar->setValue(y); // clamps, and syncs scrollY through valueChanged
    }

    void updateScrollBar()
    {
        const TimelineRenderOptions o = options();
        QRect r = q->rect();
        r.setRight(r.right() - q->style()->pixelMetric(QStyle::PM_ScrollBarExtent));
        const int page = renderer.contentRect(r, o).height();
        const int maximum = std::max(0, renderer.contentHeight(r, o) - page);
        const bool show = maximum > 0;
        if (show) {
            const int w = q->style()->pixelMetric(QStyle::PM_ScrollBarExtent);
            const QRect content = renderer.contentRect(q->rect(), options());
            scrollBar->setGeometry(q->width() - w, content.top(), w, content.height());
        }
        const QSignalBlocker blocker(scrollBar);
        scrollBar->setRange(0, maximum);
        scrollBar->setPageStep(std::max(1, page));
        scrollBar->setSingleStep(std::max(q->fontMetrics().height(),
                                          int(std::ceil(renderer.effectiveLaneHeight(r, o)))));
        // The runs' area changes width with the scroll bar: the strip beside the legend and the
        // axis, which repaintRuns() leaves alone, is painted again too.
        if (show == scrollBar->isHidden())
            q->update();
        scrollBar->setVisible(show);
        scrollY = std::clamp(scrollY, 0, maximum);
        scrollBar->setValue(scrollY);
    }

    qint64 laneOf(int run, int task) const
    {
        if (laneMode == TimelineLaneMode::Workers && run >= 0 && run < runs.size() && task >= 0
            && task < runs.at(run)->taskCount())
            return runs.at(run)->sample(task).worker - 1;
        return task;
    }

    // Selects, as the user's choice, the task a walking key leads to.
    void walk(const QKeyEvent *event)
    {
        const TimelineRenderOptions o = options();
        const double lane = std::max(1e-3, renderer.effectiveLaneHeight(paintRect(), o));
        const qint64 page = qint64(renderer.contentRect(paintRect(), o).height() / lane);
        const TimelineTaskWalk::Task to =
                TimelineTaskWalk(o).target(event->key(), event->modifiers(), page);
        if (to.isValid())
            q->chooseTask(to.run, to.task);
    }

    // Live runs change many rows at once: readers hear of it at most every accessibleUpdateMs.
    void scheduleAccessibleUpdate()
    {
        if (TimelineAccessible::isWatched(q) && !accessibleTimer.isActive())
            accessibleTimer.start();
    }

    void setHover(int run, int lane)
    {
        if (run == hoverRun && lane == hoverLane)
            return;
        hoverRun = run;
        hoverLane = lane;
        repaintRuns();
    }

    QString toolTip(const TimelineHit &hit)
    {
        return TimelineToolTip::text(renderer, options(), hit, nowNs);
    }
};

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<Private>(this))
{
    // Before anything makes Qt build the view's accessible interface (setAccessibleName does).
    TimelineAccessible::install();
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAccessibleName(tr("Timeline"));
    setWhatsThis(tr("Ctrl+wheel or +/- zooms, the wheel (zoomed in), Shift+wheel, drag or "
                    "Left/Right pan, the wheel scrolls lanes otherwise, Alt+wheel changes the lane "
                    "height, F or Ctrl+0 fits, "
                    "Ctrl+Home goes back to the start. Click or Up/Down, Page Up/Down, Home/End "
                    "select a task, Enter shows its details."));
    d->palette = TimelinePalette::forPalette(palette());
    d->scrollBar = new QScrollBar(Qt::Vertical, this);
    d->scrollBar->hide();
    connect(d->scrollBar, &QScrollBar::valueChanged, this, [this](int value) {
        if (d->scrollY == value)
            return;
        d->scrollY = value;
        d->repaintRuns();
    });
    d->liveTimer.setInterval(liveIntervalMs);
    d->liveTimer.setTimerType(Qt::PreciseTimer);
    connect(&d->liveTimer, &QTimer::timeout, this, [this] {
        if (!d->nowNs) {
            d->liveTimer.stop();
            return;
        }
        if (!isVisible() || d->nowNs() < 0)
            return;
        if (!d->userZoomed)
            d->fitToRuns();
        d->scheduleAccessibleUpdate();
        d->repaintRuns();
    });
    d->accessibleTimer.setSingleShot(true);
    d->accessibleTimer.setInterval(accessibleUpdateMs);
    connect(&d->accessibleTimer, &QTimer::timeout, this,
            [this] { TimelineAccessible::dataChanged(this); });
}

TimelineView::~TimelineView() = default;

void TimelineView::setRuns(const QList<std::shared_ptr<const RunProgress>> &progress, bool sameRuns)
{
    QList<std::shared_ptr<const RunRecord>> runs;
    QList<Schedule> predictions;
    for (const auto &run : progress) {
        runs.append(run->record());
        predictions.append(run->prediction());
    }
    d->progress = progress;
    showRuns(runs, predictions, sameRuns);
}

void TimelineView::setRuns(const QList<std::shared_ptr<const RunRecord>> &runs,
                           const QList<Schedule> &predictions)
{
    d->progress.clear();
    showRuns(runs, predictions, false);
}

void TimelineView::showRuns(const QList<std::shared_ptr<const RunRecord>> &runs,
                            const QList<Schedule> &predictions, bool sameRuns)
{
    const bool sameSession =
            sameRuns || (!runs.isEmpty() && !d->runs.isEmpty() && runs.first() == d->runs.first());
    if (runs == d->runs && predictions.size() == d->predictions.size()) {
        // The same records: only the predictions (the ghosts) may be new.
        d->predictions = predictions;
        d->renderer.invalidate();
        d->repaintRuns();
        return;
    }
    d->runs = runs;
    d->predictions = predictions;
    d->renderer.invalidate();
    if (!sameSession) {
        // A new run or comparison: start from the whole picture.
        d->userZoomed = false;
        d->laneHeight = 0.0;
        d->scrollY = 0;
        d->selectedRun = d->selectedTask = -1;
        d->hoverRun = d->hoverLane = -1;
    } else if (d->selectedRun >= runs.size()) {
        d->selectedRun = d->selectedTask = -1;
    }
    if (!d->userZoomed && !sameRuns)
        d->fitToRuns();
    d->updateScrollBar();
    d->repaintRuns();
    TimelineAccessible::runsChanged(this);
}

void TimelineView::setPlannedRuns(const QList<TimelineRenderOptions::PlannedRun> &planned)
{
    d->plannedRuns = planned;
    if (!d->userZoomed)
        d->fitToRuns();
    d->repaintRuns();
}

void TimelineView::setLiveClock(std::function<qint64()> nowNs, bool driven)
{
    d->nowNs = std::move(nowNs);
    d->drivenClock = driven && d->nowNs;
    if (d->drivenClock) {
        d->liveTimer.stop();
        d->renderer.invalidate();
    } else if (d->nowNs) {
        d->liveTimer.start(firstLiveFrameMs);
    } else {
        d->liveTimer.stop();
        d->renderer.invalidate();
        if (!d->userZoomed)
            d->fitToRuns();
    }
    d->repaintRuns();
}

void TimelineView::refresh()
{
    // The renderer notices new events itself (a finished run's bars are kept); just repaint.
    // While a run is live the live timer paces the repaints.
    if (!d->liveTimer.isActive())
        d->repaintRuns();
    d->scheduleAccessibleUpdate();
}

void TimelineView::setLaneMode(TimelineLaneMode mode)
{
    if (d->laneMode == mode)
        return;
    d->laneMode = mode;
    d->hoverRun = d->hoverLane = -1;
    d->scrollY = 0;
    d->updateScrollBar();
    d->repaintRuns();
    Q_EMIT laneModeChanged(mode);
}

TimelineLaneMode TimelineView::laneMode() const
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
    if (start == d->start && end == d->end)
        return;
    d->applyRange(start, end, true);
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
    if (taskIndex < 0)
        runIndex = -1;
    if (d->selectedRun == runIndex && d->selectedTask == taskIndex)
        return;
    d->selectedRun = runIndex;
    d->selectedTask = taskIndex;
    // Bring the task's lane into view when the runs scroll.
    if (runIndex >= 0 && !d->scrollBar->isHidden()) {
        const TimelineRenderOptions o = d->options();
        TimelineRenderOptions top = o;
        top.scrollY = 0;
        const QRect lane0 =
                d->renderer.laneRect(d->paintRect(), top, runIndex, d->laneOf(runIndex, taskIndex));
        const QRect content = d->renderer.contentRect(d->paintRect(), o);
        if (lane0.isValid()) {
            const int y = lane0.top() - content.top();
            if (y < d->scrollY || y + lane0.height() > d->scrollY + content.height())
                d->setScroll(y - content.height() / 2);
        }
    }
    d->repaintRuns();
    TimelineAccessible::selectionChanged(this);
}

void TimelineView::chooseTask(int runIndex, int taskIndex)
{
    setSelectedTask(runIndex, taskIndex);
    Q_EMIT taskSelected(d->selectedRun, d->selectedTask);
}

QRect TimelineView::taskRect(int runIndex, int taskIndex) const
{
    if (runIndex < 0 || runIndex >= d->runs.size() || taskIndex < 0
        || taskIndex >= d->runs.at(runIndex)->taskCount())
        return {};
    return d->renderer.laneRect(d->paintRect(), d->options(), runIndex,
                                d->laneOf(runIndex, taskIndex));
}

double TimelineView::laneHeight() const
{
    return d->laneHeight;
}

void TimelineView::setLaneHeight(double pixels)
{
    pixels = pixels > 0.0 ? std::clamp(pixels, 0.001, 200.0) : 0.0;
    if (pixels == d->laneHeight)
        return;
    d->laneHeight = pixels;
    d->updateScrollBar();
    d->repaintRuns();
}

bool TimelineView::isFollowingLive() const
{
    return !d->userZoomed;
}

TimelineRenderOptions TimelineView::renderOptions() const
{
    return d->options();
}

QImage TimelineView::renderImage(const QSize &size, qreal devicePixelRatio) const
{
    TimelineRenderOptions o = d->options();
    o.fitAllLanes = true;
    o.scrollY = 0;
    o.hoverRun = o.hoverLane = -1;
    return ImageExport::renderTimelineImage(o, size.isValid() ? size : this->size(),
                                            devicePixelRatio);
}

void TimelineView::zoomIn()
{
    d->zoomAt((d->start + d->end) / 2.0, zoomStep);
}

void TimelineView::zoomOut()
{
    d->zoomAt((d->start + d->end) / 2.0, 1.0 / zoomStep);
}

void TimelineView::fit()
{
    d->userZoomed = false;
    d->laneHeight = 0.0;
    d->scrollY = 0;
    d->updateScrollBar();
    d->fitToRuns();
    d->repaintRuns();
}

QSize TimelineView::sizeHint() const
{
    return {900, 480};
}

QSize TimelineView::minimumSizeHint() const
{
    // Legend, axis, makespan strip, one run header, five readable lanes and the concurrency chart.
    const int line = fontMetrics().height();
    const int lanes = 5 * (line + 4);
    return {320, (line + 8) + (line + 12) + (2 * line + 5) + (line + 8) + lanes
                         + std::max(56, 3 * line + 14)};
}

bool TimelineView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const TimelineHit hit = d->renderer.hitTest(help->pos(), d->paintRect(), d->options());
        const QString text = d->toolTip(hit);
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

void TimelineView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        d->palette = TimelinePalette::forPalette(palette());
        update();
    } else if (event->type() == QEvent::FontChange) {
        d->updateScrollBar();
        update();
    }
    QWidget::changeEvent(event);
}

TimelineView::FinishWork TimelineView::finishWork() const
{
    return PrebuiltDrawings::work(d->prebuilt);
}

void TimelineView::paintEvent(QPaintEvent *)
{
    d->paintClock.start();
    d->prebuilt->adoptInto(d->renderer);
    QPainter painter(this);
    const auto paintContents = [this](QPainter &p) {
        const QRect painted = d->paintRect();
        d->renderer.paint(p, painted, d->options());
        // The scroll bar spans the runs only: the strip beside the legend and the axis above it
        // is the widget's own (opaque paint events leave it undefined otherwise).
        if (painted.right() < rect().right())
            p.fillRect(QRect(painted.right() + 1, 0, rect().right() - painted.right(), height()),
                       d->palette.background);
    };
    const bool live = d->liveTimer.isActive() && d->nowNs;
    if (live) {
        qsizetype tasks = 0;
        for (const auto &run : d->runs)
            tasks += run ? run->taskCount() : 0;
        d->liveFrame.paintOnto(painter, (QSizeF(size()) * devicePixelRatioF()).toSize(),
                               devicePixelRatioF(), d->nowNs(), tasks, paintContents);
        const qint64 paintMs = d->paintClock.elapsed();
        d->liveTimer.setInterval(int(std::clamp<qint64>(paintMs * (livePaintShare - 1),
                                                        liveIntervalMs, maxLiveIntervalMs)));
    } else {
        d->liveFrame.drop();
        paintContents(painter);
    }
    // On the widget only: a kept live frame must not carry the frame of a focus that has moved.
    if (hasFocus()) {
        QStyleOptionFocusRect option;
        option.initFrom(this);
        option.rect = d->paintRect().adjusted(1, 1, -1, -1);
        option.backgroundColor = d->palette.background;
        style()->drawPrimitive(QStyle::PE_FrameFocusRect, &option, &painter, this);
    }
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    // The live frames' pixels are touched now, while nothing runs, rather than in the first
    // frame of the next run (the window's first run: 13 ms, not 3).
    d->liveFrame.reserve((QSizeF(size()) * devicePixelRatioF()).toSize());
    d->updateScrollBar();
    QWidget::resizeEvent(event);
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPoint angle = event->angleDelta();
    // Some platforms turn Shift+wheel or Alt+wheel into a horizontal wheel.
    const int delta = angle.y() != 0 ? angle.y() : angle.x();
    if (delta == 0) {
        event->ignore();
        return;
    }
    const Qt::KeyboardModifiers mods = event->modifiers();
    const QRect plot = d->renderer.plotRect(d->paintRect(), d->options());
    if (mods & Qt::ControlModifier) {
        const double anchor = TimelineMath::xToTime(event->position().x(), d->start, d->end,
                                                    plot.left(), plot.width());
        d->zoomAt(anchor, std::pow(zoomStep, delta / 120.0));
    } else if (mods & Qt::AltModifier) {
        const double current = d->renderer.effectiveLaneHeight(d->paintRect(), d->options());
        setLaneHeight(std::max(0.001, current * std::pow(1.25, delta / 120.0)));
    } else if ((mods & Qt::ShiftModifier) || angle.y() == 0 || d->zoomedIn()) {
        d->pan(-delta / 120.0 * panFraction * (d->end - d->start));
    } else if (!d->scrollBar->isHidden()) {
        const double lane = d->renderer.effectiveLaneHeight(d->paintRect(), d->options());
        const int step = std::max(fontMetrics().height(), int(std::ceil(3 * lane)));
        d->setScroll(d->scrollY - delta * step / 120);
    } else {
        event->ignore();
        return;
    }
    event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    d->pressed = true;
    d->dragging = false;
    d->pressPos = event->position().toPoint();
    d->pressStart = d->start;
    d->pressEnd = d->end;
    d->pressScroll = d->scrollY;
    event->accept();
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (d->pressed && (event->buttons() & Qt::LeftButton)) {
        if (!d->dragging && (pos - d->pressPos).manhattanLength() >= dragThreshold) {
            d->dragging = true;
            setCursor(Qt::ClosedHandCursor);
        }
        if (d->dragging) {
            const double secondsPerPixel = (d->pressEnd - d->pressStart) / d->plotWidth();
            const double shift = -(pos.x() - d->pressPos.x()) * secondsPerPixel;
            d->applyRange(d->pressStart + shift, d->pressEnd + shift, true);
            if (!d->scrollBar->isHidden())
                d->setScroll(d->pressScroll - (pos.y() - d->pressPos.y()));
        }
        return;
    }
    const TimelineHit hit = d->renderer.hitTest(pos, d->paintRect(), d->options());
    const bool onLane = hit.area == TimelineHit::Area::Lane || hit.area == TimelineHit::Area::Label;
    d->setHover(onLane ? hit.run : -1, onLane ? hit.lane : -1);
    setCursor(hit.task >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !d->pressed) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    d->pressed = false;
    if (d->dragging) {
        d->dragging = false;
        unsetCursor();
        return;
    }
    const TimelineHit hit =
            d->renderer.hitTest(event->position().toPoint(), d->paintRect(), d->options());
    if (hit.task >= 0 && hit.run >= 0)
        chooseTask(hit.run, hit.task);
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent *event)
{
    // Double click on a bar zooms to the task, with some context around it.
    const TimelineHit hit =
            d->renderer.hitTest(event->position().toPoint(), d->paintRect(), d->options());
    if (hit.task < 0 || hit.run < 0 || hit.run >= d->runs.size()) {
        QWidget::mouseDoubleClickEvent(event);
        return;
    }
    const RunRecord &r = *d->runs.at(hit.run);
    const TaskSample s = r.sample(hit.task);
    const qint64 now = d->nowNs ? d->nowNs() : s.finishedNs;
    const double from = r.toScenarioSeconds(std::max<qint64>(0, s.submittedNs));
    const double to =
            r.toScenarioSeconds(s.finishedNs >= 0 ? s.finishedNs : std::max(now, s.startedNs));
    const double span = std::max(TimelineMath::minSpan, to - from);
    d->applyRange(from - span * 0.1, to + span * 0.1, true);
}

void TimelineView::leaveEvent(QEvent *event)
{
    d->setHover(-1, -1);
    QWidget::leaveEvent(event);
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    const double span = d->end - d->start;
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
    case Qt::Key_Underscore:
        zoomOut();
        break;
    case Qt::Key_F:
        fit();
        break;
    case Qt::Key_0:
        if (!ctrl) {
            QWidget::keyPressEvent(event);
            return;
        }
        fit();
        break;
    case Qt::Key_Left:
        d->pan(-panFraction * span);
        break;
    case Qt::Key_Right:
        d->pan(panFraction * span);
        break;
    case Qt::Key_Home:
        if (ctrl)
            d->applyRange(0.0, span, true);
        else
            d->walk(event);
        break;
    case Qt::Key_End:
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
        d->walk(event);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter: {
        const TimelineHit hit{TimelineHit::Area::Lane, d->selectedRun, -1, d->selectedTask};
        TimelineDetails::show(this, tr("Task #%1").arg(d->selectedTask + 1), d->toolTip(hit));
        break;
    }
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}
