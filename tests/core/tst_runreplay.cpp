#include "runprogress.h"
#include "runrecord.h"
#include "runreplay.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

// A replay shows finished runs at any instant as live runs: at every t its records and models must
// hold what a plain recomputation from the original samples says had happened by t, however the
// seeks came, and at the end the originals' statistics.
class tst_RunReplay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stateMatchesRecomputation_data();
    void stateMatchesRecomputation();
    void backwardAndForwardSeeksAgree();
    void endIsTheOriginal();
    void storedResultsAndRetriesReplay();
    void emptyRuns();
};

namespace {

// A complete random record as the engine writes it: submissions in index order, failed tasks with
// an error text, tasks cancelled while running or before they started, ties in time, retries.
std::shared_ptr<const RunRecord> randomRecord(QRandomGenerator &rng, qsizetype n, int limit)
{
    Scenario s;
    for (qsizetype i = 0; i < n; ++i) {
        Task t;
        t.duration = 1.0 + rng.bounded(5);
        s.tasks.append(t);
    }
    s.options.limit = limit;
    s.options.timeScale = 0.001;
    auto record = std::make_shared<RunRecord>(s);
    struct Finish
    {
        qint64 ns;
        qsizetype task;
        TaskStatus status;
        QString text;
    };
    QList<std::pair<qint64, qsizetype>> starts;
    QList<Finish> finishes;
    qint64 submitted = 0;
    for (qsizetype i = 0; i < n; ++i) {
        submitted += qint64(rng.bounded(3)) * 1000;
        record->markSubmitted(i, submitted);
        const int kind = rng.bounded(10);
        if (kind == 0) {
            finishes.append({submitted + qint64(rng.bounded(50)) * 1000, i, TaskStatus::Cancelled,
                             QString()});
            continue;
        }
        const qint64 started = submitted + qint64(rng.bounded(50)) * 1000;
        const qint64 finished = started + qint64(rng.bounded(20)) * 1000; // may equal the start
        starts.append({started, i});
        const TaskStatus status = kind == 1 ? TaskStatus::Failed
                                            : (kind == 2 ? TaskStatus::Cancelled : TaskStatus::Ok);
        finishes.append({finished, i, status,
                         status == TaskStatus::Failed ? u"error %1"_s.arg(i) : QString()});
    }
    // Written in time order (a start before its finish), as the pool threads would.
    std::stable_sort(starts.begin(), starts.end());
    std::stable_sort(finishes.begin(), finishes.end(),
                     [](const Finish &a, const Finish &b) { return a.ns < b.ns; });
    qsizetype f = 0;
    for (const auto &[ns, task] : std::as_const(starts)) {
        for (; f < finishes.size() && finishes.at(f).ns < ns; ++f) {
            const Finish &x = finishes.at(f);
            record->markFinished(x.task, x.ns, x.status, x.text);
        }
        record->markStarted(task, ns, 1 + int(task % limit));
    }
    for (; f < finishes.size(); ++f) {
        const Finish &x = finishes.at(f);
        record->markFinished(x.task, x.ns, x.status, x.text);
    }
    record->publishEvents();
    Q_ASSERT(record->isComplete());
    return record;
}

struct Counts
{
    qsizetype submitted = 0;
    qsizetype running = 0;
    qsizetype waiting = 0;
    qsizetype finished = 0;
    qsizetype ok = 0;
    qsizetype failed = 0;
    qsizetype cancelled = 0;
};

// What had happened by t, from the original's samples alone.
Counts recompute(const RunRecord &r, qint64 t)
{
    Counts c;
    for (qsizetype i = 0; i < r.taskCount(); ++i) {
        const TaskSample s = r.sample(i);
        const bool submitted = s.submittedNs >= 0 && s.submittedNs <= t;
        const bool started = s.hasStarted() && s.startedNs <= t;
        const bool finished = s.hasFinished() && std::max(s.finishedNs, s.startedNs) <= t;
        c.submitted += submitted ? 1 : 0;
        c.running += started && !finished ? 1 : 0;
        c.waiting += submitted && !started && !finished ? 1 : 0;
        if (finished) {
            ++c.finished;
            c.ok += s.status == TaskStatus::Ok ? 1 : 0;
            c.failed += s.status == TaskStatus::Failed ? 1 : 0;
            c.cancelled += s.status == TaskStatus::Cancelled ? 1 : 0;
        }
    }
    return c;
}

// The replay's run k at its position agrees with the recomputation, in its model, its steps and
// its record's samples and results.
void checkAt(const RunReplay &replay, int k)
{
    const qint64 t = replay.position();
    const RunRecord &original = *replay.originals().at(k);
    const RunRecord &r = *replay.records().at(k);
    const RunProgress &p = *replay.progress().at(k);
    QCOMPARE(p.record().get(), &r);
    const Counts c = recompute(original, t);
    QCOMPARE(p.running(), c.running);
    QCOMPARE(p.waiting(), c.waiting);
    QCOMPARE(p.finished(), c.finished);
    QCOMPARE(p.ok(), c.ok);
    QCOMPARE(p.failed(), c.failed);
    QCOMPARE(p.cancelled(), c.cancelled);
    QCOMPARE(r.finishedCount(), c.finished);
    const ConcurrencyStep step = p.at(t);
    QCOMPARE(qsizetype(step.running), c.running);
    QCOMPARE(qsizetype(step.waiting), c.waiting);
    QCOMPARE(r.isComplete(), c.finished == original.taskCount());
    for (qsizetype i = 0; i < r.taskCount(); ++i) {
        const TaskSample o = original.sample(i);
        const TaskSample s = r.sample(i);
        QCOMPARE(s.submittedNs, o.submittedNs <= t ? o.submittedNs : -1);
        if (o.hasStarted() && o.startedNs <= t) {
            QCOMPARE(s.startedNs, o.startedNs);
            QCOMPARE(s.worker, o.worker);
        } else {
            QCOMPARE(s.startedNs, -1);
        }
        if (o.hasFinished() && std::max(o.finishedNs, o.startedNs) <= t) {
            QCOMPARE(s.status, o.status);
            QCOMPARE(s.finishedNs, o.finishedNs);
            QCOMPARE(r.result(i), original.result(i));
        } else {
            QVERIFY(!isTerminal(s.status));
            QVERIFY(!r.result(i).isValid());
        }
    }
}

QList<Schedule> predictionsOf(const QList<std::shared_ptr<const RunRecord>> &runs)
{
    QList<Schedule> predictions;
    for (const auto &run : runs)
        predictions.append(predictSchedule(run->scenario().tasks, run->options(), 4));
    return predictions;
}

} // namespace

