// Engine benchmarks: dispatch overhead against a bare QThreadPool + QSemaphore loop measured side
// by side in this process, and timing fidelity against the predicted schedule. Prints a table and
// one "BENCH <name> <value> <unit>" line per figure. `--smoke` runs tiny sizes (ctest keeps this
// compiling and working; the figures are meaningless there).

#include "runengine.h"
#include "runrecord.h"
#include "schedule.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSemaphore>
#include <QThreadPool>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <vector>

namespace {

Scenario zeroTasks(qsizetype n, int limit)
{
    Scenario s;
    s.tasks.resize(n);
    s.options.limit = limit;
    return s;
}

double engineSeconds(const Scenario &scenario)
{
    RunEngine engine;
    QElapsedTimer t;
    t.start();
    engine.start(scenario);
    engine.waitForFinished();
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    if (engine.record()->finishedCount() != scenario.tasks.size())
        qFatal("engine lost tasks");
    return seconds;
}

// The floor: the same zero-duration work through QThreadPool::start, gated by a QSemaphore when
// limited, with no recording at all.
double bareSeconds(qsizetype n, int limit, int threads)
{
    QThreadPool pool;
    pool.setMaxThreadCount(threads);
    QSemaphore gate(limit > 0 ? limit : threads);
    QElapsedTimer t;
    t.start();
    for (qsizetype i = 0; i < n; ++i) {
        gate.acquire();
        pool.start([&gate] { gate.release(); });
    }
    pool.waitForDone();
    return double(t.nsecsElapsed()) / 1e9;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const double pos = p * double(v.size() - 1);
    const size_t lo = size_t(std::floor(pos));
    const size_t hi = std::min(v.size() - 1, lo + 1);
    return v[lo] + (v[hi] - v[lo]) * (pos - double(lo));
}

void bench(const char *name, double value, const char *unit)
{
    std::printf("BENCH %s %.4g %s\n", name, value, unit);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool smoke = app.arguments().contains(QStringLiteral("--smoke"));
    const qsizetype n = smoke ? 2000 : 100000;
    const int rounds = smoke ? 1 : 5;

    // 1. Dispatch overhead: best of `rounds`, engine and bare alternated so drift hits both.
    const int unlimitedThreads = RunOptions{}.effectiveThreads(n);
    double engine8 = 1e9, bare8 = 1e9, engineU = 1e9, bareU = 1e9;
    for (int r = 0; r < rounds; ++r) {
        engine8 = std::min(engine8, engineSeconds(zeroTasks(n, 8)));
        bare8 = std::min(bare8, bareSeconds(n, 8, 8));
        engineU = std::min(engineU, engineSeconds(zeroTasks(n, 0)));
        bareU = std::min(bareU, bareSeconds(n, 0, unlimitedThreads));
    }
    const double perTask = 1e6 / double(n);

    // 2. Timing fidelity: the article's batch at time scale 0.05, unlimited and limit 2.
    const double scale = 0.05;
    const int reps = smoke ? 1 : 10;
    std::vector<double> startErrorsMs;
    std::vector<double> makespanErrorsPct;
    for (int limit : {0, 2}) {
        for (int rep = 0; rep < reps; ++rep) {
            Scenario s;
            for (double d : {5.0, 1.0, 8.0, 3.0, 4.0}) {
                Task t;
                t.duration = d;
                s.tasks.append(t);
            }
            s.options.limit = limit;
            s.options.timeScale = scale;
            RunEngine engine;
            engine.start(s);
            engine.waitForFinished();
            const RunRecord &rec = *engine.record();
            const Schedule &predicted = engine.prediction();
            for (qsizetype i = 0; i < rec.taskCount(); ++i) {
                const double measured = rec.toScenarioSeconds(rec.sample(i).startedNs);
                startErrorsMs.push_back(std::abs(measured - predicted.start.at(i)) * scale
                                        * 1000.0);
            }
            const RunStats st = computeStats(rec, predicted);
            makespanErrorsPct.push_back(std::abs(st.makespan - st.predictedMakespan)
                                        / st.predictedMakespan * 100.0);
        }
    }

    Scenario one = zeroTasks(1, 0);
    const RunRecord probe(one);

    std::printf("%-44s %12s\n", "figure", "value");
    std::printf("%-44s %9.3f us\n", "engine, limit 8, per task", engine8 * perTask);
    std::printf("%-44s %9.3f us\n", "bare QThreadPool+QSemaphore, limit 8", bare8 * perTask);
    std::printf("%-44s %9.3f us\n", "engine, unlimited, per task", engineU * perTask);
    std::printf("%-44s %9.3f us\n", "bare QThreadPool, unlimited, per task", bareU * perTask);
    std::printf("%-44s %9.3f ms\n", "start error vs prediction, median",
                percentile(startErrorsMs, 0.5));
    std::printf("%-44s %9.3f ms\n", "start error vs prediction, p99",
                percentile(startErrorsMs, 0.99));
    std::printf("%-44s %9.3f ms\n", "start error vs prediction, max",
                *std::max_element(startErrorsMs.begin(), startErrorsMs.end()));
    std::printf("%-44s %9.3f %%\n", "makespan error, mean of |error|",
                std::accumulate(makespanErrorsPct.begin(), makespanErrorsPct.end(), 0.0)
                        / double(makespanErrorsPct.size()));
    std::printf("%-44s %9lld B\n", "run record per task", qlonglong(probe.bytesPerTask()));
    std::printf("(%lld zero-duration tasks, best of %d; fidelity: 5,1,8,3,4 at scale %.2f, %d reps "
                "each of unlimited and limit 2)\n",
                qlonglong(n), rounds, scale, reps);

    bench("dispatch_engine_us_per_task_limit8", engine8 * perTask, "us");
    bench("dispatch_bare_us_per_task_limit8", bare8 * perTask, "us");
    bench("dispatch_ratio_limit8", engine8 / bare8, "ratio");
    bench("dispatch_engine_us_per_task_unlimited", engineU * perTask, "us");
    bench("dispatch_bare_us_per_task_unlimited", bareU * perTask, "us");
    bench("dispatch_ratio_unlimited", engineU / bareU, "ratio");
    bench("fidelity_start_error_median_ms", percentile(startErrorsMs, 0.5), "ms");
    bench("fidelity_start_error_p99_ms", percentile(startErrorsMs, 0.99), "ms");
    bench("fidelity_makespan_error_pct",
          std::accumulate(makespanErrorsPct.begin(), makespanErrorsPct.end(), 0.0)
                  / double(makespanErrorsPct.size()),
          "pct");
    bench("record_bytes_per_task", double(probe.bytesPerTask()), "bytes");
    return 0;
}
