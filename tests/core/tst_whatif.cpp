#include "runprogress.h"
#include "runrecord.h"
#include "testscenarios.h"
#include "whatif.h"

#include <QTest>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

// WhatIf::predict on records built by hand: the FIFO list schedule of the recorded durations in
// recorded start order, statuses and stored results kept.
class tst_WhatIf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void makespanOfTheArticle_data();
    void makespanOfTheArticle();
    void atAnotherTimeScale();
    void recordedStartOrderRespected();
    void neverStartedTasksKeepTheirStatus();
    void storedResultsCopied();
    void scenarioOfFollowsTheRecordedOrder();
    void limitAboveThePoolRunsThePool();
    void millionTasks();
};

namespace {

struct Recorded
{
    double start = 0.0; // scenario seconds; negative: never started
    double duration = 0.0;
    TaskStatus status = TaskStatus::Ok;
    QVariant result = {};
};

// A finished run of sleeps as a file would give it back: task i took tasks[i].duration from
// tasks[i].start (scenario seconds at timeScale).
std::shared_ptr<const RunRecord> recordedRun(const QList<Recorded> &tasks, double timeScale = 1.0)
{
    QList<double> durations;
    for (const Recorded &t : tasks)
        durations.append(t.duration);
    auto record = std::make_shared<RunRecord>(makeScenario(durations, 0, timeScale));
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        const Recorded &t = tasks.at(i);
        TaskSample s;
        s.submittedNs = 0;
        s.status = t.status;
        if (t.start >= 0) {
            s.startedNs = record->toNanoseconds(t.start);
            s.finishedNs = record->toNanoseconds(t.start + t.duration);
            s.worker = int(i) + 1;
        }
        record->setLoaded(i, s, t.result);
    }
    record->finishLoading();
    return record;
}

// The article's unlimited run: 5, 1, 8, 3 and 4 s, all started at 0.
std::shared_ptr<const RunRecord> articleRun(double timeScale = 1.0)
{
    QList<Recorded> tasks;
    for (double d : {5.0, 1.0, 8.0, 3.0, 4.0})
        tasks.append({0.0, d});
    return recordedRun(tasks, timeScale);
}

double makespan(const RunRecord &record)
{
    qint64 end = 0;
    for (qsizetype i = 0; i < record.taskCount(); ++i)
        end = std::max(end, record.sample(i).finishedNs);
    return record.toScenarioSeconds(end);
}

} // namespace

void tst_WhatIf::makespanOfTheArticle_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<double>("expected");
    // Limit 2: 5 and 1 start; 1 ends at 1, 8 runs 1..9; 5 ends at 5, 3 runs 5..8, 4 runs 8..12.
    QTest::newRow("limit 1") << 1 << 21.0;
    QTest::newRow("limit 2") << 2 << 12.0;
    QTest::newRow("limit 3") << 3 << 8.0;
    QTest::newRow("limit 5") << 5 << 8.0;
    QTest::newRow("limit 6") << 6 << 8.0;
    QTest::newRow("limit 1000") << 1000 << 8.0;
}

void tst_WhatIf::makespanOfTheArticle()
{
    QFETCH(int, limit);
    QFETCH(double, expected);
    const auto recorded = articleRun();
    const auto predicted = WhatIf::predict(*recorded, limit);
    QVERIFY(predicted);
    QCOMPARE(predicted->taskCount(), 5);
    QVERIFY(predicted->isComplete());
    QCOMPARE(predicted->options().limit, limit);
    QCOMPARE(predicted->options().origin, RunOrigin::WhatIf);
    QCOMPARE(predicted->options().plainName(), u"what-if limit %1"_s.arg(limit));
    QCOMPARE(makespan(*predicted), expected);
    // Never more than the limit at once.
    for (qsizetype i = 0; i < 5; ++i) {
        const TaskSample a = predicted->sample(i);
        int overlapping = 0;
        for (qsizetype j = 0; j < 5; ++j) {
            const TaskSample b = predicted->sample(j);
            if (b.startedNs <= a.startedNs && a.startedNs < b.finishedNs)
                ++overlapping;
        }
        QVERIFY2(overlapping <= limit, qPrintable(u"task %1"_s.arg(i + 1)));
    }
}

