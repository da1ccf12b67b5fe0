#include "schedule.h"

#include "hugepages.h"
#include "radixsort.h"
#include "retry.h"
#include "runrecord.h"
#include "stepblocks.h"

#include <QThread>
#include <queue>

#include <algorithm>
#include <cmath>
#include <deque>
#include <functional>
#include <limits>
#include <tuple>
#include <utility>
#include <vector>

namespace {

// Timestamps (non-negative nanoseconds), sorted by radixSortBy.
using Times = HugePages::Vector<qint64>;

void sortTimes(Times &v)
{
    radixSortBy(v, [](qint64 x) { return x; });
}

// The most tasks running at once, by the same rule as concurrencySteps() (at one instant finishes
// come before starts) but without building the step function: two sorted integer streams and a
// counter, so a million-task summary does not hold the waiting stream and the step list too.
// gate: only the tasks behind that gate (an index into RunOptions::gates); -1: every task.
int peakRunning(const RunRecord &record)
{
    const qsizetype n = record.taskCount();
    Times starts;
    Times finishes;
    starts.reserve(size_t(n));
    finishes.reserve(size_t(n));
    for (qsizetype i = 0; i < n; ++i) {
        const TaskSample t = record.sample(i);
        if (t.submittedNs < 0 || !t.hasStarted())
            continue;
        starts.push_back(t.startedNs);
        if (t.hasFinished())
            finishes.push_back(std::max(t.finishedNs, t.startedNs));
    }
    sortTimes(starts);
    sortTimes(finishes);
    int running = 0;
    int peak = 0;
    size_t f = 0;
    for (const qint64 start : starts) {
        while (f < finishes.size() && finishes[f] <= start) {
            --running;
            ++f;
        }
        peak = std::max(peak, ++running);
    }
    return peak;
}

} // namespace

namespace {

// The FIFO list schedule: a min-heap of the times at which each slot becomes free.
void listSchedule(const QList<Task> &tasks, Schedule &s)
{
    std::priority_queue<double, std::vector<double>, std::greater<>> freeAt;
    for (int k = 0; k < s.slotCount; ++k)
        freeAt.push(0.0);
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        const double begin = freeAt.top();
        freeAt.pop();
        const double end = begin + tasks.at(i).duration;
        s.start[i] = begin;
        s.finish[i] = end;
        s.makespan = std::max(s.makespan, end);
        freeAt.push(end);
    }
}

// Timers of the server model: an answer (200 or 429) reaching its task, a retry being sent.
// Ordered by time, then task and kind: the same batch gives the same schedule.
enum class TimerKind : quint8 { Answer, Rejected, Send };

struct Timer
{
    double at = 0.0;
    qsizetype task = 0;
    TimerKind kind = TimerKind::Answer;

    friend bool operator>(const Timer &a, const Timer &b)
    {
        return std::tie(a.at, a.task, a.kind) > std::tie(b.at, b.task, b.kind);
    }
};

