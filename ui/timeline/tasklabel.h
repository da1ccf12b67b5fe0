#pragma once

#include "scenario.h"

#include <QCoreApplication>
#include <QString>

// A task's name on screen: its label, or one made from its duration in the interface's language
// ("5 秒" in Japanese). Task::displayLabel() is the English one the files (CSV, trace) keep.
inline QString taskScreenLabel(const Task &task)
{
    if (!task.label().isEmpty())
        return task.label();
    switch (task.kind) {
    case TaskKind::Http:
        return QCoreApplication::translate("TaskLabel", "GET %1").arg(task.url());
    case TaskKind::Cpu:
        return QCoreApplication::translate("TaskLabel", "cpu %1 s")
                .arg(formatSeconds(task.duration));
    case TaskKind::Sleep:
    case TaskKind::Trace:
        break;
    }
    return QCoreApplication::translate("TaskLabel", "%1 s").arg(formatSeconds(task.duration));
}
