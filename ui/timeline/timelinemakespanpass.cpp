#include "timelinemakespanpass.h"

#include "runrecord.h"
#include "timelinelayout.h"
#include "timelinerenderoptions.h"
#include "timelineruns.h"
#include "timelinetext.h"

#include <QFont>
#include <QPainter>
#include <QPen>

#include <algorithm>
#include <vector>

namespace {

bool visible(const TimelineLayout &L, int x)
{
    return x >= L.plotLeft && x < L.plotRight;
}

QPen markerPen(const TimelinePalette &pal, bool measured)
{
    QPen pen(measured ? pal.text : pal.mutedText, 1, Qt::CustomDashLine);
    pen.setDashPattern({4, 3});
    return pen;
}

QPen serialPen(const TimelinePalette &pal)
{
    QPen pen(pal.mutedText, 1, Qt::CustomDashLine);
    pen.setDashPattern({1, 3});
    return pen;
}

// Labels in one row that must not overlap each other nor leave the data's columns.
class Row
{
public:
    Row(QPainter &p, const TimelineLayout &L, int top, int height, int baseline,
        const QColor &background)
        : m_p(p)
        , m_L(L)
        , m_font(p.font())
        , m_top(top)
        , m_height(height)
        , m_baseline(baseline)
        , m_background(background)
    {
    }
    int width(const QString &text) const { return m_L.text->advance(m_font, text); }
    // Draws text with its left edge at one of the candidates, the first that fits.
    bool place(const QString &text, const QColor &colour, std::initializer_list<int> lefts)
    {
        const int w = width(text);
        for (const int left : lefts) {
            const QRect r(left, m_top, w, m_height);
            if (r.left() < m_L.plotLeft || r.right() > m_L.rect.right() - 2)
                continue;
            if (std::any_of(m_used.begin(), m_used.end(),
                            [&](const QRect &u) { return u.adjusted(-6, 0, 6, 0).intersects(r); }))
                continue;
            // Over the bracket's line, on a background of its own.
            m_p.fillRect(r.adjusted(-3, 0, 3, -1), m_background);
            m_p.setPen(colour);
            m_L.text->draw(m_p, QPoint(r.left(), m_baseline), text);
            m_used.push_back(r);
            return true;
        }
        return false;
    }

private:
    QPainter &m_p;
    const TimelineLayout &m_L;
    QFont m_font;
    int m_top;
    int m_height;
    int m_baseline;
    QColor m_background;
    std::vector<QRect> m_used;
};

} // namespace

TimelineMakespanPass::Markers TimelineMakespanPass::markers(const TimelineRuns &runs,
                                                            const TimelineRenderOptions &o)
{
    Markers m;
    for (int i = 0; i < runs.count(); ++i) {
        const RunRecord *r = runs.record(i);
        if (!r)
            continue;
        const QString name = r->options().displayName();
        if (r->isComplete()) {
            const double t = r->toScenarioSeconds(runs.progress(i).lastNs());
            m.runs.append({t, true, tr("%1 %2").arg(name, TimelineMath::formatDuration(t))});
        } else if (i < o.predictions.size() && o.predictions.at(i).makespan > 0.0) {
            const double t = o.predictions.at(i).makespan;
            m.runs.append(
                    {t, false, tr("%1 predicted %2").arg(name, TimelineMath::formatDuration(t))});
        }
        m.serial = runs.serialSeconds(i);
    }
    for (const TimelineRenderOptions::PlannedRun &planned : o.plannedRuns) {
        const double t = planned.prediction.makespan;
        m.runs.append({t, false,
                       tr("%1 predicted %2").arg(planned.name, TimelineMath::formatDuration(t))});
    }
    if (m.runs.size() == 2)
        m.difference = TimelineMath::formatSignedDuration(m.runs.at(1).time - m.runs.at(0).time);
    if (m.serial > 0.0)
        m.serialText = tr("serial %1").arg(TimelineMath::formatDuration(m.serial));
    return m;
}

