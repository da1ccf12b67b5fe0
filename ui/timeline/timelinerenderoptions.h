#pragma once

#include "schedule.h"
#include "timelinepalette.h"

#include <QFont>
#include <QList>
#include <QRect>
#include <QString>

#include <memory>

class RunProgress;
class RunRecord;

enum class TimelineLaneMode { Tasks, Workers };

// Everything one picture of the timeline depends on. The widget fills it from its state; export
// and benchmarks fill it by hand and paint it with a TimelineRenderer.
struct TimelineRenderOptions
{
    QList<std::shared_ptr<const RunRecord>> runs;
    QList<Schedule> predictions; // predictions[i] belongs to runs[i]; missing ones draw no ghosts
    // progress[i] is the session's model of runs[i] (RunSession::runProgress()); for a run without
    // one the timeline derives its own.
    QList<std::shared_ptr<const RunProgress>> progress;
    // Runs of the session that have not started yet (a comparison's second run while the first
    // goes on), after `runs`: the window fits their predictions from the start, and the makespan
    // markers show them.
    struct PlannedRun
    {
        QString name;
        Schedule prediction;
    };
    QList<PlannedRun> plannedRuns;
    // The time window in scenario seconds; end <= start fits all runs (fittedRange()).
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
    // The processors CPU tasks share, for the chart's core line; 0: QThread::idealThreadCount().
    int cores = 0;
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

// Text the timeline writes on or beside its bars, where it wrote it: a finished task's result
// after its bar, a task's number on its block in worker lanes, a message in the printed strip.
struct TimelineBarText
{
    enum class Kind { Result, TaskNumber, Printed };
    Kind kind = Kind::Result;
    int run = -1;
    int task = -1;
    QRect rect; // screen pixels the text takes
    QString text;
    bool onBar = false; // written on its bar (in the bar's mark colour), not beside it
};
