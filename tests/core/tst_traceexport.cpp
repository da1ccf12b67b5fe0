#include "runengine.h"
#include "runrecord.h"
#include "runreport.h"
#include "runsession.h"
#include "schedule.h"
#include "testrun.h"
#include "testscenarios.h"
#include "traceexport.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace Qt::StringLiterals;

namespace {

// Five sleeps like the article's, a cpu task and a label and a result that need JSON escaping.
Scenario compareScenario()
{
    Scenario s;
    s.options.limit = 2;
    s.options.timeScale = 0.01;
    for (double d : {5.0, 1.0, 8.0, 3.0, 4.0})
        s.tasks.append(sleepTask(d));
    Task cpu;
    cpu.kind = TaskKind::Cpu;
    cpu.duration = 2;
    s.tasks.append(cpu);
    s.tasks.append(sleepTask(1, u"say \"hi\"\t\u0001 タスク \\"_s, u"line\nbreak \"q\""_s));
    return s;
}

QList<std::shared_ptr<const RunRecord>> recordsOf(const RunSession &session)
{
    const auto records = session.records();
    return {records.cbegin(), records.cend()};
}

struct Key
{
    int pid;
    int tid;
    bool operator<(const Key &o) const { return pid != o.pid ? pid < o.pid : tid < o.tid; }
};

} // namespace

// The Chrome trace export, read back as Perfetto would read it.
class tst_TraceExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void compareTrace();
    void fileMatchesDevice();
    void cancelledTasksHaveNoRun();
    void missingFolderFailsAndLeavesNothing();
    void retriesAreMarked();

private:
    QByteArray m_trace;
    QList<std::shared_ptr<const RunRecord>> m_runs;
};

void tst_TraceExport::initTestCase()
{
    RunSession session;
    QSignalSpy finished(&session, &RunSession::finished);
    QVERIFY(session.start(compareScenario(), true));
    QVERIFY(finished.wait(60000));
    QVERIFY(!session.wasCancelled());
    m_runs = recordsOf(session);
    QCOMPARE(m_runs.size(), 2);

    QBuffer buffer(&m_trace);
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(TraceExport::write(buffer, m_runs));
}

