#include "runprogress.h"
#include "runrecord.h"
#include "runreport.h"
#include "schedule.h"
#include "testrun.h"
#include "testscenarios.h"
#include "traceexport.h"
#include "traceimport.h"
#include "whatif.h"

#include <QBuffer>
#include <QFile>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

// Chrome traces of other systems (Ray, Perfetto, Taskflow, cargo-nextest) and of TaskLanes itself
// read as runs; bad input named by event or byte and nothing returned.
class tst_TraceImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ray();
    void perfetto();
    void perfettoDepth();
    void taskflow();
    void nextest();
    void touchingSlicesAreSiblings();
    void manyNamesAndThreads();
    void containmentNestsCompleteEvents();
    void selectByNameOrCategory();
    void articleBatchFromTaskLanes();
    void articleBatchReadAsForeignTrace();
    void taskLanesCompareRoundTrip();
    void engineRunRoundTrip();
    void taskLanesOlderTraceWithoutMetadata();
    void retriesRoundTrip();
    void bad_data();
    void bad();
    void deepNesting();
    void emptyTaskLanesRun();
    void hugeRetryMark();
    void tooManyTasks();
    void warningLine();
    void looksLikeTrace_data();
    void looksLikeTrace();
};

namespace {

using Runs = CsvImport::Runs;

struct Opened
{
    Runs runs;
    TraceImport::Report report;
    QString error;
};

Opened parse(const QByteArray &json, const TraceImport::Options &options = {})
{
    Opened o;
    if (auto runs = TraceImport::parse(json, options, u"fixture"_s, &o.error, &o.report))
        o.runs = *runs;
    return o;
}

RunStats statsOf(const std::shared_ptr<const RunRecord> &record)
{
    return RunProgress::completed(record, Schedule())->stats();
}

QByteArray exportTrace(const Runs &runs)
{
    QByteArray trace;
    QBuffer buffer(&trace);
    buffer.open(QIODevice::WriteOnly);
    if (!TraceExport::write(buffer, runs))
        return QByteArray();
    return trace;
}

// `ray timeline`: a bare array, X events of category "task", pid the node's address, tid the
// worker's id, timestamps in microseconds since the epoch with decimals.
const QByteArray rayTrace = R"([
{"cat": "task::setup", "name": "process_name", "ph": "M", "pid": "10.0.0.7", "tid": "worker:aa11", "args": {"name": "Node 10.0.0.7"}},
{"name": "thread_name", "ph": "M", "pid": "10.0.0.7", "tid": "worker:aa11", "args": {"name": "worker:aa11 f"}},
{"cat": "task", "name": "task::f", "pid": "10.0.0.7", "tid": "worker:aa11", "ts": 1700000000000000.5, "dur": 1000, "ph": "X", "cname": "generic_work", "args": {"task_id": "t1", "job_id": "01000000", "func_or_class_name": "f"}},
{"cat": "task", "name": "task::f", "pid": "10.0.0.7", "tid": "worker:aa11", "ts": 1700000000001000.5, "dur": 2000, "ph": "X", "cname": "generic_work", "args": {"task_id": "t2", "job_id": "01000000"}},
{"cat": "task", "name": "task::g", "pid": "10.0.0.7", "tid": "worker:bb22", "ts": 1700000000000500.5, "dur": 2000, "ph": "X", "args": {"task_id": "t3"}},
{"cat": "task", "name": "task::g", "pid": "10.0.0.8", "tid": "worker:cc33", "ts": 1700000000003000.5, "dur": 500, "ph": "X", "args": {"task_id": "t4"}}
])";

// Perfetto / Chrome JSON export: traceEvents, B/E pairs (nested), metadata, counters and
// instants, decimal timestamps.
const QByteArray perfettoTrace = R"({"traceEvents":[
{"pid":1,"tid":2,"ph":"M","name":"process_name","args":{"name":"browser"}},
{"pid":1,"tid":2,"ph":"M","name":"thread_name","args":{"name":"main"}},
{"pid":1,"tid":3,"ph":"M","name":"thread_name","args":{"name":"io"}},
{"pid":1,"tid":3,"ph":"M","name":"thread_sort_index","args":{"sort_index":-1}},
{"pid":1,"tid":2,"ph":"B","ts":100.25,"name":"outer","cat":"toplevel","args":{"frame":"0x1"}},
{"pid":1,"tid":2,"ph":"B","ts":110,"name":"inner","cat":"blink"},
{"pid":1,"tid":2,"ph":"i","ts":115,"name":"mark","s":"t"},
{"pid":1,"tid":2,"ph":"E","ts":120},
{"pid":1,"tid":2,"ph":"E","ts":200.25},
{"pid":1,"tid":3,"ph":"B","ts":150,"name":"read","cat":"io"},
{"pid":1,"tid":3,"ph":"E","ts":250.75},
{"pid":1,"tid":0,"ph":"C","ts":100,"name":"heap","args":{"bytes":10}},
{"pid":1,"tid":0,"ph":"C","ts":200,"name":"heap","args":{"bytes":12}}
],"displayTimeUnit":"ns","metadata":{"source":"perfetto"}})";

