#include "clirun.h"
#include "testcsv.h"
#include "testfiles.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// The log and messages are checked in English.
const CliOptions english = CliOptions::english();

// Index of the first log line that finishes task `number`, -1 when there is none.
qsizetype finishLine(const QStringList &lines, int number)
{
    const QRegularExpression re(u"^\\s*[0-9.]+\\s+finish\\s+#%1\\s"_s.arg(number));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (re.match(lines.at(i)).hasMatch())
            return i;
    }
    return -1;
}

} // namespace

// tasklanes-cli with presets, scenario files and traces: what a user sees at the terminal.
class tst_CliScenarios : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void listPresets();
    void unknownPreset();
    void gatherResults();
    void delayedPrint();
    void refusedPortFailsThatTaskOnly();
    void malformedScenario_data();
    void malformedScenario();
    void saveScenarioThenRunIt();
    void savePresetThenRunIt();
    void saveScenarioToMissingFolder();
    void traceIsValidJson();
    void traceToMissingFolderRunsNothing();

private:
    QTemporaryDir m_dir;
};

void tst_CliScenarios::initTestCase()
{
    QVERIFY(QFile::exists(cliPath()));
    QVERIFY(m_dir.isValid());
}

void tst_CliScenarios::listPresets()
{
    const CliRun r = runCli({u"--list-presets"_s}, english);
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(describe(r)));
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    const QStringList names = {u"one-task"_s,       u"five-parallel"_s,        u"limit-two"_s,
                               u"gather-results"_s, u"delayed-print"_s,        u"hidden-limit"_s,
                               u"api-capacity"_s,   u"api-latency-vs-limit"_s, u"cpu-vs-wait"_s};
    QCOMPARE(lines.size(), names.size());
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QString &line = lines.at(i);
        QVERIFY2(line.startsWith(names.at(i) + u' '), qPrintable(line));
        const QString description = line.mid(names.at(i).size()).trimmed();
        QVERIFY2(description.size() > 10, qPrintable(line));
    }
}

void tst_CliScenarios::unknownPreset()
{
    const CliRun r = runCli({u"--preset"_s, u"no-such-preset"_s}, english);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"no-such-preset"_s), qPrintable(describe(r)));
    QVERIFY(!r.out.contains(u"results:"_s));
}

void tst_CliScenarios::gatherResults()
{
    const CliRun r =
            runCli({u"--preset"_s, u"gather-results"_s, u"--time-scale"_s, u"0.01"_s}, english);
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(describe(r)));
    QVERIFY2(r.out.contains(u"results: [10, \"127.0.0.1\", 1]\n"_s), qPrintable(describe(r)));
    const QStringList lines = r.out.split(u'\n');
    const qsizetype oneSecond = finishLine(lines, 3);
    const qsizetype tenSeconds = finishLine(lines, 1);
    QVERIFY2(oneSecond >= 0 && tenSeconds >= 0, qPrintable(describe(r)));
    QVERIFY2(oneSecond < tenSeconds, qPrintable(describe(r)));
}

void tst_CliScenarios::delayedPrint()
{
    // At 0.05 the messages are 50 ms apart: wide enough for a loaded machine to keep the order.
    const CliRun r =
            runCli({u"--preset"_s, u"delayed-print"_s, u"--time-scale"_s, u"0.05"_s}, english);
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(describe(r)));
    const QStringList lines = r.out.split(u'\n');
    const qsizetype p111 = finishLine(lines, 3);
    const qsizetype p222 = finishLine(lines, 2);
    const qsizetype p333 = finishLine(lines, 1);
    QVERIFY2(p111 >= 0 && p111 < p222 && p222 < p333, qPrintable(describe(r)));
    QVERIFY(lines.at(p111).endsWith(u"-> \"111\""_s));
    QVERIFY(lines.at(p333).endsWith(u"-> \"333\""_s));
    QVERIFY2(r.out.contains(u"results: [\"333\", \"222\", \"111\"]\n"_s), qPrintable(describe(r)));
}

