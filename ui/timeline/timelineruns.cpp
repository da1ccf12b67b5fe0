#include "timelineruns.h"

#include "runrecord.h"
#include "timelinerenderoptions.h"

#include <QFontMetrics>
#include <QSet>

#include <algorithm>

void TimelineRuns::sync(const TimelineRenderOptions &o)
{
    std::vector<Run> next(size_t(o.runs.size()));
    for (qsizetype i = 0; i < o.runs.size(); ++i) {
        std::shared_ptr<const RunProgress> shared =
                i < o.progress.size() ? o.progress.at(i) : nullptr;
        if (shared && shared->record() != o.runs.at(i))
            shared = nullptr;
        const auto it = std::find_if(m_runs.begin(), m_runs.end(), [&](const Run &r) {
            return r.record == o.runs.at(i) && (!shared || r.progress == shared);
        });
        Run &run = next[size_t(i)];
        if (it != m_runs.end()) {
            run = std::move(*it);
            continue;
        }
        run.record = o.runs.at(i);
        if (run.record) {
            // One pass over the tasks for everything the views read of them, in a new run's
            // first frame.
            for (qsizetype t = 0; t < run.record->taskCount(); ++t) {
                const Task &task = run.record->task(t);
                run.serial += task.duration;
                run.kinds |= 1 << int(task.kind);
                run.messages = run.messages || !task.message().isEmpty();
            }
        }
        const auto adopted = std::find_if(m_adopted.begin(), m_adopted.end(),
                                          [&](const auto &a) { return a.first == run.record; });
        if (adopted != m_adopted.end()) {
            run.summaries = std::move(adopted->second.summaries);
            run.gateSteps = std::move(adopted->second.gates);
            m_adopted.erase(adopted);
        }
        if (shared) {
            run.progress = shared;
        } else if (run.record) {
            const Schedule prediction = i < o.predictions.size() ? o.predictions.at(i) : Schedule();
            run.own = std::make_shared<RunProgress>(run.record, prediction);
            run.progress = run.own;
        }
    }
    m_runs = std::move(next);
    const bool clockRunning = o.liveNowNs >= 0;
    for (qsizetype i = 0; i < qsizetype(m_runs.size()); ++i) {
        Run &run = m_runs[size_t(i)];
        if (!run.record)
            continue;
        if (run.own && !run.own->isFinal()) {
            // Followed here: live while a clock runs for it, final from the record's samples once
            // it is complete and the clock has stopped.
            if (run.record->isComplete() && !clockRunning)
                run.own->setFinal(RunProgress::finalData(*run.record, run.own->prediction()));
            else
                run.own->update();
        }
        if (!run.progress->isFinal() && o.levelOfDetail && o.laneMode == TimelineLaneMode::Tasks) {
            const Schedule *prediction = i < o.predictions.size() ? &o.predictions.at(i) : nullptr;
            run.summaries.extendLive(*run.record, prediction);
        }
    }
}

FinishedRunDrawing FinishedRunDrawing::build(const RunRecord &record, const Schedule &prediction)
{
    FinishedRunDrawing drawing;
    drawing.summaries.ensureTaskBlocks(record, &prediction);
    drawing.gates.sync(record, true);
    return drawing;
}

void TimelineRuns::adoptDrawing(const std::shared_ptr<const RunRecord> &record,
                                FinishedRunDrawing &&drawing)
{
    if (!record)
        return;
    for (Run &run : m_runs) {
        if (run.record == record) {
            run.summaries = std::move(drawing.summaries);
            run.gateSteps = std::move(drawing.gates);
            return;
        }
    }
    constexpr size_t kept = 4;
    if (m_adopted.size() >= kept)
        m_adopted.erase(m_adopted.begin());
    m_adopted.emplace_back(record, std::move(drawing));
}

bool TimelineRuns::isLive(int run, const TimelineRenderOptions &o)
{
    return o.liveNowNs >= 0 && run >= 0 && run < o.runs.size() && o.runs.at(run)
           && !o.runs.at(run)->isComplete();
}

int TimelineRuns::liveRun(const TimelineRenderOptions &o)
{
    for (int i = int(o.runs.size()) - 1; i >= 0; --i) {
        if (isLive(i, o))
            return i;
    }
    return -1;
}

