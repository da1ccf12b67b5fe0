#pragma once

#include "csvimport.h"

#include <QByteArray>
#include <QMap>
#include <QString>

#include <optional>

// Reads a Chrome Trace Event JSON file (what Ray's `ray timeline`, Perfetto's and Chrome's JSON
// export, Taskflow's ChromeObserver, cargo-nextest and TaskLanes itself write) as a run:
//
// - Both forms of the format: an object with "traceEvents" (other keys ignored) or a bare array.
// - Complete events ("ph": "X" with "dur"), begin/end pairs ("B"/"E", matched per thread as a
//   stack) and metadata ("M": process_name, thread_name, process_sort_index, thread_sort_index).
//   Other phases (counters, instants, flows, async, ...) are skipped and counted.
// - "ts" and "dur" are microseconds, integers or decimals; "pid" and "tid" numbers or strings.
// - Each slice at nesting depth Options::depth of its thread (0: the top-level slices) whose name
//   or category matches Options::select becomes one task: label = name, kind trace, duration =
//   dur, worker lane = its thread (named from metadata, "process / thread"), wait 0 (a trace does
//   not know when work was submitted). Its category and args are kept as the task's details. Tasks
//   are ordered by start (then by thread order); the run starts at the earliest selected slice.
//   The run's options: unlimited, time scale 1, threads = the threads seen, origin Recorded.
// - A trace written by TaskLanes (TraceExport) is recognised by its metadata and read back as the
//   runs it came from (one or two), with their limits, time scale, statuses, results and waits.
//
// Errors name what and where (event index or byte offset) and nothing is returned; events that
// cannot be used but do not make the file wrong (a B without its E, phases not read) are counted
// in Report and the rest opens.
namespace TraceImport {

// The one place that decides the JSON reader for large traces (see docs/performance.md).
constexpr qint64 maxFileBytes = qint64(1) << 31; // 2 GiB of JSON, after decompression

struct Options
{
    int depth = 0; // nesting depth of the slices taken as tasks
    QString select; // a regular expression matched against name and category; empty: all
};

struct Report
{
    qsizetype events = 0; // trace events read
    qsizetype slices = 0; // complete slices found (X, and matched B/E pairs) at any depth
    qsizetype tasks = 0; // slices that became tasks
    qsizetype unmatchedBegins = 0; // B without its E
    qsizetype unmatchedEnds = 0; // E without its B
    QMap<QString, qsizetype> skippedPhases; // phase -> events not read ("C": 12, "i": 3)
    qsizetype skippedOtherDepth = 0; // slices at another depth
    qsizetype skippedNotSelected = 0; // slices --select did not match
    bool writtenByTaskLanes = false;

    // One line for stderr or the status bar when something was skipped, empty otherwise:
    // "skipped 12 counter events (C), 3 instant events (i), 1 B without E".
    QString warning() const;
};

// `name` becomes the runs' scenario name (the file's base name). `error` gets a message naming
// what and where; `report` (optional) what was read and skipped.
std::optional<CsvImport::Runs> parse(const QByteArray &json, const Options &options,
                                     const QString &name, QString *error, Report *report = nullptr);

// True when data (the start of a file, decompressed) looks like a Chrome trace rather than a
// scenario file: a bare array, or an object with a "traceEvents" key.
bool looksLikeTrace(QByteArrayView head);

} // namespace TraceImport
