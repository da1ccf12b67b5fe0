#include "testscenarios.h"

Task sleepTask(double duration, const QString &label, const QString &message)
{
    Task t;
    t.kind = TaskKind::Sleep;
    t.duration = duration;
    t.setLabel(label);
    t.setMessage(message);
    return t;
}

Task cpuTask(double duration)
{
    Task t;
    t.kind = TaskKind::Cpu;
    t.duration = duration;
    return t;
}

Task httpTask(const QString &url, double timeout)
{
    Task t;
    t.kind = TaskKind::Http;
    t.setUrl(url);
    t.timeout = timeout;
    return t;
}

QList<Task> sleepTasks(const QList<double> &durations)
{
    QList<Task> tasks;
    tasks.reserve(durations.size());
    for (double d : durations)
        tasks.append(sleepTask(d));
    return tasks;
}

Scenario makeScenario(const QList<double> &durations, int limit, double timeScale, int threads)
{
    Scenario s;
    s.tasks = sleepTasks(durations);
    s.options.limit = limit;
    s.options.timeScale = timeScale;
    s.options.threads = threads;
    return s;
}

Scenario atTimeScale(Scenario scenario, double timeScale)
{
    scenario.options.timeScale = timeScale;
    return scenario;
}
