#pragma once

#include "csvimport.h"
#include "traceimport.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

// Opens any file that holds finished runs, whatever wrote it: a TaskLanes CSV (CsvImport) or a
// Chrome Trace Event JSON (TraceImport), either optionally gzip-compressed. The kind is told by
// content (gzip magic bytes, then the first non-blank byte and keys), not by the file name. The
// one entry point for the CLI's --open, the window's File > Open, drag and drop and
// `tasklanes FILE`.
namespace RunFile {

enum class Kind { Csv, Trace, Scenario, Unknown };

struct Opened
{
    CsvImport::Runs runs;
    Kind kind = Kind::Unknown;
    TraceImport::Report report; // traces only
    // One line naming what was skipped, empty when nothing was (TraceImport::Report::warning()).
    QString warning;
};

// Reads and decompresses path, then parses it. Errors (unreadable, not a file, too large, corrupt
// gzip, a scenario file rather than a run, a parse error) name the path and the place.
std::optional<Opened> open(const QString &path, const TraceImport::Options &options,
                           QString *error);
inline std::optional<Opened> open(const QString &path, QString *error)
{
    return open(path, TraceImport::Options(), error);
}

// What the file holds, from its first bytes (decompressed when gzip): Unknown when it cannot be
// read. `tasklanes FILE` uses it to tell a scenario from a run.
Kind sniff(const QString &path);

// The whole content of path, gunzipped when it starts with the gzip magic bytes; at most maxBytes
// after decompression. Errors name the path and, for a corrupt stream, the byte offset.
std::optional<QByteArray> readAll(const QString &path, qint64 maxBytes, QString *error);

// The decompression readAll() uses: gzip (or zlib) data, concatenated gzip members included, at
// most maxBytes of output. Errors name the byte offset in data where the stream went wrong. The
// result keeps 64 spare bytes after its end, so TraceImport reads it without a copy.
std::optional<QByteArray> gunzip(QByteArrayView data, qint64 maxBytes, QString *error);

} // namespace RunFile
