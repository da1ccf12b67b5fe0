#include "sweepview.h"

#include "timelinemath.h"
#include "timelinepalette.h"
#include "uihelpers.h"

#include <QEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace {

constexpr int margin = 10; // px around the chart
constexpr int markerRadius = 4;

struct Colours
{
    QColor background, text, muted, grid, axis;
    QColor makespan, completion, failed, best, bestBand, knee, chosen, hover;
};

Colours coloursFor(const QPalette &palette)
{
    const TimelinePalette t = TimelinePalette::forPalette(palette);
    Colours c;
    c.background = t.background;
    c.text = t.text;
    c.muted = t.mutedText;
    c.grid = t.grid;
    c.axis = t.separator;
    c.makespan = t.run;
    c.completion = t.gates[1];
    c.failed = t.failed;
    c.best = t.now;
    c.bestBand = t.now;
    c.bestBand.setAlpha(t.darkVariant ? 0x38 : 0x26);
    c.knee = t.limit;
    c.chosen = t.selectionEdge;
    c.hover = t.hover;
    return c;
}

QString secondsText(double s)
{
    return TimelineMath::formatDuration(s);
}

} // namespace

struct SweepView::Layout
{
    QRect plot; // where points are drawn
    int legendTop = 0;
    int labelRowTop = 0; // "best: N" sits here, above the plot
    int xLabelTop = 0;
    int xTitleTop = 0;
    double xMin = 0.0, xMax = 1.0; // limits at the plot's left and right edges
    double yMax = 1.0; // seconds at the plot's top
    TimelineMath::Ticks yTicks;
    int xStep = 1; // limits between labelled ticks
    struct LegendItem
    {
        enum Kind { Makespan, Predicted, Completion, Failed } kind;
        QString text;
        QRect sample;
        QPoint textPos;
    };
    QList<LegendItem> legend;

    int x(double limit) const
    {
        if (xMax <= xMin)
            return plot.center().x();
        return plot.left() + int(std::lround((limit - xMin) / (xMax - xMin) * plot.width()));
    }
    int y(double seconds) const
    {
        if (yMax <= 0)
            return plot.bottom();
        return plot.bottom() - int(std::lround(seconds / yMax * plot.height()));
    }
};

SweepView::SweepView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("sweepView"));
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Limit sweep chart"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    pointsChanged();
}

SweepView::~SweepView() = default;

QSize SweepView::sizeHint() const
{
    return {640, 320};
}

QSize SweepView::minimumSizeHint() const
{
    const int lh = fontMetrics().height();
    return {320, lh * 9};
}

void SweepView::setPlannedLimits(const QList<int> &limits)
{
    QList<int> sorted = limits;
    std::sort(sorted.begin(), sorted.end());
    if (sorted == m_planned)
        return;
    m_planned = sorted;
    update();
}

void SweepView::setPoints(const QList<SweepPoint> &points)
{
    m_points = points;
    std::stable_sort(m_points.begin(), m_points.end(),
                     [](const SweepPoint &a, const SweepPoint &b) { return a.limit < b.limit; });
    pointsChanged();
}

void SweepView::appendPoint(const SweepPoint &point)
{
    auto it = std::lower_bound(m_points.begin(), m_points.end(), point.limit,
                               [](const SweepPoint &p, int limit) { return p.limit < limit; });
    if (it != m_points.end() && it->limit == point.limit)
        *it = point;
    else
        m_points.insert(it, point);
    pointsChanged();
}

void SweepView::clear()
{
    m_planned.clear();
    m_points.clear();
    m_chosen = 0;
    m_hover = 0;
    pointsChanged();
}

void SweepView::setChosenLimit(int limit)
{
    if (limit == m_chosen)
        return;
    m_chosen = limit;
    update();
}

