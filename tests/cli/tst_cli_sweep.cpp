#include "clirun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <limits>
#include <sys/types.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

// --sweep, --predict, --sweep-csv and --advise through the real binary.
class tst_CliSweep : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void measuredSweep();
    void predictedSweep();
    void predictedSweepOfTenThousand();
    void badInput_data();
    void badInput();
    void advise();
    void interruptedSweep();
};

namespace {

const CliOptions english = CliOptions::english();

// The rule of the recommendation, applied to the JSON's points: the fewest failed, then the
// smallest limit within 5 % of the shortest makespan among those.
int bestOf(const QJsonArray &points)
{
    qint64 fewest = std::numeric_limits<qint64>::max();
    for (const QJsonValue &v : points)
        fewest = std::min(fewest, v.toObject().value(u"failed").toInteger());
    double shortest = std::numeric_limits<double>::infinity();
    for (const QJsonValue &v : points) {
        if (v.toObject().value(u"failed").toInteger() == fewest)
            shortest = std::min(shortest, v.toObject().value(u"makespan_s").toDouble());
    }
    for (const QJsonValue &v : points) {
        const QJsonObject p = v.toObject();
        if (p.value(u"failed").toInteger() == fewest
            && p.value(u"makespan_s").toDouble() <= shortest * 1.05 + 1e-12)
            return p.value(u"limit").toInt();
    }
    return 0;
}

} // namespace

void tst_CliSweep::measuredSweep()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString csvPath = dir.filePath(u"sweep.csv"_s);
    const CliRun o =
            runCli({u"--durations"_s, u"5,1,8,3,4"_s, u"--sweep"_s, u"1..5"_s, u"--time-scale"_s,
                    u"0.01"_s, u"--sweep-csv"_s, csvPath, u"--stats"_s, u"-"_s},
                   english);
    QVERIFY2(o.finished && o.exitCode == 0, qPrintable(describe(o)));
    // A line per limit as it ends, then the table with the best limit and the knee.
    for (int limit = 1; limit <= 5; ++limit)
        QVERIFY2(o.err.contains(u"limit %1 (%1 of 5): "_s.arg(limit)), qPrintable(o.err));
    QVERIFY2(o.err.contains(u"best limit: "_s), qPrintable(o.err));
    QVERIFY2(o.err.contains(u"knee: "_s), qPrintable(o.err));

    const QJsonObject json = parseObject(o.outBytes);
    QVERIFY2(!json.isEmpty(), o.outBytes.constData());
    QCOMPARE(json.value(u"version").toInt(), 1);
    QCOMPARE(json.value(u"predicted").toBool(true), false);
    QVERIFY(json.value(u"comparison").isNull());
    const QJsonArray sweep = json.value(u"sweep").toArray();
    QCOMPARE(sweep.size(), 5);
    const QList<double> predicted{21, 12, 8, 8, 8};
    for (qsizetype k = 0; k < 5; ++k) {
        const QJsonObject p = sweep.at(k).toObject();
        QCOMPARE(p.value(u"limit").toInt(), int(k) + 1);
        QCOMPARE(p.value(u"predicted_makespan_s").toDouble(), predicted.at(k));
        QCOMPARE(p.value(u"ok").toInt(), 5);
        QCOMPARE(p.value(u"failed").toInt(), 0);
        QCOMPARE(p.value(u"retries").toInt(), 0);
        QVERIFY(p.value(u"completed").toBool());
        QVERIFY(!p.value(u"predicted").toBool());
        QVERIFY(p.value(u"mean_wait_s").toDouble() <= p.value(u"max_wait_s").toDouble());
    }
    // Limits 3 to 5 all take the longest task's 8 s; 1 and 2 are far slower.
    const int best = json.value(u"best_limit").toInt();
    QCOMPARE(best, bestOf(sweep));
    QVERIFY2(best >= 3 && best <= 5, qPrintable(QString::number(best)));
    QVERIFY(json.value(u"knee_limit").toInt() >= 3);
    // Every limit's run, with the advisor's figures.
    const QJsonArray runs = json.value(u"runs").toArray();
    QCOMPARE(runs.size(), 5);
    const QJsonObject second = runs.at(1).toObject();
    QCOMPARE(second.value(u"limit").toInt(), 2);
    QCOMPARE(second.value(u"advice").toObject().value(u"current_s").toDouble(), 12.0);
    QCOMPARE(second.value(u"retries").toInt(-1), 0);
    QCOMPARE(second.value(u"rejected").toInt(-1), 0);

    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 6);
    QCOMPARE(lines.at(0),
             QByteArray("limit,makespan_s,predicted_makespan_s,mean_completion_s,mean_wait_s,"
                        "max_wait_s,ok,failed,retries"));
    QVERIFY(lines.at(1).startsWith("1,"));
    QVERIFY(lines.at(5).startsWith("5,"));
}

