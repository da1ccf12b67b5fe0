#include "runengine.h"
#include "runrecord.h"
#include "taskrunner.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <condition_variable>
#include <mutex>

using namespace Qt::StringLiterals;

namespace {

// A run of one: runTask() called directly on the test thread.
class SoloContext final : public TaskContext
{
public:
    explicit SoloContext(double timeScale)
        : m_timeScale(timeScale)
    {
    }

    bool isCancelled() const override { return false; }
    bool sleepUntil(Clock::time_point deadline) override
    {
        std::unique_lock lock(m_mutex);
        m_never.wait_until(lock, deadline);
        return true;
    }
    double timeScale() const override { return m_timeScale; }
    QString localBase() const override { return QString(); }

private:
    double m_timeScale = 1.0;
    std::mutex m_mutex;
    std::condition_variable m_never;
};

Task cpuTask(double duration)
{
    Task t;
    t.kind = TaskKind::Cpu;
    t.duration = duration;
    return t;
}

} // namespace

// The cpu task kind: a calibrated amount of real work that takes `duration` scenario seconds on
// one idle core, and stops when the run is cancelled.
class tst_CpuTask : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void calibrationIsSane();
    void durationFollowsTimeScale_data();
    void durationFollowsTimeScale();
    void resultIsDurationOrMessage();
    void cancelStopsLongTask();
};

void tst_CpuTask::calibrationIsSane()
{
    QElapsedTimer timer;
    timer.start();
    const double rate = cpuIterationsPerSecond();
    QVERIFY2(timer.elapsed() < 5000, "calibration is meant to take about 50 ms");
    QVERIFY2(rate > 1e5, qPrintable(u"%1 iterations per second"_s.arg(rate)));
    QVERIFY2(rate < 1e12, qPrintable(u"%1 iterations per second"_s.arg(rate)));
    // Measured once per process: later calls give the same answer, immediately.
    timer.restart();
    QCOMPARE(cpuIterationsPerSecond(), rate);
    QVERIFY(timer.elapsed() < 100);
}

void tst_CpuTask::durationFollowsTimeScale_data()
{
    QTest::addColumn<double>("duration");
    QTest::addColumn<double>("timeScale");

    QTest::newRow("1 s at 0.2") << 1.0 << 0.2;
    QTest::newRow("0.5 s at 0.4") << 0.5 << 0.4;
    QTest::newRow("8 s at 0.02") << 8.0 << 0.02;
}

void tst_CpuTask::durationFollowsTimeScale()
{
    QFETCH(double, duration);
    QFETCH(double, timeScale);

    cpuIterationsPerSecond(); // not part of the measured time
    SoloContext context(timeScale);
    QElapsedTimer timer;
    timer.start();
    const TaskOutcome outcome = runTask(cpuTask(duration), context, TaskContext::Clock::now());
    const double seconds = double(timer.nsecsElapsed()) / 1e9;

    QCOMPARE(outcome.status, TaskStatus::Ok);
    const double expected = duration * timeScale;
    // Very generous: a loaded machine makes it slower, a turbo boost after calibration faster.
    QVERIFY2(seconds >= 0.3 * expected && seconds <= 5 * expected,
             qPrintable(u"took %1 s, expected about %2 s"_s.arg(seconds).arg(expected)));
}

void tst_CpuTask::resultIsDurationOrMessage()
{
    Scenario scenario;
    scenario.options.timeScale = 0.01;
    scenario.tasks = {cpuTask(1), cpuTask(2)};
    scenario.tasks[1].setMessage(u"crunched"_s);
    RunEngine engine;
    QSignalSpy finished(&engine, &RunEngine::finished);
    QVERIFY(engine.start(scenario));
    QVERIFY(finished.wait(30000));
    const auto record = engine.record();
    QCOMPARE(record->status(0), TaskStatus::Ok);
    QCOMPARE(record->result(0), QVariant(1.0));
    QCOMPARE(record->status(1), TaskStatus::Ok);
    QCOMPARE(record->result(1), QVariant(u"crunched"_s));
}

void tst_CpuTask::cancelStopsLongTask()
{
    Scenario scenario;
    scenario.options.limit = 1;
    scenario.tasks = {cpuTask(3600), cpuTask(3600)};
    RunEngine engine;
    QSignalSpy finished(&engine, &RunEngine::finished);
    QVERIFY(engine.start(scenario));
    const auto record = engine.record();
    QTRY_COMPARE_WITH_TIMEOUT(record->status(0), TaskStatus::Running, 20000);

    QElapsedTimer timer;
    timer.start();
    engine.cancel();
    QVERIFY(finished.wait(20000));
    QVERIFY2(timer.elapsed() < 2000, qPrintable(u"cancel took %1 ms"_s.arg(timer.elapsed())));
    QCOMPARE(record->status(0), TaskStatus::Cancelled);
    QCOMPARE(record->status(1), TaskStatus::Cancelled);
    QVERIFY(!record->sample(1).hasStarted());
}

QTEST_GUILESS_MAIN(tst_CpuTask)
#include "tst_cputask.moc"
