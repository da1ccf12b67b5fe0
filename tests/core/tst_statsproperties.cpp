#include "csvexport.h"
#include "csvimport.h"
#include "runrecord.h"
#include "schedule.h"
#include "statsexport.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <queue>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

// The statistics' invariants over random records: runs stopped at random moments (tasks that
// never started, tasks cancelled while running), failed tasks, records read back from CSV, and the
// --stats JSON of each one read back against RunStats.
class tst_StatsProperties : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scheduledRuns();
    void arbitraryRecords();
    void stoppedRunCountsWhatRan();
    void csvRoundTrip();
    void jsonMatchesStats();
    void jsonIsDeterministic();
};

namespace {

constexpr double eps = 1e-9;

// A FIFO run as the engine makes one: slots = limit (or one per task), each task starts when a
// slot frees up (plus a little dispatch jitter), runs about its duration, may fail early; the run
// may be stopped at a random moment, which cancels the running tasks and the ones not started.
std::shared_ptr<RunRecord> scheduledRun(QRandomGenerator &rng, bool stop)
{
    Scenario s;
    const int n = 1 + rng.bounded(300);
    for (int i = 0; i < n; ++i) {
        Task t;
        t.duration = 0.01 * (1 + rng.bounded(500));
        s.tasks.append(t);
    }
    s.options.limit = rng.bounded(4) == 0 ? 0 : 1 + rng.bounded(8);
    s.options.timeScale = std::pow(10.0, -double(rng.bounded(4)));
    auto record = std::make_shared<RunRecord>(s);
    const int slots = s.options.limit > 0 ? s.options.limit : n;
    std::priority_queue<qint64, std::vector<qint64>, std::greater<>> freeAt;
    for (int k = 0; k < slots; ++k)
        freeAt.push(0);
    struct Plan
    {
        qint64 started, finished;
        TaskStatus status;
    };
    QList<Plan> plans;
    qint64 end = 0;
    for (int i = 0; i < n; ++i) {
        record->markSubmitted(i, 0);
        const qint64 started = freeAt.top() + qint64(rng.bounded(20000));
        freeAt.pop();
        const qint64 nominal = record->toNanoseconds(s.tasks.at(i).duration);
        const bool fails = rng.bounded(15) == 0;
        const qint64 ran = fails && rng.bounded(2)
                                   ? qint64(rng.bounded(int(nominal / 1000) + 1)) * 1000
                                   : nominal + qint64(rng.bounded(200000));
        const qint64 finished = started + ran;
        freeAt.push(finished);
        end = std::max(end, finished);
        plans.append({started, finished, fails ? TaskStatus::Failed : TaskStatus::Ok});
    }
    const qint64 stopAt = stop ? qint64(rng.generateDouble() * double(end)) : end + 1;
    for (int i = 0; i < n; ++i) {
        Plan &p = plans[i];
        if (p.started >= stopAt) { // never started: cancelled when the run stopped
            record->markFinished(i, stopAt + qint64(rng.bounded(1000)), TaskStatus::Cancelled);
            continue;
        }
        record->markStarted(i, p.started, 1 + i % slots);
        if (p.finished > stopAt)
            record->markFinished(i, stopAt + qint64(rng.bounded(1000)), TaskStatus::Cancelled);
        else
            record->markFinished(i, p.finished, p.status);
    }
    record->publishEvents();
    return record;
}

// Times with no schedule behind them: ties, zero-length tasks, submissions after time 0, a finish
// recorded before its start, tasks never submitted.
std::shared_ptr<RunRecord> arbitraryRecord(QRandomGenerator &rng)
{
    Scenario s;
    const int n = rng.bounded(60);
    for (int i = 0; i < n; ++i) {
        Task t;
        t.duration = rng.bounded(4);
        s.tasks.append(t);
    }
    s.options.limit = rng.bounded(3);
    s.options.timeScale = rng.bounded(2) ? 1.0 : 0.01;
    auto record = std::make_shared<RunRecord>(s);
    for (int i = 0; i < n; ++i) {
        const qint64 submitted = rng.bounded(5) == 0 ? -1 : qint64(rng.bounded(5)) * 1000000;
        if (submitted >= 0)
            record->markSubmitted(i, submitted);
        const int kind = rng.bounded(6);
        const qint64 base = std::max<qint64>(0, submitted);
        if (kind == 0) {
            record->markFinished(i, base + qint64(rng.bounded(50)) * 1000000,
                                 TaskStatus::Cancelled);
            continue;
        }
        const qint64 started = base + qint64(rng.bounded(50)) * 1000000;
        record->markStarted(i, started, 1 + rng.bounded(3));
        const qint64 finished = started + qint64(rng.bounded(30) - 3) * 1000000;
        record->markFinished(i, std::max<qint64>(0, finished),
                             kind == 1   ? TaskStatus::Failed
                             : kind == 2 ? TaskStatus::Cancelled
                                         : TaskStatus::Ok);
    }
    record->publishEvents();
    return record;
}

RunStats statsOf(const RunRecord &record)
{
    return computeStats(record, predictSchedule(record.scenario().tasks, record.options()));
}

// Every invariant of schedule.h's RunStats, and each figure recomputed from its definition.
void checkInvariants(const RunRecord &record, const RunStats &st, int limit)
{
    const auto where = [&] {
        return QStringLiteral("%1 tasks, limit %2: %3 ok %4 failed %5 cancelled, makespan %6, "
                              "serial %7, busy %8, speedup %9, peak %10")
                .arg(st.tasks)
                .arg(record.options().limit)
                .arg(st.ok)
                .arg(st.failed)
                .arg(st.cancelled)
                .arg(st.makespan)
                .arg(st.serial)
                .arg(st.busy)
                .arg(st.speedup)
                .arg(st.peakConcurrency)
                .toUtf8();
    };
    QVERIFY2(st.ok + st.failed + st.cancelled == st.tasks, where());
    QCOMPARE(st.tasks, record.taskCount());
    QVERIFY2(st.speedup <= st.peakConcurrency, where());
    QVERIFY2(st.speedup >= 0, where());
    QVERIFY2(st.serial <= st.busy * (1 + eps) + eps, where());
    QVERIFY2(st.busy <= st.makespan * st.peakConcurrency * (1 + eps) + eps, where());
    QVERIFY2(0 <= st.meanWait && st.meanWait <= st.maxWait && st.maxWait <= st.makespan, where());
    QVERIFY2(0 <= st.meanCompletion && st.meanCompletion <= st.makespan * (1 + eps), where());
    QVERIFY2(st.cancelledRunning <= st.cancelled && st.cancelledRunning <= st.started, where());
    QCOMPARE(st.completed, st.cancelled == 0);
    if (limit > 0)
        QVERIFY2(st.peakConcurrency <= limit, where());

    // The definitions, recomputed the plain way.
    double serial = 0, busy = 0, completion = 0;
    qsizetype completions = 0, started = 0;
    for (qsizetype i = 0; i < record.taskCount(); ++i) {
        const TaskSample t = record.sample(i);
        if (t.submittedNs < 0)
            continue; // took no part in the run
        if (t.status == TaskStatus::Ok || t.status == TaskStatus::Failed) {
            ++completions;
            const qint64 submitted = std::max<qint64>(0, t.submittedNs);
            completion += record.toScenarioSeconds(std::max({t.finishedNs, t.startedNs, submitted})
                                                   - submitted);
        }
        if (!t.hasStarted())
            continue;
        ++started;
        const double ran =
                record.toScenarioSeconds(std::max(t.finishedNs, t.startedNs) - t.startedNs);
        busy += ran;
        serial += std::min(record.task(i).duration, ran); // cancelled while running: what ran
    }
    QCOMPARE(st.started, started);
    QCOMPARE(st.completions, completions);
    QVERIFY2(std::abs(st.serial - serial) <= eps * std::max(1.0, serial), where());
    QVERIFY2(std::abs(st.busy - busy) <= eps * std::max(1.0, busy), where());
    const double meanCompletion = completions > 0 ? completion / double(completions) : 0.0;
    QVERIFY2(std::abs(st.meanCompletion - meanCompletion) <= eps * std::max(1.0, meanCompletion),
             where());

    // The summary says how much ran, and compares with the prediction only a completed run.
    const QList<ConcurrencyStep> steps = concurrencySteps(record);
    const RunStats viaSteps = computeStats(
            record, predictSchedule(record.scenario().tasks, record.options()), &steps);
    QCOMPARE(viaSteps.peakConcurrency, st.peakConcurrency);
}

QJsonObject parseJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qWarning("%s at %d in %s", qPrintable(error.errorString()), error.offset, json.constData());
    return doc.object();
}

