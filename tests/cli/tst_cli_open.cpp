#include "clirun.h"
#include "testcsv.h"
#include "traceimport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <queue>

#include <algorithm>
#include <functional>
#include <vector>

using namespace Qt::StringLiterals;

// --open, --what-if, --depth, --select and the replay (--sweep, --save-scenario) of recorded runs
// through the real binary. The recordings are CSVs the CLI itself wrote.
class tst_CliOpen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void openSingleRun();
    void openComparison();
    void whatIfPredictsTheArticle();
    void whatIfFromTheRunsTrace();
    void whatIfExportsHoldBothRuns();
    void predictedSweepOfAnOpenedRun();
    void saveScenarioRoundTrip();
    void openTrace();
    void badInput_data();
    void badInput();

private:
    QTemporaryDir m_dir;
    QString m_runCsv; // 5,1,8,3,4 unlimited at time scale 0.05
    QString m_runTrace; // the same run's Chrome trace
    QString m_compareCsv; // the same, --limit 2 --compare
    QString m_bad;
};

namespace {

const CliOptions english = CliOptions::english();

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// What --what-if N must predict for a recorded CSV, worked out here apart from core/whatif: the
// recorded durations (finished_s - started_s) taken in recorded start order, each on the slot
// that frees first. The recorded order of an unlimited run is its threads' race, so the test
// follows the file rather than assuming index order.
double listScheduleMakespan(const QList<QStringList> &rows, int limit)
{
    const QStringList header = rows.value(0);
    const qsizetype started = header.indexOf(u"started_s"_s);
    const qsizetype finished = header.indexOf(u"finished_s"_s);
    const qsizetype run = header.indexOf(u"run"_s);
    QList<std::pair<double, double>> tasks; // start, duration
    for (qsizetype r = 1; r < rows.size(); ++r) {
        if (rows.at(r).at(run) != rows.at(1).at(run))
            break; // the first run only
        const double s = rows.at(r).at(started).toDouble();
        tasks.append({s, rows.at(r).at(finished).toDouble() - s});
    }
    std::stable_sort(tasks.begin(), tasks.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    std::priority_queue<double, std::vector<double>, std::greater<double>> slots;
    for (int k = 0; k < limit; ++k)
        slots.push(0.0);
    double end = 0.0;
    for (const auto &task : std::as_const(tasks)) {
        const double free = slots.top();
        slots.pop();
        slots.push(free + task.second);
        end = std::max(end, free + task.second);
    }
    return end;
}

QList<QStringList> readCsv(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return csvRows(f.readAll());
}

// Trace events, whichever of the format's two forms the file has.
QJsonArray traceEvents(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    return doc.isArray() ? doc.array() : doc.object().value(u"traceEvents").toArray();
}

// A Chrome trace of the article's batch as another system would write it: five top-level slices
// of 5, 1, 8, 3 and 4 s on five threads, started 10 us apart in that order; a nested slice under
// the first; a counter event, which the reader skips and counts.
QByteArray articleTrace()
{
    QByteArray events = R"({"name":"process_name","ph":"M","pid":1,"tid":0,"args":{"name":"app"}})";
    const char *names[] = {"a", "b", "c", "d", "e"};
    const int seconds[] = {5, 1, 8, 3, 4};
    for (int i = 0; i < 5; ++i) {
        events += R"(,{"name":")" + QByteArray(names[i]) + R"(","cat":"job","ph":"X","ts":)"
                  + QByteArray::number(10 * i) + R"(,"dur":)"
                  + QByteArray::number(seconds[i] * 1000000) + R"(,"pid":1,"tid":)"
                  + QByteArray::number(i + 1) + "}";
    }
    events += R"(,{"name":"child","cat":"step","ph":"X","ts":100,"dur":1000000,"pid":1,"tid":1})";
    events += R"(,{"name":"queue","ph":"C","ts":0,"pid":1,"args":{"depth":3}})";
    return "{\"traceEvents\":[" + events + "]}\n";
}

} // namespace

namespace {

// The "tasks" of the first run in --stats JSON.
int firstRunTasks(const QByteArray &stats)
{
    return parseObject(stats).value(u"runs").toArray().at(0).toObject().value(u"tasks").toInt();
}

} // namespace

void tst_CliOpen::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_runCsv = m_dir.filePath(u"run.csv"_s);
    m_compareCsv = m_dir.filePath(u"compare.csv"_s);
    m_runTrace = m_dir.filePath(u"run.trace.json"_s);
    // 0.05: 8 s takes 0.4 s, and a millisecond of sleep overshoot is only 0.02 scenario seconds.
    CliRun o = runCli({u"--durations"_s, u"5,1,8,3,4"_s, u"--time-scale"_s, u"0.05"_s, u"--quiet"_s,
                       u"--csv"_s, m_runCsv, u"--trace"_s, m_runTrace},
                      english);
    QVERIFY2(o.finished && o.exitCode == 0, qPrintable(describe(o)));
    o = runCli({u"--durations"_s, u"5,1,8,3,4"_s, u"--limit"_s, u"2"_s, u"--compare"_s,
                u"--time-scale"_s, u"0.05"_s, u"--quiet"_s, u"--csv"_s, m_compareCsv},
               english);
    QVERIFY2(o.finished && o.exitCode == 0, qPrintable(describe(o)));
    m_bad = m_dir.filePath(u"bad.csv"_s);
    QFile bad(m_bad);
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("run,task\r\nunlimited,1\r\n");
}

