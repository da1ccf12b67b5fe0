#pragma once

#include "scenario.h"

#include <QList>

class RunRecord;

// The ideal FIFO list schedule: tasks start in submission order, each on the first of `slots`
// slots to become free, with no overhead. Times in scenario seconds.
struct Schedule
{
    QList<double> start;
    QList<double> finish;
    double makespan = 0.0;
    int slotCount = 0;
};

Schedule predictSchedule(const QList<Task> &tasks, const RunOptions &options);

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
