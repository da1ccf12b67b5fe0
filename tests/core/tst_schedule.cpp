#include "retry.h"
#include "runrecord.h"
#include "runreport.h"
#include "schedule.h"
#include "testscenarios.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

// The ideal FIFO schedule, and the statistics and concurrency steps of a measured run, computed
// from a record whose timestamps the test writes by hand.
class tst_Schedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void predict_data();
    void predict();
    void statsOfHandFilledRun();
    void concurrencyStepsOfHandFilledRun();
    void handOverAtTheSameInstantIsNotTwoRunning();
    void startDeviation();
    void statsOfEmptyRun();
    void stepsOfRunStillGoing();
    void peakAgreesWithTheStepFunction();
    void resultsLineCanBeCut();
    void gateStepsOfHandFilledRun();
    void gateStepsAgreeWithARecount();
    void largeRecordsSortLikeAPlainSort_data();
    void largeRecordsSortLikeAPlainSort();
    // The server model (local:/work tasks): capacity, max in flight, latency, retries.
    void serverSharesItsCapacity_data();
    void serverSharesItsCapacity();
    void limitBelowMaxInFlightIsNeverRejected();
    void unlimitedIsRejectedAndRetries();
    void rejectedRetryWaitsItsBackoffAfterTheAnswer();
    void serverTaskTimesOut();
    void serverPredictionIsSeeded();
    void plainBatchHasNoPerTaskAttempts();
    void statsCarryRetriesAndRejections();
};

namespace {

// Scenario seconds to the record's real nanoseconds, computed independently of RunRecord.
qint64 ns(double scenarioSeconds, double timeScale)
{
    return qint64(std::llround(scenarioSeconds * timeScale * 1e9));
}

struct Step
{
    double at; // scenario seconds
    int running;
    int waiting;
};

void compareSteps(const QList<ConcurrencyStep> &actual, const QList<Step> &expected, double scale)
{
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype k = 0; k < expected.size(); ++k) {
        QCOMPARE(actual.at(k).ns, ns(expected.at(k).at, scale));
        QCOMPARE(actual.at(k).running, expected.at(k).running);
        QCOMPARE(actual.at(k).waiting, expected.at(k).waiting);
    }
}

// n requests of s seconds of service each to the embedded server's local:/work.
QList<Task> serverTasks(qsizetype n, double s, int retries = 0, double timeout = 1000.0)
{
    QList<Task> tasks;
    for (qsizetype i = 0; i < n; ++i) {
        Task t;
        t.kind = TaskKind::Http;
        t.setUrl(u"local:/work?s="_s + formatSeconds(s));
        t.duration = s;
        t.retries = quint8(retries);
        t.timeout = timeout;
        tasks.append(t);
    }
    return tasks;
}

RunOptions serverOptions(double capacity, int maxInFlight, double latency, int limit = 0)
{
    RunOptions o;
    o.limit = limit;
    o.server.capacity = capacity;
    o.server.maxInFlight = maxInFlight;
    o.server.latency = latency;
    return o;
}

bool sameSteps(const QList<ConcurrencyStep> &a, const QList<ConcurrencyStep> &b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const ConcurrencyStep &x, const ConcurrencyStep &y) {
                          return x.ns == y.ns && x.running == y.running && x.waiting == y.waiting;
                      });
}

} // namespace

void tst_Schedule::predict_data()
{
    QTest::addColumn<QList<double>>("durations");
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("threads");
    QTest::addColumn<QList<double>>("starts");
    QTest::addColumn<double>("makespan");
    QTest::addColumn<int>("slots");

    const QList<double> article{5, 1, 8, 3, 4};
    QTest::newRow("unlimited") << article << 0 << 0 << QList<double>{0, 0, 0, 0, 0} << 8.0 << 5;
    QTest::newRow("limit 2") << article << 2 << 0 << QList<double>{0, 0, 1, 5, 8} << 12.0 << 2;
    QTest::newRow("limit 3") << article << 3 << 0 << QList<double>{0, 0, 0, 1, 4} << 8.0 << 3;
    QTest::newRow("limit 1 is serial")
            << article << 1 << 0 << QList<double>{0, 5, 6, 14, 17} << 21.0 << 1;
    QTest::newRow("limit above task count")
            << article << 10 << 0 << QList<double>{0, 0, 0, 0, 0} << 8.0 << 5;
    QTest::newRow("threads cap below limit")
            << article << 4 << 2 << QList<double>{0, 0, 1, 5, 8} << 12.0 << 2;
    QTest::newRow("unlimited with 2 threads")
            << article << 0 << 2 << QList<double>{0, 0, 1, 5, 8} << 12.0 << 2;
    QTest::newRow("zero tasks") << QList<double>() << 2 << 0 << QList<double>() << 0.0 << 1;
    QTest::newRow("zero durations")
            << QList<double>{0, 0, 0} << 1 << 0 << QList<double>{0, 0, 0} << 0.0 << 1;
}

