#include "runsession.h"
#include "sweep.h"
#include "testscenarios.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The limit sweep: its parser, the prediction per limit, the recommendation (best limit and
// knee), the CSV, and the measured sweep through SweepRunner.
class tst_Sweep : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseLimits_data();
    void parseLimits();
    void badLimits_data();
    void badLimits();
    void parseStep_data();
    void parseStep();
    void bestAndKnee_data();
    void bestAndKnee();
    void predictedSweepOfTheArticle();
    void predictedSweepOfAServer();
    void csvHasOneRowPerLimit();
    void runnerMeasuresEachLimit();
    void runnerCancelStopsTheRest();
};

namespace {

SweepPoint point(int limit, double makespan, qsizetype failed = 0)
{
    SweepPoint p;
    p.limit = limit;
    p.makespan = makespan;
    p.failed = failed;
    return p;
}

} // namespace

void tst_Sweep::parseLimits_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("step");
    QTest::addColumn<QList<int>>("limits");

    QTest::newRow("range") << u"1..5"_s << QString() << QList<int>{1, 2, 3, 4, 5};
    QTest::newRow("range with step") << u"2..12"_s << u"4"_s << QList<int>{2, 6, 10};
    QTest::newRow("one-point range") << u"3..3"_s << QString() << QList<int>{3};
    QTest::newRow("spaces") << u" 1 .. 3 "_s << QString() << QList<int>{1, 2, 3};
    QTest::newRow("list") << u"1,2,4,8"_s << QString() << QList<int>{1, 2, 4, 8};
    QTest::newRow("list sorted, duplicates dropped")
            << u"8, 2,4,2"_s << QString() << QList<int>{2, 4, 8};
    QTest::newRow("one limit") << u"6"_s << QString() << QList<int>{6};
    QTest::newRow("256 limits") << u"1..256"_s << QString() << [] {
        QList<int> all;
        for (int k = 1; k <= 256; ++k)
            all.append(k);
        return all;
    }();
    QTest::newRow("large step over a wide range") << u"1..100000"_s << u"1000"_s << [] {
        QList<int> all;
        for (int k = 1; k <= 100000; k += 1000)
            all.append(k);
        return all;
    }();
}

void tst_Sweep::parseLimits()
{
    QFETCH(QString, text);
    QFETCH(QString, step);
    QFETCH(QList<int>, limits);
    QString error;
    const auto parsed = Sweep::parseLimits(text, step, &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(*parsed, limits);
}

void tst_Sweep::badLimits_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("step");
    QTest::addColumn<QString>("named"); // the error names this

    QTest::newRow("starts at 0") << u"0..3"_s << QString() << u"0..3"_s;
    QTest::newRow("end below start") << u"5..2"_s << QString() << u"5..2"_s;
    QTest::newRow("too many") << u"1..100000"_s << QString() << u"1..100000"_s;
    QTest::newRow("257 limits") << u"1..257"_s << QString() << u"257"_s;
    QTest::newRow("above the largest limit") << u"1..2000000"_s << u"100000"_s << u"2000000"_s;
    QTest::newRow("garbage") << u"abc"_s << QString() << u"abc"_s;
    QTest::newRow("half a range") << u"1.."_s << QString() << u"1.."_s;
    QTest::newRow("negative") << u"-1..3"_s << QString() << u"-1"_s;
    QTest::newRow("fraction") << u"1,2.5"_s << QString() << u"2.5"_s;
    QTest::newRow("zero in a list") << u"0,1,2"_s << QString() << u"0,1,2"_s;
    QTest::newRow("empty item") << u"1,,2"_s << QString() << u"1,,2"_s;
    QTest::newRow("empty") << u""_s << QString() << u"no limits"_s;
    QTest::newRow("step 0") << u"1..5"_s << u"0"_s << u"\"0\""_s;
    QTest::newRow("step on a list") << u"1,2"_s << u"2"_s << u"1,2"_s;
}

void tst_Sweep::badLimits()
{
    QFETCH(QString, text);
    QFETCH(QString, step);
    QFETCH(QString, named);
    QString error;
    QVERIFY(!Sweep::parseLimits(text, step, &error));
    QVERIFY2(error.contains(named), qPrintable(error));
}

void tst_Sweep::parseStep_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("step"); // 0: refused

    QTest::newRow("1") << u"1"_s << 1;
    QTest::newRow("10") << u" 10 "_s << 10;
    QTest::newRow("0") << u"0"_s << 0;
    QTest::newRow("negative") << u"-2"_s << 0;
    QTest::newRow("fraction") << u"1.5"_s << 0;
    QTest::newRow("empty") << u""_s << 0;
    QTest::newRow("huge") << u"99999999999999"_s << 0;
}

