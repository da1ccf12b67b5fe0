#include "articlecomparison.h"
#include "csvexport.h"
#include "csvimport.h"
#include "runrecord.h"
#include "runreport.h"
#include "runsession.h"

#include <QBuffer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

// "Open Run": a CSV written by CsvExport reads back into the same runs; a row that does not match
// the format is reported by its line number and nothing is loaded.
class tst_CsvImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void engineCompareRoundTrip();
    void handMadeRecordRoundTrip();
    void lineEndingsAndBom_data();
    void lineEndingsAndBom();
    void unguard_data();
    void unguard();
    void malformed_data();
    void malformed();
    void readFileErrors();
    void attemptsRoundTrip();
    void previousHeaderWithoutAttempts();
    void badAttempts_data();
    void badAttempts();
    void hugeTime();
};

namespace {

using Runs = QList<std::shared_ptr<const RunRecord>>;

const QByteArray header = "run,task,label,kind,duration_s,time_scale,submitted_s,started_s,"
                          "finished_s,wait_s,run_s,thread,status,result\r\n";

QByteArray exportCsv(const Runs &runs)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (!CsvExport::write(buffer, runs))
        return QByteArray();
    return buffer.data();
}

QString resultText(const RunRecord &record, qsizetype i)
{
    const QVariant r = record.result(i);
    return r.typeId() == QMetaType::Double ? formatSeconds(r.toDouble()) : r.toString();
}

// Everything the CSV holds, compared field by field: times within a microsecond of scenario
// time, results as text and as the results list prints them (a number stays a number).
void compareRuns(const Runs &original, const Runs &loaded)
{
    QCOMPARE(loaded.size(), original.size());
    for (qsizetype r = 0; r < original.size(); ++r) {
        const RunRecord &a = *original.at(r);
        const RunRecord &b = *loaded.at(r);
        QCOMPARE(b.runName(), a.runName());
        QCOMPARE(b.options().limit, a.options().limit);
        QCOMPARE(b.options().timeScale, a.options().timeScale);
        QCOMPARE(b.taskCount(), a.taskCount());
        QVERIFY(b.isComplete());
        QCOMPARE(RunReport::resultsLine(b), RunReport::resultsLine(a));
        QCOMPARE(RunReport::completionLine(b), RunReport::completionLine(a));
        for (qsizetype i = 0; i < a.taskCount(); ++i) {
            const QByteArray where = QByteArray("run ") + QByteArray::number(r) + " task "
                                     + QByteArray::number(i + 1);
            QVERIFY2(b.task(i).displayLabel() == a.task(i).displayLabel(), where);
            QVERIFY2(b.task(i).kind == a.task(i).kind, where);
            QVERIFY2(b.task(i).duration == a.task(i).duration, where);
            const TaskSample sa = a.sample(i);
            const TaskSample sb = b.sample(i);
            QVERIFY2(sb.status == sa.status, where);
            QVERIFY2(sb.worker == sa.worker, where);
            QVERIFY2(sb.hasStarted() == sa.hasStarted(), where);
            auto close = [&](qint64 x, qint64 y) {
                return std::abs(a.toScenarioSeconds(x) - b.toScenarioSeconds(y)) <= 1.0e-6 + 1e-12;
            };
            QVERIFY2(close(sa.submittedNs, sb.submittedNs), where);
            if (sa.hasStarted()) {
                QVERIFY2(close(sa.startedNs, sb.startedNs), where);
                QVERIFY2(close(sa.finishedNs, sb.finishedNs), where);
            }
            QVERIFY2(resultText(b, i) == resultText(a, i),
                     QByteArray(where + " result " + resultText(b, i).toUtf8()).constData());
            QVERIFY2(b.result(i).typeId() == a.result(i).typeId(), where);
        }
    }
    // Exported again, the same CSV except the derived wait_s and run_s, which may differ in the
    // last digit (they were computed from unrounded times).
    const QList<QByteArray> rowsA = exportCsv(original).split('\n');
    const QList<QByteArray> rowsB = exportCsv(loaded).split('\n');
    QCOMPARE(rowsB.size(), rowsA.size());
    for (qsizetype k = 0; k < rowsA.size(); ++k) {
        if (rowsA.at(k).count(',')
            != CsvColumn::Count - 1) { // a line inside a quoted multi-line result
            QCOMPARE(rowsB.at(k), rowsA.at(k));
            continue;
        }
        QList<QByteArray> fa = rowsA.at(k).split(',');
        QList<QByteArray> fb = rowsB.at(k).split(',');
        for (int c : {int(CsvColumn::Wait), int(CsvColumn::RunTime)}) {
            if (!fa.at(c).isEmpty() && k > 0)
                QVERIFY(std::abs(fa.at(c).toDouble() - fb.at(c).toDouble()) <= 1.5e-6);
            fa[c] = fb[c] = QByteArray();
        }
        QCOMPARE(fb, fa);
    }
}

} // namespace

