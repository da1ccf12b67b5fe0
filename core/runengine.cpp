#include "runengine.h"

#include "localendpoint.h"
#include "runrecord.h"
#include "taskrunner.h"
#include "tsanannotations.h"

#include <QCoreApplication>
#include <QEvent>
#include <QRunnable>
#include <QSemaphore>
#include <QThread>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <vector>

using Clock = TaskContext::Clock;

namespace {

std::atomic<quint64> g_nextRunId{1};

// Ordinal of the calling pool thread within run `runId`, assigned 1, 2, ... on first use.
int workerOrdinal(quint64 runId, std::atomic<int> &counter)
{
    thread_local quint64 t_runId = 0;
    thread_local int t_ordinal = 0;
    if (t_runId != runId) {
        t_runId = runId;
        t_ordinal = counter.fetch_add(1, std::memory_order_relaxed) + 1;
    }
    return t_ordinal;
}

// A job for the run's pool whose hand-offs ThreadSanitizer can see. QThreadPool queues jobs and
// waitForDone() waits behind Qt's own (uninstrumented) mutex, so TSan would see neither edge and
// report the job's captures and the RunState it touches as races. The job is built, then released
// on its own address before QThreadPool::start(); run() acquires that address before it reads
// anything and releases `finished` as its last action, which waitForPool() acquires.
class PoolJob final : public QRunnable
{
public:
    PoolJob(std::function<void()> work, const void *finished)
        : m_work(std::move(work))
        , m_finished(finished)
    {
    }

    void run() override
    {
        Tsan::acquire(this);
        m_work();
        Tsan::release(m_finished);
    }

private:
    std::function<void()> m_work;
    const void *m_finished = nullptr;
};

// The "run complete" notification, posted to the engine from whichever thread recorded the last
// finish. An event of our own rather than a queued functor: its address is known before
// postEvent(), so the hand-off through Qt's event queue can be annotated exactly.
class RunCompleteEvent final : public QEvent
{
public:
    explicit RunCompleteEvent(quint64 id)
        : QEvent(eventType())
        , runId(id)
    {
    }
    static QEvent::Type eventType()
    {
        static const auto type = QEvent::Type(QEvent::registerEventType());
        return type;
    }

    const quint64 runId;
};

} // namespace

// Everything the pool threads and the dispatcher share. Owned by the engine, which waits for
// every thread that touches it before letting it go.
struct RunState final : TaskContext
{
    RunState(std::shared_ptr<RunRecord> rec, int permits)
        : record(std::move(rec))
        , limitPermits(permits)
        , runId(g_nextRunId.fetch_add(1))
    {
    }

    bool isCancelled() const override { return cancelled.load(std::memory_order_acquire); }
    double timeScale() const override { return record->options().timeScale; }
    QString localBase() const override { return localEndpointBase; }
    quint32 seed() const override { return record->options().seed; }
    void attemptFailed(qsizetype index, bool rejected, bool retrying) override
    {
        record->markAttemptFailed(index, now(), rejected, retrying);
    }
    bool sleepUntil(Clock::time_point deadline) override
    {
        std::unique_lock lock(sleepMutex);
        return !sleepWake.wait_until(lock, deadline, [this] { return isCancelled(); });
    }

    qint64 now() const
    {
        const Clock::rep start = t0.load(std::memory_order_acquire);
        if (start == 0)
            return 0;
        return std::chrono::duration_cast<std::chrono::nanoseconds>(
                       Clock::now() - Clock::time_point(Clock::duration(start)))
                .count();
    }
    Clock::time_point startTime() const
    {
        return Clock::time_point(Clock::duration(t0.load(std::memory_order_acquire)));
    }

    // Creates the pool's threads before the clock starts, so an unlimited run measures its tasks
    // and not thread creation: each warm-up job holds its thread until all have started. Their
    // end is awaited here, not with pool.waitForDone(): in Qt 6.4 that also deletes every thread
    // of the pool (QThreadPoolPrivate::reset), which would undo the warm-up.
    void warmUp(int threads)
    {
        std::mutex m;
        std::condition_variable cv;
        int arrived = 0;
        int left = 0;
        for (int k = 0; k < threads; ++k) {
            startInPool([&] {
                std::unique_lock lock(m);
                // >=: a thread that arrives after the timeout below must not wait forever.
                if (++arrived >= threads)
                    cv.notify_all();
                else
                    cv.wait(lock, [&] { return arrived >= threads || isCancelled(); });
                ++left;
                // Under the lock: warmUp() returns, and m and cv go, once it sees the last one.
                cv.notify_all();
            });
        }
        std::unique_lock lock(m);
        cv.wait_for(lock, std::chrono::seconds(5), [&] { return arrived == threads; });
        arrived = threads; // releases the waiting ones even if some never arrived
        cv.notify_all();
        cv.wait(lock, [&] { return left == threads; });
    }

