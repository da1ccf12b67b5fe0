#include "timelinelanespass.h"

#include "rowmerger.h"
#include "runrecord.h"
#include "schedule.h"
#include "timelinerenderoptions.h"
#include "timelineruns.h"

#include <QPainter>
#include <QPen>

#include <algorithm>
#include <cmath>
#include <limits>

using TimelineMath::xToTime;

void TimelineLanesPass::LaneGeometry::clear()
{
    for (auto &v : rects)
        v.clear();
    ghostOutlines.clear();
    hatch.clear();
    permitHatch.clear();
    permitOutlines.clear();
    stripes.clear();
    cancelledEnds.clear();
    failedMarks.clear();
    separators.clear();
}

void TimelineLanesPass::LaneGeometry::addPermitDetail(const QRect &bar)
{
    permitHatch.push_back(bar);
    if (bar.width() >= 3)
        permitOutlines.push_back(bar.adjusted(0, 0, -1, -1));
}

void TimelineLanesPass::LaneGeometry::addDetail(const QRect &bar, BarStyle style, int plotRight)
{
    // A bar cut off by the plot's edge ends further on: no end mark at the edge.
    const bool endShown = bar.right() + 1 < plotRight;
    if (style == CancelledStyle) {
        stripes.push_back(bar);
        if (endShown && bar.width() >= 6)
            cancelledEnds.push_back(QRect(bar.right() - 1, bar.top(), 2, bar.height()));
    } else if (style == FailedStyle) {
        const int inset = std::max(2, bar.height() / 5);
        const int side = bar.height() - 2 * inset;
        if (!endShown || side < 4 || bar.width() < side + 2 * inset)
            return;
        const int x1 = bar.right() - inset;
        const int x0 = x1 - side + 1;
        const int y0 = bar.top() + inset;
        const int y1 = y0 + side - 1;
        failedMarks.emplace_back(x0, y0, x1, y1);
        failedMarks.emplace_back(x0, y1, x1, y0);
    } else if (style == PermitWaitStyle) {
        addPermitDetail(bar);
    }
}

bool TimelineLanesPass::GeometryKey::operator==(const GeometryKey &o) const
{
    return rect == o.rect && content == o.content && start == o.start && end == o.end
           && laneHeight == o.laneHeight && scrollY == o.scrollY && plotLeft == o.plotLeft
           && plotRight == o.plotRight && mode == o.mode && runs == o.runs && events == o.events
           && live == o.live;
}

void TimelineLanesPass::invalidate()
{
    m_geometryValid = false;
}

void TimelineLanesPass::paint(QPainter &p, const TimelineLayout &L, TimelineRuns &runs,
                              const TimelineRenderOptions &o)
{
    p.save();
    p.setClipRect(L.plotRect());
    GeometryKey key{L.rect,     L.content,   L.start,    L.end, L.laneHeight, L.scrollY,
                    L.plotLeft, L.plotRight, o.laneMode, {},    {},           {}};
    for (int i = 0; i < runs.count(); ++i) {
        const RunRecord *record = runs.record(i);
        const bool live = TimelineRuns::isLive(i, o);
        key.runs.push_back(record);
        key.live.push_back(live);
        // Live runs are painted apart every frame; their progress does not invalidate the rest.
        // Another run's bars change only with its events (a start or a finish).
        key.events.push_back(record && !live ? record->publishedEventCount() : -1);
    }
    if (!m_geometryValid || !(key == m_geometryKey)) {
        buildLaneGeometry(L, runs, o);
        m_geometryKey = std::move(key);
        m_geometryValid = true;
    }
    paintLaneGeometry(p, L, o);
    for (const TimelineBlock &b : L.blocks) {
        if (b.run >= 0 && size_t(b.run) < m_geometryKey.live.size()
            && m_geometryKey.live[size_t(b.run)])
            paintLiveBars(p, L, b, runs, o);
    }
    p.restore();
}

void TimelineLanesPass::addRow(int left, int y)
{
    for (int s = 0; s < StyleCount; ++s) {
        std::vector<QRect> &rects = m_geometry.rects[size_t(s)];
        m_coverage.take(s, [&](int x0, int x1) { rects.emplace_back(left + x0, y, x1 - x0, 1); });
    }
}