void tst_Schedule::predict()
{
    QFETCH(QList<double>, durations);
    QFETCH(int, limit);
    QFETCH(int, threads);
    QFETCH(QList<double>, starts);
    QFETCH(double, makespan);
    QFETCH(int, slots);

    RunOptions options;
    options.limit = limit;
    options.threads = threads;
    const Schedule s = predictSchedule(sleepTasks(durations), options);
    QCOMPARE(s.slotCount, slots);
    QCOMPARE(s.start, starts);
    QCOMPARE(s.finish.size(), durations.size());
    for (qsizetype i = 0; i < durations.size(); ++i)
        QCOMPARE(s.finish.at(i), starts.at(i) + durations.at(i));
    QCOMPARE(s.makespan, makespan);
}

// Limit 2, tasks 5,1,8,2 at time scale 0.5: the 1 s task hands its slot to the 8 s task at t=1,
// the 2 s task is cancelled before it starts when the 8 s one ends at t=9.
static std::unique_ptr<RunRecord> handFilledRun(double scale)
{
    auto record = std::make_unique<RunRecord>(makeScenario({5, 1, 8, 2}, 2, scale));
    for (qsizetype i = 0; i < 4; ++i)
        record->markSubmitted(i, 0);
    record->markStarted(0, ns(0, scale), 1);
    record->markStarted(1, ns(0, scale), 2);
    record->markFinished(1, ns(1, scale), TaskStatus::Ok);
    record->markStarted(2, ns(1, scale), 2);
    record->markFinished(0, ns(5, scale), TaskStatus::Ok);
    record->markFinished(2, ns(9, scale), TaskStatus::Ok);
    record->markFinished(3, ns(9, scale), TaskStatus::Cancelled);
    record->publishEvents();
    return record;
}

void tst_Schedule::statsOfHandFilledRun()
{
    const double scale = 0.5;
    const auto record = handFilledRun(scale);
    const Schedule prediction = predictSchedule(record->scenario().tasks, record->options());
    QCOMPARE(prediction.start, (QList<double>{0, 0, 1, 5}));
    QCOMPARE(prediction.makespan, 9.0);

    const RunStats st = computeStats(*record, prediction);
    QCOMPARE(st.tasks, 4);
    QCOMPARE(st.ok, 3);
    QCOMPARE(st.failed, 0);
    QCOMPARE(st.cancelled, 1);
    QCOMPARE(st.started, 3);
    QCOMPARE(st.makespan, 9.0); // scenario seconds, not the 4.5 real ones
    QCOMPARE(st.predictedMakespan, 9.0);
    QCOMPARE(st.serial, 14.0); // the cancelled 2 s task never ran
    QCOMPARE(st.speedup, 14.0 / 9.0);
    QCOMPARE(st.peakConcurrency, 2);
    QCOMPARE(st.meanWait, 1.0 / 3.0);
    QCOMPARE(st.maxWait, 1.0);
    QCOMPARE(st.startDeviation.size(), 4);
    QCOMPARE(st.startDeviation.at(0), 0.0);
    QCOMPARE(st.startDeviation.at(1), 0.0);
    QCOMPARE(st.startDeviation.at(2), 0.0);
    QVERIFY(std::isnan(st.startDeviation.at(3))); // never started
    QCOMPARE(st.maxStartDeviation, 0.0);
}

void tst_Schedule::concurrencyStepsOfHandFilledRun()
{
    const double scale = 0.5;
    const auto record = handFilledRun(scale);
    compareSteps(concurrencySteps(*record), {{0, 2, 2}, {1, 2, 1}, {5, 1, 1}, {9, 0, 0}}, scale);
}