// Taskflow's ChromeObserver dump: X events, pid 1, one tid per worker, names task_N.
const QByteArray taskflowTrace = R"({"traceEvents":[
{"cat":"TFProfile","name":"task_1","ph":"X","pid":1,"tid":0,"ts":0,"dur":50},
{"cat":"TFProfile","name":"task_2","ph":"X","pid":1,"tid":1,"ts":2,"dur":30},
{"cat":"TFProfile","name":"task_3","ph":"X","pid":1,"tid":2,"ts":3,"dur":40},
{"cat":"TFProfile","name":"task_4","ph":"X","pid":1,"tid":1,"ts":32,"dur":10},
{"cat":"TFProfile","name":"task_5","ph":"X","pid":1,"tid":0,"ts":50,"dur":25},
{"cat":"TFProfile","name":"task_6","ph":"X","pid":1,"tid":2,"ts":43,"dur":5}
]})";

// cargo-nextest's `store export-chrome-trace`: B/E pairs per test (cat "test"), a pid per test
// binary, a tid per slot, the run's own lifecycle span on pid 0, a paused test split in two.
const QByteArray nextestTrace = R"({"traceEvents":[
{"name":"process_name","ph":"M","pid":0,"tid":0,"args":{"name":"nextest run"}},
{"name":"process_name","ph":"M","pid":2,"tid":0,"args":{"name":"mycrate::bin/mycrate"}},
{"name":"thread_name","ph":"M","pid":2,"tid":10000,"args":{"name":"slot-0"}},
{"name":"thread_name","ph":"M","pid":2,"tid":10001,"args":{"name":"slot-1"}},
{"name":"nextest run","cat":"run","ph":"B","pid":0,"tid":0,"ts":1000},
{"name":"tests::a","cat":"test","ph":"B","pid":2,"tid":10000,"ts":1010,"args":{"binary_id":"mycrate","attempt":1}},
{"name":"tests::b","cat":"test","ph":"B","pid":2,"tid":10001,"ts":1012,"args":{"binary_id":"mycrate","attempt":1}},
{"name":"tests::a","cat":"test","ph":"E","pid":2,"tid":10000,"ts":3010,"args":{"status":"pass"}},
{"name":"tests::c","cat":"test","ph":"B","pid":2,"tid":10000,"ts":3010,"args":{"binary_id":"mycrate","attempt":1}},
{"name":"tests::b","cat":"test","ph":"E","pid":2,"tid":10001,"ts":5012,"args":{"status":"fail"}},
{"name":"tests::c","cat":"test","ph":"E","pid":2,"tid":10000,"ts":4010,"args":{"status":"pass"}},
{"name":"running","cat":"run","ph":"C","pid":0,"tid":0,"ts":1010,"args":{"running":2}},
{"name":"nextest run","cat":"run","ph":"E","pid":0,"tid":0,"ts":5100}
],"displayTimeUnit":"ms"})";

double ms(double seconds)
{
    return std::round(seconds * 1e6) / 1e3; // to µs precision, in ms
}

} // namespace

void tst_TraceImport::ray()
{
    const Opened o = parse(rayTrace);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QCOMPARE(o.runs.size(), 1);
    const auto &record = o.runs.first();
    QCOMPARE(record->taskCount(), 4);
    QCOMPARE(record->options().origin, RunOrigin::Recorded);
    QCOMPARE(record->options().limit, 0);
    QCOMPARE(record->options().timeScale, 1.0);
    QCOMPARE(record->options().threads, 3);
    QCOMPARE(record->scenario().name, u"fixture"_s);
    // Ordered by start: t1 (0), t3 (0.5 ms), t2 (1 ms), t4 (3 ms).
    QCOMPARE(record->task(0).label(), u"task::f"_s);
    QCOMPARE(record->task(1).label(), u"task::g"_s);
    QCOMPARE(record->task(0).kind, TaskKind::Trace);
    QCOMPARE(record->sample(0).startedNs, 0);
    QCOMPARE(record->sample(1).startedNs, 500000);
    QCOMPARE(record->sample(1).submittedNs, 500000); // no wait
    QCOMPARE(record->sample(3).finishedNs, 3500000);
    QCOMPARE(record->task(2).duration, 0.002);
    QCOMPARE(record->result(2).toDouble(), 0.002);
    QCOMPARE(record->sample(0).worker, 1);
    QCOMPARE(record->sample(2).worker, 1); // t2 on the same worker as t1
    QCOMPARE(record->sample(1).worker, 2);
    QCOMPARE(record->sample(3).worker, 3);
    QCOMPARE(record->workerNames(),
             (QStringList{u"Node 10.0.0.7 / worker:aa11 f"_s, u"Node 10.0.0.7 / worker:bb22"_s,
                          u"10.0.0.8 / worker:cc33"_s}));
    QVERIFY2(record->taskDetails(0).startsWith(u"cat: task; args: {\"task_id\": \"t1\""_s),
             qPrintable(record->taskDetails(0)));
    const RunStats stats = statsOf(record);
    QCOMPARE(ms(stats.makespan), 3.5);
    QCOMPARE(stats.peakConcurrency, 2);
    QCOMPARE(stats.ok, 4);
    QCOMPARE(o.report.events, 6);
    QCOMPARE(o.report.slices, 4);
    QCOMPARE(o.report.tasks, 4);
    QVERIFY(!o.report.writtenByTaskLanes);
    QCOMPARE(o.report.warning(), QString());
}

