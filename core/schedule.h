#pragma once

#include "scenario.h"

#include <QList>

#include <vector>

class RunRecord;
struct StepBlocks;

// The ideal schedule with no overhead, on a model of the machine: the pool's threads, the limit's
// permits and each gate's, taken in the admission's order (fifo: the oldest task whose gate has a
// free permit; in-task: a thread first, then the global permit, then the gate's, each in FIFO
// order), and `cpu` tasks sharing the cores (processor sharing among the CPU tasks running at
// once). Without cpu tasks on too few cores and without gates it is the FIFO list schedule:
// tasks start in submission order, each on the first of `slots` slots to become free. Times in
// scenario seconds.
//
// local:/work tasks (Task::isServerWork()) are simulated against the scenario's ServerModel: each
// start sends a request; the requests in service share the server's capacity (processor sharing on
// a virtual clock, like the CPU tasks on the cores); one that finds maxInFlight in service is
// rejected (429) at once; every answer arrives `latency` later. A rejected attempt is retried after
// retryDelay() (retry.h) while the task has retries left, otherwise the task fails when the answer
// arrives. A task keeps its thread and permits throughout, and its timeout (from its start) fails
// it too. Its finish is when its last answer arrived.
struct Schedule
{
    QList<double> start;
    QList<double> finish;
    double makespan = 0.0;
    int slotCount = 0;
    // Only for a batch with local:/work tasks, empty otherwise (a million sleeps do not pay for
    // them): the requests each task sent (1 + its retries; 0 for other tasks) and whether it
    // failed.
    QList<quint8> attempts;
    QList<bool> failedTasks;
    qsizetype retries = 0; // requests after each task's first, over the batch
    qsizetype rejected = 0; // 429 answers
    qsizetype failed = 0;

    bool hasServerWork() const { return !attempts.isEmpty(); }
    bool taskFailed(qsizetype i) const { return i < failedTasks.size() && failedTasks.at(i); }
};

// cores: the processors CPU tasks share; 0 means QThread::idealThreadCount() (tests pass their
// own).
Schedule predictSchedule(const QList<Task> &tasks, const RunOptions &options, int cores = 0);

// What a measured run achieved, in scenario seconds. A run that was stopped or had failures is
// measured over what ran: a task that never started adds nothing but its count, a task cancelled
// while running adds the time it ran; a task never submitted (only a record read from a file can
// hold one) counts by its status alone. For any record these hold (the property test checks them):
// ok + failed + cancelled == tasks (once every task has ended), speedup <= peakConcurrency,
// 0 <= meanWait <= maxWait <= makespan, busy <= makespan * peakConcurrency.
struct RunStats
{
    qsizetype tasks = 0;
    qsizetype ok = 0;
    qsizetype failed = 0;
    qsizetype cancelled = 0;
    qsizetype started = 0; // ran to their end or until cancelled
    qsizetype cancelledRunning = 0; // cancelled after they started (also counted in cancelled)
    // Every task ran to its end, ok or failed: only then is the makespan comparable to the
    // prediction, which is the whole batch's.
    bool completed = false;
    double makespan = 0.0; // run start to its last event (the stop, for a stopped run)
    double predictedMakespan = 0.0; // the whole batch's ideal schedule, whatever ran
    // Work done, the time one thread would have needed for it: over started tasks, each one's
    // nominal duration, or the time it ran when that is shorter (cancelled or failed early).
    double serial = 0.0;
    double busy = 0.0; // measured run time (finish - start) summed over started tasks
    double speedup = 0.0; // serial / makespan
    int peakConcurrency = 0; // most tasks running at once
    double meanWait = 0.0; // start - submit, over started tasks
    double maxWait = 0.0;
    // The latency a user sees, that a limit trades against makespan: the mean of finish - submit
    // over the tasks that ran to their end (ok or failed); cancelled tasks have no completion.
    // 0 when none did.
    double meanCompletion = 0.0;
    qsizetype completions = 0; // the tasks meanCompletion is over: ok + failed
    double meanStartDeviation = 0.0; // measured start - predicted start, over started tasks
    double maxStartDeviation = 0.0; // largest absolute deviation
    QList<double> startDeviation; // per task; NaN when the task never started
    // Most tasks of each gate running at once, in RunOptions::gates order.
    QList<int> gatePeaks;
    qsizetype retries = 0; // requests after each task's first (RunRecord::totalRetries())
    qsizetype rejected = 0; // 429 answers (RunRecord::totalRejected())
};

// Running (and waiting) tasks over time, from the record's timestamps: a step function.
struct ConcurrencyStep
{
    qint64 ns = 0; // real nanoseconds since the run's start
    int running = 0; // from this time on
    int waiting = 0;
};
Q_DECLARE_TYPEINFO(ConcurrencyStep, Q_PRIMITIVE_TYPE);

// steps, when given, are concurrencySteps(record): the peak is read from them instead of sorting
// the record's timestamps again.
RunStats computeStats(const RunRecord &record, const Schedule &prediction,
                      const QList<ConcurrencyStep> *steps = nullptr);
// blocks, when given, are built along (StepBlocks::add) and must be empty.
QList<ConcurrencyStep> concurrencySteps(const RunRecord &record, StepBlocks *blocks = nullptr);

// Each gate's running tasks over time, in RunOptions::gates order: the step function of the tasks
// behind that gate, by concurrencySteps()'s rules (a task that was never submitted takes no part,
// at one instant finishes come before starts), one step per distinct instant. Running only:
// waiting stays 0. Its peak is RunStats::gatePeaks' entry. One pass over the record for all gates.
QList<QList<ConcurrencyStep>> gateConcurrencySteps(const RunRecord &record);
// The same for one gate (an index into RunOptions::gates); empty for another index.
QList<ConcurrencyStep> gateConcurrencySteps(const RunRecord &record, int gate);
// The gate of each task as an index into RunOptions::gates, -1 for none (or an unknown name).
std::vector<int> gatesOfTasks(const RunRecord &record);