// A run's JSON object against its RunStats: exact, since numbers are written to round-trip.
void compareRunJson(const QJsonObject &o, const RunRecord &record, const RunStats &st)
{
    for (const char *key :
         {"name", "limit", "pool_threads", "admission", "gates", "tasks", "ok", "failed",
          "cancelled", "makespan_s", "predicted_makespan_s", "serial_s", "speedup",
          "peak_concurrency", "mean_wait_s", "max_wait_s", "mean_completion_s", "cores"})
        QVERIFY2(o.contains(QLatin1StringView(key)), key);
    QCOMPARE(o.value(u"name").toString(), record.runName());
    if (record.options().isLimited())
        QCOMPARE(o.value(u"limit").toInt(), record.options().limit);
    else
        QVERIFY(o.value(u"limit").isNull());
    QCOMPARE(o.value(u"pool_threads").toInt(),
             record.options().effectiveThreads(record.taskCount()));
    QCOMPARE(o.value(u"admission").toString(), u"fifo"_s);
    QVERIFY(o.value(u"gates").isObject());
    QCOMPARE(o.value(u"tasks").toInteger(), st.tasks);
    QCOMPARE(o.value(u"ok").toInteger(), st.ok);
    QCOMPARE(o.value(u"failed").toInteger(), st.failed);
    QCOMPARE(o.value(u"cancelled").toInteger(), st.cancelled);
    QCOMPARE(o.value(u"cancelled_while_running").toInteger(), st.cancelledRunning);
    QCOMPARE(o.value(u"started").toInteger(), st.started);
    QCOMPARE(o.value(u"completed").toBool(), st.completed);
    QCOMPARE(o.value(u"makespan_s").toDouble(), st.makespan);
    QCOMPARE(o.value(u"predicted_makespan_s").toDouble(), st.predictedMakespan);
    QCOMPARE(o.value(u"serial_s").toDouble(), st.serial);
    QCOMPARE(o.value(u"busy_s").toDouble(), st.busy);
    QCOMPARE(o.value(u"speedup").toDouble(), st.speedup);
    QCOMPARE(o.value(u"peak_concurrency").toInt(), st.peakConcurrency);
    QCOMPARE(o.value(u"mean_wait_s").toDouble(), st.meanWait);
    QCOMPARE(o.value(u"max_wait_s").toDouble(), st.maxWait);
    QCOMPARE(o.value(u"mean_completion_s").toDouble(), st.meanCompletion);
    QVERIFY(o.value(u"cores").toInt() >= 1);
    QCOMPARE(o.value(u"retries").toInteger(-1), st.retries);
    QCOMPARE(o.value(u"rejected").toInteger(-1), st.rejected);
    QCOMPARE(o.contains(u"advice"), record.options().isLimited() && record.taskCount() > 0);
}

} // namespace

