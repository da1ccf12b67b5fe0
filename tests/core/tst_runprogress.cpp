#include "runprogress.h"
#include "runrecord.h"
#include "runsession.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;

// The one incremental run model every view reads: followed batch by batch it must describe the
// same run as a plain recomputation from the record, live and final.
class tst_RunProgress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void liveMatchesRecomputation_data();
    void liveMatchesRecomputation();
    void finalMatchesRecomputation();
    void sessionSwapsInFinalDataBeforeRunFinished();
    void emptyRun();
};

namespace {

struct Plan
{
    qint64 submitted = 0;
    qint64 started = -1; // -1: never starts
    qint64 finished = 0;
    TaskStatus status = TaskStatus::Ok;
    int worker = 0;
};

// A random record with failed tasks, tasks cancelled while running, tasks cancelled before they
// started, ties in time, and events written (so published) out of time order.
std::shared_ptr<RunRecord> randomRecord(QRandomGenerator &rng, qsizetype n, QList<Plan> *plans)
{
    Scenario s;
    for (qsizetype i = 0; i < n; ++i) {
        Task t;
        t.duration = 1.0 + rng.bounded(5);
        s.tasks.append(t);
    }
    s.options.limit = 1 + rng.bounded(4);
    auto record = std::make_shared<RunRecord>(s);
    plans->clear();
    for (qsizetype i = 0; i < n; ++i) {
        Plan p;
        p.submitted = rng.bounded(3) == 0 ? qint64(rng.bounded(5)) * 1000 : 0;
        const int kind = rng.bounded(10);
        if (kind == 0) { // cancelled before it started
            p.finished = p.submitted + qint64(rng.bounded(50)) * 1000;
            p.status = TaskStatus::Cancelled;
        } else {
            p.started = p.submitted + qint64(rng.bounded(50)) * 1000;
            p.finished = p.started + qint64(rng.bounded(20)) * 1000; // may equal the start
            p.status = kind == 1 ? TaskStatus::Failed
                                 : (kind == 2 ? TaskStatus::Cancelled : TaskStatus::Ok);
            p.worker = 1 + rng.bounded(4);
        }
        plans->append(p);
        record->markSubmitted(i, p.submitted);
    }
    return record;
}

// The record's events in a shuffled but valid order (a task starts before it finishes).
QList<RunEvent> eventOrder(QRandomGenerator &rng, const QList<Plan> &plans)
{
    QList<RunEvent> pending;
    for (qsizetype i = 0; i < plans.size(); ++i)
        pending.append({qint32(i), plans.at(i).started < 0});
    QList<RunEvent> order;
    while (!pending.isEmpty()) {
        const qsizetype k = rng.bounded(int(pending.size()));
        const RunEvent e = pending.takeAt(k);
        order.append(e);
        if (!e.finish)
            pending.append({e.task, true});
    }
    return order;
}

void write(RunRecord &record, const QList<Plan> &plans, const RunEvent &e)
{
    const Plan &p = plans.at(e.task);
    if (!e.finish)
        record.markStarted(e.task, p.started, p.worker);
    else
        record.markFinished(e.task, p.finished, p.status);
}

// The step function's value at every instant where the reference changes.
void compareSteps(const RunProgress &progress, const QList<ConcurrencyStep> &reference)
{
    for (const ConcurrencyStep &step : reference) {
        const ConcurrencyStep v = progress.at(step.ns);
        QCOMPARE(v.running, step.running);
        QCOMPARE(v.waiting, step.waiting);
    }
    QCOMPARE(progress.at(-1).running, 0);
}

void compareCounts(const RunProgress &progress, const RunRecord &record)
{
    qsizetype submitted = 0, started = 0, finished = 0, ok = 0, failed = 0, cancelled = 0,
              running = 0, waiting = 0;
    qint64 last = 0;
    for (qsizetype i = 0; i < record.taskCount(); ++i) {
        const TaskSample s = record.sample(i);
        submitted += s.submittedNs >= 0;
        started += s.hasStarted();
        finished += s.hasFinished();
        ok += s.status == TaskStatus::Ok;
        failed += s.status == TaskStatus::Failed;
        cancelled += s.status == TaskStatus::Cancelled;
        running += s.hasStarted() && !s.hasFinished();
        waiting += s.submittedNs >= 0 && !s.hasStarted() && !s.hasFinished();
        last = std::max({last, s.submittedNs, s.startedNs, s.finishedNs});
    }
    QCOMPARE(progress.submitted(), submitted);
    QCOMPARE(progress.started(), started);
    QCOMPARE(progress.finished(), finished);
    QCOMPARE(progress.ok(), ok);
    QCOMPARE(progress.failed(), failed);
    QCOMPARE(progress.cancelled(), cancelled);
    QCOMPARE(progress.running(), running);
    QCOMPARE(progress.waiting(), waiting);
    QCOMPARE(progress.lastNs(), last);
}

} // namespace