    void startInPool(std::function<void()> work)
    {
        auto *job = new PoolJob(std::move(work), &poolFinished);
        Tsan::release(job);
        pool.start(job);
    }

    void waitForPool()
    {
        pool.waitForDone();
        Tsan::acquire(&poolFinished);
    }

    // QSemaphore is invisible to TSan; a permit carries the happens-before edge a real semaphore
    // gives (every release before the acquire that takes its permit).
    void takePermit()
    {
        limitPermits.acquire(1);
        Tsan::acquire(&limitPermits);
    }
    void returnPermits(int n)
    {
        Tsan::release(&limitPermits);
        limitPermits.release(n);
    }
    void takeGate(int g)
    {
        gates[size_t(g)]->acquire(1);
        Tsan::acquire(gates[size_t(g)].get());
    }
    bool tryTakeGate(int g)
    {
        if (!gates[size_t(g)]->tryAcquire(1))
            return false;
        Tsan::acquire(gates[size_t(g)].get());
        return true;
    }
    void returnGate(int g, int n = 1)
    {
        Tsan::release(gates[size_t(g)].get());
        gates[size_t(g)]->release(n);
    }
    int gateOfTask(qsizetype index) const
    {
        return gateOf.empty() ? -1 : int(gateOf[size_t(index)]);
    }

    // Waits for every thread of the run; afterwards the caller may read and destroy all of it.
    void joinThreads()
    {
        if (dispatcher) {
            dispatcher->wait();
            Tsan::acquire(&dispatcherFinished);
        }
        waitForPool();
    }

    void requestCancel()
    {
        {
            std::lock_guard lock(sleepMutex);
            cancelled.store(true, std::memory_order_release);
        }
        sleepWake.notify_all();
        returnPermits(workers); // wakes every worker that waits for a permit
        for (size_t g = 0; g < gates.size(); ++g)
            returnGate(int(g), workers); // and every in-task task that waits for its gate
        {
            std::lock_guard lock(queueMutex);
        }
        queueWake.notify_all(); // and every fifo worker that waits for a gate's permit
    }

    void runOne(qsizetype index, int worker, qint64 pickedNs = -1)
    {
        if (isCancelled()) {
            finish(index, now(), TaskStatus::Cancelled, {});
            return;
        }
        const Clock::time_point startedAt = Clock::now();
        const qint64 startNs =
                std::chrono::duration_cast<std::chrono::nanoseconds>(startedAt - startTime())
                        .count();
        record->markStarted(index, startNs, worker, pickedNs);
        const TaskOutcome outcome = runTask(record->task(index), index, *this, startedAt);
        finish(index, now(), outcome.status, outcome.text);
    }

    void finish(qsizetype index, qint64 ns, TaskStatus status, const QString &text)
    {
        record->markFinished(index, ns, status, text);
        if (remaining.fetch_sub(1, std::memory_order_acq_rel) == 1)
            notifyComplete();
    }

    // Fifo admission, one per pool thread. A permit is not tied to a task: whoever gets one takes
    // the next task in submission order, so admission is FIFO whichever waiter QSemaphore wakes.
    // A worker keeps its permit from one task to the next: the same as returning it and taking
    // it again, without a futex wake per task while the rest of a 512-thread pool sleeps in
    // acquire() (the 1M-task CLI run in scripts/bench.sh stays as fast as with a pool of `limit`).
    // The permit goes back only after the last finish is recorded, so the record never shows more
    // tasks running than the limit.
    void workerLoop()
    {
        const qsizetype n = record->taskCount();
        takePermit();
        const int worker = workerOrdinal(runId, nextWorker); // running workers are 1, 2, ...
        for (;;) {
            const qsizetype index =
                    isCancelled() ? n : next.fetch_add(1, std::memory_order_relaxed);
            if (index >= n)
                break;
            runOne(index, worker);
        }
        returnPermits(1);
    }

