#include "runengine.h"
#include "runrecord.h"
#include "runsession.h"
#include "schedule.h"
#include "testrun.h"
#include "testscenarios.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

using namespace Qt::StringLiterals;

// The engine at a fast time scale. Timing assertions are one-sided where physics allows it (a
// sleep never ends early, a FIFO start is never earlier than predicted) and generous on the late
// side, so a loaded two-core machine makes the suite slower, not red.
class tst_RunEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unlimitedStartsEveryTaskAtOnce();
    void limitTwoIsFifoAndMatchesPrediction();
    void limitOneIsStrictlyInOrder();
    void progressIsBatched();
    void cancelMidRun_data();
    void cancelMidRun();
    void manyZeroDurationTasks_data();
    void manyZeroDurationTasks();
    void startWhileRunningIsRefused();
    void zeroTasks();
    void destroyDuringRun_data();
    void destroyDuringRun();
    void waitForFinished();
    void staleCompletionDoesNotEndTheNextRun();

    void sessionCompare();
    void sessionCompareNeedsALimit();
    void sessionCancelDuringFirstRunSkipsTheSecond();
    void sessionSetsViewsUpBeforeTheThreadsStart();

    void prepareThenLaunch();
    void preparedRunCancelledBeforeLaunch();
    void preparedRunDestroyedOrWaitedForWithoutLaunch();
    void poolThreadsKeepTheCallersPriority();
};

namespace {

// A hang detector, not a speed check: 10,000 unlimited tasks under TSan on a loaded 2-core machine
// took more than 10 s in CI.
constexpr int timeoutMs = 60000;

qsizetype startedCount(const RunRecord &record)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < record.taskCount(); ++i)
        n += record.sample(i).hasStarted() ? 1 : 0;
    return n;
}

// Every task ended exactly once with `expected`, and its timestamps are ordered.
void verifyTerminal(const RunRecord &record, TaskStatus expected)
{
    for (qsizetype i = 0; i < record.taskCount(); ++i) {
        const TaskSample s = record.sample(i);
        QCOMPARE(s.status, expected);
        QVERIFY(s.hasFinished());
        QVERIFY(s.submittedNs >= 0);
        if (s.hasStarted()) {
            QVERIFY2(s.submittedNs <= s.startedNs, qPrintable(u"task %1"_s.arg(i + 1)));
            QVERIFY2(s.startedNs <= s.finishedNs, qPrintable(u"task %1"_s.arg(i + 1)));
            QVERIFY(s.worker >= 1);
        }
    }
}

QList<double> scenarioStarts(const RunRecord &record)
{
    QList<double> starts;
    for (qsizetype i = 0; i < record.taskCount(); ++i)
        starts.append(record.toScenarioSeconds(record.sample(i).startedNs));
    return starts;
}

} // namespace

void tst_RunEngine::unlimitedStartsEveryTaskAtOnce()
{
    // 0.1 real s per scenario s: the shortest task lasts 100 ms, far more than starting five.
    const QList<double> durations{5, 1, 8, 3, 4};
    RunEngine engine;
    QVERIFY(runToEnd(engine, makeScenario(durations, 0, 0.1), timeoutMs));
    const RunRecord &record = *engine.record();
    verifyTerminal(record, TaskStatus::Ok);

    qint64 lastStart = 0;
    qint64 firstFinish = std::numeric_limits<qint64>::max();
    for (qsizetype i = 0; i < record.taskCount(); ++i) {
        const TaskSample s = record.sample(i);
        lastStart = std::max(lastStart, s.startedNs);
        firstFinish = std::min(firstFinish, s.finishedNs);
        // A sleep never ends before its duration (1 us for rounding).
        QVERIFY(s.finishedNs - s.startedNs >= record.toNanoseconds(durations.at(i)) - 1000);
    }
    qInfo("last start %.3f ms, first finish %.3f ms", lastStart / 1e6, firstFinish / 1e6);
    QVERIFY(lastStart < firstFinish);
    // The first five published events are the five starts.
    for (qsizetype k = 0; k < 5; ++k)
        QVERIFY(!record.event(k).finish);

    const RunStats st = computeStats(record, engine.prediction());
    QCOMPARE(st.peakConcurrency, 5);
    QCOMPARE(st.predictedMakespan, 8.0);
    qInfo("makespan %.4f (predicted 8)", st.makespan);
    QVERIFY(st.makespan >= 8.0);
    // Concurrency itself is shown by the order above (every start before the first finish); a
    // serial run would take the sum of the durations.
    QVERIFY(st.makespan < std::accumulate(durations.cbegin(), durations.cend(), 0.0));
    for (qsizetype i = 0; i < durations.size(); ++i)
        QCOMPARE(record.result(i).toDouble(), durations.at(i));
    QCOMPARE(record.completionOrder(), (QList<qsizetype>{1, 3, 4, 0, 2}));
}

