#include "timelineprintedpass.h"

#include "runrecord.h"
#include "taskspans.h"
#include "timelinelayout.h"
#include "timelineruns.h"

#include <QFontMetrics>
#include <QPainter>

#include <algorithm>
#include <array>

namespace {

constexpr qsizetype maxMessageChars = 24;
constexpr int rows = 2;

QString messageText(const QString &message)
{
    QString text = message.simplified();
    if (text.size() > maxMessageChars)
        text = text.left(maxMessageChars - 1) + QChar(0x2026);
    return text;
}

QString numberText(int task)
{
    return QStringLiteral("#%1").arg(task + 1);
}

} // namespace

std::vector<TimelineBarText> TimelinePrintedPass::place(const TimelineLayout &L, TimelineRuns &runs,
                                                        const TimelineRenderOptions &o)
{
    std::vector<TimelineBarText> out;
    const QFontMetrics fm(o.font);
    for (const TimelineBlock &b : L.blocks) {
        if (b.printedHeight == 0 || !runs.record(b.run))
            continue;
        const int top = L.screenY(b.printedTop);
        if (top + b.printedHeight <= L.content.top() || top > L.content.bottom())
            continue;
        const RunRecord &r = *runs.record(b.run);
        const std::vector<qint32> &order = runs.printedOrder(b.run);
        const double k = scenarioSecondsPerNs(r);
        const auto xOf = [&](qint32 task) { return L.x(double(r.sample(task).finishedNs) * k); };
        std::array<int, rows> rowEnd;
        rowEnd.fill(L.plotLeft);
        auto it = std::partition_point(order.begin(), order.end(),
                                       [&](qint32 task) { return xOf(task) < L.plotLeft; });
        while (it != order.end()) {
            const int x = xOf(*it);
            if (x >= L.plotRight)
                break;
            if (x < rowEnd[0] && x < rowEnd[1]) {
                // Both rows taken here: on to the first finish with room in one of them.
                const int free = *std::min_element(rowEnd.begin(), rowEnd.end());
                it = std::partition_point(it, order.end(),
                                          [&](qint32 task) { return xOf(task) < free; });
                continue;
            }
            const QString text =
                    messageText(r.task(*it).message()) + QLatin1Char(' ') + numberText(*it);
            const int w = fm.horizontalAdvance(text);
            // Right of its tick, or left of it at the plot's end (the last finish of a fitted run).
            const int left = x + 3 + w <= L.plotRight ? x + 3 : x - 3 - w;
            for (int row = 0; row < rows; ++row) {
                if (x < rowEnd[size_t(row)] || left < rowEnd[size_t(row)])
                    continue;
                out.push_back({TimelineBarText::Kind::Printed, b.run, int(*it),
                               QRect(left, top + 3 + row * L.lineHeight, w, L.lineHeight), text});
                rowEnd[size_t(row)] =
                        std::max(x + 1, left + w) + fm.horizontalAdvance(QLatin1Char(' '));
                break;
            }
            ++it;
        }
    }
    return out;
}

void TimelinePrintedPass::paint(QPainter &p, const TimelineLayout &L, TimelineRuns &runs,
                                const TimelineRenderOptions &o)
{
    const TimelinePalette &pal = o.palette;
    const QFontMetrics fm(o.font);
    for (const TimelineBlock &b : L.blocks) {
        if (b.printedHeight == 0)
            continue;
        const QRect strip(L.rect.left(), L.screenY(b.printedTop), L.rect.width(), b.printedHeight);
        if (!strip.intersects(L.content))
            continue;
        p.fillRect(strip, pal.panel);
        p.setPen(pal.separator);
        p.drawLine(strip.left(), strip.top(), strip.right(), strip.top());
        p.setPen(pal.mutedText);
        p.drawText(QPoint(L.rect.left() + TimelineLayout::padding, strip.top() + 3 + L.ascent),
                   fm.elidedText(tr("printed"), Qt::ElideRight,
                                 L.labelWidth - 2 * TimelineLayout::padding));
    }
    const std::vector<TimelineBarText> texts = place(L, runs, o);
    p.save();
    p.setClipRect(L.plotRect());
    for (const TimelineBarText &t : texts) {
        // A tick at the finish, then the message and, muted, the task's number.
        const RunRecord &r = *runs.record(t.run);
        const int x = L.x(double(r.sample(t.task).finishedNs) * scenarioSecondsPerNs(r));
        p.setPen(pal.text);
        p.drawLine(x, t.rect.top(), x, t.rect.bottom());
        const QString number = numberText(t.task);
        const QString message = t.text.left(t.text.size() - number.size() - 1);
        p.drawText(QPoint(t.rect.left(), t.rect.top() + L.ascent), message);
        p.setPen(pal.mutedText);
        p.drawText(QPoint(t.rect.left() + fm.horizontalAdvance(message + QLatin1Char(' ')),
                          t.rect.top() + L.ascent),
                   number);
    }
    p.restore();
}
