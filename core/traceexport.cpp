#include "traceexport.h"

#include "runprogress.h"
#include "runrecord.h"
#include "runreport.h"
#include "safefile.h"
#include "schedule.h"

#include <QIODevice>

#include <algorithm>
#include <cmath>

namespace {

// JSON string literal, escaped per RFC 8259.
QByteArray jsonString(const QString &text)
{
    QByteArray out;
    const QByteArray utf8 = text.toUtf8();
    out.reserve(utf8.size() + 2);
    out += '"';
    for (char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (uchar(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", uchar(c));
                out += buf;
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

class TraceWriter
{
public:
    explicit TraceWriter(QIODevice &device)
        : m_device(device)
    {
        m_buffer.reserve(1 << 20);
    }

    void event(const QByteArray &json)
    {
        if (!m_first)
            m_buffer += ",\n";
        m_first = false;
        m_buffer += json;
        if (m_buffer.size() >= (1 << 20))
            flush();
    }
    void raw(const QByteArray &text) { m_buffer += text; }
    bool flush()
    {
        m_ok = m_ok && writeAll(m_device, m_buffer);
        m_buffer.clear();
        return m_ok;
    }

private:
    QIODevice &m_device;
    QByteArray m_buffer;
    bool m_first = true;
    bool m_ok = true;
};

QByteArray num(qint64 v)
{
    return QByteArray::number(v);
}

// The run's options exactly, so that TraceImport can rebuild it (process_labels says the same
// for people): {"run":"limit-2","name":"limit 2","origin":"ran","limit":2,"threads":0,
// "pool":5,"time_scale":0.01,"admission":"fifo","gates":{"cpu":2},"seed":1,"server":{...},
// "tasks":5}. threads 0 is an automatic pool (of "pool" threads).
QByteArray runArgs(const RunRecord &rec)
{
    const RunOptions &o = rec.options();
    QByteArray gates = "{";
    for (const Gate &g : o.gates) {
        if (gates.size() > 1)
            gates += ',';
        gates += jsonString(g.name) + ':' + num(g.limit);
    }
    gates += '}';
    const char *origin = o.origin == RunOrigin::Recorded ? "recorded"
                         : o.origin == RunOrigin::WhatIf ? "what-if"
                                                         : "ran";
    return "{\"run\":" + jsonString(o.runName()) + ",\"name\":" + jsonString(o.plainName())
           + ",\"origin\":\"" + origin + "\",\"limit\":" + num(o.limit) + ",\"threads\":"
           + num(o.threads) + ",\"pool\":" + num(o.effectiveThreads(rec.taskCount()))
           + ",\"time_scale\":" + QByteArray::number(o.timeScale, 'g', 17)
           + ",\"admission\":" + jsonString(admissionName(o.admission)) + ",\"gates\":" + gates
           + ",\"seed\":" + num(o.seed)
           + ",\"server\":{\"capacity\":" + QByteArray::number(o.server.capacity, 'g', 17)
           + ",\"max_in_flight\":" + num(o.server.maxInFlight)
           + ",\"latency\":" + QByteArray::number(o.server.latency, 'g', 17)
           + "},\"tasks\":" + num(rec.taskCount()) + "}";
}

} // namespace

bool TraceExport::write(QIODevice &device, const QList<std::shared_ptr<const RunRecord>> &runs,
                        const QList<std::shared_ptr<const RunProgress>> &progress)
{
    TraceWriter w(device);
    w.raw("{\"traceEvents\":[\n");
    qint64 flowId = 0;
    for (qsizetype r = 0; r < runs.size(); ++r) {
        const RunRecord &rec = *runs.at(r);
        const QByteArray pid = num(r + 1);
        // Scenario microseconds, floored once per timestamp so adjacent slices share boundaries.
        auto us = [&rec](qint64 ns) { return qint64(std::floor(rec.toScenarioSeconds(ns) * 1e6)); };
        w.event("{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":" + pid
                + ",\"tid\":0,\"args\":{\"name\":" + jsonString(rec.options().plainName()) + "}}");
        w.event("{\"name\":\"process_sort_index\",\"ph\":\"M\",\"pid\":" + pid
                + ",\"tid\":0,\"args\":{\"sort_index\":" + pid + "}}");
        w.event("{\"name\":\"process_labels\",\"ph\":\"M\",\"pid\":" + pid
                + ",\"tid\":0,\"args\":{\"labels\":"
                + jsonString(QStringLiteral("%1, time scale %2, %3 tasks")
                                     .arg(rec.options().plainPoolText(rec.taskCount()),
                                          formatSeconds(rec.options().timeScale))
                                     .arg(rec.taskCount()))
                + "}}");
        w.event("{\"name\":\"tasklanes_run\",\"ph\":\"M\",\"pid\":" + pid
                + ",\"tid\":0,\"args\":" + runArgs(rec) + "}");
        for (qsizetype i = 0; i < rec.taskCount(); ++i) {
            const Task &task = rec.task(i);
            const TaskSample s = rec.sample(i);
            const QByteArray tid = num(i + 1);
            const QByteArray where = ",\"pid\":" + pid + ",\"tid\":" + tid;
            w.event("{\"name\":\"thread_name\",\"ph\":\"M\"" + where + ",\"args\":{\"name\":"
                    + jsonString(QStringLiteral("#%1  %2").arg(i + 1).arg(task.displayLabel()))
                    + "}}");
            w.event("{\"name\":\"thread_sort_index\",\"ph\":\"M\"" + where
                    + ",\"args\":{\"sort_index\":" + tid + "}}");
            if (s.submittedNs < 0)
                continue;
            // The result only with a terminal status from the same sample: in a live export a
            // task that finishes meanwhile must not show "running" beside its result.
            const QVariant result = isTerminal(s.status) ? rec.result(i) : QVariant();
            const QByteArray args =
                    "{\"task\":" + tid + ",\"label\":" + jsonString(task.displayLabel())
                    + ",\"kind\":" + jsonString(taskKindName(task.kind))
                    + ",\"gate\":" + jsonString(task.gate()) + ",\"duration_s\":"
                    + QByteArray::number(task.duration, 'g', 12) + ",\"worker\":" + num(s.worker)
                    + ",\"status\":" + jsonString(taskStatusName(s.status))
                    + ",\"result\":" + jsonString(RunReport::formatResult(result)) + "}";
            const qint64 submitted = us(s.submittedNs);
            const qint64 waitEnd = s.hasStarted()
                                           ? us(s.startedNs)
                                           : (s.hasFinished() ? us(s.finishedNs) : submitted);
            // In-task admission: waiting for a pool thread, then holding it while waiting for a
            // permit. Fifo: one wait (the task held no thread), picked == started.
            const qint64 picked =
                    s.pickedNs >= 0 ? std::clamp(us(s.pickedNs), submitted, waitEnd) : waitEnd;
            if (picked < waitEnd) {
                if (picked > submitted)
                    w.event("{\"name\":\"wait for a thread\",\"cat\":\"wait\",\"ph\":\"X\","
                            "\"ts\":"
                            + num(submitted) + ",\"dur\":" + num(picked - submitted) + where
                            + ",\"args\":" + args + "}");
                w.event("{\"name\":\"wait for a permit (holding a thread)\",\"cat\":"
                        "\"permit-wait\",\"ph\":\"X\",\"ts\":"
                        + num(picked) + ",\"dur\":" + num(waitEnd - picked) + where
                        + ",\"args\":" + args + "}");
            } else {
                w.event("{\"name\":\"wait\",\"cat\":\"wait\",\"ph\":\"X\",\"ts\":" + num(submitted)
                        + ",\"dur\":" + num(std::max<qint64>(0, waitEnd - submitted)) + where
                        + ",\"args\":" + args + "}");
            }
            if (!s.hasStarted())
                continue;
            const qint64 started = us(s.startedNs);
            const qint64 finished = s.hasFinished() ? us(s.finishedNs) : started;
            w.event("{\"name\":\"run\",\"cat\":" + jsonString(taskKindName(task.kind))
                    + ",\"ph\":\"X\",\"ts\":" + num(started)
                    + ",\"dur\":" + num(std::max<qint64>(0, finished - started)) + where
                    + ",\"args\":" + args + "}");
            // Each failed attempt that was retried, as a mark inside the run slice when it ended.
            const QList<qint64> retries = rec.retryTimes(i);
            if (!retries.isEmpty()) {
                const int rejected = rec.rejectedCount(i);
                // The record counts 429s per task, not per attempt: name the cause only when it
                // was the same for every retry.
                const QByteArray cause = rejected >= retries.size() ? " (429)" : "";
                const QByteArray attempts = num(rec.attempts(i));
                for (qsizetype k = 0; k < retries.size(); ++k) {
                    const qint64 at = std::clamp(us(retries.at(k)), started, finished);
                    w.event("{\"name\":\"retry " + num(k + 1) + cause
                            + "\",\"cat\":\"retry\",\"ph\":\"i\",\"s\":\"t\",\"ts\":" + num(at)
                            + where + ",\"args\":{\"attempt\":" + num(k + 1)
                            + ",\"attempts\":" + attempts + "}}");
                }
            }
            ++flowId;
            w.event("{\"name\":\"submit\",\"cat\":\"flow\",\"ph\":\"s\",\"id\":" + num(flowId)
                    + ",\"ts\":" + num(submitted) + where + "}");
            w.event("{\"name\":\"submit\",\"cat\":\"flow\",\"ph\":\"f\",\"bp\":\"e\",\"id\":"
                    + num(flowId) + ",\"ts\":" + num(started) + where + "}");
        }
        const RunProgress *model = r < progress.size() && progress.at(r)
                                                   && progress.at(r)->record() == runs.at(r)
                                                   && progress.at(r)->isFinal()
                                           ? progress.at(r).get()
                                           : nullptr;
        const QList<ConcurrencyStep> steps = model ? model->steps() : concurrencySteps(rec);
        for (const ConcurrencyStep &step : steps) {
            w.event("{\"name\":\"tasks\",\"ph\":\"C\",\"ts\":" + num(us(step.ns))
                    + ",\"pid\":" + pid + ",\"tid\":0,\"args\":{\"running\":" + num(step.running)
                    + ",\"waiting\":" + num(step.waiting) + "}}");
        }
    }
    // The generator lets TraceImport read the file back as these runs (docs/traces.md).
    w.raw("\n],\"displayTimeUnit\":\"ms\",\"otherData\":{\"generator\":\"TaskLanes\","
          "\"version\":\"" TASKLANES_VERSION "\"}}\n");
    return w.flush();
}

bool TraceExport::writeFile(const QString &path,
                            const QList<std::shared_ptr<const RunRecord>> &runs, QString *error,
                            const QList<std::shared_ptr<const RunProgress>> &progress)
{
    return writeFileSafely(
            path, [&](QIODevice &d) { return write(d, runs, progress); }, error);
}
