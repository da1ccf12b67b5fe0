#include "statsexport.h"

#include "advisor.h"
#include "runrecord.h"
#include "safefile.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QThread>

#include <cmath>
#include <utility>

namespace {

// Each gate's most tasks running at once, by name: {"cpu": 2}.
QJsonObject gatePeaks(const RunOptions &o, const RunStats &st)
{
    QJsonObject peaks;
    for (qsizetype g = 0; g < o.gates.size() && g < st.gatePeaks.size(); ++g)
        peaks.insert(o.gates.at(g).name, st.gatePeaks.at(g));
    return peaks;
}

void appendString(QByteArray &out, const QString &text)
{
    out += '"';
    for (const char c : text.toUtf8()) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            static const char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
}

// Integral values as integers ("5", not "5e+00" or "1e+06"), others with the shortest text that
// reads back as the same double; JSON has no NaN or infinity.
void appendNumber(QByteArray &out, double v)
{
    if (!std::isfinite(v))
        out += "null";
    else if (v == std::trunc(v) && std::abs(v) < 1e15)
        out += QByteArray::number(qint64(v));
    else
        out += QString::number(v, 'g', QLocale::FloatingPointShortest).toLatin1();
}

void appendValue(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double:
        appendNumber(out, value.toDouble());
        break;
    case QJsonValue::String:
        appendString(out, value.toString());
        break;
    case QJsonValue::Array: {
        out += '[';
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i > 0)
                out += ", ";
            appendValue(out, array.at(i));
        }
        out += ']';
        break;
    }
    case QJsonValue::Object: {
        // QJsonObject iterates its keys sorted: deterministic.
        out += '{';
        const QJsonObject object = value.toObject();
        bool first = true;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!std::exchange(first, false))
                out += ", ";
            appendString(out, it.key());
            out += ": ";
            appendValue(out, it.value());
        }
        out += '}';
        break;
    }
    default:
        out += "null";
        break;
    }
}

// An object whose keys keep the order they were given in.
void appendFields(QByteArray &out, const StatsExport::Fields &fields, const QByteArray &indent)
{
    out += "{\n";
    for (qsizetype i = 0; i < fields.size(); ++i) {
        out += indent + "  ";
        appendString(out, fields.at(i).first);
        out += ": ";
        appendValue(out, fields.at(i).second);
        out += i + 1 < fields.size() ? ",\n" : "\n";
    }
    out += indent + '}';
}

QJsonValue count(qsizetype n)
{
    return QJsonValue(qint64(n));
}

StatsExport::Fields runFields(const RunRecord &record, const RunStats &st)
{
    const RunOptions &o = record.options();
    StatsExport::Fields f{{QStringLiteral("name"), record.runName()}};
    f += StatsExport::optionsJson(o);
    f += StatsExport::Fields{
            {QStringLiteral("pool_threads"), o.effectiveThreads(record.taskCount())},
            {QStringLiteral("time_scale"), o.timeScale},
            {QStringLiteral("tasks"), count(st.tasks)},
            {QStringLiteral("ok"), count(st.ok)},
            {QStringLiteral("failed"), count(st.failed)},
            {QStringLiteral("cancelled"), count(st.cancelled)},
            {QStringLiteral("cancelled_while_running"), count(st.cancelledRunning)},
            {QStringLiteral("started"), count(st.started)},
            {QStringLiteral("completed"), st.completed},
            {QStringLiteral("makespan_s"), st.makespan},
            {QStringLiteral("predicted_makespan_s"), st.predictedMakespan},
            {QStringLiteral("serial_s"), st.serial},
            {QStringLiteral("busy_s"), st.busy},
            {QStringLiteral("speedup"), st.speedup},
            {QStringLiteral("peak_concurrency"), st.peakConcurrency},
            {QStringLiteral("mean_wait_s"), st.meanWait},
            {QStringLiteral("max_wait_s"), st.maxWait},
            {QStringLiteral("mean_completion_s"), st.meanCompletion},
            {QStringLiteral("gate_peaks"), gatePeaks(o, st)},
            {QStringLiteral("cores"), QThread::idealThreadCount()},
            {QStringLiteral("retries"), count(st.retries)},
            {QStringLiteral("rejected"), count(st.rejected)},
    };
    if (o.isLimited() && record.taskCount() > 0) {
        const ScheduleAdvice advice = Advisor::advise(record.scenario().tasks, o);
        f.append({QStringLiteral("advice"),
                  QJsonObject{{QStringLiteral("lower_bound_s"), advice.lowerBound},
                              {QStringLiteral("longest_first_s"), advice.longestFirst},
                              {QStringLiteral("current_s"), advice.current}}});
    }
    return f;
}