void tst_RunEngine::limitTwoIsFifoAndMatchesPrediction()
{
    const QList<double> durations{5, 1, 8, 3, 4};
    const double scale = 0.25;
    // Late by at most 1 scenario s, the shortest task: a dispatcher that waited for one finish too
    // many would be at least that late. At this scale it is 250 ms real, for lateness that
    // accumulates along a chain of up to five wake-ups (a two-core machine busy with builds was
    // measured at 44 ms without sanitizers). Early is not tolerated at all (beyond rounding), and
    // that is what catches an admission out of order: any task started before its FIFO turn is
    // at least 1 s early.
    const double tolerance = 1.0;
    RunEngine engine;
    QVERIFY(runToEnd(engine, makeScenario(durations, 2, scale), timeoutMs));
    const RunRecord &record = *engine.record();
    verifyTerminal(record, TaskStatus::Ok);

    const Schedule &prediction = engine.prediction();
    QCOMPARE(prediction.start, (QList<double>{0, 0, 1, 5, 8}));
    const QList<double> starts = scenarioStarts(record);
    double worst = 0;
    for (qsizetype i = 0; i < durations.size(); ++i) {
        const double deviation = starts.at(i) - prediction.start.at(i);
        worst = std::max(worst, deviation);
        // FIFO never starts a task earlier than the ideal schedule, only later.
        QVERIFY2(deviation >= -1e-3 && deviation <= tolerance,
                 qPrintable(u"task %1 started at %2, predicted %3"_s.arg(i + 1)
                                    .arg(starts.at(i))
                                    .arg(prediction.start.at(i))));
    }
    qInfo("largest start deviation %.4f scenario s (%.2f ms real)", worst, worst * scale * 1e3);

    // Never more than two running, at any instant of the record.
    int peak = 0;
    for (const ConcurrencyStep &step : concurrencySteps(record)) {
        QVERIFY(step.running <= 2);
        peak = std::max(peak, step.running);
    }
    QCOMPARE(peak, 2);
    QCOMPARE(computeStats(record, prediction).peakConcurrency, 2);

    // FIFO admission: tasks 3, 4, 5 start in submission order, each after a slot freed.
    QVERIFY(starts.at(2) < starts.at(3));
    QVERIFY(starts.at(3) < starts.at(4));
    QVERIFY(record.sample(2).startedNs >= record.sample(1).finishedNs);
    QVERIFY(record.sample(3).startedNs >= record.sample(0).finishedNs);
    QVERIFY(record.sample(4).startedNs >= record.sample(3).finishedNs);

    // Results in submission order, whatever the completion order.
    for (qsizetype i = 0; i < durations.size(); ++i)
        QCOMPARE(record.result(i).toDouble(), durations.at(i));
    QCOMPARE(record.completionOrder(), (QList<qsizetype>{1, 0, 3, 2, 4}));
    QVERIFY(computeStats(record, prediction).makespan >= 12.0);
}

void tst_RunEngine::limitOneIsStrictlyInOrder()
{
    constexpr qsizetype n = 50;
    RunEngine engine;
    QVERIFY(runToEnd(engine, makeScenario(QList<double>(n, 0.01), 1, 0.01), timeoutMs));
    const RunRecord &record = *engine.record();
    verifyTerminal(record, TaskStatus::Ok);
    for (qsizetype i = 1; i < n; ++i)
        QVERIFY(record.sample(i).startedNs >= record.sample(i - 1).finishedNs);
    // Start and finish events alternate, task by task.
    QCOMPARE(record.publishedEventCount(), 2 * n);
    for (qsizetype k = 0; k < 2 * n; ++k) {
        const RunEvent e = record.event(k);
        QCOMPARE(e.task, qint32(k / 2));
        QCOMPARE(e.finish, k % 2 == 1);
    }
}

