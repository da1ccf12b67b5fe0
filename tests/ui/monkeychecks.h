#pragma once

#include <QList>
#include <QString>

#include <memory>

class RunProgress;
class RunRecord;

// The invariants tst_monkey checks after every action, each returning why it does not hold, or an
// empty string when it does.
namespace MonkeyChecks {

// A run as the window shows it (live, final, opened from a file, a replay's or a prediction): its
// counts add up (waiting + running + done = submitted <= tasks, and = tasks once final), no step
// of its concurrency has more tasks running than its limit or its pool allows, and a final run's
// statistics keep the rules RunStats documents (speedup <= peak concurrency and the like).
QString runProblem(const RunProgress &run);

enum class Export { Csv, Png, Svg, Trace };

// An export that reported success left a complete file: a strict RFC 4180 CSV that core reads
// back as the same runs, a PNG or an SVG that loads, a trace that RunFile opens as the same runs
// (of runs still going, only a well-formed CSV or JSON object: they cannot be opened as finished
// runs); one that failed left nothing at `path` (nor a temporary file beside it). `exported` are
// the records as they were just before the export; `finished`: no session was running then (a
// run's record may be complete before its last events are published, and an export shows only
// those).
QString exportProblem(Export kind, const QString &path, bool written,
                      const QList<std::shared_ptr<const RunRecord>> &exported, bool finished);

} // namespace MonkeyChecks
