#pragma once

#include "gatesteps.h"
#include "lanesummaries.h"
#include "runprogress.h"
#include "timelinetext.h"

#include <QString>

#include <memory>
#include <utility>
#include <vector>

struct TimelineRenderOptions;

// The runs a timeline shows, each with its RunProgress (the session's model of the run when the
// options carry it; otherwise one the timeline follows itself, for exports and pictures of runs
// nobody else follows) and its lane summaries. Follows the options' runs (sync()), keeping the
// data of runs it already had.
// What the timeline derives from a complete run to draw it (lane summaries, gate steps), built
// on any thread from the record and its prediction alone: the session's finish work builds it
// beside the run's final data, so the first paint of a finished run does not.
struct FinishedRunDrawing
{
    LaneSummaries summaries;
    GateSteps gates;
    static FinishedRunDrawing build(const RunRecord &record, const Schedule &prediction);
};

class TimelineRuns
{
public:
    // Matches the options' runs, brings their data up to date (a live run in O(new events)) and
    // grows a live run's lane summaries, so the run's end finds most of them built.
    void sync(const TimelineRenderOptions &o);
    int count() const { return int(m_runs.size()); }

    const RunProgress &progress(int run) const { return *m_runs[size_t(run)].progress; }
    const RunRecord *record(int run) const { return m_runs[size_t(run)].record.get(); }
    LaneSummaries &summaries(int run) { return m_runs[size_t(run)].summaries; }
    // Drawing data built elsewhere for a complete run: it replaces the run's own, now or when
    // sync() first meets the run.
    void adoptDrawing(const std::shared_ptr<const RunRecord> &record, FinishedRunDrawing &&drawing);
    // Each gate's running tasks, for the chart; the renderer brings them up to date.
    GateSteps &gateSteps(int run) { return m_runs[size_t(run)].gateSteps; }
    const GateSteps &gateSteps(int run) const { return m_runs[size_t(run)].gateSteps; }

    // While a live clock runs, every incomplete run follows it (the run going on, or the runs of
    // a replay, which share one clock).
    static bool isLive(int run, const TimelineRenderOptions &o);
    // The last live run, or -1 when none is.
    static int liveRun(const TimelineRenderOptions &o);
    // Where open bars end: the live clock for a live run, otherwise the latest timestamp.
    qint64 nowNs(int run, const TimelineRenderOptions &o) const;
    // Task lanes, or pool threads (at least the run's thread count).
    qint64 laneCount(int run, const TimelineRenderOptions &o) const;
    // Whether a run has CPU tasks, and its serial time (its tasks' durations summed, in scenario
    // seconds); read once per record.
    bool hasCpuTasks(int run) const { return (kinds(run) & (1 << int(TaskKind::Cpu))) != 0; }
    double serialSeconds(int run) const { return m_runs[size_t(run)].serial; }
    // [0, end] covering every run's measured and predicted extent, the planned runs' predictions
    // (TimelineRenderOptions::plannedRuns) and liveNowNs, with a margin.
    std::pair<double, double> fittedRange(const TimelineRenderOptions &o) const;
    // The widest task label of a run in this font (measured once per font).
    int maxLabelWidth(int run, const QFont &font);
    // The widest of the run's worker names (an opened trace's threads) in `font`, measured once;
    // at least 4,096 px stands for anything wider than a label column.
    int maxWorkerNameWidth(int run, const QFont &font);
    // Bit (1 << TaskKind) set for each kind of task the run has: the legend's kind entries.
    int kinds(int run) const { return m_runs[size_t(run)].kinds; }
    // Whether some task of the run carries a message (delayed print): the printed strip.
    bool hasMessages(int run) const { return m_runs[size_t(run)].messages; }
    // The tasks with a message that finished ok, in the order they finished (ties by task):
    // what the printed strip shows. Rebuilt when more tasks finished; empty without messages.
    const std::vector<qint32> &printedOrder(int run);
    // The renderer's shaped texts (TimelineLayout::text).
    TimelineText &text() { return m_text; }

private:
    struct Run
    {
        std::shared_ptr<const RunRecord> record;
        std::shared_ptr<const RunProgress> progress;
        std::shared_ptr<RunProgress> own; // progress, when the timeline follows the run itself
        LaneSummaries summaries;
        GateSteps gateSteps;
        int maxLabelWidth = -1;
        QFont labelFont; // of maxLabelWidth
        int maxWorkerNameWidth = -1;
        QStringList measuredWorkerNames; // shared with the record's while they are the same
        QFont workerNameFont; // of maxWorkerNameWidth
        double serial = 0.0;
        int kinds = 0; // bit (1 << TaskKind) per kind of task the run has
        bool messages = false; // some task carries a message
        std::vector<qint32> printed;
        qsizetype printedFinished = -1; // finished tasks when printed was built
    };
    std::vector<Run> m_runs;
    TimelineText m_text;
    // Adopted drawing data of runs sync() has not met yet (a few at most; the oldest go first).
    std::vector<std::pair<std::shared_ptr<const RunRecord>, FinishedRunDrawing>> m_adopted;
};