void tst_RunEngine::progressIsBatched()
{
    constexpr qsizetype n = 2000;
    RunEngine engine;
    QCOMPARE(engine.progressInterval(), 16);
    QSignalSpy progress(&engine, &RunEngine::progress);
    QSignalSpy finished(&engine, &RunEngine::finished);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(engine.start(makeScenario(QList<double>(n, 0.0), 8, 0.01)));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, timeoutMs);
    const qint64 elapsedMs = timer.elapsed();
    const RunRecord &record = *engine.record();
    verifyTerminal(record, TaskStatus::Ok);

    // The ranges tile [0, 2n) in order: every event delivered exactly once.
    qsizetype next = 0;
    for (const QList<QVariant> &args : std::as_const(progress)) {
        const auto first = args.at(0).value<qsizetype>();
        const auto end = args.at(1).value<qsizetype>();
        QCOMPARE(first, next);
        QVERIFY(end > first);
        next = end;
    }
    QCOMPARE(next, 2 * n);
    QCOMPARE(record.publishedEventCount(), 2 * n);

    // Batches, not one signal per event: at most one per timer tick plus the final one.
    qInfo("%lld progress signals for %lld events in %lld ms", qlonglong(progress.count()),
          qlonglong(2 * n), qlonglong(elapsedMs));
    QVERIFY(progress.count() >= 1);
    QVERIFY(progress.count() < 2 * n / 20);
    QVERIFY(progress.count() <= elapsedMs / engine.progressInterval() + 3);
}

void tst_RunEngine::cancelMidRun_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<qsizetype>("expectRunning");

    QTest::newRow("limit 2") << 2 << qsizetype(2);
    QTest::newRow("unlimited") << 0 << qsizetype(6);
}

void tst_RunEngine::cancelMidRun()
{
    QFETCH(int, limit);
    QFETCH(qsizetype, expectRunning);

    const int threadsBefore = threadCount();
    // Real seconds: nothing can end on its own while the test looks. "Promptly" below is measured
    // against this duration, not against a wall-clock figure a loaded machine could miss.
    constexpr qsizetype n = 6;
    constexpr double taskSeconds = 60.0;
    constexpr qint64 taskMs = qint64(taskSeconds * 1000);
    RunEngine engine;
    QSignalSpy progress(&engine, &RunEngine::progress);
    QSignalSpy finished(&engine, &RunEngine::finished);
    QVERIFY(engine.start(makeScenario(QList<double>(n, taskSeconds), limit, 1.0)));
    auto record = engine.record();

    // Live progress reaches the owner while the run goes on.
    QTRY_VERIFY_WITH_TIMEOUT(record->publishedEventCount() == expectRunning, timeoutMs);
    QVERIFY(progress.count() >= 1);
    QVERIFY(engine.isRunning());
    QVERIFY(!engine.isCancelRequested());
    QCOMPARE(startedCount(*record), expectRunning);

    const qint64 cancelNs = engine.elapsedNs();
    QElapsedTimer timer;
    timer.start();
    engine.cancel();
    QVERIFY(engine.isCancelRequested());
    // finished() is queued, so it cannot have been emitted before the spy waits for it.
    QVERIFY(finished.wait(int(taskMs)));
    const qint64 ms = timer.elapsed();
    QCOMPARE(finished.count(), 1);
    qInfo("cancel() to finished(): %lld ms", qlonglong(ms));
    // Sleeps that ignored the cancel would end a whole task duration later.
    QVERIFY2(ms < taskMs / 4, "running tasks must stop promptly on cancel");

    verifyTerminal(*record, TaskStatus::Cancelled);
    qint64 slowestNs = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const TaskSample s = record->sample(i);
        if (i < expectRunning) {
            QVERIFY(s.hasStarted());
            slowestNs = std::max(slowestNs, s.finishedNs - cancelNs);
        } else {
            QVERIFY2(!s.hasStarted(), "a pending task must never start after cancel");
            QCOMPARE(s.worker, 0);
        }
        QCOMPARE(record->result(i).toString(), u"cancelled"_s);
    }
    qInfo("slowest running task ended %.2f ms after cancel", slowestNs / 1e6);
    QVERIFY(slowestNs < taskMs * 1'000'000 / 4);

    const RunStats st = computeStats(*record, engine.prediction());
    QCOMPARE(st.cancelled, n);
    QCOMPARE(st.ok, 0);
    QCOMPARE(st.started, expectRunning);
    QVERIFY(!engine.isRunning());
    QVERIFY(engine.isCancelRequested());
    // No thread of the run outlives it.
    QTRY_VERIFY_WITH_TIMEOUT(threadCount() <= threadsBefore, timeoutMs);
}