void tst_Sweep::parseStep()
{
    QFETCH(QString, text);
    QFETCH(int, step);
    QString error;
    const auto parsed = Sweep::parseStep(text, &error);
    if (step == 0) {
        QVERIFY(!parsed);
        QVERIFY(!error.isEmpty());
    } else {
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(*parsed, step);
    }
}

void tst_Sweep::bestAndKnee_data()
{
    QTest::addColumn<QList<SweepPoint>>("points");
    QTest::addColumn<int>("best");
    QTest::addColumn<int>("knee");

    QTest::newRow("none") << QList<SweepPoint>() << 0 << 0;
    QTest::newRow("one") << QList<SweepPoint>{point(4, 10)} << 4 << 4;
    // The article's batch: 21, 12, 8, 8, 8.
    QTest::newRow("article") << QList<SweepPoint>{point(1, 21), point(2, 12), point(3, 8),
                                                  point(4, 8), point(5, 8)}
                             << 3 << 3;
    // Within 5 % of the shortest: the smaller limit wins.
    QTest::newRow("within 5 %") << QList<SweepPoint>{point(1, 20), point(2, 10.4), point(3, 10.2),
                                                     point(4, 10)}
                                << 2 << 2;
    // Failures first: the limits that fail tasks are not recommended however fast.
    QTest::newRow("fewest failed")
            << QList<SweepPoint>{point(2, 12), point(4, 6), point(8, 3, 5), point(16, 2, 12)} << 4
            << 4;
    // A stopped run's point is no candidate.
    QTest::newRow("stopped point") << [] {
        QList<SweepPoint> points{point(1, 10), point(2, 5), point(3, 1)};
        points[2].completed = false;
        return points;
    }() << 2 << 2;
    // Shortest in the middle: past it, the makespan grows (server overload).
    QTest::newRow("u-shaped") << QList<SweepPoint>{point(1, 24), point(2, 12), point(4, 6),
                                                   point(8, 9), point(16, 14)}
                              << 4 << 4;
    // A late big drop moves the knee up.
    QTest::newRow("late drop") << QList<SweepPoint>{point(1, 10), point(2, 9.9), point(3, 9.8),
                                                    point(4, 5)}
                               << 4 << 4;
    QTest::newRow("unsorted input")
            << QList<SweepPoint>{point(5, 8), point(1, 21), point(3, 8), point(2, 12)} << 3 << 3;
}

void tst_Sweep::bestAndKnee()
{
    QFETCH(QList<SweepPoint>, points);
    QFETCH(int, best);
    QFETCH(int, knee);
    QCOMPARE(Sweep::bestLimit(points), best);
    QCOMPARE(Sweep::kneeLimit(points), knee);
}

void tst_Sweep::predictedSweepOfTheArticle()
{
    const Scenario scenario = makeScenario({5, 1, 8, 3, 4});
    const QList<SweepPoint> points = Sweep::predict(scenario, {1, 2, 3, 4, 5}, 2);
    QCOMPARE(points.size(), 5);
    const QList<double> makespans{21, 12, 8, 8, 8};
    for (qsizetype k = 0; k < 5; ++k) {
        const SweepPoint &p = points.at(k);
        QCOMPARE(p.limit, int(k) + 1);
        QCOMPARE(p.makespan, makespans.at(k));
        QCOMPARE(p.predictedMakespan, makespans.at(k));
        QCOMPARE(p.ok, 5);
        QCOMPARE(p.failed, 0);
        QCOMPARE(p.retries, 0);
        QVERIFY(p.predicted);
        QVERIFY(p.completed);
    }
    // Limit 2: starts 0,0,1,5,8, finishes 5,1,9,8,12.
    QCOMPARE(points.at(1).meanWait, 14.0 / 5);
    QCOMPARE(points.at(1).maxWait, 8.0);
    QCOMPARE(points.at(1).meanCompletion, 35.0 / 5);
    QCOMPARE(points.at(4).meanWait, 0.0);
    QCOMPARE(points.at(4).meanCompletion, 21.0 / 5);
    QCOMPARE(Sweep::bestLimit(points), 3);
    QCOMPARE(Sweep::kneeLimit(points), 3);
    // One point is the same as the sweep's.
    const SweepPoint one = Sweep::predictPoint(scenario, 2, 2);
    QCOMPARE(one.makespan, points.at(1).makespan);
    QCOMPARE(one.meanCompletion, points.at(1).meanCompletion);
}