// An event simulation of threads, permits, gates, cores and the server. CPU tasks progress on a
// virtual clock that runs at min(1, cores / cpu tasks running) of real time, and requests in
// service on one that runs at min(1, capacity / requests in service), so each event costs a heap
// operation, not a pass over the running tasks. serverOf: empty, or per task whether it is
// local:/work (then s.attempts and s.failedTasks are allocated).
void simulate(const QList<Task> &tasks, const RunOptions &options, const std::vector<int> &gateOf,
              const std::vector<bool> &serverOf, int cores, Schedule &s)
{
    const qsizetype n = tasks.size();
    const int pool = options.effectiveThreads(n);
    constexpr int none = std::numeric_limits<int>::max();
    constexpr double never = std::numeric_limits<double>::infinity();
    const int limit = options.isLimited() ? options.limit : none;
    const size_t gateCount = size_t(options.gates.size());
    std::vector<int> gateFree;
    for (const Gate &g : options.gates)
        gateFree.push_back(g.limit);
    const bool inTask = options.admission == Admission::InTask;
    const ServerModel &server = options.server;
    const double latency = std::max(0.0, server.latency);

    using Entry = std::pair<double, qsizetype>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> cpuEnds; // virtual time
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> otherEnds; // real time
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> serviceEnds; // server's virtual
    std::priority_queue<Timer, std::vector<Timer>, std::greater<>> timers; // real time
    // Server tasks' timeouts, apart from the timers: the entries of tasks that ended are dropped
    // when they come to the top, which keeps the heap near the running tasks. As timers, one left
    // behind per task made bench_sweep's 10,000-request sweep 2.5 times slower (0.65 s, not 0.26).
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> deadlines; // real time
    std::vector<bool> ended(serverOf.empty() ? 0 : size_t(n)); // server tasks: stale events
    double now = 0.0;
    double virt = 0.0;
    double serverVirt = 0.0;
    int cpuRunning = 0;
    int inService = 0;
    int running = 0; // holding a global permit (fifo: running)
    int threadsHeld = 0; // in-task: tasks on a pool thread
    qsizetype finished = 0;

    // Fifo: per-gate queues in submission order, [0] ungated. In-task: the thread queue is the
    // submission order itself; then a FIFO for the global permit and one per gate.
    std::vector<std::vector<qsizetype>> queues(gateCount + 1);
    std::vector<size_t> heads(gateCount + 1, 0);
    qsizetype nextForThread = 0;
    std::deque<qsizetype> waitGlobal;
    std::vector<std::deque<qsizetype>> waitGate(gateCount);
    if (!inTask) {
        for (qsizetype i = 0; i < n; ++i)
            queues[size_t(gateOf[size_t(i)] + 1)].push_back(i);
    }

    // A request reaches the server: into service, or 429 when maxInFlight are in service.
    auto send = [&](qsizetype i) {
        if (server.maxInFlight > 0 && inService >= server.maxInFlight) {
            ++s.rejected;
            timers.push({now + latency, i, TimerKind::Rejected});
            return;
        }
        ++inService;
        serviceEnds.push({serverVirt + tasks.at(i).duration, i});
    };
    auto start = [&](qsizetype i) {
        s.start[i] = now;
        if (!serverOf.empty() && serverOf[size_t(i)]) {
            s.attempts[i] = 1;
            if (tasks.at(i).timeout > 0.0)
                deadlines.push({now + tasks.at(i).timeout, i});
            send(i);
        } else if (tasks.at(i).kind == TaskKind::Cpu) {
            cpuEnds.push({virt + tasks.at(i).duration, i});
            ++cpuRunning;
        } else {
            otherEnds.push({now + tasks.at(i).duration, i});
        }
    };
    auto admit = [&] {
        if (inTask) {
            while (nextForThread < n && threadsHeld < pool) {
                ++threadsHeld;
                waitGlobal.push_back(nextForThread++);
            }
            while (!waitGlobal.empty() && running < limit) {
                const qsizetype i = waitGlobal.front();
                waitGlobal.pop_front();
                ++running;
                const int g = gateOf[size_t(i)];
                if (g < 0)
                    start(i);
                else
                    waitGate[size_t(g)].push_back(i);
            }
            for (size_t g = 0; g < gateCount; ++g) {
                while (!waitGate[g].empty() && gateFree[g] > 0) {
                    --gateFree[g];
                    start(waitGate[g].front());
                    waitGate[g].pop_front();
                }
            }
            return;
        }
        while (running < std::min(limit, pool)) {
            size_t best = queues.size();
            for (size_t q = 0; q < queues.size(); ++q) {
                if (heads[q] >= queues[q].size() || (q > 0 && gateFree[q - 1] == 0))
                    continue;
                if (best == queues.size() || queues[q][heads[q]] < queues[best][heads[best]])
                    best = q;
            }
            if (best == queues.size())
                return;
            if (best > 0)
                --gateFree[best - 1];
            ++running;
            start(queues[best][heads[best]++]);
        }
    };
    auto end = [&](qsizetype i) {
        s.finish[i] = now;
        s.makespan = std::max(s.makespan, now);
        --running;
        if (inTask)
            --threadsHeld;
        if (gateOf[size_t(i)] >= 0)
            ++gateFree[size_t(gateOf[size_t(i)])];
        if (!ended.empty())
            ended[size_t(i)] = true;
        ++finished;
    };
    auto fail = [&](qsizetype i) {
        s.failedTasks[i] = true;
        ++s.failed;
        end(i);
    };
    auto fire = [&](const Timer &timer) {
        const qsizetype i = timer.task;
        if (ended[size_t(i)])
            return; // the task timed out before this
        switch (timer.kind) {
        case TimerKind::Answer:
            end(i);
            break;
        case TimerKind::Rejected: {
            const int attempt = s.attempts.at(i);
            if (attempt <= tasks.at(i).retries) {
                const double delay = retryDelay(tasks.at(i).backoff(), options.seed, i, attempt);
                timers.push({now + delay, i, TimerKind::Send});
            } else {
                fail(i);
            }
            break;
        }
        case TimerKind::Send:
            ++s.attempts[i];
            ++s.retries;
            send(i);
            break;
        }
    };

    admit();
    while (finished < n) {
        const double rate = cpuRunning > 0 ? std::min(1.0, double(cores) / cpuRunning) : 1.0;
        const double serverRate = inService > 0 && server.capacity > 0.0
                                          ? std::min(1.0, server.capacity / inService)
                                          : 1.0;
        const double cpuAt = cpuEnds.empty() ? never : now + (cpuEnds.top().first - virt) / rate;
        const double serviceAt =
                serviceEnds.empty() ? never
                                    : now + (serviceEnds.top().first - serverVirt) / serverRate;
        const double otherAt = otherEnds.empty() ? never : otherEnds.top().first;
        const double timerAt = timers.empty() ? never : timers.top().at;
        while (!deadlines.empty() && ended[size_t(deadlines.top().second)])
            deadlines.pop();
        const double deadlineAt = deadlines.empty() ? never : deadlines.top().first;
        const double at = std::min({cpuAt, serviceAt, otherAt, timerAt, deadlineAt});
        if (!std::isfinite(at))
            break; // nothing running and nothing admissible: cannot happen with valid options
        const double next = std::max(now, at);
        // The clock whose event comes next lands on it exactly: no drift past a finish.
        virt = at == cpuAt ? cpuEnds.top().first : virt + (next - now) * rate;
        serverVirt =
                at == serviceAt ? serviceEnds.top().first : serverVirt + (next - now) * serverRate;
        now = next;
        while (!cpuEnds.empty() && cpuEnds.top().first <= virt + 1e-12) {
            end(cpuEnds.top().second);
            cpuEnds.pop();
            --cpuRunning;
        }
        // Service ends before the timers of the same instant: a retry sent then finds room.
        while (!serviceEnds.empty() && serviceEnds.top().first <= serverVirt + 1e-12) {
            const qsizetype i = serviceEnds.top().second;
            serviceEnds.pop();
            --inService;
            if (!ended[size_t(i)])
                timers.push({now + latency, i, TimerKind::Answer});
        }
        while (!otherEnds.empty() && otherEnds.top().first <= now) {
            end(otherEnds.top().second);
            otherEnds.pop();
        }
        while (!timers.empty() && timers.top().at <= now) {
            const Timer timer = timers.top();
            timers.pop();
            fire(timer);
        }
        // An answer that arrives at the deadline is in time.
        while (!deadlines.empty() && deadlines.top().first <= now) {
            const qsizetype i = deadlines.top().second;
            deadlines.pop();
            if (!ended[size_t(i)])
                fail(i);
        }
        admit();
    }
}

} // namespace

