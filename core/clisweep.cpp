// CliRunner's --sweep output: a line per limit as it ends, then the table, the best limit and the
// knee, the sweep's CSV and statistics. Apart from clirunner.cpp, which parses and reports runs.
#include "clirunner.h"
#include "runprogress.h"
#include "runreport.h"
#include "runsession.h"
#include "safefile.h"
#include "statsexport.h"
#include "sweep.h"

#include <QDir>
#include <QFile>

#include <algorithm>

void CliRunner::onSweepPoint(int index, const SweepPoint &point)
{
    if (const auto session = m_sweep->session(); session && !session->records().isEmpty()) {
        m_sweepRecords.append(session->records().constFirst());
        const auto progress = session->runProgress(0);
        m_sweepStats.append(progress ? progress->stats() : RunStats());
    }
    if (m_quiet)
        return;
    QString line = tr("limit %1 (%2 of %3): %4 s, predicted %5 s, %6 ok, %7 failed")
                           .arg(point.limit)
                           .arg(index + 1)
                           .arg(m_sweepLimits.size())
                           .arg(QString::number(point.makespan, 'f', 2),
                                QString::number(point.predictedMakespan, 'f', 2))
                           .arg(point.ok)
                           .arg(point.failed);
    if (point.retries > 0)
        line += QStringLiteral(", ") + tr("%1 retries").arg(point.retries);
    if (!point.completed)
        line += QStringLiteral(" ") + tr("(stopped)");
    print(line + QLatin1Char('\n'));
}

void CliRunner::finishSweep(const QList<SweepPoint> &points, bool predicted)
{
    StatsExport::SweepSummary summary;
    summary.points = points;
    summary.bestLimit = Sweep::bestLimit(points);
    summary.kneeLimit = Sweep::kneeLimit(points);
    summary.predicted = predicted;

    const QStringList headers = {tr("limit"),       tr("makespan"),  tr("predicted"),
                                 tr("mean compl."), tr("mean wait"), tr("max wait"),
                                 tr("ok"),          tr("failed"),    tr("retries")};
    QList<QStringList> rows;
    for (const SweepPoint &p : points) {
        const auto secs = [](double s) { return QString::number(s, 'f', 2); };
        rows.append({QString::number(p.limit), secs(p.makespan), secs(p.predictedMakespan),
                     secs(p.meanCompletion), secs(p.meanWait), secs(p.maxWait),
                     QString::number(p.ok), QString::number(p.failed), QString::number(p.retries)});
        if (p.limit == summary.bestLimit && p.limit == summary.kneeLimit)
            rows.last().append(tr("<- best, knee"));
        else if (p.limit == summary.bestLimit)
            rows.last().append(tr("<- best"));
        else if (p.limit == summary.kneeLimit)
            rows.last().append(tr("<- knee"));
        if (!p.completed)
            rows.last().append(tr("(stopped)"));
    }
    QList<int> widths;
    for (const QString &h : headers)
        widths.append(RunReport::terminalColumns(h));
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < headers.size(); ++c)
            widths[c] = std::max(widths.at(c), RunReport::terminalColumns(row.at(c)));
    }
    const auto line = [&widths](const QStringList &cells) -> QString {
        QString text;
        for (qsizetype c = 0; c < cells.size(); ++c) {
            if (c > 0)
                text += QStringLiteral("  ");
            // Right-aligned by terminal columns: a Japanese header is twice as wide as its length.
            if (c < widths.size())
                text += QString(std::max(0, widths.at(c) - RunReport::terminalColumns(cells.at(c))),
                                QLatin1Char(' '));
            text += cells.at(c);
        }
        return text + QLatin1Char('\n');
    };
    QString out = predicted ? tr("limit sweep, predicted (nothing ran; scenario seconds):")
                            : tr("limit sweep (time scale %1; scenario seconds):")
                                      .arg(formatSeconds(m_scenario.options.timeScale));
    out += QLatin1Char('\n') + line(headers);
    for (const QStringList &row : rows)
        out += line(row);
    if (summary.bestLimit > 0) {
        out += tr("best limit: %1 (the smallest limit within 5 % of the shortest makespan, "
                  "fewest failed)")
                       .arg(summary.bestLimit)
               + QLatin1Char('\n');
        out += tr("knee: %1 (raising the limit above it shortens the makespan by less than 5 %)")
                       .arg(summary.kneeLimit)
               + QLatin1Char('\n');
    } else {
        out += tr("no limit completed: nothing to recommend") + QLatin1Char('\n');
    }
    print(out);

    bool allOk = points.size() == m_sweepLimits.size();
    for (const SweepPoint &p : points)
        allOk = allOk && p.completed && p.failed == 0;
    m_exitCode = predicted || allOk ? ExitOk : ExitTaskFailed;

    if (!m_sweepCsvPath.isEmpty()) {
        QString error;
        bool written = false;
        if (m_sweepCsvPath == u"-") {
            QFile stdoutFile;
            written = stdoutFile.open(stdout, QIODevice::WriteOnly)
                      && writeAll(stdoutFile, Sweep::csv(points)) && stdoutFile.flush();
            if (!written)
                error = tr("cannot write the CSV to stdout: %1").arg(stdoutFile.errorString());
        } else {
            written = Sweep::writeCsvFile(m_sweepCsvPath, points, &error);
        }
        if (!written) {
            fail(error);
            m_exitCode = ExitUsage;
        } else if (m_sweepCsvPath != u"-") {
            print(tr("CSV written to %1").arg(QDir::toNativeSeparators(m_sweepCsvPath))
                  + QLatin1Char('\n'));
        }
    }
    if (!m_statsPath.isEmpty() && !writeStats(m_sweepRecords, m_sweepStats, &summary))
        m_exitCode = ExitUsage;
}