void tst_StatsProperties::scheduledRuns()
{
    QRandomGenerator rng(20261129);
    int stopped = 0, cancelledRunning = 0;
    for (int round = 0; round < 400; ++round) {
        const auto record = scheduledRun(rng, round % 4 != 0);
        const RunStats st = statsOf(*record);
        checkInvariants(*record, st, record->options().limit);
        if (QTest::currentTestFailed())
            return;
        stopped += st.cancelled > 0;
        cancelledRunning += st.cancelledRunning > 0;
    }
    // The generator did make what it is meant to test.
    QVERIFY(stopped > 200);
    QVERIFY(cancelledRunning > 100);
}

void tst_StatsProperties::arbitraryRecords()
{
    QRandomGenerator rng(7);
    for (int round = 0; round < 1000; ++round) {
        const auto record = arbitraryRecord(rng);
        checkInvariants(*record, statsOf(*record), 0);
        if (QTest::currentTestFailed())
            return;
    }
}

void tst_StatsProperties::stoppedRunCountsWhatRan()
{
    // Limit 2, tasks 4, 4, 4, 4 (1 s = 1e9 ns): stopped at t=6, the third task ran 2 s of its 4
    // and the fourth 2 s; nothing else ran. Serial 4 + 4 + 2 + 2 = 12 over a makespan of 6.
    Scenario s;
    for (int i = 0; i < 5; ++i) {
        Task t;
        t.duration = 4;
        s.tasks.append(t);
    }
    s.options.limit = 2;
    RunRecord record(s);
    constexpr qint64 sec = 1000000000;
    for (int i = 0; i < 5; ++i)
        record.markSubmitted(i, 0);
    record.markStarted(0, 0, 1);
    record.markStarted(1, 0, 2);
    record.markFinished(0, 4 * sec, TaskStatus::Ok);
    record.markStarted(2, 4 * sec, 1);
    record.markFinished(1, 4 * sec, TaskStatus::Ok);
    record.markStarted(3, 4 * sec, 2);
    record.markFinished(2, 6 * sec, TaskStatus::Cancelled);
    record.markFinished(3, 6 * sec, TaskStatus::Cancelled);
    record.markFinished(4, 6 * sec, TaskStatus::Cancelled);
    record.publishEvents();
    const RunStats st = statsOf(record);
    QCOMPARE(st.cancelled, 3);
    QCOMPARE(st.cancelledRunning, 2);
    QCOMPARE(st.started, 4);
    QVERIFY(!st.completed);
    QCOMPARE(st.makespan, 6.0);
    QCOMPARE(st.serial, 12.0);
    QCOMPARE(st.busy, 12.0);
    QCOMPARE(st.speedup, 2.0);
    QCOMPARE(st.peakConcurrency, 2);
    QCOMPARE(st.meanWait, 2.0); // 0, 0, 4, 4
    QCOMPARE(st.maxWait, 4.0);
    QCOMPARE(st.meanCompletion, 4.0); // the two that ran to their end
    QCOMPARE(st.completions, 2);
    QCOMPARE(st.predictedMakespan, 12.0); // the whole batch's, reported but not compared
}