void tst_CsvImport::engineCompareRoundTrip()
{
    RunSession session;
    QVERIFY(runArticleComparison(session));
    QString error;
    const Runs runs = session.records();
    QCOMPARE(runs.size(), 2);

    const auto loaded = CsvImport::parse(exportCsv(runs), u"comparison"_s, &error);
    QVERIFY2(loaded, qPrintable(error));
    compareRuns(runs, *loaded);
    QCOMPARE(loaded->at(0)->scenario().name, u"comparison"_s);
    QCOMPARE(loaded->at(1)->runName(), u"limit-2"_s);

    // The statistics the summary shows come out the same.
    for (int r = 0; r < 2; ++r) {
        const Schedule prediction =
                predictSchedule(loaded->at(r)->scenario().tasks, loaded->at(r)->options());
        const RunStats a = computeStats(*runs.at(r), session.predictions().at(r));
        const RunStats b = computeStats(*loaded->at(r), prediction);
        QCOMPARE(b.predictedMakespan, a.predictedMakespan);
        QVERIFY(std::abs(b.makespan - a.makespan) <= 1e-6);
        QCOMPARE(b.peakConcurrency, a.peakConcurrency);
        QVERIFY(std::abs(b.maxWait - a.maxWait) <= 2e-6);
    }
}

void tst_CsvImport::handMadeRecordRoundTrip()
{
    // Every kind, status and awkward text the export has to quote or guard.
    Scenario s;
    s.options.limit = 3;
    s.options.timeScale = 0.25;
    auto add = [&](TaskKind kind, double duration, const QString &label = {},
                   const QString &url = {}) {
        Task t;
        t.kind = kind;
        t.duration = duration;
        t.setLabel(label);
        t.setUrl(url);
        s.tasks.append(t);
    };
    add(TaskKind::Sleep, 5);
    add(TaskKind::Sleep, 0.125, u"=SUM(A1:A2)"_s);
    add(TaskKind::Http, 1, {}, u"local:/ip"_s);
    add(TaskKind::Http, 2, u"a, \"quoted\"\r\nlabel"_s, u"local:/status/500"_s);
    add(TaskKind::Cpu, 0.5);
    add(TaskKind::Sleep, 2, u"@home"_s);
    add(TaskKind::Sleep, 3, u"'plain quote"_s);
    add(TaskKind::Sleep, 1);
    auto record = std::make_shared<RunRecord>(s);
    const qint64 ms = 1000000;
    for (qsizetype i = 0; i < record->taskCount(); ++i)
        record->markSubmitted(i, 0);
    // Calls in the order things happened, as the engine makes them.
    record->markStarted(0, 1 * ms, 1);
    record->markStarted(1, 2 * ms, 2);
    record->markStarted(2, 3 * ms, 3);
    record->markFinished(1, 33 * ms + 123, TaskStatus::Ok, u"-42"_s);
    record->markStarted(3, 34 * ms, 2);
    record->markFinished(3, 40 * ms, TaskStatus::Failed, u"HTTP 500, \"Internal\"\nerror"_s);
    record->markStarted(4, 41 * ms, 2);
    record->markFinished(4, 170 * ms, TaskStatus::Ok);
    record->markFinished(2, 250 * ms, TaskStatus::Ok, u"127.0.0.1"_s);
    record->markStarted(5, 251 * ms, 3);
    record->markStarted(7, 255 * ms, 2);
    record->markFinished(5, 260 * ms, TaskStatus::Cancelled);
    record->markFinished(7, 300 * ms, TaskStatus::Ok, QString());
    record->markFinished(0, 1250 * ms, TaskStatus::Ok);
    record->markFinished(6, 1250 * ms, TaskStatus::Cancelled); // never started
    record->publishEvents();

    const Runs runs{record};
    QString error;
    const auto loaded = CsvImport::parse(exportCsv(runs), &error);
    QVERIFY2(loaded, qPrintable(error));
    compareRuns(runs, *loaded);
    const RunRecord &b = *loaded->constFirst();
    QCOMPARE(b.task(1).displayLabel(), u"=SUM(A1:A2)"_s);
    QCOMPARE(b.result(1).toString(), u"-42"_s);
    QCOMPARE(b.task(2).url(), u"local:/ip"_s); // a default "GET url" label gives the URL back
    QVERIFY(b.task(2).label().isEmpty());
    QCOMPARE(b.task(6).displayLabel(), u"'plain quote"_s);
    QCOMPARE(b.result(0).typeId(), QMetaType::Double);
    QVERIFY(!b.sample(6).hasStarted());
}

