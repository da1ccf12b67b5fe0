#pragma once

#include <QtGlobal>

class RunRecord;

// How a bar is drawn, in painting order (failures on top, so they stay visible when aggregated).
enum BarStyle { GhostStyle, WaitStyle, RunStyle, CancelledStyle, FailedStyle, StyleCount };

// The wait and run segments of one task in real nanoseconds, as the lanes draw them.
struct TaskSpans
{
    qint64 waitFrom = 0;
    qint64 waitTo = 0;
    qint64 runFrom = -1; // -1 when the task never started
    qint64 runTo = -1;
    BarStyle waitStyle = WaitStyle;
    BarStyle runStyle = RunStyle;

    // Task i of r, open bars ending at now; false when the task was not submitted.
    static bool read(const RunRecord &r, qsizetype i, qint64 now, TaskSpans *spans);
};

// Scenario seconds per real nanosecond of a run: what turns its timestamps into the time axis.
double scenarioSecondsPerNs(const RunRecord &r);