void tst_CliScenarios::refusedPortFailsThatTaskOnly()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();

    const QString scenario = m_dir.filePath(u"refused.json"_s);
    const QString csv = m_dir.filePath(u"refused.csv"_s);
    const QJsonObject file{
            {u"version"_s, 1},
            {u"name"_s, u"refused"_s},
            {u"limit"_s, 2},
            {u"time_scale"_s, 0.01},
            {u"tasks"_s, QJsonArray{QJsonObject{{u"kind"_s, u"sleep"_s}, {u"duration"_s, 1}},
                                    QJsonObject{{u"kind"_s, u"http"_s},
                                                {u"url"_s, u"http://127.0.0.1:%1/ip"_s.arg(port)},
                                                {u"timeout"_s, 5},
                                                {u"label"_s, u"nobody home"_s}},
                                    QJsonObject{{u"kind"_s, u"sleep"_s},
                                                {u"duration"_s, 2},
                                                {u"message"_s, u"still here"_s}}}}};
    QVERIFY(writeFile(scenario, QJsonDocument(file).toJson()));
    const CliRun r = runCli({u"--scenario"_s, scenario, u"--csv"_s, csv}, english);
    QVERIFY(r.finished);
    QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
    QVERIFY2(r.out.contains(u"failed"_s), qPrintable(describe(r)));

    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = csvRows(f.readAll());
    QCOMPARE(rows.size(), 4);
    const QStringList header = rows.at(0);
    const qsizetype label = header.indexOf(u"label"_s);
    const qsizetype status = header.indexOf(u"status"_s);
    const qsizetype result = header.indexOf(u"result"_s);
    QVERIFY(label >= 0 && status >= 0 && result >= 0);
    for (const QStringList &row : rows)
        QCOMPARE(row.size(), header.size());
    QCOMPARE(rows.at(1).at(status), u"ok"_s);
    QCOMPARE(rows.at(2).at(label), u"nobody home"_s);
    QCOMPARE(rows.at(2).at(status), u"failed"_s);
    QVERIFY2(rows.at(2).at(result).contains(u"refused"_s, Qt::CaseInsensitive),
             qPrintable(rows.at(2).at(result)));
    QCOMPARE(rows.at(3).at(status), u"ok"_s);
    QCOMPARE(rows.at(3).at(result), u"still here"_s);
}

void tst_CliScenarios::malformedScenario_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("mentions");

    const QByteArray sleep1 = R"({"kind": "sleep", "duration": 1})";
    QTest::newRow("duration as text") << QByteArray(R"({"version": 1, "tasks": [)" + sleep1
                                                    + R"(, {"kind": "sleep", "duration": "5"}]})")
                                      << QStringList{u"task 2"_s, u"\"duration\""_s};
    QTest::newRow("unknown kind") << QByteArray(
            R"({"version": 1, "tasks": [{"kind": "nap", "duration": 1}]})")
                                  << QStringList{u"task 1"_s, u"\"nap\""_s};
    QTest::newRow("missing url") << QByteArray(R"({"version": 1, "tasks": [{"kind": "http"}]})")
                                 << QStringList{u"task 1"_s, u"\"url\""_s};
    QTest::newRow("limit two") << QByteArray(R"({"version": 1, "limit": "two", "tasks": [)" + sleep1
                                             + "]}")
                               << QStringList{u"\"limit\""_s};
    QTest::newRow("version 2") << QByteArray(R"({"version": 2, "tasks": [)" + sleep1 + "]}")
                               << QStringList{u"version"_s};
    QTest::newRow("not JSON") << QByteArray("sleep 5") << QStringList{u"JSON"_s};
}

void tst_CliScenarios::malformedScenario()
{
    QFETCH(QByteArray, content);
    QFETCH(QStringList, mentions);

    const QString path = m_dir.filePath(u"malformed.json"_s);
    QVERIFY(writeFile(path, content));
    const CliRun r = runCli({u"--scenario"_s, path, u"--time-scale"_s, u"0.01"_s}, english);
    QVERIFY(r.finished);
    QVERIFY2(r.exitCode == 2, qPrintable(describe(r)));
    QVERIFY2(r.err.contains(path), qPrintable(describe(r)));
    for (const QString &part : std::as_const(mentions))
        QVERIFY2(r.err.contains(part), qPrintable(describe(r)));
    QVERIFY2(!r.out.contains(u"results:"_s) && !r.out.contains(u"start"_s), "nothing runs");
}