void tst_CliSweep::predictedSweep()
{
    const CliRun o = runCli({u"--durations"_s, u"5,1,8,3,4"_s, u"--sweep"_s, u"1,2,3,4,5"_s,
                             u"--predict"_s, u"--stats"_s, u"-"_s},
                            english);
    QVERIFY2(o.finished && o.exitCode == 0, qPrintable(describe(o)));
    const QJsonObject json = parseObject(o.outBytes);
    QVERIFY(json.value(u"predicted").toBool());
    QCOMPARE(json.value(u"runs").toArray().size(), 0); // nothing ran
    const QJsonArray sweep = json.value(u"sweep").toArray();
    QCOMPARE(sweep.size(), 5);
    const QList<double> makespans{21, 12, 8, 8, 8};
    for (qsizetype k = 0; k < 5; ++k) {
        const QJsonObject p = sweep.at(k).toObject();
        QCOMPARE(p.value(u"makespan_s").toDouble(), makespans.at(k));
        QCOMPARE(p.value(u"predicted_makespan_s").toDouble(), makespans.at(k));
        QVERIFY(p.value(u"predicted").toBool());
    }
    QCOMPARE(json.value(u"best_limit").toInt(), 3);
    QCOMPARE(json.value(u"knee_limit").toInt(), 3);
    QVERIFY2(o.err.contains(u"best limit: 3"_s), qPrintable(o.err));
    QVERIFY2(o.err.contains(u"predicted"_s), qPrintable(o.err));
    // Nothing ran: no start or finish lines.
    QVERIFY2(!o.err.contains(u" start "_s), qPrintable(o.err));
}

void tst_CliSweep::predictedSweepOfTenThousand()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString list = dir.filePath(u"durations.txt"_s);
    QFile file(list);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray text;
    for (int i = 0; i < 10000; ++i)
        text += QByteArray::number(1 + i % 7) + (i + 1 < 10000 ? "," : "\n");
    file.write(text);
    file.close();
    const QString csvPath = dir.filePath(u"sweep.csv"_s);
    // At time scale 1 a real sweep would take hours: --predict runs nothing.
    const CliRun o = runCli({u"--durations"_s, u"@"_s + list, u"--sweep"_s, u"1..64"_s,
                             u"--predict"_s, u"--sweep-csv"_s, csvPath},
                            english);
    QVERIFY2(o.finished && o.exitCode == 0, qPrintable(describe(o)));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll().trimmed().split('\n').size(), 65);
}

void tst_CliSweep::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named");

    QTest::newRow("starts at 0") << QStringList{u"--sweep"_s, u"0..3"_s} << u"0..3"_s;
    QTest::newRow("end below start") << QStringList{u"--sweep"_s, u"5..2"_s} << u"5..2"_s;
    QTest::newRow("too many limits") << QStringList{u"--sweep"_s, u"1..100000"_s} << u"1..100000"_s;
    QTest::newRow("garbage") << QStringList{u"--sweep"_s, u"fast"_s} << u"fast"_s;
    QTest::newRow("step 0") << QStringList{u"--sweep"_s, u"1..5"_s, u"--step"_s, u"0"_s}
                            << u"--step"_s;
    QTest::newRow("step without sweep") << QStringList{u"--step"_s, u"2"_s} << u"--step"_s;
    QTest::newRow("predict without sweep") << QStringList{u"--predict"_s} << u"--predict"_s;
    QTest::newRow("sweep-csv without sweep")
            << QStringList{u"--sweep-csv"_s, u"x.csv"_s} << u"--sweep-csv"_s;
    QTest::newRow("sweep with compare")
            << QStringList{u"--sweep"_s, u"1..3"_s, u"--compare"_s, u"--limit"_s, u"2"_s}
            << u"--compare"_s;
    QTest::newRow("sweep with csv")
            << QStringList{u"--sweep"_s, u"1..3"_s, u"--csv"_s, u"x.csv"_s} << u"--csv"_s;
    QTest::newRow("advise without limit") << QStringList{u"--advise"_s} << u"--advise"_s;
}

