#include "timelinebarlabelspass.h"

#include "runrecord.h"
#include "runreport.h"
#include "taskspans.h"
#include "timelinelayout.h"
#include "timelineruns.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPen>

#include <algorithm>

using TimelineMath::xToTime;

namespace {

constexpr qsizetype maxResultChars = 24;
constexpr int textGap = 4; // px between a bar's end and its result

using Placed = TimelineBarLabelsPass::Placed;

bool hasMark(TaskKind kind)
{
    return kind == TaskKind::Cpu || kind == TaskKind::Http;
}

// The mark at the start of a bar, when the bar has room for it beside its own end marks.
void addMark(Placed &out, const QRect &bar, TaskKind kind)
{
    const int side = TimelineBarLabelsPass::markSize(bar.height());
    if (side == 0 || !hasMark(kind) || bar.width() < side + 8)
        return;
    out.marks.push_back(
            {QRect(bar.left() + 3, bar.top() + (bar.height() - side) / 2, side, side), kind});
}

void placeTaskLanes(Placed &out, const TimelineLayout &L, const TimelineBlock &b,
                    TimelineRuns &runs, const TimelineRenderOptions &o, const QFontMetrics &fm)
{
    const TimelineLayout::VisibleLanes visible = L.visibleLanes(b);
    if (visible.isEmpty())
        return;
    const RunRecord &r = *runs.record(b.run);
    const double k = scenarioSecondsPerNs(r);
    const qint64 now = runs.nowNs(b.run, o);
    const bool text = L.laneHeight >= L.lineHeight;
    for (qint64 i = visible.first; i < visible.last; ++i) {
        TaskSpans t;
        if (!TaskSpans::read(r, i, now, &t) || t.runFrom < 0)
            continue;
        const int x0 = std::max(L.x(double(t.runFrom) * k), L.plotLeft);
        const int x1 = std::min(std::max(L.x(double(t.runFrom) * k) + 1, L.x(double(t.runTo) * k)),
                                L.plotRight);
        if (x1 <= L.plotLeft || x0 >= L.plotRight)
            continue;
        const LaneBox box = L.laneBox(b, i);
        if (t.runStyle != CancelledStyle)
            addMark(out, QRect(x0, box.runTop, x1 - x0, box.runBottom - box.runTop),
                    r.task(i).kind);
        // A result after a bar that ends in view, when the rest of the lane has room for it.
        if (!text || t.runStyle != RunStyle || r.status(i) != TaskStatus::Ok || x1 >= L.plotRight)
            continue;
        const QString label = TimelineBarLabelsPass::resultText(r.result(i));
        const int w = fm.horizontalAdvance(label);
        const int x = x1 + textGap;
        if (x + w > L.plotRight - 2)
            continue;
        const int y = L.laneY(b, i);
        const int h = L.laneY(b, i + 1) - y;
        out.texts.push_back({TimelineBarText::Kind::Result, b.run, int(i),
                             QRect(x, y + (h - L.lineHeight) / 2, w, L.lineHeight), label});
    }
}

// Worker lanes hold thousands of blocks each: probes every half label width find each block wide
// enough for a label (it covers two probes) with a binary search, never visiting the slivers.
void placeWorkerLanes(Placed &out, const TimelineLayout &L, const TimelineBlock &b,
                      TimelineRuns &runs, const TimelineRenderOptions &o, const QFontMetrics &fm)
{
    const TimelineLayout::VisibleLanes visible = L.visibleLanes(b);
    if (visible.isEmpty() || L.laneHeight < 8.0)
        return;
    const RunProgress &c = runs.progress(b.run);
    const RunRecord &r = *c.record();
    const std::vector<std::vector<qint32>> &byWorker = c.byWorker();
    const double k = scenarioSecondsPerNs(r);
    const double nsPerSecond = 1.0 / k;
    const qint64 now = runs.nowNs(b.run, o);
    const bool text = L.laneHeight >= L.lineHeight;
    const int numberWidth = fm.horizontalAdvance(QStringLiteral("#%1").arg(r.taskCount())) + 6;
    const int markWidth = TimelineBarLabelsPass::markSize(L.laneBox(b, visible.first).runBottom
                                                          - L.laneBox(b, visible.first).runTop)
                          + 8;
    const int minWidth = std::max(4, text ? std::min(numberWidth, markWidth) : markWidth);
    const int step = std::max(2, minWidth / 2);
    for (qint64 lane = visible.first; lane < visible.last && lane < qint64(byWorker.size());
         ++lane) {
        const std::vector<qint32> &ids = byWorker[size_t(lane)];
        const LaneBox box = L.laneBox(b, lane);
        int x = L.plotLeft;
        while (x < L.plotRight && !ids.empty()) {
            const double t =
                    xToTime(x + 0.5, L.start, L.end, L.plotLeft, L.plotWidth()) * nsPerSecond;
            const auto it = std::partition_point(ids.begin(), ids.end(), [&](qint32 id) {
                return double(r.sample(id).pickedNs) <= t;
            });
            if (it == ids.begin()) {
                x = std::max(x + 1, L.x(double(r.sample(ids.front()).pickedNs) * k));
                continue;
            }
            const qint32 id = *(it - 1);
            const TaskSample s = r.sample(id);
            const qint64 to = s.finishedNs >= 0 ? std::max(s.finishedNs, s.startedNs)
                                                : std::max(now, s.startedNs);
            const int x0 = std::max(L.plotLeft, L.x(double(s.startedNs) * k));
            const int x1 = std::min(L.plotRight, std::max(x0 + 1, L.x(double(to) * k)));
            if (double(to) < t) { // in a gap: on to the next block
                if (it == ids.end())
                    break;
                x = std::max(x + 1, L.x(double(r.sample(*it).pickedNs) * k));
                continue;
            }
            const bool wide = x1 - x0 >= minWidth;
            if (wide && s.startedNs >= 0 && s.status != TaskStatus::Cancelled) {
                const QRect bar(x0, box.runTop, x1 - x0, box.runBottom - box.runTop);
                addMark(out, bar, r.task(id).kind);
                const QString number = QStringLiteral("#%1").arg(id + 1);
                const int w = fm.horizontalAdvance(number);
                const int y = L.laneY(b, lane);
                const int h = L.laneY(b, lane + 1) - y;
                // Centred, or past the mark when the block has room for both.
                int tx = x0 + (x1 - x0 - w) / 2;
                if (!out.marks.empty() && out.marks.back().rect.left() == x0 + 3)
                    tx = std::max(tx, out.marks.back().rect.right() + 4);
                if (text && tx + w <= x1 - 3)
                    out.texts.push_back({TimelineBarText::Kind::TaskNumber, b.run, int(id),
                                         QRect(tx, y + (h - L.lineHeight) / 2, w, L.lineHeight),
                                         number, true});
            }
            // The next block starts at x1 or later; one that is wide enough covers the next probe.
            x = std::max(wide ? x + 1 : x + step, x1);
        }
    }
}

} // namespace