void tst_TraceImport::perfetto()
{
    const Opened o = parse(perfettoTrace);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    const auto &record = o.runs.first();
    // The top-level slices: outer (main) and read (io); inner is nested.
    QCOMPARE(record->taskCount(), 2);
    QCOMPARE(record->task(0).label(), u"outer"_s);
    QCOMPARE(record->task(1).label(), u"read"_s);
    QCOMPARE(record->task(0).duration, 100e-6);
    QCOMPARE(record->task(1).duration, 100.75e-6);
    // io sorts first (thread_sort_index -1).
    QCOMPARE(record->workerNames(), (QStringList{u"browser / io"_s, u"browser / main"_s}));
    QCOMPARE(record->sample(0).worker, 2);
    QCOMPARE(record->sample(1).worker, 1);
    QCOMPARE(record->taskDetails(0), u"cat: toplevel; args: {\"frame\":\"0x1\"}"_s);
    QCOMPARE(record->taskDetails(1), u"cat: io"_s);
    const RunStats stats = statsOf(record);
    QCOMPARE(stats.makespan, 150.5e-6);
    QCOMPARE(stats.peakConcurrency, 2);
    QCOMPARE(o.report.slices, 3);
    QCOMPARE(o.report.skippedOtherDepth, 1);
    QCOMPARE(o.report.skippedPhases.value(u"C"_s), 2);
    QCOMPARE(o.report.skippedPhases.value(u"i"_s), 1);
    QCOMPARE(o.report.warning(), u"skipped 2 counter events (C), 1 instant event (i)"_s);
}

void tst_TraceImport::perfettoDepth()
{
    TraceImport::Options options;
    options.depth = 1;
    const Opened o = parse(perfettoTrace, options);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    const auto &record = o.runs.first();
    QCOMPARE(record->taskCount(), 1);
    QCOMPARE(record->task(0).label(), u"inner"_s);
    QCOMPARE(statsOf(record).makespan, 10e-6);
    QCOMPARE(o.report.skippedOtherDepth, 2);

    options.depth = 2;
    const Opened none = parse(perfettoTrace, options);
    QVERIFY(none.runs.isEmpty());
    QCOMPARE(none.error, u"no slice at nesting depth 2 (the deepest is 1)"_s);
}

void tst_TraceImport::taskflow()
{
    const Opened o = parse(taskflowTrace);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    const auto &record = o.runs.first();
    QCOMPARE(record->taskCount(), 6);
    QCOMPARE(record->options().threads, 3);
    QCOMPARE(record->workerNames(), (QStringList{u"1 / 0"_s, u"1 / 1"_s, u"1 / 2"_s}));
    QStringList labels;
    for (qsizetype i = 0; i < record->taskCount(); ++i)
        labels << record->task(i).label();
    QCOMPARE(labels, (QStringList{u"task_1"_s, u"task_2"_s, u"task_3"_s, u"task_4"_s, u"task_6"_s,
                                  u"task_5"_s}));
    const RunStats stats = statsOf(record);
    QCOMPARE(stats.makespan, 75e-6);
    QCOMPARE(stats.peakConcurrency, 3);
    // task_2 [2, 32) and task_4 [32, 42) touch on worker 1: both top-level.
    QCOMPARE(o.report.skippedOtherDepth, 0);
}

void tst_TraceImport::nextest()
{
    // Everything at depth 0: the run's span and the three tests (tests::a and tests::c touch).
    const Opened all = parse(nextestTrace);
    QVERIFY2(all.error.isEmpty(), qPrintable(all.error));
    QCOMPARE(all.runs.first()->taskCount(), 4);

    TraceImport::Options options;
    options.select = u"^test$"_s; // the category
    const Opened o = parse(nextestTrace, options);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    const auto &record = o.runs.first();
    QCOMPARE(record->taskCount(), 3);
    QCOMPARE(record->task(0).label(), u"tests::a"_s);
    QCOMPARE(record->task(1).label(), u"tests::b"_s);
    QCOMPARE(record->task(2).label(), u"tests::c"_s);
    QCOMPARE(record->workerNames(),
             (QStringList{u"mycrate::bin/mycrate / slot-0"_s, u"mycrate::bin/mycrate / slot-1"_s}));
    const RunStats stats = statsOf(record);
    QCOMPARE(stats.makespan, 4002e-6);
    QCOMPARE(stats.peakConcurrency, 2);
    QCOMPARE(o.report.skippedNotSelected, 1);
    QVERIFY(record->taskDetails(0).contains(u"\"binary_id\":\"mycrate\""_s));
}