void tst_WhatIf::atAnotherTimeScale()
{
    // A run recorded at time scale 0.01: its times are real nanoseconds, read as scenario seconds
    // through the record's time scale; the prediction keeps that axis.
    const auto recorded = articleRun(0.01);
    const auto predicted = WhatIf::predict(*recorded, 2);
    QCOMPARE(predicted->options().timeScale, 0.01);
    QCOMPARE(makespan(*predicted), 12.0);
    QCOMPARE(predicted->sample(4).finishedNs, recorded->toNanoseconds(12.0));
}

// A limit above the most threads a pool may have predicts that pool, as the engine would run it.
void tst_WhatIf::limitAboveThePoolRunsThePool()
{
    QList<Recorded> tasks;
    const int n = ScenarioLimits::maxThreads + 10;
    for (int i = 0; i < n; ++i)
        tasks.append({0.0, 1.0});
    const auto predicted = WhatIf::predict(*recordedRun(tasks), n);
    QCOMPARE(predicted->options().threads, ScenarioLimits::maxThreads);
    int running = 0;
    for (qsizetype i = 0; i < predicted->taskCount(); ++i)
        running += predicted->sample(i).startedNs == 0 ? 1 : 0;
    QCOMPARE(running, ScenarioLimits::maxThreads);
    QCOMPARE(makespan(*predicted), 2.0);
}

void tst_WhatIf::recordedStartOrderRespected()
{
    // Index order 1..4, start order 3, 1, 4, 2: with one slot they run in the start order.
    const auto recorded = recordedRun({{2.0, 1.0}, {9.0, 2.0}, {0.0, 4.0}, {5.0, 3.0}});
    QCOMPARE(WhatIf::recordedOrder(*recorded), (QList<qsizetype>{2, 0, 3, 1}));
    const auto predicted = WhatIf::predict(*recorded, 1);
    const auto startOf = [&](qsizetype i) {
        return predicted->toScenarioSeconds(predicted->sample(i).startedNs);
    };
    QCOMPARE(startOf(2), 0.0);
    QCOMPARE(startOf(0), 4.0);
    QCOMPARE(startOf(3), 5.0);
    QCOMPARE(startOf(1), 8.0);
    QCOMPARE(makespan(*predicted), 10.0);
    // Same indices as the recording: task i is still task i.
    for (qsizetype i = 0; i < 4; ++i)
        QCOMPARE(predicted->task(i).duration, recorded->task(i).duration);
}

void tst_WhatIf::neverStartedTasksKeepTheirStatus()
{
    const auto recorded = recordedRun({{0.0, 2.0},
                                       {-1.0, 5.0, TaskStatus::Cancelled},
                                       {0.0, 3.0},
                                       {1.0, 1.0, TaskStatus::Failed, u"boom"_s}});
    const auto predicted = WhatIf::predict(*recorded, 1);
    QVERIFY(predicted->isComplete());
    const TaskSample never = predicted->sample(1);
    QVERIFY(!never.hasStarted());
    QCOMPARE(never.status, TaskStatus::Cancelled);
    // It ended with the others (found by tst_monkey: a what-if of a stopped run whose tasks had
    // not started showed them done and -1 running each).
    QVERIFY(never.hasFinished());
    const auto progress = RunProgress::completed(predicted, Schedule());
    QCOMPARE(progress->running(), 0);
    QCOMPARE(progress->waiting(), 0);
    QCOMPARE(progress->finished(), 4);
    QCOMPARE(predicted->sample(3).status, TaskStatus::Failed);
    QCOMPARE(predicted->sample(0).status, TaskStatus::Ok);
    // The never-started task takes no time: 2 + 3 + 1 with one slot.
    QCOMPARE(makespan(*predicted), 6.0);
}