void tst_CliOpen::openSingleRun()
{
    const CliRun o = runCli({u"--open"_s, m_runCsv}, english);
    QVERIFY2(o.finished && o.exitCode == 0, qPrintable(describe(o)));
    QVERIFY2(o.err.isEmpty(), qPrintable(o.err));
    // As a finished run: its log, results in submission order, the summary.
    QVERIFY2(o.out.contains(u"=== unlimited ==="_s), qPrintable(o.out));
    QVERIFY(o.out.contains(u"results: [5, 1, 8, 3, 4]"_s));
    QVERIFY(o.out.contains(u"makespan"_s));
    QVERIFY(o.out.contains(u"mean completion"_s));
    QVERIFY(!o.out.contains(u"comparison"_s));

    const CliRun quiet = runCli({u"--open"_s, m_runCsv, u"--quiet"_s}, english);
    QVERIFY2(quiet.finished && quiet.exitCode == 0, qPrintable(describe(quiet)));
    QVERIFY(!quiet.out.contains(u"==="_s));
    QVERIFY(quiet.out.contains(u"results: [5, 1, 8, 3, 4]"_s));
}

void tst_CliOpen::openComparison()
{
    const CliRun o =
            runCli({u"--open"_s, m_compareCsv, u"--quiet"_s, u"--stats"_s, u"-"_s}, english);
    QVERIFY2(o.finished && o.exitCode == 0, qPrintable(describe(o)));
    QVERIFY(o.err.contains(u"[unlimited] results: [5, 1, 8, 3, 4]"_s));
    QVERIFY(o.err.contains(u"[limit 2] results: [5, 1, 8, 3, 4]"_s));
    QVERIFY2(o.err.contains(u"comparison"_s), qPrintable(o.err));
    const QJsonArray runs = parseObject(o.outBytes).value(u"runs").toArray();
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs.at(0).toObject().value(u"name").toString(), u"unlimited"_s);
    QCOMPARE(runs.at(1).toObject().value(u"name").toString(), u"limit-2"_s);
}