void tst_RunEngine::manyZeroDurationTasks_data()
{
    QTest::addColumn<int>("limit");
    QTest::newRow("limit 8") << 8;
    QTest::newRow("unlimited") << 0;
}

void tst_RunEngine::manyZeroDurationTasks()
{
    QFETCH(int, limit);
    constexpr qsizetype n = 10000;
    RunEngine engine;
    QElapsedTimer timer;
    timer.start();
    QVERIFY(runToEnd(engine, makeScenario(QList<double>(n, 0.0), limit, 0.01), timeoutMs));
    qInfo("%lld tasks in %lld ms", qlonglong(n), qlonglong(timer.elapsed()));
    const RunRecord &record = *engine.record();
    QCOMPARE(record.finishedCount(), n);
    verifyTerminal(record, TaskStatus::Ok);
    const int pool = record.options().effectiveThreads(n);
    for (qsizetype i = 0; i < n; ++i)
        QVERIFY(record.sample(i).worker <= pool);

    // Exactly one start and one finish per task, the start first.
    QCOMPARE(record.publishedEventCount(), 2 * n);
    std::vector<int> seen(size_t(n), 0);
    for (qsizetype k = 0; k < 2 * n; ++k) {
        const RunEvent e = record.event(k);
        int &state = seen[size_t(e.task)];
        QCOMPARE(state, e.finish ? 1 : 0);
        ++state;
    }
    QVERIFY(std::all_of(seen.cbegin(), seen.cend(), [](int s) { return s == 2; }));
    const RunStats st = computeStats(record, engine.prediction());
    QCOMPARE(st.ok, n);
    if (limit > 0)
        QVERIFY(st.peakConcurrency <= limit);
}

void tst_RunEngine::startWhileRunningIsRefused()
{
    RunEngine engine;
    QSignalSpy started(&engine, &RunEngine::started);
    QSignalSpy finished(&engine, &RunEngine::finished);
    QVERIFY(engine.start(makeScenario({60, 60}, 1, 1.0)));
    QCOMPARE(started.count(), 1);
    const auto record = engine.record();
    QVERIFY(!engine.start(makeScenario({1}, 0, 0.01)));
    QCOMPARE(started.count(), 1);
    QCOMPARE(engine.record(), record);
    QCOMPARE(engine.record()->taskCount(), 2);
    engine.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, timeoutMs);
    // Once it has ended, the engine runs again.
    QVERIFY(runToEnd(engine, makeScenario({1}, 0, 0.01), timeoutMs));
    QCOMPARE(engine.record()->taskCount(), 1);
}

void tst_RunEngine::zeroTasks()
{
    RunEngine engine;
    QSignalSpy finished(&engine, &RunEngine::finished);
    QVERIFY(runToEnd(engine, makeScenario({}, 0, 1.0), timeoutMs));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(engine.record()->taskCount(), 0);
    QCOMPARE(engine.prediction().makespan, 0.0);
}

void tst_RunEngine::destroyDuringRun_data()
{
    QTest::addColumn<bool>("waitForStarts");
    QTest::newRow("right after start") << false;
    QTest::newRow("while tasks sleep") << true;
}