void tst_CsvImport::lineEndingsAndBom_data()
{
    QTest::addColumn<QByteArray>("csv");
    const QByteArray row1 = "unlimited,1,5 s,sleep,5,0.1,0.000000,0.000100,5.001000,0.000100,"
                            "5.000900,1,ok,5";
    const QByteArray row2 = "unlimited,2,\"multi\r\nline\",sleep,1,0.1,0.000000,0.000200,1.000300,"
                            "0.000200,1.000100,2,ok,1";
    QTest::newRow("crlf") << header + row1 + "\r\n" + row2 + "\r\n";
    QByteArray lf = header;
    lf.replace("\r\n", "\n");
    QTest::newRow("lf") << lf + row1 + "\n" + row2 + "\n";
    QTest::newRow("no final line end") << header + row1 + "\r\n" + row2;
    QTest::newRow("trailing empty lines") << header + row1 + "\r\n" + row2 + "\r\n\r\n\n";
    QTest::newRow("utf-8 bom") << "\xef\xbb\xbf" + header + row1 + "\r\n" + row2 + "\r\n";
}

void tst_CsvImport::lineEndingsAndBom()
{
    QFETCH(QByteArray, csv);
    QString error;
    const auto runs = CsvImport::parse(csv, &error);
    QVERIFY2(runs, qPrintable(error));
    QCOMPARE(runs->size(), 1);
    const RunRecord &r = *runs->constFirst();
    QCOMPARE(r.taskCount(), 2);
    QCOMPARE(r.task(1).label(), u"multi\r\nline"_s);
    QCOMPARE(r.options().timeScale, 0.1);
    QCOMPARE(r.sample(0).finishedNs, r.toNanoseconds(5.001));
    QCOMPARE(RunReport::resultsLine(r), u"results: [5, 1]"_s);
    QCOMPARE(RunReport::completionLine(r), u"completion order: [2, 1]"_s);
}

void tst_CsvImport::unguard_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("text");
    QTest::newRow("formula") << u"'=1+1"_s << u"=1+1"_s;
    QTest::newRow("minus") << u"'-3"_s << u"-3"_s;
    QTest::newRow("plus") << u"'+3"_s << u"+3"_s;
    QTest::newRow("at") << u"'@x"_s << u"@x"_s;
    QTest::newRow("tab") << u"'\tx"_s << u"\tx"_s;
    QTest::newRow("cr") << u"'\rx"_s << u"\rx"_s;
    QTest::newRow("quote then letter") << u"'abc"_s << u"'abc"_s;
    QTest::newRow("lone quote") << u"'"_s << u"'"_s;
    QTest::newRow("plain") << u"5 s"_s << u"5 s"_s;
    QTest::newRow("empty") << QString() << QString();
}

