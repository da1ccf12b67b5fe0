#pragma once

#include <QList>
#include <QSharedData>
#include <QSharedDataPointer>
#include <QString>
#include <QStringView>

#include <optional>

// What a task does when it runs. New kinds are added here and in taskrunner.cpp; everything else
// (record, schedule, exports, views) treats a task by its duration and kind name only.
enum class TaskKind : quint8 {
    Sleep,
    Cpu,
    Http,
    // Recorded by another system (a slice of an opened Chrome trace): its duration is what it took
    // there. Replayed by the engine as a sleep of that duration; predicted like one.
    Trace,
};

QString taskKindName(TaskKind kind);
std::optional<TaskKind> taskKindFromName(QStringView name);

// One task of a batch. Its optional texts live in one shared, copy-on-write block that plain
// tasks do not have, so a million tasks parsed from "5,1,8,3,4" cost 32 bytes each, not 96.
class Task
{
public:
    TaskKind kind = TaskKind::Sleep;
    // http only: attempts after the first for 429, 503 and connection failures (0 to maxRetries).
    // The task keeps its permits through its retries and their backoff.
    quint8 retries = 0;
    // Scenario seconds; for a local:/work?s=S task (isServerWork()) it is S, the service it needs.
    double duration = 0.0;
    double timeout = 10.0; // scenario seconds, http only; the whole task's, retries included

    // http only: the first retry waits about backoff() scenario seconds, each next one twice as
    // long (retryDelay() in retry.h, with seeded jitter). Kept in the shared text block: plain
    // tasks do not pay for it.
    double backoff() const { return m_text ? m_text->backoff : defaultBackoff; }
    void setBackoff(double seconds);
    static constexpr double defaultBackoff = 0.5;
    // An http task to the embedded server's "local:/work" (served by the scenario's ServerModel).
    bool isServerWork() const;

    // Empty: derived from the duration ("5 s").
    const QString &label() const { return m_text ? m_text->label : nullText(); }
    void setLabel(const QString &label);
    // Optional result of a sleep or cpu task (the article's delayed_print); null when not set.
    const QString &message() const { return m_text ? m_text->message : nullText(); }
    void setMessage(const QString &message);
    // http only; "local:/path" means the embedded endpoint.
    const QString &url() const { return m_text ? m_text->url : nullText(); }
    void setUrl(const QString &url);
    // The per-group gate (RunOptions::gates) the task waits behind; empty: none.
    const QString &gate() const { return m_text ? m_text->gate : nullText(); }
    void setGate(const QString &gate);

    QString displayLabel() const;

private:
    struct Text : QSharedData
    {
        QString label;
        QString message;
        QString url;
        QString gate;
        double backoff = defaultBackoff;
    };
    static const QString &nullText();
    Text &text();

    QSharedDataPointer<Text> m_text; // null while every text is null
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
constexpr qsizetype maxGateNameLength = 64;
constexpr int maxGates = 64;
constexpr int maxRetries = 20; // "retries" above it is capped, with a warning-free clamp
constexpr double maxBackoff = 3600.0;
constexpr int maxServerInFlight = 1000000;
constexpr double maxServerCapacity = 1000000.0;
constexpr int maxSweepLimits = 256;
} // namespace ScenarioLimits

// Where a task takes its permit. Fifo: a pool thread takes a permit, then the oldest task (a task
// never holds a thread while it waits). InTask: every task is started on the pool and acquires
// the semaphore inside run(), as most real code does; a waiting task holds a pool thread.
enum class Admission : quint8 {
    Fifo,
    InTask,
};
QString admissionName(Admission admission); // "fifo", "in-task"
std::optional<Admission> admissionFromName(QStringView name);

// A named group limit ("cpu": 2): a QSemaphore of its own, on top of the global limit.
struct Gate
{
    QString name;
    int limit = 1;

    friend bool operator==(const Gate &a, const Gate &b)
    {
        return a.name == b.name && a.limit == b.limit;
    }
};

