#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

class RunRecord;

// What a waiting task waits for at an instant, read from the record: the resource that bound it
// then (a permit of the global limit, its gate's, or a pool thread) and the tasks holding it.
// In-task admission splits the wait where a thread took the task: before, it waits for a thread;
// after, holding one, for its permits. Fifo admission takes a permit (and the gate's) before a
// thread: the full one of them, in that order, is the one it waits for.
struct TaskWaitReason
{
    // Its strings belong to the timeline view in the translations, beside the tooltip's.
    Q_DECLARE_TR_FUNCTIONS(TimelineView)
public:
    enum class Resource { None, Permit, Gate, PoolThread };
    Resource resource = Resource::None;
    int limit = 0; // the permits, the gate's limit or the pool's threads
    QString gate;
    QList<int> holders; // tasks (0-based) holding the resource then, in task order

    // Task `task` of r at real time ns (ns before its submission reads as its submission); None
    // when it was not waiting then. now: where a live run's open waits end.
    static TaskWaitReason at(const RunRecord &r, int task, qint64 ns, qint64 now);
    // "waiting for a permit (limit 2), held by #1 and #2"; at most maxHolders numbers, then "and
    // N more". Empty for None.
    QString text(int maxHolders = 5) const;
};