void tst_StatsProperties::csvRoundTrip()
{
    QRandomGenerator rng(99);
    for (int round = 0; round < 60; ++round) {
        QList<std::shared_ptr<const RunRecord>> runs{scheduledRun(rng, round % 3 != 0)};
        if (round % 2) {
            auto limited = scheduledRun(rng, true);
            if (limited->options().isLimited() != runs.front()->options().isLimited()
                || limited->options().limit != runs.front()->options().limit)
                runs.append(limited);
        }
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(CsvExport::write(buffer, runs));
        QString error;
        const auto loaded = CsvImport::parse(buffer.data(), &error);
        if (!loaded) {
            // Two runs of one CSV must share a time scale; that is the importer's rule, not ours.
            QVERIFY2(runs.size() == 2, qPrintable(error));
            continue;
        }
        QCOMPARE(loaded->size(), runs.size());
        for (qsizetype r = 0; r < runs.size(); ++r) {
            const RunRecord &original = *runs.at(r);
            const RunRecord &back = *loaded->at(r);
            const RunStats a = statsOf(original);
            const RunStats b = statsOf(back);
            checkInvariants(back, b, back.options().limit);
            if (QTest::currentTestFailed())
                return;
            QCOMPARE(b.tasks, a.tasks);
            QCOMPARE(b.ok, a.ok);
            QCOMPARE(b.failed, a.failed);
            QCOMPARE(b.cancelled, a.cancelled);
            QCOMPARE(b.cancelledRunning, a.cancelledRunning);
            QCOMPARE(b.completed, a.completed);
            // The CSV keeps microseconds of scenario time and no time for a task cancelled before
            // it started: those take the last recorded finish, up to the generator's 1 us jitter.
            const double tolerance = 1e-5 + 2e-6 / original.options().timeScale;
            QVERIFY2(std::abs(b.makespan - a.makespan) < tolerance,
                     qPrintable(
                             u"%1 vs %2"_s.arg(b.makespan, 0, 'f', 9).arg(a.makespan, 0, 'f', 9)));
        }
        const QList<RunStats> stats = [&] {
            QList<RunStats> list;
            for (const auto &run : *loaded)
                list.append(statsOf(*run));
            return list;
        }();
        const QJsonObject json = parseJson(StatsExport::toJson(*loaded, stats));
        const QJsonArray jsonRuns = json.value(u"runs").toArray();
        QCOMPARE(jsonRuns.size(), loaded->size());
        for (qsizetype r = 0; r < loaded->size(); ++r)
            compareRunJson(jsonRuns.at(r).toObject(), *loaded->at(r), stats.at(r));
    }
}

