#include "timelinelabelspass.h"

#include "runrecord.h"
#include "tasklabel.h"
#include "timelinelayout.h"
#include "timelinerenderoptions.h"
#include "timelineruns.h"
#include "timelinetext.h"

#include <QPainter>

#include <algorithm>
#include <limits>

namespace {

constexpr int padding = TimelineLayout::padding;

void paintBlockLabels(QPainter &p, const TimelineLayout &L, const TimelineBlock &b,
                      const TimelineRuns &runs, const TimelineRenderOptions &o)
{
    const RunRecord &r = *runs.record(b.run);
    const TimelinePalette &pal = o.palette;
    TimelineText &text = *L.text;
    const TimelineLayout::VisibleLanes visible = L.visibleLanes(b);
    if (visible.isEmpty())
        return;
    const auto [clipTop, clipBottom, first, last] = visible;
    const bool tasks = o.laneMode == TimelineLaneMode::Tasks;
    const int numberWidth =
            tasks ? text.advance(o.font, QStringLiteral("#%1").arg(r.taskCount())) : 0;
    const int textWidth = L.labelWidth - 2 * padding;
    const auto drawLabel = [&](qint64 lane, int centerY) {
        const int baselineY = centerY - L.lineHeight / 2 + L.ascent;
        const int x = L.rect.left() + padding;
        if (tasks) {
            const QString number = QStringLiteral("#%1").arg(lane + 1);
            p.setPen(pal.mutedText);
            text.draw(p, QPoint(x + numberWidth - text.advance(o.font, number), baselineY), number);
            const int labelX = x + numberWidth + padding;
            const QString label = text.elided(o.font, taskScreenLabel(r.task(lane)), Qt::ElideRight,
                                              std::max(0, textWidth - numberWidth - padding));
            p.setPen(pal.text);
            text.draw(p, QPoint(labelX, baselineY), label);
        } else {
            // An opened trace names its lanes after its threads ("process / thread").
            const QString name = r.workerName(int(lane + 1));
            p.setPen(pal.text);
            text.draw(p, QPoint(x, baselineY),
                      text.elided(o.font,
                                  name.isEmpty() ? TimelineLabelsPass::tr("worker %1").arg(lane + 1)
                                                 : name,
                                  Qt::ElideMiddle, textWidth));
        }
    };
    if (L.laneHeight >= L.lineHeight) {
        for (qint64 i = first; i < last; ++i) {
            const int y = L.laneY(b, i);
            drawLabel(i, y + (L.laneY(b, i + 1) - y) / 2);
        }
        return;
    }
    // Thin lanes: label every k-th lane (k a 1-2-5 number) with room for the text, with a tick.
    const qint64 step = TimelineMath::niceCount((L.lineHeight + 4) / L.laneHeight);
    // Label lane 0 and then the multiples of the step, numbered as people count (#1, #step, ...).
    // A label near the block's edge moves inside it rather than being clipped.
    int previousBottom = std::numeric_limits<int>::min();
    for (qint64 m = (first + step - 1) / step * step; m < last; m += step) {
        const qint64 lane = m == 0 ? 0 : m - 1;
        const int y = L.laneY(b, lane);
        const int h = std::max(1, L.laneY(b, lane + 1) - y);
        const int cy = y + h / 2;
        const int labelY =
                std::clamp(cy, clipTop + L.lineHeight / 2, clipBottom - (L.lineHeight + 1) / 2);
        if (labelY - L.lineHeight / 2 < previousBottom || clipBottom - clipTop < L.lineHeight)
            continue;
        p.setPen(pal.separator);
        p.drawLine(L.plotLeft - 4, cy, L.plotLeft - 1, cy);
        drawLabel(lane, labelY);
        previousBottom = labelY + (L.lineHeight + 1) / 2 + 2;
    }
}

} // namespace

void TimelineLabelsPass::paint(QPainter &p, const TimelineLayout &L, const TimelineRuns &runs,
                               const TimelineRenderOptions &o)
{
    const TimelinePalette &pal = o.palette;
    // Labels left of the plot, on the lanes' own shading.
    for (const TimelineBlock &b : L.blocks)
        paintBlockLabels(p, L, b, runs, o);
    p.setPen(pal.separator);
    p.drawLine(L.plotLeft - 1, L.content.top(), L.plotLeft - 1, L.content.bottom());
    // A thin line between lanes and chart.
    for (const TimelineBlock &b : L.blocks) {
        const int y = L.screenY(b.chartTop);
        p.drawLine(L.rect.left(), y, L.rect.right(), y);
    }
}
