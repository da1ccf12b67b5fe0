#include "taskspans.h"

#include "runrecord.h"

#include <algorithm>

double scenarioSecondsPerNs(const RunRecord &r)
{
    return 1.0 / (1e9 * r.options().timeScale);
}

bool TaskSpans::read(const RunRecord &r, qsizetype i, qint64 now, TaskSpans *spans)
{
    const TaskSample s = r.sample(i);
    if (s.submittedNs < 0)
        return false;
    TaskSpans &t = *spans;
    t.waitFrom = s.submittedNs;
    t.waitStyle = WaitStyle;
    t.permitStyle = PermitWaitStyle;
    t.runStyle = RunStyle;
    t.permitFrom = t.permitTo = -1;
    // Where the wait ends: the start, or the cancellation (or now) of a task that never started.
    const qint64 waitEnd = s.startedNs >= 0    ? s.startedNs
                           : s.finishedNs >= 0 ? s.finishedNs
                                               : std::max(now, s.submittedNs);
    // A thread took the task before its start (in-task admission): the wait splits there. A file
    // may hold a picked time outside [submitted, end]; it is clamped, like the trace does.
    const bool picked = s.pickedNs >= 0 && s.pickedNs != s.startedNs && s.pickedNs < waitEnd;
    if (picked) {
        t.waitTo = std::max(s.pickedNs, s.submittedNs);
        t.permitFrom = t.waitTo;
        t.permitTo = waitEnd;
    } else {
        t.waitTo = waitEnd;
    }
    if (s.startedNs >= 0) {
        t.runFrom = s.startedNs;
        t.runTo = s.finishedNs >= 0 ? std::max(s.finishedNs, s.startedNs)
                                    : std::max(now, s.startedNs);
        if (s.status == TaskStatus::Failed)
            t.runStyle = FailedStyle;
        else if (s.status == TaskStatus::Cancelled)
            t.runStyle = CancelledStyle;
    } else {
        // Never started: waiting until now, or until it was cancelled (its last wait ends there).
        t.runFrom = t.runTo = -1;
        if (s.status == TaskStatus::Cancelled)
            (picked ? t.permitStyle : t.waitStyle) = CancelledStyle;
    }
    return true;
}