void SweepView::pointsChanged()
{
    m_best = Sweep::bestLimit(m_points);
    m_knee = Sweep::kneeLimit(m_points);
    if (!pointFor(m_hover))
        m_hover = 0;
    if (m_points.isEmpty()) {
        setAccessibleDescription(
                tr("No sweep yet. Sweep the limits to see where a limit pays off."));
    } else {
        const SweepPoint *best = pointFor(m_best);
        QString text = tr("%n limit(s) swept, from %1 to %2.", "", int(m_points.size()))
                               .arg(m_points.constFirst().limit)
                               .arg(m_points.constLast().limit);
        if (best)
            text += QLatin1Char(' ')
                    + tr("Best limit %1: makespan %2, mean completion %3.")
                              .arg(best->limit)
                              .arg(secondsText(best->makespan), secondsText(best->meanCompletion));
        if (m_knee > 0)
            text += QLatin1Char(' ') + tr("Knee at limit %1.").arg(m_knee);
        setAccessibleDescription(text);
    }
    update();
}

const SweepPoint *SweepView::pointFor(int limit) const
{
    if (limit <= 0)
        return nullptr;
    for (const SweepPoint &p : m_points) {
        if (p.limit == limit)
            return &p;
    }
    return nullptr;
}

SweepView::Layout SweepView::layout() const
{
    Layout L;
    const QFontMetrics fm = fontMetrics();
    const int lh = fm.height();
    const QRect r = rect().adjusted(margin, margin / 2, -margin, -margin / 2);

    // The limits on x: the planned ones and those with points.
    int lo = 0, hi = 0;
    for (int limit : m_planned) {
        lo = lo == 0 ? limit : std::min(lo, limit);
        hi = std::max(hi, limit);
    }
    bool measured = false, failed = false;
    double top = 0.0;
    for (const SweepPoint &p : m_points) {
        lo = lo == 0 ? p.limit : std::min(lo, p.limit);
        hi = std::max(hi, p.limit);
        top = std::max(
                {top, p.makespan, p.meanCompletion, p.predicted ? 0.0 : p.predictedMakespan});
        measured = measured || !p.predicted;
        failed = failed || p.failed > 0;
    }
    if (lo == 0)
        lo = hi = 1;

    // The legend, wrapped onto as many rows as the width needs.
    const bool allPredicted = !m_points.isEmpty() && !measured;
    auto addLegend = [&](Layout::LegendItem::Kind kind, const QString &text) {
        L.legend.append({kind, text, {}, {}});
    };
    addLegend(Layout::LegendItem::Makespan,
              allPredicted ? tr("Makespan (predicted)") : tr("Makespan (measured)"));
    if (measured)
        addLegend(Layout::LegendItem::Predicted, tr("Makespan (predicted)"));
    addLegend(Layout::LegendItem::Completion,
              allPredicted ? tr("Mean completion (predicted)") : tr("Mean completion"));
    if (failed)
        addLegend(Layout::LegendItem::Failed, tr("Failed tasks"));
    const int sampleWidth = 26;
    int lx = r.left(), ly = r.top();
    L.legendTop = ly;
    for (auto &item : L.legend) {
        const int w = sampleWidth + 6 + fm.horizontalAdvance(item.text);
        if (lx > r.left() && lx + w > r.right()) {
            lx = r.left();
            ly += lh + 2;
        }
        item.sample = QRect(lx, ly + lh / 2 - 1, sampleWidth, 3);
        item.textPos = QPoint(lx + sampleWidth + 6, ly + fm.ascent());
        lx += w + 18;
    }
    L.labelRowTop = ly + lh + 6;

    // y: from zero to the tallest figure, with room above it.
    L.yMax = top > 0 ? top * 1.08 : 1.0;
    const int plotTop = L.labelRowTop + lh + 4;
    const int xTitleHeight = lh;
    const int plotBottom = r.bottom() - xTitleHeight - 4 - lh - 6;
    L.yTicks = TimelineMath::ticks(0.0, L.yMax, std::max(1, plotBottom - plotTop), lh * 2.2);
    int yLabelWidth = fm.horizontalAdvance(QStringLiteral("0 s"));
    for (int i = 0; i < L.yTicks.count; ++i)
        yLabelWidth =
                std::max(yLabelWidth, fm.horizontalAdvance(TimelineMath::tickLabel(L.yTicks, i)));
    // The last x label may stick out past the plot by half its width.
    const int xLabelWidth = fm.horizontalAdvance(QString::number(hi)) + 4;
    const int plotLeft = r.left() + yLabelWidth + 8;
    const int plotRight = r.right() - std::max(6, xLabelWidth / 2);
    L.plot = QRect(QPoint(plotLeft, plotTop),
                   QPoint(std::max(plotLeft + 1, plotRight), std::max(plotTop + 1, plotBottom)));
    L.xLabelTop = L.plot.bottom() + 5;
    L.xTitleTop = L.xLabelTop + lh + 2;

    // x: the limits' range with half a step of room at each end, so end points are not on the
    // frame.
    const double pad = std::max(0.5, (hi - lo) * 0.04);
    L.xMin = lo - pad;
    L.xMax = hi + pad;
    const double pxPerLimit = L.plot.width() / std::max(1.0, L.xMax - L.xMin);
    const double needed = (xLabelWidth + 10) / std::max(1e-9, pxPerLimit);
    L.xStep = int(std::max<qint64>(1, TimelineMath::niceCount(needed)));
    return L;
}

