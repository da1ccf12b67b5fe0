#pragma once

#include "schedule.h"

#include <QList>
#include <QString>
#include <QVariant>

#include <memory>

class RunRecord;
struct RunEvent;

// Text the CLI prints and the GUI's log shows, from the run record.
namespace RunReport {

// "5" for a number, "\"127.0.0.1\"" for text: how a result appears in a results list.
QString formatResult(const QVariant &result);
// "  1.002 s  finish #2  1 s  -> 1"
QString logLine(const RunRecord &record, const RunEvent &event);
// "results: [5, 1, 8, 3, 4]" in submission order. With maxItems >= 0 only the first maxItems
// results are listed and "…" stands for the rest (a status bar line for a million tasks).
QString resultsLine(const RunRecord &record, qsizetype maxItems = -1);
// "completion order: [2, 4, 5, 1, 3]" (task numbers).
QString completionLine(const RunRecord &record);
// What a run that was stopped ran: "1,511 of 2,000 ran; 489 cancelled. The statistics cover what
// ran."; empty for a run that completed.
QString whatRan(const RunStats &stats);
// Multi-line summary of one run.
QString summary(const RunRecord &record, const RunStats &stats);
// Why the measured makespan differs from the predicted one, in parentheses; empty when it does
// not differ by much. "(thread and timer overhead)" only when nothing else explains it.
QString deviationCause(const RunRecord &record, const RunStats &stats);
// Side-by-side summary of a comparison (first run against second).
QString comparison(const QList<std::shared_ptr<const RunRecord>> &records,
                   const QList<RunStats> &stats);

// Terminal columns the text takes: East Asian wide characters count two, so tables of Japanese
// labels line up.
int terminalColumns(const QString &text);
} // namespace RunReport
