#include "testrun.h"

#include "runengine.h"
#include "runrecord.h"
#include "schedule.h"
#include "testscenarios.h"

#include <QDir>
#include <QSignalSpy>

#include <algorithm>
#include <ctime>
#include <tuple>

using namespace Qt::StringLiterals;

std::shared_ptr<const RunRecord> runToEnd(RunEngine &engine, const Scenario &scenario,
                                          int timeoutMs)
{
    QSignalSpy finished(&engine, &RunEngine::finished);
    if (!engine.start(scenario) || !engine.isRunning())
        return nullptr;
    if (finished.isEmpty() && !finished.wait(timeoutMs))
        return nullptr;
    if (finished.count() != 1 || engine.isRunning() || !engine.record()->isComplete())
        return nullptr;
    return engine.record();
}

std::shared_ptr<const RunRecord> runToEnd(const Scenario &scenario, int timeoutMs)
{
    RunEngine engine;
    return runToEnd(engine, scenario, timeoutMs);
}

int peakRunning(const RunRecord &record)
{
    int peak = 0;
    for (const ConcurrencyStep &step : concurrencySteps(record))
        peak = std::max(peak, step.running);
    return peak;
}

int threadCount()
{
    return int(QDir(u"/proc/self/task"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
}

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

std::shared_ptr<RunRecord> idealRun(const QList<double> &durations, int limit)
{
    const Scenario scenario = makeScenario(durations, limit, 1.0);
    auto record = std::make_shared<RunRecord>(scenario);
    const Schedule ideal = predictSchedule(scenario.tasks, scenario.options);
    QList<double> slotFree(std::max(1, ideal.slotCount), 0.0);
    QList<int> slotOf(durations.size(), 1);
    QList<std::tuple<double, bool, qsizetype>> events; // (time, is start, task)
    for (qsizetype i = 0; i < durations.size(); ++i) {
        const double start = ideal.start.at(i);
        int slot = 0; // the first slot free at the start time
        while (slot + 1 < slotFree.size() && slotFree.at(slot) > start + 1e-9)
            ++slot;
        slotFree[slot] = ideal.finish.at(i);
        slotOf[i] = slot + 1;
        record->markSubmitted(i, 0);
        events.append({start, true, i});
        events.append({ideal.finish.at(i), false, i});
    }
    std::sort(events.begin(), events.end());
    for (const auto &[time, start, i] : events) {
        if (start)
            record->markStarted(i, qint64(time * 1e9), slotOf.at(i));
        else
            record->markFinished(i, qint64(time * 1e9), TaskStatus::Ok);
    }
    record->publishEvents();
    return record;
}

std::shared_ptr<RunRecord> retriedHttpRun(double timeScale)
{
    Scenario s;
    s.options.timeScale = timeScale;
    Task t;
    t.kind = TaskKind::Http;
    t.setUrl(QStringLiteral("local:/work?s=1"));
    t.duration = 1;
    t.retries = 3;
    s.tasks = {t, t};
    auto record = std::make_shared<RunRecord>(s);
    const qint64 ms = 1000000;
    record->markSubmitted(0, 0);
    record->markSubmitted(1, 0);
    record->markStarted(0, 1 * ms, 1);
    record->markStarted(1, 1 * ms, 2);
    record->markAttemptFailed(0, 100 * ms, true, true);
    record->markAttemptFailed(0, 300 * ms, true, true);
    record->markFinished(1, 500 * ms, TaskStatus::Ok, QStringLiteral("ok"));
    record->markFinished(0, 900 * ms, TaskStatus::Ok, QStringLiteral("ok"));
    record->publishEvents();
    return record;
}
