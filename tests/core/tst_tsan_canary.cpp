#include "runrecord.h"
#include "tsanannotations.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSemaphore>
#include <QTest>

#include <cstring>
#include <memory>
#include <thread>

using namespace Qt::StringLiterals;

// Built only in ThreadSanitizer builds (tests/core/CMakeLists.txt). Proves that the TSan stage
// still has teeth: with the suppressions and options CI uses, a deliberate race in our own code is
// reported, a hand-off through uninstrumented Qt is reported as the false race the engine's
// annotations exist for, and the same hand-off annotated with core/tsanannotations.h is clean.
// Each case runs in a child process (this executable with --child CASE) because TSan stops the
// process at the first report (halt_on_error=1).
class tst_TsanCanary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void child_data();
    void child();
};

namespace {

// Both threads write the same plain int: the most basic race.
int plainRace()
{
    static int counter = 0;
    std::thread a([] {
        for (int i = 0; i < 1000; ++i)
            ++counter;
    });
    std::thread b([] {
        for (int i = 0; i < 1000; ++i)
            ++counter;
    });
    a.join();
    b.join();
    return counter > 0 ? 0 : 1;
}

// A race inside the core library (instrumented like the engine): two threads record a start for
// the same task, which the engine never does. Entry::startedNs has one writer by design.
int recordRace()
{
    Scenario s;
    s.tasks.append(Task{});
    RunRecord record(s);
    std::thread a([&] { record.markStarted(0, 1, 1); });
    std::thread b([&] { record.markStarted(0, 2, 2); });
    a.join();
    b.join();
    return 0;
}

// Data handed from one thread to another through a QSemaphore, the way the engine's workers get
// their permits. Qt's semaphore is a futex TSan cannot see; with `annotate` the hand-off is
// declared as the engine declares it (RunState::takePermit/returnPermits).
int semaphoreHandOff(bool annotate)
{
    QSemaphore ready;
    auto value = std::make_unique<int>(0);
    int seen = 0;
    std::thread consumer([&] {
        ready.acquire();
        if (annotate)
            Tsan::acquire(&ready);
        seen = *value;
    });
    // Give the consumer time to block first, so the write below really follows its start.
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    *value = 42;
    if (annotate)
        Tsan::release(&ready);
    ready.release();
    consumer.join();
    return seen == 42 ? 0 : 1;
}

int runChild(const char *name)
{
    if (std::strcmp(name, "plain-race") == 0)
        return plainRace();
    if (std::strcmp(name, "record-race") == 0)
        return recordRace();
    if (std::strcmp(name, "semaphore-unannotated") == 0)
        return semaphoreHandOff(false);
    if (std::strcmp(name, "semaphore-annotated") == 0)
        return semaphoreHandOff(true);
    return 3;
}

} // namespace

void tst_TsanCanary::initTestCase()
{
#ifndef TASKLANES_TSAN
    QFAIL("built without ThreadSanitizer: this test belongs to the tsan preset only");
#endif
    // The children inherit TSAN_OPTIONS, suppressions included: a suppression broad enough to
    // hide a race in our code makes this test fail.
    qInfo("TSAN_OPTIONS=%s", qgetenv("TSAN_OPTIONS").constData());
}

void tst_TsanCanary::child_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("raceExpected");
    QTest::addColumn<QString>("frame"); // a function the report must name

    QTest::newRow("plain race") << u"plain-race"_s << true << u"plainRace"_s;
    QTest::newRow("race in the core library")
            << u"record-race"_s << true << u"RunRecord::markStarted"_s;
    QTest::newRow("QSemaphore hand-off, not annotated")
            << u"semaphore-unannotated"_s << true << u"semaphoreHandOff"_s;
    QTest::newRow("QSemaphore hand-off, annotated")
            << u"semaphore-annotated"_s << false << QString();
}

void tst_TsanCanary::child()
{
    QFETCH(QString, name);
    QFETCH(bool, raceExpected);
    QFETCH(QString, frame);

    QProcess process;
    process.setProgram(QCoreApplication::applicationFilePath());
    process.setArguments({u"--child"_s, name});
    process.start();
    QVERIFY(process.waitForStarted(10000));
    QVERIFY(process.waitForFinished(60000));
    const QString err = QString::fromLocal8Bit(process.readAllStandardError());
    const bool reported = err.contains(u"WARNING: ThreadSanitizer: data race"_s);
    qInfo("%s: exit %d, %s", qPrintable(name), process.exitCode(),
          reported ? "data race reported" : "no report");
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    if (raceExpected) {
        QVERIFY2(reported, qPrintable(err.left(3000)));
        QVERIFY2(process.exitCode() != 0, "TSan must make the child fail");
        QVERIFY2(err.contains(frame), qPrintable(err.left(3000)));
    } else {
        QVERIFY2(!reported, qPrintable(err.left(3000)));
        QCOMPARE(process.exitCode(), 0);
    }
}

int main(int argc, char **argv)
{
    if (argc == 3 && std::strcmp(argv[1], "--child") == 0)
        return runChild(argv[2]);
    QCoreApplication app(argc, argv);
    tst_TsanCanary test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_tsan_canary.moc"