void tst_TraceImport::touchingSlicesAreSiblings()
{
    // Three slices end to end on one thread, X and B/E mixed, and a zero-length one at a joint.
    const QByteArray trace = R"([
{"ph":"X","name":"a","pid":1,"tid":1,"ts":0,"dur":10},
{"ph":"B","name":"b","pid":1,"tid":1,"ts":10},
{"ph":"E","pid":1,"tid":1,"ts":20},
{"ph":"X","name":"z","pid":1,"tid":1,"ts":20,"dur":0},
{"ph":"X","name":"c","pid":1,"tid":1,"ts":20,"dur":5}
])";
    const Opened o = parse(trace);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    const auto &record = o.runs.first();
    // z (0 µs at 20) lies inside c ([20, 25)), which starts with it and is longer.
    QCOMPARE(record->taskCount(), 3);
    QCOMPARE(record->task(2).label(), u"c"_s);
    QCOMPARE(o.report.skippedOtherDepth, 1);
    const RunStats stats = statsOf(record);
    QCOMPARE(stats.peakConcurrency, 1);
    QCOMPARE(stats.makespan, 25e-6);
}

void tst_TraceImport::manyNamesAndThreads()
{
    // 3,000 slices, one after another, over 300 threads (tid 7 and tid "7" are two threads, and so
    // are pid 1 and pid "1"), with 1,500 names each used twice: every slice keeps its own name and
    // thread however many the reader's tables have grown by.
    QByteArray trace = "[";
    const int slices = 3000;
    auto threadOf = [](int i) { return i % 300; };
    for (int i = 0; i < slices; ++i) {
        const int t = threadOf(i);
        const QByteArray pid = t % 3 == 0 ? "1" : t % 3 == 1 ? "\"1\"" : "2";
        const QByteArray tid =
                t % 2 ? QByteArray::number(t / 2) : "\"" + QByteArray::number(t / 2) + "\"";
        trace += QByteArray(i ? ",\n" : "") + "{\"ph\":\"X\",\"name\":\"n"
                 + QByteArray::number(i % 1500) + "\",\"pid\":" + pid + ",\"tid\":" + tid
                 + ",\"ts\":" + QByteArray::number(i * 10) + ",\"dur\":5}";
    }
    trace += "]";
    const Opened o = parse(trace);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    const auto &record = o.runs.first();
    QCOMPARE(record->taskCount(), slices);
    QCOMPARE(record->workerNames().size(), 300);
    for (int i = 0; i < slices; ++i) {
        QCOMPARE(record->task(i).label(), u"n"_s + QString::number(i % 1500));
        // Workers are numbered from 1 by process, then thread, in the order they first appear.
        const int t = threadOf(i);
        QCOMPARE(record->sample(i).worker, (t % 3) * 100 + t / 3 + 1);
    }
    // Each thread is named by its process and its own id, as written.
    for (int t : {0, 1, 2, 3, 298, 299}) {
        const QString pid = t % 3 == 2 ? u"2"_s : u"1"_s;
        QCOMPARE(record->workerNames().at((t % 3) * 100 + t / 3),
                 pid + u" / "_s + QString::number(t / 2));
    }
}

void tst_TraceImport::containmentNestsCompleteEvents()
{
    // X events in any order in the file: nesting comes from times, per thread.
    const QByteArray trace = R"([
{"ph":"X","name":"child","pid":1,"tid":1,"ts":5,"dur":2},
{"ph":"X","name":"grandchild","pid":1,"tid":1,"ts":5,"dur":1},
{"ph":"X","name":"parent","pid":1,"tid":1,"ts":0,"dur":10},
{"ph":"X","name":"other thread","pid":1,"tid":2,"ts":6,"dur":1}
])";
    TraceImport::Options options;
    for (int depth : {0, 1, 2}) {
        options.depth = depth;
        const Opened o = parse(trace, options);
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QStringList labels;
        for (qsizetype i = 0; i < o.runs.first()->taskCount(); ++i)
            labels << o.runs.first()->task(i).label();
        const QStringList expected = depth == 0   ? QStringList{u"parent"_s, u"other thread"_s}
                                     : depth == 1 ? QStringList{u"child"_s}
                                                  : QStringList{u"grandchild"_s};
        QCOMPARE(labels, expected);
    }
}

