#include "timelineoverview.h"

#include "runrecord.h"
#include "taskspans.h"
#include "timelinemath.h"
#include "timelinepalette.h"
#include "timelinerenderer.h"
#include "timelineview.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <vector>

namespace {

constexpr int liveIntervalMs = 250;

// The options the overview paints from: the view's runs, without lane summaries (a strip of
// concurrency needs none).
TimelineRenderOptions overviewOptions(const TimelineView &view)
{
    TimelineRenderOptions o = view.renderOptions();
    o.levelOfDetail = false;
    o.visibleStart = o.visibleEnd = 0.0;
    o.scrollY = 0;
    return o;
}

} // namespace

TimelineOverview::TimelineOverview(TimelineView *view, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
    , m_renderer(std::make_unique<TimelineRenderer>())
{
    setObjectName(QStringLiteral("timelineOverview"));
    setAccessibleName(tr("Timeline overview"));
    setToolTip(tr("The whole run; drag the window to move through it."));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(Qt::OpenHandCursor);
    setVisible(false);
    m_liveTimer.setInterval(liveIntervalMs);
    connect(&m_liveTimer, &QTimer::timeout, this, [this] {
        if (overviewOptions(*m_view).liveNowNs >= 0)
            update();
    });
    connect(m_view, &TimelineView::visibleRangeChanged, this, &TimelineOverview::follow);
}

TimelineOverview::~TimelineOverview() = default;

QSize TimelineOverview::sizeHint() const
{
    return {400, std::max(24, fontMetrics().height() + 10)};
}

QSize TimelineOverview::minimumSizeHint() const
{
    return sizeHint();
}

void TimelineOverview::follow()
{
    // A view that fits its runs is not zoomed. Asked of this strip's own renderer, a live run's
    // fitted range can differ from the view's (no margins for the live edge), which showed and
    // hid the strip, relaid the window and repainted the timeline with its scroll bar on every
    // live frame; and it followed the run's events a second time on this thread.
    if (m_view->isFollowingLive()) {
        setVisible(false);
        return;
    }
    const auto [start, end] = fittedRange();
    const bool zoomed = m_view->visibleEnd() - m_view->visibleStart() < (end - start) * (1 - 1e-9);
    if (zoomed != isVisible())
        setVisible(zoomed);
    update();
}

std::pair<double, double> TimelineOverview::fittedRange() const
{
    return m_renderer->fittedRange(overviewOptions(*m_view));
}

std::pair<int, int> TimelineOverview::columns() const
{
    const QRect plot = m_renderer->plotRect(m_view->rect(), overviewOptions(*m_view));
    const int left = std::clamp(plot.left(), 0, std::max(0, width() - 2));
    return {left, std::clamp(plot.right() + 1, left + 1, width())};
}

double TimelineOverview::timeAt(int x) const
{
    const auto [start, end] = fittedRange();
    const auto [left, right] = columns();
    return TimelineMath::xToTime(x, start, end, left, right - left);
}

int TimelineOverview::xAt(double t) const
{
    const auto [start, end] = fittedRange();
    const auto [left, right] = columns();
    return TimelineMath::timeToPixel(t, start, end, left, right - left, left, right);
}

QRect TimelineOverview::windowRect() const
{
    const int x0 = xAt(m_view->visibleStart());
    const int x1 = std::max(x0 + 4, xAt(m_view->visibleEnd()));
    return {x0, 1, x1 - x0, height() - 2};
}

void TimelineOverview::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const TimelinePalette pal = TimelinePalette::forPalette(palette());
    p.fillRect(rect(), pal.panel);
    const TimelineRenderOptions o = overviewOptions(*m_view);
    const auto [start, end] = m_renderer->fittedRange(o);
    const auto [left, right] = columns();
    const int runs = int(o.runs.size());
    const int band = std::max(1, (height() - 4) / std::max(1, runs));
    // Each run's running tasks per pixel column (the column's most), in a band of its own.
    for (int run = 0; run < runs; ++run) {
        if (!o.runs.at(run))
            continue;
        const QList<ConcurrencyStep> steps = m_renderer->runSteps(o, run);
        const double nsPerSecond = 1.0 / scenarioSecondsPerNs(*o.runs.at(run));
        int peak = 1;
        for (const ConcurrencyStep &s : steps)
            peak = std::max(peak, s.running);
        const int bottom = 2 + band * (run + 1);
        std::vector<QRect> bars;
        qsizetype k = 0;
        int value = 0;
        for (int x = left; x < right; ++x) {
            const double t1 = TimelineMath::xToTime(x + 1, start, end, left, right - left);
            int most = value;
            while (k < steps.size() && double(steps.at(k).ns) < t1 * nsPerSecond) {
                value = steps.at(k++).running;
                most = std::max(most, value);
            }
            const int h = int(std::lround(double(most) / peak * (band - 2)));
            if (h > 0)
                bars.emplace_back(x, bottom - h, 1, h);
        }
        p.setPen(Qt::NoPen);
        p.setBrush(pal.runningLine);
        if (!bars.empty())
            p.drawRects(bars.data(), int(bars.size()));
    }
    // The visible window: the rest dimmed, the window outlined.
    const QRect window = windowRect();
    QColor dim = pal.background;
    dim.setAlphaF(0.6f);
    p.fillRect(QRect(0, 0, window.left(), height()), dim);
    p.fillRect(QRect(window.right() + 1, 0, width() - window.right() - 1, height()), dim);
    p.setPen(QPen(pal.selectionEdge, 2));
    p.setBrush(Qt::NoBrush);
    p.drawRect(window.adjusted(1, 0, -1, -1));
    p.setPen(pal.separator);
    p.drawLine(0, 0, width(), 0);
}

void TimelineOverview::moveWindowTo(double start)
{
    const auto [fitStart, fitEnd] = fittedRange();
    const double span = m_view->visibleEnd() - m_view->visibleStart();
    start = std::clamp(start, fitStart, std::max(fitStart, fitEnd - span));
    m_view->setVisibleRange(start, start + span);
}

void TimelineOverview::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const int x = event->position().toPoint().x();
    const double span = m_view->visibleEnd() - m_view->visibleStart();
    if (!windowRect().contains(QPoint(x, height() / 2)))
        moveWindowTo(timeAt(x) - span / 2.0);
    m_grab = timeAt(x) - m_view->visibleStart();
    m_dragging = true;
    setCursor(Qt::ClosedHandCursor);
    event->accept();
}

void TimelineOverview::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging)
        return;
    moveWindowTo(timeAt(event->position().toPoint().x()) - m_grab);
    event->accept();
}

void TimelineOverview::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_dragging) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    m_dragging = false;
    setCursor(Qt::OpenHandCursor);
}

void TimelineOverview::showEvent(QShowEvent *event)
{
    m_liveTimer.start();
    QWidget::showEvent(event);
}

void TimelineOverview::hideEvent(QHideEvent *event)
{
    m_liveTimer.stop();
    QWidget::hideEvent(event);
}
