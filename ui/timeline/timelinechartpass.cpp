#include "timelinechartpass.h"

#include "gatesteps.h"
#include "runprogress.h"
#include "runrecord.h"
#include "taskspans.h"
#include "timelinelayout.h"
#include "timelinerenderoptions.h"
#include "timelineruns.h"
#include "timelinetext.h"

#include <QFontMetrics>
#include <QLine>
#include <QLocale>
#include <QPainter>
#include <QPen>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

using TimelineMath::xToTime;

namespace {

constexpr int padding = TimelineLayout::padding;
constexpr int stepBlock = StepBlocks::size;
constexpr int gateSampleWidth = TimelineLayout::gateSampleWidth;

struct Column
{
    int maxR, minR, maxW, minW;
    bool valid;
};

// Min and max of running and waiting per pixel column of the plot, over the column's time span,
// from the per-block extremes where a block fits. liveNowNs >= 0: columns after it are invalid.
// A value that holds for no time (a live run's several steps at one instant) counts for neither;
// a waiting value held for less than half a column counts only at the column's end: tasks
// submitted and picked up within an instant (an unlimited run's start) wait for nothing one
// could see, and drew a spike.
void columnsOf(std::vector<Column> &cols, const QList<ConcurrencyStep> &steps,
               const StepBlocks &blocks, const TimelineLayout &L, double nsPerSecond,
               qint64 liveNowNs)
{
    const qsizetype n = steps.size();
    const int width = L.plotWidth();
    cols.resize(static_cast<size_t>(width));
    const auto nsAt = [&](int x) {
        return xToTime(double(x), L.start, L.end, L.plotLeft, width) * nsPerSecond;
    };
    const double briefWaitNs = 0.5 * (L.end - L.start) / std::max(1, width) * nsPerSecond;
    // How long step k holds, from `from` on.
    const auto holds = [&](qsizetype k, double from) {
        return k + 1 < n ? double(steps.at(k + 1).ns) - std::max(from, double(steps.at(k).ns))
                         : std::numeric_limits<double>::infinity();
    };
    double t0 = nsAt(L.plotLeft);
    qsizetype idx =
            std::partition_point(steps.begin(), steps.end(),
                                 [&](const ConcurrencyStep &s) { return double(s.ns) <= t0; })
            - steps.begin() - 1;
    for (int col = 0; col < width; ++col) {
        const double t1 = nsAt(L.plotLeft + col + 1);
        Column &column = cols[size_t(col)];
        column.valid = t1 > 0.0 && (liveNowNs < 0 || t0 <= double(liveNowNs));
        const ConcurrencyStep current = idx >= 0 ? steps.at(idx) : ConcurrencyStep{0, 0, 0};
        column.maxR = column.minR = current.running;
        const bool seen = idx < 0 || holds(idx, t0) >= briefWaitNs;
        column.maxW = seen ? current.waiting : std::numeric_limits<int>::min();
        column.minW = seen ? current.waiting : std::numeric_limits<int>::max();
        while (idx + 1 < n && double(steps.at(idx + 1).ns) < t1) {
            const qsizetype next = idx + 1;
            if (!blocks.isEmpty() && next % stepBlock == 0 && next + stepBlock <= n
                && double(steps.at(next + stepBlock - 1).ns) < t1) {
                const auto block = size_t(next / stepBlock);
                column.maxR = std::max(column.maxR, blocks.maxRunning[block]);
                column.minR = std::min(column.minR, blocks.minRunning[block]);
                column.maxW = std::max(column.maxW, blocks.maxWaiting[block]);
                column.minW = std::min(column.minW, blocks.minWaiting[block]);
                idx += stepBlock;
                continue;
            }
            idx = next;
            const double held = holds(idx, t0);
            if (held <= 0.0)
                continue;
            const ConcurrencyStep &s = steps.at(idx);
            column.maxR = std::max(column.maxR, s.running);
            column.minR = std::min(column.minR, s.running);
            if (held >= briefWaitNs) {
                column.maxW = std::max(column.maxW, s.waiting);
                column.minW = std::min(column.minW, s.waiting);
            }
        }
        // The value at the column's end is always seen (it is where the next column starts).
        const int last = idx >= 0 ? steps.at(idx).waiting : 0;
        column.maxW = std::max(column.maxW, last);
        column.minW = std::min(column.minW, last);
        t0 = t1;
    }
}

void paintChart(QPainter &p, const TimelineLayout &L, const TimelineBlock &b,
                const TimelineRuns &runs, const TimelineRenderOptions &o)
{
    const RunProgress &c = runs.progress(b.run);
    const RunRecord &r = *c.record();
    const TimelinePalette &pal = o.palette;
    const int top = L.screenY(b.chartTop);
    if (top > L.content.bottom() || top + b.chartHeight < L.content.top())
        return;
    const int innerTop = top + L.lineHeight / 2 + 4;
    const int baseline = top + b.chartHeight - 6;
    const int limit = r.options().isLimited() ? r.options().limit : 0;
    const TimelineChartPass::Scale scale =
            TimelineChartPass::scale(c, TimelineChartPass::cores(runs, b.run, o));
    const auto yFor = [&](qint64 v, qint64 max) {
        const double f = std::min(double(v), double(max) * 1.04) / double(max);
        return baseline - int(std::lround(f * double(baseline - innerTop)));
    };
    const auto yOf = [&](qint64 v) { return yFor(v, scale.runningMax); };
    const auto yOfWaiting = [&](qint64 v) { return yFor(v, scale.waitingMax); };
    const qint64 yMax = scale.runningMax;

    // Grid: baseline and the scale's top.
    p.setPen(QPen(pal.grid, 1));
    p.drawLine(L.plotLeft, yOf(yMax), L.plotRight - 1, yOf(yMax));
    p.setPen(QPen(pal.separator, 1));
    p.drawLine(L.plotLeft, baseline, L.plotRight - 1, baseline);

    // Per pixel column: min and max of running and waiting over the column's time span.
    const double nsPerSecond = 1.0 / scenarioSecondsPerNs(r);
    const qint64 now = runs.nowNs(b.run, o);
    const bool live = TimelineRuns::isLive(b.run, o);
    const int width = L.plotWidth();
    std::vector<Column> cols;
    columnsOf(cols, c.steps(), c.stepBlocks(), L, nsPerSecond, live ? now : -1);

    // Running: a step area, lighter between a column's minimum and maximum (hand-overs of a slot
    // dip for an instant), with its outline at the maximum. Waiting: a line, with a vertical
    // stroke from minimum to maximum where a column holds several values.
    std::vector<QRect> area, core;
    std::vector<QLine> runLines, waitLines;
    const auto outline = [&](std::vector<QLine> &lines, auto maxOf, auto minOf, auto y,
                             bool envelope) {
        int prevY = -1;
        int segStart = -1, segY = -1;
        for (int col = 0; col <= width; ++col) {
            const bool valid = col < width && cols[size_t(col)].valid;
            const int v = valid ? maxOf(cols[size_t(col)]) : 0;
            const int yv = valid ? y(v) : -1;
            const int x = L.plotLeft + col;
            if (yv != segY) {
                if (segStart >= 0 && segY != baseline)
                    lines.emplace_back(segStart, segY, x - 1, segY);
                if (valid && prevY >= 0 && prevY != yv)
                    lines.emplace_back(x, prevY, x, yv);
                segStart = valid ? x : -1;
                segY = yv;
            }
            if (valid && envelope) {
                const int vMin = minOf(cols[size_t(col)]);
                if (vMin != v)
                    lines.push_back(QLine(x, y(vMin), x, yv));
            }
            prevY = yv;
        }
    };
    const auto fillArea = [&](std::vector<QRect> &rects, auto valueOf) {
        int segStart = -1, segV = -1;
        for (int col = 0; col <= width; ++col) {
            const bool valid = col < width && cols[size_t(col)].valid;
            const int v = valid ? valueOf(cols[size_t(col)]) : 0;
            if (v != segV || !valid) {
                if (segStart >= 0 && segV > 0) {
                    const int y = yOf(segV);
                    rects.emplace_back(segStart, y, L.plotLeft + col - segStart, baseline - y);
                }
                segStart = valid ? L.plotLeft + col : -1;
                segV = valid ? v : -1;
            }
        }
    };
    fillArea(area, [](const Column &cl) { return cl.maxR; });
    fillArea(core, [](const Column &cl) { return cl.minR; });
    outline(
            runLines, [](const Column &cl) { return cl.maxR; },
            [](const Column &cl) { return cl.minR; }, yOf, false);
    outline(
            waitLines, [](const Column &cl) { return cl.maxW; },
            [](const Column &cl) { return cl.minW; }, yOfWaiting, true);

    p.save();
    p.setClipRect(QRect(L.plotLeft, top, width, b.chartHeight).intersected(L.content));
    p.setPen(Qt::NoPen);
    // Two half-strength layers: the palette's colour where the column's minimum holds, lighter
    // where only its maximum reaches.
    QColor half = pal.runningArea;
    half.setAlphaF(float(1.0 - std::sqrt(1.0 - double(pal.runningArea.alphaF()))));
    p.setBrush(half);
    if (!area.empty())
        p.drawRects(area.data(), int(area.size()));
    if (!core.empty())
        p.drawRects(core.data(), int(core.size()));
    p.setPen(QPen(pal.runningLine, pal.lineWidth));
    if (!runLines.empty())
        p.drawLines(runLines.data(), int(runLines.size()));
    QPen waitPen(pal.waitingLine, pal.lineWidth + 1);
    waitPen.setCapStyle(Qt::FlatCap);
    p.setPen(waitPen);
    if (!waitLines.empty())
        p.drawLines(waitLines.data(), int(waitLines.size()));
    if (limit > 0) {
        QPen limitPen(pal.limit, pal.lineWidth, Qt::DashLine);
        p.setPen(limitPen);
        p.drawLine(L.plotLeft, yOf(limit), L.plotRight - 1, yOf(limit));
    }
    if (scale.cores > 0) {
        p.setPen(QPen(pal.mutedText, pal.lineWidth, Qt::DotLine));
        p.drawLine(L.plotLeft, yOf(scale.cores), L.plotRight - 1, yOf(scale.cores));
    }
    // Each gate: its limit dashed, its running tasks as a line (with the column's range where it
    // holds several values), in the gate's colour and dash, on the running scale.
    const QList<Gate> &gates = r.options().gates;
    const std::vector<GateSteps::Gate> &gateSteps = runs.gateSteps(b.run).gates();
    for (qsizetype g = 0; g < gates.size() && size_t(g) < gateSteps.size(); ++g) {
        const int gateLimit = gates.at(g).limit;
        if (gateLimit <= yMax) {
            p.setPen(TimelineChartPass::gatePen(pal, int(g), true));
            p.drawLine(L.plotLeft, yOf(gateLimit), L.plotRight - 1, yOf(gateLimit));
        }
        const GateSteps::Gate &gate = gateSteps[size_t(g)];
        columnsOf(cols, gate.steps, gate.blocks, L, nsPerSecond, live ? now : -1);
        std::vector<QLine> gateLines;
        outline(
                gateLines, [](const Column &cl) { return cl.maxR; },
                [](const Column &cl) { return cl.minR; }, yOf, true);
        p.setPen(TimelineChartPass::gatePen(pal, int(g), false));
        if (!gateLines.empty())
            p.drawLines(gateLines.data(), int(gateLines.size()));
    }
    p.restore();

    // Scale and names in the label column: never over the data.
    const QFontMetrics fm(o.font);
    TimelineText &shaped = *L.text;
    const int right = L.plotLeft - padding;
    const auto labelAt = [&](int y, const QString &text, const QColor &color) {
        p.setPen(color);
        const int w = shaped.advance(o.font, text);
        shaped.draw(p, QPoint(right - w, y - L.lineHeight / 2 + L.ascent), text);
        return QRect(right - w, y - L.lineHeight / 2, w, L.lineHeight);
    };
    // The limit's and each gate's label ("cpu \u2264 2", with a sample of the gate's line) beside
    // their lines, in the lines' order from the top, a line apart at least (limits close together
    // push each other up or down); what does not fit is left out.
    struct Bound
    {
        int y; // where its line is
        int gate; // -1: the global limit, -2: the cores
        QString text;
    };
    std::vector<Bound> bounds;
    if (limit > 0)
        bounds.push_back({yOf(limit), -1, TimelineChartPass::tr("limit %1").arg(limit)});
    if (scale.cores > 0)
        bounds.push_back({yOf(scale.cores), -2,
                          scale.cores == 1 ? TimelineChartPass::tr("1 core")
                                           : TimelineChartPass::tr("%1 cores").arg(scale.cores)});
    for (qsizetype g = 0; g < gates.size(); ++g) {
        const int gateLimit = gates.at(g).limit;
        const int room =
                right - (L.rect.left() + padding) - gateSampleWidth - 4
                - fm.horizontalAdvance(
                        TimelineChartPass::tr("%1 \u2264 %2").arg(QString()).arg(gateLimit));
        const QString name = fm.elidedText(gates.at(g).name, Qt::ElideMiddle,
                                           std::max(room, fm.averageCharWidth()));
        bounds.push_back({yOf(std::min<qint64>(gateLimit, yMax)), int(g),
                          TimelineChartPass::tr("%1 \u2264 %2").arg(name).arg(gateLimit)});
    }
    std::stable_sort(bounds.begin(), bounds.end(),
                     [](const Bound &u, const Bound &v) { return u.y < v.y; });
    std::vector<int> wanted;
    for (const Bound &bound : bounds)
        wanted.push_back(bound.y);
    const std::vector<int> placed =
            TimelineMath::stackLabels(wanted, L.lineHeight, top, top + b.chartHeight);
    std::vector<QRect> used;
    for (size_t i = 0; i < bounds.size(); ++i) {
        const int y = placed[i];
        if (y == std::numeric_limits<int>::min())
            continue;
        const Bound &bound = bounds[i];
        if (bound.gate < 0) {
            used.push_back(labelAt(y, bound.text, bound.gate == -1 ? pal.limit : pal.mutedText));
            continue;
        }
        QRect slot = labelAt(y, bound.text, pal.gates[size_t(bound.gate) % pal.gates.size()]);
        slot.setLeft(slot.left() - 4 - gateSampleWidth);
        p.setPen(TimelineChartPass::gatePen(pal, bound.gate, false));
        p.drawLine(slot.left(), y, slot.left() + gateSampleWidth - 1, y);
        used.push_back(slot);
    }
    const auto freeAt = [&](int y) {
        const QRect row(L.rect.left(), y - L.lineHeight / 2, L.labelWidth, L.lineHeight);
        return std::none_of(used.begin(), used.end(),
                            [&](const QRect &u) { return u.intersects(row); });
    };
    if (freeAt(yOf(yMax)))
        used.push_back(labelAt(yOf(yMax), QLocale().toString(yMax), pal.mutedText));
    if (freeAt(baseline))
        used.push_back(labelAt(baseline, QStringLiteral("0"), pal.mutedText));
    // The waiting line's own scale, on the right in its colour.
    if (scale.waitingOwnScale) {
        p.setPen(pal.waitingLine);
        const int x = L.plotRight + 3;
        shaped.draw(p, QPoint(x, yOfWaiting(scale.waitingMax) - L.lineHeight / 2 + L.ascent),
                    QLocale().toString(scale.waitingMax));
        shaped.draw(p, QPoint(x, baseline - L.lineHeight / 2 + L.ascent), QStringLiteral("0"));
    }
    // The chart's name, left-aligned in the first free slot beside the scale labels: top,
    // middle, upper, lower.
    const auto place = [&](const QString &text, const QColor &color) {
        const int w = shaped.advance(o.font, text);
        const int mid = (innerTop + baseline) / 2;
        for (int y : {innerTop, mid, (innerTop + mid) / 2, (mid + baseline) / 2, baseline}) {
            const QRect slot(L.rect.left() + padding, y - L.lineHeight / 2, w, L.lineHeight);
            if (slot.top() < top || slot.bottom() > top + b.chartHeight || slot.right() > right)
                continue;
            if (std::any_of(used.begin(), used.end(), [&](const QRect &u) {
                    return u.adjusted(-padding / 2, 0, 0, 0).intersects(slot);
                }))
                continue;
            p.setPen(color);
            shaped.draw(p, QPoint(slot.left(), slot.top() + L.ascent), text);
            used.push_back(slot);
            return;
        }
    };
    place(TimelineChartPass::tr("concurrency"), pal.text);
}

} // namespace

