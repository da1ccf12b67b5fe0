#include "csvexport.h"
#include "csvimport.h"
#include "runengine.h"
#include "runrecord.h"
#include "runreport.h"
#include "scenariofile.h"
#include "schedule.h"

#include <QBuffer>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

// Per-group gates: parsing, the engine's admission behind them (FIFO within a gate, no
// head-of-line blocking across gates, never above a gate's limit), the statistics, the names of
// a comparison's runs, the prediction with the machine's cores, and the CSV round trip.
class tst_Gates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseGateArgument_data();
    void parseGateArgument();
    void scenarioFileRefuses_data();
    void scenarioFileRefuses();
    void scenarioFileRoundTrip();
    void coresGateSize();
    void runNames();
    void fifoNoHeadOfLineBlocking();
    void neverAboveAnyGate_data();
    void neverAboveAnyGate();
    void predictionSharesTheCores();
    void predictionRespectsGates();
    void predictionInTaskWaitsForThreads();
    void csvRoundTrip();
};

namespace {

Task sleepTask(double duration, const QString &gate = {})
{
    Task t;
    t.duration = duration;
    t.setGate(gate);
    return t;
}

Task cpuTask(double duration, const QString &gate = {})
{
    Task t = sleepTask(duration, gate);
    t.kind = TaskKind::Cpu;
    return t;
}

std::shared_ptr<const RunRecord> runToEnd(const Scenario &scenario)
{
    RunEngine engine;
    if (!engine.start(scenario) || !engine.waitForFinished(60000))
        return {};
    return engine.record();
}

// The most tasks running at once among those for which `in` is true (finishes first at a tie).
int peak(const RunRecord &record, const std::function<bool(qsizetype)> &in)
{
    std::vector<std::pair<qint64, int>> edges;
    for (qsizetype i = 0; i < record.taskCount(); ++i) {
        const TaskSample s = record.sample(i);
        if (!in(i) || !s.hasStarted())
            continue;
        edges.emplace_back(s.startedNs, +1);
        edges.emplace_back(std::max(s.finishedNs, s.startedNs), -1);
    }
    std::sort(edges.begin(), edges.end());
    int running = 0;
    int most = 0;
    for (const auto &[t, d] : edges)
        most = std::max(most, running += d);
    return most;
}

} // namespace

void tst_Gates::parseGateArgument_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QString>("errorNames"); // a piece of the error message

    QTest::newRow("cpu=2") << u"cpu=2"_s << true << u"cpu"_s << 2 << QString();
    QTest::newRow("spaces") << u" api = 4 "_s << true << u"api"_s << 4 << QString();
    QTest::newRow("no =") << u"x"_s << false << QString() << 0 << u"\"x\""_s;
    QTest::newRow("zero") << u"cpu=0"_s << false << QString() << 0 << u"\"0\""_s;
    QTest::newRow("negative") << u"cpu=-1"_s << false << QString() << 0 << u"\"-1\""_s;
    QTest::newRow("not a number") << u"cpu=two"_s << false << QString() << 0 << u"\"two\""_s;
    QTest::newRow("no name") << u"=2"_s << false << QString() << 0 << u"empty"_s;
    QTest::newRow("huge name") << QString(10000, u'g') + u"=2"_s << false << QString() << 0
                               << u"10000"_s;
}

void tst_Gates::parseGateArgument()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QString, name);
    QFETCH(int, limit);
    QFETCH(QString, errorNames);
    QString error;
    const auto gate = ScenarioParser::parseGate(text, &error);
    QCOMPARE(bool(gate), ok);
    if (ok) {
        QCOMPARE(gate->name, name);
        QCOMPARE(gate->limit, limit);
    } else {
        QVERIFY2(error.contains(errorNames), qPrintable(error));
        QVERIFY2(error.size() < 200, "a hostile value does not make a huge message");
    }
}

