#pragma once

#include "scenario.h"

#include <QList>
#include <QString>

// Scenario builders the tests share: sleeps from a list of durations, and one task of each kind.

Task sleepTask(double duration, const QString &label = QString(),
               const QString &message = QString());
Task cpuTask(double duration);
Task httpTask(const QString &url, double timeout = 10.0);

// One sleep task per duration, in order.
QList<Task> sleepTasks(const QList<double> &durations);

// Sleeps of `durations` run with `limit` (0: unlimited) at `timeScale` real seconds per scenario
// second on `threads` pool threads (0: the default).
Scenario makeScenario(const QList<double> &durations, int limit = 0, double timeScale = 1.0,
                      int threads = 0);

// `scenario` with its time scale replaced (presets come with their own).
Scenario atTimeScale(Scenario scenario, double timeScale);
