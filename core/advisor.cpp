#include "advisor.h"

#include "schedule.h"

#include <algorithm>
#include <numeric>

QList<Task> Advisor::longestFirst(const QList<Task> &tasks)
{
    QList<Task> sorted = tasks;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Task &a, const Task &b) { return a.duration > b.duration; });
    return sorted;
}

ScheduleAdvice Advisor::advise(const QList<Task> &tasks, const RunOptions &options, int cores)
{
    ScheduleAdvice advice;
    if (tasks.isEmpty())
        return advice;
    double total = 0.0;
    double longest = 0.0;
    for (const Task &t : tasks) {
        total += t.duration;
        longest = std::max(longest, t.duration);
    }
    const int slots = std::max(1, options.slotCount(tasks.size()));
    advice.lowerBound = std::max(longest, total / slots);
    advice.current = predictSchedule(tasks, options, cores).makespan;
    advice.longestFirst = predictSchedule(longestFirst(tasks), options, cores).makespan;
    return advice;
}
