#include "runengine.h"
#include "runrecord.h"
#include "schedule.h"
#include "traceexport.h"

#include <QBuffer>
#include <QTest>

#include <algorithm>
#include <chrono>
#include <set>
#include <sys/resource.h>
#include <vector>

using namespace Qt::StringLiterals;

// Where the permit is taken. fifo: a pool thread takes a permit, then the oldest task, so a task
// never holds a thread while it waits (picked == started). in-task: every task is started on the
// pool and waits for its permit on its thread (picked <= started). Both: one pool, one thread per
// task by default, limited or not; the limit is the QSemaphore's.
class tst_Admission : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultPoolIsOneThreadPerTask();
    void fifoPickedIsStarted();
    void inTaskHoldsThreadsWhileWaiting();
    void inTaskCancelledMidRun();
    void waitingWorkersDoNotBurnCpu();
};

namespace {

Scenario sleeps(int count, double duration, double timeScale)
{
    Scenario s;
    s.options.timeScale = timeScale;
    for (int k = 0; k < count; ++k) {
        Task t;
        t.duration = duration;
        s.tasks.append(t);
    }
    return s;
}

std::shared_ptr<const RunRecord> runToEnd(const Scenario &scenario)
{
    RunEngine engine;
    if (!engine.start(scenario) || !engine.waitForFinished(60000))
        return {};
    return engine.record();
}

// The most tasks at once in [from(i), to(i)).
int most(const RunRecord &record, qint64 TaskSample::*from, qint64 TaskSample::*to)
{
    std::vector<std::pair<qint64, int>> edges;
    for (qsizetype i = 0; i < record.taskCount(); ++i) {
        const TaskSample s = record.sample(i);
        if (s.*from < 0 || s.*to < 0)
            continue;
        edges.emplace_back(s.*from, +1);
        edges.emplace_back(std::max(s.*to, s.*from), -1);
    }
    std::sort(edges.begin(), edges.end());
    int n = 0;
    int peak = 0;
    for (const auto &[t, d] : edges)
        peak = std::max(peak, n += d);
    return peak;
}

double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
           + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

} // namespace

void tst_Admission::defaultPoolIsOneThreadPerTask()
{
    Scenario s = sleeps(5, 1, 0.01);
    s.options.limit = 2;
    QCOMPARE(s.options.effectiveThreads(5), 5);
    QCOMPARE(s.options.unlimited().effectiveThreads(5), 5);
    QCOMPARE(s.options.plainPoolText(5), u"limit 2 on a pool of 5 threads"_s);
    const auto record = runToEnd(s);
    QVERIFY(record);
    // The semaphore alone keeps it at 2, on a pool of 5.
    QCOMPARE(most(*record, &TaskSample::startedNs, &TaskSample::finishedNs), 2);
    QCOMPARE(predictSchedule(s.tasks, s.options).makespan, 3.0);
}

void tst_Admission::fifoPickedIsStarted()
{
    Scenario s = sleeps(8, 1, 0.005);
    s.options.limit = 3;
    const auto record = runToEnd(s);
    QVERIFY(record);
    // FIFO under a limit of 3: task i is taken only after the i earlier ones, and a permit for it
    // frees only when a task finishes, so at least i - 2 of tasks 0..i-1 finished before it
    // started. (Start times of tasks taken at once may differ in either order by a few
    // microseconds: the clock is read after the task is taken.)
    std::vector<qint64> finishes;
    for (qsizetype i = 0; i < record->taskCount(); ++i) {
        const TaskSample t = record->sample(i);
        QCOMPARE(t.pickedNs, t.startedNs);
        if (i >= 3) {
            std::vector<qint64> sorted = finishes;
            std::sort(sorted.begin(), sorted.end());
            QVERIFY2(t.startedNs >= sorted[size_t(i - 3)],
                     qPrintable(u"task %1 started before %2 earlier tasks had finished"_s.arg(i + 1)
                                        .arg(i - 2)));
        }
        finishes.push_back(t.finishedNs);
    }
}