void TimelineLanesPass::buildLaneGeometry(const TimelineLayout &L, TimelineRuns &runs,
                                          const TimelineRenderOptions &o)
{
    m_geometry.clear();
    m_coverage.reset();
    for (const TimelineBlock &b : L.blocks) {
        // Live runs' bars grow every frame and are painted by paintLiveBars().
        if (TimelineRuns::isLive(b.run, o))
            continue;
        if (o.laneMode == TimelineLaneMode::Tasks)
            buildTaskLanes(L, b, runs, o);
        else
            buildWorkerLanes(L, b, runs, o);
    }
}

void TimelineLanesPass::buildTaskLanes(const TimelineLayout &L, const TimelineBlock &b,
                                       TimelineRuns &runs, const TimelineRenderOptions &o)
{
    const RunRecord &r = *runs.record(b.run);
    const Schedule *prediction = b.run < o.predictions.size() ? &o.predictions.at(b.run) : nullptr;
    const qsizetype tasks = r.taskCount();
    const bool ghosts =
            prediction && prediction->start.size() == tasks && prediction->finish.size() == tasks;
    const double k = scenarioSecondsPerNs(r);
    const qint64 now = runs.nowNs(b.run, o);
    const TimelineLayout::VisibleLanes visible = L.visibleLanes(b);
    if (visible.isEmpty())
        return;
    const auto [clipTop, clipBottom, first, last] = visible;
    const int left = L.plotLeft;
    const int width = L.plotWidth();
    const auto px = [&](double t) { return L.x(t); };
    // Clamps a span to the plot and gives it at least one pixel; false when it is outside.
    const auto span = [&](double t0, double t1, int *x0, int *x1) {
        *x0 = px(t0);
        *x1 = std::max(*x0 + 1, px(t1));
        if (*x1 <= left || *x0 >= left + width)
            return false;
        *x0 = std::max(*x0, left);
        *x1 = std::min(*x1, left + width);
        return true;
    };

    if (L.laneHeight >= 1.0) {
        for (qint64 i = first; i < last; ++i) {
            const int y = L.laneY(b, i);
            const int h = std::max(1, L.laneY(b, i + 1) - y);
            const LaneBox box = LaneBox::of(y, h);
            int x0, x1;
            if (ghosts && span(prediction->start.at(i), prediction->finish.at(i), &x0, &x1)) {
                const QRect g(x0, box.ghostTop, x1 - x0, box.ghostBottom - box.ghostTop);
                m_geometry.rects[GhostStyle].push_back(g);
                if (box.detailed)
                    m_geometry.ghostOutlines.push_back(g.adjusted(0, 0, -1, -1));
            }
            TaskSpans t;
            if (!TaskSpans::read(r, i, now, &t))
                continue;
            if (t.waitTo > t.waitFrom
                && span(double(t.waitFrom) * k, double(t.waitTo) * k, &x0, &x1)) {
                const QRect w(x0, box.waitTop, x1 - x0, box.waitBottom - box.waitTop);
                m_geometry.rects[t.waitStyle].push_back(w);
                if (box.detailed && t.waitStyle == CancelledStyle)
                    m_geometry.addDetail(w, CancelledStyle, left + width);
                else if (box.detailed)
                    m_geometry.hatch.push_back(w);
            }
            // Holding a thread: as tall as a run, since the thread is as busy as when it runs.
            if (t.hasPermitWait()
                && span(double(t.permitFrom) * k, double(t.permitTo) * k, &x0, &x1)) {
                const QRect w(x0, box.runTop, x1 - x0, box.runBottom - box.runTop);
                m_geometry.rects[t.permitStyle].push_back(w);
                if (box.detailed)
                    m_geometry.addDetail(w, t.permitStyle, left + width);
            }
            if (t.runFrom >= 0 && span(double(t.runFrom) * k, double(t.runTo) * k, &x0, &x1)) {
                const QRect run(x0, box.runTop, x1 - x0, box.runBottom - box.runTop);
                m_geometry.rects[t.runStyle].push_back(run);
                if (box.detailed)
                    m_geometry.addDetail(run, t.runStyle, left + width);
            }
        }
        return;
    }

    // Lanes thinner than a pixel: aggregate the lanes of each pixel row.
    LaneSummaries &summaries = runs.summaries(b.run);
    const bool blocks = o.levelOfDetail;
    // A live run's blocks were extended by TimelineRuns::sync(), which every paint calls first.
    if (blocks && runs.progress(b.run).isFinal())
        summaries.ensureTaskBlocks(r, ghosts ? prediction : nullptr);
    const double lanesTop = L.screenY(b.lanesTop);
    for (int y = clipTop; y < clipBottom; ++y) {
        // Lane i belongs to pixel row floor(lanesTop + i * h).
        const qint64 a =
                std::clamp<qint64>(qint64(std::ceil((y - lanesTop) / L.laneHeight)), first, last);
        const qint64 e = std::clamp<qint64>(qint64(std::ceil((y + 1 - lanesTop) / L.laneHeight)),
                                            first, last);
        for (qint64 i = a; i < e; ++i) {
            int x0, x1;
            // Whole blocks of a finished run come from their summaries, the largest that fits.
            bool summarised = false;
            for (int lv = blocks ? LaneSummaries::levels - 1 : -1; lv >= 0 && !summarised; --lv) {
                const qsizetype size = LaneSummaries::blockSize[lv];
                if (i % size != 0 || i + size > e)
                    continue;
                const LaneSummaries::Level &level = summaries.level(lv);
                if (size_t(i / size) >= level.blocks.size())
                    continue; // a live run's open tail: task by task
                const TaskBlock &block = level.blocks[size_t(i / size)];
                if (block.irregular)
                    continue;
                const Interval *interval = level.intervals.data() + block.offset;
                for (int style = 0; style < StyleCount; ++style) {
                    for (int j = 0; j < block.count[size_t(style)]; ++j, ++interval) {
                        // As the union of the bars' own spans: each reaches one pixel past its
                        // start at least, so the latest start decides.
                        x0 = px(interval->from);
                        x1 = std::max({x0 + 1, px(interval->lastStart) + 1, px(interval->to)});
                        if (x1 > left && x0 < left + width)
                            m_coverage.add(style, std::max(x0, left) - left,
                                           std::min(x1, left + width) - left);
                    }
                }
                i += size - 1;
                summarised = true;
            }
            if (summarised)
                continue;
            if (ghosts && span(prediction->start.at(i), prediction->finish.at(i), &x0, &x1))
                m_coverage.add(GhostStyle, x0 - left, x1 - left);
            TaskSpans t;
            if (!TaskSpans::read(r, i, now, &t))
                continue;
            if (t.waitTo > t.waitFrom
                && span(double(t.waitFrom) * k, double(t.waitTo) * k, &x0, &x1))
                m_coverage.add(t.waitStyle, x0 - left, x1 - left);
            if (t.hasPermitWait()
                && span(double(t.permitFrom) * k, double(t.permitTo) * k, &x0, &x1))
                m_coverage.add(t.permitStyle, x0 - left, x1 - left);
            if (t.runFrom >= 0 && span(double(t.runFrom) * k, double(t.runTo) * k, &x0, &x1))
                m_coverage.add(t.runStyle, x0 - left, x1 - left);
        }
        addRow(left, y);
    }
}

