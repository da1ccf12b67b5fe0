#include "taskwaitreason.h"

#include "runrecord.h"

#include <algorithm>
#include <limits>

namespace {

struct Held
{
    QList<int> running; // started, not finished
    QList<int> gateRunning; // the same, in the waiting task's gate
    QList<int> threads; // holding a pool thread (picked, or started in fifo admission)
};

Held heldAt(const RunRecord &r, int task, int gate, qint64 ns)
{
    Held held;
    const RunOptions &options = r.options();
    for (qsizetype j = 0; j < r.taskCount(); ++j) {
        if (j == task)
            continue;
        const TaskSample s = r.sample(j);
        const qint64 holdFrom = s.pickedNs >= 0 ? s.pickedNs : s.startedNs;
        const qint64 end = s.finishedNs >= 0 ? s.finishedNs : std::numeric_limits<qint64>::max();
        if (holdFrom < 0 || holdFrom > ns || ns >= end)
            continue;
        held.threads.append(int(j));
        if (s.startedNs < 0 || s.startedNs > ns)
            continue;
        held.running.append(int(j));
        if (gate >= 0 && options.gateIndex(r.task(j).gate()) == gate)
            held.gateRunning.append(int(j));
    }
    return held;
}

} // namespace

TaskWaitReason TaskWaitReason::at(const RunRecord &r, int task, qint64 ns, qint64 now)
{
    TaskWaitReason reason;
    if (task < 0 || task >= r.taskCount())
        return reason;
    const TaskSample s = r.sample(task);
    if (s.submittedNs < 0)
        return reason;
    const qint64 waitEnd = s.startedNs >= 0    ? s.startedNs
                           : s.finishedNs >= 0 ? s.finishedNs
                                               : std::max(now, s.submittedNs);
    ns = std::max(ns, s.submittedNs);
    if (ns >= waitEnd)
        return reason;
    const RunOptions &options = r.options();
    const int gate = options.gateIndex(r.task(task).gate());
    const Held held = heldAt(r, task, gate, ns);
    const int threads = options.effectiveThreads(r.taskCount());
    const int gateLimit = gate >= 0 ? options.gates.at(gate).limit : 0;
    const bool permitsFull = options.isLimited() && held.running.size() >= options.limit;
    const bool gateFull = gate >= 0 && held.gateRunning.size() >= gateLimit;
    const bool holdsThread = s.pickedNs >= 0 && s.pickedNs != s.startedNs && s.pickedNs <= ns;
    const auto wait = [&](Resource resource) {
        reason.resource = resource;
        switch (resource) {
        case Resource::Permit:
            reason.limit = options.limit;
            reason.holders = held.running;
            break;
        case Resource::Gate:
            reason.limit = gateLimit;
            reason.gate = options.gates.at(gate).name;
            reason.holders = held.gateRunning;
            break;
        case Resource::PoolThread:
            reason.limit = threads;
            reason.holders = held.threads;
            break;
        case Resource::None:
            break;
        }
        return reason;
    };
    if (options.admission == Admission::InTask && !holdsThread)
        return wait(Resource::PoolThread);
    if (permitsFull)
        return wait(Resource::Permit);
    if (gateFull)
        return wait(Resource::Gate);
    if (!holdsThread && held.threads.size() >= threads)
        return wait(Resource::PoolThread);
    // Nothing full at this very instant (a permit changing hands): what it waits behind at all.
    return wait(options.isLimited() ? Resource::Permit
                : gate >= 0         ? Resource::Gate
                                    : Resource::PoolThread);
}

QString TaskWaitReason::text(int maxHolders) const
{
    QString what;
    switch (resource) {
    case Resource::None:
        return {};
    case Resource::Permit:
        what = tr("waiting for a permit (limit %1)").arg(limit);
        break;
    case Resource::Gate:
        what = tr("waiting for the %1 gate (%2)").arg(gate).arg(limit);
        break;
    case Resource::PoolThread:
        what = tr("waiting for a pool thread (%1)").arg(limit);
        break;
    }
    if (holders.isEmpty())
        return what;
    QStringList numbers;
    for (qsizetype i = 0; i < holders.size() && i < maxHolders; ++i)
        numbers << QStringLiteral("#%1").arg(holders.at(i) + 1);
    const qsizetype more = holders.size() - numbers.size();
    QString list;
    if (more > 0)
        list = tr("%1 and %n more", "", int(more)).arg(numbers.join(QStringLiteral(", ")));
    else if (numbers.size() == 1)
        list = numbers.first();
    else
        list = tr("%1 and %2")
                       .arg(numbers.mid(0, numbers.size() - 1).join(QStringLiteral(", ")),
                            numbers.last());
    return tr("%1, held by %2").arg(what, list);
}
