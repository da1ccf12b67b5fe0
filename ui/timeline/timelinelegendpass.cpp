#include "timelinelegendpass.h"

#include "timelinebarlabelspass.h"
#include "timelinelayout.h"
#include "timelinerenderoptions.h"
#include "timelinetext.h"

#include <QPainter>
#include <QPen>

#include <algorithm>

namespace {

// The cross the lanes draw at the end of a failed bar (TimelineLanesPass).
void paintFailedMark(QPainter &p, const QRect &s, const TimelinePalette &pal)
{
    const int side = std::max(4, s.height() - 4);
    const int x0 = s.right() - 1 - side;
    const int y0 = s.center().y() - side / 2;
    p.setPen(QPen(pal.failedMark, pal.lineWidth + 1, Qt::SolidLine, Qt::FlatCap));
    p.drawLine(x0, y0, x0 + side - 1, y0 + side - 1);
    p.drawLine(x0, y0 + side - 1, x0 + side - 1, y0);
    p.setPen(Qt::NoPen);
}

} // namespace

void TimelineLegendPass::paint(QPainter &p, const TimelineLayout &L, const TimelineRuns &,
                               const TimelineRenderOptions &o)
{
    using LegendItem = TimelineLegendItem;
    if (!o.showLegend)
        return;
    const TimelinePalette &pal = o.palette;
    p.fillRect(L.legend, pal.panel);
    for (const LegendItem &item : L.legendItems) {
        const QRect s = item.swatch;
        const int mid = s.top() + s.height() / 2;
        p.setPen(Qt::NoPen);
        switch (item.kind) {
        case LegendItem::Wait:
            p.fillRect(s.adjusted(0, 2, 0, -2), pal.wait);
            p.fillRect(s.adjusted(0, 2, 0, -2), QBrush(pal.waitHatch, Qt::BDiagPattern));
            break;
        case LegendItem::PermitWait:
            p.fillRect(s, pal.permitWait);
            p.fillRect(s, QBrush(pal.permitWaitHatch, Qt::DiagCrossPattern));
            p.setPen(QPen(pal.permitWaitEdge, pal.lineWidth));
            p.setBrush(Qt::NoBrush);
            p.drawRect(s.adjusted(0, 0, -1, -1));
            break;
        case LegendItem::Run:
            p.fillRect(s, pal.run);
            break;
        case LegendItem::CpuRun:
        case LegendItem::HttpRun: {
            // A bar of that kind with its mark, as the lanes draw it.
            p.fillRect(s, pal.run);
            const int side = std::min(s.height() - 2, s.width() - 4);
            TimelineBarLabelsPass::paintKindMark(
                    p, QRect(s.left() + 2, s.top() + (s.height() - side) / 2, side, side),
                    item.kind == LegendItem::CpuRun ? TaskKind::Cpu : TaskKind::Http, pal.runMark,
                    pal.lineWidth);
            break;
        }
        case LegendItem::Predicted:
            p.fillRect(s, pal.predictedFill);
            p.setPen(QPen(pal.predicted, pal.lineWidth, Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            p.drawRect(s.adjusted(0, 0, -1, -1));
            break;
        case LegendItem::Failed:
            p.fillRect(s, pal.failed);
            paintFailedMark(p, s, pal);
            break;
        case LegendItem::Cancelled:
            p.fillRect(s, pal.cancelled);
            p.fillRect(s, QBrush(pal.cancelledStripe, Qt::FDiagPattern));
            p.fillRect(QRect(s.right() - 1, s.top(), 2, s.height()), pal.cancelledStripe);
            break;
        case LegendItem::Running:
            p.fillRect(s.adjusted(0, s.height() / 3, 0, 0), pal.runningArea);
            p.setPen(QPen(pal.runningLine, pal.lineWidth));
            p.drawLine(s.left(), s.top() + s.height() / 3, s.right(), s.top() + s.height() / 3);
            break;
        case LegendItem::Waiting: {
            QPen pen(pal.waitingLine, pal.lineWidth + 1);
            pen.setCapStyle(Qt::FlatCap);
            p.setPen(pen);
            p.drawLine(s.left(), mid, s.right() + 1, mid);
            break;
        }
        case LegendItem::Limit:
            p.setPen(QPen(pal.limit, pal.lineWidth, Qt::DashLine));
            p.drawLine(s.left(), mid, s.right(), mid);
            break;
        case LegendItem::Now:
            p.fillRect(QRect(s.center().x() - 1, s.top() - 1, 2, s.height() + 2), pal.now);
            break;
        }
        p.setPen(pal.text);
        L.text->draw(p, item.textPos, item.text);
    }
}
