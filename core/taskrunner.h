#pragma once

#include "runrecord.h"

#include <chrono>

// What a running task may ask of its run: the time scale and a cancellable wait. Every kind of
// task waits through sleepUntil() so that cancel reaches it within milliseconds.
class TaskContext
{
public:
    using Clock = std::chrono::steady_clock;

    virtual ~TaskContext() = default;
    virtual bool isCancelled() const = 0;
    // Waits until the deadline or until the run is cancelled; false when cancelled.
    virtual bool sleepUntil(Clock::time_point deadline) = 0;
    virtual double timeScale() const = 0;
    // "http://127.0.0.1:PORT" of the embedded endpoint, for local: URLs (empty when not started).
    virtual QString localBase() const = 0;
    // The run's seed for the retries' backoff jitter (RunOptions::seed).
    virtual quint32 seed() const = 0;
    // An HTTP attempt of task `index` failed (RunRecord::markAttemptFailed()).
    virtual void attemptFailed(qsizetype index, bool rejected, bool retrying) = 0;
};

struct TaskOutcome
{
    TaskStatus status = TaskStatus::Ok;
    QString text; // null: the result is derived from the task (its duration or message)
};

// Iterations of the CPU task's work loop per second of processor time on one core, measured once
// per process (100-200 ms). Call before a run starts so the first cpu task is not slowed by it.
double cpuIterationsPerSecond();
// Measures again, on every core at once as a run's cpu tasks find them, and uses the new figure
// from then on; a run with cpu tasks calls it before its clock starts (one calibration per
// process made cpu-vs-wait's second run measure 0.86 s for a 1 s task).
double recalibrateCpuIterationsPerSecond();

// At most this much of an HTTP response is read; the result keeps the first 200 characters.
constexpr qint64 httpBodyCap = 1024 * 1024;
constexpr qsizetype httpResultChars = 200;

// Runs task `index` on the calling pool thread. `started` is when the task began, on Clock.
TaskOutcome runTask(const Task &task, qsizetype index, TaskContext &context,
                    TaskContext::Clock::time_point started);