void tst_Gates::scenarioFileRefuses_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("errorNames");
    const QByteArray task = R"([{"kind": "sleep", "duration": 1, "gate": "cpu"}])";
    QTest::newRow("admission 3") << QByteArray(R"({"version": 1, "admission": 3, "tasks": )" + task
                                               + "}")
                                 << u"admission"_s;
    QTest::newRow("admission maybe")
            << QByteArray(R"({"version": 1, "admission": "maybe", )"
                          R"("tasks": [{"kind": "sleep", "duration": 1}]})")
            << u"\"maybe\""_s;
    QTest::newRow("unknown gate") << QByteArray(R"({"version": 1, "gates": {"api": 2}, "tasks": )"
                                                + task + "}")
                                  << u"\"cpu\""_s;
    QTest::newRow("gate 0") << QByteArray(R"({"version": 1, "gates": {"cpu": 0}, "tasks": )" + task
                                          + "}")
                            << u"\"cpu\""_s;
    QTest::newRow("gate not an object")
            << QByteArray(R"({"version": 1, "gates": [2], "tasks": )" + task + "}") << u"gates"_s;
    QTest::newRow("gate name of 10,000 characters")
            << QByteArray(R"({"version": 1, "gates": {")" + QByteArray(10000, 'g') + R"(": 2}, )"
                          + R"("tasks": [{"kind": "sleep", "duration": 1}]})")
            << u"10000"_s;
}

void tst_Gates::scenarioFileRefuses()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, errorNames);
    QString error;
    QVERIFY(!ScenarioFile::parse(json, &error));
    QVERIFY2(error.contains(errorNames), qPrintable(error));
    QVERIFY2(error.size() < 300, qPrintable(error.left(300)));
}

void tst_Gates::scenarioFileRoundTrip()
{
    Scenario s;
    s.options.limit = 3;
    s.options.admission = Admission::InTask;
    s.options.gates = {Gate{u"api"_s, 4}, Gate{u"cpu"_s, 2}};
    s.tasks = {cpuTask(1, u"cpu"_s), sleepTask(2, u"api"_s), sleepTask(3)};
    QString error;
    const auto loaded = ScenarioFile::parse(ScenarioFile::serialize(s), &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->scenario.options.admission, Admission::InTask);
    QCOMPARE(loaded->scenario.options.gates, s.options.gates);
    QCOMPARE(loaded->scenario.tasks.at(0).gate(), u"cpu"_s);
    QCOMPARE(loaded->scenario.tasks.at(1).gate(), u"api"_s);
    QVERIFY(loaded->scenario.tasks.at(2).gate().isEmpty());
}

void tst_Gates::coresGateSize()
{
    QString error;
    const auto loaded = ScenarioFile::parse(
            R"({"version": 1, "gates": {"cpu": "cores"}, "tasks": [{"kind": "cpu", "duration": 1, "gate": "cpu"}]})",
            &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->scenario.options.gates.size(), 1);
    QCOMPARE(loaded->scenario.options.gates.at(0).limit, std::max(1, QThread::idealThreadCount()));
}

void tst_Gates::runNames()
{
    RunOptions o;
    o.gates = {Gate{u"cpu"_s, 2}};
    QCOMPARE(o.runName(), u"gated"_s);
    QCOMPARE(o.unlimited().runName(), u"unlimited"_s);
    QVERIFY(!o.unlimited().hasGates());
    o.limit = 3;
    QCOMPARE(o.runName(), u"limit-3"_s);
    QCOMPARE(o.unlimited().limit, 0);
    QCOMPARE(o.plainPoolText(5), u"limit 3 on a pool of 5 threads, gates cpu 2"_s);
    o.threads = 2;
    QVERIFY2(o.poolText(5).contains(u"the threads bound the waits"_s), qPrintable(o.poolText(5)));
    o.threads = 4;
    QVERIFY2(o.poolText(5).contains(u"the permit bound the waits"_s), qPrintable(o.poolText(5)));
}

void tst_Gates::fifoNoHeadOfLineBlocking()
{
    // Gate "a" of 1: the second "a" task waits, the "b" task behind it does not.
    Scenario s;
    s.options.timeScale = 0.02;
    s.options.gates = {Gate{u"a"_s, 1}, Gate{u"b"_s, 1}};
    s.tasks = {sleepTask(5, u"a"_s), sleepTask(1, u"a"_s), sleepTask(1, u"b"_s)};
    const auto record = runToEnd(s);
    QVERIFY(record);
    const TaskSample first = record->sample(0);
    const TaskSample second = record->sample(1);
    const TaskSample third = record->sample(2);
    QVERIFY(second.startedNs >= first.finishedNs); // FIFO and never two "a" at once
    QVERIFY2(third.startedNs < first.finishedNs, "the b task did not wait behind the a tasks");
    for (qsizetype i = 0; i < 3; ++i)
        QCOMPARE(record->sample(i).pickedNs, record->sample(i).startedNs); // fifo: no thread held
}