void tst_RunEngine::destroyDuringRun()
{
    QFETCH(bool, waitForStarts);
    const int threadsBefore = threadCount();
    constexpr qint64 taskMs = 60000;
    auto engine = std::make_unique<RunEngine>();
    QVERIFY(engine->start(makeScenario(QList<double>(8, taskMs / 1000.0), 4, 1.0)));
    const auto record = engine->record();
    if (waitForStarts)
        QTRY_COMPARE_WITH_TIMEOUT(startedCount(*record), qsizetype(4), timeoutMs);

    QElapsedTimer timer;
    timer.start();
    engine.reset();
    qInfo("destroyed a running engine in %lld ms", qlonglong(timer.elapsed()));
    // Far less than one task's sleep: the destructor cancels, it does not wait the sleeps out.
    QVERIFY(timer.elapsed() < taskMs / 4);
    // The record outlives the engine and tells a consistent story.
    QVERIFY(record->isComplete());
    verifyTerminal(*record, TaskStatus::Cancelled);
    // A queued completion for the dead engine must not crash the event loop.
    QCoreApplication::processEvents();
    QTRY_VERIFY_WITH_TIMEOUT(threadCount() <= threadsBefore, timeoutMs);
}

void tst_RunEngine::waitForFinished()
{
    RunEngine engine;
    QSignalSpy finished(&engine, &RunEngine::finished);
    QVERIFY(engine.waitForFinished(0)); // nothing running

    QVERIFY(engine.start(makeScenario({5, 1, 8, 3, 4}, 2, 0.01)));
    QVERIFY(engine.waitForFinished(timeoutMs));
    QVERIFY(!engine.isRunning());
    QCOMPARE(finished.count(), 1); // emitted synchronously
    QVERIFY(engine.record()->isComplete());
    verifyTerminal(*engine.record(), TaskStatus::Ok);
    QCOMPARE(engine.record()->publishedEventCount(), 10);
    // The run's own queued completion arrives later and is ignored.
    QCoreApplication::processEvents();
    QCOMPARE(finished.count(), 1);

    // A timeout returns false and leaves the run alone.
    QVERIFY(engine.start(makeScenario({60}, 0, 1.0)));
    QVERIFY(!engine.waitForFinished(50));
    QVERIFY(engine.isRunning());
    engine.cancel();
    QVERIFY(engine.waitForFinished(timeoutMs));
    QCOMPARE(finished.count(), 2);
    QCOMPARE(engine.record()->status(0), TaskStatus::Cancelled);
}

void tst_RunEngine::staleCompletionDoesNotEndTheNextRun()
{
    // waitForFinished() completes a run synchronously; the run's queued completion arrives after
    // the next run has started and must not be taken for the new run's end.
    RunEngine engine;
    QSignalSpy finished(&engine, &RunEngine::finished);
    for (int round = 0; round < 5; ++round) {
        QVERIFY(engine.start(makeScenario({0, 0}, 1, 0.01)));
        QVERIFY(engine.waitForFinished(timeoutMs));
        // 2 s: long enough to tell, short enough that a failure does not stall the suite.
        QVERIFY(engine.start(makeScenario({2}, 0, 1.0)));
        QTRY_VERIFY_WITH_TIMEOUT(engine.record()->publishedEventCount() >= 1, timeoutMs);
        QCoreApplication::processEvents();
        QVERIFY2(engine.isRunning(), "the new run was ended by the previous run's completion");
        QCOMPARE(engine.record()->status(0), TaskStatus::Running);
        engine.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2 * (round + 1), timeoutMs);
    }
}