void tst_CliSweep::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    const CliRun o = runCli(QStringList{u"--durations"_s, u"1,1"_s, u"--time-scale"_s, u"0.01"_s}
                                    + arguments,
                            english);
    QVERIFY2(o.finished && o.exitCode == 2, qPrintable(describe(o)));
    QCOMPARE(o.err.count(u'\n'), 1);
    QVERIFY2(o.err.contains(named), qPrintable(o.err));
    QVERIFY2(o.out.isEmpty(), qPrintable(o.out));
}

void tst_CliSweep::advise()
{
    const CliRun o = runCli({u"--durations"_s, u"5,1,8,3,4"_s, u"--limit"_s, u"2"_s,
                             u"--time-scale"_s, u"0.01"_s, u"--advise"_s, u"--quiet"_s},
                            english);
    QVERIFY2(o.finished && o.exitCode == 0, qPrintable(describe(o)));
    QVERIFY2(o.out.contains(u"lower bound 10.5 s, longest first 11 s, current order 12 s"_s),
             qPrintable(o.out));

    // The stats carry the advice of every limited run, --advise or not; not an unlimited run's.
    const CliRun s = runCli({u"--durations"_s, u"5,1,8,3,4"_s, u"--limit"_s, u"2"_s, u"--compare"_s,
                             u"--time-scale"_s, u"0.01"_s, u"--stats"_s, u"-"_s},
                            english);
    QVERIFY2(s.finished && s.exitCode == 0, qPrintable(describe(s)));
    const QJsonArray runs = parseObject(s.outBytes).value(u"runs").toArray();
    QCOMPARE(runs.size(), 2);
    QVERIFY(!runs.at(0).toObject().contains(u"advice"));
    const QJsonObject advice = runs.at(1).toObject().value(u"advice").toObject();
    QCOMPARE(advice.value(u"lower_bound_s").toDouble(), 10.5);
    QCOMPARE(advice.value(u"longest_first_s").toDouble(), 11.0);
    QCOMPARE(advice.value(u"current_s").toDouble(), 12.0);
    QVERIFY(!s.err.contains(u"lower bound"_s));
}

void tst_CliSweep::interruptedSweep()
{
    // Limits 1 to 4 of the article at 20 ms a second: 21 s, 12 s, 8 s, 8 s in scenario time, about
    // a second. SIGINT once the first limit ended: exit 130, and the JSON holds what ran.
    QProcess process;
    process.setProcessEnvironment(englishEnvironment());
    process.start(cliPath(), {u"--durations"_s, u"5,1,8,3,4"_s, u"--sweep"_s, u"1..4"_s,
                              u"--time-scale"_s, u"0.02"_s, u"--stats"_s, u"-"_s});
    QVERIFY(process.waitForStarted(10000));
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT((err += process.readAllStandardError()).contains("limit 1 (1 of 4)"),
                             60000);
    ::kill(pid_t(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(60000));
    err += process.readAllStandardError();
    QCOMPARE(process.exitCode(), 130);
    const QJsonObject json = parseObject(process.readAllStandardOutput());
    const QJsonArray sweep = json.value(u"sweep").toArray();
    QVERIFY2(sweep.size() >= 1 && sweep.size() <= 4, err.constData());
    QVERIFY(sweep.at(0).toObject().value(u"completed").toBool());
    QJsonArray completed;
    for (const QJsonValue &p : sweep) {
        if (p.toObject().value(u"completed").toBool())
            completed.append(p);
    }
    QCOMPARE(json.value(u"best_limit").toInt(), bestOf(completed));
    if (sweep.size() < 4)
        QVERIFY(!sweep.last().toObject().value(u"completed").toBool());
}

QTEST_GUILESS_MAIN(tst_CliSweep)
#include "tst_cli_sweep.moc"