void tst_CsvImport::unguard()
{
    QFETCH(QString, cell);
    QFETCH(QString, text);
    QCOMPARE(CsvImport::unguardText(cell), text);
    // Whatever the export guards, the import takes back.
    if (!text.startsWith(QLatin1Char('\'')))
        QCOMPARE(CsvImport::unguardText(CsvExport::textField(text).remove(QLatin1Char('"'))),
                 QString(text).remove(QLatin1Char('"')));
}

void tst_CsvImport::malformed_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("error");
    const QByteArray ok1 = "limit-2,1,5 s,sleep,5,0.1,0.000000,0.000100,5.001000,0.000100,"
                           "5.000900,1,ok,5\r\n";
    auto row = [](const QByteArray &text) { return text + "\r\n"; };

    QTest::newRow("empty file") << QByteArray() << u"line 1: the file is empty"_s;
    QTest::newRow("other header") << QByteArray("a,b,c\r\n1,2,3\r\n")
                                  << u"line 1: not a TaskLanes CSV"_s;
    QTest::newRow("header only") << header << u"line 2: no rows"_s;
    QTest::newRow("started not a number")
            << header + ok1
                       + row("limit-2,2,5 "
                             "s,sleep,5,0.1,0.000000,x,5.001000,0.000100,5.000900,1,ok,5")
            << u"line 3: started_s \"x\" is not a number"_s;
    QTest::newRow("too few fields")
            << header + ok1 + row("limit-2,2,1 s,sleep") << u"line 3: 4 fields, expected 14"_s;
    QTest::newRow("too many fields")
            << header + row(ok1.trimmed() + ",extra") << u"line 2: 15 fields, expected 14"_s;
    QTest::newRow("bad run name") << header + row("limit-0,1,5 s,sleep,5,0.1,0,0,5,0,5,1,ok,5")
                                  << u"line 2: run \"limit-0\" is not a run name"_s;
    QTest::newRow("task out of order")
            << header + ok1 + row("limit-2,3,5 s,sleep,5,0.1,0,0,5,0,5,1,ok,5")
            << u"line 3: task \"3\" is out of order (expected 2"_s;
    QTest::newRow("bad kind") << header + row("limit-2,1,5 s,nap,5,0.1,0,0,5,0,5,1,ok,5")
                              << u"line 2: kind \"nap\" is not a task kind"_s;
    QTest::newRow("negative duration")
            << header + row("limit-2,1,5 s,sleep,-5,0.1,0,0,5,0,5,1,ok,5")
            << u"line 2: duration_s \"-5\" is out of range"_s;
    QTest::newRow("time scale zero") << header + row("limit-2,1,5 s,sleep,5,0,0,0,5,0,5,1,ok,5")
                                     << u"line 2: time_scale \"0\" is out of range"_s;
    QTest::newRow("time scale changes")
            << header + ok1 + row("limit-2,2,5 s,sleep,5,0.2,0,0,5,0,5,1,ok,5")
            << u"line 3: time_scale \"0.2\" differs from the run's first row (0.1)"_s;
    QTest::newRow("bad status") << header + row("limit-2,1,5 s,sleep,5,0.1,0,0,5,0,5,1,done,5")
                                << u"line 2: status \"done\" is not a status"_s;
    QTest::newRow("running") << header + row("limit-2,1,5 s,sleep,5,0.1,0,0,,0,,1,running,")
                             << u"line 2: status \"running\" means the CSV was exported while"_s;
    QTest::newRow("finish before start")
            << header + row("limit-2,1,5 s,sleep,5,0.1,0,3,2,3,1,1,ok,5")
            << u"line 2: finished_s \"2\" is before started_s \"3\""_s;
    QTest::newRow("start before submit")
            << header + row("limit-2,1,5 s,sleep,5,0.1,1,0.5,2,0,1.5,1,ok,5")
            << u"line 2: started_s \"0.5\" is before submitted_s \"1\""_s;
    QTest::newRow("ok never started") << header + row("limit-2,1,5 s,sleep,5,0.1,0,,,,,,ok,5")
                                      << u"line 2: started_s \"\" is empty, but only a cancelled"_s;
    QTest::newRow("no thread") << header + row("limit-2,1,5 s,sleep,5,0.1,0,0,5,0,5,,ok,5")
                               << u"line 2: thread \"\" is not a thread number"_s;
    QTest::newRow("thread without start")
            << header + row("limit-2,1,5 s,sleep,5,0.1,0,,,,,2,cancelled,cancelled")
            << u"line 2: thread \"2\" is set although the task never started"_s;
    QTest::newRow("wait not a number")
            << header + row("limit-2,1,5 s,sleep,5,0.1,0,0,5,soon,5,1,ok,5")
            << u"line 2: wait_s \"soon\" is not a number"_s;
    QTest::newRow("unclosed quote") << header + ok1 + row("limit-2,2,\"5 s,sleep,5")
                                    << u"line 3: field 3 opens a quote that is never closed"_s;
    QTest::newRow("text after quote")
            << header + row("limit-2,1,\"5 s\"x,sleep,5,0.1,0,0,5,0,5,1,ok,5")
            << u"line 2: field 3 has text after its closing quote"_s;
    QTest::newRow("quote in unquoted")
            << header + row("limit-2,1,5 \"s\",sleep,5,0.1,0,0,5,0,5,1,ok,5")
            << u"line 2: a quote inside the unquoted field 3"_s;
    // Line numbers count physical lines: a quoted line break moves the next row down.
    QTest::newRow("after multi-line label")
            << header + row("limit-2,1,\"two\nlines\",sleep,5,0.1,0,0,5,0,5,1,ok,5")
                       + row("limit-2,2,1 s,sleep,1,0.1,0,0,1,0,1,1,ok,maybe,")
            << u"line 4: 15 fields, expected 14"_s;
    QTest::newRow("empty line between rows")
            << header + ok1 + "\r\n" + row("limit-2,2,5 s,sleep,5,0.1,0,0,5,0,5,1,ok,5")
            << u"line 3: an empty line between rows"_s;
    QTest::newRow("runs not grouped")
            << header + row("unlimited,1,5 s,sleep,5,0.1,0,0,5,0,5,1,ok,5") + ok1
                       + row("unlimited,2,5 s,sleep,5,0.1,0,0,5,0,5,1,ok,5")
            << u"line 4: run \"unlimited\" appears again after other runs"_s;
    QTest::newRow("three runs") << header + row("unlimited,1,5 s,sleep,5,0.1,0,0,5,0,5,1,ok,5")
                                           + ok1 + row("limit-3,1,5 s,sleep,5,0.1,0,0,5,0,5,1,ok,5")
                                << u"line 4: run \"limit-3\" is a third run"_s;
    QTest::newRow("stray CR") << header + "limit-2,1,5 s,sleep,5,0.1,0,0,5,0,5,1,ok,5\rx\r\n"
                              << u"line 2: a carriage return (CR) that does not end the line"_s;
}