void tst_RunEngine::sessionCompare()
{
    RunSession session;
    QSignalSpy runStarted(&session, &RunSession::runStarted);
    QSignalSpy runFinished(&session, &RunSession::runFinished);
    QSignalSpy progress(&session, &RunSession::progress);
    QSignalSpy finished(&session, &RunSession::finished);
    const QList<double> durations{5, 1, 8, 3, 4};
    QVERIFY(session.start(makeScenario(durations, 2, 0.02), true));
    QVERIFY(session.isRunning());
    QVERIFY(session.isCompare());
    QCOMPARE(session.plannedRuns(), 2);
    QVERIFY(!session.start(makeScenario(durations, 2, 0.02), true)); // busy
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, timeoutMs);
    QVERIFY(!session.isRunning());
    QVERIFY(!session.wasCancelled());

    QCOMPARE(runStarted.count(), 2);
    QCOMPARE(runStarted.at(0).at(0).toInt(), 0);
    QCOMPARE(runStarted.at(1).at(0).toInt(), 1);
    QCOMPARE(runFinished.count(), 2);

    const auto records = session.records();
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(0)->runName(), u"unlimited"_s);
    QCOMPARE(records.at(1)->runName(), u"limit-2"_s);
    QCOMPARE(session.predictions().at(0).makespan, 8.0);
    QCOMPARE(session.predictions().at(1).makespan, 12.0);
    for (int r = 0; r < 2; ++r) {
        verifyTerminal(*records.at(r), TaskStatus::Ok);
        for (qsizetype i = 0; i < durations.size(); ++i)
            QCOMPARE(records.at(r)->result(i).toDouble(), durations.at(i));
    }
    QCOMPARE(computeStats(*records.at(0), session.predictions().at(0)).peakConcurrency, 5);
    QCOMPARE(computeStats(*records.at(1), session.predictions().at(1)).peakConcurrency, 2);

    // Progress of each run tiles its own events, the first run's before the second's.
    qsizetype next[2] = {0, 0};
    int lastRun = 0;
    for (const QList<QVariant> &args : std::as_const(progress)) {
        const int run = args.at(0).toInt();
        QVERIFY(run == 0 || run == 1);
        QVERIFY(run >= lastRun);
        lastRun = run;
        QCOMPARE(args.at(1).value<qsizetype>(), next[run]);
        next[run] = args.at(2).value<qsizetype>();
    }
    QCOMPARE(next[0], 10);
    QCOMPARE(next[1], 10);
}

void tst_RunEngine::sessionCompareNeedsALimit()
{
    RunSession session;
    QSignalSpy runStarted(&session, &RunSession::runStarted);
    QVERIFY(!session.start(makeScenario({1, 2}, 0, 0.01), true));
    QVERIFY(!session.isRunning());
    QCOMPARE(runStarted.count(), 0);
    QVERIFY(session.records().isEmpty());
}

void tst_RunEngine::sessionCancelDuringFirstRunSkipsTheSecond()
{
    RunSession session;
    QSignalSpy runStarted(&session, &RunSession::runStarted);
    QSignalSpy finished(&session, &RunSession::finished);
    QVERIFY(session.start(makeScenario(QList<double>(4, 60.0), 2, 1.0), true));
    QCOMPARE(session.records().size(), 1);
    const auto first = session.records().constFirst();
    QTRY_COMPARE_WITH_TIMEOUT(startedCount(*first), qsizetype(4), timeoutMs);
    session.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, timeoutMs);
    QVERIFY(session.wasCancelled());
    QVERIFY(!session.isRunning());
    QCOMPARE(runStarted.count(), 1);
    QCOMPARE(session.records().size(), 1);
    verifyTerminal(*first, TaskStatus::Cancelled);
    // And nothing starts later either.
    QCoreApplication::processEvents();
    QCOMPARE(runStarted.count(), 1);
    QVERIFY(!session.engine()->isRunning());
}

void tst_RunEngine::sessionSetsViewsUpBeforeTheThreadsStart()
{
    // runStarted comes while the record is prepared but no task has been submitted: views set up
    // before the run competes with them.
    RunSession session;
    bool sawFresh = false;
    connect(&session, &RunSession::runStarted, this, [&](int run) {
        const RunRecord &record = *session.records().at(run);
        sawFresh = !session.engine()->isRunning() ? false : record.sample(0).submittedNs < 0;
    });
    QSignalSpy finished(&session, &RunSession::finished);
    QVERIFY(session.start(makeScenario({0, 0, 0}, 2, 0.01), false));
    QVERIFY(finished.wait(timeoutMs));
    QVERIFY(sawFresh);
    verifyTerminal(*session.records().at(0), TaskStatus::Ok);
}