Schedule predictSchedule(const QList<Task> &tasks, const RunOptions &options, int cores)
{
    Schedule s;
    const qsizetype n = tasks.size();
    s.slotCount = options.slotCount(n);
    for (QList<double> *times : {&s.start, &s.finish}) {
        *times = HugePages::makeList<double>(n);
        times->resize(n);
    }
    if (cores <= 0)
        cores = std::max(1, QThread::idealThreadCount());
    bool gated = false;
    bool cpu = false;
    std::vector<int> gateOf;
    std::vector<bool> serverOf;
    if (options.hasGates())
        gateOf.resize(size_t(n), -1);
    for (qsizetype i = 0; i < n; ++i) {
        const Task &t = tasks.at(i);
        cpu = cpu || t.kind == TaskKind::Cpu;
        if (options.hasGates() && !t.gate().isEmpty()) {
            gateOf[size_t(i)] = options.gateIndex(t.gate());
            gated = gated || gateOf[size_t(i)] >= 0;
        }
        if (t.kind == TaskKind::Http && t.isServerWork()) {
            if (serverOf.empty())
                serverOf.resize(size_t(n), false);
            serverOf[size_t(i)] = true;
        }
    }
    if (!gated && serverOf.empty() && (!cpu || s.slotCount <= cores)) {
        listSchedule(tasks, s);
        return s;
    }
    if (gateOf.empty())
        gateOf.resize(size_t(n), -1);
    if (!serverOf.empty()) {
        s.attempts.resize(n);
        s.failedTasks.resize(n);
    }
    simulate(tasks, options, gateOf, serverOf, cores, s);
    return s;
}