int TimelineBarLabelsPass::markSize(int barHeight)
{
    const int side = std::min(barHeight - 2, 14);
    return side >= 7 ? side : 0;
}

QString TimelineBarLabelsPass::resultText(const QVariant &result)
{
    QString text = RunReport::formatResult(result);
    if (text.size() > maxResultChars)
        text = text.left(maxResultChars - 1) + QChar(0x2026);
    return tr("\u2192 %1").arg(text);
}

TimelineBarLabelsPass::Placed TimelineBarLabelsPass::place(const TimelineLayout &L,
                                                           TimelineRuns &runs,
                                                           const TimelineRenderOptions &o)
{
    Placed out;
    if (L.laneHeight < 8.0)
        return out;
    const QFontMetrics fm(o.font);
    for (const TimelineBlock &b : L.blocks) {
        if (!runs.record(b.run))
            continue;
        if (o.laneMode == TimelineLaneMode::Tasks)
            placeTaskLanes(out, L, b, runs, o, fm);
        else
            placeWorkerLanes(out, L, b, runs, o, fm);
    }
    return out;
}

void TimelineBarLabelsPass::paintKindMark(QPainter &p, const QRect &rect, TaskKind kind,
                                          const QColor &color, int lineWidth)
{
    p.setPen(QPen(color, lineWidth, Qt::SolidLine, Qt::FlatCap));
    p.setBrush(Qt::NoBrush);
    const int l = rect.left(), t = rect.top(), r = rect.right(), b = rect.bottom();
    if (kind == TaskKind::Cpu) {
        // A chip: a solid body with two pins on each side.
        p.fillRect(rect.adjusted(2, 2, -1, -1), color);
        const int a = rect.width() / 3, c = rect.width() - 1 - rect.width() / 3;
        for (const int v : {a, c}) {
            p.drawLine(l, t + v, l + 1, t + v);
            p.drawLine(r - 1, t + v, r, t + v);
            p.drawLine(l + v, t, l + v, t + 1);
            p.drawLine(l + v, b - 1, l + v, b);
        }
    } else if (kind == TaskKind::Http) {
        // A request and its answer: an arrow each way.
        const int y1 = t + rect.height() / 4, y2 = b - rect.height() / 4;
        const int head = std::max(2, rect.height() / 4);
        p.drawLine(l, y1, r, y1);
        p.drawLine(r - head, y1 - head, r, y1);
        p.drawLine(r - head, y1 + head, r, y1);
        p.drawLine(l, y2, r, y2);
        p.drawLine(l + head, y2 - head, l, y2);
        p.drawLine(l + head, y2 + head, l, y2);
    }
}

void TimelineBarLabelsPass::paint(QPainter &p, const TimelineLayout &L, TimelineRuns &runs,
                                  const TimelineRenderOptions &o)
{
    const Placed placed = place(L, runs, o);
    if (placed.texts.empty() && placed.marks.empty())
        return;
    p.save();
    p.setClipRect(L.plotRect());
    for (const KindMark &m : placed.marks)
        paintKindMark(p, m.rect, m.kind, o.palette.runMark, o.palette.lineWidth);
    for (const TimelineBarText &t : placed.texts) {
        p.setPen(t.onBar ? o.palette.runMark : o.palette.text);
        p.drawText(QPoint(t.rect.left(), t.rect.top() + L.ascent), t.text);
    }
    p.restore();
}