    // Fifo admission with gates: a worker holding a global permit takes the oldest task whose
    // gate has a free permit (tryAcquire under the queue lock), so a task never holds a thread
    // while it waits for its gate and a full gate does not hold up the tasks behind it.
    bool takeEligible(qsizetype *index, int *gate)
    {
        std::vector<size_t> order; // queues with tasks left, oldest head first
        for (size_t q = 0; q < queues.size(); ++q) {
            if (heads[q] < queues[q].size())
                order.push_back(q);
        }
        std::sort(order.begin(), order.end(),
                  [this](size_t a, size_t b) { return queues[a][heads[a]] < queues[b][heads[b]]; });
        for (size_t q : order) {
            const int g = int(q) - 1;
            if (g >= 0 && !tryTakeGate(g))
                continue;
            *index = queues[q][heads[q]++];
            *gate = g;
            return true;
        }
        return false;
    }

    void gatedWorkerLoop()
    {
        takePermit();
        const int worker = workerOrdinal(runId, nextWorker);
        for (;;) {
            qsizetype index = -1;
            int g = -1;
            {
                std::unique_lock lock(queueMutex);
                while (!isCancelled() && untaken > 0 && !takeEligible(&index, &g))
                    queueWake.wait(lock);
                if (index >= 0 && --untaken == 0)
                    queueWake.notify_all(); // the others see there is nothing left
            }
            if (index < 0)
                break;
            runOne(index, worker);
            if (g >= 0) {
                returnGate(g);
                {
                    std::lock_guard lock(queueMutex); // no lost wake-up for a worker about to wait
                }
                queueWake.notify_all();
            }
        }
        returnPermits(1);
    }

    // In-task admission: the job of task `index`, started on the pool like QThreadPool::start of
    // a QRunnable per task. It holds its thread while it waits for the global permit, then its
    // gate's; QSemaphore decides who is woken first.
    void runInTask(qsizetype index)
    {
        if (isCancelled()) {
            finish(index, now(), TaskStatus::Cancelled, {});
            return;
        }
        const qint64 pickedNs = now();
        record->markPicked(index, pickedNs);
        const int worker = workerOrdinal(runId, nextWorker);
        takePermit();
        const int g = gateOfTask(index);
        if (g >= 0)
            takeGate(g);
        runOne(index, worker, pickedNs);
        if (g >= 0)
            returnGate(g);
        returnPermits(1);
    }

    // The fifo worker loops a run starts. A worker only runs tasks while it holds a permit of the
    // limit, so with `limit` below the pool size, limit + 1 workers do everything the whole pool
    // would: `limit` holding permits and one waiting in QSemaphore::acquire for the next free
    // permit (the semaphore is contended, as in a full pool). The other threads of the pool would
    // only ever wait beside it, so they are left unstarted, as QThreadPool itself starts threads
    // on demand; the pool's size stays the bound. Starting all 512 threads of a limit-8 run cost
    // 1.6 us per task of a 100,000-task run (0.2 us now, scripts/bench.sh's
    // dispatch_engine_us_per_task_limit8) and stalled the window's thread on two cores.
    int fifoWorkers() const
    {
        if (limit > 0 && limit < workers)
            return limit + 1;
        return workers;
    }

    void dispatch()
    {
        const qsizetype n = record->taskCount();
        if (hasCpuTasks)
            recalibrateCpuIterationsPerSecond();
        const int threads = admission == Admission::InTask ? workers : fifoWorkers();
        warmUp(threads);
        t0.store(Clock::now().time_since_epoch().count(), std::memory_order_release);
        const qint64 submitted = now();
        for (qsizetype i = 0; i < n; ++i)
            record->markSubmitted(i, submitted);
        if (admission == Admission::InTask) {
            for (qsizetype i = 0; i < n && !isCancelled(); ++i) {
                startInPool([this, i] { runInTask(i); });
                next.store(i + 1, std::memory_order_relaxed);
            }
        } else {
            for (int w = 0; w < threads; ++w) {
                if (queues.empty())
                    startInPool([this] { workerLoop(); });
                else
                    startInPool([this] { gatedWorkerLoop(); });
            }
        }
        waitForPool();
        // Only a cancelled run leaves tasks nobody took; they never start.
        const qint64 cancelNs = now();
        if (queues.empty()) {
            for (qsizetype i = std::min(next.load(), n); i < n; ++i)
                finish(i, cancelNs, TaskStatus::Cancelled, {});
        } else {
            for (size_t q = 0; q < queues.size(); ++q) {
                for (size_t k = heads[q]; k < queues[q].size(); ++k)
                    finish(queues[q][k], cancelNs, TaskStatus::Cancelled, {});
            }
        }
    }

