#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// RFC 4180, strictly: fields separated by commas, every record ends with CRLF, a field that
// starts with a quote is quoted (doubled quotes inside, any of , CR LF allowed), an unquoted
// field contains no quote, CR or LF. Also checks the bytes are valid UTF-8. An oracle written
// apart from core/csvimport, so the export is not checked by its own reader. Null, with the
// reason in `error`, when `bytes` is not such a CSV.
std::optional<QList<QStringList>> parseCsv(const QByteArray &bytes, QString *error);

// The rows of `bytes` read by parseCsv(), none (and a warning that says why) when it does not
// parse.
QList<QStringList> csvRows(const QByteArray &bytes);