void tst_Sweep::predictedSweepOfAServer()
{
    // 24 requests of 1 s; capacity 4, at most 8 in flight, no retries: above 8 tasks fail.
    Scenario scenario;
    for (int i = 0; i < 24; ++i) {
        Task t = httpTask(u"local:/work?s=1"_s, 100);
        t.duration = 1;
        scenario.tasks.append(t);
    }
    scenario.options.server.capacity = 4;
    scenario.options.server.maxInFlight = 8;
    const QList<SweepPoint> points = Sweep::predict(scenario, {1, 2, 4, 8, 16, 24}, 2);
    QCOMPARE(points.at(0).makespan, 24.0);
    QCOMPARE(points.at(2).makespan, 6.0);
    for (const SweepPoint &p : points) {
        QCOMPARE(p.failed, p.limit > 8 ? p.rejected : 0);
        QCOMPARE(p.ok + p.failed, 24);
    }
    QVERIFY(points.at(5).failed > 0);
    QCOMPARE(Sweep::bestLimit(points), 4);
}

void tst_Sweep::csvHasOneRowPerLimit()
{
    const QList<SweepPoint> points = Sweep::predict(makeScenario({5, 1, 8, 3, 4}), {1, 2, 3}, 2);
    const QList<QByteArray> lines = Sweep::csv(points).trimmed().split('\n');
    QCOMPARE(lines.size(), 4);
    QCOMPARE(QString::fromUtf8(lines.at(0)),
             u"limit,makespan_s,predicted_makespan_s,mean_completion_s,mean_wait_s,max_wait_s,ok,"
             "failed,retries"_s);
    QCOMPARE(Sweep::csvHeader(), QString::fromUtf8(lines.at(0)));
    QCOMPARE(lines.at(2), QByteArray("2,12.000000,12.000000,7.000000,2.800000,8.000000,5,0,0"));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"sweep.csv"_s);
    QString error;
    QVERIFY2(Sweep::writeCsvFile(path, points, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), Sweep::csv(points));
    QVERIFY(!Sweep::writeCsvFile(dir.filePath(u"missing/sweep.csv"_s), points, &error));
    QVERIFY2(error.contains(u"sweep.csv"_s), qPrintable(error));
}

void tst_Sweep::runnerMeasuresEachLimit()
{
    SweepRunner runner;
    QSignalSpy started(&runner, &SweepRunner::limitStarted);
    QSignalSpy ready(&runner, &SweepRunner::pointReady);
    QSignalSpy finished(&runner, &SweepRunner::finished);
    QVERIFY(!runner.start(makeScenario({5, 1, 8, 3, 4}, 0, 0.01), {}));
    QVERIFY(runner.start(makeScenario({5, 1, 8, 3, 4}, 0, 0.01), {1, 3, 5}));
    QVERIFY(runner.isRunning());
    QVERIFY(!runner.start(makeScenario({1}), {1}));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    QVERIFY(!runner.isRunning());
    QCOMPARE(started.size(), 3);
    QCOMPARE(ready.size(), 3);
    const QList<SweepPoint> points = runner.points();
    QCOMPARE(points.size(), 3);
    const QList<double> predicted{21, 8, 8};
    for (qsizetype k = 0; k < 3; ++k) {
        const SweepPoint &p = points.at(k);
        QCOMPARE(p.limit, runner.limits().at(k));
        QCOMPARE(started.at(k).at(1).toInt(), p.limit);
        QVERIFY(p.completed);
        QVERIFY(!p.predicted);
        QCOMPARE(p.ok, 5);
        QCOMPARE(p.predictedMakespan, predicted.at(k));
        // Not much shorter than the ideal schedule (timer slack only makes it longer).
        QVERIFY2(p.makespan >= p.predictedMakespan * 0.9,
                 qPrintable(u"limit %1: %2 s"_s.arg(p.limit).arg(p.makespan)));
        QVERIFY(p.meanWait <= p.maxWait);
    }
    QVERIFY(points.at(0).makespan > points.at(2).makespan);
}

void tst_Sweep::runnerCancelStopsTheRest()
{
    SweepRunner runner;
    QSignalSpy finished(&runner, &SweepRunner::finished);
    connect(&runner, &SweepRunner::limitStarted, &runner, [&runner](int index) {
        if (index == 1)
            runner.cancel();
    });
    QVERIFY(runner.start(makeScenario({5, 1, 8, 3, 4}, 0, 0.05), {1, 2, 3, 4}));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    QVERIFY(runner.wasCancelled());
    QCOMPARE(runner.points().size(), 2);
    QVERIFY(runner.points().at(0).completed);
    QVERIFY(!runner.points().at(1).completed);
}

QTEST_GUILESS_MAIN(tst_Sweep)
#include "tst_sweep.moc"
