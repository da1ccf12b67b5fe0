#pragma once

#include "scenario.h"

#include <QList>

// The schedule advisor: for a limited batch, how far its order is from the best one.
//   lowerBound:   no order can beat it: max(longest task, total work / slots), slots being the
//                 tasks that may run at once (RunOptions::slotCount).
//   longestFirst: the predicted makespan (predictSchedule) with the tasks in longest-processing-
//                 time-first order (LPT, within 4/3 of the optimum on identical slots).
//   current:      the predicted makespan in the current order.
// For 5,1,8,3,4 with limit 2: current 12 s, longest first 11 s, bound 10.5 s. Scenario seconds.
struct ScheduleAdvice
{
    double lowerBound = 0.0;
    double longestFirst = 0.0;
    double current = 0.0;

    // The reorder would shorten the run by more than rounding.
    bool reorderHelps() const { return longestFirst < current - 1e-9; }
};

namespace Advisor {
// Only for a limited run (options.isLimited()) of at least one task.
ScheduleAdvice advise(const QList<Task> &tasks, const RunOptions &options, int cores = 0);
// The tasks, longest first; equal durations keep their order (a stable sort).
QList<Task> longestFirst(const QList<Task> &tasks);
} // namespace Advisor
