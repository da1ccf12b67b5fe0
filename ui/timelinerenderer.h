#pragma once

#include "schedule.h"
#include "timelinepalette.h"

#include <QCoreApplication>
#include <QFont>
#include <QList>
#include <QRect>

#include <memory>
#include <utility>

class QImage;
class QPainter;
class RunRecord;

enum class TimelineLaneMode { Tasks, Workers };

// Everything one picture of the timeline depends on. The widget fills it from its state; export
// and benchmarks fill it by hand and call TimelineRenderer::renderTimeline().
struct TimelineRenderOptions
{
    QList<std::shared_ptr<const RunRecord>> runs;
    QList<Schedule> predictions; // predictions[i] belongs to runs[i]; missing ones draw no ghosts
    // The time window in scenario seconds; end <= start fits all runs (fitRange()).
    double visibleStart = 0.0;
    double visibleEnd = 0.0;
    TimelineLaneMode laneMode = TimelineLaneMode::Tasks;
    // Pixels per lane. 0 chooses: every lane fits when the runs are large; small runs keep lanes
    // readable (labels) and scroll when they need up to twice the height. fitAllLanes fits every
    // lane into the rect whatever their number (export); below one pixel lanes aggregate per
    // pixel row.
    double laneHeight = 0.0;
    bool fitAllLanes = false;
    int scrollY = 0;
    int selectedRun = -1;
    int selectedTask = -1;
    int hoverRun = -1;
    int hoverLane = -1; // a task index (Tasks) or a worker lane (Workers)
    // Real nanoseconds since the start of the run that is going on (the last run that is not
    // complete): its bars grow up to here and a "now" line is drawn; -1 when nothing is live.
    qint64 liveNowNs = -1;
    TimelinePalette palette = TimelinePalette::light();
    QFont font;
    bool showLegend = true;
    // Summaries of finished runs (merged bars per block of lanes, per worker). The picture is the
    // same without them, pixel for pixel, only slower: off for reference pictures in tests and
    // for comparisons in benchmarks.
    bool levelOfDetail = true;
};

// What is under a point of the picture.
struct TimelineHit
{
    enum class Area { None, Legend, Axis, Header, Label, Lane, Chart };
    Area area = Area::None;
    int run = -1;
    int lane = -1; // task index in Tasks mode, 0-based worker lane in Workers mode
    int task = -1; // the task whose bar (or wait, or ghost) is under the point, -1 for none
    double time = 0.0; // scenario seconds at the point's x
};

// Paints the timeline into any QPainter: a widget, a QImage (PNG export), a QSvgGenerator (SVG
// export), a benchmark. Keeps derived data per run (concurrency steps and their per-block
// extremes, each worker's tasks in start order) and reuses it across paints; a finished run's data
// is computed once, a live run's is extended by the events published since the last paint. Lane
// bars of finished runs are reused while the picture's geometry and window are unchanged.
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
    // The concurrency step function the chart draws for a run (the same as core's
    // concurrencySteps() once the run is finished), and its value at a time in scenario seconds.
    QList<ConcurrencyStep> runSteps(const TimelineRenderOptions &options, int run);
    bool concurrencyAt(const TimelineRenderOptions &options, int run, double seconds, int *running,
                       int *waiting);

    // New events were published: lane geometry is rebuilt at the next paint (live runs follow
    // their records at every paint anyway, in O(new events)).
    void invalidate();
    // Drops all cached data (for benchmarks measuring a cold paint).
    void clearCaches();

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
    // The member uses the cached extents; the static one scans the records.
    std::pair<double, double> fittedRange(const TimelineRenderOptions &options);
    static std::pair<double, double> fitRange(const TimelineRenderOptions &options);

    // One-shot rendering for export and benchmarks: fits the time range when options leave it
    // empty; with fitAllLanes every lane fits into rect (no scrolling).
    static void renderTimeline(QPainter &painter, const QRect &rect,
                               const TimelineRenderOptions &options);
    // Height at which every lane gets naturalLaneHeight() (capped at maxHeight), for an image of
    // the given width; export code sizes its QImage or SVG with it.
    static int preferredHeight(const TimelineRenderOptions &options, int width,
                               int maxHeight = 8192);
    // Convenience for PNG export: an opaque image of the given size (device independent pixels)
    // painted with renderTimeline() and every lane fitted.
    static QImage renderImage(const TimelineRenderOptions &options, const QSize &size,
                              qreal devicePixelRatio = 1.0);

private:
    class Private;
    std::unique_ptr<Private> d;
};