QPoint SweepView::pointPosition(int limit) const
{
    const SweepPoint *p = pointFor(limit);
    if (!p)
        return {};
    const Layout L = layout();
    return {L.x(p->limit), L.y(p->makespan)};
}

int SweepView::limitAt(const QPoint &pos) const
{
    if (m_points.isEmpty())
        return 0;
    const Layout L = layout();
    if (pos.x() < L.plot.left() - 12 || pos.x() > L.plot.right() + 12 || pos.y() < L.labelRowTop
        || pos.y() > L.xTitleTop)
        return 0;
    int best = 0;
    int bestDistance = 0;
    for (const SweepPoint &p : m_points) {
        const int d = std::abs(L.x(p.limit) - pos.x());
        if (best == 0 || d < bestDistance) {
            best = p.limit;
            bestDistance = d;
        }
    }
    // Within half the distance to a neighbour, and never far from the point.
    const double pxPerLimit = L.plot.width() / std::max(1.0, L.xMax - L.xMin);
    const int reach = std::clamp(int(pxPerLimit / 2), 6, 40);
    return bestDistance <= reach ? best : 0;
}

QString SweepView::toolTipText(int limit) const
{
    const SweepPoint *p = pointFor(limit);
    if (!p)
        return {};
    const auto row = [](const QString &name, const QString &value) -> QString {
        return QStringLiteral("<tr><td style='padding-right:10px'>") + name.toHtmlEscaped()
               + QStringLiteral("</td><td>") + value.toHtmlEscaped() + QStringLiteral("</td></tr>");
    };
    QString text = QStringLiteral("<b>") + tr("Limit %1").arg(p->limit).toHtmlEscaped()
                   + QStringLiteral("</b>");
    if (p->predicted)
        text += QStringLiteral(" &nbsp;") + tr("predicted").toHtmlEscaped();
    else if (!p->completed)
        text += QStringLiteral(" &nbsp;") + tr("stopped").toHtmlEscaped();
    if (p->limit == m_best)
        text += QStringLiteral(" &nbsp;") + tr("best").toHtmlEscaped();
    if (p->limit == m_knee)
        text += QStringLiteral(" &nbsp;") + tr("knee").toHtmlEscaped();
    text += QStringLiteral("<table>");
    text += row(p->predicted ? tr("makespan (predicted)") : tr("makespan"),
                secondsText(p->makespan));
    if (!p->predicted)
        text += row(tr("predicted"), secondsText(p->predictedMakespan));
    text += row(tr("mean completion"), secondsText(p->meanCompletion));
    text += row(tr("mean wait"), secondsText(p->meanWait));
    text += row(tr("max wait"), secondsText(p->maxWait));
    text += row(tr("ok"), UiHelpers::count(p->ok));
    text += row(tr("failed"), UiHelpers::count(p->failed));
    text += row(tr("retries"), UiHelpers::count(p->retries));
    if (p->rejected > 0)
        text += row(tr("rejected (429)"), UiHelpers::count(p->rejected));
    text += QStringLiteral("</table>");
    if (!p->predicted || m_chosen != p->limit)
        text += QStringLiteral("<i>") + tr("Click to see this limit's schedule").toHtmlEscaped()
                + QStringLiteral("</i>");
    return text;
}

