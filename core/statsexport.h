#pragma once

#include "schedule.h"
#include "sweep.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <memory>
#include <utility>

class QIODevice;
class RunRecord;
struct RunOptions;

// The statistics of one run or a comparison as JSON for scripts (the CLI's --stats):
//
//   {"version": 1,
//    "runs": [{"name": "limit-2", "limit": 2, "admission": "fifo", "gates": {},
//              "pool_threads": 5, "time_scale": 1, "tasks": 5, "ok": 5, "failed": 0,
//              "cancelled": 0, "cancelled_while_running": 0, "started": 5, "completed": true,
//              "makespan_s": 12.004, "predicted_makespan_s": 12, "serial_s": 21, "busy_s": 21.01,
//              "speedup": 1.75, "peak_concurrency": 2, "mean_wait_s": 2.4, "max_wait_s": 8.003,
//              "mean_completion_s": 6.6, "cores": 2}, ...],
//    "comparison": {"first": "unlimited", "second": "limit-2", "makespan_ratio": 1.5, ...}}
//
// Each run also has "retries" and "rejected" (429 answers) and, when it was limited, "advice":
// {"current_s", "longest_first_s", "lower_bound_s"} (Advisor::advise, core/advisor.h). A limit
// sweep (the CLI's --sweep) adds, after "comparison":
//
//    "sweep": [{"limit": 1, "makespan_s": 21.01, "predicted_makespan_s": 21, ...}, ...],
//    "best_limit": 5, "knee_limit": 3, "predicted": false
//
// with one object per limit (the SweepPoint's figures; "predicted": true when every figure is the
// prediction's, and then "runs" is empty).
// Every field is a RunStats field (see schedule.h for what each one covers), in scenario
// seconds, written with the shortest text that reads back as the same double. "comparison" is
// null unless there are two runs; its differences are second minus first, as the CLI prints them.
// Keys come in a fixed order and nothing depends on the clock or the locale: the same runs give
// the same bytes.
namespace StatsExport {

constexpr int version = 1;

using Fields = QList<std::pair<QString, QJsonValue>>;

// The run's options as the stats report them: limit (null when unlimited), admission and gates.
// TO COMPLETE AT MERGE (wip-engine adds admission modes and per-group gates to RunOptions):
// write options.admission's name and the gates {"name": limit, ...}; everything else stays.
Fields optionsJson(const RunOptions &options);

// A limit sweep's points and what it recommends (Sweep::bestLimit, Sweep::kneeLimit).
struct SweepSummary
{
    QList<SweepPoint> points;
    int bestLimit = 0;
    int kneeLimit = 0;
    bool predicted = false;
};

// sweep: when given, the "sweep" keys are written and "comparison" is null.
QByteArray toJson(const QList<std::shared_ptr<const RunRecord>> &runs, const QList<RunStats> &stats,
                  const SweepSummary *sweep = nullptr);
bool write(QIODevice &device, const QList<std::shared_ptr<const RunRecord>> &runs,
           const QList<RunStats> &stats, const SweepSummary *sweep = nullptr);
// Atomically (core/safefile.h): never a half-written file. *error names the path on failure.
bool writeFile(const QString &path, const QList<std::shared_ptr<const RunRecord>> &runs,
               const QList<RunStats> &stats, QString *error, const SweepSummary *sweep = nullptr);

} // namespace StatsExport
