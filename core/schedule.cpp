#include "schedule.h"

#include "runrecord.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <vector>

Schedule predictSchedule(const QList<Task> &tasks, const RunOptions &options)
{
    Schedule s;
    const qsizetype n = tasks.size();
    s.slotCount = options.slotCount(n);
    s.start.resize(n);
    s.finish.resize(n);
    // Min-heap of the times at which each slot becomes free.
    std::priority_queue<double, std::vector<double>, std::greater<>> freeAt;
    for (int k = 0; k < s.slotCount; ++k)
        freeAt.push(0.0);
    for (qsizetype i = 0; i < n; ++i) {
        const double begin = freeAt.top();
        freeAt.pop();
        const double end = begin + tasks.at(i).duration;
        s.start[i] = begin;
        s.finish[i] = end;
        s.makespan = std::max(s.makespan, end);
        freeAt.push(end);
    }
    return s;
}

RunStats computeStats(const RunRecord &record, const Schedule &prediction)
{
    RunStats st;
    const qsizetype n = record.taskCount();
    st.tasks = n;
    st.predictedMakespan = prediction.makespan;
    st.startDeviation.resize(n);
    double waitSum = 0.0;
    double deviationSum = 0.0;
    qint64 lastFinish = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const TaskSample t = record.sample(i);
        st.serial += record.task(i).duration;
        switch (t.status) {
        case TaskStatus::Ok:
            ++st.ok;
            break;
        case TaskStatus::Failed:
            ++st.failed;
            break;
        case TaskStatus::Cancelled:
            ++st.cancelled;
            break;
        default:
            break;
        }
        if (t.hasFinished())
            lastFinish = std::max(lastFinish, t.finishedNs);
        if (!t.hasStarted()) {
            st.startDeviation[i] = std::numeric_limits<double>::quiet_NaN();
            continue;
        }
        ++st.started;
        const double wait = record.toScenarioSeconds(t.startedNs - std::max<qint64>(0, t.submittedNs));
        waitSum += wait;
        st.maxWait = std::max(st.maxWait, wait);
        const double deviation = i < prediction.start.size()
                                         ? record.toScenarioSeconds(t.startedNs) - prediction.start.at(i)
                                         : 0.0;
        st.startDeviation[i] = deviation;
        deviationSum += deviation;
        if (std::abs(deviation) > std::abs(st.maxStartDeviation))
            st.maxStartDeviation = deviation;
    }
    st.makespan = record.toScenarioSeconds(lastFinish);
    st.speedup = st.makespan > 0 ? st.serial / st.makespan : 0.0;
    if (st.started > 0) {
        st.meanWait = waitSum / double(st.started);
        st.meanStartDeviation = deviationSum / double(st.started);
    }
    for (const ConcurrencyStep &step : concurrencySteps(record))
        st.peakConcurrency = std::max(st.peakConcurrency, step.running);
    return st;
}

QList<ConcurrencyStep> concurrencySteps(const RunRecord &record)
{
    // +1 running at a start, -1 at a finish; waiting = submitted and not yet started or ended.
    struct Delta
    {
        qint64 ns;
        qint32 running;
        qint32 waiting;
    };
    std::vector<Delta> deltas;
    const qsizetype n = record.taskCount();
    deltas.reserve(size_t(3 * n));
    for (qsizetype i = 0; i < n; ++i) {
        const TaskSample t = record.sample(i);
        if (t.submittedNs < 0)
            continue;
        deltas.push_back({t.submittedNs, 0, +1});
        if (t.hasStarted()) {
            deltas.push_back({t.startedNs, +1, -1});
            if (t.hasFinished())
                deltas.push_back({std::max(t.finishedNs, t.startedNs), -1, 0});
        } else if (t.hasFinished()) {
            deltas.push_back({t.finishedNs, 0, -1});
        }
    }
    // Finishes before starts at the same instant: a slot handed over is not two tasks at once.
    std::sort(deltas.begin(), deltas.end(), [](const Delta &a, const Delta &b) {
        return a.ns != b.ns ? a.ns < b.ns : a.running < b.running;
    });
    QList<ConcurrencyStep> steps;
    steps.reserve(qsizetype(deltas.size()));
    int running = 0;
    int waiting = 0;
    for (size_t k = 0; k < deltas.size(); ++k) {
        running += deltas[k].running;
        waiting += deltas[k].waiting;
        if (k + 1 < deltas.size() && deltas[k + 1].ns == deltas[k].ns)
            continue;
        if (!steps.isEmpty() && steps.constLast().running == running
            && steps.constLast().waiting == waiting)
            continue;
        steps.append({deltas[k].ns, running, waiting});
    }
    return steps;
}
