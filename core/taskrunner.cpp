#include "taskrunner.h"

#include <QCoreApplication>

namespace {

TaskOutcome runSleep(const Task &task, TaskContext &context, TaskContext::Clock::time_point started)
{
    const auto length = std::chrono::duration_cast<TaskContext::Clock::duration>(
            std::chrono::duration<double>(task.duration * context.timeScale()));
    if (length.count() > 0 && !context.sleepUntil(started + length))
        return {TaskStatus::Cancelled, {}};
    if (context.isCancelled() && length.count() > 0)
        return {TaskStatus::Cancelled, {}};
    return {TaskStatus::Ok, {}};
}

} // namespace

TaskOutcome runTask(const Task &task, TaskContext &context, TaskContext::Clock::time_point started)
{
    switch (task.kind) {
    case TaskKind::Sleep:
        return runSleep(task, context, started);
    case TaskKind::Cpu:
    case TaskKind::Http:
        break;
    }
    return {TaskStatus::Failed,
            QCoreApplication::translate("TaskRunner", "task kind %1 is not supported")
                    .arg(taskKindName(task.kind))};
}