void tst_TraceImport::selectByNameOrCategory()
{
    TraceImport::Options options;
    options.select = u"task::g"_s;
    Opened o = parse(rayTrace, options);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QCOMPARE(o.runs.first()->taskCount(), 2);
    QCOMPARE(o.report.skippedNotSelected, 2);
    // The run starts at the earliest selected slice.
    QCOMPARE(o.runs.first()->sample(0).startedNs, 0);
    QCOMPARE(statsOf(o.runs.first()).makespan, 0.003);

    options.select = u"nothing like it"_s;
    o = parse(rayTrace, options);
    QVERIFY(o.runs.isEmpty());
    QVERIFY2(o.error.contains(u"matches \"nothing like it\""_s), qPrintable(o.error));

    options.select = u"task(("_s;
    o = parse(rayTrace, options);
    QVERIFY(o.runs.isEmpty());
    QVERIFY2(o.error.startsWith(u"the selection \"task((\" is not a valid regular expression"_s),
             qPrintable(o.error));
}

void tst_TraceImport::articleBatchFromTaskLanes()
{
    // The article's batch, unlimited: all five start at 0.
    const auto ran = idealRun({5, 1, 8, 3, 4}, 0);
    const QByteArray trace = exportTrace({ran});
    QVERIFY(!trace.isEmpty());
    const Opened o = parse(trace);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QVERIFY(o.report.writtenByTaskLanes);
    QCOMPARE(o.report.warning(), QString());
    QCOMPARE(o.runs.size(), 1);
    const auto &record = o.runs.first();
    QCOMPARE(record->taskCount(), 5);
    QCOMPARE(record->options().limit, 0);
    QCOMPARE(record->options().origin, RunOrigin::Ran);
    const RunStats stats = statsOf(record);
    QCOMPARE(stats.makespan, 8.0);
    QCOMPARE(stats.peakConcurrency, 5);
    QCOMPARE(record->result(2).toDouble(), 8.0);
    QCOMPARE(RunProgress::completed(record, Schedule())->resultsLine(),
             RunProgress::completed(ran, Schedule())->resultsLine());

    const auto predicted = WhatIf::predict(*record, 2);
    QCOMPARE(statsOf(predicted).makespan, 12.0);
    QCOMPARE(statsOf(predicted).peakConcurrency, 2);
}

void tst_TraceImport::articleBatchReadAsForeignTrace()
{
    // A selection reads TaskLanes' trace like any other: the run slices, one lane per task.
    TraceImport::Options options;
    options.select = u"^run$"_s;
    const Opened o = parse(exportTrace({idealRun({5, 1, 8, 3, 4}, 0)}), options);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QVERIFY(!o.report.writtenByTaskLanes);
    const auto &record = o.runs.first();
    QCOMPARE(record->taskCount(), 5);
    QCOMPARE(record->options().origin, RunOrigin::Recorded);
    QCOMPARE(record->options().threads, 5);
    const RunStats stats = statsOf(record);
    QCOMPARE(stats.makespan, 8.0);
    QCOMPARE(stats.peakConcurrency, 5);
    QCOMPARE(statsOf(WhatIf::predict(*record, 2)).makespan, 12.0);
}