void TimelineLanesPass::buildWorkerLanes(const TimelineLayout &L, const TimelineBlock &b,
                                         TimelineRuns &runs, const TimelineRenderOptions &o)
{
    const RunProgress &c = runs.progress(b.run);
    const RunRecord &r = *c.record();
    const std::vector<std::vector<qint32>> &byWorker = c.byWorker();
    LaneSummaries &summaries = runs.summaries(b.run);
    const bool compactLanes = o.levelOfDetail && c.isFinal();
    if (compactLanes)
        summaries.ensureWorkerLanes(r, byWorker);
    const double k = scenarioSecondsPerNs(r);
    const double nsPerSecond = 1.0 / k;
    const qint64 now = runs.nowNs(b.run, o);
    const TimelineLayout::VisibleLanes visible = L.visibleLanes(b);
    if (visible.isEmpty())
        return;
    const auto [clipTop, clipBottom, first, last] = visible;
    const int left = L.plotLeft;
    const int width = L.plotWidth();
    const double windowStartNs = L.start * nsPerSecond;
    const double windowEndNs = L.end * nsPerSecond;
    const auto clampSpan = [&](int *x0, int *x1) {
        if (*x1 <= left || *x0 >= left + width)
            return false;
        *x0 = std::max(*x0, left);
        *x1 = std::min(*x1, left + width);
        return true;
    };

    // Live runs: calls f(x0, x1, style) for the tasks of one worker that intersect the window,
    // reading the record; a worker runs one task at a time, so starts and finishes are sorted.
    const auto forEachVisible = [&](qint64 lane, auto &&f) {
        if (lane >= qint64(byWorker.size()))
            return;
        const std::vector<qint32> &ids = byWorker[size_t(lane)];
        auto it = std::partition_point(ids.begin(), ids.end(), [&](qint32 id) {
            const TaskSample s = r.sample(id);
            return double(s.finishedNs >= 0 ? s.finishedNs : now) < windowStartNs;
        });
        // A thread holds its task from when it picked it (its start in fifo admission).
        const auto end = std::partition_point(it, ids.end(), [&](qint32 id) {
            return double(r.sample(id).pickedNs) <= windowEndNs;
        });
        for (; it != end; ++it) {
            const TaskSample s = r.sample(*it);
            const qint64 to = s.finishedNs >= 0 ? std::max(s.finishedNs, s.startedNs)
                                                : std::max(now, s.startedNs);
            // The permit wait up to the run's first pixel, none when it has no pixel of its own:
            // the run would be drawn over it anyway, and must not be pushed aside by it.
            if (s.pickedNs >= 0 && s.pickedNs < s.startedNs) {
                int x0 = L.x(double(s.pickedNs) * k);
                int x1 = L.x(double(s.startedNs) * k);
                if (x0 < x1 && clampSpan(&x0, &x1))
                    f(x0, x1, PermitWaitStyle);
            }
            int x0 = L.x(double(s.startedNs) * k);
            int x1 = std::max(x0 + 1, L.x(double(to) * k));
            if (!clampSpan(&x0, &x1))
                continue;
            const BarStyle style = s.status == TaskStatus::Failed      ? FailedStyle
                                   : s.status == TaskStatus::Cancelled ? CancelledStyle
                                                                       : RunStyle;
            f(x0, x1, style);
        }
    };

    // Finished runs: the same from the compact lane data, merging every run of tasks that share
    // a pixel with one binary search, so a lane costs O(pixels * log tasks) at any task count.
    // Failed and cancelled tasks are drawn over the merged spans, each with at least one pixel.
    // Bars [start[i], finishMax[i]) in the window: both arrays sorted.
    const auto visibleBars = [&](const std::vector<qint64> &start,
                                 const std::vector<qint64> &finishMax) {
        const auto i = std::partition_point(finishMax.begin(), finishMax.end(),
                                            [&](qint64 f) { return double(f) < windowStartNs; })
                       - finishMax.begin();
        const auto e = std::partition_point(start.begin() + i, start.end(),
                                            [&](qint64 t) { return double(t) <= windowEndNs; })
                       - start.begin();
        return std::pair<qsizetype, qsizetype>(i, e);
    };
    const auto visibleRange = [&](const WorkerLaneData &lane) {
        return visibleBars(lane.start, lane.finishMax);
    };
    const auto mergeBars = [&](const std::vector<qint64> &start,
                               const std::vector<qint64> &finishMax, qsizetype begin, qsizetype end,
                               BarStyle style, auto &&f) {
        qsizetype i = begin;
        while (i < end) {
            int x0 = L.x(double(start[size_t(i)]) * k);
            int x1 = std::max(x0 + 1, L.x(double(finishMax[size_t(i)]) * k));
            qsizetype j = i;
            for (;;) {
                // Tasks that start before the span's last pixel ends extend it.
                const double edge = xToTime(x1 + 0.5, L.start, L.end, left, width) * nsPerSecond;
                const qsizetype next =
                        std::partition_point(start.begin() + j + 1, start.begin() + end,
                                             [&](qint64 t) { return double(t) < edge; })
                        - start.begin();
                if (next <= j + 1)
                    break;
                j = next - 1;
                // The latest start joined gives its own one-pixel minimum, as drawn alone.
                x1 = std::max({x1, L.x(double(finishMax[size_t(j)]) * k),
                               L.x(double(start[size_t(j)]) * k) + 1});
            }
            if (clampSpan(&x0, &x1))
                f(x0, x1, style);
            i = j + 1;
        }
    };
    const auto forEachMerged = [&](const WorkerLaneData &lane, auto &&f) {
        // Permit waits first: a thread's permit waits and runs never overlap, but their merged
        // pixels may, and the run is drawn over the wait, as task by task.
        const auto [permitBegin, permitEnd] = visibleBars(lane.permitFrom, lane.permitTo);
        mergeBars(lane.permitFrom, lane.permitTo, permitBegin, permitEnd, PermitWaitStyle, f);
        const auto [begin, end] = visibleRange(lane);
        mergeBars(lane.start, lane.finishMax, begin, end, RunStyle, f);
        const auto special = std::partition_point(
                lane.special.begin(), lane.special.end(),
                [&](const WorkerLaneData::Special &sp) { return sp.position < begin; });
        for (auto it = special; it != lane.special.end() && it->position < end; ++it) {
            int x0 = L.x(double(lane.start[size_t(it->position)]) * k);
            int x1 = std::max(x0 + 1, L.x(double(it->finish) * k));
            if (clampSpan(&x0, &x1))
                f(x0, x1, BarStyle(it->style));
        }
    };
    const auto compact = [&](qint64 lane) -> const WorkerLaneData * {
        return compactLanes ? summaries.workerLane(lane) : nullptr;
    };

    std::array<RowMerger, StyleCount> mergers;
    for (int s = 0; s < StyleCount; ++s)
        mergers[size_t(s)].out = &m_geometry.rects[size_t(s)];
    // Emits the collected coverage as the spans of pixel rows [y0, y1).
    std::vector<std::pair<int, int>> spans;
    const auto flushCoverage = [&](int y0, int y1) {
        for (int s = 0; s < StyleCount; ++s) {
            spans.clear();
            m_coverage.take(s, [&](int x0, int x1) { spans.emplace_back(left + x0, left + x1); });
            RowMerger &m = mergers[size_t(s)];
            for (int y = y0; y < y1; ++y) {
                m.beginRow(y);
                for (const auto &[x0, x1] : spans)
                    m.span(x0, x1, y);
            }
        }
    };
    const auto addToCoverage = [&](int x0, int x1, BarStyle s) {
        m_coverage.add(s, x0 - left, x1 - left);
    };

    if (L.laneHeight >= 1.0) {
        for (qint64 lane = first; lane < last; ++lane) {
            const int y = L.laneY(b, lane);
            const int h = std::max(1, L.laneY(b, lane + 1) - y);
            const LaneBox box = LaneBox::of(y, h);
            const WorkerLaneData *data = compact(lane);
            qsizetype count = 0;
            if (data) {
                const auto [i, e] = visibleRange(*data);
                count = e - i;
            } else {
                // Tasks, as above: their permit waits do not count.
                forEachVisible(
                        lane, [&](int, int, BarStyle s) { count += s != PermitWaitStyle ? 1 : 0; });
            }
            if (count > width / 2) {
                // More bars than pixels: merged spans, or coverage while the run is live.
                if (data) {
                    forEachMerged(*data, [&](int x0, int x1, BarStyle s) {
                        m_geometry.rects[s].push_back(
                                QRect(x0, box.runTop, x1 - x0, box.runBottom - box.runTop));
                    });
                } else {
                    forEachVisible(lane, addToCoverage);
                    flushCoverage(box.runTop, box.runBottom);
                }
                continue;
            }
            int previousEnd = std::numeric_limits<int>::min();
            BarStyle previousStyle = RunStyle;
            forEachVisible(lane, [&](int x0, int x1, BarStyle s) {
                if (x0 < previousEnd)
                    x0 = std::min(previousEnd, x1 - 1);
                const QRect bar(x0, box.runTop, x1 - x0, box.runBottom - box.runTop);
                m_geometry.rects[s].push_back(bar);
                if (box.detailed)
                    m_geometry.addDetail(bar, s, left + width);
                // Back-to-back tasks: a thin line where one ends and the next begins (not between
                // a task's permit wait and its run).
                if (box.detailed && x0 == previousEnd && x1 - x0 >= 3
                    && previousStyle != PermitWaitStyle)
                    m_geometry.separators.emplace_back(x0, box.runTop, x0, box.runBottom - 1);
                previousEnd = x1;
                previousStyle = s;
            });
        }
        return;
    }

    // Lanes thinner than a pixel: aggregate the workers of each pixel row.
    const double lanesTop = L.screenY(b.lanesTop);
    for (int y = clipTop; y < clipBottom; ++y) {
        const qint64 a =
                std::clamp<qint64>(qint64(std::ceil((y - lanesTop) / L.laneHeight)), first, last);
        const qint64 e = std::clamp<qint64>(qint64(std::ceil((y + 1 - lanesTop) / L.laneHeight)),
                                            first, last);
        for (qint64 lane = a; lane < e; ++lane) {
            if (const WorkerLaneData *data = compact(lane))
                forEachMerged(*data, addToCoverage);
            else
                forEachVisible(lane, addToCoverage);
        }
        addRow(left, y);
    }
}