void tst_Schedule::handOverAtTheSameInstantIsNotTwoRunning()
{
    // Limit 1: each task starts at the very nanosecond the previous one finished. Recorded in
    // the order the engine writes it (finish, then start) and in the opposite order.
    for (bool finishFirst : {true, false}) {
        RunRecord record(makeScenario({1, 1, 1}, 1, 1.0));
        for (qsizetype i = 0; i < 3; ++i)
            record.markSubmitted(i, 0);
        record.markStarted(0, 0, 1);
        for (qsizetype i = 1; i < 3; ++i) {
            const qint64 t = ns(double(i), 1.0);
            if (finishFirst) {
                record.markFinished(i - 1, t, TaskStatus::Ok);
                record.markStarted(i, t, 1);
            } else {
                record.markStarted(i, t, 1);
                record.markFinished(i - 1, t, TaskStatus::Ok);
            }
        }
        record.markFinished(2, ns(3, 1.0), TaskStatus::Ok);
        record.publishEvents();

        compareSteps(concurrencySteps(record), {{0, 1, 2}, {1, 1, 1}, {2, 1, 0}, {3, 0, 0}}, 1.0);
        const RunStats st =
                computeStats(record, predictSchedule(record.scenario().tasks, record.options()));
        QCOMPARE(st.peakConcurrency, 1);
        QCOMPARE(st.makespan, 3.0);
        QCOMPARE(st.speedup, 1.0);
    }
}

void tst_Schedule::startDeviation()
{
    // Limit 1, two 1 s tasks; the second starts 0.25 s late, the first 0.1 s late.
    RunRecord record(makeScenario({1, 1}, 1, 1.0));
    record.markSubmitted(0, 0);
    record.markSubmitted(1, 0);
    record.markStarted(0, ns(0.1, 1.0), 1);
    record.markFinished(0, ns(1.1, 1.0), TaskStatus::Ok);
    record.markStarted(1, ns(1.25, 1.0), 1);
    record.markFinished(1, ns(2.25, 1.0), TaskStatus::Failed, u"boom"_s);
    record.publishEvents();

    const Schedule prediction = predictSchedule(record.scenario().tasks, record.options());
    const RunStats st = computeStats(record, prediction);
    QCOMPARE(st.ok, 1);
    QCOMPARE(st.failed, 1);
    QCOMPARE(st.started, 2);
    QVERIFY(qAbs(st.startDeviation.at(0) - 0.1) < 1e-9);
    QVERIFY(qAbs(st.startDeviation.at(1) - 0.25) < 1e-9);
    QVERIFY(qAbs(st.meanStartDeviation - 0.175) < 1e-9);
    QVERIFY(qAbs(st.maxStartDeviation - 0.25) < 1e-9);
    QVERIFY(qAbs(st.meanWait - 0.675) < 1e-9);
    QVERIFY(qAbs(st.maxWait - 1.25) < 1e-9);
    QVERIFY(qAbs(st.makespan - 2.25) < 1e-9);
    QVERIFY(qAbs(st.speedup - 2.0 / 2.25) < 1e-9);
    QCOMPARE(st.peakConcurrency, 1);
}

void tst_Schedule::statsOfEmptyRun()
{
    RunRecord record(makeScenario({}, 0, 1.0));
    const RunStats st = computeStats(record, predictSchedule({}, record.options()));
    QCOMPARE(st.tasks, 0);
    QCOMPARE(st.makespan, 0.0);
    QCOMPARE(st.speedup, 0.0);
    QCOMPARE(st.peakConcurrency, 0);
    QCOMPARE(st.meanWait, 0.0);
    QVERIFY(concurrencySteps(record).isEmpty());
}

void tst_Schedule::stepsOfRunStillGoing()
{
    // Unlimited, three tasks: two running, one finished, nothing waiting.
    RunRecord record(makeScenario({1, 4, 4}, 0, 1.0));
    for (qsizetype i = 0; i < 3; ++i) {
        record.markSubmitted(i, 0);
        record.markStarted(i, ns(0.5, 1.0), int(i) + 1);
    }
    record.markFinished(0, ns(1.5, 1.0), TaskStatus::Ok);
    compareSteps(concurrencySteps(record), {{0, 0, 3}, {0.5, 3, 0}, {1.5, 2, 0}}, 1.0);
    const RunStats st =
            computeStats(record, predictSchedule(record.scenario().tasks, record.options()));
    QCOMPARE(st.peakConcurrency, 3);
    QCOMPARE(st.ok, 1);
    QCOMPARE(st.started, 3);
}

