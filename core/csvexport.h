#pragma once

#include <QList>
#include <QString>

#include <memory>

class QIODevice;
class RunRecord;

// The CSV format shared by the CLI, the GUI and "Open Run": UTF-8, RFC 4180 (comma separated,
// CRLF line ends, fields with a comma, quote, CR or LF quoted, quotes doubled). One row per task,
// ordered by run then task. Columns in csvHeader(); see README "Export formats".
namespace CsvExport {

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