void tst_TraceExport::compareTrace()
{
    QVERIFY2(m_trace.trimmed().startsWith("{\"traceEvents\""), "traceEvents must be the first key");
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(m_trace, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonObject root = doc.object();
    QCOMPARE(root.value(u"displayTimeUnit"_s).toString(), u"ms"_s);
    const QJsonArray events = root.value(u"traceEvents"_s).toArray();
    QVERIFY(!events.isEmpty());

    std::map<int, QString> processNames;
    std::map<Key, QString> threadNames;
    std::map<Key, int> threadSort;
    std::map<Key, QJsonObject> waits;
    std::map<Key, QJsonObject> runs;
    std::map<qint64, QJsonObject> flowStarts;
    std::map<qint64, QJsonObject> flowEnds;
    std::map<int, QList<QJsonObject>> counters;

    for (const QJsonValue &v : events) {
        const QJsonObject e = v.toObject();
        const QString ph = e.value(u"ph"_s).toString();
        const QString name = e.value(u"name"_s).toString();
        QVERIFY2(e.value(u"pid"_s).isDouble() && e.value(u"tid"_s).isDouble(),
                 "every event has a pid and a tid");
        const Key key{e.value(u"pid"_s).toInt(), e.value(u"tid"_s).toInt()};
        if (ph == u"M") {
            const QJsonObject args = e.value(u"args"_s).toObject();
            if (name == u"process_name")
                QVERIFY(processNames.emplace(key.pid, args.value(u"name"_s).toString()).second);
            else if (name == u"thread_name")
                QVERIFY(threadNames.emplace(key, args.value(u"name"_s).toString()).second);
            else if (name == u"thread_sort_index")
                QVERIFY(threadSort.emplace(key, args.value(u"sort_index"_s).toInt()).second);
        } else if (ph == u"X") {
            QVERIFY(e.value(u"ts"_s).isDouble() && e.value(u"dur"_s).isDouble());
            QVERIFY(e.value(u"dur"_s).toDouble() >= 0);
            if (name == u"wait")
                QVERIFY2(waits.emplace(key, e).second, "one wait per task");
            else if (name == u"run")
                QVERIFY2(runs.emplace(key, e).second, "one run per task");
            else
                QFAIL(qPrintable(u"unexpected complete event "_s + name));
        } else if (ph == u"s" || ph == u"f") {
            const qint64 id = qint64(e.value(u"id"_s).toDouble());
            auto &flows = ph == u"s" ? flowStarts : flowEnds;
            QVERIFY2(flows.emplace(id, e).second, "flow ids are unique");
        } else if (ph == u"C") {
            const QJsonObject args = e.value(u"args"_s).toObject();
            QVERIFY(args.value(u"running"_s).isDouble());
            QVERIFY(args.value(u"waiting"_s).isDouble());
            counters[key.pid].append(e);
        } else {
            QFAIL(qPrintable(u"unexpected phase "_s + ph));
        }
    }

    QCOMPARE(processNames.size(), size_t(2));
    QCOMPARE(processNames.at(1), u"unlimited"_s);
    QCOMPARE(processNames.at(2), u"limit 2"_s);

    const Scenario scenario = compareScenario();
    const qsizetype n = scenario.tasks.size();
    QCOMPARE(waits.size(), size_t(2 * n));
    QCOMPARE(runs.size(), size_t(2 * n));
    for (int pid = 1; pid <= 2; ++pid) {
        const RunRecord &record = *m_runs.at(pid - 1);
        for (int tid = 1; tid <= n; ++tid) {
            const Key key{pid, tid};
            const Task &task = scenario.tasks.at(tid - 1);
            QCOMPARE(threadNames.at(key), u"#%1  %2"_s.arg(tid).arg(task.displayLabel()));
            QCOMPARE(threadSort.at(key), tid);
            const QJsonObject wait = waits.at(key);
            const QJsonObject run = runs.at(key);
            const double waitTs = wait.value(u"ts"_s).toDouble();
            const double waitEnd = waitTs + wait.value(u"dur"_s).toDouble();
            const double runTs = run.value(u"ts"_s).toDouble();
            QVERIFY2(waitEnd <= runTs,
                     qPrintable(u"pid %1 tid %2: wait overlaps run"_s.arg(pid).arg(tid)));
            if (task.kind == TaskKind::Sleep) {
                // Scenario microseconds: a sleep of d s runs at least d * 1e6 us.
                QVERIFY2(run.value(u"dur"_s).toDouble() >= task.duration * 1e6 - 2,
                         qPrintable(u"pid %1 tid %2"_s.arg(pid).arg(tid)));
            }
            for (const QJsonObject &e : {wait, run}) {
                const QJsonObject args = e.value(u"args"_s).toObject();
                QCOMPARE(args.value(u"kind"_s).toString(), taskKindName(task.kind));
                QCOMPARE(args.value(u"status"_s).toString(), u"ok"_s);
                QVERIFY(args.value(u"worker"_s).toInt() >= 1);
                QCOMPARE(args.value(u"worker"_s).toInt(), record.sample(tid - 1).worker);
                QCOMPARE(args.value(u"result"_s).toString(),
                         RunReport::formatResult(record.result(tid - 1)));
                QCOMPARE(args.value(u"label"_s).toString(), task.displayLabel());
            }
        }
        // The limited run never has more than 2 running; both runs end with nothing left.
        const QList<QJsonObject> steps = counters[pid];
        QVERIFY(!steps.isEmpty());
        double lastTs = -1;
        int peak = 0;
        for (const QJsonObject &c : steps) {
            QVERIFY(c.value(u"ts"_s).toDouble() >= lastTs);
            lastTs = c.value(u"ts"_s).toDouble();
            peak = std::max(peak, c.value(u"args"_s).toObject().value(u"running"_s).toInt());
        }
        int recordPeak = 0;
        for (const ConcurrencyStep &step : concurrencySteps(record))
            recordPeak = std::max(recordPeak, step.running);
        QCOMPARE(peak, recordPeak);
        if (pid == 2)
            QCOMPARE(peak, 2);
        else
            QVERIFY(peak >= 2);
        const QJsonObject lastArgs = steps.constLast().value(u"args"_s).toObject();
        QCOMPARE(lastArgs.value(u"running"_s).toInt(), 0);
        QCOMPARE(lastArgs.value(u"waiting"_s).toInt(), 0);
    }

    // A flow from each task's submission to its start, on the task's own track.
    QCOMPARE(flowStarts.size(), size_t(2 * n));
    QCOMPARE(flowEnds.size(), size_t(2 * n));
    for (const auto &[id, s] : flowStarts) {
        QVERIFY2(flowEnds.count(id) == 1, "every flow start has its end");
        const QJsonObject &f = flowEnds.at(id);
        const Key key{s.value(u"pid"_s).toInt(), s.value(u"tid"_s).toInt()};
        QCOMPARE(f.value(u"pid"_s).toInt(), key.pid);
        QCOMPARE(f.value(u"tid"_s).toInt(), key.tid);
        QCOMPARE(s.value(u"ts"_s).toDouble(), waits.at(key).value(u"ts"_s).toDouble());
        QCOMPARE(f.value(u"ts"_s).toDouble(), runs.at(key).value(u"ts"_s).toDouble());
    }
}

void tst_TraceExport::fileMatchesDevice()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"trace.json"_s);
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("an older file, longer than nothing, to be replaced entirely");
    }
    QString error;
    QVERIFY2(TraceExport::writeFile(path, m_runs, &error), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), m_trace);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"trace.json"_s});
}

