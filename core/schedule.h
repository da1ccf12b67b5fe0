#pragma once

#include "scenario.h"

#include <QList>

class RunRecord;

// The ideal schedule with no overhead, on a model of the machine: the pool's threads, the limit's
// permits and each gate's, taken in the admission's order (fifo: the oldest task whose gate has a
// free permit; in-task: a thread first, then the global permit, then the gate's, each in FIFO
// order), and `cpu` tasks sharing the cores (processor sharing among the CPU tasks running at
// once). Without cpu tasks on too few cores and without gates it is the FIFO list schedule:
// tasks start in submission order, each on the first of `slots` slots to become free. Times in
// scenario seconds.
struct Schedule
{
    QList<double> start;
    QList<double> finish;
    double makespan = 0.0;
    int slotCount = 0;
};

// cores: the processors CPU tasks share; 0 means QThread::idealThreadCount() (tests pass their
// own).
Schedule predictSchedule(const QList<Task> &tasks, const RunOptions &options, int cores = 0);

// What a measured run achieved, in scenario seconds.
struct RunStats
{
    qsizetype tasks = 0;
    qsizetype ok = 0;
    qsizetype failed = 0;
    qsizetype cancelled = 0;
    qsizetype started = 0;
    double makespan = 0.0; // run start to last finish
    double predictedMakespan = 0.0;
    double serial = 0.0; // sum of nominal durations
    double speedup = 0.0; // serial / makespan
    int peakConcurrency = 0; // most tasks running at once
    double meanWait = 0.0; // over started tasks
    double maxWait = 0.0;
    double meanStartDeviation = 0.0; // measured start - predicted start, over started tasks
    double maxStartDeviation = 0.0; // largest absolute deviation
    QList<double> startDeviation; // per task; NaN when the task never started
    // Most tasks of each gate running at once, in RunOptions::gates order.
    QList<int> gatePeaks;
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
QList<ConcurrencyStep> concurrencySteps(const RunRecord &record);
