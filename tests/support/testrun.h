#pragma once

#include <QList>
#include <QtGlobal>

#include <memory>

class RunEngine;
class RunRecord;
struct Scenario;

// Runs `scenario` on `engine` to its end through the event loop, the way a view sees it. The
// record, or null when the run did not start, was not running right after start(), did not
// finish within `timeoutMs`, or finished with the engine still running or the record incomplete.
std::shared_ptr<const RunRecord> runToEnd(RunEngine &engine, const Scenario &scenario,
                                          int timeoutMs = 60000);
// The same on an engine of its own.
std::shared_ptr<const RunRecord> runToEnd(const Scenario &scenario, int timeoutMs = 60000);

// The most tasks running at once, over the record's concurrency steps.
int peakRunning(const RunRecord &record);

// Threads of this process (Linux: /proc/self/task).
int threadCount();

// CPU time the calling thread has used, in nanoseconds. Unlike wall time it does not grow while
// a loaded machine keeps the thread waiting, so it makes a fair baseline for "cheap" and "costly".
qint64 threadCpuNs();

// A finished run that went exactly as predicted (time scale 1): every task of `durations`
// submitted at 0, started and finished at its predicted times on the slot the FIFO schedule gives
// it, the events published in time order (a finish before a start at the same moment).
std::shared_ptr<RunRecord> idealRun(const QList<double> &durations, int limit);

// Two local:/work tasks (1 s, 3 retries) at timeScale: task 1 retried twice after 429s (at 100
// and 300 ms) and finished at 900 ms, task 2 made one attempt and finished at 500 ms; both
// started at 1 ms on threads 1 and 2, results "ok". Real milliseconds.
std::shared_ptr<RunRecord> retriedHttpRun(double timeScale = 1.0);