void tst_TraceExport::cancelledTasksHaveNoRun()
{
    Scenario s;
    s.options.limit = 1;
    s.tasks = {sleepTask(3600), sleepTask(3600), sleepTask(3600)};
    RunEngine engine;
    QSignalSpy finished(&engine, &RunEngine::finished);
    QVERIFY(engine.start(s));
    const auto record = engine.record();
    QTRY_COMPARE_WITH_TIMEOUT(record->status(0), TaskStatus::Running, 20000);
    engine.cancel();
    QVERIFY(finished.wait(20000));

    QByteArray trace;
    QBuffer buffer(&trace);
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(TraceExport::write(buffer, {record}));
    QJsonParseError error;
    const QJsonArray events =
            QJsonDocument::fromJson(trace, &error).object().value(u"traceEvents"_s).toArray();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    int waits = 0;
    QList<int> runTids;
    int flows = 0;
    for (const QJsonValue &v : events) {
        const QJsonObject e = v.toObject();
        const QString name = e.value(u"name"_s).toString();
        if (name == u"wait") {
            ++waits;
            QCOMPARE(e.value(u"args"_s).toObject().value(u"status"_s).toString(), u"cancelled"_s);
        } else if (name == u"run") {
            runTids.append(e.value(u"tid"_s).toInt());
        } else if (e.value(u"ph"_s).toString() == u"s") {
            ++flows;
        }
    }
    QCOMPARE(waits, 3);
    QCOMPARE(runTids, QList<int>{1}); // only the first task ever started
    QCOMPARE(flows, 1);
}

void tst_TraceExport::missingFolderFailsAndLeavesNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"missing/trace.json"_s);
    QString error;
    QVERIFY(!TraceExport::writeFile(path, m_runs, &error));
    QVERIFY2(error.contains(u"missing"_s), qPrintable(error));
    QVERIFY(!QFileInfo::exists(dir.filePath(u"missing"_s)));
    QVERIFY(QDir(dir.path()).isEmpty());

    // A folder where the file should be: refused, the folder untouched.
    QVERIFY(QDir(dir.path()).mkdir(u"taken.json"_s));
    QVERIFY(!TraceExport::writeFile(dir.filePath(u"taken.json"_s), m_runs, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
             QStringList{u"taken.json"_s});
    QVERIFY(QDir(dir.filePath(u"taken.json"_s)).isEmpty());
}

void tst_TraceExport::retriesAreMarked()
{
    // Task 1 retried twice after 429s, task 2 made one attempt.
    const auto record = retriedHttpRun(0.5);

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(TraceExport::write(buffer, {record}));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(buffer.data(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QList<QJsonObject> marks;
    qint64 runStart = -1, runEnd = -1;
    for (const QJsonValue &v : doc.object().value(u"traceEvents"_s).toArray()) {
        const QJsonObject e = v.toObject();
        if (e.value(u"ph"_s).toString() == u"i")
            marks.append(e);
        if (e.value(u"name"_s).toString() == u"run" && e.value(u"tid"_s).toInt() == 1) {
            runStart = qint64(e.value(u"ts"_s).toDouble());
            runEnd = runStart + qint64(e.value(u"dur"_s).toDouble());
        }
    }
    QCOMPARE(marks.size(), qsizetype(2));
    QCOMPARE(marks.at(0).value(u"name"_s).toString(), u"retry 1 (429)"_s);
    QCOMPARE(marks.at(1).value(u"name"_s).toString(), u"retry 2 (429)"_s);
    for (const QJsonObject &m : marks) {
        QCOMPARE(m.value(u"tid"_s).toInt(), 1);
        QCOMPARE(m.value(u"args"_s).toObject().value(u"attempts"_s).toInt(), 3);
        const qint64 ts = qint64(m.value(u"ts"_s).toDouble());
        QVERIFY(ts >= runStart && ts <= runEnd);
    }
    // 100 ms real at time scale 0.5: 0.2 scenario seconds.
    QCOMPARE(qint64(marks.at(0).value(u"ts"_s).toDouble()), qint64(200000));
}

QTEST_GUILESS_MAIN(tst_TraceExport)
#include "tst_traceexport.moc"
