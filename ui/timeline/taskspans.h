#pragma once

#include <QtGlobal>

class RunRecord;

// How a bar is drawn, in painting order (failures on top, so they stay visible when aggregated).
// WaitStyle: waiting for a pool thread (submitted to picked); PermitWaitStyle: holding a pool
// thread while waiting for a permit (picked to started, in-task admission).
enum BarStyle {
    GhostStyle,
    WaitStyle,
    PermitWaitStyle,
    RunStyle,
    CancelledStyle,
    FailedStyle,
    StyleCount
};

// The wait and run segments of one task in real nanoseconds, as the lanes draw them.
struct TaskSpans
{
    qint64 waitFrom = 0; // waiting for a thread
    qint64 waitTo = 0;
    qint64 permitFrom = -1; // holding a thread, waiting for a permit; -1 when the task never did
    qint64 permitTo = -1;
    qint64 runFrom = -1; // -1 when the task never started
    qint64 runTo = -1;
    BarStyle waitStyle = WaitStyle;
    BarStyle permitStyle = PermitWaitStyle;
    BarStyle runStyle = RunStyle;

    bool hasPermitWait() const { return permitFrom >= 0 && permitTo > permitFrom; }
    // Where the task's bars end: its run's end, or its last wait's when it never started.
    qint64 end() const { return runFrom >= 0 ? runTo : permitFrom >= 0 ? permitTo : waitTo; }

    // Task i of r, open bars ending at now; false when the task was not submitted.
    static bool read(const RunRecord &r, qsizetype i, qint64 now, TaskSpans *spans);
};

// Scenario seconds per real nanosecond of a run: what turns its timestamps into the time axis.
double scenarioSecondsPerNs(const RunRecord &r);
