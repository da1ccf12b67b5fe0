#include "csvimport.h"

#include "csvexport.h"
#include "runrecord.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <array>
#include <cmath>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CsvImport", text);
}

// Shows a cell in a message: quoted, cut short when long, line breaks visible.
QString shown(QStringView cell)
{
    QString text = cell.left(40).toString();
    if (cell.size() > 40)
        text += QChar(0x2026);
    text.replace(QLatin1Char('\r'), QStringLiteral("\\r"));
    text.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// One record (row) of RFC 4180 text at a time. Fields are views into the text, or into
// `m_unescaped` for quoted fields with doubled quotes; both stay valid until the next call.
class Reader
{
    // Its messages belong with CsvImport's: lupdate files a class's tr() under the class.
    Q_DECLARE_TR_FUNCTIONS(CsvImport)

public:
    explicit Reader(QStringView text)
        : m_text(text)
    {
    }

    bool atEnd() const { return m_pos >= m_text.size(); }
    // Physical line (1-based) where the last record read began.
    qsizetype recordLine() const { return m_recordLine; }
    qsizetype fieldCount() const { return m_count; }
    QStringView field(int i) const { return m_fields[size_t(i)]; }

    // False with *error set (no line prefix) when the record is malformed.
    bool next(QString *error)
    {
        m_recordLine = m_line;
        m_count = 0;
        for (;;) {
            QStringView value;
            if (m_pos < m_text.size() && m_text[m_pos] == QLatin1Char('"')) {
                if (!readQuoted(&value, error))
                    return false;
            } else {
                const qsizetype begin = m_pos;
                while (m_pos < m_text.size()) {
                    const QChar c = m_text[m_pos];
                    if (c == QLatin1Char(',') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
                        break;
                    if (c == QLatin1Char('"')) {
                        *error = tr("a quote inside the unquoted field %1 (fields with quotes "
                                    "must be quoted, with the quotes doubled)")
                                         .arg(m_count + 1);
                        return false;
                    }
                    ++m_pos;
                }
                value = m_text.mid(begin, m_pos - begin);
            }
            if (m_count < qsizetype(m_fields.size()))
                m_fields[size_t(m_count)] = value;
            ++m_count;
            if (m_pos >= m_text.size())
                return true;
            const QChar c = m_text[m_pos];
            if (c == QLatin1Char(',')) {
                ++m_pos;
                continue;
            }
            if (c == QLatin1Char('\r')) {
                if (m_pos + 1 >= m_text.size() || m_text[m_pos + 1] != QLatin1Char('\n')) {
                    *error = tr("a carriage return (CR) that does not end the line");
                    return false;
                }
                ++m_pos;
            }
            ++m_pos; // '\n'
            ++m_line;
            return true;
        }
    }

private:
    bool readQuoted(QStringView *value, QString *error)
    {
        const qsizetype begin = ++m_pos;
        bool escaped = false;
        for (;;) {
            if (m_pos >= m_text.size()) {
                *error = tr("field %1 opens a quote that is never closed").arg(m_count + 1);
                return false;
            }
            const QChar c = m_text[m_pos];
            if (c == QLatin1Char('\n')) {
                ++m_line;
            } else if (c == QLatin1Char('"')) {
                if (m_pos + 1 < m_text.size() && m_text[m_pos + 1] == QLatin1Char('"')) {
                    escaped = true;
                    m_pos += 2;
                    continue;
                }
                break;
            }
            ++m_pos;
        }
        const QStringView raw = m_text.mid(begin, m_pos - begin);
        ++m_pos; // the closing quote
        if (m_pos < m_text.size()) {
            const QChar c = m_text[m_pos];
            if (c != QLatin1Char(',') && c != QLatin1Char('\r') && c != QLatin1Char('\n')) {
                *error = tr("field %1 has text after its closing quote").arg(m_count + 1);
                return false;
            }
        }
        if (!escaped) {
            *value = raw;
            return true;
        }
        QString &storage = m_unescaped[size_t(std::min<qsizetype>(m_count, CsvColumn::Count))];
        storage = raw.toString();
        storage.replace(QStringLiteral("\"\""), QStringLiteral("\""));
        *value = storage;
        return true;
    }

    QStringView m_text;
    qsizetype m_pos = 0;
    qsizetype m_line = 1;
    qsizetype m_recordLine = 1;
    qsizetype m_count = 0;
    std::array<QStringView, CsvColumn::Count> m_fields;
    std::array<QString, CsvColumn::Count + 1> m_unescaped;
};

struct RunBuilder
{
    QString name; // "unlimited", "limit-2"
    Scenario scenario;
    QList<TaskSample> samples;
    QStringList results;
    QList<int> attempts;
    QStringList serverCells; // the first row's server_* and seed, which every row repeats
};

std::optional<int> limitFromRunName(QStringView name, RunOrigin *origin)
{
    *origin = RunOrigin::Ran;
    if (name == u"unlimited" || name == u"gated")
        return 0;
    if (name == u"recorded") {
        *origin = RunOrigin::Recorded;
        return 0;
    }
    if (name.startsWith(u"what-if-")) {
        *origin = RunOrigin::WhatIf;
        name = name.mid(8);
    }
    if (!name.startsWith(u"limit-"))
        return std::nullopt;
    const QStringView digits = name.mid(6);
    for (QChar c : digits) {
        if (!c.isDigit())
            return std::nullopt;
    }
    bool ok = false;
    const qlonglong limit = digits.toLongLong(&ok);
    if (!ok || limit < 1 || limit > ScenarioLimits::maxLimit)
        return std::nullopt;
    return int(limit);
}

// The result a fresh record derives for a task that has no stored result (RunRecord::result),
// as the CSV shows it: only a result that differs is stored, so a sleep's result stays the number.
std::optional<QString> derivedResult(const Task &task, TaskStatus status)
{
    if (status == TaskStatus::Cancelled)
        return QStringLiteral("cancelled");
    if (task.kind == TaskKind::Http)
        return std::nullopt; // always a text from the network: stored
    return formatSeconds(task.duration);
}

} // namespace

QString CsvImport::unguardText(const QString &cell)
{
    if (cell.size() >= 2 && cell.front() == QLatin1Char('\'')) {
        const QChar c = cell.at(1);
        if (c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-')
            || c == QLatin1Char('@') || c == QLatin1Char('\t') || c == QLatin1Char('\r'))
            return cell.mid(1);
    }
    return cell;
}

std::optional<CsvImport::Runs> CsvImport::parse(const QByteArray &data, QString *error)
{
    return parse(data, QString(), error);
}

std::optional<CsvImport::Runs> CsvImport::parse(const QByteArray &data, const QString &name,
                                                QString *error)
{
    Q_ASSERT(error);
    QString text = QString::fromUtf8(data);
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    Reader reader(text);
    QString why;

    auto failAt = [&](qsizetype line, const QString &message) {
        *error = tr("line %1: %2").arg(line).arg(message);
        return std::nullopt;
    };

    if (text.isEmpty())
        return failAt(1,
                      tr("the file is empty; expected the header \"%1\"").arg(CsvExport::header()));
    if (!reader.next(&why))
        return failAt(reader.recordLine(), why);
    // Where each column is in this file: today's header, or one of an earlier generation of the
    // format (CsvColumn::generation(); -1 for the columns it lacks).
    std::array<int, CsvColumn::Count> position;
    qsizetype fieldsPerRow = 0;
    {
        QStringList header;
        for (int i = 0; i < std::min<qsizetype>(reader.fieldCount(), CsvColumn::Count); ++i)
            header << reader.field(i).toString();
        const QString found = header.join(QLatin1Char(','));
        int generation = -1;
        for (int g = CsvColumn::currentGeneration; g >= 0 && generation < 0; --g) {
            QStringList names;
            for (int column = 0; column < CsvColumn::Count; ++column) {
                if (CsvColumn::generation(column) <= g)
                    names << CsvColumn::name(column);
            }
            if (reader.fieldCount() == names.size() && found == names.join(u','))
                generation = g;
        }
        if (generation < 0)
            return failAt(
                    1,
                    tr("not a TaskLanes CSV: the header must be \"%1\"").arg(CsvExport::header()));
        int next = 0;
        for (int column = 0; column < CsvColumn::Count; ++column)
            position[size_t(column)] = CsvColumn::generation(column) <= generation ? next++ : -1;
        fieldsPerRow = next;
    }

    QList<RunBuilder> runs;
    while (!reader.atEnd()) {
        if (!reader.next(&why))
            return failAt(reader.recordLine(), why);
        const qsizetype line = reader.recordLine();
        if (reader.fieldCount() == 1 && reader.field(0).isEmpty()) {
            // An empty line: allowed only at the end of the file.
            Reader rest = reader;
            bool onlyEmpty = true;
            while (!rest.atEnd() && onlyEmpty) {
                QString ignored;
                onlyEmpty =
                        rest.next(&ignored) && rest.fieldCount() == 1 && rest.field(0).isEmpty();
            }
            if (onlyEmpty)
                break;
            return failAt(line, tr("an empty line between rows"));
        }
        if (reader.fieldCount() != fieldsPerRow)
            return failAt(line,
                          tr("%1 fields, expected %2").arg(reader.fieldCount()).arg(fieldsPerRow));

        auto cell = [&](int column) {
            const int at = position[size_t(column)];
            return at < 0 ? QStringView() : reader.field(at);
        };
        auto bad = [&](int column, const QString &problem) {
            return failAt(
                    line,
                    tr("%1 %2 %3").arg(CsvColumn::name(column), shown(cell(column)), problem));
        };
        // A number, or nothing when the cell is empty and `optional`.
        auto number = [&](int column, double *value, bool *present) -> bool {
            const QStringView c = cell(column);
            *present = !c.isEmpty();
            if (c.isEmpty())
                return true;
            bool ok = false;
            *value = c.toDouble(&ok);
            return ok && std::isfinite(*value);
        };

        // run
        const QStringView runName = cell(CsvColumn::Run);
        RunOrigin origin = RunOrigin::Ran;
        const auto limit = limitFromRunName(runName, &origin);
        if (!limit)
            return bad(CsvColumn::Run, tr("is not a run name (unlimited, limit-N, recorded or "
                                          "what-if-limit-N)"));
        if (runs.isEmpty() || runs.constLast().name != runName) {
            for (const RunBuilder &r : std::as_const(runs)) {
                if (r.name == runName)
                    return bad(CsvColumn::Run,
                               tr("appears again after other runs (rows must be grouped "
                                  "by run)"));
            }
            if (runs.size() >= maxRuns)
                return bad(CsvColumn::Run, tr("is a third run (at most %1: a single run or a "
                                              "comparison)")
                                                   .arg(maxRuns));
            RunBuilder r;
            r.name = runName.toString();
            r.scenario.name = name;
            r.scenario.options.limit = *limit;
            r.scenario.options.origin = origin;
            if (position[CsvColumn::PoolThreads] >= 0) {
                bool poolOk = false;
                const qlonglong pool = cell(CsvColumn::PoolThreads).toLongLong(&poolOk);
                if (!poolOk || pool < 1 || pool > ScenarioLimits::maxThreads)
                    return bad(
                            CsvColumn::PoolThreads,
                            tr("is not a thread count (1 to %1)").arg(ScenarioLimits::maxThreads));
                r.scenario.options.threads = int(pool);
                const auto admission = admissionFromName(cell(CsvColumn::Admission));
                if (!admission)
                    return bad(CsvColumn::Admission, tr("is not an admission (fifo or in-task)"));
                r.scenario.options.admission = *admission;
            }
            if (position[CsvColumn::Seed] >= 0) {
                ServerModel &server = r.scenario.options.server;
                double value = 0.0;
                bool has = false;
                if (!number(CsvColumn::ServerCapacity, &value, &has)
                    || (has && (value <= 0 || value > ScenarioLimits::maxServerCapacity)))
                    return bad(CsvColumn::ServerCapacity,
                               tr("is not a capacity (empty, or more than 0)"));
                server.capacity = has ? value : 0.0;
                const QStringView max = cell(CsvColumn::ServerMaxInFlight);
                if (!max.isEmpty()) {
                    bool maxOk = false;
                    const qlonglong m = max.toLongLong(&maxOk);
                    if (!maxOk || m < 1 || m > ScenarioLimits::maxServerInFlight)
                        return bad(CsvColumn::ServerMaxInFlight,
                                   tr("is not a number of requests (empty, or 1 to %1)")
                                           .arg(ScenarioLimits::maxServerInFlight));
                    server.maxInFlight = int(m);
                }
                if (!number(CsvColumn::ServerLatency, &value, &has) || !has || value < 0
                    || value > ScenarioLimits::maxDuration)
                    return bad(CsvColumn::ServerLatency, tr("is not a number of seconds"));
                server.latency = value;
                bool seedOk = false;
                const qulonglong seed = cell(CsvColumn::Seed).toULongLong(&seedOk);
                if (!seedOk || seed > 0xffffffffULL)
                    return bad(CsvColumn::Seed, tr("is not a seed (0 to 4294967295)"));
                r.scenario.options.seed = quint32(seed);
                for (int column : {CsvColumn::ServerCapacity, CsvColumn::ServerMaxInFlight,
                                   CsvColumn::ServerLatency, CsvColumn::Seed})
                    r.serverCells << cell(column).toString();
            }
            runs.append(std::move(r));
        }
        RunBuilder &run = runs.last();
        if (position[CsvColumn::Seed] >= 0) {
            int k = 0;
            for (int column : {CsvColumn::ServerCapacity, CsvColumn::ServerMaxInFlight,
                               CsvColumn::ServerLatency, CsvColumn::Seed}) {
                const QString &first = run.serverCells.at(k++);
                if (cell(column) != first)
                    return bad(column, tr("differs from the run's first row (%1)").arg(first));
            }
        }
        if (position[CsvColumn::PoolThreads] >= 0) {
            if (cell(CsvColumn::PoolThreads) != QString::number(run.scenario.options.threads))
                return bad(CsvColumn::PoolThreads, tr("differs from the run's first row (%1)")
                                                           .arg(run.scenario.options.threads));
            if (cell(CsvColumn::Admission) != admissionName(run.scenario.options.admission))
                return bad(CsvColumn::Admission,
                           tr("differs from the run's first row (%1)")
                                   .arg(admissionName(run.scenario.options.admission)));
        }

        // task: 1, 2, ... within the run
        bool ok = false;
        const qlonglong taskNo = cell(CsvColumn::TaskNumber).toLongLong(&ok);
        const qsizetype expected = run.scenario.tasks.size() + 1;
        if (!ok)
            return bad(CsvColumn::TaskNumber, tr("is not a task number"));
        if (taskNo != expected)
            return bad(CsvColumn::TaskNumber,
                       tr("is out of order (expected %1: tasks are numbered 1, 2, "
                          "... within each run)")
                               .arg(expected));
        if (expected > ScenarioLimits::maxTasks)
            return bad(CsvColumn::TaskNumber,
                       tr("is too many tasks (at most %1 per run)").arg(ScenarioLimits::maxTasks));

        Task task;
        const auto kind = taskKindFromName(cell(CsvColumn::Kind));
        if (!kind)
            return bad(CsvColumn::Kind, tr("is not a task kind (sleep, cpu or http)"));
        task.kind = *kind;

        double duration = 0.0;
        bool present = false;
        if (!number(CsvColumn::Duration, &duration, &present) || !present)
            return bad(CsvColumn::Duration, tr("is not a number"));
        if (duration < 0 || duration > ScenarioLimits::maxDuration)
            return bad(CsvColumn::Duration,
                       tr("is out of range (0 to %1 s)")
                               .arg(formatSeconds(ScenarioLimits::maxDuration)));
        task.duration = duration;

        // retries and backoff_s: set for http tasks, empty for the others.
        if (position[CsvColumn::Retries] >= 0) {
            const QStringView retries = cell(CsvColumn::Retries);
            const QStringView backoff = cell(CsvColumn::Backoff);
            if (task.kind == TaskKind::Http) {
                const qlonglong n = retries.toLongLong(&ok);
                if (!ok || n < 0 || n > ScenarioLimits::maxRetries)
                    return bad(CsvColumn::Retries, tr("is not a number of retries (0 to %1)")
                                                           .arg(ScenarioLimits::maxRetries));
                task.retries = quint8(n);
                double b = 0.0;
                bool hasBackoff = false;
                if (!number(CsvColumn::Backoff, &b, &hasBackoff) || !hasBackoff || b < 0
                    || b > ScenarioLimits::maxBackoff)
                    return bad(CsvColumn::Backoff,
                               tr("is out of range (0 to %1 s)")
                                       .arg(formatSeconds(ScenarioLimits::maxBackoff)));
                task.setBackoff(b);
            } else if (!retries.isEmpty()) {
                return bad(CsvColumn::Retries, tr("is set although the task is not http"));
            } else if (!backoff.isEmpty()) {
                return bad(CsvColumn::Backoff, tr("is set although the task is not http"));
            }
        }

        double scale = 0.0;
        if (!number(CsvColumn::TimeScale, &scale, &present) || !present)
            return bad(CsvColumn::TimeScale, tr("is not a number"));
        if (scale < ScenarioLimits::minTimeScale || scale > ScenarioLimits::maxTimeScale)
            return bad(CsvColumn::TimeScale,
                       tr("is out of range (%1 to %2)")
                               .arg(formatSeconds(ScenarioLimits::minTimeScale),
                                    formatSeconds(ScenarioLimits::maxTimeScale)));
        if (expected == 1)
            run.scenario.options.timeScale = scale;
        else if (scale != run.scenario.options.timeScale)
            return bad(CsvColumn::TimeScale,
                       tr("differs from the run's first row (%1)")
                               .arg(formatSeconds(run.scenario.options.timeScale)));

        // The label: a default one ("5 s", "GET url") is left to be derived, as it was.
        const QString label = CsvImport::unguardText(cell(CsvColumn::Label).toString());
        if (task.kind == TaskKind::Http && label.startsWith(u"GET ") && label.size() > 4)
            task.setUrl(label.mid(4));
        if (label != task.displayLabel())
            task.setLabel(label);

        // The gate and its limit: the same limit on every row of the gate.
        const QString gateName = CsvImport::unguardText(cell(CsvColumn::Gate).toString());
        if (!gateName.isEmpty()) {
            QString gateProblem;
            if (!ScenarioParser::isValidGateName(gateName, &gateProblem))
                return failAt(line, gateProblem);
            bool limitOk = false;
            const qlonglong gateLimit = cell(CsvColumn::GateLimit).toLongLong(&limitOk);
            if (!limitOk || gateLimit < 1 || gateLimit > ScenarioLimits::maxLimit)
                return bad(CsvColumn::GateLimit,
                           tr("is not a gate limit (1 to %1)").arg(ScenarioLimits::maxLimit));
            RunOptions &options = run.scenario.options;
            const int existing = options.gateIndex(gateName);
            if (existing < 0 && options.gates.size() >= ScenarioLimits::maxGates)
                return bad(CsvColumn::Gate,
                           tr("is one gate too many (at most %1)").arg(ScenarioLimits::maxGates));
            if (existing < 0)
                options.gates.append(Gate{gateName, int(gateLimit)});
            else if (options.gates.at(existing).limit != gateLimit)
                return bad(CsvColumn::GateLimit,
                           tr("differs from the gate's limit on an earlier row (%1)")
                                   .arg(options.gates.at(existing).limit));
            task.setGate(gateName);
        } else if (!cell(CsvColumn::GateLimit).isEmpty()) {
            return bad(CsvColumn::GateLimit, tr("is set although the task has no gate"));
        }

        const auto status = taskStatusFromName(cell(CsvColumn::Status));
        if (!status)
            return bad(CsvColumn::Status, tr("is not a status (ok, failed or cancelled)"));
        if (!isTerminal(*status))
            return bad(CsvColumn::Status,
                       tr("means the CSV was exported while the run was going on; "
                          "only finished runs can be opened"));

        double submitted = 0.0, started = 0.0, finished = 0.0, derived = 0.0;
        bool hasSubmitted = false, hasStarted = false, hasFinished = false, hasDerived = false;
        if (!number(CsvColumn::Submitted, &submitted, &hasSubmitted))
            return bad(CsvColumn::Submitted, tr("is not a number"));
        if (!number(CsvColumn::Started, &started, &hasStarted))
            return bad(CsvColumn::Started, tr("is not a number"));
        if (!number(CsvColumn::Finished, &finished, &hasFinished))
            return bad(CsvColumn::Finished, tr("is not a number"));
        for (int column : {CsvColumn::Submitted, CsvColumn::Started, CsvColumn::Finished}) {
            double v = 0.0;
            bool has = false;
            number(column, &v, &has);
            if (has && v < 0)
                return bad(column, tr("is negative"));
            // Kept as microseconds of scenario time, then real nanoseconds: both must fit a
            // qint64 with room to spare (some 30 years of scenario time, 126 years of real time).
            const double most = std::min(1e9, 4e9 / scale);
            if (has && v > most)
                return bad(column, tr("is out of range (%1 to %2)")
                                           .arg(formatSeconds(0), formatSeconds(most)));
        }
        for (int column : {CsvColumn::Wait, CsvColumn::RunTime}) {
            if (!number(column, &derived, &hasDerived))
                return bad(column, tr("is not a number"));
            if (hasDerived != hasStarted)
                return bad(column, hasStarted ? tr("is empty although the task started")
                                              : tr("is set although the task never started"));
        }
        if (hasStarted && !hasFinished)
            return bad(CsvColumn::Finished, tr("is empty although the task started and ended %1")
                                                    .arg(cell(CsvColumn::Status).toString()));
        if (!hasStarted && hasFinished)
            return bad(CsvColumn::Started, tr("is empty although the task finished"));
        if (!hasStarted && *status != TaskStatus::Cancelled)
            return bad(CsvColumn::Started, tr("is empty, but only a cancelled task never starts"));
        if (hasStarted && hasSubmitted && started < submitted)
            return bad(CsvColumn::Started,
                       tr("is before submitted_s %1").arg(shown(cell(CsvColumn::Submitted))));
        if (hasStarted && finished < started)
            return bad(CsvColumn::Finished,
                       tr("is before started_s %1").arg(shown(cell(CsvColumn::Started))));
        double picked = 0.0;
        bool hasPicked = false;
        if (!number(CsvColumn::Picked, &picked, &hasPicked))
            return bad(CsvColumn::Picked, tr("is not a number"));
        if (hasPicked && (picked < 0 || (hasSubmitted && picked < submitted)))
            return bad(CsvColumn::Picked,
                       tr("is before submitted_s %1").arg(shown(cell(CsvColumn::Submitted))));
        if (hasPicked && hasStarted && picked > started)
            return bad(CsvColumn::Picked,
                       tr("is after started_s %1").arg(shown(cell(CsvColumn::Started))));

        int worker = 0;
        if (hasStarted) {
            const qlonglong w = cell(CsvColumn::Thread).toLongLong(&ok);
            if (!ok || w < 1 || w > ScenarioLimits::maxThreads)
                return bad(CsvColumn::Thread,
                           tr("is not a thread number (1 to %1)").arg(ScenarioLimits::maxThreads));
            worker = int(w);
        } else if (!cell(CsvColumn::Thread).isEmpty()) {
            return bad(CsvColumn::Thread, tr("is set although the task never started"));
        }

        // A file without the column: one attempt for each task that started.
        int attempts = hasStarted ? 1 : 0;
        if (position[CsvColumn::Attempts] >= 0) {
            const QStringView a = cell(CsvColumn::Attempts);
            if (hasStarted) {
                const qlonglong n = a.toLongLong(&ok);
                if (!ok || n < 1 || n > ScenarioLimits::maxRetries + 1)
                    return bad(CsvColumn::Attempts, tr("is not a number of attempts (1 to %1)")
                                                            .arg(ScenarioLimits::maxRetries + 1));
                attempts = int(n);
            } else if (!a.isEmpty()) {
                return bad(CsvColumn::Attempts, tr("is set although the task never started"));
            }
        }

        // Seconds become nanoseconds once the run's records exist (they own the conversion).
        TaskSample sample;
        sample.status = *status;
        sample.worker = worker;
        sample.submittedNs = hasSubmitted ? qint64(std::llround(submitted * 1e6)) : -1;
        sample.pickedNs = hasPicked ? qint64(std::llround(picked * 1e6)) : -1;
        sample.startedNs = hasStarted ? qint64(std::llround(started * 1e6)) : -1;
        sample.finishedNs = hasFinished ? qint64(std::llround(finished * 1e6)) : -1;
        run.samples.append(sample);
        run.attempts.append(attempts);
        run.results.append(CsvImport::unguardText(cell(CsvColumn::Result).toString()));
        run.scenario.tasks.append(std::move(task));
    }
    if (runs.isEmpty())
        return failAt(2, tr("no rows: the file holds only the header"));

    Runs records;
    for (RunBuilder &builder : runs) {
        auto record = std::make_shared<RunRecord>(builder.scenario);
        // Microseconds of scenario time, as read, to real nanoseconds (the record's unit).
        auto ns = [&](qint64 us) { return us < 0 ? us : record->toNanoseconds(double(us) / 1e6); };
        // The CSV has no time for a task cancelled before it started; the engine finishes those
        // once the pool is done, so they take the run's last finish (and complete after it).
        qint64 cancelNs = 0;
        for (const TaskSample &s : std::as_const(builder.samples))
            cancelNs = std::max({cancelNs, ns(s.submittedNs), ns(s.finishedNs)});
        for (qsizetype i = 0; i < builder.samples.size(); ++i) {
            TaskSample s = builder.samples.at(i);
            s.submittedNs = ns(s.submittedNs);
            s.pickedNs = ns(s.pickedNs);
            s.startedNs = ns(s.startedNs);
            s.finishedNs = s.hasStarted() ? ns(s.finishedNs) : cancelNs;
            const QString &result = builder.results.at(i);
            const auto derived = derivedResult(record->task(i), s.status);
            record->setLoaded(i, s, derived && *derived == result ? QVariant() : QVariant(result));
            record->setLoadedAttempts(i, builder.attempts.at(i));
        }
        record->finishLoading();
        records.append(std::move(record));
    }
    return records;
}

std::optional<CsvImport::Runs> CsvImport::readFile(const QString &path, QString *error)
{
    Q_ASSERT(error);
    const QString shownPath = QDir::toNativeSeparators(path);
    QFile file(path);
    if (QFileInfo(path).isDir()) {
        *error = tr("cannot read \"%1\": it is a folder").arg(shownPath);
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read \"%1\": %2").arg(shownPath, file.errorString());
        return std::nullopt;
    }
    // Bounded: a device such as /dev/zero has no size and never ends.
    const QByteArray data = file.size() > maxFileBytes ? QByteArray() : file.read(maxFileBytes + 1);
    if (file.size() > maxFileBytes || data.size() > maxFileBytes) {
        *error = tr("cannot read \"%1\": it is too large (at most %2 MiB)")
                         .arg(shownPath)
                         .arg(maxFileBytes >> 20);
        return std::nullopt;
    }
    QString why;
    auto runs = parse(data, QFileInfo(path).completeBaseName(), &why);
    if (!runs)
        *error = QStringLiteral("%1: %2").arg(shownPath, why);
    return runs;
}