    void notifyComplete()
    {
        {
            std::lock_guard lock(sleepMutex);
            done = true;
        }
        sleepWake.notify_all();
        // One posted event per run, not per event of the run. The engine outlives this call (its
        // destructor joins every thread of the run), and Qt drops events posted to a deleted
        // object. Matched by run id, not by address: after waitForFinished() has completed this
        // run and freed its state, the next run's state may be allocated at the same address.
        auto *event = new RunCompleteEvent(runId);
        Tsan::release(event);
        QCoreApplication::postEvent(owner, event);
    }

    bool waitDone(int timeoutMs)
    {
        std::unique_lock lock(sleepMutex);
        if (timeoutMs < 0) {
            sleepWake.wait(lock, [this] { return done; });
            return true;
        }
        return sleepWake.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                                  [this] { return done; });
    }

    std::shared_ptr<RunRecord> record;
    QSemaphore limitPermits; // the global limit (the pool size when unlimited)
    std::vector<std::unique_ptr<QSemaphore>> gates; // one per RunOptions::gates entry
    std::vector<qint16> gateOf; // per task: its gate, -1 for none; empty when no gates
    Admission admission = Admission::Fifo;
    // Fifo admission with gates: [0] ungated tasks, [g + 1] gate g's, each in submission order.
    std::mutex queueMutex;
    std::condition_variable queueWake;
    std::vector<std::vector<qsizetype>> queues; // guarded by queueMutex, like heads and untaken
    std::vector<size_t> heads;
    qsizetype untaken = 0;
    QThreadPool pool;
    std::unique_ptr<QThread> dispatcher;
    // Addresses used only as TSan synchronisation points (see tsanannotations.h).
    char poolFinished = 0;
    char dispatcherFinished = 0;
    const quint64 runId;
    std::atomic<Clock::rep> t0{0}; // set by the dispatcher once the pool is warm
    std::atomic<int> nextWorker{0};
    std::atomic<qsizetype> remaining{0};
    std::atomic<qsizetype> next{0}; // the next task to take, in submission order
    int workers = 1; // the pool's size
    int limit = 0; // the global limit, 0 when unlimited
    std::atomic<bool> cancelled{false};
    std::mutex sleepMutex;
    std::condition_variable sleepWake;
    bool done = false; // guarded by sleepMutex
    bool hasCpuTasks = false;
    QString localEndpointBase; // set before the dispatcher starts, read-only afterwards
    RunEngine *owner = nullptr;
};

RunEngine::RunEngine(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(progressIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &RunEngine::publish);
}

RunEngine::~RunEngine()
{
    if (m_state) {
        m_state->requestCancel();
        launch(); // a prepared run ends (all cancelled) only once its dispatcher has run
        m_state->waitDone(-1);
        m_state->joinThreads();
    }
    joinReaper(); // nothing of any run outlives the engine
}

void RunEngine::joinReaper()
{
    if (m_reaper.joinable())
        m_reaper.join();
}

bool RunEngine::start(const Scenario &scenario)
{
    if (!prepare(scenario))
        return false;
    launch();
    return true;
}