void tst_CsvImport::malformed()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, error);
    QString actual;
    const auto runs = CsvImport::parse(csv, &actual);
    QVERIFY(!runs);
    QVERIFY2(actual.startsWith(error), qPrintable(actual));
}

void tst_CsvImport::readFileErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    QVERIFY(!CsvImport::readFile(dir.filePath(u"missing.csv"_s), &error));
    QVERIFY2(error.contains(u"missing.csv"_s), qPrintable(error));
    QVERIFY(!CsvImport::readFile(dir.path(), &error));
    QVERIFY2(error.contains(u"folder"_s), qPrintable(error));

    QFile bad(dir.filePath(u"bad.csv"_s));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(header + "limit-2,1,5 s,sleep,5,0.1,0,x,5,0,5,1,ok,5\r\n");
    bad.close();
    QVERIFY(!CsvImport::readFile(bad.fileName(), &error));
    QVERIFY2(error.endsWith(u"bad.csv: line 2: started_s \"x\" is not a number"_s),
             qPrintable(error));

    QFile good(dir.filePath(u"my run.csv"_s));
    QVERIFY(good.open(QIODevice::WriteOnly));
    good.write(header + "limit-2,1,5 s,sleep,5,0.1,0,0,5,0,5,1,ok,5\r\n");
    good.close();
    const auto runs = CsvImport::readFile(good.fileName(), &error);
    QVERIFY2(runs, qPrintable(error));
    QCOMPARE(runs->constFirst()->scenario().name, u"my run"_s);
}

