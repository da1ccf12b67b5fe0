#include "tasklanestrace.h"

#include "runrecord.h"
#include "traceevents.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace TraceEvents;

namespace {

bool isWait(const QString &name)
{
    return name.startsWith(u"wait");
}

bool isTaskSlice(const QString &name)
{
    return name == u"run" || isWait(name);
}

// What the options of a run were: from tasklanes_run, else from process_name and process_labels
// ("limit 2 on a pool of 5 threads, in-task admission, gates cpu 2, time scale 0.01, 5 tasks").
struct RunMeta
{
    RunOptions options;
    qsizetype tasks = 0;
};

std::optional<RunMeta> metaFromArgs(std::string_view json, ArgsReader &args, QString *why)
{
    RunMeta meta;
    if (!args.read(json)) {
        *why = QCoreApplication::translate("TraceImport",
                                           "its tasklanes_run args are not an object");
        return std::nullopt;
    }
    RunOptions &o = meta.options;
    const double limit = args.number(u"limit").value_or(-1);
    const double threads = args.number(u"threads").value_or(-1);
    const double scale = args.number(u"time_scale").value_or(0);
    const double tasks = args.number(u"tasks").value_or(-1);
    if (limit < 0 || limit > ScenarioLimits::maxLimit || threads < 0
        || threads > ScenarioLimits::maxThreads || scale < ScenarioLimits::minTimeScale
        || scale > ScenarioLimits::maxTimeScale || tasks < 0 || tasks > ScenarioLimits::maxTasks) {
        *why = QCoreApplication::translate(
                "TraceImport",
                "its tasklanes_run args lack limit, threads, time_scale or tasks, or have them "
                "out of range");
        return std::nullopt;
    }
    o.limit = int(limit);
    o.threads = int(threads);
    o.timeScale = scale;
    meta.tasks = qsizetype(tasks);
    if (const auto admission = args.string(u"admission")) {
        const auto a = admissionFromName(*admission);
        if (!a) {
            *why = QCoreApplication::translate("TraceImport", "unknown admission \"%1\"")
                           .arg(*admission);
            return std::nullopt;
        }
        o.admission = *a;
    }
    const QString origin = args.string(u"origin").value_or(QStringLiteral("ran"));
    o.origin = origin == u"recorded"  ? RunOrigin::Recorded
               : origin == u"what-if" ? RunOrigin::WhatIf
                                      : RunOrigin::Ran;
    o.seed = quint32(std::clamp(args.number(u"seed").value_or(1), 0.0, 4294967295.0));
    std::string gates, server;
    if (const ArgsReader::Field *f = args.field(u"gates"))
        gates = f->raw;
    if (const ArgsReader::Field *f = args.field(u"server"))
        server = f->raw;
    if (!server.empty() && args.read(server)) {
        o.server.capacity = std::max(0.0, args.number(u"capacity").value_or(0));
        o.server.maxInFlight = int(std::clamp(args.number(u"max_in_flight").value_or(0), 0.0,
                                              double(ScenarioLimits::maxServerInFlight)));
        o.server.latency = std::max(0.0, args.number(u"latency").value_or(0));
    }
    if (!gates.empty() && gates != "{}") {
        if (!args.read(gates)) {
            *why = QCoreApplication::translate("TraceImport", "its gates are not an object");
            return std::nullopt;
        }
        for (const ArgsReader::Field &g : args.fields()) {
            QString problem;
            if (!ScenarioParser::isValidGateName(g.key, &problem) || !g.isNumber || g.number < 1
                || g.number > ScenarioLimits::maxLimit) {
                *why = QCoreApplication::translate("TraceImport", "bad gate \"%1\"").arg(g.key);
                return std::nullopt;
            }
            o.gates.append(Gate{g.key, int(g.number)});
        }
    }
    return meta;
}

std::optional<RunMeta> metaFromLabels(const Process &p, QString *why)
{
    const auto fail = [why](const QString &problem) {
        *why = problem;
        return std::nullopt;
    };
    RunMeta meta;
    RunOptions &o = meta.options;
    static const QRegularExpression limited(QStringLiteral("^(?:what-if )?limit (\\d+)$"));
    const QRegularExpressionMatch name = limited.match(p.name);
    if (name.hasMatch())
        o.limit = name.captured(1).toInt();
    else if (p.name != u"unlimited" && p.name != u"gated" && p.name != u"recorded")
        return fail(
                QCoreApplication::translate("TraceImport", "unknown run name \"%1\"").arg(p.name));
    if (p.name.startsWith(u"what-if"))
        o.origin = RunOrigin::WhatIf;
    else if (p.name == u"recorded")
        o.origin = RunOrigin::Recorded;
    static const QRegularExpression labels(
            QStringLiteral("^.* on a pool of (\\d+) threads?(?:, (in-task|fifo) admission)?"
                           "(?:, gates (.*))?, time scale ([0-9.eE+-]+), (\\d+) tasks$"));
    const QRegularExpressionMatch m = labels.match(p.labels);
    if (!m.hasMatch())
        return fail(QCoreApplication::translate("TraceImport",
                                                "its process_labels \"%1\" cannot be read")
                            .arg(p.labels));
    bool ok = false;
    o.timeScale = m.captured(4).toDouble(&ok);
    if (!ok || o.timeScale < ScenarioLimits::minTimeScale
        || o.timeScale > ScenarioLimits::maxTimeScale)
        return fail(
                QCoreApplication::translate("TraceImport", "its time scale \"%1\" is out of range")
                        .arg(m.captured(4)));
    meta.tasks = m.captured(5).toLongLong();
    if (meta.tasks > ScenarioLimits::maxTasks)
        return fail(
                QCoreApplication::translate("TraceImport", "too many tasks (%1)").arg(meta.tasks));
    if (!m.captured(2).isEmpty())
        o.admission = *admissionFromName(m.captured(2));
    const QStringList gates = m.captured(3).split(QStringLiteral(", "), Qt::SkipEmptyParts);
    for (const QString &g : gates) {
        const qsizetype space = g.lastIndexOf(u' ');
        const int gateLimit = space > 0 ? g.mid(space + 1).toInt() : 0;
        if (gateLimit < 1)
            return fail(QCoreApplication::translate("TraceImport", "bad gate \"%1\"").arg(g));
        o.gates.append(Gate{g.left(space), gateLimit});
    }
    // An automatic pool is written as its size: kept automatic when that is what it gives.
    const int pool = m.captured(1).toInt();
    if (pool < 1 || pool > ScenarioLimits::maxThreads)
        return fail(
                QCoreApplication::translate("TraceImport", "its pool of %1 threads is out of range")
                        .arg(pool));
    if (o.effectiveThreads(meta.tasks) != pool)
        o.threads = pool;
    return meta;
}

// The result as the record holds it, from the trace's text of it (RunReport::formatResult: a
// number as seconds, a text quoted and escaped); invalid when the record derives the same from
// the task (only a result that differs is stored, as the CSV reader does).
QVariant storedResult(const Task &task, TaskStatus status, const QString &text)
{
    if (text.size() >= 2 && text.startsWith(u'"') && text.endsWith(u'"')) {
        QString value;
        value.reserve(text.size());
        for (qsizetype i = 1; i + 1 < text.size(); ++i) {
            QChar c = text.at(i);
            if (c == u'\\' && i + 2 < text.size()) {
                c = text.at(++i);
                if (c == u'n')
                    c = u'\n';
                else if (c == u'r')
                    c = u'\r';
            }
            value += c;
        }
        if (status == TaskStatus::Cancelled && value == u"cancelled")
            return QVariant();
        return value;
    }
    bool ok = false;
    const double number = text.toDouble(&ok);
    if (!ok)
        return text;
    if (status != TaskStatus::Cancelled && task.kind != TaskKind::Http && task.message().isNull()
        && formatSeconds(task.duration) == text)
        return QVariant();
    return number;
}

struct TaskSlices
{
    const Slice *run = nullptr;
    const Slice *firstWait = nullptr;
    const Slice *permitWait = nullptr;
    qint64 waitEnd = -1;
    int retries = 0;
};

} // namespace