void tst_Schedule::peakAgreesWithTheStepFunction()
{
    // computeStats() finds the peak without building the step function; on random records with
    // shared instants, hand-overs and tasks that never started, both must say the same.
    QRandomGenerator rng(7);
    for (int round = 0; round < 200; ++round) {
        const int n = 1 + int(rng.bounded(40));
        RunRecord record(makeScenario(QList<double>(n, 1.0), 0, 1.0));
        for (qsizetype i = 0; i < n; ++i) {
            record.markSubmitted(i, 0);
            const int kind = int(rng.bounded(10));
            const qint64 start = qint64(rng.bounded(20));
            const qint64 finish = start + qint64(rng.bounded(5)); // 0: finishes as it starts
            if (kind == 0)
                continue; // still waiting
            if (kind == 1) {
                record.markFinished(i, start, TaskStatus::Cancelled); // never started
                continue;
            }
            record.markStarted(i, start, 1);
            if (kind != 2) // 2: still running
                record.markFinished(i, finish, TaskStatus::Ok);
        }
        int expected = 0;
        for (const ConcurrencyStep &step : concurrencySteps(record))
            expected = std::max(expected, step.running);
        const RunStats st =
                computeStats(record, predictSchedule(record.scenario().tasks, record.options()));
        QVERIFY2(st.peakConcurrency == expected, qPrintable(u"round %1: %2 against %3"_s.arg(round)
                                                                    .arg(st.peakConcurrency)
                                                                    .arg(expected)));
    }
}

void tst_Schedule::resultsLineCanBeCut()
{
    RunRecord record(makeScenario({5, 1, 8, 3, 4}, 0, 1.0));
    for (qsizetype i = 0; i < 5; ++i) {
        record.markSubmitted(i, 0);
        record.markStarted(i, 0, 1);
        record.markFinished(i, 1, TaskStatus::Ok);
    }
    QCOMPARE(RunReport::resultsLine(record), u"results: [5, 1, 8, 3, 4]"_s);
    QCOMPARE(RunReport::resultsLine(record, 5), u"results: [5, 1, 8, 3, 4]"_s);
    QCOMPARE(RunReport::resultsLine(record, 2), u"results: [5, 1, \u2026]"_s);
    QCOMPARE(RunReport::resultsLine(record, 0), u"results: [\u2026]"_s);
}

void tst_Schedule::largeRecordsSortLikeAPlainSort_data()
{
    QTest::addColumn<int>("tasks");
    QTest::addColumn<qint64>("spreadNs"); // how far apart starts may be
    QTest::newRow("nearly sorted, many equal") << 30000 << qint64(50);
    QTest::newRow("shuffled, hours") << 30000 << qint64(3) * 3600 * 1000000000;
    QTest::newRow("shuffled, 2^40 ns") << 20000 << (qint64(1) << 40);
}