RunStats computeStats(const RunRecord &record, const Schedule &prediction,
                      const QList<ConcurrencyStep> *steps)
{
    RunStats st;
    const qsizetype n = record.taskCount();
    st.tasks = n;
    st.predictedMakespan = prediction.makespan;
    st.startDeviation = HugePages::makeList<double>(n);
    st.startDeviation.resize(n);
    double waitSum = 0.0;
    double completionSum = 0.0;
    double deviationSum = 0.0;
    qint64 busyNs = 0;
    qint64 lastNs = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const TaskSample t = record.sample(i);
        const qint64 submittedNs = std::max<qint64>(0, t.submittedNs);
        switch (t.status) {
        case TaskStatus::Ok:
            ++st.ok;
            break;
        case TaskStatus::Failed:
            ++st.failed;
            break;
        case TaskStatus::Cancelled:
            ++st.cancelled;
            st.cancelledRunning += t.hasStarted() && t.submittedNs >= 0 ? 1 : 0;
            break;
        default:
            break;
        }
        if (t.hasFinished() && t.submittedNs >= 0) {
            lastNs = std::max(lastNs, t.finishedNs);
            if (t.status == TaskStatus::Ok || t.status == TaskStatus::Failed) {
                ++st.completions;
                completionSum += record.toScenarioSeconds(
                        std::max(submittedNs, std::max(t.finishedNs, t.startedNs)) - submittedNs);
            }
        }
        // A task never submitted took no part in the run, as concurrencySteps() and the peak see
        // it (a record read from a file may say it started all the same).
        if (!t.hasStarted() || t.submittedNs < 0) {
            st.startDeviation[i] = std::numeric_limits<double>::quiet_NaN();
            continue;
        }
        ++st.started;
        lastNs = std::max(lastNs, t.startedNs);
        // As concurrencySteps() counts it: a finish before its start is at the start.
        if (t.hasFinished()) {
            const qint64 ranNs = std::max(t.finishedNs, t.startedNs) - t.startedNs;
            busyNs += ranNs;
            st.serial += std::min(record.task(i).duration, record.toScenarioSeconds(ranNs));
        }
        const double wait =
                record.toScenarioSeconds(std::max<qint64>(0, t.startedNs - submittedNs));
        waitSum += wait;
        st.maxWait = std::max(st.maxWait, wait);
        const double deviation = i < prediction.start.size() ? record.toScenarioSeconds(t.startedNs)
                                                                       - prediction.start.at(i)
                                                             : 0.0;
        st.startDeviation[i] = deviation;
        deviationSum += deviation;
        if (std::abs(deviation) > std::abs(st.maxStartDeviation))
            st.maxStartDeviation = deviation;
    }
    st.completed = st.cancelled == 0 && st.ok + st.failed == n;
    st.makespan = record.toScenarioSeconds(lastNs);
    st.busy = record.toScenarioSeconds(busyNs);
    // Rounding apart, serial <= busy <= makespan * peak; the clamp keeps speedup <= peak exact.
    if (st.makespan > 0)
        st.speedup = st.serial / st.makespan;
    if (st.started > 0) {
        st.meanWait = std::min(waitSum / double(st.started), st.maxWait);
        st.meanStartDeviation = deviationSum / double(st.started);
    }
    if (st.completions > 0)
        st.meanCompletion = completionSum / double(st.completions);
    st.retries = record.totalRetries();
    st.rejected = record.totalRejected();
    if (steps) {
        for (const ConcurrencyStep &step : *steps)
            st.peakConcurrency = std::max(st.peakConcurrency, step.running);
    } else {
        st.peakConcurrency = peakRunning(record);
    }
    st.speedup = std::min(st.speedup, double(st.peakConcurrency));
    // Every gate in one pass over the record.
    for (const QList<ConcurrencyStep> &gateSteps : gateConcurrencySteps(record)) {
        int peak = 0;
        for (const ConcurrencyStep &step : gateSteps)
            peak = std::max(peak, step.running);
        st.gatePeaks.append(peak);
    }
    return st;
}