void TimelineMakespanPass::paint(QPainter &p, const TimelineLayout &L, const TimelineRuns &runs,
                                 const TimelineRenderOptions &o)
{
    if (L.blocks.empty())
        return;
    const Markers m = markers(runs, o);
    const int top = std::max(L.content.top(), L.screenY(0));
    const int bottom = std::min(L.content.bottom(), L.screenY(L.contentHeight));
    if (bottom <= top)
        return;
    const int serialX = L.x(m.serial);
    if (!m.serialText.isEmpty() && visible(L, serialX)) {
        p.setPen(serialPen(o.palette));
        p.drawLine(serialX, top, serialX, bottom);
    }
    for (const Marker &marker : m.runs) {
        const int x = L.x(marker.time);
        if (!visible(L, x))
            continue;
        p.setPen(markerPen(o.palette, marker.measured));
        p.drawLine(x, top, x, bottom);
    }
}

void TimelineMakespanPass::paintStrip(QPainter &p, const TimelineLayout &L,
                                      const TimelineRuns &runs, const TimelineRenderOptions &o)
{
    if (L.markers.isEmpty())
        return;
    const TimelinePalette &pal = o.palette;
    p.fillRect(L.markers, pal.background);
    p.setPen(pal.separator);
    p.drawLine(L.markers.left(), L.markers.bottom(), L.markers.right(), L.markers.bottom());
    const Markers m = markers(runs, o);
    p.save();
    p.setClipRect(L.markers.adjusted(0, 0, 0, -1));
    // Two rows: the runs' labels, then the bracket with the difference and the serial time.
    const int rowHeight = (L.markers.height() - 1) / 2;
    const auto baselineOf = [&](int r) {
        return L.markers.top() + r * rowHeight + (rowHeight - L.lineHeight) / 2 + L.ascent;
    };
    // The strip's name in the label column.
    p.setPen(pal.mutedText);
    L.text->draw(p, QPoint(L.rect.left() + TimelineLayout::padding, baselineOf(0)),
                 L.text->elided(o.font, tr("makespan"), Qt::ElideRight,
                                L.labelWidth - 2 * TimelineLayout::padding));
    Row labels(p, L, L.markers.top(), rowHeight, baselineOf(0), pal.background);
    Row bracket(p, L, L.markers.top() + rowHeight, rowHeight, baselineOf(1), pal.background);

    // Each run's label ends at its line (its bars end there too), or starts there when there is
    // no room on the left.
    std::vector<int> xs;
    for (const Marker &marker : m.runs) {
        const int x = L.x(marker.time);
        xs.push_back(x);
        if (!visible(L, x))
            continue;
        const int w = labels.width(marker.text);
        labels.place(marker.text, marker.measured ? pal.text : pal.mutedText, {x - 4 - w, x + 4});
    }
    if (!m.difference.isEmpty() && visible(L, xs[0]) && visible(L, xs[1])) {
        const int xa = std::min(xs[0], xs[1]);
        const int xb = std::max(xs[0], xs[1]);
        const int midY = L.markers.top() + rowHeight + rowHeight / 2;
        p.setPen(QPen(pal.mutedText, 1));
        p.drawLine(xa, midY, xb, midY);
        p.drawLine(xa, midY - 3, xa, midY + 3);
        p.drawLine(xb, midY - 3, xb, midY + 3);
        const int w = bracket.width(m.difference);
        // Centred in the bracket, or beside it when the runs end close together.
        const int centre = (xa + xb - w) / 2;
        if (centre - 4 > xa && centre + w + 4 < xb)
            bracket.place(m.difference, pal.text, {centre});
        else
            bracket.place(m.difference, pal.text, {xb + 6, xa - 6 - w});
    }
    if (!m.serialText.isEmpty()) {
        const int x = L.x(m.serial);
        const int w = bracket.width(m.serialText);
        if (visible(L, x)) {
            if (!bracket.place(m.serialText, pal.mutedText, {x + 4, x - 4 - w}))
                labels.place(m.serialText, pal.mutedText, {x + 4, x - 4 - w});
        } else if (m.serial > L.end) {
            const QString text = tr("%1 \u2192").arg(m.serialText);
            const int left = L.rect.right() - 3 - bracket.width(text);
            // Where the markers fill the right edge, under the strip's name.
            if (!bracket.place(text, pal.mutedText, {left})
                && !labels.place(text, pal.mutedText, {left})) {
                p.setPen(pal.mutedText);
                L.text->draw(p, QPoint(L.rect.left() + TimelineLayout::padding, baselineOf(1)),
                             L.text->elided(o.font, text, Qt::ElideRight,
                                            L.labelWidth - 2 * TimelineLayout::padding));
            }
        }
    }
    p.restore();
}
