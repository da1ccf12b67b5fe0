#include "runengine.h"
#include "runrecord.h"
#include "taskrunner.h"
#include "testrun.h"
#include "testscenarios.h"

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
    quint32 seed() const override { return 1; }
    void attemptFailed(qsizetype, bool, bool) override { }

private:
    double m_timeScale = 1.0;
    std::mutex m_mutex;
    std::condition_variable m_never;
};

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

// Costs are compared in this thread's CPU time, which a loaded machine does not inflate the way it
// inflates wall time, and each against a baseline measured here.
void tst_CpuTask::calibrationIsSane()
{
    const qint64 calibrationStart = threadCpuNs();
    const double rate = cpuIterationsPerSecond();
    const qint64 calibrationNs = threadCpuNs() - calibrationStart;
    QVERIFY2(rate > 1e5, qPrintable(u"%1 iterations per second"_s.arg(rate)));
    QVERIFY2(rate < 1e12, qPrintable(u"%1 iterations per second"_s.arg(rate)));
    // Measured once per process: later calls give the same answer without measuring again.
    const qint64 cachedStart = threadCpuNs();
    QCOMPARE(cpuIterationsPerSecond(), rate);
    const qint64 cachedNs = threadCpuNs() - cachedStart;
    qInfo("calibration %.1f ms, cached call %.3f ms of CPU", calibrationNs / 1e6, cachedNs / 1e6);
    QVERIFY2(cachedNs * 10 < calibrationNs, "the second call must not calibrate again");
    // Calibration (meant to take about 50 ms) is cheap next to the work it calibrates: a 2 s cpu
    // task at time scale 1, run in this thread.
    SoloContext context(1.0);
    const qint64 taskStart = threadCpuNs();
    QCOMPARE(runTask(cpuTask(2), 0, context, TaskContext::Clock::now()).status, TaskStatus::Ok);
    const qint64 taskNs = threadCpuNs() - taskStart;
    qInfo("2 s cpu task: %.1f ms of CPU", taskNs / 1e6);
    QVERIFY2(calibrationNs * 4 < taskNs,
             qPrintable(u"calibration %1 ms, the 2 s task %2 ms"_s.arg(calibrationNs / 1000000)
                                .arg(taskNs / 1000000)));
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
    const qint64 cpuStart = threadCpuNs();
    const TaskOutcome outcome = runTask(cpuTask(duration), 0, context, TaskContext::Clock::now());
    const double cpuSeconds = double(threadCpuNs() - cpuStart) / 1e9;
    const double seconds = double(timer.nsecsElapsed()) / 1e9;

    QCOMPARE(outcome.status, TaskStatus::Ok);
    const double expected = duration * timeScale;
    // Very generous: a turbo boost after calibration makes it faster. The upper bound is on the
    // work done (CPU time), which a loaded machine does not stretch; wall time it does.
    QVERIFY2(seconds >= 0.3 * expected && cpuSeconds <= 5 * expected,
             qPrintable(u"took %1 s (%2 s of CPU), expected about %3 s"_s.arg(seconds)
                                .arg(cpuSeconds)
                                .arg(expected)));
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
    // An hour of work each: a task that ignored the cancel could not end within these waits.
    QVERIFY(finished.wait(60000));
    qInfo("cancel took %lld ms", qlonglong(timer.elapsed()));
    QCOMPARE(record->status(0), TaskStatus::Cancelled);
    QCOMPARE(record->status(1), TaskStatus::Cancelled);
    QVERIFY(!record->sample(1).hasStarted());
    // It stopped a sliver into its hour, not at its end.
    const TaskSample first = record->sample(0);
    QVERIFY(first.hasStarted() && first.hasFinished());
    QVERIFY2(first.finishedNs - first.startedNs < record->toNanoseconds(3600) / 60,
             qPrintable(u"ran %1 ms"_s.arg((first.finishedNs - first.startedNs) / 1000000)));
}

QTEST_GUILESS_MAIN(tst_CpuTask)
#include "tst_cputask.moc"