QPen TimelineChartPass::gatePen(const TimelinePalette &pal, int gate, bool limit)
{
    const QColor &colour = pal.gates[size_t(gate) % pal.gates.size()];
    if (limit) {
        // Shorter dashes than the global limit's, in the gate's colour.
        QPen pen(colour, pal.lineWidth, Qt::CustomDashLine);
        pen.setDashPattern({2, 3});
        return pen;
    }
    // Colour and dash both vary, so gates differ without colour too; none is solid, as the
    // running and waiting lines are. Past the colours the dashes shift by one, so the first 36
    // gates each have a pair of their own. In units of the pen's width.
    static const QList<qreal> dashes[] = {{1, 1.5}, {4, 2},   {4, 1.5, 1, 1.5},
                                          {8, 2},   {1, 3.5}, {4, 1.5, 1, 1.5, 1, 1.5}};
    const size_t colours = pal.gates.size();
    QPen pen(colour, pal.lineWidth + 1, Qt::CustomDashLine);
    pen.setDashPattern(dashes[(size_t(gate) + size_t(gate) / colours) % std::size(dashes)]);
    pen.setCapStyle(Qt::FlatCap);
    return pen;
}

TimelineChartPass::Scale TimelineChartPass::scale(const RunProgress &c, int cores)
{
    const RunRecord &r = *c.record();
    const qsizetype tasks = r.taskCount();
    const int limit = r.options().isLimited() ? r.options().limit : 0;
    const int slotCount = tasks > 0 ? r.options().slotCount(tasks) : 1;
    qint64 running = std::max({c.maxRunning(), limit, slotCount, 1});
    Scale scale;
    // The core line is drawn when it fits without squashing the running tasks' area.
    if (cores > 0 && cores <= 2 * running) {
        scale.cores = cores;
        running = std::max<qint64>(running, cores);
    }
    scale.waitingPeak = std::max<qint64>(c.maxWaiting(), tasks - slotCount);
    // Waiting tasks share the scale unless they dwarf the running ones (a million queued behind a
    // limit of 8): then they get their own, labelled on the right, and the running area keeps its
    // height.
    scale.waitingOwnScale = scale.waitingPeak > 3 * running;
    if (scale.waitingOwnScale) {
        scale.runningMax = TimelineMath::niceScale(double(running));
        scale.waitingMax = TimelineMath::niceScale(double(scale.waitingPeak));
    } else {
        scale.runningMax = scale.waitingMax =
                TimelineMath::niceScale(double(std::max(running, scale.waitingPeak)));
    }
    return scale;
}

int TimelineChartPass::cores(const TimelineRuns &runs, int run, const TimelineRenderOptions &o)
{
    if (!runs.hasCpuTasks(run))
        return 0;
    return o.cores > 0 ? o.cores : std::max(1, QThread::idealThreadCount());
}

int TimelineChartPass::rightAxisWidth(const TimelineRuns &runs, const TimelineRenderOptions &o)
{
    const QFontMetrics fm(o.font);
    int width = 0;
    for (int i = 0; i < runs.count(); ++i) {
        if (!runs.record(i))
            continue;
        const Scale s = scale(runs.progress(i), cores(runs, i, o));
        if (s.waitingOwnScale)
            width = std::max(width, fm.horizontalAdvance(QLocale().toString(s.waitingMax)) + 6);
    }
    return width;
}

void TimelineChartPass::paint(QPainter &p, const TimelineLayout &L, const TimelineRuns &runs,
                              const TimelineRenderOptions &o)
{
    for (const TimelineBlock &b : L.blocks)
        paintChart(p, L, b, runs, o);
}