void tst_Gates::neverAboveAnyGate_data()
{
    QTest::addColumn<int>("admissionValue");
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("threads");
    QTest::newRow("fifo, limit 3") << int(Admission::Fifo) << 3 << 0;
    QTest::newRow("fifo, gates only") << int(Admission::Fifo) << 0 << 0;
    QTest::newRow("fifo, pool of 2") << int(Admission::Fifo) << 0 << 2;
    QTest::newRow("in-task, limit 3") << int(Admission::InTask) << 3 << 0;
    QTest::newRow("in-task, gates only, pool of 4") << int(Admission::InTask) << 0 << 4;
}

void tst_Gates::neverAboveAnyGate()
{
    QFETCH(int, admissionValue);
    const auto admission = Admission(admissionValue);
    QFETCH(int, limit);
    QFETCH(int, threads);
    Scenario s;
    s.options.timeScale = 0.005;
    s.options.limit = limit;
    s.options.threads = threads;
    s.options.admission = admission;
    s.options.gates = {Gate{u"a"_s, 1}, Gate{u"b"_s, 2}};
    const QString names[] = {u"a"_s, u"b"_s, QString()};
    for (int k = 0; k < 30; ++k)
        s.tasks.append(sleepTask(1 + k % 3, names[(k * 7) % 3]));
    const auto record = runToEnd(s);
    QVERIFY(record);
    for (qsizetype i = 0; i < record->taskCount(); ++i)
        QCOMPARE(record->status(i), TaskStatus::Ok);
    const int peakA = peak(*record, [&](qsizetype i) { return record->task(i).gate() == u"a"; });
    const int peakB = peak(*record, [&](qsizetype i) { return record->task(i).gate() == u"b"; });
    QVERIFY(peakA <= 1);
    QVERIFY(peakB <= 2);
    const int all = peak(*record, [](qsizetype) { return true; });
    QVERIFY(all <= s.options.slotCount(s.tasks.size()));
    const RunStats stats = computeStats(*record, predictSchedule(s.tasks, s.options));
    QCOMPARE(stats.gatePeaks, (QList<int>{peakA, peakB}));
    QVERIFY2(RunReport::summary(*record, stats).contains(u"gate a peak"_s),
             qPrintable(RunReport::summary(*record, stats)));
    if (admission == Admission::Fifo) {
        // FIFO within gate "a": one at a time, so each starts after the one before it finished.
        // (Where two may start at once, whichever thread records its start first wins.)
        qint64 last = -1;
        for (qsizetype i = 0; i < record->taskCount(); ++i) {
            if (record->task(i).gate() != u"a")
                continue;
            QVERIFY(record->sample(i).startedNs >= last);
            last = record->sample(i).finishedNs;
        }
    }
}

void tst_Gates::predictionSharesTheCores()
{
    // Four CPU tasks of 1 s on 2 cores, unlimited: all share, all finish at 2 s.
    QList<Task> tasks = {cpuTask(1), cpuTask(1), cpuTask(1), cpuTask(1)};
    const Schedule shared = predictSchedule(tasks, RunOptions{}, 2);
    QCOMPARE(shared.makespan, 2.0);
    for (double f : shared.finish)
        QCOMPARE(f, 2.0);
    // On 4 cores, 1 s.
    QCOMPARE(predictSchedule(tasks, RunOptions{}, 4).makespan, 1.0);
    // Sleeps beside them use no core.
    tasks.append(sleepTask(1));
    const Schedule mixed = predictSchedule(tasks, RunOptions{}, 2);
    QCOMPARE(mixed.finish.at(4), 1.0);
    QCOMPARE(mixed.makespan, 2.0);
    // Unequal work: 1 and 3 s on one core: both at half speed until 2 s, then the long one alone.
    const Schedule unequal = predictSchedule({cpuTask(1), cpuTask(3)}, RunOptions{}, 1);
    QCOMPARE(unequal.finish.at(0), 2.0);
    QCOMPARE(unequal.finish.at(1), 4.0);
}

