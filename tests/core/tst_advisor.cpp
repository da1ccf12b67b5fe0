#include "advisor.h"
#include "schedule.h"
#include "testscenarios.h"

#include <QTest>

// The schedule advisor: how far a limited batch's order is from the best one.
class tst_Advisor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void advise_data();
    void advise();
    void longestFirstIsStable();
};

void tst_Advisor::advise_data()
{
    QTest::addColumn<QList<double>>("durations");
    QTest::addColumn<int>("limit");
    QTest::addColumn<double>("lowerBound");
    QTest::addColumn<double>("longestFirst");
    QTest::addColumn<double>("current");

    QTest::newRow("article, limit 2") << QList<double>{5, 1, 8, 3, 4} << 2 << 10.5 << 11.0 << 12.0;
    QTest::newRow("article, limit 1") << QList<double>{5, 1, 8, 3, 4} << 1 << 21.0 << 21.0 << 21.0;
    // The longest task bounds it: no order beats 8 s.
    QTest::newRow("article, limit 3") << QList<double>{5, 1, 8, 3, 4} << 3 << 8.0 << 8.0 << 8.0;
    QTest::newRow("already longest first")
            << QList<double>{8, 5, 4, 3, 1} << 2 << 10.5 << 11.0 << 11.0;
    QTest::newRow("one task") << QList<double>{3} << 4 << 3.0 << 3.0 << 3.0;
}

void tst_Advisor::advise()
{
    QFETCH(QList<double>, durations);
    QFETCH(int, limit);
    QFETCH(double, lowerBound);
    QFETCH(double, longestFirst);
    QFETCH(double, current);

    RunOptions options;
    options.limit = limit;
    const ScheduleAdvice advice = Advisor::advise(sleepTasks(durations), options, 2);
    QCOMPARE(advice.lowerBound, lowerBound);
    QCOMPARE(advice.longestFirst, longestFirst);
    QCOMPARE(advice.current, current);
    QCOMPARE(advice.reorderHelps(), longestFirst < current);
    QVERIFY(advice.lowerBound <= advice.longestFirst);
    QCOMPARE(advice.current, predictSchedule(sleepTasks(durations), options, 2).makespan);
}

void tst_Advisor::longestFirstIsStable()
{
    QList<Task> tasks = sleepTasks({3, 5, 3, 5});
    for (qsizetype i = 0; i < tasks.size(); ++i)
        tasks[i].setLabel(QString::number(i));
    const QList<Task> sorted = Advisor::longestFirst(tasks);
    QStringList labels;
    for (const Task &t : sorted)
        labels << t.label();
    QCOMPARE(labels, (QStringList{QStringLiteral("1"), QStringLiteral("3"), QStringLiteral("0"),
                                  QStringLiteral("2")}));
}

QTEST_GUILESS_MAIN(tst_Advisor)
#include "tst_advisor.moc"