qint64 TimelineRuns::nowNs(int run, const TimelineRenderOptions &o) const
{
    if (isLive(run, o))
        return std::max(o.liveNowNs, progress(run).lastNs());
    return progress(run).lastNs();
}

qint64 TimelineRuns::laneCount(int run, const TimelineRenderOptions &o) const
{
    const RunRecord *r = record(run);
    if (!r)
        return 0;
    const qsizetype n = r->taskCount();
    if (o.laneMode == TimelineLaneMode::Tasks)
        return n;
    if (n == 0)
        return 0;
    return std::max<qint64>(r->options().effectiveThreads(n),
                            qint64(progress(run).byWorker().size()));
}

std::pair<double, double> TimelineRuns::fittedRange(const TimelineRenderOptions &o) const
{
    double end = 0.0;
    for (int i = 0; i < count(); ++i) {
        const RunRecord *r = record(i);
        if (!r)
            continue;
        if (i < o.predictions.size())
            end = std::max(end, o.predictions.at(i).makespan);
        const qint64 last = progress(i).lastNs();
        end = std::max(end,
                       r->toScenarioSeconds(isLive(i, o) ? std::max(o.liveNowNs, last) : last));
    }
    for (const TimelineRenderOptions::PlannedRun &planned : o.plannedRuns)
        end = std::max(end, planned.prediction.makespan);
    if (!(end > 0.0))
        end = 1.0;
    return {0.0, end * 1.03};
}

int TimelineRuns::maxLabelWidth(int run, const QFont &font)
{
    Run &r = m_runs[size_t(run)];
    if (r.maxLabelWidth < 0 || r.labelFont != font) {
        const QFontMetrics fm(font);
        // Labels of huge runs repeat a few durations; the first thousand show the widest, and
        // each distinct one is measured once.
        const RunRecord &record = *r.record;
        int m = 0;
        const qsizetype n = std::min<qsizetype>(record.taskCount(), 1000);
        QSet<QString> measured;
        for (qsizetype i = 0; i < n; ++i) {
            const QString label = record.task(i).displayLabel();
            if (!measured.contains(label)) {
                measured.insert(label);
                m = std::max(m, fm.horizontalAdvance(label));
            }
        }
        r.maxLabelWidth = m;
        r.labelFont = font;
    }
    return r.maxLabelWidth;
}

int TimelineRuns::maxWorkerNameWidth(int run, const QFont &font)
{
    Run &r = m_runs[size_t(run)];
    const QStringList &names = r.record->workerNames();
    // The same list shared is equal at once (QList compares its data pointers first).
    if (r.maxWorkerNameWidth < 0 || r.measuredWorkerNames != names || r.workerNameFont != font) {
        // Every paint lays out the label column: a trace of thousands of threads measured each
        // name every time.
        const QFontMetrics fm(font);
        int m = 0;
        for (const QString &name : names) {
            m = std::max(m, fm.horizontalAdvance(name));
            if (m >= 4096)
                break;
        }
        r.maxWorkerNameWidth = m;
        r.measuredWorkerNames = names;
        r.workerNameFont = font;
    }
    return r.maxWorkerNameWidth;
}

const std::vector<qint32> &TimelineRuns::printedOrder(int run)
{
    Run &r = m_runs[size_t(run)];
    if (!r.messages || r.printedFinished == r.record->finishedCount())
        return r.printed;
    const RunRecord &record = *r.record;
    r.printedFinished = record.finishedCount();
    r.printed.clear();
    std::vector<std::pair<qint64, qint32>> finished;
    for (qsizetype i = 0; i < record.taskCount(); ++i) {
        if (record.task(i).message().isEmpty())
            continue;
        const TaskSample s = record.sample(i);
        if (s.status == TaskStatus::Ok && s.finishedNs >= 0)
            finished.emplace_back(s.finishedNs, qint32(i));
    }
    std::sort(finished.begin(), finished.end());
    r.printed.reserve(finished.size());
    for (const auto &f : finished)
        r.printed.push_back(f.second);
    return r.printed;
}