void tst_Schedule::largeRecordsSortLikeAPlainSort()
{
    // Big records sort their timestamps with a radix sort; the step function and the peak must
    // be what sorting every (time, change) pair the plain way gives.
    QFETCH(int, tasks);
    QFETCH(qint64, spreadNs);
    QRandomGenerator rng(11);
    RunRecord record(makeScenario(QList<double>(tasks, 1.0), 0, 1.0));
    std::vector<std::pair<qint64, int>> running; // (time, -1 finish / +1 start)
    for (qsizetype i = 0; i < tasks; ++i) {
        record.markSubmitted(i, 0);
        const qint64 start = spreadNs <= 100 ? qint64(i) * spreadNs / 100 + qint64(rng.bounded(3))
                                             : qint64(rng.generate64() % quint64(spreadNs));
        const qint64 finish = start + qint64(rng.bounded(1000));
        record.markStarted(i, start, 1);
        record.markFinished(i, finish, TaskStatus::Ok);
        running.emplace_back(start, +1);
        running.emplace_back(finish, -1);
    }
    std::sort(running.begin(), running.end()); // -1 before +1 at one instant
    int level = 0;
    int peak = 0;
    QList<std::pair<qint64, int>> expected; // (time, running after the instant)
    for (size_t k = 0; k < running.size(); ++k) {
        level += running[k].second;
        peak = std::max(peak, level);
        if (k + 1 < running.size() && running[k + 1].first == running[k].first)
            continue;
        if (!expected.isEmpty() && expected.constLast().second == level)
            continue;
        expected.append({running[k].first, level});
    }
    const RunStats st =
            computeStats(record, predictSchedule(record.scenario().tasks, record.options()));
    QCOMPARE(st.peakConcurrency, peak);
    // The record's steps also count waiting tasks (all submitted at 0): compare the running part.
    QList<std::pair<qint64, int>> steps;
    for (const ConcurrencyStep &step : concurrencySteps(record)) {
        if (!steps.isEmpty() && steps.constLast().second == step.running)
            continue;
        if (step.ns == 0 && step.running == 0)
            continue; // the submission instant, before anything runs
        steps.append({step.ns, step.running});
    }
    QCOMPARE(steps.size(), expected.size());
    QCOMPARE(steps, expected);
}

void tst_Schedule::gateStepsOfHandFilledRun()
{
    // Gate "cpu" (limit 2): tasks 0, 1, 3; gate "io" (limit 1): task 2; task 4 ungated. Task 3
    // starts when task 0 finishes (a permit handed over: never 3 at once); task 5 ("cpu") was
    // cancelled before it started and takes no part.
    Scenario s = makeScenario({2, 3, 1, 1, 5, 1}, 0, 1.0);
    s.options.gates = {Gate{u"cpu"_s, 2}, Gate{u"io"_s, 1}};
    for (const qsizetype i : {0, 1, 3, 5})
        s.tasks[i].setGate(u"cpu"_s);
    s.tasks[2].setGate(u"io"_s);
    RunRecord r(s);
    const auto at = [](double seconds) { return ns(seconds, 1.0); };
    for (qsizetype i = 0; i < 6; ++i)
        r.markSubmitted(i, 0);
    r.markStarted(0, at(0), 1);
    r.markStarted(1, at(1), 2);
    r.markStarted(2, at(0), 3);
    r.markStarted(4, at(0), 4);
    r.markFinished(0, at(2), TaskStatus::Ok);
    r.markStarted(3, at(2), 1);
    r.markFinished(2, at(1), TaskStatus::Ok);
    r.markFinished(3, at(3), TaskStatus::Failed);
    r.markFinished(1, at(4), TaskStatus::Ok);
    r.markFinished(4, at(5), TaskStatus::Ok);
    r.markFinished(5, at(0.5), TaskStatus::Cancelled);
    r.publishEvents();

    const QList<QList<ConcurrencyStep>> steps = gateConcurrencySteps(r);
    QCOMPARE(steps.size(), 2);
    compareSteps(steps.at(0), {{0, 1, 0}, {1, 2, 0}, {3, 1, 0}, {4, 0, 0}}, 1.0);
    compareSteps(steps.at(1), {{0, 1, 0}, {1, 0, 0}}, 1.0);
    QVERIFY(sameSteps(gateConcurrencySteps(r, 0), steps.at(0)));
    QVERIFY(sameSteps(gateConcurrencySteps(r, 1), steps.at(1)));
    QVERIFY(gateConcurrencySteps(r, 2).isEmpty());
    QVERIFY(gateConcurrencySteps(r, -1).isEmpty());

    // No gates, no steps.
    RunRecord plain(makeScenario({1}, 0, 1.0));
    QVERIFY(gateConcurrencySteps(plain).isEmpty());
}

