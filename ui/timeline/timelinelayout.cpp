#include "timelinelayout.h"

#include "runrecord.h"
#include "timelinechartpass.h"
#include "timelinerenderoptions.h"
#include "timelineruns.h"
#include "timelinetext.h"

#include <QFontMetrics>

#include <algorithm>
#include <functional>
#include <tuple>
#include <utility>

namespace {

constexpr int padding = TimelineLayout::padding;

// The widths of the layout's fixed texts (titles, legend items, the widest task number) come from
// the renderer's TimelineText: every paint computes the layout, and shaping its ~10 texts again
// was ~8 % of a small run's live frame (perf, bench_render's CPU-bound runs).
using Advance = std::function<int(const QString &)>;

int measureLabelWidth(const Advance &advance, const TimelineRenderOptions &o, TimelineRuns &runs,
                      int width)
{
    // Room for the chart's title beside a scale number, and for the limit's label.
    int w = std::max(advance(TimelineLayout::tr("concurrency")) + padding
                             + advance(QStringLiteral("0000")),
                     advance(TimelineLayout::tr("limit %1").arg(99999)));
    const int cap = std::max(100, width * 3 / 10);
    qsizetype maxTasks = 0;
    qint64 maxLanes = 0;
    for (int r = 0; r < runs.count(); ++r) {
        const RunRecord *record = runs.record(r);
        if (!record)
            continue;
        // A gate's name and limit beside a sample of its line (TimelineChartPass), names elided
        // past the column's width.
        for (const Gate &gate : record->options().gates)
            w = std::max(w,
                         advance(TimelineLayout::tr("%1 \u2264 %2").arg(gate.name).arg(gate.limit))
                                 + 4 + TimelineLayout::gateSampleWidth);
        maxTasks = std::max(maxTasks, record->taskCount());
        maxLanes = std::max(maxLanes, runs.laneCount(r, o));
        if (o.laneMode == TimelineLaneMode::Tasks)
            w = std::max(w, advance(QStringLiteral("#%1").arg(maxTasks)) + padding
                                    + runs.maxLabelWidth(r, o.font));
        // Worker names (an opened trace's threads), up to the column's cap, which elides them.
        else
            w = std::max(w, runs.maxWorkerNameWidth(r, o.font));
    }
    if (o.laneMode == TimelineLaneMode::Workers)
        w = std::max(w,
                     advance(TimelineLayout::tr("worker %1").arg(std::max<qint64>(maxLanes, 1))));
    w += 2 * padding + 2; // 2: elidedText() measures in fractions and may round up
    return std::clamp(w, 60, cap);
}

} // namespace

LaneBox LaneBox::of(int y, int h)
{
    LaneBox box;
    if (h >= 8) {
        const int inset = std::max(2, int(std::lround(h * 0.16)));
        const int waitInset = std::max(inset + 1, int(std::lround(h * 0.32)));
        box = {y + inset,     y + h - inset,     y + waitInset, y + h - waitInset,
               y + inset - 1, y + h - inset + 1, true};
    } else {
        box = {y, y + h, y, y + h, y, y + h, false};
    }
    return box;
}

int TimelineLayout::naturalLaneHeight(const QFont &font)
{
    return QFontMetrics(font).height() + 8;
}

