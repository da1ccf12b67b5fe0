#pragma once

#include "schedule.h"
#include "timelinerenderoptions.h"

#include <QCoreApplication>
#include <QList>
#include <QRect>

#include <memory>
#include <vector>

struct FinishedRunDrawing;
class RunRecord;
#include <utility>

class QFont;
class QPainter;

// Paints the timeline into any QPainter: a widget, a QImage (PNG export), a QSvgGenerator (SVG
// export), a benchmark. A dispatcher: it brings the runs' derived data up to date
// (TimelineRuns), computes one TimelineLayout per paint and runs the passes over it (background,
// lanes, selection, chart, labels, headers, now line, legend, axis); hit testing and the lane and
// bar rectangles use the same layout. Derived data and finished runs' lane bars are kept across
// paints, so keep one renderer per view; a fresh renderer paints from a cold start.
//
// Level of detail: only visible lanes and the visible time window are visited; every item gets at
// least one pixel; neighbours that share a pixel merge; lanes thinner than a pixel are aggregated
// per pixel row and the concurrency chart per pixel column (min/max), so the cost is bounded by
// the picture's size, not by the task count, except for one pass over the visible tasks.
class TimelineRenderer
{
    Q_DECLARE_TR_FUNCTIONS(TimelineRenderer)
public:
    TimelineRenderer();
    ~TimelineRenderer();
    TimelineRenderer(const TimelineRenderer &) = delete;
    TimelineRenderer &operator=(const TimelineRenderer &) = delete;

    void paint(QPainter &painter, const QRect &rect, const TimelineRenderOptions &options);
    TimelineHit hitTest(const QPoint &point, const QRect &rect,
                        const TimelineRenderOptions &options);

    // Screen rectangle of a lane (label column included; may lie outside the view) and of a task's
    // bar (its run bar, or its wait bar when it never started; empty when not in view).
    QRect laneRect(const QRect &rect, const TimelineRenderOptions &options, int run, qint64 lane);
    QRect taskBarRect(const QRect &rect, const TimelineRenderOptions &options, int run, int task);
    // The texts the picture writes on and beside bars (results, worker lanes' task numbers, the
    // printed strip's messages), where it writes them.
    std::vector<TimelineBarText> barTexts(const QRect &rect, const TimelineRenderOptions &o);
    // The concurrency step function the chart draws for a run (the same as core's
    // concurrencySteps() once the run is finished), and its value at a time in scenario seconds.
    QList<ConcurrencyStep> runSteps(const TimelineRenderOptions &options, int run);
    // The drawing data of a complete run (lane summaries, gate steps), built on any thread (the
    // session's finish work), and its hand-over on the renderer's thread: the first paint of the
    // finished run reads it instead of building it (~20 ms for 100,000 tasks, ~90 ms with gates,
    // on the window's thread before).
    static std::shared_ptr<FinishedRunDrawing> buildDrawing(const RunRecord &record,
                                                            const Schedule &prediction);
    void adoptDrawing(const std::shared_ptr<const RunRecord> &record, FinishedRunDrawing &&drawing);
    bool concurrencyAt(const TimelineRenderOptions &options, int run, double seconds, int *running,
                       int *waiting);

    // Running tasks of each of a run's gates at a time in scenario seconds, in RunOptions::gates
    // order (as the chart's gate lines show them); empty for a run without gates.
    QList<int> gatesRunningAt(const TimelineRenderOptions &options, int run, double seconds);

    // New events were published: lane geometry is rebuilt at the next paint (live runs follow
    // their records at every paint anyway, in O(new events)).
    void invalidate();

    // Height of all runs' content (without legend and axis); the widget's scroll range.
    int contentHeight(const QRect &rect, const TimelineRenderOptions &options);
    // The part of rect where runs scroll (below legend and axis), and the data columns' x range.
    QRect contentRect(const QRect &rect, const TimelineRenderOptions &options);
    QRect plotRect(const QRect &rect, const TimelineRenderOptions &options);
    // Lane height that fits every lane into rect (at most naturalLaneHeight()), and the height the
    // options lead to.
    double fitLaneHeight(const QRect &rect, const TimelineRenderOptions &options);
    double effectiveLaneHeight(const QRect &rect, const TimelineRenderOptions &options);
    // A lane height at which labels are readable in this font.
    static int naturalLaneHeight(const QFont &font);

    // [0, end] covering every run's measured and predicted extent (and liveNowNs), with a margin.
    std::pair<double, double> fittedRange(const TimelineRenderOptions &options);

private:
    class Private;
    std::unique_ptr<Private> d;
};