void tst_TraceImport::taskLanesCompareRoundTrip()
{
    // A limited run with gates and in-task admission on a pool of its own, next to unlimited.
    Scenario s;
    s.options.limit = 2;
    s.options.threads = 3;
    s.options.timeScale = 0.01;
    s.options.admission = Admission::InTask;
    s.options.gates = {Gate{u"cpu"_s, 1}};
    const QList<double> durations{5, 1, 8, 3, 4};
    for (qsizetype i = 0; i < durations.size(); ++i) {
        Task t;
        t.duration = durations.at(i);
        if (i % 2)
            t.setGate(u"cpu"_s);
        s.tasks.append(t);
    }
    s.tasks[4].setLabel(u"a \"quoted\" label, with a comma"_s);
    auto limited = std::make_shared<RunRecord>(s);
    Scenario u = s;
    u.options = s.options.unlimited();
    auto unlimited = std::make_shared<RunRecord>(u);
    // Hand-made times (real ns at time scale 0.01): task i waits i * 10 ms, holding a thread for
    // the last 5 ms of it, then runs its duration; task 3 is cancelled before it starts.
    const qint64 msNs = 1000000;
    for (const auto &rec : {limited, unlimited}) {
        for (qsizetype i = 0; i < rec->taskCount(); ++i) {
            TaskSample t;
            t.submittedNs = 0;
            if (i == 3) {
                t.status = TaskStatus::Cancelled;
                t.finishedNs = 70 * msNs;
            } else {
                t.startedNs = i * 10 * msNs;
                t.pickedNs = i ? t.startedNs - 5 * msNs : -1;
                t.finishedNs = t.startedNs + qint64(rec->task(i).duration * 10) * msNs;
                t.worker = int(i % 3) + 1;
                t.status = i == 1 ? TaskStatus::Failed : TaskStatus::Ok;
            }
            rec->setLoaded(i, t, i == 1 ? QVariant(u"boom"_s) : QVariant());
        }
        rec->finishLoading();
    }
    const Runs original{unlimited, limited};
    const Opened o = parse(exportTrace(original));
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QVERIFY(o.report.writtenByTaskLanes);
    QCOMPARE(o.runs.size(), 2);
    for (int r = 0; r < 2; ++r) {
        const RunRecord &a = *original.at(r);
        const RunRecord &b = *o.runs.at(r);
        QCOMPARE(b.options().limit, a.options().limit);
        QCOMPARE(b.options().threads, a.options().threads);
        QCOMPARE(b.options().timeScale, a.options().timeScale);
        QCOMPARE(b.options().admission, a.options().admission);
        QCOMPARE(b.options().gates, a.options().gates);
        QCOMPARE(b.runName(), a.runName());
        QCOMPARE(b.taskCount(), a.taskCount());
        for (qsizetype i = 0; i < a.taskCount(); ++i) {
            const TaskSample sa = a.sample(i), sb = b.sample(i);
            QCOMPARE(sb.status, sa.status);
            QCOMPARE(sb.worker, sa.worker);
            QCOMPARE(sb.submittedNs, sa.submittedNs);
            QCOMPARE(sb.startedNs, sa.startedNs);
            QCOMPARE(sb.pickedNs, sa.pickedNs);
            QCOMPARE(sb.finishedNs, sa.finishedNs);
            QCOMPARE(b.task(i).displayLabel(), a.task(i).displayLabel());
            QCOMPARE(b.task(i).gate(), a.task(i).gate());
            QCOMPARE(b.task(i).duration, a.task(i).duration);
            QCOMPARE(RunReport::formatResult(b.result(i)), RunReport::formatResult(a.result(i)));
        }
        const auto pa = RunProgress::completed(original.at(r), Schedule());
        const auto pb = RunProgress::completed(o.runs.at(r), Schedule());
        QCOMPARE(pb->stats().makespan, pa->stats().makespan);
        QCOMPARE(pb->stats().peakConcurrency, pa->stats().peakConcurrency);
        QCOMPARE(pb->resultsLine(), pa->resultsLine());
    }
}

void tst_TraceImport::engineRunRoundTrip()
{
    // A real run (times in real nanoseconds, not whole microseconds): the trace floors each time
    // to a scenario microsecond, so the makespan comes back within one.
    const auto ran = runToEnd(makeScenario({5, 1, 8, 3, 4}, 2, 0.002));
    QVERIFY(ran);
    const Opened o = parse(exportTrace({ran}));
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    const auto &back = o.runs.first();
    QCOMPARE(back->taskCount(), ran->taskCount());
    const auto pa = RunProgress::completed(ran, Schedule());
    const auto pb = RunProgress::completed(back, Schedule());
    QVERIFY2(std::abs(pb->stats().makespan - pa->stats().makespan) <= 1e-6,
             qPrintable(u"%1 vs %2"_s.arg(pb->stats().makespan).arg(pa->stats().makespan)));
    QCOMPARE(pb->stats().peakConcurrency, pa->stats().peakConcurrency);
    QCOMPARE(pb->resultsLine(), pa->resultsLine());
    for (qsizetype i = 0; i < ran->taskCount(); ++i)
        QCOMPARE(back->sample(i).worker, ran->sample(i).worker);
}

void tst_TraceImport::taskLanesOlderTraceWithoutMetadata()
{
    // Traces written before tasklanes_run and otherData: recognised by process_labels and the
    // run/wait slices' args.
    const auto ran = idealRun({5, 1, 8, 3, 4}, 2);
    QByteArray trace = exportTrace({ran});
    QStringList lines = QString::fromUtf8(trace).split(u'\n');
    lines.removeIf([](const QString &l) { return l.contains(u"tasklanes_run"_s); });
    trace = lines.join(u'\n').toUtf8();
    const qsizetype other = trace.indexOf(",\"otherData\"");
    QVERIFY(other > 0);
    trace = trace.left(other) + "}\n";
    const Opened o = parse(trace);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QVERIFY(o.report.writtenByTaskLanes);
    const auto &record = o.runs.first();
    QCOMPARE(record->options().limit, 2);
    QCOMPARE(record->taskCount(), 5);
    QCOMPARE(statsOf(record).makespan, statsOf(ran).makespan);
    QCOMPARE(statsOf(record).peakConcurrency, 2);
    QCOMPARE(record->options().effectiveThreads(5), ran->options().effectiveThreads(5));
}

void tst_TraceImport::retriesRoundTrip()
{
    const auto record = retriedHttpRun();
    const Opened o = parse(exportTrace({record}));
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    const auto &back = o.runs.first();
    QCOMPARE(back->attempts(0), 3);
    QCOMPARE(back->attempts(1), 1);
    QCOMPARE(back->totalRetries(), 2);
    QCOMPARE(back->task(0).url(), u"local:/work?s=1"_s);
    QCOMPARE(back->result(0).toString(), u"ok"_s);
}