void tst_RunProgress::liveMatchesRecomputation_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 200; ++seed)
        QTest::addRow("seed %u", seed) << seed;
}

void tst_RunProgress::liveMatchesRecomputation()
{
    QFETCH(quint32, seed);
    QRandomGenerator rng(seed);
    QList<Plan> plans;
    const qsizetype n = 1 + rng.bounded(60);
    const auto record = randomRecord(rng, n, &plans);
    RunProgress progress(record, predictSchedule(record->scenario().tasks, record->options()));
    const QList<RunEvent> order = eventOrder(rng, plans);
    qsizetype k = 0;
    while (k < order.size()) {
        // A progress batch of a random size, as the engine's timer publishes them; every fifth
        // seed also has big batches, whose increments are far enough out of order that the
        // model's sort of a batch gives up on insertion.
        const qsizetype batch =
                seed % 5 == 0 ? 1 + rng.bounded(int(order.size())) : 1 + rng.bounded(8);
        for (qsizetype j = 0; j < batch && k < order.size(); ++j, ++k)
            write(*record, plans, order.at(k));
        record->publishEvents();
        if (seed % 2 == 1) {
            // A budgeted update follows at most that many events; the next one catches up.
            const qsizetype before = progress.started() + progress.finished();
            progress.update(1);
            QVERIFY(progress.started() + progress.finished() <= before + 1);
        }
        progress.update();
        // Live, the model is the recomputation over what has been published.
        compareSteps(progress, concurrencySteps(*record));
        compareCounts(progress, *record);
        QVERIFY(progress.maxRunning() >= progress.running());
    }
    QVERIFY(record->isComplete());
    int peak = 0;
    for (const ConcurrencyStep &s : concurrencySteps(*record))
        peak = std::max(peak, s.running);
    QCOMPARE(progress.maxRunning(), peak);
    qsizetype assigned = 0;
    for (const auto &lane : progress.byWorker())
        assigned += qsizetype(lane.size());
    QCOMPARE(assigned, progress.started());
}