void tst_Schedule::gateStepsAgreeWithARecount()
{
    // A random run behind three gates, built by hand the way the engine would run it (each
    // gate's permits handed from task to task), some tasks still running: the steps equal a
    // plain count at every instant, never exceed the gate's limit, and peak at gatePeaks.
    QRandomGenerator rng(20240611);
    const QList<Gate> gates = {Gate{u"a"_s, 3}, Gate{u"b"_s, 1}, Gate{u"c"_s, 5}};
    constexpr qsizetype tasks = 3000;
    QList<double> durations(tasks, 1.0);
    Scenario s = makeScenario(durations, 0, 1.0);
    s.options.gates = gates;
    for (qsizetype i = 0; i < tasks; ++i) {
        const int g = rng.bounded(4); // 3: ungated
        if (g < 3)
            s.tasks[i].setGate(gates.at(g).name);
    }
    RunRecord r(s);
    // Per gate, the time each permit is free again; tasks take the earliest one.
    std::vector<std::vector<qint64>> freeAt;
    for (const Gate &g : gates)
        freeAt.emplace_back(size_t(g.limit), 0);
    std::vector<qint64> finishes(static_cast<size_t>(tasks));
    std::vector<qsizetype> lastOfGate(static_cast<size_t>(gates.size()), -1);
    for (qsizetype i = 0; i < tasks; ++i) {
        r.markSubmitted(i, 0);
        const int g = s.options.gateIndex(s.tasks.at(i).gate());
        const qint64 duration = rng.bounded(1, 50) * 1000; // ties happen
        qint64 start = rng.bounded(0, 100) * 1000;
        if (g >= 0) {
            const auto permit =
                    std::min_element(freeAt[size_t(g)].begin(), freeAt[size_t(g)].end());
            start = std::max(start, *permit);
            *permit = start + duration;
            lastOfGate[size_t(g)] = i;
        }
        r.markStarted(i, start, 1);
        finishes[size_t(i)] = start + duration;
    }
    // Still running: some ungated tasks and each gate's last one (no task of the gate came after
    // it, so it holds its permit to the end).
    for (qsizetype i = 0; i < tasks; ++i) {
        const bool last = std::find(lastOfGate.begin(), lastOfGate.end(), i) != lastOfGate.end();
        if (!last && (!s.tasks.at(i).gate().isEmpty() || i % 50 != 7))
            r.markFinished(i, finishes[size_t(i)], TaskStatus::Ok);
    }
    r.publishEvents();

    const QList<QList<ConcurrencyStep>> steps = gateConcurrencySteps(r);
    const RunStats stats = computeStats(r, Schedule());
    QCOMPARE(steps.size(), gates.size());
    for (qsizetype g = 0; g < gates.size(); ++g) {
        const QList<ConcurrencyStep> &gs = steps.at(g);
        QVERIFY(!gs.isEmpty());
        int peak = 0;
        for (qsizetype k = 0; k < gs.size(); ++k) {
            const ConcurrencyStep &step = gs.at(k);
            if (k > 0) {
                QVERIFY(gs.at(k - 1).ns < step.ns);
                QVERIFY(gs.at(k - 1).running != step.running);
            }
            // Running at that instant: started at or before it, not finished by then.
            int count = 0;
            for (qsizetype i = 0; i < tasks; ++i) {
                const TaskSample t = r.sample(i);
                if (s.tasks.at(i).gate() == gates.at(g).name && t.startedNs <= step.ns
                    && (!t.hasFinished() || t.finishedNs > step.ns))
                    ++count;
            }
            QCOMPARE(step.running, count);
            QCOMPARE(step.waiting, 0);
            QVERIFY(step.running <= gates.at(g).limit);
            peak = std::max(peak, step.running);
        }
        QCOMPARE(peak, stats.gatePeaks.at(g));
        QVERIFY(sameSteps(gateConcurrencySteps(r, int(g)), gs));
    }
}

void tst_Schedule::serverSharesItsCapacity_data()
{
    QTest::addColumn<int>("tasks");
    QTest::addColumn<double>("capacity");
    QTest::addColumn<double>("latency");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QList<double>>("finishes");

    // Two requests of 1 s on a server that serves one at full speed: each at half speed.
    QTest::newRow("two on capacity 1") << 2 << 1.0 << 0.0 << 0 << QList<double>{2, 2};
    QTest::newRow("latency comes on top") << 2 << 1.0 << 0.5 << 0 << QList<double>{2.5, 2.5};
    QTest::newRow("limit 1 serialises") << 2 << 1.0 << 0.0 << 1 << QList<double>{1, 2};
    QTest::newRow("limit 1, latency holds the permit")
            << 2 << 1.0 << 0.25 << 1 << QList<double>{1.25, 2.5};
    QTest::newRow("capacity 0 is unlimited") << 3 << 0.0 << 0.0 << 0 << QList<double>{1, 1, 1};
    QTest::newRow("capacity above the load") << 2 << 4.0 << 0.0 << 0 << QList<double>{1, 1};
    // Three at half speed each (1.5 shared by three): all end together.
    QTest::newRow("three on capacity 1.5") << 3 << 1.5 << 0.0 << 0 << QList<double>{2, 2, 2};
}