void TimelineLanesPass::paintLaneGeometry(QPainter &p, const TimelineLayout &L,
                                          const TimelineRenderOptions &o)
{
    const TimelinePalette &pal = o.palette;
    p.setPen(Qt::NoPen);
    const auto fill = [&](const std::vector<QRect> &rects, const QBrush &brush) {
        if (rects.empty())
            return;
        if (brush.style() == Qt::SolidPattern) {
            m_rectFill.fill(p, rects, brush.color());
            return;
        }
        p.setBrush(brush);
        p.drawRects(rects.data(), int(rects.size()));
    };
    // Lanes without alternate shading lie on the plain background: the ghost's translucent
    // colour blended in advance is the same picture, and an opaque fill is far cheaper.
    QColor ghost = pal.predictedFill;
    if (L.laneHeight < 6.0) {
        const double a = ghost.alphaF();
        const QColor &bg = pal.background;
        ghost = QColor::fromRgbF(float(ghost.redF() * a + bg.redF() * (1 - a)),
                                 float(ghost.greenF() * a + bg.greenF() * (1 - a)),
                                 float(ghost.blueF() * a + bg.blueF() * (1 - a)));
    }
    fill(m_geometry.rects[GhostStyle], ghost);
    if (!m_geometry.ghostOutlines.empty()) {
        QPen pen(pal.predicted, pal.lineWidth, Qt::DashLine);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawRects(m_geometry.ghostOutlines.data(), int(m_geometry.ghostOutlines.size()));
        p.setPen(Qt::NoPen);
    }
    fill(m_geometry.rects[WaitStyle], pal.wait);
    fill(m_geometry.hatch, QBrush(pal.waitHatch, Qt::BDiagPattern));
    fill(m_geometry.rects[PermitWaitStyle], pal.permitWait);
    fill(m_geometry.permitHatch, QBrush(pal.permitWaitHatch, Qt::DiagCrossPattern));
    if (!m_geometry.permitOutlines.empty()) {
        p.setPen(QPen(pal.permitWaitEdge, pal.lineWidth));
        p.setBrush(Qt::NoBrush);
        p.drawRects(m_geometry.permitOutlines.data(), int(m_geometry.permitOutlines.size()));
        p.setPen(Qt::NoPen);
    }
    fill(m_geometry.rects[RunStyle], pal.run);
    fill(m_geometry.rects[CancelledStyle], pal.cancelled);
    fill(m_geometry.stripes, QBrush(pal.cancelledStripe, Qt::FDiagPattern));
    fill(m_geometry.cancelledEnds, pal.cancelledStripe);
    fill(m_geometry.rects[FailedStyle], pal.failed);
    if (!m_geometry.failedMarks.empty()) {
        p.setPen(QPen(pal.failedMark, pal.lineWidth + 1, Qt::SolidLine, Qt::FlatCap));
        p.drawLines(m_geometry.failedMarks.data(), int(m_geometry.failedMarks.size()));
        p.setPen(Qt::NoPen);
    }
    if (!m_geometry.separators.empty()) {
        p.setPen(QPen(pal.background, 1));
        p.drawLines(m_geometry.separators.data(), int(m_geometry.separators.size()));
        p.setPen(Qt::NoPen);
    }
}

// The live run changes every frame; it is drawn directly (visible lanes only) rather than cached.
void TimelineLanesPass::paintLiveBars(QPainter &p, const TimelineLayout &L, const TimelineBlock &b,
                                      TimelineRuns &runs, const TimelineRenderOptions &o)
{
    // Built into a buffer of its own (kept between frames), so the cached bars stay untouched.
    std::swap(m_liveGeometry, m_geometry);
    m_geometry.clear();
    m_coverage.reset();
    if (o.laneMode == TimelineLaneMode::Tasks)
        buildTaskLanes(L, b, runs, o);
    else
        buildWorkerLanes(L, b, runs, o);
    paintLaneGeometry(p, L, o);
    std::swap(m_liveGeometry, m_geometry);
}