void tst_RunEngine::prepareThenLaunch()
{
    RunEngine engine;
    QSignalSpy started(&engine, &RunEngine::started);
    QSignalSpy finished(&engine, &RunEngine::finished);
    QVERIFY(engine.prepare(makeScenario({2, 1}, 1, 0.01)));
    QVERIFY(engine.isRunning());
    QVERIFY(!engine.prepare(makeScenario({1}, 1, 0.01))); // one run at a time
    QCOMPARE(engine.record()->taskCount(), 2);
    QCOMPARE(engine.prediction().makespan, 3.0);
    QCOMPARE(started.count(), 0);
    QCOMPARE(engine.record()->sample(0).submittedNs, -1); // no thread has touched it yet
    engine.launch();
    engine.launch(); // a second launch does nothing
    QCOMPARE(started.count(), 1);
    QVERIFY(finished.wait(timeoutMs));
    QCOMPARE(finished.count(), 1);
    verifyTerminal(*engine.record(), TaskStatus::Ok);
    QVERIFY(engine.record()->sample(0).finishedNs <= engine.record()->sample(1).startedNs);
}

void tst_RunEngine::preparedRunCancelledBeforeLaunch()
{
    RunEngine engine;
    QSignalSpy finished(&engine, &RunEngine::finished);
    QVERIFY(engine.prepare(makeScenario({5, 5, 5}, 2, 1.0)));
    engine.cancel();
    engine.launch();
    QVERIFY(finished.wait(timeoutMs));
    verifyTerminal(*engine.record(), TaskStatus::Cancelled);
    for (qsizetype i = 0; i < 3; ++i)
        QVERIFY(!engine.record()->sample(i).hasStarted());
}

void tst_RunEngine::preparedRunDestroyedOrWaitedForWithoutLaunch()
{
    {
        RunEngine engine;
        QVERIFY(engine.prepare(makeScenario({0, 0}, 1, 0.01)));
        QVERIFY(engine.waitForFinished(timeoutMs)); // launches what nobody launched
        verifyTerminal(*engine.record(), TaskStatus::Ok);
    }
    constexpr qint64 taskMs = 60000;
    QElapsedTimer t;
    t.start();
    {
        RunEngine engine;
        QVERIFY(engine.prepare(makeScenario({taskMs / 1000.0, taskMs / 1000.0}, 1, 1.0)));
        // Destroyed without launch: must not hang waiting for a dispatcher that never started,
        // nor run the tasks it was never asked to run.
    }
    QVERIFY2(t.elapsed() < taskMs / 4, qPrintable(u"took %1 ms"_s.arg(t.elapsed())));
}

// The nice value in a /proc/.../stat file (field 19), or -100 when unreadable.
static int niceIn(const QString &statPath)
{
    QFile stat(statPath);
    if (!stat.open(QIODevice::ReadOnly))
        return -100;
    const QByteArray line = stat.readAll();
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 16 ? fields.at(16).toInt() : -100; // field 19 overall: 3 + 16
}

// The nice value of every thread of this process.
static QList<int> threadNiceValues()
{
    QList<int> values;
    const QDir tasks(u"/proc/self/task"_s);
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        values.append(niceIn(tasks.filePath(tid + u"/stat"_s)));
    return values;
}

// The tool must not change what it measures: a CPU-bound task gets the same share of the
// processor in the window as in the CLI, so pool threads keep the process's priority.
void tst_RunEngine::poolThreadsKeepTheCallersPriority()
{
#ifndef Q_OS_LINUX
    QSKIP("per-thread nice values are read from /proc");
#else
    const int own = niceIn(u"/proc/thread-self/stat"_s);
    QVERIFY(own > -100);
    RunEngine engine;
    QSignalSpy finished(&engine, &RunEngine::finished);
    QVERIFY(engine.start(makeScenario({0.5, 0.5, 0.5}, 3, 1.0)));
    QTRY_VERIFY_WITH_TIMEOUT(engine.record()->sample(2).hasStarted(), timeoutMs);
    const QList<int> during = threadNiceValues();
    QVERIFY(during.size() >= 4); // this thread and the three pool threads at least
    for (const int nice : during)
        QCOMPARE(nice, own);
    QVERIFY(finished.wait(timeoutMs));
    verifyTerminal(*engine.record(), TaskStatus::Ok);
#endif
}

QTEST_GUILESS_MAIN(tst_RunEngine)
#include "tst_runengine.moc"
