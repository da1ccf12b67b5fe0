#include "runreport.h"

#include "runrecord.h"

#include <QCoreApplication>
#include <QLocale>
#include <QThread>

#include <algorithm>
#include <cmath>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RunReport", text);
}

QString secs(double s, int decimals = 3)
{
    return QString::number(s, 'f', decimals) + QStringLiteral(" s");
}

QString signedSecs(double s)
{
    return (s >= 0 ? QStringLiteral("+") : QString()) + secs(s);
}

QString percentOff(double measured, double predicted)
{
    if (predicted <= 0)
        return QString();
    const double pct = (measured - predicted) / predicted * 100.0;
    return (pct >= 0 ? QStringLiteral("+") : QString()) + QString::number(pct, 'f', 1)
           + QStringLiteral(" %");
}

// "1,511": counts in the summary are grouped the same way in English and Japanese.
QString count(qsizetype n)
{
    return QLocale(QLocale::English).toString(qlonglong(n));
}

QString speedupText(double s)
{
    return QString::number(s, 'f', 2) + QStringLiteral("x");
}

int columns(const QString &s)
{
    return RunReport::terminalColumns(s);
}

} // namespace

int RunReport::terminalColumns(const QString &s)
{
    int n = 0;
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        const bool wide = (u >= 0x1100 && u <= 0x115F) || (u >= 0x2E80 && u <= 0xA4CF)
                          || (u >= 0xAC00 && u <= 0xD7A3) || (u >= 0xF900 && u <= 0xFAFF)
                          || (u >= 0xFE30 && u <= 0xFE4F) || (u >= 0xFF00 && u <= 0xFF60)
                          || (u >= 0xFFE0 && u <= 0xFFE6) || c.isHighSurrogate();
        n += c.isLowSurrogate() ? 0 : (wide ? 2 : 1);
    }
    return n;
}

namespace {

QString pad(const QString &s, int width)
{
    return s + QString(std::max(0, width - columns(s)), QLatin1Char(' '));
}

// At least minimum columns, and room for the widest label and two spaces after it.
int labelWidth(const QStringList &labels, int minimum)
{
    int widest = 0;
    for (const QString &label : labels)
        widest = std::max(widest, columns(label));
    return std::max(minimum, widest + 2);
}

} // namespace