void tst_CliOpen::whatIfPredictsTheArticle()
{
    const QList<QStringList> rows = readCsv(m_runCsv);
    const double expected = listScheduleMakespan(rows, 2);
    // The issue's figure, 12 s, holds when the threads started the tasks in submission order (as
    // they nearly always do); the recorded durations carry the sleeps' overshoot.
    const qsizetype startedColumn = rows.value(0).indexOf(u"started_s"_s);
    bool inIndexOrder = true;
    for (qsizetype r = 2; r < rows.size(); ++r)
        inIndexOrder = inIndexOrder
                       && rows.at(r).at(startedColumn).toDouble()
                                  >= rows.at(r - 1).at(startedColumn).toDouble();
    if (inIndexOrder)
        QVERIFY2(std::abs(expected - 12.0) < 0.25, qPrintable(QString::number(expected)));

    const CliRun o = runCli(
            {u"--open"_s, m_runCsv, u"--what-if"_s, u"2"_s, u"--quiet"_s, u"--stats"_s, u"-"_s},
            english);
    QVERIFY2(o.finished && o.exitCode == 0, qPrintable(describe(o)));
    const QJsonArray runs = parseObject(o.outBytes).value(u"runs").toArray();
    QCOMPARE(runs.size(), 2);
    const QJsonObject recorded = runs.at(0).toObject();
    const QJsonObject whatIf = runs.at(1).toObject();
    QCOMPARE(recorded.value(u"name").toString(), u"unlimited"_s);
    QCOMPARE(whatIf.value(u"limit").toInt(), 2);
    const double makespan = whatIf.value(u"makespan_s").toDouble(-1);
    QVERIFY2(std::abs(makespan - expected) < 0.01,
             qPrintable(u"what-if %1 s, expected %2 s"_s.arg(makespan).arg(expected)));
    // The recording itself: the longest task, 8 s.
    QVERIFY(std::abs(recorded.value(u"makespan_s").toDouble() - 8.0) < 0.5);
    QCOMPARE(whatIf.value(u"ok").toInt(), 5);

    // The report names the prediction and compares it with the recording.
    QVERIFY(o.err.contains(u"[what-if limit 2] results: [5, 1, 8, 3, 4]"_s));
    QVERIFY2(o.err.contains(u"comparison"_s), qPrintable(o.err));
    QVERIFY2(o.err.contains(u"what-if limit 2: recorded durations, FIFO in recorded start order"_s),
             qPrintable(o.err));
    if (inIndexOrder)
        QVERIFY2(std::abs(makespan - 12.0) < 0.25, qPrintable(QString::number(makespan)));
}

void tst_CliOpen::whatIfFromTheRunsTrace()
{
    // The issue's acceptance: the trace of the 5,1,8,3,4 unlimited run, at limit 2. Its times are
    // real microseconds of a run at time scale 0.05, read back in scenario seconds.
    if (!TraceImport::looksLikeTrace(R"({"traceEvents":[]})"))
        QSKIP("the Chrome trace reader (core/traceimport.cpp) has not landed on this branch");
    const double expected = listScheduleMakespan(readCsv(m_runCsv), 2);
    const CliRun o = runCli(
            {u"--open"_s, m_runTrace, u"--what-if"_s, u"2"_s, u"--quiet"_s, u"--stats"_s, u"-"_s},
            english);
    QVERIFY2(o.finished && o.exitCode == 0, qPrintable(describe(o)));
    QVERIFY2(!o.err.contains(u"warning"_s), qPrintable(o.err));
    const QJsonArray runs = parseObject(o.outBytes).value(u"runs").toArray();
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs.at(0).toObject().value(u"time_scale").toDouble(), 0.05);
    const double makespan = runs.at(1).toObject().value(u"makespan_s").toDouble(-1);
    // The same run's CSV gives the expected figure: both hold its times to the microsecond.
    QVERIFY2(std::abs(makespan - expected) < 0.01,
             qPrintable(u"what-if %1 s, expected %2 s"_s.arg(makespan).arg(expected)));
}