void tst_RunReplay::stateMatchesRecomputation_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("tasks");
    QTest::addColumn<int>("runs");
    QTest::newRow("one run") << 1u << 40 << 1;
    QTest::newRow("two runs") << 2u << 60 << 2;
    QTest::newRow("one task") << 3u << 1 << 1;
    QTest::newRow("two runs, larger") << 4u << 400 << 2;
}

void tst_RunReplay::stateMatchesRecomputation()
{
    QFETCH(quint32, seed);
    QFETCH(int, tasks);
    QFETCH(int, runs);
    QRandomGenerator rng(seed);
    QList<std::shared_ptr<const RunRecord>> records;
    for (int k = 0; k < runs; ++k)
        records.append(randomRecord(rng, tasks * (k + 1), k == 0 ? tasks : 3));
    RunReplay replay(records, predictionsOf(records));
    QVERIFY(replay.endNs() > 0 || tasks == 1);
    for (int step = 0; step < 60; ++step) {
        // Random instants, either way, and the edges.
        const qint64 t = step == 0 ? 0
                                   : (step == 1 ? replay.endNs()
                                                : qint64(rng.bounded(quint64(replay.endNs() + 1))));
        replay.seek(t);
        QCOMPARE(replay.position(), t);
        QCOMPARE(replay.records().size(), runs);
        QCOMPARE(replay.progress().size(), runs);
        for (int k = 0; k < runs; ++k) {
            checkAt(replay, k);
            if (QTest::currentTestFailed())
                return;
        }
    }
}

void tst_RunReplay::backwardAndForwardSeeksAgree()
{
    QRandomGenerator rng(7);
    const QList<std::shared_ptr<const RunRecord>> records = {randomRecord(rng, 300, 300),
                                                             randomRecord(rng, 300, 4)};
    RunReplay walked(records, predictionsOf(records));
    // Forward in small steps up to the end, then back, then to random instants: each state is the
    // one a fresh replay reaches with a single seek.
    QList<qint64> times;
    for (qint64 t = 0; t <= walked.endNs(); t += std::max<qint64>(1, walked.endNs() / 37))
        times.append(t);
    times.append(walked.endNs());
    for (qsizetype k = times.size() - 1; k >= 0; k -= 5)
        times.append(times.at(k));
    for (int k = 0; k < 20; ++k)
        times.append(qint64(rng.bounded(quint64(walked.endNs() + 1))));
    for (const qint64 t : std::as_const(times)) {
        walked.seek(t);
        RunReplay fresh(records, predictionsOf(records));
        fresh.seek(t);
        for (int run = 0; run < records.size(); ++run) {
            const RunProgress &a = *walked.progress().at(run);
            const RunProgress &b = *fresh.progress().at(run);
            QCOMPARE(a.running(), b.running());
            QCOMPARE(a.waiting(), b.waiting());
            QCOMPARE(a.finished(), b.finished());
            QCOMPARE(a.lastNs(), b.lastNs());
            QCOMPARE(a.steps().size(), b.steps().size());
            QCOMPARE(a.maxRunning(), b.maxRunning());
            QCOMPARE(walked.records().at(run)->completionOrder(),
                     fresh.records().at(run)->completionOrder());
            checkAt(walked, run);
            if (QTest::currentTestFailed())
                return;
        }
    }
}

