#pragma once

#include <QList>
#include <QString>

#include <memory>

class QIODevice;
class RunRecord;

// The CSV format shared by the CLI, the GUI and "Open Run": UTF-8, RFC 4180 (comma separated,
// CRLF line ends, fields with a comma, quote, CR or LF quoted, quotes doubled). One row per task,
// ordered by run then task. Columns in csvHeader(); see README "Export formats".
// The columns, in file order: what the writer writes, the importer reads and the tests index.
namespace CsvColumn {
enum Column : int {
    Run,
    TaskNumber,
    Label,
    Kind,
    Gate,
    GateLimit,
    Duration,
    Retries,
    Backoff,
    TimeScale,
    PoolThreads,
    Admission,
    ServerCapacity,
    ServerMaxInFlight,
    ServerLatency,
    Seed,
    Submitted,
    Picked,
    Started,
    Finished,
    Wait,
    RunTime,
    Thread,
    Attempts,
    Status,
    Result,
    Count
};
// "run", "task", ... "result": the header's names.
QString name(int column);
// Columns that files written before they existed lack (Open Run still reads those files).
bool isNewColumn(int column);
// The format's generation that brought the column: 0 the first, 1 gate, gate_limit,
// pool_threads, admission and picked_s, 2 retries, backoff_s, server_capacity,
// server_max_in_flight, server_latency_s, seed and attempts. A file of generation g has the columns
// of generations 0 to g, in today's order.
int generation(int column);
constexpr int currentGeneration = 2;
} // namespace CsvColumn

namespace CsvExport {

// The header row: the column names, comma separated.
QString header();
// One field, quoted when RFC 4180 needs it.
QString quoteField(const QString &text);
// A text cell: like quoteField, but a leading =, +, -, @, tab or CR gets a ' so spreadsheets show
// it as text instead of running it as a formula.
QString textField(const QString &text);

// Writes a consistent snapshot of each record (a run still going exports what happened so far).
bool write(QIODevice &device, const QList<std::shared_ptr<const RunRecord>> &runs);
bool writeFile(const QString &path, const QList<std::shared_ptr<const RunRecord>> &runs,
               QString *error);

} // namespace CsvExport