void tst_CliOpen::whatIfExportsHoldBothRuns()
{
    const QString csv = m_dir.filePath(u"whatif.csv"_s);
    const QString trace = m_dir.filePath(u"whatif.json"_s);
    const QString stats = m_dir.filePath(u"whatif-stats.json"_s);
    QStringList args = {u"--open"_s, m_runCsv, u"--what-if"_s, u"2"_s, u"--quiet"_s,
                        u"--csv"_s,  csv,      u"--trace"_s,   trace,  u"--stats"_s,
                        stats};
    const QString svg = m_dir.filePath(u"whatif.svg"_s);
    const bool images = runCli({u"--help"_s}, english).out.contains(u"--svg"_s);
    if (images)
        args << u"--svg"_s << svg;
    const CliRun o = runCli(args, english);
    QVERIFY2(o.finished && o.exitCode == 0, qPrintable(describe(o)));

    const QList<QStringList> rows = readCsv(csv);
    QCOMPARE(rows.size(), 1 + 2 * 5);
    QSet<QString> names;
    for (qsizetype r = 1; r < rows.size(); ++r)
        names.insert(rows.at(r).at(0));
    // Two run names, so the recording and its what-if stay two runs when the CSV is opened again.
    QCOMPARE(names, (QSet<QString>{u"unlimited"_s, u"what-if-limit-2"_s}));
    // The CSV of both reads back as a comparison.
    const CliRun reopened = runCli({u"--open"_s, csv, u"--quiet"_s}, english);
    QVERIFY2(reopened.finished && reopened.exitCode == 0, qPrintable(describe(reopened)));
    QVERIFY(reopened.out.contains(u"comparison"_s));
    QVERIFY2(reopened.out.contains(u"[what-if limit 2]"_s), qPrintable(reopened.out));

    QSet<int> pids;
    QStringList processNames;
    for (const QJsonValue &v : traceEvents(trace)) {
        const QJsonObject e = v.toObject();
        pids.insert(e.value(u"pid").toInt());
        if (e.value(u"name").toString() == u"process_name")
            processNames << e.value(u"args").toObject().value(u"name").toString();
    }
    QCOMPARE(pids.size(), 2);
    QVERIFY2(processNames.contains(u"what-if limit 2"_s), qPrintable(processNames.join(u", ")));

    QCOMPARE(parseObject(readText(stats).toUtf8()).value(u"runs").toArray().size(), 2);
    if (images) {
        const QString picture = readText(svg);
        QVERIFY(picture.contains(u"<svg"_s));
        QVERIFY2(picture.contains(u"what-if limit 2"_s), "the picture names the prediction");
    }
}

void tst_CliOpen::predictedSweepOfAnOpenedRun()
{
    const CliRun o = runCli(
            {u"--open"_s, m_runCsv, u"--sweep"_s, u"1..5"_s, u"--predict"_s, u"--stats"_s, u"-"_s},
            english);
    QVERIFY2(o.finished && o.exitCode == 0, qPrintable(describe(o)));
    QVERIFY(o.err.contains(u"limit sweep, predicted"_s));
    QVERIFY(o.err.contains(u"best limit: "_s));
    const QJsonObject json = parseObject(o.outBytes);
    const QJsonArray points = json.value(u"sweep").toArray();
    QCOMPARE(points.size(), 5);
    const QList<QStringList> rows = readCsv(m_runCsv);
    for (int limit = 1; limit <= 5; ++limit) {
        const QJsonObject p = points.at(limit - 1).toObject();
        QCOMPARE(p.value(u"limit").toInt(), limit);
        const double expected = listScheduleMakespan(rows, limit);
        QVERIFY2(std::abs(p.value(u"makespan_s").toDouble() - expected) < 0.01,
                 qPrintable(u"limit %1: %2, expected %3"_s.arg(limit)
                                    .arg(p.value(u"makespan_s").toDouble())
                                    .arg(expected)));
    }
    // Every task at once ends with the longest, which no larger limit beats.
    const int best = json.value(u"best_limit").toInt();
    QVERIFY2(best >= 3 && best <= 5, qPrintable(QString::number(best)));
    QVERIFY(o.err.contains(u"best limit: %1"_s.arg(best)));
}