QString RunReport::formatResult(const QVariant &result)
{
    if (!result.isValid())
        return QStringLiteral("None");
    if (result.typeId() == QMetaType::Double)
        return formatSeconds(result.toDouble());
    QString text = result.toString();
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    text.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    text.replace(QLatin1Char('\r'), QStringLiteral("\\r"));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

QString RunReport::logLine(const RunRecord &record, const RunEvent &event)
{
    const TaskSample s = record.sample(event.task);
    const Task &task = record.task(event.task);
    const QString who = QStringLiteral("#%1  %2").arg(event.task + 1).arg(task.displayLabel());
    if (!event.finish) {
        return QStringLiteral("%1  %2 %3")
                .arg(QString::number(record.toScenarioSeconds(s.startedNs), 'f', 3)
                             .rightJustified(9),
                     pad(tr("start"), 9), who);
    }
    const QString time =
            QString::number(record.toScenarioSeconds(s.finishedNs), 'f', 3).rightJustified(9);
    switch (s.status) {
    case TaskStatus::Ok:
        return QStringLiteral("%1  %2 %3  -> %4")
                .arg(time, pad(tr("finish"), 9), who, formatResult(record.result(event.task)));
    case TaskStatus::Failed:
        return QStringLiteral("%1  %2 %3  -> %4")
                .arg(time, pad(tr("failed"), 9), who, record.result(event.task).toString());
    default:
        return QStringLiteral("%1  %2 %3").arg(time, pad(tr("cancelled"), 9), who);
    }
}

QString RunReport::resultsLine(const RunRecord &record, qsizetype maxItems)
{
    const qsizetype n = record.taskCount();
    const qsizetype shown = maxItems >= 0 ? std::min(n, maxItems) : n;
    // One buffer, not a list of a million small strings joined at the end.
    QString joined;
    joined.reserve(shown * 3);
    for (qsizetype i = 0; i < shown; ++i) {
        if (i > 0)
            joined += QStringLiteral(", ");
        joined += formatResult(record.result(i));
    }
    if (shown < n)
        joined += shown > 0 ? QStringLiteral(", \u2026") : QStringLiteral("\u2026");
    return tr("results: [%1]").arg(joined);
}

QString RunReport::completionLine(const RunRecord &record)
{
    QStringList parts;
    for (qsizetype i : record.completionOrder())
        parts.append(QString::number(i + 1));
    return tr("completion order: [%1]").arg(parts.join(QStringLiteral(", ")));
}

QString RunReport::whatRan(const RunStats &st)
{
    if (st.completed)
        return QString();
    // Tasks that ran to their end (ok or failed); the rest were cancelled.
    const qsizetype ran = st.ok + st.failed;
    if (st.cancelledRunning > 0) {
        return tr("%1 of %2 ran; %3 cancelled (%4 of them while running). The statistics cover "
                  "what ran.")
                .arg(count(ran), count(st.tasks), count(st.cancelled), count(st.cancelledRunning));
    }
    return tr("%1 of %2 ran; %3 cancelled. The statistics cover what ran.")
            .arg(count(ran), count(st.tasks), count(st.cancelled));
}

QString RunReport::summary(const RunRecord &record, const RunStats &st)
{
    const RunOptions &o = record.options();
    QStringList lines;
    lines << tr("run: %1 (time scale %2)")
                     .arg(o.poolText(record.taskCount()), formatSeconds(o.timeScale));
    if (!st.completed)
        lines << QStringLiteral("  ") + whatRan(st);
    QStringList labels = {
            tr("makespan"),  tr("serial time"),     tr("speedup"), tr("peak concurrency"),
            tr("mean wait"), tr("mean completion"), tr("tasks"),   tr("retries"),
            tr("cores")};
    for (const Gate &g : o.gates)
        labels << tr("gate %1 peak").arg(g.name);
    const int w = labelWidth(labels, 20);
    QString predicted;
    QString off;
    if (!st.completed) {
        predicted = tr("(predicted %1 for the whole batch; not compared, since not every task ran)")
                            .arg(secs(st.predictedMakespan));
    } else {
        off = percentOff(st.makespan, st.predictedMakespan);
        predicted = off.isEmpty() ? tr("(predicted %1)").arg(secs(st.predictedMakespan))
                                  : tr("(predicted %1, %2)").arg(secs(st.predictedMakespan), off);
    }
    lines << QStringLiteral("  ") + pad(tr("makespan"), w) + secs(st.makespan)
                     + QStringLiteral("  ") + predicted;
    const QString cause = deviationCause(record, st);
    if (!off.isEmpty() && !cause.isEmpty())
        lines << QStringLiteral("  ") + pad(QString(), w) + cause;
    lines << QStringLiteral("  ") + pad(tr("serial time"), w) + secs(st.serial);
    lines << QStringLiteral("  ") + pad(tr("speedup"), w) + speedupText(st.speedup);
    lines << QStringLiteral("  ") + pad(tr("peak concurrency"), w)
                     + QString::number(st.peakConcurrency);
    for (qsizetype g = 0; g < o.gates.size() && g < st.gatePeaks.size(); ++g) {
        lines << QStringLiteral("  ") + pad(tr("gate %1 peak").arg(o.gates.at(g).name), w)
                         + tr("%1 (limit %2)").arg(st.gatePeaks.at(g)).arg(o.gates.at(g).limit);
    }
    lines << QStringLiteral("  ") + pad(tr("mean wait"), w) + secs(st.meanWait)
                     + QStringLiteral("  ") + tr("(max %1)").arg(secs(st.maxWait));
    lines << QStringLiteral("  ") + pad(tr("mean completion"), w) + secs(st.meanCompletion)
                     + QStringLiteral("  ")
                     + tr("(finish - submit, over the %1 tasks that ran to their end)")
                               .arg(count(st.completions));
    lines << QStringLiteral("  ") + pad(tr("tasks"), w)
                     + tr("%1 ok, %2 failed, %3 cancelled")
                               .arg(st.ok)
                               .arg(st.failed)
                               .arg(st.cancelled);
    if (st.retries > 0 || st.rejected > 0) {
        lines << QStringLiteral("  ") + pad(tr("retries"), w)
                         + tr("%1, rejected (429): %2").arg(count(st.retries), count(st.rejected));
    }
    bool cpu = false;
    for (qsizetype i = 0; i < record.taskCount() && !cpu; ++i)
        cpu = record.task(i).kind == TaskKind::Cpu;
    if (cpu) {
        lines << QStringLiteral("  ") + pad(tr("cores"), w)
                         + tr("%1 (CPU-bound tasks share them: more running than cores makes each "
                              "one slower)")
                                   .arg(QThread::idealThreadCount());
    }
    return lines.join(QLatin1Char('\n'));
}

QString RunReport::deviationCause(const RunRecord &record, const RunStats &st)
{
    if (st.predictedMakespan <= 0)
        return QString();
    if (st.cancelled > 0 || st.failed > 0)
        return tr("(the run did not complete as planned: %1 failed, %2 cancelled)")
                .arg(st.failed)
                .arg(st.cancelled);
    const double off = (st.makespan - st.predictedMakespan) / st.predictedMakespan;
    if (std::abs(off) < 0.02)
        return QString();
    // Another system's trace: its tasks started when that system started them, not as soon as a
    // thread was free; the gaps are its own, not this machine's overhead.
    if (record.options().origin == RunOrigin::Recorded)
        return off > 0 ? tr("(the recorded tasks did not start as soon as a thread was free: "
                            "dependencies or idle time in the trace)")
                       : QString();
    bool cpu = false;
    for (qsizetype i = 0; i < record.taskCount() && !cpu; ++i)
        cpu = record.task(i).kind == TaskKind::Cpu;
    if (cpu) {
        // The prediction already shares the cores among the CPU tasks; what is left is the rest
        // of the machine: other processes, frequency scaling, the calibration of the CPU work.
        return tr("(the prediction shares %1 cores among the CPU tasks; the rest is other load "
                  "on the machine or CPU speed)")
                .arg(QThread::idealThreadCount());
    }
    if (off < 0)
        return tr("(faster than predicted: the record's clock or timers ran early)");
    return tr("(thread and timer overhead)");
}

QString RunReport::comparison(const QList<std::shared_ptr<const RunRecord>> &records,
                              const QList<RunStats> &stats)
{
    Q_ASSERT(records.size() == stats.size());
    if (records.size() < 2)
        return records.isEmpty() ? QString() : summary(*records.front(), stats.front());
    const RunStats &a = stats.at(0);
    const RunStats &b = stats.at(1);
    const int w0 = labelWidth({tr("pool threads"), tr("makespan"), tr("predicted makespan"),
                               tr("serial time"), tr("speedup"), tr("peak concurrency"),
                               tr("mean wait"), tr("max wait"), tr("mean completion"),
                               tr("tasks ok"), tr("retries"), tr("rejected (429)")},
                              20);
    const int w = 16;
    auto row = [&](const QString &name, const QString &x, const QString &y,
                   const QString &d) -> QString {
        return QStringLiteral("  ") + pad(name, w0) + pad(x, w) + pad(y, w) + d;
    };
    QStringList lines;
    lines << tr("comparison (time scale %1):")
                     .arg(formatSeconds(records.at(0)->options().timeScale));
    lines << row(QString(), records.at(0)->options().displayName(),
                 records.at(1)->options().displayName(), tr("difference"));
    // A what-if has no pool: the limit alone bounds it.
    const auto poolCell = [](const RunRecord &r) {
        return r.options().origin == RunOrigin::WhatIf
                       ? QStringLiteral("-")
                       : QString::number(r.options().effectiveThreads(r.taskCount()));
    };
    lines << row(tr("pool threads"), poolCell(*records.at(0)), poolCell(*records.at(1)), QString());
    lines << row(tr("makespan"), secs(a.makespan), secs(b.makespan),
                 signedSecs(b.makespan - a.makespan));
    lines << row(tr("predicted makespan"), secs(a.predictedMakespan), secs(b.predictedMakespan),
                 signedSecs(b.predictedMakespan - a.predictedMakespan));
    lines << row(tr("serial time"), secs(a.serial), secs(b.serial), QString());
    lines << row(tr("speedup"), speedupText(a.speedup), speedupText(b.speedup),
                 a.speedup > 0 ? tr("%1 as fast").arg(speedupText(b.speedup / a.speedup))
                               : QString());
    lines << row(tr("peak concurrency"), QString::number(a.peakConcurrency),
                 QString::number(b.peakConcurrency),
                 QString::number(b.peakConcurrency - a.peakConcurrency));
    lines << row(tr("mean wait"), secs(a.meanWait), secs(b.meanWait),
                 signedSecs(b.meanWait - a.meanWait));
    lines << row(tr("max wait"), secs(a.maxWait), secs(b.maxWait),
                 signedSecs(b.maxWait - a.maxWait));
    lines << row(tr("mean completion"), secs(a.meanCompletion), secs(b.meanCompletion),
                 signedSecs(b.meanCompletion - a.meanCompletion));
    lines << row(tr("tasks ok"),
                 QString::number(a.ok) + QLatin1Char('/') + QString::number(a.tasks),
                 QString::number(b.ok) + QLatin1Char('/') + QString::number(b.tasks), QString());
    if (a.retries + a.rejected + b.retries + b.rejected > 0) {
        lines << row(tr("retries"), count(a.retries), count(b.retries),
                     QString::number(b.retries - a.retries));
        lines << row(tr("rejected (429)"), count(a.rejected), count(b.rejected),
                     QString::number(b.rejected - a.rejected));
    }
    return lines.join(QLatin1Char('\n'));
}