void tst_StatsProperties::jsonMatchesStats()
{
    QRandomGenerator rng(31337);
    for (int round = 0; round < 100; ++round) {
        const auto a = round % 5 ? scheduledRun(rng, round % 2) : arbitraryRecord(rng);
        const auto b = scheduledRun(rng, round % 3 == 0);
        const QList<std::shared_ptr<const RunRecord>> runs =
                round % 4 ? QList<std::shared_ptr<const RunRecord>>{a, b}
                          : QList<std::shared_ptr<const RunRecord>>{a};
        QList<RunStats> stats;
        for (const auto &run : runs)
            stats.append(statsOf(*run));
        const QByteArray text = StatsExport::toJson(runs, stats);
        const QJsonObject json = parseJson(text);
        QVERIFY2(!json.isEmpty(), text.constData());
        QCOMPARE(json.value(u"version").toInt(), 1);
        const QJsonArray jsonRuns = json.value(u"runs").toArray();
        QCOMPARE(jsonRuns.size(), runs.size());
        for (qsizetype r = 0; r < runs.size(); ++r) {
            compareRunJson(jsonRuns.at(r).toObject(), *runs.at(r), stats.at(r));
            if (QTest::currentTestFailed())
                return;
        }
        if (runs.size() == 1) {
            QVERIFY(json.value(u"comparison").isNull());
            continue;
        }
        const QJsonObject c = json.value(u"comparison").toObject();
        const RunStats &x = stats.at(0);
        const RunStats &y = stats.at(1);
        QCOMPARE(c.value(u"first").toString(), a->runName());
        QCOMPARE(c.value(u"second").toString(), b->runName());
        QCOMPARE(c.value(u"makespan_difference_s").toDouble(), y.makespan - x.makespan);
        if (x.makespan > 0)
            QCOMPARE(c.value(u"makespan_ratio").toDouble(), y.makespan / x.makespan);
        else
            QVERIFY(c.value(u"makespan_ratio").isNull());
        QCOMPARE(c.value(u"mean_completion_difference_s").toDouble(),
                 y.meanCompletion - x.meanCompletion);
        QCOMPARE(c.value(u"mean_wait_difference_s").toDouble(), y.meanWait - x.meanWait);
        QCOMPARE(c.value(u"peak_concurrency_difference").toInt(),
                 y.peakConcurrency - x.peakConcurrency);
        QCOMPARE(c.value(u"completed").toBool(), x.completed && y.completed);
    }
}

void tst_StatsProperties::jsonIsDeterministic()
{
    QRandomGenerator rng(5);
    const auto record = scheduledRun(rng, true);
    const QList<std::shared_ptr<const RunRecord>> runs{record};
    const QList<RunStats> stats{statsOf(*record)};
    const QByteArray first = StatsExport::toJson(runs, stats);
    QCOMPARE(StatsExport::toJson(runs, stats), first);
    // Keys in the documented order, the run's name first.
    const qsizetype name = first.indexOf("\"name\"");
    const qsizetype limit = first.indexOf("\"limit\"");
    const qsizetype pool = first.indexOf("\"pool_threads\"");
    const qsizetype cores = first.indexOf("\"cores\"");
    QVERIFY(first.startsWith("{\n  \"version\": 1,"));
    QVERIFY(0 < name && name < limit && limit < pool && pool < cores);
}

QTEST_GUILESS_MAIN(tst_StatsProperties)
#include "tst_statsproperties.moc"