// One point of a sweep on one line, keys in the CSV's order.
void appendPoint(QByteArray &out, const SweepPoint &p)
{
    const StatsExport::Fields fields{
            {QStringLiteral("limit"), p.limit},
            {QStringLiteral("makespan_s"), p.makespan},
            {QStringLiteral("predicted_makespan_s"), p.predictedMakespan},
            {QStringLiteral("mean_completion_s"), p.meanCompletion},
            {QStringLiteral("mean_wait_s"), p.meanWait},
            {QStringLiteral("max_wait_s"), p.maxWait},
            {QStringLiteral("ok"), count(p.ok)},
            {QStringLiteral("failed"), count(p.failed)},
            {QStringLiteral("retries"), count(p.retries)},
            {QStringLiteral("rejected"), count(p.rejected)},
            {QStringLiteral("completed"), p.completed},
            {QStringLiteral("predicted"), p.predicted},
    };
    out += '{';
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += ", ";
        appendString(out, fields.at(i).first);
        out += ": ";
        appendValue(out, fields.at(i).second);
    }
    out += '}';
}

// What the CLI's comparison prints: second minus first, and the ratios.
StatsExport::Fields comparisonFields(const RunRecord &first, const RunStats &a,
                                     const RunRecord &second, const RunStats &b)
{
    const auto ratio = [](double x, double y) {
        return y > 0 ? QJsonValue(x / y) : QJsonValue(QJsonValue::Null);
    };
    return {
            {QStringLiteral("first"), first.runName()},
            {QStringLiteral("second"), second.runName()},
            {QStringLiteral("completed"), a.completed && b.completed},
            {QStringLiteral("makespan_difference_s"), b.makespan - a.makespan},
            {QStringLiteral("makespan_ratio"), ratio(b.makespan, a.makespan)},
            {QStringLiteral("predicted_makespan_difference_s"),
             b.predictedMakespan - a.predictedMakespan},
            {QStringLiteral("speedup_ratio"), ratio(b.speedup, a.speedup)},
            {QStringLiteral("peak_concurrency_difference"), b.peakConcurrency - a.peakConcurrency},
            {QStringLiteral("mean_wait_difference_s"), b.meanWait - a.meanWait},
            {QStringLiteral("max_wait_difference_s"), b.maxWait - a.maxWait},
            {QStringLiteral("mean_completion_difference_s"), b.meanCompletion - a.meanCompletion},
            {QStringLiteral("mean_completion_ratio"), ratio(b.meanCompletion, a.meanCompletion)},
    };
}

} // namespace

StatsExport::Fields StatsExport::optionsJson(const RunOptions &options)
{
    QJsonObject gates;
    for (const Gate &g : options.gates)
        gates.insert(g.name, g.limit);
    return {
            {QStringLiteral("limit"),
             options.isLimited() ? QJsonValue(options.limit) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("admission"), admissionName(options.admission)},
            {QStringLiteral("gates"), gates},
    };
}

QByteArray StatsExport::toJson(const QList<std::shared_ptr<const RunRecord>> &runs,
                               const QList<RunStats> &stats, const SweepSummary *sweep)
{
    Q_ASSERT(runs.size() == stats.size());
    QByteArray out = "{\n  \"version\": " + QByteArray::number(version) + ",\n  \"runs\": [";
    for (qsizetype r = 0; r < runs.size(); ++r) {
        out += r > 0 ? ",\n    " : "\n    ";
        appendFields(out, runFields(*runs.at(r), stats.at(r)), "    ");
    }
    out += runs.isEmpty() ? "],\n  \"comparison\": " : "\n  ],\n  \"comparison\": ";
    if (runs.size() == 2 && !sweep)
        appendFields(out, comparisonFields(*runs.at(0), stats.at(0), *runs.at(1), stats.at(1)),
                     "  ");
    else
        out += "null";
    if (sweep) {
        out += ",\n  \"sweep\": [";
        for (qsizetype k = 0; k < sweep->points.size(); ++k) {
            out += k > 0 ? ",\n    " : "\n    ";
            appendPoint(out, sweep->points.at(k));
        }
        out += sweep->points.isEmpty() ? "]" : "\n  ]";
        const auto limitOrNull = [](int limit) {
            return limit > 0 ? QJsonValue(limit) : QJsonValue(QJsonValue::Null);
        };
        out += ",\n  \"best_limit\": ";
        appendValue(out, limitOrNull(sweep->bestLimit));
        out += ",\n  \"knee_limit\": ";
        appendValue(out, limitOrNull(sweep->kneeLimit));
        out += ",\n  \"predicted\": ";
        out += sweep->predicted ? "true" : "false";
    }
    out += "\n}\n";
    return out;
}

bool StatsExport::write(QIODevice &device, const QList<std::shared_ptr<const RunRecord>> &runs,
                        const QList<RunStats> &stats, const SweepSummary *sweep)
{
    return writeAll(device, toJson(runs, stats, sweep));
}

bool StatsExport::writeFile(const QString &path,
                            const QList<std::shared_ptr<const RunRecord>> &runs,
                            const QList<RunStats> &stats, QString *error, const SweepSummary *sweep)
{
    const QByteArray json = toJson(runs, stats, sweep);
    return writeFileSafely(
            path, [&json](QIODevice &device) { return writeAll(device, json); }, error);
}
