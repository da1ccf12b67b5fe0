#pragma once

#include <QList>
#include <QString>

#include <memory>

class QIODevice;
class RunProgress;
class RunRecord;

// Chrome trace event JSON, for Perfetto UI and chrome://tracing:
// {"traceEvents":[...],"displayTimeUnit":"ms"}. One process per run (named "unlimited",
// "limit 2"), one thread per task named "#3  8 s" and sorted by submission, a "wait" and a "run"
// complete event per task (never overlapping), a "tasks" counter of running and waiting tasks,
// and a flow from each task's submission to its start. ts and dur are microseconds of scenario
// time, like the CSV's seconds; the time scale is in each process's metadata.
namespace TraceExport {

// progress[i], when given and final, is the run model of runs[i]: its step function is written as
// the counter instead of being derived again from the record.
bool write(QIODevice &device, const QList<std::shared_ptr<const RunRecord>> &runs,
           const QList<std::shared_ptr<const RunProgress>> &progress = {});
bool writeFile(const QString &path, const QList<std::shared_ptr<const RunRecord>> &runs,
               QString *error, const QList<std::shared_ptr<const RunProgress>> &progress = {});

} // namespace TraceExport