QList<ConcurrencyStep> concurrencySteps(const RunRecord &record, StepBlocks *blocks)
{
    // Four sorted streams merged: finishes (-1 running), submissions (+1 waiting), ends of tasks
    // that never started (-1 waiting), starts (+1 running, -1 waiting). At one instant finishes
    // come first: a slot handed over is not two tasks at once. Sorting plain integers (nearly
    // sorted already, radix otherwise) is several times faster than sorting records or pairs.
    const qsizetype n = record.taskCount();
    Times finishes;
    Times starts;
    Times submits;
    Times unstartedEnds;
    finishes.reserve(size_t(n));
    starts.reserve(size_t(n));
    submits.reserve(size_t(n));
    for (qsizetype i = 0; i < n; ++i) {
        const TaskSample t = record.sample(i);
        if (t.submittedNs < 0)
            continue;
        submits.push_back(t.submittedNs);
        if (t.hasStarted()) {
            starts.push_back(t.startedNs);
            if (t.hasFinished())
                finishes.push_back(std::max(t.finishedNs, t.startedNs));
        } else if (t.hasFinished()) {
            unstartedEnds.push_back(t.finishedNs);
        }
    }
    sortTimes(finishes);
    sortTimes(starts);
    sortTimes(submits);
    sortTimes(unstartedEnds);

    // One step per distinct instant at most. Growing a million-step list by copies cost a tenth of
    // the computation, and faulting its fresh 4 KiB pages in most of the rest.
    QList<ConcurrencyStep> steps = HugePages::makeList<ConcurrencyStep>(
            qsizetype(finishes.size() + starts.size() + submits.size() + unstartedEnds.size()));
    int running = 0;
    int waiting = 0;
    size_t f = 0;
    size_t s = 0;
    size_t u = 0;
    size_t e = 0;
    constexpr qint64 never = std::numeric_limits<qint64>::max();
    const auto head = [never](const Times &v, size_t k) { return k < v.size() ? v[k] : never; };
    for (;;) {
        const qint64 t = std::min(
                {head(finishes, f), head(starts, s), head(submits, u), head(unstartedEnds, e)});
        if (t == never)
            break;
        // Everything at instant t, finishes before submissions before starts.
        while (f < finishes.size() && finishes[f] == t) {
            --running;
            ++f;
        }
        while (u < submits.size() && submits[u] == t) {
            ++waiting;
            ++u;
        }
        while (e < unstartedEnds.size() && unstartedEnds[e] == t) {
            --waiting;
            ++e;
        }
        while (s < starts.size() && starts[s] == t) {
            ++running;
            --waiting;
            ++s;
        }
        if (!steps.isEmpty() && steps.constLast().running == running
            && steps.constLast().waiting == waiting)
            continue;
        steps.append({t, running, waiting});
        if (blocks)
            blocks->add(steps.constLast());
    }
    return steps;
}

std::vector<int> gatesOfTasks(const RunRecord &record)
{
    const qsizetype n = record.taskCount();
    std::vector<int> gateOf(size_t(n), -1);
    const RunOptions &options = record.options();
    if (!options.hasGates())
        return gateOf;
    // Neighbours mostly share a gate: one comparison instead of a search.
    QString last;
    int lastIndex = -1;
    for (qsizetype i = 0; i < n; ++i) {
        const QString &name = record.task(i).gate();
        if (name.isEmpty())
            continue;
        if (name != last) {
            last = name;
            lastIndex = options.gateIndex(name);
        }
        gateOf[size_t(i)] = lastIndex;
    }
    return gateOf;
}

namespace {

QList<ConcurrencyStep> runningSteps(Times &starts, Times &finishes)
{
    sortTimes(starts);
    sortTimes(finishes);
    QList<ConcurrencyStep> steps;
    steps.reserve(qsizetype(starts.size() + finishes.size()));
    int running = 0;
    size_t s = 0;
    size_t f = 0;
    while (s < starts.size() || f < finishes.size()) {
        const qint64 t = f < finishes.size() && (s >= starts.size() || finishes[f] <= starts[s])
                                 ? finishes[f]
                                 : starts[s];
        while (f < finishes.size() && finishes[f] == t) {
            --running;
            ++f;
        }
        while (s < starts.size() && starts[s] == t) {
            ++running;
            ++s;
        }
        if (!steps.isEmpty() && steps.constLast().running == running)
            continue;
        steps.append({t, running, 0});
    }
    return steps;
}

} // namespace

QList<QList<ConcurrencyStep>> gateConcurrencySteps(const RunRecord &record)
{
    const qsizetype gates = record.options().gates.size();
    if (gates == 0)
        return {};
    const std::vector<int> gateOf = gatesOfTasks(record);
    std::vector<Times> starts(static_cast<size_t>(gates));
    std::vector<Times> finishes(static_cast<size_t>(gates));
    for (qsizetype i = 0; i < record.taskCount(); ++i) {
        const int g = gateOf[size_t(i)];
        if (g < 0)
            continue;
        const TaskSample t = record.sample(i);
        if (t.submittedNs < 0 || !t.hasStarted())
            continue;
        starts[size_t(g)].push_back(t.startedNs);
        if (t.hasFinished())
            finishes[size_t(g)].push_back(std::max(t.finishedNs, t.startedNs));
    }
    QList<QList<ConcurrencyStep>> steps;
    steps.reserve(gates);
    for (size_t g = 0; g < size_t(gates); ++g)
        steps.append(runningSteps(starts[g], finishes[g]));
    return steps;
}

QList<ConcurrencyStep> gateConcurrencySteps(const RunRecord &record, int gate)
{
    return gateConcurrencySteps(record).value(gate);
}
