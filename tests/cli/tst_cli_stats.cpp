#include "clirun.h"
#include "readonlyfolder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

// --stats through the real binary: the JSON alone on stdout with "-", a file otherwise, bad
// targets refused before anything runs, and the statistics of a run stopped by SIGINT hold.
class tst_CliStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statsToStdout();
    void statsToFile();
    void badTargets_data();
    void badTargets();
    void interruptedRunStatsHold();
};

namespace {

// The log and messages are checked in English.
const CliOptions english = CliOptions::english();

// The invariants every run's statistics keep, however the run ended.
void checkRun(const QJsonObject &run, int limit)
{
    const QByteArray text = QJsonDocument(run).toJson(QJsonDocument::Compact);
    const double makespan = run.value(u"makespan_s").toDouble(-1);
    const double speedup = run.value(u"speedup").toDouble(-1);
    const int peak = run.value(u"peak_concurrency").toInt(-1);
    const double meanWait = run.value(u"mean_wait_s").toDouble(-1);
    const double maxWait = run.value(u"max_wait_s").toDouble(-1);
    const double busy = run.value(u"busy_s").toDouble(-1);
    QVERIFY2(run.value(u"ok").toInteger() + run.value(u"failed").toInteger()
                             + run.value(u"cancelled").toInteger()
                     == run.value(u"tasks").toInteger(),
             text.constData());
    QVERIFY2(0 <= speedup && speedup <= peak, text.constData());
    QVERIFY2(0 <= meanWait && meanWait <= maxWait && maxWait <= makespan, text.constData());
    QVERIFY2(0 <= busy && busy <= makespan * peak * (1 + 1e-9), text.constData());
    QVERIFY2(run.value(u"mean_completion_s").toDouble(-1) >= 0, text.constData());
    QVERIFY2(run.value(u"mean_completion_s").toDouble() <= makespan * (1 + 1e-9), text.constData());
    if (limit > 0)
        QVERIFY2(peak <= limit, text.constData());
    QCOMPARE(run.value(u"completed").toBool(), run.value(u"cancelled").toInteger() == 0);
}

} // namespace

void tst_CliStats::statsToStdout()
{
    const CliRun o = runCli({u"--durations"_s, u"5,1,8,3,4"_s, u"--limit"_s, u"2"_s, u"--compare"_s,
                             u"--time-scale"_s, u"0.02"_s, u"--stats"_s, u"-"_s},
                            english);
    QVERIFY2(o.finished && o.exitCode == 0, qPrintable(o.err));
    // stdout is the JSON alone; the log and the summary went to stderr.
    const QJsonObject json = parseObject(o.outBytes);
    QVERIFY2(!json.isEmpty(), o.outBytes.constData());
    QVERIFY(o.err.contains(u"results: [5, 1, 8, 3, 4]"_s));
    QVERIFY(o.err.contains(u"mean completion"_s));
    QCOMPARE(json.value(u"version").toInt(), 1);
    const QJsonArray runs = json.value(u"runs").toArray();
    QCOMPARE(runs.size(), 2);
    const QJsonObject unlimited = runs.at(0).toObject();
    const QJsonObject limited = runs.at(1).toObject();
    QCOMPARE(unlimited.value(u"name").toString(), u"unlimited"_s);
    QVERIFY(unlimited.value(u"limit").isNull());
    QCOMPARE(limited.value(u"name").toString(), u"limit-2"_s);
    QCOMPARE(limited.value(u"limit").toInt(), 2);
    for (const QJsonObject &run : {unlimited, limited}) {
        QCOMPARE(run.value(u"tasks").toInt(), 5);
        QCOMPARE(run.value(u"ok").toInt(), 5);
        QCOMPARE(run.value(u"admission").toString(), u"fifo"_s);
        QVERIFY(run.value(u"gates").isObject());
        QVERIFY(run.value(u"pool_threads").toInt() >= 1);
        QVERIFY(run.value(u"cores").toInt() >= 1);
        QVERIFY(run.value(u"completed").toBool());
        QCOMPARE(run.value(u"serial_s").toDouble(), 21.0);
        checkRun(run, run.value(u"limit").toInt());
    }
    QCOMPARE(unlimited.value(u"predicted_makespan_s").toDouble(), 8.0);
    QCOMPARE(limited.value(u"predicted_makespan_s").toDouble(), 12.0);
    // Limited: mean completion (1 + 5 + 4 + 9 + 12) / 5 = 6.2 s in the ideal schedule.
    QVERIFY(limited.value(u"mean_completion_s").toDouble() >= 6.2);
    const QJsonObject c = json.value(u"comparison").toObject();
    QCOMPARE(c.value(u"first").toString(), u"unlimited"_s);
    QCOMPARE(c.value(u"second").toString(), u"limit-2"_s);
    QCOMPARE(c.value(u"makespan_difference_s").toDouble(),
             limited.value(u"makespan_s").toDouble() - unlimited.value(u"makespan_s").toDouble());
    QCOMPARE(c.value(u"mean_completion_difference_s").toDouble(),
             limited.value(u"mean_completion_s").toDouble()
                     - unlimited.value(u"mean_completion_s").toDouble());
}

