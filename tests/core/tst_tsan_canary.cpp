#include "runrecord.h"
#include "tsanannotations.h"

#include <QCoreApplication>
#include <QProcess>
#include <QRunnable>
#include <QSemaphore>
#include <QTest>
#include <QThreadPool>

#include <atomic>
#include <cstring>
#include <memory>
#include <thread>

using namespace Qt::StringLiterals;

// Built only in ThreadSanitizer builds (tests/core/CMakeLists.txt). Proves that the TSan stage
// still has teeth: with the suppressions and options CI uses, a deliberate race in our own code is
// reported; hand-offs through uninstrumented Qt (a QSemaphore, QThreadPool's queue) are reported
// as the false races the engine's annotations exist for; and the same hand-offs annotated as the
// engine annotates them (core/tsanannotations.h) are clean.
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

// Reads the value from a pool thread. run() acquires its own address before it reads anything,
// even its own members (as RunState's PoolJob does); whether that acquire pairs with a release
// before QThreadPool::start() is up to poolHandOff().
class ReadJob final : public QRunnable
{
public:
    ReadJob(const int *value, int *seen)
        : m_value(value)
        , m_seen(seen)
    {
    }
    void run() override
    {
        Tsan::acquire(this);
        *m_seen = *m_value;
        Tsan::release(m_seen);
    }

private:
    const int *m_value;
    int *m_seen;
};

// Data handed to a job through QThreadPool's queue. The pool's only thread is kept busy until
// the job is queued, so it takes the job from the queue under QMutex alone (a futex TSan cannot
// see) rather than being woken through a QWaitCondition (pthread calls TSan does see).
int poolHandOff(bool annotate)
{
    QThreadPool pool;
    pool.setMaxThreadCount(1);
    std::atomic<bool> queued{false}; // relaxed on both sides: no happens-before from it
    pool.start([&queued] {
        while (!queued.load(std::memory_order_relaxed))
            std::this_thread::yield();
    });
    auto value = std::make_unique<int>(0);
    int seen = 0;
    *value = 42;
    auto *job = new ReadJob(value.get(), &seen);
    if (annotate)
        Tsan::release(job);
    pool.start(job);
    queued.store(true, std::memory_order_relaxed);
    pool.waitForDone();
    if (annotate)
        Tsan::acquire(&seen);
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
    if (std::strcmp(name, "pool-unannotated") == 0)
        return poolHandOff(false);
    if (std::strcmp(name, "pool-annotated") == 0)
        return poolHandOff(true);
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
    QTest::newRow("QThreadPool queue hand-off, not annotated")
            << u"pool-unannotated"_s << true << u"poolHandOff"_s;
    QTest::newRow("QThreadPool queue hand-off, annotated")
            << u"pool-annotated"_s << false << QString();
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
