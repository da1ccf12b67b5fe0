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
        const auto it = std::find_if(m_runs.begin(), m_runs.end(), [&](const Run &r) {
            return r.cache.record() == o.runs.at(i);
        });
        if (it != m_runs.end())
            next[size_t(i)] = std::move(*it);
        else
            next[size_t(i)].cache = RunCache(o.runs.at(i));
    }
    m_runs = std::move(next);
    for (qsizetype i = 0; i < qsizetype(m_runs.size()); ++i) {
        Run &run = m_runs[size_t(i)];
        if (!run.cache.record())
            continue;
        if (run.cache.update(o.liveNowNs >= 0))
            run.summaries.clear();
        if (!run.cache.isComplete() && o.levelOfDetail && o.laneMode == TimelineLaneMode::Tasks) {
            const Schedule *prediction = i < o.predictions.size() ? &o.predictions.at(i) : nullptr;
            run.summaries.extendLive(*run.cache.record(), prediction);
        }
    }
}

int TimelineRuns::liveRun(const TimelineRenderOptions &o)
{
    if (o.liveNowNs < 0)
        return -1;
    for (int i = int(o.runs.size()) - 1; i >= 0; --i) {
        if (o.runs.at(i) && !o.runs.at(i)->isComplete())
            return i;
    }
    return -1;
}

qint64 TimelineRuns::nowNs(int run, const TimelineRenderOptions &o) const
{
    if (run == liveRun(o))
        return std::max(o.liveNowNs, cache(run).lastNs());
    return cache(run).lastNs();
}

qint64 TimelineRuns::laneCount(int run, const TimelineRenderOptions &o) const
{
    const RunCache &c = cache(run);
    if (!c.record())
        return 0;
    const qsizetype n = c.record()->taskCount();
    if (o.laneMode == TimelineLaneMode::Tasks)
        return n;
    if (n == 0)
        return 0;
    return std::max<qint64>(c.record()->options().effectiveThreads(n),
                            qint64(c.workerTasks().size()));
}

std::pair<double, double> TimelineRuns::fittedRange(const TimelineRenderOptions &o) const
{
    double end = 0.0;
    const int live = liveRun(o);
    for (int i = 0; i < count(); ++i) {
        const RunCache &c = cache(i);
        if (!c.record())
            continue;
        if (i < o.predictions.size())
            end = std::max(end, o.predictions.at(i).makespan);
        end = std::max(end, c.record()->toScenarioSeconds(
                                    i == live ? std::max(o.liveNowNs, c.lastNs()) : c.lastNs()));
    }
    if (!(end > 0.0))
        end = 1.0;
    return {0.0, end * 1.03};
}

int TimelineRuns::maxLabelWidth(int run, const QFontMetrics &fm, const QString &fontKey)
{
    Run &r = m_runs[size_t(run)];
    if (r.maxLabelWidth < 0 || r.fontKey != fontKey) {
        // Labels of huge runs repeat a few durations; the first thousand show the widest, and
        // each distinct one is measured once.
        const RunRecord &record = *r.cache.record();
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
        r.fontKey = fontKey;
    }
    return r.maxLabelWidth;
}