void tst_Schedule::serverSharesItsCapacity()
{
    QFETCH(int, tasks);
    QFETCH(double, capacity);
    QFETCH(double, latency);
    QFETCH(int, limit);
    QFETCH(QList<double>, finishes);

    const Schedule s =
            predictSchedule(serverTasks(tasks, 1.0), serverOptions(capacity, 0, latency, limit), 2);
    QCOMPARE(s.finish.size(), finishes.size());
    for (qsizetype i = 0; i < finishes.size(); ++i)
        QVERIFY2(qFuzzyCompare(s.finish.at(i), finishes.at(i)),
                 qPrintable(u"task %1 finished at %2"_s.arg(i).arg(s.finish.at(i))));
    QVERIFY(qFuzzyCompare(s.makespan, *std::max_element(finishes.begin(), finishes.end())));
    QCOMPARE(s.rejected, 0);
    QCOMPARE(s.failed, 0);
    QCOMPARE(s.retries, 0);
    QCOMPARE(s.attempts, QList<quint8>(tasks, 1));
}

void tst_Schedule::limitBelowMaxInFlightIsNeverRejected()
{
    // 24 requests of 1 s, capacity 4, at most 8 in flight, limit 4: six rounds of four.
    const Schedule s = predictSchedule(serverTasks(24, 1.0, 3), serverOptions(4, 8, 0, 4), 2);
    QVERIFY(qFuzzyCompare(s.makespan, 6.0));
    QCOMPARE(s.rejected, 0);
    QCOMPARE(s.retries, 0);
    QCOMPARE(s.failed, 0);
    for (qsizetype i = 0; i < 24; ++i)
        QVERIFY(qFuzzyCompare(s.start.at(i) + 1.0, s.finish.at(i)));
}

void tst_Schedule::unlimitedIsRejectedAndRetries()
{
    // Without retries the 16 that find 8 in flight fail at once; the 8 served share capacity 4.
    Schedule s = predictSchedule(serverTasks(24, 1.0, 0), serverOptions(4, 8, 0), 2);
    QCOMPARE(s.rejected, 16);
    QCOMPARE(s.failed, 16);
    QCOMPARE(s.retries, 0);
    QVERIFY(qFuzzyCompare(s.makespan, 2.0));
    qsizetype failedFlags = 0;
    for (qsizetype i = 0; i < 24; ++i) {
        failedFlags += s.taskFailed(i) ? 1 : 0;
        QCOMPARE(s.attempts.at(i), quint8(1));
        QVERIFY(s.taskFailed(i) == (i >= 8)); // the first eight got in
        if (s.taskFailed(i))
            QCOMPARE(s.finish.at(i), 0.0);
    }
    QCOMPARE(failedFlags, 16);

    // With retries: more requests than tasks, and a batch no shorter than the limited one.
    s = predictSchedule(serverTasks(24, 1.0, 3), serverOptions(4, 8, 0.1), 2);
    QVERIFY(s.rejected > 0);
    QVERIFY(s.retries > 0);
    QVERIFY(s.failed > 0 || s.makespan > 6.0);
    qsizetype attempts = 0;
    for (const quint8 a : s.attempts)
        attempts += a;
    QCOMPARE(attempts, 24 + s.retries);
    QVERIFY(s.retries <= 24 * 3);
    QVERIFY(s.rejected == s.retries + s.failed);
}