void tst_Admission::inTaskHoldsThreadsWhileWaiting()
{
    // The acceptance: 6 tasks, limit 2 on a pool of 3, in-task.
    Scenario s = sleeps(6, 1, 0.01);
    s.options.limit = 2;
    s.options.threads = 3;
    s.options.admission = Admission::InTask;
    const auto record = runToEnd(s);
    QVERIFY(record);
    bool heldWhileWaiting = false;
    std::set<int> workers;
    for (qsizetype i = 0; i < record->taskCount(); ++i) {
        const TaskSample t = record->sample(i);
        QCOMPARE(t.status, TaskStatus::Ok);
        QVERIFY(t.submittedNs <= t.pickedNs);
        QVERIFY(t.pickedNs <= t.startedNs);
        heldWhileWaiting = heldWhileWaiting || t.pickedNs < t.startedNs;
        workers.insert(t.worker);
    }
    QVERIFY2(heldWhileWaiting, "a task picked by a thread waited there for its permit");
    QVERIFY(workers.size() <= 3);
    QVERIFY(most(*record, &TaskSample::startedNs, &TaskSample::finishedNs) <= 2);
    QVERIFY(most(*record, &TaskSample::pickedNs, &TaskSample::finishedNs) <= 3);

    // The trace draws the two waits apart and states the pool and the limit.
    QBuffer trace;
    trace.open(QIODevice::WriteOnly);
    QVERIFY(TraceExport::write(trace, {record}));
    QVERIFY(trace.data().contains("\"wait for a permit (holding a thread)\""));
    QVERIFY(trace.data().contains("limit 2 on a pool of 3 threads, in-task admission"));
}

void tst_Admission::inTaskCancelledMidRun()
{
    Scenario s = sleeps(200, 1, 0.002);
    s.options.limit = 4;
    s.options.threads = 16;
    s.options.admission = Admission::InTask;
    RunEngine engine;
    QVERIFY(engine.start(s));
    QTest::qWait(30);
    engine.cancel();
    QVERIFY(engine.waitForFinished(60000));
    const auto record = engine.record();
    qsizetype ok = 0;
    qsizetype cancelled = 0;
    for (qsizetype i = 0; i < record->taskCount(); ++i) {
        const TaskSample t = record->sample(i);
        QVERIFY(isTerminal(t.status));
        (t.status == TaskStatus::Ok ? ok : cancelled) += 1;
        if (t.hasStarted())
            QVERIFY(t.pickedNs >= 0 && t.pickedNs <= t.startedNs);
    }
    QCOMPARE(ok + cancelled, record->taskCount());
    QVERIFY(cancelled > 0);
    QVERIFY(most(*record, &TaskSample::startedNs, &TaskSample::finishedNs) <= 4);
}

void tst_Admission::waitingWorkersDoNotBurnCpu()
{
    // Limit 1 on a pool of 64: 63 threads wait for the permit all run long. Blocked in
    // QSemaphore::acquire they cost nothing; spinning, they would burn at least a core for the
    // whole run. The baseline is the same batch on a pool of one thread, measured here, so what
    // a sanitizer or a loaded machine adds to every run cancels out; what remains is the waiting
    // threads' cost (their creation included), which must stay far below a core.
    const auto measure = [](int threads, double *wall) {
        Scenario s = sleeps(64, 0.02, 1.0);
        s.options.limit = 1;
        s.options.threads = threads;
        const double cpuBefore = processCpuSeconds();
        const auto wallStart = std::chrono::steady_clock::now();
        const auto record = runToEnd(s);
        *wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
        const double cpu = processCpuSeconds() - cpuBefore;
        if (!record || most(*record, &TaskSample::startedNs, &TaskSample::finishedNs) != 1)
            return -1.0;
        return cpu;
    };
    QCOMPARE(sleeps(64, 0.02, 1.0).options.effectiveThreads(64), 64);
    double baselineWall = 0;
    double wall = 0;
    const double baseline = measure(1, &baselineWall);
    const double cpu = measure(64, &wall);
    QVERIFY(baseline >= 0 && cpu >= 0);
    QVERIFY2(cpu - baseline < 0.5 * wall,
             qPrintable(u"64 threads: cpu %1 s over %2 s; one thread: cpu %3 s"_s.arg(cpu)
                                .arg(wall)
                                .arg(baseline)));
}

QTEST_GUILESS_MAIN(tst_Admission)
#include "tst_admission.moc"
