#include "timelinemakespanpass.h"

#include "runrecord.h"
#include "timelinelayout.h"
#include "timelinerenderoptions.h"
#include "timelineruns.h"

#include <QFontMetrics>
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
    Row(QPainter &p, const TimelineLayout &L, int baseline)
        : m_p(p)
        , m_L(L)
        , m_fm(p.font())
        , m_baseline(baseline)
    {
    }
    int width(const QString &text) const { return m_fm.horizontalAdvance(text); }
    // Draws text with its left edge at one of the candidates, the first that fits.
    bool place(const QString &text, const QColor &colour, std::initializer_list<int> lefts)
    {
        const int w = width(text);
        for (const int left : lefts) {
            const QRect r(left, m_L.markers.top(), w, m_L.markers.height());
            if (r.left() < m_L.plotLeft || r.right() > m_L.rect.right() - 2)
                continue;
            if (std::any_of(m_used.begin(), m_used.end(),
                            [&](const QRect &u) { return u.adjusted(-6, 0, 6, 0).intersects(r); }))
                continue;
            m_p.setPen(colour);
            m_p.drawText(QPoint(r.left(), m_baseline), text);
            m_used.push_back(r);
            return true;
        }
        return false;
    }
    void reserve(const QRect &r) { m_used.push_back(r); }

private:
    QPainter &m_p;
    const TimelineLayout &m_L;
    QFontMetrics m_fm;
    int m_baseline;
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
            m.runs.append({t, false,
                           tr("%1 predicted %2").arg(name, TimelineMath::formatDuration(t))});
        }
        m.serial = runs.serialSeconds(i);
    }
    for (const TimelineRenderOptions::PlannedRun &planned : o.plannedRuns) {
        const double t = planned.prediction.makespan;
        m.runs.append(
                {t, false, tr("%1 predicted %2").arg(planned.name, TimelineMath::formatDuration(t))});
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
    const int baseline = L.markers.top() + (L.markers.height() - 1 - L.lineHeight) / 2 + L.ascent;
    // The strip's name in the label column.
    p.setPen(pal.mutedText);
    p.drawText(QPoint(L.rect.left() + TimelineLayout::padding, baseline),
               QFontMetrics(o.font).elidedText(tr("makespan"), Qt::ElideRight,
                                               L.labelWidth - 2 * TimelineLayout::padding));
    const int midY = L.markers.top() + (L.markers.height() - 1) / 2;
    Row row(p, L, baseline);

    // Runs by x, so the left one is labelled on its left and the right one on its right, outside
    // the bracket between them.
    std::vector<std::pair<int, qsizetype>> order;
    for (qsizetype i = 0; i < m.runs.size(); ++i)
        order.emplace_back(L.x(m.runs.at(i).time), i);
    std::stable_sort(order.begin(), order.end());

    bool differencePlaced = m.difference.isEmpty();
    if (!differencePlaced && order.size() == 2) {
        const int xa = order.front().first;
        const int xb = order.back().first;
        if (visible(L, xa) && visible(L, xb) && xb - xa >= 4) {
            p.setPen(QPen(pal.mutedText, 1));
            p.drawLine(xa, midY, xb, midY);
            p.drawLine(xa, midY - 3, xa, midY + 3);
            p.drawLine(xb, midY - 3, xb, midY + 3);
            const int w = row.width(m.difference);
            const int left = (xa + xb - w) / 2;
            if (left - 4 > xa && left + w + 4 < xb) {
                p.fillRect(QRect(left - 3, L.markers.top(), w + 6, L.markers.height() - 1),
                           pal.background);
                differencePlaced = row.place(m.difference, pal.text, {left});
            }
            row.reserve(QRect(xa, midY - 3, xb - xa + 1, 7));
        }
    }
    for (size_t k = 0; k < order.size(); ++k) {
        const auto [x, i] = order[k];
        const Marker &marker = m.runs.at(i);
        if (!visible(L, x))
            continue;
        QString text = marker.text;
        if (!differencePlaced && i == 1)
            text = tr("%1 (%2)").arg(text, m.difference);
        const int w = row.width(text);
        const QColor colour = marker.measured ? pal.text : pal.mutedText;
        const bool leftOne = order.size() > 1 && k == 0;
        if (leftOne)
            row.place(text, colour, {x - 4 - w, x + 4});
        else
            row.place(text, colour, {x + 4, x - 4 - w});
    }
    if (!m.serialText.isEmpty()) {
        const int x = L.x(m.serial);
        if (visible(L, x)) {
            row.place(m.serialText, pal.mutedText, {x + 4, x - 4 - row.width(m.serialText)});
        } else if (m.serial > L.end) {
            const QString text = tr("%1 \u2192").arg(m.serialText);
            row.place(text, pal.mutedText, {L.rect.right() - 3 - row.width(text)});
        }
    }
    p.restore();
}