bool SweepView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipText(limitAt(help->pos()));
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void SweepView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        update();
}

void SweepView::mouseMoveEvent(QMouseEvent *event)
{
    const int limit = limitAt(event->position().toPoint());
    if (limit != m_hover) {
        m_hover = limit;
        setCursor(limit > 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void SweepView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        if (const int limit = limitAt(event->position().toPoint()); limit > 0) {
            choose(limit);
            event->accept();
            return;
        }
    }
    QWidget::mousePressEvent(event);
}

void SweepView::leaveEvent(QEvent *event)
{
    if (m_hover != 0) {
        m_hover = 0;
        update();
    }
    QWidget::leaveEvent(event);
}

// Left and right move between the limits, Enter or Space chooses: the chart without a mouse.
void SweepView::keyPressEvent(QKeyEvent *event)
{
    if (m_points.isEmpty())
        return QWidget::keyPressEvent(event);
    const int current = m_hover > 0 ? m_hover : (m_chosen > 0 ? m_chosen : m_best);
    qsizetype index = 0;
    for (qsizetype i = 0; i < m_points.size(); ++i) {
        if (m_points.at(i).limit == current)
            index = i;
    }
    switch (event->key()) {
    case Qt::Key_Left:
        index = std::max<qsizetype>(0, index - 1);
        break;
    case Qt::Key_Right:
        index = std::min(m_points.size() - 1, index + 1);
        break;
    case Qt::Key_Home:
        index = 0;
        break;
    case Qt::Key_End:
        index = m_points.size() - 1;
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        choose(m_points.at(index).limit);
        return;
    default:
        return QWidget::keyPressEvent(event);
    }
    m_hover = m_points.at(index).limit;
    update();
    const QPoint at = pointPosition(m_hover);
    QToolTip::showText(mapToGlobal(at + QPoint(12, 12)), toolTipText(m_hover), this);
}

void SweepView::choose(int limit)
{
    setChosenLimit(limit);
    Q_EMIT limitChosen(limit);
}

void SweepView::paintEvent(QPaintEvent *)
{
    const Colours c = coloursFor(palette());
    QPainter p(this);
    p.fillRect(rect(), c.background);
    const QFontMetrics fm = fontMetrics();
    const int lh = fm.height();

    if (m_points.isEmpty() && m_planned.isEmpty()) {
        QRect box = rect().adjusted(margin * 2, margin, -margin * 2, -margin);
        QFont big = font();
        big.setPointSizeF(big.pointSizeF() * 1.2);
        p.setFont(big);
        p.setPen(c.text);
        const QString title = tr("Sweep the limits to see where a limit pays off");
        const QString hint =
                tr("Enter limits beside Sweep in the toolbar (such as 1..12 or 1,2,4,8) and press "
                   "Sweep: each limit is run, or predicted at once with \u201cPredict only\u201d. "
                   "The chart then shows the makespan and the mean completion time per limit.");
        const QRect titleRect =
                QFontMetrics(big).boundingRect(box, Qt::AlignHCenter | Qt::TextWordWrap, title);
        p.setFont(font());
        const QRect hintRect = fm.boundingRect(QRect(0, 0, std::min(box.width(), 560), 10000),
                                               Qt::AlignHCenter | Qt::TextWordWrap, hint);
        const int total = titleRect.height() + 8 + hintRect.height();
        const int top = box.top() + std::max(0, (box.height() - total) / 2);
        p.setFont(big);
        p.drawText(QRect(box.left(), top, box.width(), titleRect.height()),
                   Qt::AlignHCenter | Qt::TextWordWrap, title);
        p.setFont(font());
        p.setPen(c.muted);
        p.drawText(QRect(box.left() + (box.width() - hintRect.width()) / 2,
                         top + titleRect.height() + 8, hintRect.width(), hintRect.height()),
                   Qt::AlignHCenter | Qt::TextWordWrap, hint);
        return;
    }

    const Layout L = layout();

    // Grid and y labels.
    p.setPen(c.grid);
    for (int i = 0; i < L.yTicks.count; ++i) {
        const int y = L.y(L.yTicks.value(i));
        if (y < L.plot.top() - 1)
            continue;
        p.setPen(c.grid);
        p.drawLine(L.plot.left(), y, L.plot.right(), y);
        p.setPen(c.muted);
        p.drawText(QRect(margin, y - lh / 2, L.plot.left() - 8 - margin, lh),
                   Qt::AlignRight | Qt::AlignVCenter, TimelineMath::tickLabel(L.yTicks, i));
    }

    // Best band and knee line behind the series.
    const QFont small = [&] {
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * 0.9);
        return f;
    }();
    const double pxPerLimit = L.plot.width() / std::max(1.0, L.xMax - L.xMin);
    if (m_best > 0) {
        const int x = L.x(m_best);
        const int half = std::clamp(int(pxPerLimit * 0.3), 3, 16);
        p.fillRect(QRect(x - half, L.plot.top(), half * 2 + 1, L.plot.height()), c.bestBand);
        p.setPen(QPen(c.best, 1.5));
        p.drawLine(x, L.plot.top(), x, L.plot.bottom());
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        // A knee at the best limit is said here, not at the foot of the line, where a short chart
        // puts it under the best point's marker.
        const QString label =
                m_knee == m_best ? tr("best: %1 (knee)").arg(m_best) : tr("best: %1").arg(m_best);
        const int w = QFontMetrics(bold).horizontalAdvance(label) + 8;
        const int left = std::clamp(x - w / 2, margin, width() - margin - w);
        p.setPen(c.best);
        p.drawText(QRect(left, L.labelRowTop, w, lh), Qt::AlignCenter, label);
        p.setFont(font());
    }
    if (m_knee > 0 && m_knee != m_best) {
        const int x = L.x(m_knee);
        QPen pen(c.knee, 1, Qt::DashLine);
        p.setPen(pen);
        p.drawLine(x, L.plot.top(), x, L.plot.bottom());
    }
    if (m_knee > 0 && m_knee != m_best) {
        // Small, at the foot of its line, clear of the best label at the top.
        p.setFont(small);
        const QFontMetrics sfm(small);
        const QString label = tr("knee: %1").arg(m_knee);
        const int w = sfm.horizontalAdvance(label) + 6;
        const int x = L.x(m_knee);
        int left = x + 4;
        if (left + w > L.plot.right())
            left = x - 4 - w;
        const QRect box(left, L.plot.bottom() - sfm.height() - 3, w, sfm.height());
        QColor back = c.background;
        back.setAlpha(0xd0);
        p.fillRect(box, back);
        p.setPen(c.knee);
        p.drawText(box, Qt::AlignCenter, label);
        p.setFont(font());
    }

    // Hover guide.
    if (m_hover > 0) {
        p.setPen(QPen(c.axis, 1, Qt::DotLine));
        const int x = L.x(m_hover);
        p.drawLine(x, L.plot.top(), x, L.plot.bottom());
    }

    // Axes and x labels: every limit gets a tick, labels every xStep limits (and the ends).
    p.setPen(c.axis);
    p.drawLine(L.plot.left(), L.plot.bottom(), L.plot.right(), L.plot.bottom());
    p.drawLine(L.plot.left(), L.plot.top(), L.plot.left(), L.plot.bottom());
    QList<int> limits = m_planned;
    for (const SweepPoint &pt : m_points)
        limits.append(pt.limit);
    std::sort(limits.begin(), limits.end());
    limits.erase(std::unique(limits.begin(), limits.end()), limits.end());
    int lastLabelRight = std::numeric_limits<int>::min();
    const int lo = int(std::ceil(L.xMin));
    const int hi = int(std::floor(L.xMax));
    const auto drawXLabel = [&](int limit, bool emphasise) {
        const QString text = QString::number(limit);
        const int w = fm.horizontalAdvance(text);
        const int x = L.x(limit);
        if (x - w / 2 <= lastLabelRight + 6)
            return;
        p.setPen(emphasise ? c.text : c.muted);
        p.drawText(QRect(x - w / 2 - 2, L.xLabelTop, w + 4, lh), Qt::AlignCenter, text);
        lastLabelRight = x + w / 2;
    };
    p.setPen(c.axis);
    for (int limit : std::as_const(limits)) {
        const int x = L.x(limit);
        p.drawLine(x, L.plot.bottom(), x, L.plot.bottom() + 3);
    }
    for (int v = lo; v <= hi; ++v) {
        const bool swept = std::binary_search(limits.cbegin(), limits.cend(), v);
        if ((L.xStep == 1 && swept)
            || (L.xStep > 1 && v % L.xStep == 0 && v >= limits.constFirst()))
            drawXLabel(v, v == m_best);
    }
    p.setPen(c.muted);
    p.drawText(QRect(L.plot.left(), L.xTitleTop, L.plot.width(), lh), Qt::AlignCenter,
               tr("Concurrency limit"));

    // Series: the predicted makespan, then mean completion, then the makespan on top.
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setClipRect(L.plot.adjusted(-markerRadius - 2, -markerRadius - 2, markerRadius + 2,
                                  markerRadius + 2));
    const auto line = [&](auto value, const QColor &colour, Qt::PenStyle style, auto include) {
        QPainterPath path;
        bool started = false;
        for (const SweepPoint &pt : m_points) {
            if (!include(pt))
                continue;
            const QPointF at(L.x(pt.limit), L.y(value(pt)));
            if (started)
                path.lineTo(at);
            else
                path.moveTo(at);
            started = true;
        }
        p.setPen(QPen(colour, 2, style, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
    };
    const auto all = [](const SweepPoint &) { return true; };
    const auto measuredOnly = [](const SweepPoint &pt) { return !pt.predicted; };
    const bool anyMeasured = std::any_of(m_points.cbegin(), m_points.cend(), measuredOnly);
    const Qt::PenStyle seriesStyle = anyMeasured ? Qt::SolidLine : Qt::DashLine;
    if (anyMeasured) {
        QColor ghost = c.makespan;
        ghost.setAlphaF(0.65f);
        line([](const SweepPoint &pt) { return pt.predictedMakespan; }, ghost, Qt::DashLine,
             measuredOnly);
        for (const SweepPoint &pt : m_points) {
            if (pt.predicted)
                continue;
            p.setPen(QPen(ghost, 1.5));
            p.setBrush(c.background);
            p.drawEllipse(QPointF(L.x(pt.limit), L.y(pt.predictedMakespan)), 3, 3);
        }
    }
    line([](const SweepPoint &pt) { return pt.meanCompletion; }, c.completion, seriesStyle, all);
    line([](const SweepPoint &pt) { return pt.makespan; }, c.makespan, seriesStyle, all);
    for (const SweepPoint &pt : m_points) {
        const bool hovered = pt.limit == m_hover;
        const double r = hovered ? markerRadius + 1.5 : markerRadius;
        // Mean completion: squares.
        const QPointF mc(L.x(pt.limit), L.y(pt.meanCompletion));
        p.setPen(QPen(c.background, 1));
        p.setBrush(pt.completed ? QBrush(c.completion) : QBrush(c.background));
        if (!pt.completed)
            p.setPen(QPen(c.completion, 1.5));
        p.drawRect(QRectF(mc.x() - r, mc.y() - r, 2 * r, 2 * r));
        // Makespan: circles; a stopped run's hollow.
        const QPointF ms(L.x(pt.limit), L.y(pt.makespan));
        p.setPen(pt.completed ? QPen(c.background, 1) : QPen(c.makespan, 1.5));
        p.setBrush(pt.completed ? QBrush(c.makespan) : QBrush(c.background));
        p.drawEllipse(ms, r + 0.5, r + 0.5);
        if (pt.limit == m_chosen) {
            p.setPen(QPen(c.chosen, 2));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(ms, r + 4, r + 4);
        }
    }
    p.setClipping(false);

    // Failures: a red cross on the makespan point, the count above it.
    for (const SweepPoint &pt : m_points) {
        if (pt.failed <= 0)
            continue;
        const QPointF ms(L.x(pt.limit), L.y(pt.makespan));
        const double a = markerRadius + 2.5;
        p.setPen(QPen(c.failed, 2.5, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(ms.x() - a, ms.y() - a), QPointF(ms.x() + a, ms.y() + a));
        p.drawLine(QPointF(ms.x() - a, ms.y() + a), QPointF(ms.x() + a, ms.y() - a));
        p.setFont(small);
        const QString count = UiHelpers::count(pt.failed);
        const QFontMetrics sfm(small);
        const int w = sfm.horizontalAdvance(count) + 4;
        const int top = std::max(L.plot.top() - sfm.height(), int(ms.y() - a) - sfm.height() - 2);
        p.drawText(QRect(int(ms.x()) - w / 2, top, w, sfm.height()), Qt::AlignCenter, count);
        p.setFont(font());
    }

    // Legend.
    p.setRenderHint(QPainter::Antialiasing, true);
    for (const auto &item : L.legend) {
        const QPoint mid(item.sample.center().x(), item.sample.center().y());
        switch (item.kind) {
        case Layout::LegendItem::Makespan:
            p.setPen(QPen(c.makespan, 2, seriesStyle));
            p.drawLine(item.sample.left(), mid.y(), item.sample.right(), mid.y());
            p.setPen(QPen(c.background, 1));
            p.setBrush(c.makespan);
            p.drawEllipse(QPointF(mid), markerRadius + 0.5, markerRadius + 0.5);
            break;
        case Layout::LegendItem::Predicted: {
            QColor ghost = c.makespan;
            ghost.setAlphaF(0.65f);
            p.setPen(QPen(ghost, 2, Qt::DashLine));
            p.drawLine(item.sample.left(), mid.y(), item.sample.right(), mid.y());
            p.setPen(QPen(ghost, 1.5));
            p.setBrush(c.background);
            p.drawEllipse(QPointF(mid), 3, 3);
            break;
        }
        case Layout::LegendItem::Completion:
            p.setPen(QPen(c.completion, 2, seriesStyle));
            p.drawLine(item.sample.left(), mid.y(), item.sample.right(), mid.y());
            p.setPen(QPen(c.background, 1));
            p.setBrush(c.completion);
            p.drawRect(QRectF(mid.x() - markerRadius, mid.y() - markerRadius, 2 * markerRadius,
                              2 * markerRadius));
            break;
        case Layout::LegendItem::Failed: {
            const double a = markerRadius + 1;
            p.setPen(QPen(c.failed, 2.5, Qt::SolidLine, Qt::RoundCap));
            p.drawLine(QPointF(mid.x() - a, mid.y() - a), QPointF(mid.x() + a, mid.y() + a));
            p.drawLine(QPointF(mid.x() - a, mid.y() + a), QPointF(mid.x() + a, mid.y() - a));
            break;
        }
        }
        p.setPen(c.text);
        p.drawText(item.textPos, item.text);
    }

    if (m_points.isEmpty()) {
        p.setPen(c.muted);
        p.drawText(L.plot, Qt::AlignCenter, tr("Waiting for the first limit\u2019s run\u2026"));
    }
    if (hasFocus()) {
        p.setRenderHint(QPainter::Antialiasing, false);
        p.setPen(QPen(c.axis, 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect().adjusted(1, 1, -2, -2));
    }
}