void tst_CliScenarios::saveScenarioThenRunIt()
{
    const QString path = m_dir.filePath(u"saved.json"_s);
    QFile::remove(path);
    const CliRun saved = runCli({u"--durations"_s, u"3,1,2"_s, u"--limit"_s, u"2"_s,
                                 u"--time-scale"_s, u"0.01"_s, u"--save-scenario"_s, path},
                                english);
    QVERIFY2(saved.finished && saved.exitCode == 0, qPrintable(describe(saved)));
    QVERIFY(QFile::exists(path));
    QVERIFY2(!saved.out.contains(u"results:"_s), "--save-scenario writes and exits");

    const CliRun r = runCli({u"--scenario"_s, path}, english);
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(describe(r)));
    QVERIFY2(r.out.contains(u"results: [3, 1, 2]\n"_s), qPrintable(describe(r)));
    QVERIFY2(r.out.contains(u"limit 2"_s), qPrintable(describe(r)));
    QVERIFY2(r.out.contains(u"time scale 0.01"_s), qPrintable(describe(r)));
}

void tst_CliScenarios::savePresetThenRunIt()
{
    const QString path = m_dir.filePath(u"delayed.json"_s);
    const CliRun saved =
            runCli({u"--preset"_s, u"delayed-print"_s, u"--save-scenario"_s, path}, english);
    QVERIFY2(saved.finished && saved.exitCode == 0, qPrintable(describe(saved)));
    const CliRun r = runCli({u"--scenario"_s, path, u"--time-scale"_s, u"0.01"_s}, english);
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(describe(r)));
    QVERIFY2(r.out.contains(u"results: [\"333\", \"222\", \"111\"]\n"_s), qPrintable(describe(r)));
}

void tst_CliScenarios::saveScenarioToMissingFolder()
{
    const QString path = m_dir.filePath(u"no/such/folder/s.json"_s);
    const CliRun r = runCli({u"--durations"_s, u"1"_s, u"--save-scenario"_s, path}, english);
    QVERIFY(r.finished);
    QVERIFY2(r.exitCode == 2, qPrintable(describe(r)));
    QVERIFY2(r.err.contains(u"does not exist"_s), qPrintable(describe(r)));
    QVERIFY(!QFile::exists(m_dir.filePath(u"no"_s)));
}

void tst_CliScenarios::traceIsValidJson()
{
    const QString path = m_dir.filePath(u"trace.json"_s);
    const CliRun r = runCli({u"--durations"_s, u"2,1,3"_s, u"--limit"_s, u"2"_s, u"--compare"_s,
                             u"--time-scale"_s, u"0.01"_s, u"--trace"_s, path},
                            english);
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(describe(r)));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonArray events = doc.object().value(u"traceEvents"_s).toArray();
    QStringList processes;
    int runs = 0;
    for (const QJsonValue &v : events) {
        const QJsonObject e = v.toObject();
        if (e.value(u"name"_s).toString() == u"process_name")
            processes.append(e.value(u"args"_s).toObject().value(u"name"_s).toString());
        if (e.value(u"name"_s).toString() == u"run")
            ++runs;
    }
    QCOMPARE(processes, (QStringList{u"unlimited"_s, u"limit 2"_s}));
    QCOMPARE(runs, 6);
}

void tst_CliScenarios::traceToMissingFolderRunsNothing()
{
    const QString path = m_dir.filePath(u"missing/trace.json"_s);
    const CliRun r = runCli(
            {u"--durations"_s, u"1"_s, u"--time-scale"_s, u"0.01"_s, u"--trace"_s, path}, english);
    QVERIFY(r.finished);
    QVERIFY2(r.exitCode == 2, qPrintable(describe(r)));
    QVERIFY2(r.err.contains(u"trace"_s), qPrintable(describe(r)));
    QVERIFY2(!r.out.contains(u"results:"_s), "refused before the run, not after it");
}

QTEST_GUILESS_MAIN(tst_CliScenarios)
#include "tst_cli_scenarios.moc"