void tst_RunReplay::endIsTheOriginal()
{
    QRandomGenerator rng(11);
    const QList<std::shared_ptr<const RunRecord>> records = {randomRecord(rng, 200, 200),
                                                             randomRecord(rng, 200, 2)};
    const QList<Schedule> predictions = predictionsOf(records);
    RunReplay replay(records, predictions);
    replay.seek(replay.endNs() / 3);
    replay.seek(replay.endNs());
    QVERIFY(replay.atEnd());
    for (int k = 0; k < records.size(); ++k) {
        const RunRecord &r = *replay.records().at(k);
        QVERIFY(r.isComplete());
        QCOMPARE(r.publishedEventCount(), records.at(k)->publishedEventCount());
        const RunProgress &p = *replay.progress().at(k);
        QVERIFY(p.isFinal());
        const auto original = RunProgress::completed(records.at(k), predictions.at(k));
        const RunStats &a = p.stats();
        const RunStats &b = original->stats();
        QCOMPARE(a.tasks, b.tasks);
        QCOMPARE(a.ok, b.ok);
        QCOMPARE(a.failed, b.failed);
        QCOMPARE(a.cancelled, b.cancelled);
        QCOMPARE(a.started, b.started);
        QCOMPARE(a.makespan, b.makespan);
        QCOMPARE(a.busy, b.busy);
        QCOMPARE(a.peakConcurrency, b.peakConcurrency);
        QCOMPARE(a.meanWait, b.meanWait);
        QCOMPARE(a.meanCompletion, b.meanCompletion);
        QCOMPARE(p.resultsLine(), original->resultsLine());
        QCOMPARE(p.steps().size(), original->steps().size());
        QCOMPARE(p.running(), original->running());
        QCOMPARE(p.waiting(), original->waiting());
        // The replayed record itself, recomputed, gives the same statistics.
        const auto again = RunProgress::completed(replay.records().at(k), predictions.at(k));
        QCOMPARE(again->stats().makespan, b.makespan);
        QCOMPARE(again->stats().peakConcurrency, b.peakConcurrency);
        QCOMPARE(again->resultsLine(), original->resultsLine());
    }
}

void tst_RunReplay::storedResultsAndRetriesReplay()
{
    Scenario s;
    for (int i = 0; i < 3; ++i) {
        Task t;
        t.duration = 1.0;
        s.tasks.append(t);
    }
    s.options.limit = 3;
    auto record = std::make_shared<RunRecord>(s);
    record->setWorkerNames({u"main"_s, u"io"_s});
    auto details = std::make_shared<TaskDetails>();
    for (int i = 0; i < 3; ++i)
        details->append(QByteArray(QByteArray("detail ") + QByteArray::number(i)));
    record->setTaskDetails(details);
    for (int i = 0; i < 3; ++i) {
        record->markSubmitted(i, 0);
        record->markStarted(i, 10, 1 + i % 2);
    }
    record->markAttemptFailed(1, 20, true, true);
    record->markAttemptFailed(1, 30, false, true);
    record->markAttemptFailed(2, 40, true, false);
    record->markFinished(0, 50, TaskStatus::Ok, u"a stored body"_s);
    record->markFinished(1, 60, TaskStatus::Ok);
    record->markFinished(2, 70, TaskStatus::Failed, u"429 Too Many Requests"_s);
    record->publishEvents();

    RunReplay replay({record}, {Schedule()});
    QCOMPARE(replay.endNs(), 70);
    replay.seek(25);
    const RunRecord &r = *replay.records().first();
    QCOMPARE(r.workerNames(), record->workerNames());
    QCOMPARE(r.taskDetails(2), u"detail 2"_s);
    QCOMPARE(r.retryTimes(1), QList<qint64>{20});
    QCOMPARE(r.rejectedCount(1), 1);
    QCOMPARE(r.attempts(1), 2);
    QVERIFY(!r.result(0).isValid());
    replay.seek(55);
    QCOMPARE(r.result(0), QVariant(u"a stored body"_s));
    QCOMPARE(r.retryTimes(1), (QList<qint64>{20, 30}));
    replay.seek(70);
    const RunRecord &end = *replay.records().first();
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(end.result(i), record->result(i));
        QCOMPARE(end.attempts(i), record->attempts(i));
        QCOMPARE(end.rejectedCount(i), record->rejectedCount(i));
        QCOMPARE(end.retryTimes(i), record->retryTimes(i));
    }
    QCOMPARE(end.totalRetries(), record->totalRetries());
    QCOMPARE(end.totalRejected(), record->totalRejected());
}

void tst_RunReplay::emptyRuns()
{
    RunReplay none({}, {});
    QCOMPARE(none.endNs(), 0);
    none.seek(10);
    QCOMPARE(none.position(), 0);
    QVERIFY(none.atEnd());
    QVERIFY(none.progress().isEmpty());

    auto empty = std::make_shared<RunRecord>(Scenario());
    RunReplay one({empty}, {Schedule()});
    one.seek(0);
    QCOMPARE(one.progress().size(), 1);
    QVERIFY(one.records().first()->isComplete());
}

QTEST_GUILESS_MAIN(tst_RunReplay)
#include "tst_runreplay.moc"