namespace {

// A run of three tasks: the first retried twice (two 429s), the second ok at once, the third
// cancelled before it started.
Runs retriedRun()
{
    Scenario s;
    s.options.timeScale = 0.5;
    s.options.server = {4, 8, 0.25};
    s.options.seed = 4000000000u;
    Task t;
    t.kind = TaskKind::Http;
    t.setUrl(u"local:/work?s=1"_s);
    t.duration = 1;
    t.retries = 3;
    t.setBackoff(0.75);
    s.tasks = {t, t, t};
    auto record = std::make_shared<RunRecord>(s);
    const qint64 ms = 1000000;
    for (qsizetype i = 0; i < record->taskCount(); ++i)
        record->markSubmitted(i, 0);
    record->markStarted(0, 1 * ms, 1);
    record->markStarted(1, 2 * ms, 2);
    record->markAttemptFailed(0, 10 * ms, true, true);
    record->markAttemptFailed(0, 200 * ms, true, true);
    record->markFinished(1, 500 * ms, TaskStatus::Ok, u"ok"_s);
    record->markFinished(0, 900 * ms, TaskStatus::Ok, u"ok"_s);
    record->markFinished(2, 900 * ms, TaskStatus::Cancelled);
    record->publishEvents();
    return {record};
}

// `csv` without the columns of the format's latest generation, as files written before it.
QByteArray withoutLatestColumns(const QByteArray &csv)
{
    QList<QByteArray> lines = csv.split('\n');
    for (QByteArray &line : lines) {
        if (line.isEmpty())
            continue;
        QList<QByteArray> cells = line.split(',');
        for (int column = CsvColumn::Count - 1; column >= 0; --column) {
            if (CsvColumn::generation(column) == CsvColumn::currentGeneration)
                cells.removeAt(column);
        }
        line = cells.join(',');
    }
    return lines.join('\n');
}

} // namespace

void tst_CsvImport::attemptsRoundTrip()
{
    const Runs runs = retriedRun();
    const QByteArray csv = exportCsv(runs);
    const QList<QByteArray> lines = csv.split('\n');
    const QList<QByteArray> head = lines.at(0).trimmed().split(',');
    const qsizetype attempts = head.indexOf("attempts");
    QCOMPARE(attempts, qsizetype(CsvColumn::Attempts));
    QCOMPARE(head.at(attempts + 1), QByteArray("status")); // right before status
    QCOMPARE(lines.at(1).split(',').at(attempts), QByteArray("3"));
    QCOMPARE(lines.at(2).split(',').at(attempts), QByteArray("1"));
    QCOMPARE(lines.at(3).split(',').at(attempts), QByteArray()); // never started

    QString error;
    const auto loaded = CsvImport::parse(csv, &error);
    QVERIFY2(loaded, qPrintable(error));
    compareRuns(runs, *loaded);
    const RunRecord &b = *loaded->constFirst();
    QCOMPARE(b.attempts(0), 3);
    QCOMPARE(b.attempts(1), 1);
    QCOMPARE(b.attempts(2), 0);
    QCOMPARE(b.totalRetries(), qsizetype(2));
    QVERIFY(b.retryTimes(0).isEmpty()); // a file has the count, not the times
    // The scenario comes back with its server, seed, retries and backoff.
    QVERIFY(b.options().server == (ServerModel{4, 8, 0.25}));
    QCOMPARE(b.options().seed, 4000000000u);
    QCOMPARE(int(b.task(0).retries), 3);
    QCOMPARE(b.task(0).backoff(), 0.75);
}

