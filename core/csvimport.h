#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

class RunRecord;

// Reads back a CSV written by CsvExport (the CLI's --csv, the GUI's Export CSV) for "Open Run":
// the exact header, RFC 4180 (quoted fields may hold commas, quotes and line breaks; CRLF or LF
// line ends; a UTF-8 byte order mark is skipped). Rows are grouped into runs by the `run` column
// (`unlimited`, `limit-N`), one or two runs, each with its tasks numbered 1, 2, ... in order.
//
// Each run's scenario is rebuilt from label, kind, duration_s and time_scale; times come from
// submitted_s, started_s and finished_s (wait_s and run_s are derived and only checked to be
// numbers). What the CSV does not hold is not invented: the thread count is automatic (so the
// prediction assumes the automatic pool), HTTP URLs are known only from default "GET url" labels.
//
// The export's formula guard (a ' before a label or result that began with =, +, -, @, tab or CR)
// is undone only where the next character is one of those. It is ambiguous: a text that really
// began with ' followed by one of them (say "'=x") was not guarded on export and loses its ' here.
// We take that rare loss over showing every guarded "-1" result as "'-1".
//
// Only finished runs are read: a row with status pending or running (an export taken while the
// run went on) is an error, since the run's end is unknown. Any row that does not match the
// format fails the whole read: nothing is loaded, and *error names the line, e.g.
// `line 7: started_s "x" is not a number`.
namespace CsvImport {

constexpr qsizetype maxRuns = 2;
// Far above a million-task comparison (about 80 bytes a row).
constexpr qint64 maxFileBytes = qint64(1) << 30;

using Runs = QList<std::shared_ptr<const RunRecord>>;

std::optional<Runs> parse(const QByteArray &data, QString *error);
// `name` becomes the runs' scenario name (Open Run passes the file's base name).
std::optional<Runs> parse(const QByteArray &data, const QString &name, QString *error);
// Reads a file; the error names the path too.
std::optional<Runs> readFile(const QString &path, QString *error);

// A label or result cell as it was before CsvExport::textField guarded it.
QString unguardText(const QString &cell);

} // namespace CsvImport
