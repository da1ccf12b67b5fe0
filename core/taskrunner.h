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
};

struct TaskOutcome
{
    TaskStatus status = TaskStatus::Ok;
    QString text; // null: the result is derived from the task (its duration or message)
};

// Iterations of the CPU task's work loop per second on one idle core, measured once per process
// (about 50 ms). Call before a run starts so the first cpu task is not slowed by it.
double cpuIterationsPerSecond();
// Measures again (about 50 ms) and uses the new figure from then on. A run with cpu tasks calls it
// before its clock starts: a virtual machine's processor may run 10-20 % faster after a few
// seconds of load than when the process started (cpu-vs-wait's second run measured 0.86 s for a
// 1 s task with one calibration per process).
double recalibrateCpuIterationsPerSecond();

// At most this much of an HTTP response is read; the result keeps the first 200 characters.
constexpr qint64 httpBodyCap = 1024 * 1024;
constexpr qsizetype httpResultChars = 200;

// Runs one task on the calling pool thread. `started` is when the task began, on Clock.
TaskOutcome runTask(const Task &task, TaskContext &context, TaskContext::Clock::time_point started);