TimelineLayout TimelineLayout::compute(const QRect &rect, const TimelineRenderOptions &o,
                                       TimelineRuns &runs)
{
    TimelineLayout L;
    L.rect = rect;
    L.text = &runs.text();
    const QFontMetrics fm(o.font);
    const Advance advance = [&](const QString &text) { return L.text->advance(o.font, text); };
    L.lineHeight = fm.height();
    L.ascent = fm.ascent();

    // Legend: one or more rows of swatch + text, flowing left to right.
    int y = rect.top();
    if (o.showLegend) {
        using Item = TimelineLegendItem;
        const int rowHeight = L.lineHeight + 8;
        const int swatchW = std::max(14, L.lineHeight);
        const int swatchH = std::max(8, L.lineHeight * 2 / 3);
        const std::pair<Item::Kind, QString> kinds[] = {
                {Item::Wait, tr("wait")},
                {Item::PermitWait, tr("holding a thread, waiting for a permit")},
                {Item::Run, tr("run")},
                {Item::CpuRun, tr("CPU task")},
                {Item::HttpRun, tr("HTTP task")},
                {Item::Predicted, tr("predicted")},
                {Item::Failed, tr("failed")},
                {Item::Cancelled, tr("cancelled")},
                {Item::Running, tr("running tasks")},
                {Item::Waiting, tr("waiting tasks")},
                {Item::Limit, tr("limit")},
                {Item::Now, tr("now")},
        };
        bool permitWaits = false;
        for (int r = 0; r < runs.count() && !permitWaits; ++r) {
            if (const RunRecord *record = runs.record(r))
                permitWaits = runs.summaries(r).hasPermitWaits(*record, runs.nowNs(r, o));
        }
        // Kinds are told apart by a mark on their bars: named only when some shown run has them.
        int taskKinds = 0;
        for (int r = 0; r < runs.count(); ++r)
            taskKinds |= runs.record(r) ? runs.kinds(r) : 0;
        int x = rect.left() + padding;
        int row = 0;
        for (const auto &[kind, text] : kinds) {
            if (kind == Item::Now && TimelineRuns::liveRun(o) < 0)
                continue;
            if (kind == Item::PermitWait && !permitWaits)
                continue;
            if ((kind == Item::CpuRun && !(taskKinds & (1 << int(TaskKind::Cpu))))
                || (kind == Item::HttpRun && !(taskKinds & (1 << int(TaskKind::Http)))))
                continue;
            // Worker lanes show runs only: waits have no worker, predictions no thread.
            if (o.laneMode == TimelineLaneMode::Workers
                && (kind == Item::Wait || kind == Item::Predicted))
                continue;
            const int itemW = swatchW + 5 + advance(text);
            if (x + itemW > rect.right() - padding && x > rect.left() + padding) {
                x = rect.left() + padding;
                ++row;
            }
            const int top = y + row * rowHeight;
            Item item{kind, text, QRect(x, top + (rowHeight - swatchH) / 2, swatchW, swatchH),
                      QPoint(x + swatchW + 5, top + (rowHeight - L.lineHeight) / 2 + L.ascent)};
            L.legendItems.push_back(item);
            x += itemW + 16;
        }
        L.legend = QRect(rect.left(), y, rect.width(), (row + 1) * rowHeight);
        y += L.legend.height();
    }
    L.axis = QRect(rect.left(), y, rect.width(), L.lineHeight + 12);
    y += L.axis.height();
    if (runs.count() > 0) {
        L.markers = QRect(rect.left(), y, rect.width(), 2 * (L.lineHeight + 2) + 1);
        y += L.markers.height();
    }
    L.content = QRect(rect.left(), y, rect.width(), std::max(0, rect.bottom() + 1 - y));

    L.labelWidth = measureLabelWidth(advance, o, runs, rect.width());
    L.plotLeft = rect.left() + L.labelWidth;
    const int rightAxis = TimelineChartPass::rightAxisWidth(runs, o);
    L.plotRight = std::max(L.plotLeft + 1, rect.right() + 1 - std::max(padding, rightAxis));

    if (o.visibleEnd > o.visibleStart) {
        L.start = o.visibleStart;
        L.end = o.visibleEnd;
    } else {
        std::tie(L.start, L.end) = runs.fittedRange(o);
    }

    const int headerHeight = L.lineHeight + 8;
    int chartHeight = std::max(64, 4 * L.lineHeight + 8);
    // A row of the label column for each gate's name (up to six, more share the rows left).
    qsizetype gateRows = 0;
    for (int r = 0; r < runs.count(); ++r) {
        if (const RunRecord *record = runs.record(r))
            gateRows = std::max(gateRows, std::min<qsizetype>(record->options().gates.size(), 6));
    }
    if (gateRows > 0)
        chartHeight =
                std::max(chartHeight, int(3 + gateRows) * L.lineHeight + L.lineHeight / 2 + 10);
    qint64 totalLanes = 0;
    for (int r = 0; r < runs.count(); ++r)
        totalLanes += runs.laneCount(r, o);
    const int runCount = runs.count();
    // Two rows of messages, so neighbours that finish close together both show.
    const int printedHeight = 2 * L.lineHeight + 6;
    int fixed = runCount * (headerHeight + chartHeight + blockGap);
    for (int r = 0; r < runCount; ++r)
        fixed += runs.record(r) && runs.hasMessages(r) ? printedHeight : 0;
    const double natural = naturalLaneHeight(o.font);
    const double available = std::max(1, L.content.height() - fixed);
    L.scrollY = std::max(0, o.scrollY);
    if (o.fitAllLanes) {
        L.laneHeight = totalLanes > 0 ? std::min(natural, available / double(totalLanes)) : natural;
        L.scrollY = 0;
    } else if (o.laneHeight > 0.0) {
        L.laneHeight = o.laneHeight;
    } else {
        const double readable = L.lineHeight + 1;
        L.laneHeight = totalLanes > 0 ? std::min(natural, available / double(totalLanes)) : natural;
        if (L.laneHeight < readable
            && double(totalLanes) * readable <= 2.0 * std::max(1, L.content.height()))
            L.laneHeight = readable;
    }
    // Whole pixels when lanes are a few pixels high, so they look even.
    if (L.laneHeight >= 2.0)
        L.laneHeight = std::floor(L.laneHeight);
    // Room left over when everything fits goes to the charts, up to twice their height.
    if (runCount > 0 && o.laneHeight <= 0.0) {
        const int used = fixed + int(std::ceil(double(totalLanes) * L.laneHeight));
        const int spare = L.content.height() - used;
        if (spare > 0)
            chartHeight += std::min(chartHeight, spare / runCount);
    }

    int top = 0;
    for (int r = 0; r < runCount; ++r) {
        TimelineBlock b;
        b.run = r;
        b.top = top;
        b.headerHeight = headerHeight;
        b.lanesTop = top + headerHeight;
        b.laneCount = runs.laneCount(r, o);
        b.lanesHeight = int(std::ceil(double(b.laneCount) * L.laneHeight));
        b.printedTop = b.lanesTop + b.lanesHeight;
        b.printedHeight = runs.record(r) && runs.hasMessages(r) ? printedHeight : 0;
        b.chartTop = b.printedTop + b.printedHeight;
        b.chartHeight = chartHeight;
        b.bottom = b.chartTop + chartHeight;
        top = b.bottom + blockGap;
        L.blocks.push_back(b);
    }
    L.contentHeight = std::max(0, top - blockGap);
    return L;
}