void tst_WhatIf::storedResultsCopied()
{
    const auto recorded = recordedRun({{0.0, 1.0, TaskStatus::Ok, u"hello"_s},
                                       {0.0, 2.0},
                                       {0.0, 1.0, TaskStatus::Failed, u"HTTP 503"_s}});
    const auto predicted = WhatIf::predict(*recorded, 2);
    QCOMPARE(predicted->result(0).toString(), u"hello"_s);
    QCOMPARE(predicted->result(1).toDouble(), 2.0); // derived from the task, as recorded
    QCOMPARE(predicted->result(2).toString(), u"HTTP 503"_s);
}

void tst_WhatIf::scenarioOfFollowsTheRecordedOrder()
{
    const auto recorded = recordedRun({{2.0, 1.0}, {9.0, 2.0}, {0.0, 4.0}, {-1.0, 3.0}});
    const Scenario s = WhatIf::scenarioOf(*recorded);
    QCOMPARE(s.tasks.size(), 4);
    QCOMPARE(s.options.limit, 0);
    QCOMPARE(s.options.timeScale, 1.0);
    QCOMPARE(s.tasks.at(0).duration, 4.0);
    QCOMPARE(s.tasks.at(1).duration, 1.0);
    QCOMPARE(s.tasks.at(2).duration, 2.0);
    QCOMPARE(s.tasks.at(3).duration, 0.001); // never ran: the smallest a scenario accepts
}

void tst_WhatIf::millionTasks()
{
    // Correctness at size; the time it takes is bench_sweep's BENCH whatif_seconds_1m.
    constexpr qsizetype n = 1'000'000;
    constexpr int limit = 8;
    QList<double> durations(n);
    for (qsizetype i = 0; i < n; ++i)
        durations[i] = 0.001 * double(i % 7 + 1);
    auto record = std::make_shared<RunRecord>(makeScenario(durations));
    double total = 0.0;
    for (qsizetype i = 0; i < n; ++i) {
        TaskSample s;
        s.submittedNs = 0;
        s.status = TaskStatus::Ok;
        // Started in reverse index order, so the recorded order is not the index order.
        s.startedNs = (n - i) * 1000;
        s.finishedNs = s.startedNs + record->toNanoseconds(durations.at(i));
        s.worker = 1;
        record->setLoaded(i, s, QVariant());
        total += durations.at(i);
    }
    record->finishLoading();

    const auto predicted = WhatIf::predict(*record, limit);
    QCOMPARE(predicted->taskCount(), n);
    QVERIFY(predicted->isComplete());
    // FIFO in recorded order: the starts never go back in time along that order, and each slot's
    // tasks follow one another without overlap.
    std::vector<qint64> slotFree(limit + 1, 0);
    qint64 lastStart = -1;
    qint64 end = 0;
    for (qsizetype k = n - 1; k >= 0; --k) {
        const TaskSample s = predicted->sample(k);
        QVERIFY(s.worker >= 1 && s.worker <= limit);
        QVERIFY(s.startedNs >= lastStart);
        QVERIFY(s.startedNs >= slotFree[size_t(s.worker)]);
        QCOMPARE(s.finishedNs - s.startedNs, record->toNanoseconds(durations.at(k)));
        lastStart = s.startedNs;
        slotFree[size_t(s.worker)] = s.finishedNs;
        end = std::max(end, s.finishedNs);
    }
    // A list schedule ends between the work over the slots and that plus the longest task.
    const double span = predicted->toScenarioSeconds(end);
    QVERIFY2(span >= total / limit - 1e-6 && span <= total / limit + 0.007 + 1e-6,
             qPrintable(u"%1 s for %2 s of work"_s.arg(span).arg(total)));
}

QTEST_GUILESS_MAIN(tst_WhatIf)
#include "tst_whatif.moc"
