#pragma once

#include "scenario.h"
#include "schedule.h"
#include "traceimport.h"

#include <QObject>
#include <QStringList>

#include <cstdio>
#include <functional>
#include <memory>

class RunProgress;
class RunRecord;
class RunSession;
class SweepRunner;
struct SweepPoint;
namespace StatsExport {
struct SweepSummary;
}

// tasklanes-cli: parses the command line, runs the session (or opens recorded runs, --open),
// prints the live log, the results and the summary, writes the exports. The entry point only
// constructs it and returns exec().
class CliRunner : public QObject
{
    Q_OBJECT
public:
    enum ExitCode { ExitOk = 0, ExitTaskFailed = 1, ExitUsage = 2, ExitInterrupted = 130 };

    explicit CliRunner(QObject *parent = nullptr);
    ~CliRunner() override;

    // Parses arguments (argv[0] first), runs and returns the exit status. Runs an event loop.
    int exec(const QStringList &arguments);

    enum class ImageFormat { Png, Svg };
    // Writes a picture of the runs (the session's models of them) to path; false with *error
    // naming the path when it cannot.
    using ImageWriter = std::function<bool(ImageFormat format, const QString &path,
                                           const QList<std::shared_ptr<const RunProgress>> &runs,
                                           QString *error)>;
    // Set by the entry point when it can paint (core never depends on ui): adds --png and --svg,
    // written after the runs like --csv.
    void setImageWriter(ImageWriter writer);

private:
    bool parse(const QStringList &arguments, int *exitCode);
    void onProgress(int runIndex, qsizetype first, qsizetype end);
    void printLog(const RunRecord &record, qsizetype first, qsizetype end);
    void onFinished();
    // The results, summaries, comparison and exports of finished runs, from a session or a file.
    // cutShort: a comparison stopped before its second run.
    void report(const QList<std::shared_ptr<const RunProgress>> &progress, bool cutShort);
    // --open without --sweep: the opened runs (and the --what-if prediction) reported as a run.
    void reportOpened();
    // --sweep (clisweep.cpp): each limit's line as it ends, then the table, the CSV and the
    // statistics.
    void onSweepPoint(int index, const SweepPoint &point);
    void finishSweep(const QList<SweepPoint> &points, bool predicted);
    // --advise: the advisor's figures for a limited run, one line.
    QString adviceLine(const RunRecord &record) const;
    // Writes the statistics to m_statsPath (or stdout); false after reporting the failure.
    bool writeStats(const QList<std::shared_ptr<const RunRecord>> &runs,
                    const QList<RunStats> &stats, const StatsExport::SweepSummary *sweep);
    void print(const QString &text);
    void fail(const QString &message);

    RunSession *m_session = nullptr;
    SweepRunner *m_sweep = nullptr;
    Scenario m_scenario;
    // --open: the runs read from the file; the --what-if limit (0: none).
    QString m_openPath;
    TraceImport::Options m_openOptions;
    QList<std::shared_ptr<const RunRecord>> m_opened;
    int m_whatIfLimit = 0;
    QList<int> m_sweepLimits; // empty: no --sweep
    bool m_predictOnly = false;
    bool m_advise = false;
    QString m_sweepCsvPath;
    // A measured sweep's runs, one per limit, for --stats.
    QList<std::shared_ptr<const RunRecord>> m_sweepRecords;
    QList<RunStats> m_sweepStats;
    bool m_compare = false;
    bool m_quiet = false;
    QString m_csvPath;
    QString m_statsPath;
    QString m_tracePath;
    QString m_pngPath;
    QString m_svgPath;
    ImageWriter m_imageWriter;
    FILE *m_log = stdout;
    int m_exitCode = ExitOk;
};