void tst_Gates::predictionRespectsGates()
{
    // cpu-vs-wait on 2 cores: 4 CPU tasks behind a gate of 2, 4 sleeps free.
    RunOptions gated;
    gated.gates = {Gate{u"cpu"_s, 2}};
    QList<Task> tasks;
    for (int k = 0; k < 4; ++k)
        tasks.append(cpuTask(1, u"cpu"_s));
    for (int k = 0; k < 4; ++k)
        tasks.append(sleepTask(1));
    const Schedule g = predictSchedule(tasks, gated, 2);
    QCOMPARE(g.start, (QList<double>{0, 0, 1, 1, 0, 0, 0, 0}));
    QCOMPARE(g.makespan, 2.0);
    const Schedule u = predictSchedule(tasks, gated.unlimited(), 2);
    QCOMPARE(u.makespan, 2.0);
    double meanG = 0, meanU = 0;
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        meanG += g.finish.at(i) / tasks.size();
        meanU += u.finish.at(i) / tasks.size();
    }
    QVERIFY2(meanG < meanU, "the gate gives earlier results for the same makespan");

    // A global limit of 1 with the gate: one task at a time, in FIFO order.
    gated.limit = 1;
    const Schedule one = predictSchedule(tasks, gated, 2);
    QCOMPARE(one.makespan, 8.0);
    for (qsizetype i = 1; i < tasks.size(); ++i)
        QVERIFY(one.start.at(i) >= one.start.at(i - 1));
}

void tst_Gates::predictionInTaskWaitsForThreads()
{
    // 6 tasks of 1 s, limit 2 on a pool of 3: still two at a time, in FIFO order.
    RunOptions o;
    o.limit = 2;
    o.threads = 3;
    o.admission = Admission::InTask;
    QList<Task> tasks(6, sleepTask(1));
    const Schedule s = predictSchedule(tasks, o, 2);
    QCOMPARE(s.makespan, 3.0);
    // With a gate of 1 on tasks 1 and 2 and a pool of 2: task 2 holds a thread and the global
    // permit while it waits for the gate, so task 3 (ungated) waits for a thread.
    o.limit = 0;
    o.threads = 2;
    o.gates = {Gate{u"g"_s, 1}};
    const Schedule held =
            predictSchedule({sleepTask(1, u"g"_s), sleepTask(1, u"g"_s), sleepTask(1)}, o, 2);
    QCOMPARE(held.start, (QList<double>{0, 1, 1}));
    o.admission = Admission::Fifo;
    const Schedule fifo =
            predictSchedule({sleepTask(1, u"g"_s), sleepTask(1, u"g"_s), sleepTask(1)}, o, 2);
    QCOMPARE(fifo.start, (QList<double>{0, 1, 0}));
}

void tst_Gates::csvRoundTrip()
{
    Scenario s;
    s.options.timeScale = 0.005;
    s.options.limit = 2;
    s.options.threads = 3;
    s.options.admission = Admission::InTask;
    s.options.gates = {Gate{u"cpu"_s, 1}};
    s.tasks = {sleepTask(2, u"cpu"_s), sleepTask(1, u"cpu"_s), sleepTask(1), sleepTask(1),
               sleepTask(1)};
    const auto record = runToEnd(s);
    QVERIFY(record);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(CsvExport::write(buffer, {record}));
    QVERIFY(buffer.data().startsWith(CsvExport::header().toUtf8()));
    QVERIFY(CsvExport::header().contains(u"kind,gate,"_s));
    QVERIFY(CsvExport::header().contains(u"submitted_s,picked_s,started_s"_s));
    QString error;
    const auto runs = CsvImport::parse(buffer.data(), &error);
    QVERIFY2(runs, qPrintable(error));
    const RunRecord &back = *runs->at(0);
    QCOMPARE(back.options().gates, s.options.gates);
    QCOMPARE(back.options().admission, Admission::InTask);
    QCOMPARE(back.options().effectiveThreads(5), 3);
    QCOMPARE(back.runName(), u"limit-2"_s);
    for (qsizetype i = 0; i < 5; ++i) {
        QCOMPARE(back.task(i).gate(), s.tasks.at(i).gate());
        const qint64 a = record->sample(i).pickedNs;
        const qint64 b = back.sample(i).pickedNs;
        QVERIFY2(std::abs(a - b) <= record->toNanoseconds(2e-6), qPrintable(QString::number(i)));
    }
}

QTEST_GUILESS_MAIN(tst_Gates)
#include "tst_gates.moc"