void tst_CliStats::statsToFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"stats.json"_s);
    const CliRun o =
            runCli({u"--durations"_s, u"1,2"_s, u"--time-scale"_s, u"0.01"_s, u"--stats"_s, path},
                   english);
    QVERIFY2(o.finished && o.exitCode == 0, qPrintable(o.err));
    QVERIFY(o.outBytes.contains("statistics written to"));
    QVERIFY(o.outBytes.contains("results: [1, 2]"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject json = parseObject(f.readAll());
    const QJsonArray runs = json.value(u"runs").toArray();
    QCOMPARE(runs.size(), 1);
    QVERIFY(json.value(u"comparison").isNull());
    checkRun(runs.at(0).toObject(), 0);
    // Nothing beside it: written through a temporary file that was renamed.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"stats.json"_s});
}

void tst_CliStats::badTargets_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named");
    QTest::newRow("no file") << QStringList{u"--stats"_s} << u"--stats"_s;
    QTest::newRow("empty name") << QStringList{u"--stats"_s, QString()} << u"--stats"_s;
    QTest::newRow("folder") << QStringList{u"--stats"_s, u"@DIR@"_s} << u"@DIR@"_s;
    QTest::newRow("missing folder")
            << QStringList{u"--stats"_s, u"@DIR@/nope/s.json"_s} << u"@DIR@/nope"_s;
    QTest::newRow("unwritable folder")
            << QStringList{u"--stats"_s, u"@RO@/s.json"_s} << u"@RO@/s.json"_s;
    QTest::newRow("stdout twice") << QStringList{u"--csv"_s, u"-"_s, u"--stats"_s, u"-"_s}
                                  << u"--stats"_s;
}

void tst_CliStats::badTargets()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString readOnly = dir.filePath(u"ro"_s);
    std::unique_ptr<ReadOnlyFolder> folder;
    if (arguments.join(u' ').contains(u"@RO@"_s)) {
        folder = std::make_unique<ReadOnlyFolder>(readOnly);
        if (!folder->isReady())
            QSKIP("cannot make a read-only folder here");
    }
    for (QString &a : arguments)
        a.replace(u"@DIR@"_s, dir.path()).replace(u"@RO@"_s, readOnly);
    named.replace(u"@DIR@"_s, dir.path()).replace(u"@RO@"_s, readOnly);
    const CliRun o =
            runCli(QStringList{u"--durations"_s, u"1"_s, u"--time-scale"_s, u"0.01"_s} + arguments,
                   english);
    QVERIFY(o.finished);
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains(named), qPrintable(o.err));
    // Nothing ran and nothing was written.
    QVERIFY2(o.outBytes.isEmpty(), o.outBytes.constData());
    QVERIFY2(!o.err.contains(u"results:"_s), qPrintable(o.err));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList());
}

void tst_CliStats::interruptedRunStatsHold()
{
    // 2,000 tasks of 0.5 to 2 s, limit 8, at 10 ms a second: about 3 s uninterrupted. SIGINT at a
    // random moment: exit 130, and the JSON on stdout describes what ran.
    constexpr int tasks = 2000;
    constexpr int limit = 8;
    QString durations = u"1"_s;
    for (int i = 1; i < tasks; ++i)
        durations += i % 3 ? u",0.5"_s : u",2"_s;
    QRandomGenerator rng(QRandomGenerator::global()->generate());
    int cutShort = 0;
    for (int round = 0; round < 4; ++round) {
        QProcess process;
        process.setProcessEnvironment(englishEnvironment());
        process.start(cliPath(), {u"--durations"_s, durations, u"--limit"_s, QString::number(limit),
                                  u"--time-scale"_s, u"0.01"_s, u"--stats"_s, u"-"_s});
        QVERIFY(process.waitForStarted(10000));
        // The log is on stderr: wait for the first start line, then a random moment.
        QByteArray err;
        process.setReadChannel(QProcess::StandardError);
        while (!err.contains(" start ")) {
            QVERIFY2(process.waitForReadyRead(30000), "no start line");
            err += process.readAllStandardError();
        }
        const int delayMs = round == 0 ? 0 : int(rng.bounded(2500));
        QElapsedTimer wait;
        wait.start();
        while (wait.elapsed() < delayMs)
            process.waitForFinished(10);
        if (process.state() == QProcess::Running)
            QCOMPARE(::kill(pid_t(process.processId()), SIGINT), 0);
        QVERIFY(process.waitForFinished(60000));
        const QByteArray out = process.readAllStandardOutput();
        err += process.readAllStandardError();
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(process.exitCode() == 130 || process.exitCode() == 0, err.right(2000).constData());
        const QJsonObject json = parseObject(out);
        QVERIFY2(!json.isEmpty(), out.constData());
        const QJsonArray runs = json.value(u"runs").toArray();
        QCOMPARE(runs.size(), 1);
        const QJsonObject run = runs.at(0).toObject();
        QCOMPARE(run.value(u"tasks").toInt(), tasks);
        checkRun(run, limit);
        if (QTest::currentTestFailed())
            return;
        const qint64 cancelled = run.value(u"cancelled").toInteger();
        if (process.exitCode() == 130 && cancelled > 0) {
            ++cutShort;
            QVERIFY(!run.value(u"completed").toBool());
            QVERIFY2(err.contains("ran; ") && err.contains("cancelled"),
                     err.right(2000).constData());
        }
        qInfo("SIGINT after %d ms: %lld of %d cancelled, speedup %.2f, peak %d", delayMs,
              qlonglong(cancelled), tasks, run.value(u"speedup").toDouble(),
              run.value(u"peak_concurrency").toInt());
    }
    QVERIFY(cutShort > 0);
}

QTEST_GUILESS_MAIN(tst_CliStats)
#include "tst_cli_stats.moc"