TaskLanesTrace::Marks TaskLanesTrace::recognise(const Data &data)
{
    if (data.taskLanesGenerator)
        return Marks::Explicit;
    for (const Process &p : data.processes) {
        if (!p.taskLanesRun.empty())
            return Marks::Explicit;
    }
    for (const Slice &s : data.slices) {
        const Thread &t = data.threads[s.thread];
        if (data.processes[size_t(t.process)].labels.isEmpty()
            || !isTaskSlice(data.names.at(s.name))
            || data.args(s).find("\"task\"") == std::string_view::npos)
            return Marks::None;
    }
    return Marks::Legacy;
}

std::optional<CsvImport::Runs> TaskLanesTrace::build(const Data &data, const QString &name,
                                                     QString *error)
{
    // The runs: processes that hold slices or say they are a run, in their sort order.
    std::vector<int> runs;
    {
        std::vector<bool> used(data.processes.size(), false);
        for (const Slice &s : data.slices)
            used[size_t(data.threads[s.thread].process)] = true;
        for (size_t p = 0; p < data.processes.size(); ++p) {
            if (used[p] || !data.processes[p].taskLanesRun.empty())
                runs.push_back(int(p));
        }
        std::sort(runs.begin(), runs.end(), [&](int a, int b) {
            const Process &pa = data.processes[size_t(a)];
            const Process &pb = data.processes[size_t(b)];
            return std::tie(pa.sortIndex, pa.firstEvent) < std::tie(pb.sortIndex, pb.firstEvent);
        });
    }
    if (qsizetype(runs.size()) > CsvImport::maxRuns) {
        *error = QCoreApplication::translate(
                         "TraceImport",
                         "a TaskLanes trace of %1 runs (at most %2: a single run or a comparison)")
                         .arg(runs.size())
                         .arg(CsvImport::maxRuns);
        return std::nullopt;
    }

    // Per thread: its retry marks.
    std::vector<int> retries(data.threads.size(), 0);
    for (const Instant &i : data.retries)
        ++retries[i.thread];

    ArgsReader args;
    CsvImport::Runs records;
    for (int p : runs) {
        const Process &process = data.processes[size_t(p)];
        const QString runName = process.name.isEmpty() ? process.id : process.name;
        auto fail = [&](const QString &problem) {
            *error = QCoreApplication::translate("TraceImport", "run \"%1\": %2")
                             .arg(runName, problem);
            return std::nullopt;
        };
        QString why;
        const auto meta = process.taskLanesRun.empty()
                                  ? metaFromLabels(process, &why)
                                  : metaFromArgs(process.taskLanesRun, args, &why);
        if (!meta)
            return fail(why);
        // TaskLanes never writes a run without tasks: a batch holds one at least.
        if (meta->tasks < 1)
            return fail(QCoreApplication::translate("TraceImport", "it holds no task"));

        // The slices of each task (tid = task number), from the slices sorted by thread and start.
        std::vector<TaskSlices> tasks(size_t(meta->tasks));
        for (const Slice &s : data.slices) {
            const Thread &t = data.threads[s.thread];
            if (t.process != p)
                continue;
            bool ok = false;
            const qlonglong number = t.id.toLongLong(&ok);
            if (!ok || number < 1 || number > meta->tasks)
                return fail(QCoreApplication::translate(
                                    "TraceImport",
                                    "a slice on thread %1, which is not a task number (1 to %2)")
                                    .arg(t.id)
                                    .arg(meta->tasks));
            TaskSlices &task = tasks[size_t(number - 1)];
            const QString &sliceName = data.names.at(s.name);
            if (sliceName == u"run") {
                task.run = &s;
                task.retries = retries[s.thread];
            } else if (isWait(sliceName)) {
                if (!task.firstWait)
                    task.firstWait = &s;
                if (sliceName.startsWith(u"wait for a permit"))
                    task.permitWait = &s;
                task.waitEnd = std::max(task.waitEnd, s.endNs);
            }
        }

        Scenario scenario;
        scenario.name = name;
        scenario.options = meta->options;
        scenario.tasks.reserve(meta->tasks);
        struct Loaded
        {
            TaskSample sample; // times in trace ns (scenario µs * 1000) until the record exists
            QString result;
            int attempts = 0;
        };
        std::vector<Loaded> loaded(tasks.size());
        for (size_t i = 0; i < tasks.size(); ++i) {
            const TaskSlices &ts = tasks[i];
            const Slice *with = ts.run ? ts.run : ts.firstWait;
            const auto taskFail = [&](const QString &problem) {
                return fail(QCoreApplication::translate("TraceImport", "task %1: %2")
                                    .arg(i + 1)
                                    .arg(problem));
            };
            if (!with)
                return taskFail(QCoreApplication::translate(
                        "TraceImport", "no wait or run slice (was the trace written while the run "
                                       "went on?)"));
            if (!args.read(data.args(*with)))
                return taskFail(QCoreApplication::translate(
                        "TraceImport", "the args of its slice are not an object"));
            Task task;
            const auto kind = taskKindFromName(args.string(u"kind").value_or(QString()));
            const double duration = args.number(u"duration_s").value_or(-1);
            const auto status = taskStatusFromName(args.string(u"status").value_or(QString()));
            const double worker = args.number(u"worker").value_or(-1);
            if (!kind)
                return taskFail(
                        QCoreApplication::translate("TraceImport", "no known kind in its args"));
            if (duration < 0 || duration > ScenarioLimits::maxDuration)
                return taskFail(QCoreApplication::translate("TraceImport",
                                                            "no duration_s in range in its args"));
            if (!status)
                return taskFail(
                        QCoreApplication::translate("TraceImport", "no known status in its args"));
            if (!isTerminal(*status))
                return taskFail(
                        QCoreApplication::translate(
                                "TraceImport", "its status is %1: only finished runs can be opened")
                                .arg(taskStatusName(*status)));
            if (worker < 0 || worker > ScenarioLimits::maxThreads)
                return taskFail(QCoreApplication::translate("TraceImport",
                                                            "no worker in range in its args"));
            task.kind = *kind;
            task.duration = duration;
            const QString label = args.string(u"label").value_or(QString());
            if (task.kind == TaskKind::Http && label.startsWith(u"GET ") && label.size() > 4)
                task.setUrl(label.mid(4));
            if (label != task.displayLabel())
                task.setLabel(label);
            const QString gate = args.string(u"gate").value_or(QString());
            // A compare's unlimited run keeps its tasks' gates without the gates themselves.
            if (!gate.isEmpty())
                task.setGate(gate);
            Loaded &l = loaded[i];
            l.result = args.string(u"result").value_or(QString());
            l.sample.status = *status;
            l.sample.worker = ts.run ? int(worker) : 0;
            l.sample.submittedNs = ts.firstWait ? ts.firstWait->startNs : with->startNs;
            if (ts.run) {
                l.sample.startedNs = ts.run->startNs;
                l.sample.finishedNs = ts.run->endNs;
                l.sample.pickedNs = ts.permitWait ? ts.permitWait->startNs : -1;
                l.attempts = 1 + ts.retries;
            } else {
                l.sample.finishedNs = ts.waitEnd;
            }
            scenario.tasks.append(std::move(task));
        }

        auto record = std::make_shared<RunRecord>(std::move(scenario));
        auto ns = [&](qint64 traceNs) {
            return traceNs < 0 ? traceNs : record->toNanoseconds(double(traceNs) / 1e9);
        };
        for (size_t i = 0; i < loaded.size(); ++i) {
            TaskSample s = loaded[i].sample;
            s.submittedNs = ns(s.submittedNs);
            s.pickedNs = ns(s.pickedNs);
            s.startedNs = ns(s.startedNs);
            s.finishedNs = ns(s.finishedNs);
            record->setLoaded(qsizetype(i), s,
                              storedResult(record->task(qsizetype(i)), s.status, loaded[i].result));
            record->setLoadedAttempts(qsizetype(i), loaded[i].attempts);
        }
        record->finishLoading();
        records.append(std::move(record));
    }
    if (records.isEmpty()) {
        *error = QCoreApplication::translate("TraceImport", "a TaskLanes trace without a run");
        return std::nullopt;
    }
    return records;
}