void tst_TraceImport::bad_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected"); // a part of the message

    QTest::newRow("empty") << QByteArray() << u"byte 0: the file is empty"_s;
    QTest::newRow("blank") << QByteArray(" \n ") << u"the file is empty"_s;
    QTest::newRow("not json") << QByteArray("hello, world") << u"byte "_s;
    QTest::newRow("scalar") << QByteArray("42") << u"not a trace"_s;
    QTest::newRow("object without events")
            << QByteArray(R"({"tasks":[1,2]})") << u"no \"traceEvents\""_s;
    QTest::newRow("events not a list")
            << QByteArray(R"({"traceEvents":{}})") << u"\"traceEvents\" is not a list"_s;
    QTest::newRow("no events") << QByteArray("[]") << u"no events"_s;
    QTest::newRow("no events in object") << QByteArray(R"({"traceEvents":[]})") << u"no events"_s;
    QTest::newRow("truncated") << QByteArray(
            R"({"traceEvents":[{"ph":"X","ts":1,"dur":2},{"ph":"X","ts)")
                               << u"byte "_s;
    QTest::newRow("truncated after an event")
            << QByteArray(R"([{"ph":"X","name":"a","ts":1,"dur":2},)")
            << u"byte 38: the text ends before its lists and objects are closed (truncated?)"_s;
    QTest::newRow("trailing text") << QByteArray(R"([{"ph":"X","name":"a","ts":1,"dur":2}] x)")
                                   << u"byte 39: text after the end of the trace"_s;
    QTest::newRow("event not an object") << QByteArray(R"([{"ph":"X","ts":1,"dur":2}, 7])")
                                         << u"event 1 (byte 28): is not an object"_s;
    QTest::newRow("no slice")
            << QByteArray(R"([{"ph":"C","ts":1,"name":"c","args":{"v":1}},{"ph":"B","ts":3}])")
            << u"no complete slice (an X event with its dur, or a B with its E) in 2 events"_s;
    QTest::newRow("ts missing") << QByteArray(R"([{"ph":"X","ts":1,"dur":2},{"ph":"X","dur":2}])")
                                << u"event 1 (byte 27): \"ts\" is missing"_s;
    QTest::newRow("dur missing") << QByteArray(R"([{"ph":"X","ts":1}])")
                                 << u"event 0 (byte 1): \"dur\" is missing"_s;
    QTest::newRow("ts negative") << QByteArray(R"([{"ph":"X","ts":-1,"dur":2}])")
                                 << u"event 0 (byte 1): \"ts\" is negative (-1)"_s;
    QTest::newRow("dur negative") << QByteArray(R"([{"ph":"X","ts":1,"dur":-2.5}])")
                                  << u"\"dur\" is negative (-2.5)"_s;
    QTest::newRow("ts a string") << QByteArray(R"([{"ph":"X","ts":"1","dur":2}])")
                                 << u"\"ts\" is not a number"_s;
    QTest::newRow("dur null") << QByteArray(R"([{"ph":"X","ts":1,"dur":null}])")
                              << u"\"dur\" is not a number"_s;
    QTest::newRow("ts huge") << QByteArray(R"([{"ph":"X","ts":1e300,"dur":1}])")
                             << u"\"ts\" is too large"_s;
    QTest::newRow("ts of an E") << QByteArray(R"([{"ph":"B","ts":1},{"ph":"E"}])")
                                << u"event 1 (byte 19): \"ts\" is missing"_s;
    QTest::newRow("E before its B") << QByteArray(R"([{"ph":"B","ts":5},{"ph":"E","ts":1}])")
                                    << u"ends before its B (event 0) begins"_s;
    QTest::newRow("pid an object") << QByteArray(R"([{"ph":"X","ts":1,"dur":1,"pid":{}}])")
                                   << u"\"pid\" is neither a number nor a string"_s;
    QTest::newRow("not utf-8") << QByteArray(
            "[{\"ph\":\"X\",\"name\":\"\xff\",\"ts\":1,\"dur\":1}]")
                               << u"byte 19: the text is not valid UTF-8"_s;
    QTest::newRow("unclosed string") << QByteArray(R"([{"ph":"X)") << u"byte "_s;
}

void tst_TraceImport::bad()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const Opened o = parse(json);
    QVERIFY(o.runs.isEmpty());
    QVERIFY2(o.error.contains(expected), qPrintable(o.error));
}

