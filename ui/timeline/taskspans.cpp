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
    t.runStyle = RunStyle;
    if (s.startedNs >= 0) {
        t.waitTo = s.startedNs;
        t.runFrom = s.startedNs;
        t.runTo = s.finishedNs >= 0 ? std::max(s.finishedNs, s.startedNs)
                                    : std::max(now, s.startedNs);
        if (s.status == TaskStatus::Failed)
            t.runStyle = FailedStyle;
        else if (s.status == TaskStatus::Cancelled)
            t.runStyle = CancelledStyle;
    } else {
        // Never started: waiting until now, or until it was cancelled.
        t.waitTo = s.finishedNs >= 0 ? s.finishedNs : std::max(now, s.submittedNs);
        t.runFrom = t.runTo = -1;
        if (s.status == TaskStatus::Cancelled)
            t.waitStyle = CancelledStyle;
    }
    return true;
}
