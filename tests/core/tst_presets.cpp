#include "presets.h"
#include "runengine.h"
#include "runrecord.h"
#include "schedule.h"
#include "testrun.h"
#include "testscenarios.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;

namespace {

Preset preset(const QString &name)
{
    const auto found = Presets::find(name);
    return found ? *found : Preset{};
}

QVariantList results(const RunRecord &record)
{
    QVariantList list;
    for (qsizetype i = 0; i < record.taskCount(); ++i)
        list.append(record.result(i));
    return list;
}

} // namespace

// The article's examples as presets: each one runs and shows what the article says it shows.
class tst_Presets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void list();
    void find();

    void everyPresetRuns_data();
    void everyPresetRuns();
    void gatherResults();
    void delayedPrint();
    void limitTwoNeverAboveTwo();
    void fiveParallelAllAtOnce();
    void cpuVersusWaitFitsTheMachine();
};

void tst_Presets::list()
{
    const QList<Preset> presets = Presets::all();
    QStringList names;
    for (const Preset &p : presets) {
        names.append(p.name);
        QVERIFY2(!p.description.trimmed().isEmpty(), qPrintable(p.name));
        QVERIFY2(!p.description.contains(QLatin1Char('\n')), "one line, for --list-presets");
        QVERIFY2(!p.scenario.tasks.isEmpty(), qPrintable(p.name));
        QCOMPARE(p.scenario.name, p.name);
        QCOMPARE(p.scenario.options.timeScale, 1.0);
    }
    QCOMPARE(names, (QStringList{u"one-task"_s, u"five-parallel"_s, u"limit-two"_s,
                                 u"gather-results"_s, u"delayed-print"_s, u"hidden-limit"_s,
                                 u"api-capacity"_s, u"api-latency-vs-limit"_s, u"cpu-vs-wait"_s}));
}

void tst_Presets::find()
{
    for (const Preset &p : Presets::all()) {
        const auto found = Presets::find(p.name);
        QVERIFY2(found, qPrintable(p.name));
        QCOMPARE(found->name, p.name);
        QCOMPARE(found->description, p.description);
    }
    QVERIFY(!Presets::find(u"no-such-preset"_s));
    QVERIFY(!Presets::find(QString()));
}

void tst_Presets::everyPresetRuns_data()
{
    QTest::addColumn<QString>("name");
    for (const Preset &p : Presets::all())
        QTest::newRow(qPrintable(p.name)) << p.name;
}

void tst_Presets::everyPresetRuns()
{
    QFETCH(QString, name);
    const Preset p = preset(name);
    QCOMPARE(p.name, name);

    // Presets with a server retry with backoff: at 0.01 the timers' millisecond steps would be
    // a large part of each call.
    const double scale = p.scenario.options.server.isDefault() ? 0.01 : 0.05;
    const auto record = runToEnd(atTimeScale(p.scenario, scale));
    QVERIFY(record);
    for (qsizetype i = 0; i < record->taskCount(); ++i) {
        const Task &t = record->task(i);
        QVERIFY2(record->status(i) == TaskStatus::Ok,
                 qPrintable(u"task %1: %2"_s.arg(i + 1).arg(record->result(i).toString())));
        QVariant expected;
        if (t.isServerWork())
            expected = u"ok"_s;
        else if (t.kind == TaskKind::Http)
            expected = u"127.0.0.1"_s; // the other presets' http tasks ask local:/ip
        else if (!t.message().isNull())
            expected = t.message();
        else
            expected = t.duration;
        QCOMPARE(record->result(i), expected);
    }
    if (p.scenario.options.isLimited())
        QVERIFY(peakRunning(*record) <= p.scenario.options.limit);
}

void tst_Presets::gatherResults()
{
    const auto record = runToEnd(atTimeScale(preset(u"gather-results"_s).scenario, 0.05));
    QVERIFY(record);
    QCOMPARE(results(*record), (QVariantList{10.0, u"127.0.0.1"_s, 1.0}));
    // Results come in submission order although the 1 s task finishes before the 10 s one.
    const QList<qsizetype> order = record->completionOrder();
    QCOMPARE(order.size(), 3);
    QVERIFY2(order.indexOf(2) < order.indexOf(0), "the 1 s task finishes first");
    QCOMPARE(order.constLast(), 0);
}

void tst_Presets::delayedPrint()
{
    const auto record = runToEnd(atTimeScale(preset(u"delayed-print"_s).scenario, 0.05));
    QVERIFY(record);
    // Printed 111, 222, 333 ...
    QCOMPARE(record->completionOrder(), (QList<qsizetype>{2, 1, 0}));
    // ... returned in submission order.
    QCOMPARE(results(*record), (QVariantList{u"333"_s, u"222"_s, u"111"_s}));
}

void tst_Presets::limitTwoNeverAboveTwo()
{
    const Preset p = preset(u"limit-two"_s);
    QCOMPARE(p.scenario.options.limit, 2);
    const auto record = runToEnd(atTimeScale(p.scenario, 0.02));
    QVERIFY(record);
    QCOMPARE(peakRunning(*record), 2);
    for (const ConcurrencyStep &step : concurrencySteps(*record))
        QVERIFY(step.running + step.waiting <= 5);
    QCOMPARE(results(*record), (QVariantList{5.0, 1.0, 8.0, 3.0, 4.0}));
}

void tst_Presets::fiveParallelAllAtOnce()
{
    const Preset p = preset(u"five-parallel"_s);
    QVERIFY(!p.scenario.options.isLimited());
    const auto record = runToEnd(atTimeScale(p.scenario, 0.05));
    QVERIFY(record);
    QCOMPARE(peakRunning(*record), 5);
    QCOMPARE(record->completionOrder(), (QList<qsizetype>{1, 3, 4, 0, 2}));
}

void tst_Presets::cpuVersusWaitFitsTheMachine()
{
    const Preset p = preset(u"cpu-vs-wait"_s);
    const int cores = QThread::idealThreadCount();
    // CPU tasks behind a gate sized to the cores, sleeps free, no global limit.
    QVERIFY(!p.scenario.options.isLimited());
    QCOMPARE(p.scenario.options.gates, (QList<Gate>{Gate{u"cpu"_s, cores}}));
    int cpu = 0;
    int sleeps = 0;
    for (const Task &t : p.scenario.tasks) {
        (t.kind == TaskKind::Cpu ? cpu : sleeps) += 1;
        QCOMPARE(t.gate(), t.kind == TaskKind::Cpu ? u"cpu"_s : QString());
    }
    QVERIFY2(cpu > cores, "more CPU-bound tasks than cores, or there is no lesson");
    QVERIFY(sleeps > 0);
    QVERIFY2(p.description.contains(QString::number(cores)), qPrintable(p.description));
}

QTEST_GUILESS_MAIN(tst_Presets)
#include "tst_presets.moc"