bool RunEngine::prepare(const Scenario &scenario)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (m_running)
        return false;
    m_cancelled = false;
    m_record = std::make_shared<RunRecord>(scenario);
    m_prediction = predictSchedule(scenario.tasks, scenario.options);
    const qsizetype n = scenario.tasks.size();
    const int threads = scenario.options.effectiveThreads(n);
    auto state = std::make_shared<RunState>(
            m_record, scenario.options.isLimited() ? scenario.options.limit : threads);
    state->workers = int(std::min<qsizetype>(threads, std::max<qsizetype>(n, 1)));
    state->limit = scenario.options.isLimited() ? scenario.options.limit : 0;
    state->owner = this;
    const RunOptions &options = scenario.options;
    state->admission = options.admission;
    if (options.hasGates()) {
        for (const Gate &g : options.gates)
            state->gates.push_back(std::make_unique<QSemaphore>(g.limit));
        state->gateOf.resize(size_t(n));
        for (qsizetype i = 0; i < n; ++i) {
            const QString &name = scenario.tasks.at(i).gate();
            state->gateOf[size_t(i)] = qint16(name.isEmpty() ? -1 : options.gateIndex(name));
        }
        if (options.admission == Admission::Fifo) {
            state->queues.resize(options.gates.size() + 1);
            state->heads.assign(state->queues.size(), 0);
            for (qsizetype i = 0; i < n; ++i)
                state->queues[size_t(state->gateOf[size_t(i)] + 1)].push_back(i);
            state->untaken = n;
        }
    }
    state->remaining.store(n);
    state->pool.setMaxThreadCount(state->workers);
    state->pool.setObjectName(QStringLiteral("tasklanes-pool"));
    bool needsEndpoint = false;
    for (const Task &t : scenario.tasks) {
        state->hasCpuTasks = state->hasCpuTasks || t.kind == TaskKind::Cpu;
        needsEndpoint =
                needsEndpoint || (t.kind == TaskKind::Http && LocalEndpoint::isLocal(t.url()));
    }
    m_serverId = 0;
    if (needsEndpoint && LocalEndpoint::instance()->isListening()) {
        // A server of its own per run: its model, and counters no other run adds to.
        LocalEndpoint *endpoint = LocalEndpoint::instance();
        m_serverId = endpoint->addServer(options.server, options.timeScale);
        state->localEndpointBase = endpoint->serverBaseUrl(m_serverId);
    }
    m_state = state;
    m_running = true;
    m_launched = false;
    return true;
}

void RunEngine::launch()
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (!m_running || m_launched || !m_state)
        return;
    m_launched = true;
    const std::shared_ptr<RunState> state = m_state;
    if (m_record->taskCount() == 0) {
        state->t0.store(Clock::now().time_since_epoch().count());
        state->notifyComplete();
    } else {
        state->dispatcher.reset(QThread::create([s = state.get()] {
            s->dispatch();
            Tsan::release(&s->dispatcherFinished);
        }));
        state->dispatcher->setObjectName(QStringLiteral("tasklanes-dispatch"));
        state->dispatcher->start();
    }
    m_timer->start();
    Q_EMIT started();
}

void RunEngine::cancel()
{
    if (m_running && m_state)
        m_state->requestCancel();
}

bool RunEngine::isRunning() const
{
    return m_running;
}

bool RunEngine::isCancelRequested() const
{
    return m_state ? m_state->isCancelled() : m_cancelled;
}

std::shared_ptr<const RunRecord> RunEngine::record() const
{
    return m_record;
}

qint64 RunEngine::elapsedNs() const
{
    return m_state ? m_state->now() : m_lastElapsedNs;
}

bool RunEngine::waitForFinished(int timeoutMs)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (!m_running)
        return true;
    launch(); // a prepared run that nobody launched would never end
    if (!m_state->waitDone(timeoutMs))
        return false;
    complete(m_state.get());
    joinReaper(); // for tools: nothing of the run is left running when this returns
    return true;
}

bool RunEngine::event(QEvent *event)
{
    // Acquire before reading anything of the event: a pool or dispatcher thread built it, and
    // TSan does not see Qt's posted-event queue.
    Tsan::acquire(event);
    if (event->type() == RunCompleteEvent::eventType()) {
        const quint64 id = static_cast<const RunCompleteEvent *>(event)->runId;
        if (m_state && m_state->runId == id)
            complete(m_state.get());
        return true;
    }
    return QObject::event(event);
}

void RunEngine::publish()
{
    if (!m_record)
        return;
    const qsizetype before = m_record->publishedEventCount();
    const qsizetype after = m_record->publishEvents();
    if (after > before)
        Q_EMIT progress(before, after);
}

void RunEngine::complete(RunState *state)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (!m_running || state != m_state.get())
        return; // a late notification of a run already completed by waitForFinished()
    // Every task has its terminal status and every event is written. Joining the pool's threads
    // (Qt 6.4's waitForDone deletes them) took ~100 ms for a pool of 512 on this thread, the
    // window's longest stall: a reaper thread joins them and frees the run's state instead.
    m_cancelled = state->isCancelled();
    m_lastElapsedNs = state->now();
    joinReaper();
    m_reaper = std::thread([done = std::move(m_state)]() mutable {
        done->joinThreads();
        done.reset();
    });
    m_timer->stop();
    m_running = false;
    publish();
    Q_EMIT finished();
}
