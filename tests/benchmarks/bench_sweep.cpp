// Limit sweep benchmark: `tasklanes-cli --sweep 1..64 --predict` of 10,000 tasks must answer at
// once (under a second), so Sweep::predict() of that size is timed here, best of a few rounds:
// sleeps (the list schedule), and requests to the embedded server's local:/work past its
// max_in_flight (the event simulation with rejections and retries, the slow path). Prints a table
// and one "BENCH <name> <value> <unit>" line per figure. `--smoke` runs a tiny size.
// Also `tasklanes-cli --open FILE --what-if N` on a recording of a million tasks: WhatIf::predict()
// (the list schedule of the recorded durations in recorded start order) must stay well under a
// second there (target 0.5 s in Release).

#include "runrecord.h"
#include "sweep.h"
#include "whatif.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

namespace {

Scenario sleeps(qsizetype n)
{
    Scenario s;
    for (qsizetype i = 0; i < n; ++i) {
        Task t;
        t.duration = 1.0 + double(i % 7);
        s.tasks.append(t);
    }
    return s;
}

// Requests of 0.1 to 0.7 s of service, capacity 8, at most 32 in flight, 50 ms latency, three
// retries: limits above 32 are refused and retry.
Scenario serverWork(qsizetype n)
{
    Scenario s;
    for (qsizetype i = 0; i < n; ++i) {
        Task t;
        t.kind = TaskKind::Http;
        t.duration = 0.1 * double(1 + i % 7);
        t.setUrl(QStringLiteral("local:/work?s=") + formatSeconds(t.duration));
        t.retries = 3;
        t.timeout = 1e6;
        s.tasks.append(t);
    }
    s.options.server.capacity = 8;
    s.options.server.maxInFlight = 32;
    s.options.server.latency = 0.05;
    return s;
}

// Best of `rounds` wall-clock seconds of one predicted sweep; *points gets its result.
double sweepSeconds(const Scenario &scenario, const QList<int> &limits, int rounds,
                    QList<SweepPoint> *points)
{
    double best = 1e9;
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer t;
        t.start();
        *points = Sweep::predict(scenario, limits, 2);
        best = std::min(best, double(t.nsecsElapsed()) / 1e9);
    }
    return best;
}

// A finished unlimited run of n tasks as a file gives it back: durations 1 to 7 ms, started in an
// order that is not the index order (so the prediction sorts), all ok.
std::shared_ptr<const RunRecord> recordedRun(qsizetype n)
{
    Scenario s;
    s.tasks.reserve(n);
    for (qsizetype i = 0; i < n; ++i) {
        Task t;
        t.duration = 0.001 * double(1 + i % 7);
        s.tasks.append(t);
    }
    auto record = std::make_shared<RunRecord>(s);
    for (qsizetype i = 0; i < n; ++i) {
        TaskSample sample;
        sample.submittedNs = 0;
        sample.startedNs = ((i * 7919) % n) * 1000;
        sample.finishedNs = sample.startedNs + record->toNanoseconds(s.tasks.at(i).duration);
        sample.worker = 1;
        sample.status = TaskStatus::Ok;
        record->setLoaded(i, sample, QVariant());
    }
    record->finishLoading();
    return record;
}

// Best of `rounds` wall-clock seconds of WhatIf::predict(recorded, 8).
double whatIfSeconds(const RunRecord &recorded, int rounds, double *makespan)
{
    double best = 1e9;
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer t;
        t.start();
        const auto predicted = WhatIf::predict(recorded, 8);
        best = std::min(best, double(t.nsecsElapsed()) / 1e9);
        qint64 end = 0;
        for (qsizetype i = 0; i < predicted->taskCount(); ++i)
            end = std::max(end, predicted->sample(i).finishedNs);
        *makespan = predicted->toScenarioSeconds(end);
    }
    return best;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool smoke = app.arguments().contains(QStringLiteral("--smoke"));
    const qsizetype n = smoke ? 500 : 10000;
    const int rounds = smoke ? 1 : 5;
    QList<int> limits;
    for (int k = 1; k <= 64; ++k)
        limits.append(k);

    QList<SweepPoint> sleepPoints;
    QList<SweepPoint> serverPoints;
    const double sleepS = sweepSeconds(sleeps(n), limits, rounds, &sleepPoints);
    const double serverS = sweepSeconds(serverWork(n), limits, rounds, &serverPoints);
    qsizetype retries = 0;
    for (const SweepPoint &p : serverPoints)
        retries += p.retries;

    std::printf("%-44s %12s\n", "figure", "value");
    std::printf("%-44s %9.3f s\n", "predicted sweep 1..64, sleeps", sleepS);
    std::printf("%-44s %9.3f s\n", "predicted sweep 1..64, server work", serverS);
    std::printf("(%lld tasks, best of %d; server: capacity 8, max in flight 32, %lld retries "
                "simulated over the sweep; best limit %d)\n",
                qlonglong(n), rounds, qlonglong(retries), Sweep::bestLimit(serverPoints));
    const qsizetype recordedTasks = smoke ? 10000 : 1000000;
    double whatIfMakespan = 0.0;
    const double whatIfS =
            whatIfSeconds(*recordedRun(recordedTasks), smoke ? 1 : 3, &whatIfMakespan);
    std::printf("%-44s %9.3f s\n", "what-if limit 8 of a recorded run", whatIfS);
    std::printf("(%lld recorded tasks, best of %d; predicted makespan %.3f s)\n",
                qlonglong(recordedTasks), smoke ? 1 : 3, whatIfMakespan);
    std::printf("BENCH sweep_predict_seconds_10k_64 %.4g s\n", std::max(sleepS, serverS));
    std::printf("BENCH sweep_predict_seconds_10k_64_sleeps %.4g s\n", sleepS);
    std::printf("BENCH sweep_predict_seconds_10k_64_server %.4g s\n", serverS);
    std::printf("BENCH whatif_seconds_1m %.4g s\n", whatIfS);
    return 0;
}
