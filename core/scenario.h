#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

// What a task does when it runs. New kinds are added here and in taskrunner.cpp; everything else
// (record, schedule, exports, views) treats a task by its duration and kind name only.
enum class TaskKind : quint8 {
    Sleep,
    Cpu,
    Http,
};

QString taskKindName(TaskKind kind);
std::optional<TaskKind> taskKindFromName(QStringView name);

struct Task
{
    TaskKind kind = TaskKind::Sleep;
    double duration = 0.0; // scenario seconds
    double timeout = 10.0; // scenario seconds, http only
    QString label; // empty: derived from the duration ("5 s")
    QString message; // optional result of a sleep or cpu task (the article's delayed_print)
    QString url; // http only; "local:/path" means the embedded endpoint

    QString displayLabel() const;
};
Q_DECLARE_TYPEINFO(Task, Q_RELOCATABLE_TYPE);

namespace ScenarioLimits {
constexpr qsizetype maxTasks = 1000000;
constexpr double maxDuration = 86400.0;
constexpr int maxLimit = 1000000;
constexpr int maxThreads = 1024;
// Automatic pool size for unlimited runs: enough for every task of an ordinary batch to start
// at once, small enough that a million-task run does not create a million threads.
constexpr int autoUnlimitedThreads = 512;
constexpr double minTimeScale = 0.0001;
constexpr double maxTimeScale = 1000.0;
} // namespace ScenarioLimits

struct RunOptions
{
    int limit = 0; // 0: unlimited
    double timeScale = 1.0; // real seconds per scenario second
    int threads = 0; // 0: automatic

    bool isLimited() const { return limit > 0; }
    // Pool threads actually used for taskCount tasks: the explicit cap when given, otherwise the
    // limit (limited runs) or min(taskCount, autoUnlimitedThreads).
    int effectiveThreads(qsizetype taskCount) const;
    // Tasks that may run at once: min(limit, threads) when limited, threads otherwise.
    int slotCount(qsizetype taskCount) const;
    // "unlimited" or "limit-N", as used in CSV and traces.
    QString runName() const;
    // "unlimited" or "limit 2" whatever the user interface language: the trace's process names.
    QString plainName() const;
    // The same in the user interface language, for people.
    QString displayName() const;
};

struct Scenario
{
    QString name;
    QList<Task> tasks;
    RunOptions options;
};

// Parsers for user input. Each returns nothing and sets *error to a message naming the bad value.
namespace ScenarioParser {
std::optional<QList<Task>> parseDurations(QStringView text, QString *error);
std::optional<int> parseLimit(QStringView text, QString *error);
std::optional<double> parseTimeScale(QStringView text, QString *error);
std::optional<int> parseThreads(QStringView text, QString *error);
} // namespace ScenarioParser

// Seconds as a person writes them: 5, 0.25, 1.5 (no trailing zeros, at most 6 decimals).
QString formatSeconds(double seconds);