void tst_CliOpen::saveScenarioRoundTrip()
{
    const QString scenario = m_dir.filePath(u"replay.json"_s);
    CliRun o = runCli({u"--open"_s, m_runCsv, u"--save-scenario"_s, scenario}, english);
    QVERIFY2(o.finished && o.exitCode == 0, qPrintable(describe(o)));
    QVERIFY(QFile::exists(scenario));
    const QJsonObject json = parseObject(readText(scenario).toUtf8());
    QCOMPARE(json.value(u"tasks").toArray().size(), 5);
    QVERIFY(json.value(u"limit").isNull());

    // Replayed for real: the recorded durations, the longest about 8 s.
    o = runCli({u"--scenario"_s, scenario, u"--time-scale"_s, u"0.01"_s, u"--quiet"_s, u"--stats"_s,
                u"-"_s},
               english);
    QVERIFY2(o.finished && o.exitCode == 0, qPrintable(describe(o)));
    const QJsonObject run = parseObject(o.outBytes).value(u"runs").toArray().at(0).toObject();
    QCOMPARE(run.value(u"tasks").toInt(), 5);
    QCOMPARE(run.value(u"ok").toInt(), 5);
    QVERIFY2(run.value(u"makespan_s").toDouble() >= 8.0, qPrintable(describe(o)));
    QVERIFY(std::abs(run.value(u"serial_s").toDouble() - 21.0) < 1.0);
}

void tst_CliOpen::openTrace()
{
    const QString trace = m_dir.filePath(u"article.json"_s);
    QFile f(trace);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(articleTrace());
    f.close();

    const CliRun o =
            runCli({u"--open"_s, trace, u"--what-if"_s, u"2"_s, u"--quiet"_s, u"--stats"_s, u"-"_s},
                   english);
    if (!TraceImport::looksLikeTrace(R"({"traceEvents":[]})"))
        QSKIP("the Chrome trace reader (core/traceimport.cpp) has not landed on this branch");
    QVERIFY2(o.finished && o.exitCode == 0, qPrintable(describe(o)));
    // The skipped counter: one warning line, and the rest opens.
    const QStringList errLines = o.err.split(u'\n', Qt::SkipEmptyParts);
    const QStringList warnings = errLines.filter(u"tasklanes-cli: warning: "_s);
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.constFirst().contains(u"C"_s), qPrintable(warnings.constFirst()));
    const QJsonArray runs = parseObject(o.outBytes).value(u"runs").toArray();
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs.at(0).toObject().value(u"tasks").toInt(), 5);
    QVERIFY(std::abs(runs.at(0).toObject().value(u"makespan_s").toDouble() - 8.0) < 0.001);
    // The issue's acceptance: the trace of 5,1,8,3,4 unlimited, at limit 2, takes 12 s.
    QVERIFY2(std::abs(runs.at(1).toObject().value(u"makespan_s").toDouble() - 12.0) < 0.001,
             qPrintable(describe(o)));

    // --depth 1: the nested slice alone; --select: the slices whose name matches.
    CliRun d =
            runCli({u"--open"_s, trace, u"--depth"_s, u"1"_s, u"--quiet"_s, u"--stats"_s, u"-"_s},
                   english);
    QVERIFY2(d.finished && d.exitCode == 0, qPrintable(describe(d)));
    QCOMPARE(firstRunTasks(d.outBytes), 1);
    d = runCli({u"--open"_s, trace, u"--select"_s, u"^[ab]$"_s, u"--quiet"_s, u"--stats"_s, u"-"_s},
               english);
    QVERIFY2(d.finished && d.exitCode == 0, qPrintable(describe(d)));
    QCOMPARE(firstRunTasks(d.outBytes), 2);

    // The same trace gzipped, told by its content.
    QProcess gzip;
    gzip.start(u"gzip"_s, {u"-kf"_s, trace});
    if (!gzip.waitForFinished(30000) || gzip.exitCode() != 0)
        QSKIP("gzip is not available");
    const CliRun z = runCli({u"--open"_s, trace + u".gz"_s, u"--what-if"_s, u"2"_s, u"--quiet"_s,
                             u"--stats"_s, u"-"_s},
                            english);
    QVERIFY2(z.finished && z.exitCode == 0, qPrintable(describe(z)));
    QVERIFY(std::abs(parseObject(z.outBytes)
                             .value(u"runs")
                             .toArray()
                             .at(1)
                             .toObject()
                             .value(u"makespan_s")
                             .toDouble()
                     - 12.0)
            < 0.001);
}