void tst_Schedule::rejectedRetryWaitsItsBackoffAfterTheAnswer()
{
    // Two requests, one in flight at most, latency 0.1: the second is refused, hears so at 0.1,
    // waits its backoff, is refused again (the first is in service until 1) and fails.
    QList<Task> tasks = serverTasks(2, 1.0, 1);
    tasks[1].setBackoff(0.5);
    RunOptions o = serverOptions(0, 1, 0.1);
    o.seed = 7;
    const Schedule s = predictSchedule(tasks, o, 2);
    const double delay = retryDelay(0.5, 7, 1, 1);
    QVERIFY(delay >= 0.25 && delay < 0.5);
    QVERIFY(qFuzzyCompare(s.finish.at(0), 1.1));
    QVERIFY(qFuzzyCompare(s.finish.at(1), 0.1 + delay + 0.1));
    QCOMPARE(s.attempts, (QList<quint8>{1, 2}));
    QVERIFY(!s.taskFailed(0));
    QVERIFY(s.taskFailed(1));
    QCOMPARE(s.rejected, 2);
    QCOMPARE(s.retries, 1);
    QCOMPARE(s.failed, 1);

    // A long backoff lets the retry in once the first is done.
    tasks[1].setBackoff(4.0);
    const Schedule later = predictSchedule(tasks, o, 2);
    const double longDelay = retryDelay(4.0, 7, 1, 1);
    QVERIFY(!later.taskFailed(1));
    QVERIFY(qFuzzyCompare(later.finish.at(1), 0.1 + longDelay + 1.0 + 0.1));
    QCOMPARE(later.rejected, 1);
    QCOMPARE(later.retries, 1);
}

void tst_Schedule::serverTaskTimesOut()
{
    // Four requests of 4 s on capacity 1 would take 16 s; each task gives up after 10 s.
    const Schedule s = predictSchedule(serverTasks(4, 4.0, 0, 10.0), serverOptions(1, 0, 0), 2);
    QCOMPARE(s.failed, 4);
    for (qsizetype i = 0; i < 4; ++i)
        QCOMPARE(s.finish.at(i), 10.0);
}

void tst_Schedule::serverPredictionIsSeeded()
{
    const QList<Task> tasks = serverTasks(40, 0.5, 5);
    RunOptions o = serverOptions(2, 4, 0.05);
    o.seed = 42;
    const Schedule a = predictSchedule(tasks, o, 2);
    const Schedule b = predictSchedule(tasks, o, 2);
    QCOMPARE(a.finish, b.finish);
    QCOMPARE(a.attempts, b.attempts);
    QCOMPARE(a.retries, b.retries);
    QVERIFY(a.retries > 0);
    o.seed = 43;
    const Schedule c = predictSchedule(tasks, o, 2);
    QVERIFY(c.finish != a.finish);
}

void tst_Schedule::plainBatchHasNoPerTaskAttempts()
{
    RunOptions o = serverOptions(1, 1, 1, 2);
    Schedule s = predictSchedule(sleepTasks({5, 1, 8, 3, 4}), o);
    QVERIFY(!s.hasServerWork());
    QVERIFY(s.attempts.isEmpty());
    QVERIFY(s.failedTasks.isEmpty());
    QCOMPARE(s.makespan, 12.0);
    // Other HTTP tasks keep their duration; the server does not serve them.
    QList<Task> tasks{httpTask(u"local:/ip"_s), httpTask(u"local:/ip"_s)};
    tasks[0].duration = 2;
    tasks[1].duration = 3;
    s = predictSchedule(tasks, o);
    QVERIFY(!s.hasServerWork());
    QCOMPARE(s.makespan, 3.0);
}

void tst_Schedule::statsCarryRetriesAndRejections()
{
    Scenario scenario;
    scenario.tasks = serverTasks(2, 1.0, 1);
    RunRecord r(scenario);
    for (qsizetype i = 0; i < 2; ++i) {
        r.markSubmitted(i, 0);
        r.markStarted(i, 0, int(i) + 1);
    }
    r.markFinished(0, ns(1, 1), TaskStatus::Ok);
    r.markAttemptFailed(1, ns(0.1, 1), true, true);
    r.markAttemptFailed(1, ns(0.5, 1), true, false);
    r.markFinished(1, ns(0.5, 1), TaskStatus::Failed, u"429"_s);
    const RunStats st = computeStats(r, predictSchedule(scenario.tasks, scenario.options, 2));
    QCOMPARE(st.retries, 1);
    QCOMPARE(st.rejected, 2);
    QCOMPARE(st.failed, 1);
    const QString text = RunReport::summary(r, st);
    QVERIFY2(text.contains(u"rejected (429): 2"_s), qPrintable(text));
}

QTEST_GUILESS_MAIN(tst_Schedule)
#include "tst_schedule.moc"
