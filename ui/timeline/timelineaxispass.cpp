#include "timelineaxispass.h"

#include "timelinelayout.h"
#include "timelinerenderoptions.h"
#include "timelinetext.h"

#include <QLine>
#include <QPainter>
#include <QPen>

#include <algorithm>
#include <limits>
#include <vector>

namespace {

constexpr int padding = TimelineLayout::padding;

} // namespace

TimelineMath::Ticks TimelineAxisPass::ticks(const TimelineLayout &L, const QFont &font)
{
    // Ticks far enough apart for their widest label.
    const int width = L.plotWidth();
    TimelineMath::Ticks ticks = TimelineMath::ticks(L.start, L.end, width, 90);
    for (int pass = 0; pass < 2 && ticks.count > 0; ++pass) {
        int widest = 0;
        for (int i = 0; i < ticks.count; ++i)
            widest = std::max(widest, L.text->advance(font, TimelineMath::tickLabel(ticks, i)));
        const double spacing = ticks.step * width / (L.end - L.start);
        if (spacing >= widest + 16)
            break;
        ticks = TimelineMath::ticks(L.start, L.end, width, widest + 16);
    }

    return ticks;
}

void TimelineAxisPass::paint(QPainter &p, const TimelineLayout &L, const TimelineRuns &,
                             const TimelineRenderOptions &o)
{
    const TimelineMath::Ticks &ticks = L.ticks;
    const TimelinePalette &pal = o.palette;
    p.fillRect(L.axis, pal.panel);
    p.setPen(pal.separator);
    p.drawLine(L.axis.left(), L.axis.bottom(), L.axis.right(), L.axis.bottom());
    if (o.showLegend)
        p.drawLine(L.axis.left(), L.axis.top(), L.axis.right(), L.axis.top());
    TimelineText &text = *L.text;
    const int baselineY = L.axis.top() + (L.axis.height() - L.lineHeight) / 2 + L.ascent;
    // The lane kind names the label column.
    p.setPen(pal.mutedText);
    const QString what = o.laneMode == TimelineLaneMode::Tasks ? tr("tasks") : tr("workers");
    text.draw(p, QPoint(L.rect.left() + padding, baselineY),
              text.elided(o.font, what, Qt::ElideRight, L.labelWidth - 2 * padding));

    p.save();
    p.setClipRect(
            QRect(L.plotLeft, L.axis.top(), L.rect.right() + 1 - L.plotLeft, L.axis.height()));
    const int width = L.plotWidth();
    const double pxPerStep = ticks.step * width / (L.end - L.start);
    // Minor ticks when there is room.
    const int minor = TimelineMath::minorDivisions(ticks.step);
    std::vector<QLine> lines;
    if (pxPerStep / minor >= 6.0) {
        for (int i = -1; i < ticks.count; ++i) {
            for (int m = 1; m < minor; ++m) {
                const int x = L.x(ticks.value(i) + ticks.step * m / minor);
                if (x >= L.plotLeft && x < L.plotRight)
                    lines.emplace_back(x, L.axis.bottom() - 3, x, L.axis.bottom() - 1);
            }
        }
    }
    for (int i = 0; i < ticks.count; ++i) {
        const int x = L.x(ticks.value(i));
        lines.emplace_back(x, L.axis.bottom() - 7, x, L.axis.bottom() - 1);
    }
    p.setPen(pal.mutedText);
    if (!lines.empty())
        p.drawLines(lines.data(), int(lines.size()));
    p.setPen(pal.text);
    int previousRight = std::numeric_limits<int>::min();
    for (int i = 0; i < ticks.count; ++i) {
        const int x = L.x(ticks.value(i));
        const QString label = TimelineMath::tickLabel(ticks, i);
        const int w = text.advance(o.font, label);
        // Labels sit right of their tick; one that would pass the edge sits left of it, or is
        // dropped when that runs into its neighbour.
        int left = x + 4;
        if (left + w > L.rect.right() - 1)
            left = x - 4 - w;
        if (left < previousRight + 8 || left < L.plotLeft)
            continue;
        text.draw(p, QPoint(left, baselineY - 2), label);
        previousRight = left + w;
    }
    p.restore();
}
