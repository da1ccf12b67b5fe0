#include "csvexport.h"

#include "runrecord.h"
#include "safefile.h"

#include <QIODevice>

namespace {

QString seconds6(double s)
{
    return QString::number(s, 'f', 6);
}

QString resultText(const QVariant &result)
{
    if (!result.isValid())
        return QString();
    if (result.typeId() == QMetaType::Double)
        return formatSeconds(result.toDouble());
    return result.toString();
}

} // namespace

QString CsvColumn::name(int column)
{
    static const char *const names[Count] = {"run",
                                             "task",
                                             "label",
                                             "kind",
                                             "gate",
                                             "gate_limit",
                                             "duration_s",
                                             "retries",
                                             "backoff_s",
                                             "time_scale",
                                             "pool_threads",
                                             "admission",
                                             "server_capacity",
                                             "server_max_in_flight",
                                             "server_latency_s",
                                             "seed",
                                             "submitted_s",
                                             "picked_s",
                                             "started_s",
                                             "finished_s",
                                             "wait_s",
                                             "run_s",
                                             "thread",
                                             "attempts",
                                             "status",
                                             "result"};
    return QString::fromLatin1(names[column]);
}

bool CsvColumn::isNewColumn(int column)
{
    return generation(column) > 0;
}

int CsvColumn::generation(int column)
{
    if (column == Attempts || column == Retries || column == Backoff || column == ServerCapacity
        || column == ServerMaxInFlight || column == ServerLatency || column == Seed)
        return 2;
    if (column == Gate || column == GateLimit || column == PoolThreads || column == Admission
        || column == Picked)
        return 1;
    return 0;
}

QString CsvExport::header()
{
    QStringList names;
    for (int column = 0; column < CsvColumn::Count; ++column)
        names << CsvColumn::name(column);
    return names.join(QLatin1Char(','));
}

QString CsvExport::quoteField(const QString &text)
{
    const bool needsQuotes = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"'))
                             || text.contains(QLatin1Char('\n'))
                             || text.contains(QLatin1Char('\r'));
    if (!needsQuotes)
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString CsvExport::textField(const QString &text)
{
    if (!text.isEmpty()) {
        const QChar first = text.front();
        if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-')
            || first == QLatin1Char('@') || first == QLatin1Char('\t')
            || first == QLatin1Char('\r'))
            return quoteField(QLatin1Char('\'') + text);
    }
    return quoteField(text);
}

bool CsvExport::write(QIODevice &device, const QList<std::shared_ptr<const RunRecord>> &runs)
{
    constexpr qsizetype flushAt = 1 << 20;
    QByteArray buffer = header().toUtf8() + "\r\n";
    QString row;
    for (const auto &run : runs) {
        const RunRecord &r = *run;
        const QString runName = r.runName();
        const RunOptions &o = r.options();
        // time_scale, pool_threads, admission, the server and the seed: the same on every row
        // of a run. An empty capacity or max_in_flight: none.
        const ServerModel &server = o.server;
        const QString runWide =
                formatSeconds(o.timeScale) % QLatin1Char(',')
                % QString::number(o.effectiveThreads(r.taskCount())) % QLatin1Char(',')
                % admissionName(o.admission) % QLatin1Char(',')
                % (server.capacity > 0 ? formatSeconds(server.capacity) : QString())
                % QLatin1Char(',')
                % (server.maxInFlight > 0 ? QString::number(server.maxInFlight) : QString())
                % QLatin1Char(',') % formatSeconds(server.latency) % QLatin1Char(',')
                % QString::number(o.seed);
        for (qsizetype i = 0; i < r.taskCount(); ++i) {
            const Task &task = r.task(i);
            const TaskSample s = r.sample(i);
            row.clear();
            row += runName % QLatin1Char(',') % QString::number(i + 1) % QLatin1Char(',')
                   % textField(task.displayLabel()) % QLatin1Char(',') % taskKindName(task.kind)
                   % QLatin1Char(',');
            // A gate the run does not have (Compare's unlimited run drops them) is left empty.
            const int gate = task.gate().isEmpty() ? -1 : o.gateIndex(task.gate());
            if (gate >= 0)
                row += textField(task.gate()) % QLatin1Char(',')
                       % QString::number(o.gates.at(gate).limit);
            else
                row += QLatin1Char(',');
            row += QLatin1Char(',') % formatSeconds(task.duration) % QLatin1Char(',');
            // retries and backoff_s: http tasks only.
            if (task.kind == TaskKind::Http)
                row += QString::number(task.retries) % QLatin1Char(',')
                       % formatSeconds(task.backoff());
            else
                row += QLatin1Char(',');
            row += QLatin1Char(',') % runWide % QLatin1Char(',');
            if (s.submittedNs >= 0)
                row += seconds6(r.toScenarioSeconds(s.submittedNs));
            row += QLatin1Char(',');
            if (s.pickedNs >= 0)
                row += seconds6(r.toScenarioSeconds(s.pickedNs));
            row += QLatin1Char(',');
            if (s.hasStarted()) {
                row += seconds6(r.toScenarioSeconds(s.startedNs)) % QLatin1Char(',');
                if (s.hasFinished())
                    row += seconds6(r.toScenarioSeconds(s.finishedNs));
                row += QLatin1Char(',');
                row += seconds6(r.toScenarioSeconds(s.startedNs
                                                    - std::max<qint64>(0, s.submittedNs)))
                       % QLatin1Char(',');
                if (s.hasFinished())
                    row += seconds6(r.toScenarioSeconds(s.finishedNs - s.startedNs));
                row += QLatin1Char(',') % QString::number(s.worker) % QLatin1Char(',')
                       % QString::number(r.attempts(i));
            } else {
                row += QStringLiteral(",,,,,");
            }
            // The result only with a terminal status from the same sample: a task that finishes
            // while the row is written must not show "running" beside its result.
            const QString result = isTerminal(s.status) ? resultText(r.result(i)) : QString();
            row += QLatin1Char(',') % taskStatusName(s.status) % QLatin1Char(',')
                   % textField(result) % QStringLiteral("\r\n");
            buffer += row.toUtf8();
            if (buffer.size() >= flushAt) {
                if (!writeAll(device, buffer))
                    return false;
                buffer.clear();
            }
        }
    }
    return writeAll(device, buffer);
}

bool CsvExport::writeFile(const QString &path, const QList<std::shared_ptr<const RunRecord>> &runs,
                          QString *error)
{
    return writeFileSafely(
            path, [&runs](QIODevice &device) { return write(device, runs); }, error);
}