void tst_CsvImport::previousHeaderWithoutAttempts()
{
    // A file written before the attempts column: every task that started made one attempt.
    const QByteArray csv = withoutLatestColumns(exportCsv(retriedRun()));
    QVERIFY(!csv.contains("attempts"));
    QVERIFY(!csv.contains("server_"));
    QVERIFY(csv.startsWith("run,task,label,kind,gate,gate_limit,"));
    QString error;
    const auto loaded = CsvImport::parse(csv, &error);
    QVERIFY2(loaded, qPrintable(error));
    const RunRecord &b = *loaded->constFirst();
    QCOMPARE(b.attempts(0), 1);
    QCOMPARE(b.attempts(1), 1);
    QCOMPARE(b.attempts(2), 0);
    QCOMPARE(b.totalRetries(), qsizetype(0));
    QCOMPARE(b.status(0), TaskStatus::Ok);
    QVERIFY(b.options().server.isDefault());
}

void tst_CsvImport::badAttempts_data()
{
    QTest::addColumn<int>("row"); // 1: the retried task, 3: the one that never started
    QTest::addColumn<int>("column");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("error");
    const int attempts = CsvColumn::Attempts;
    QTest::newRow("zero") << 1 << attempts << QByteArray("0") << u"line 2: attempts \"0\""_s;
    QTest::newRow("text") << 1 << attempts << QByteArray("x") << u"line 2: attempts \"x\""_s;
    QTest::newRow("too many") << 1 << attempts << QByteArray("22") << u"line 2: attempts \"22\""_s;
    QTest::newRow("never started")
            << 3 << attempts << QByteArray("1") << u"line 4: attempts \"1\" is set although"_s;
    QTest::newRow("retries 21") << 1 << int(CsvColumn::Retries) << QByteArray("21")
                                << u"line 2: retries \"21\""_s;
    QTest::newRow("backoff negative")
            << 2 << int(CsvColumn::Backoff) << QByteArray("-1") << u"line 3: backoff_s \"-1\""_s;
    QTest::newRow("capacity 0") << 1 << int(CsvColumn::ServerCapacity) << QByteArray("0")
                                << u"line 2: server_capacity \"0\""_s;
    QTest::newRow("max_in_flight differs")
            << 2 << int(CsvColumn::ServerMaxInFlight) << QByteArray("9")
            << u"line 3: server_max_in_flight \"9\" differs from the run's first row (8)"_s;
    QTest::newRow("seed too large") << 1 << int(CsvColumn::Seed) << QByteArray("4294967296")
                                    << u"line 2: seed \"4294967296\""_s;
}

void tst_CsvImport::badAttempts()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QByteArray, value);
    QFETCH(QString, error);
    QList<QByteArray> lines = exportCsv(retriedRun()).split('\n');
    QList<QByteArray> cells = lines.at(row).split(',');
    cells[column] = value;
    lines[row] = cells.join(',');
    QString why;
    QVERIFY(!CsvImport::parse(lines.join('\n'), &why));
    QVERIFY2(why.startsWith(error), qPrintable(why));
}

void tst_CsvImport::hugeTime()
{
    // Found by fuzz_runcsv: a finished_s of 1.3e102 overflowed the conversion to nanoseconds and
    // ended the task before it started. A time beyond what a run can hold is refused, by name.
    QFile file(QFINDTESTDATA("../fuzz/corpus/runcsv/regression-huge-finished.csv"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString error;
    QVERIFY(!CsvImport::parse(file.readAll(), &error));
    QVERIFY2(error.contains(u"finished_s"_s) && error.contains(u"out of range"_s),
             qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_CsvImport)
#include "tst_csvimport.moc"