// The embedded endpoint's server as a scenario describes it ("server": {"capacity": C,
// "max_in_flight": M, "latency": L}). local:/work?s=S needs S scenario seconds of service; with k
// requests in service each is served at min(1, C / k) of full speed (processor sharing); a request
// that would make more than M in service is answered 429 Too Many Requests at once, with a
// Retry-After. Every answer of the server (429 included) comes `latency` scenario seconds after
// its service ends; the latency does not count as in service. The defaults are today's endpoint:
// every request served at full speed, none refused, no latency.
struct ServerModel
{
    double capacity = 0.0; // 0: unlimited (every request at full speed)
    int maxInFlight = 0; // 0: no cap
    double latency = 0.0; // scenario seconds

    bool isDefault() const { return capacity <= 0.0 && maxInFlight <= 0 && latency <= 0.0; }
    friend bool operator==(const ServerModel &a, const ServerModel &b)
    {
        return a.capacity == b.capacity && a.maxInFlight == b.maxInFlight && a.latency == b.latency;
    }
};

// Where a run's times come from: the engine ran it, it was read from another system's trace, or it
// is a prediction of a recorded batch under another limit. Only names change with it.
enum class RunOrigin : quint8 {
    Ran,
    Recorded, // an opened trace of another system: "recorded"
    WhatIf, // WhatIf::predict(): "what-if limit N"
};

struct RunOptions
{
    int limit = 0; // 0: unlimited
    double timeScale = 1.0; // real seconds per scenario second
    int threads = 0; // 0: automatic
    Admission admission = Admission::Fifo;
    QList<Gate> gates = {}; // in the order the scenario names them
    ServerModel server = {}; // the embedded endpoint's, for local:/work tasks
    quint32 seed = 1; // the retries' backoff jitter: the same seed, the same delays
    RunOrigin origin = RunOrigin::Ran; // names only: not part of a scenario file

    bool isLimited() const { return limit > 0; }
    bool hasGates() const { return !gates.isEmpty(); }
    // Index of the gate called name in gates, -1 when there is none.
    int gateIndex(QStringView name) const;
    // Pool threads for taskCount tasks, limited or not: the explicit count when given, otherwise
    // one per task up to autoUnlimitedThreads. The limit is the semaphore's job, not the pool's.
    int effectiveThreads(qsizetype taskCount) const;
    // Tasks that may run at once: min(limit, pool) when limited, the pool otherwise.
    int slotCount(qsizetype taskCount) const;
    // True when the pool is smaller than the batch, so it limits the run as well.
    bool poolLimits(qsizetype taskCount) const;
    // The same options without the global limit and without any gate: Compare's first run.
    RunOptions unlimited() const;
    // "unlimited", "limit-N", or "gated" (gates but no global limit), as used in CSV and traces;
    // "recorded" and "what-if-limit-N" for those origins, so a recording and its what-if stay two
    // runs in a CSV.
    QString runName() const;
    // "unlimited", "limit 2" or "gated" whatever the user interface language: trace names.
    // "recorded" and "what-if limit 2" for those origins (runName() stays the limit's).
    QString plainName() const;
    // The same in the user interface language, for people.
    QString displayName() const;
    // "limit 2 on a pool of 5 threads" (plus admission and gates when not the defaults), whatever
    // the user interface language: CSV and trace files.
    QString plainPoolText(qsizetype taskCount) const;
    // The same in the user interface language; when the pool is smaller than the batch, says that
    // the pool is a limit too and which one bound the waits.
    QString poolText(qsizetype taskCount) const;
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
// The --durations argument of either program: the list itself, or @FILE to read the list from
// FILE (Linux caps one argument at 128 KiB; a million durations need a file). Returns the list's
// text, or nothing and a whole message ("--durations: cannot read ...") in *error.
std::optional<QString> durationsArgumentText(const QString &argument, QString *error);
std::optional<int> parseLimit(QStringView text, QString *error);
std::optional<double> parseTimeScale(QStringView text, QString *error);
std::optional<int> parseThreads(QStringView text, QString *error);
std::optional<Admission> parseAdmission(QStringView text, QString *error);
// A gate name: 1 to maxGateNameLength characters, no '=' or control characters.
bool isValidGateName(QStringView name, QString *error);
// "NAME=N" of --gate.
std::optional<Gate> parseGate(QStringView text, QString *error);
} // namespace ScenarioParser

// Seconds as a person writes them: 5, 0.25, 1.5 (no trailing zeros, at most 6 decimals).
QString formatSeconds(double seconds);
