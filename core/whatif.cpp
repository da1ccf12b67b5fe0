#include "whatif.h"

#include "runrecord.h"

#include <queue>

#include <algorithm>
#include <functional>
#include <numeric>
#include <vector>

namespace {

// The recorded duration of task i in scenario seconds, 0 when it never ran.
double recordedDuration(const RunRecord &r, const TaskSample &s)
{
    if (!s.hasStarted())
        return 0.0;
    const qint64 end = std::max(s.finishedNs, s.startedNs);
    return std::max(0.0, r.toScenarioSeconds(end - s.startedNs));
}

} // namespace

QList<qsizetype> WhatIf::recordedOrder(const RunRecord &recorded)
{
    const qsizetype n = recorded.taskCount();
    std::vector<qint64> started(size_t(n), 0);
    for (qsizetype i = 0; i < n; ++i) {
        const TaskSample s = recorded.sample(i);
        started[size_t(i)] = s.hasStarted() ? s.startedNs : std::numeric_limits<qint64>::max();
    }
    QList<qsizetype> order(n);
    std::iota(order.begin(), order.end(), qsizetype(0));
    std::stable_sort(order.begin(), order.end(), [&started](qsizetype a, qsizetype b) {
        return started[size_t(a)] < started[size_t(b)];
    });
    return order;
}

Scenario WhatIf::scenarioOf(const RunRecord &recorded)
{
    Scenario scenario;
    scenario.name = recorded.scenario().name;
    const QList<qsizetype> order = recordedOrder(recorded);
    scenario.tasks.reserve(order.size());
    for (qsizetype i : order) {
        const Task &source = recorded.task(i);
        // A copy shares the label's text block (one per distinct name in an opened trace) rather
        // than allocating one per task; tasks with a URL or gate get a fresh one without them.
        Task task = source.url().isEmpty() && source.gate().isEmpty() ? source : Task();
        task.kind = TaskKind::Sleep;
        task.retries = 0;
        // Milliseconds are what a replay can honour; a slice that took less still takes 1 ms so
        // that it is seen.
        task.duration = std::max(0.001, recordedDuration(recorded, recorded.sample(i)));
        if (!source.label().isEmpty() && task.label() != source.label())
            task.setLabel(source.label());
        scenario.tasks.append(task);
    }
    scenario.options.threads =
            int(std::clamp<qsizetype>(order.size(), 1, ScenarioLimits::maxThreads));
    return scenario;
}

std::shared_ptr<const RunRecord> WhatIf::predict(const RunRecord &recorded, int limit)
{
    limit = std::max(1, limit);
    Scenario scenario = recorded.scenario();
    scenario.options.limit = limit;
    scenario.options.origin = RunOrigin::WhatIf;
    scenario.options.gates.clear();
    scenario.options.threads = int(std::clamp<qsizetype>(
            std::min<qsizetype>(limit, recorded.taskCount()), 1, ScenarioLimits::maxThreads));
    auto record = std::make_shared<RunRecord>(scenario);
    if (!recorded.workerNames().isEmpty())
        record->setWorkerNames({}); // the prediction's lanes are its slots, not the trace's threads
    const QList<qsizetype> order = recordedOrder(recorded);

    // FIFO list schedule: each task in recorded start order takes the slot that frees first.
    using Slot = std::pair<qint64, int>; // free from (ns), slot number
    std::priority_queue<Slot, std::vector<Slot>, std::greater<Slot>> slots;
    // As many slots as the prediction's pool has threads: a limit above the engine's most threads
    // (ScenarioLimits::maxThreads) runs no more at once than a real run with that pool would.
    const int slotCount = int(std::min<qsizetype>(
            {limit, scenario.options.threads, std::max<qsizetype>(1, order.size())}));
    for (int k = 0; k < slotCount; ++k)
        slots.push({0, k + 1});
    for (qsizetype i : order) {
        const TaskSample was = recorded.sample(i);
        TaskSample s;
        s.submittedNs = 0;
        s.status = was.status;
        if (was.hasStarted()) {
            const auto [free, slot] = slots.top();
            slots.pop();
            const qint64 duration =
                    std::max<qint64>(0, std::max(was.finishedNs, was.startedNs) - was.startedNs);
            s.startedNs = free;
            s.finishedNs = free + duration;
            s.worker = slot;
            slots.push({s.finishedNs, slot});
        } else if (isTerminal(s.status)) {
            // It takes 0, but it did end: a terminal task without a finish time would count as
            // done and running at once (RunProgress showed -5 running for five of them).
            s.finishedNs = 0;
        }
        // Results that the record derives from the task stay derived (a million sleeps store
        // nothing); only stored ones (messages, bodies, errors, a file's text) are copied.
        QVariant result = recorded.result(i);
        const Task &t = recorded.task(i);
        if (result.typeId() == QMetaType::Double && result.toDouble() == t.duration
            && t.message().isNull() && was.status == TaskStatus::Ok)
            result = QVariant();
        record->setLoaded(i, s, result);
        if (const int attempts = recorded.attempts(i); attempts > 1)
            record->setLoadedAttempts(i, attempts);
    }
    record->setTaskDetails(nullptr);
    record->finishLoading();
    return record;
}