void tst_CliOpen::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named"); // the bad value, as stderr must name it

    const QString missing = QDir::temp().filePath(u"tasklanes-no-such-run.csv"_s);
    QTest::newRow("missing file") << QStringList{u"--open"_s, missing} << missing;
    QTest::newRow("folder") << QStringList{u"--open"_s, QDir::tempPath()} << QDir::tempPath();
    QTest::newRow("empty name") << QStringList{u"--open"_s, QString()} << u"--open"_s;
    QTest::newRow("bad csv") << QStringList{u"--open"_s, u"@BAD"_s} << u"bad.csv"_s;
    QTest::newRow("what-if 0") << QStringList{u"--open"_s, u"@RUN"_s, u"--what-if"_s, u"0"_s}
                               << u"\"0\""_s;
    QTest::newRow("what-if abc") << QStringList{u"--open"_s, u"@RUN"_s, u"--what-if"_s, u"abc"_s}
                                 << u"\"abc\""_s;
    QTest::newRow("depth -1") << QStringList{u"--open"_s, u"@RUN"_s, u"--depth"_s, u"-1"_s}
                              << u"\"-1\""_s;
    QTest::newRow("depth 1001") << QStringList{u"--open"_s, u"@RUN"_s, u"--depth"_s, u"1001"_s}
                                << u"\"1001\""_s;
    QTest::newRow("select bad regex")
            << QStringList{u"--open"_s, u"@RUN"_s, u"--select"_s, u"(unclosed"_s}
            << u"\"(unclosed\""_s;
    QTest::newRow("what-if without open")
            << QStringList{u"--durations"_s, u"1,2"_s, u"--what-if"_s, u"2"_s} << u"--what-if"_s;
    QTest::newRow("depth without open") << QStringList{u"--depth"_s, u"1"_s} << u"--depth"_s;
    QTest::newRow("open with durations")
            << QStringList{u"--open"_s, u"@RUN"_s, u"--durations"_s, u"1,2"_s} << u"--durations"_s;
    QTest::newRow("open with preset")
            << QStringList{u"--open"_s, u"@RUN"_s, u"--preset"_s, u"limit-two"_s} << u"--preset"_s;
    QTest::newRow("open with limit")
            << QStringList{u"--open"_s, u"@RUN"_s, u"--limit"_s, u"2"_s} << u"--limit"_s;
    QTest::newRow("open with compare")
            << QStringList{u"--open"_s, u"@RUN"_s, u"--compare"_s} << u"--compare"_s;
    QTest::newRow("open with time scale")
            << QStringList{u"--open"_s, u"@RUN"_s, u"--time-scale"_s, u"0.1"_s}
            << u"--time-scale"_s;
    QTest::newRow("what-if with sweep")
            << QStringList{u"--open"_s, u"@RUN"_s, u"--what-if"_s, u"2"_s, u"--sweep"_s, u"1..3"_s}
            << u"--what-if"_s;
}

void tst_CliOpen::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    for (QString &a : arguments) {
        if (a == u"@RUN")
            a = m_runCsv;
        else if (a == u"@BAD")
            a = m_bad;
    }
    // Whatever was asked for, nothing is written.
    QTemporaryDir out;
    QVERIFY(out.isValid());
    const QStringList exports = {u"--csv"_s,   out.filePath(u"o.csv"_s),
                                 u"--stats"_s, out.filePath(u"o.json"_s),
                                 u"--trace"_s, out.filePath(u"o.trace.json"_s)};
    const CliRun o = runCli(arguments + exports, english);
    QVERIFY2(o.finished && o.exitCode == 2, qPrintable(describe(o)));
    QVERIFY2(o.out.isEmpty(), qPrintable(describe(o)));
    const QString err = o.err.trimmed();
    QVERIFY2(!err.contains(u'\n'), qPrintable(err));
    QVERIFY2(err.startsWith(u"tasklanes-cli: "_s), qPrintable(err));
    QVERIFY2(err.contains(named), qPrintable(u"\"%1\" not named in: %2"_s.arg(named, err)));
    QVERIFY2(QDir(out.path()).isEmpty(), qPrintable(QDir(out.path()).entryList().join(u", ")));
}

QTEST_GUILESS_MAIN(tst_CliOpen)
#include "tst_cli_open.moc"