void tst_RunProgress::finalMatchesRecomputation()
{
    for (quint32 seed = 1; seed <= 100; ++seed) {
        QRandomGenerator rng(seed);
        QList<Plan> plans;
        const auto record = randomRecord(rng, 1 + rng.bounded(300), &plans);
        for (const RunEvent &e : eventOrder(rng, plans))
            write(*record, plans, e);
        record->publishEvents();
        const Schedule prediction = predictSchedule(record->scenario().tasks, record->options());
        const auto progress = RunProgress::completed(record, prediction);
        QVERIFY(progress->isFinal());
        const QList<ConcurrencyStep> steps = concurrencySteps(*record);
        QCOMPARE(progress->steps().size(), steps.size());
        for (qsizetype i = 0; i < steps.size(); ++i) {
            QCOMPARE(progress->steps().at(i).ns, steps.at(i).ns);
            QCOMPARE(progress->steps().at(i).running, steps.at(i).running);
            QCOMPARE(progress->steps().at(i).waiting, steps.at(i).waiting);
        }
        compareCounts(*progress, *record);
        const RunStats plain = computeStats(*record, prediction);
        const RunStats &st = progress->stats();
        QCOMPARE(st.peakConcurrency, plain.peakConcurrency);
        QCOMPARE(st.ok, plain.ok);
        QCOMPARE(st.failed, plain.failed);
        QCOMPARE(st.cancelled, plain.cancelled);
        QCOMPARE(st.makespan, plain.makespan);
        QCOMPARE(st.meanWait, plain.meanWait);
        QCOMPARE(st.ok + st.failed + st.cancelled, st.tasks);
        // Block extremes cover the steps they summarise.
        const qsizetype blocks = qsizetype(progress->stepBlocks().maxRunning.size());
        QCOMPARE(blocks, (steps.size() + RunProgress::stepBlock - 1) / RunProgress::stepBlock);
        for (qsizetype i = 0; i < steps.size(); ++i) {
            const size_t b = size_t(i / RunProgress::stepBlock);
            QVERIFY(steps.at(i).running <= progress->stepBlocks().maxRunning.at(b));
            QVERIFY(steps.at(i).running >= progress->stepBlocks().minRunning.at(b));
            QVERIFY(steps.at(i).waiting <= progress->stepBlocks().maxWaiting.at(b));
            QVERIFY(steps.at(i).waiting >= progress->stepBlocks().minWaiting.at(b));
        }
        // Each pool thread's tasks by start time.
        for (const auto &lane : progress->byWorker()) {
            for (size_t j = 1; j < lane.size(); ++j)
                QVERIFY(record->sample(lane[j - 1]).startedNs <= record->sample(lane[j]).startedNs);
        }
        QVERIFY(progress->resultsLine().startsWith(u"results: ["_s));
    }
}

void tst_RunProgress::sessionSwapsInFinalDataBeforeRunFinished()
{
    Scenario s;
    for (double d : {5.0, 1.0, 8.0, 3.0, 4.0}) {
        Task t;
        t.duration = d;
        s.tasks.append(t);
    }
    s.options.limit = 2;
    s.options.timeScale = 0.002;
    RunSession session;
    // A view's finish work sees each complete run once, on a thread of its own, before
    // runFinished(); what it wrote is visible then.
    std::mutex mutex;
    QList<std::shared_ptr<const RunRecord>> worked;
    std::atomic<bool> onGuiThread{false};
    const std::thread::id gui = std::this_thread::get_id();
    session.addFinishWork([&](const std::shared_ptr<const RunRecord> &record, const Schedule &p) {
        if (std::this_thread::get_id() == gui)
            onGuiThread = true;
        // Checked on the test's thread: QTest records failures there only.
        std::lock_guard lock(mutex);
        if (record->isComplete() && p.start.size() == record->taskCount())
            worked.append(record);
    });
    QList<bool> finalAtRunFinished;
    connect(&session, &RunSession::runFinished, this, [&](int run) {
        const auto progress = session.runProgress(run);
        std::lock_guard lock(mutex);
        finalAtRunFinished.append(progress && progress->isFinal()
                                  && progress->finished() == progress->record()->taskCount()
                                  && worked.size() == run + 1
                                  && worked.at(run) == progress->record());
    });
    QSignalSpy finished(&session, &RunSession::finished);
    QVERIFY(session.start(s, true));
    QVERIFY(finished.wait(60000));
    QCOMPARE(finalAtRunFinished, (QList<bool>{true, true}));
    QVERIFY(!onGuiThread);
    QCOMPARE(session.runProgress(1)->stats().peakConcurrency, 2);
    QCOMPARE(session.runProgress(1)->resultsLine(), u"results: [5, 1, 8, 3, 4]"_s);
}

void tst_RunProgress::emptyRun()
{
    auto record = std::make_shared<RunRecord>(Scenario());
    record->finishLoading();
    const auto progress = RunProgress::completed(record, Schedule());
    QVERIFY(progress->steps().isEmpty());
    QCOMPARE(progress->at(0).running, 0);
    QCOMPARE(progress->finished(), 0);
    QCOMPARE(progress->stats().tasks, 0);
}

QTEST_GUILESS_MAIN(tst_RunProgress)
#include "tst_runprogress.moc"