void tst_TraceImport::deepNesting()
{
    // 100,000 nested lists in an event's args, and as the whole file.
    const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
    for (const QByteArray &json : QList<QByteArray>{
                 "[{\"ph\":\"X\",\"ts\":1,\"dur\":1,\"args\":" + deep + "}]",
                 "{\"traceEvents\":[{\"ph\":\"X\",\"ts\":1,\"dur\":1}],\"x\":" + deep + "}",
                 deep}) {
        const Opened o = parse(json);
        QVERIFY(o.runs.isEmpty());
        QVERIFY2(o.error.contains(u"nested more than"_s) || o.error.contains(u"not an object"_s),
                 qPrintable(o.error));
    }
}

void tst_TraceImport::emptyTaskLanesRun()
{
    // Found by fuzz_trace: a TaskLanes trace whose second run says it holds no task. It opened
    // as an empty run; it is an error naming the run.
    QFile file(QFINDTESTDATA("../fuzz/corpus/trace/regression-empty-tasklanes-run.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const Opened o = parse(file.readAll());
    QVERIFY(o.runs.isEmpty());
    QVERIFY2(o.error.contains(u"it holds no task"_s), qPrintable(o.error));
}

void tst_TraceImport::hugeRetryMark()
{
    // Found by fuzz_trace: a retry mark at 2e53 µs overflowed the conversion to nanoseconds.
    // A mark outside the times a slice may have is skipped and counted; the slice still opens.
    QFile file(QFINDTESTDATA("../fuzz/corpus/trace/regression-huge-retry-mark.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const Opened o = parse(file.readAll());
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QCOMPARE(o.runs.size(), 1);
    QCOMPARE(o.runs.front()->taskCount(), 1);
    QCOMPARE(o.report.skippedPhases.value(u"i"_s), 1);
}

void tst_TraceImport::tooManyTasks()
{
    // One slice more than a run may hold: refused with the count, and the way out.
    QByteArray json = "[";
    json.reserve(40 * (ScenarioLimits::maxTasks + 2));
    for (qsizetype i = 0; i <= ScenarioLimits::maxTasks; ++i) {
        if (i)
            json += ",\n";
        json += "{\"ph\":\"X\",\"ts\":" + QByteArray::number(i) + ",\"dur\":1}";
    }
    json += "]";
    const Opened o = parse(json);
    QVERIFY(o.runs.isEmpty());
    QVERIFY2(o.error.startsWith(u"1000001 slices would become tasks, more than 1000000"_s),
             qPrintable(o.error));
}

void tst_TraceImport::warningLine()
{
    const QByteArray trace = R"([
{"ph":"B","name":"open","pid":1,"tid":1,"ts":0},
{"ph":"X","name":"a","pid":1,"tid":2,"ts":0,"dur":1},
{"ph":"E","pid":1,"tid":3,"ts":4},
{"ph":"b","name":"async","id":1,"ts":0},
{"ph":"e","name":"async","id":1,"ts":2},
{"ph":"s","name":"flow","id":1,"ts":0},
{"ph":"P","ts":0},
{"ph":"I","ts":0,"name":"i"},
{"ph":"Z","ts":0},
{"name":"no phase"}
])";
    const Opened o = parse(trace);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QCOMPARE(o.runs.first()->taskCount(), 1);
    QCOMPARE(o.report.unmatchedBegins, 1);
    QCOMPARE(o.report.unmatchedEnds, 1);
    const QString w = o.report.warning();
    QVERIFY2(w.startsWith(u"skipped "_s), qPrintable(w));
    QVERIFY2(!w.contains(u'\n'), qPrintable(w));
    for (const QString &part :
         {u"1 instant event (I)"_s, u"1 sample event (P)"_s, u"1 async event (b)"_s,
          u"1 async event (e)"_s, u"1 flow event (s)"_s, u"1 event (Z)"_s, u"1 event (no phase)"_s,
          u"1 B without E"_s, u"1 E without B"_s})
        QVERIFY2(w.contains(part), qPrintable(w + u" lacks "_s + part));
}

void tst_TraceImport::looksLikeTrace_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("trace");
    QTest::newRow("array") << QByteArray(" \n[{\"ph\"") << true;
    QTest::newRow("traceEvents first") << QByteArray("{\"traceEvents\":[") << true;
    QTest::newRow("traceEvents later")
            << QByteArray("{\"metadata\":{\"traceEvents\":1},\n \"traceEvents\" : [") << true;
    QTest::newRow("bom") << QByteArray("\xef\xbb\xbf{\"traceEvents\":[") << true;
    QTest::newRow("scenario") << QByteArray("{\"version\":3,\"tasks\":[{\"duration\":1}]}")
                              << false;
    QTest::newRow("value named traceEvents")
            << QByteArray("{\"name\":\"traceEvents\",\"tasks\":[]}") << false;
    QTest::newRow("csv") << QByteArray("run,task,label") << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void tst_TraceImport::looksLikeTrace()
{
    QFETCH(QByteArray, head);
    QFETCH(bool, trace);
    QCOMPARE(TraceImport::looksLikeTrace(head), trace);
}

QTEST_GUILESS_MAIN(tst_TraceImport)
#include "tst_traceimport.moc"
