#include "runfile.h"

#include <QFile>

// Placeholder until the reader lands (helper "trace reader").
std::optional<RunFile::Opened> RunFile::open(const QString &path, const TraceImport::Options &,
                                             QString *error)
{
    auto runs = CsvImport::readFile(path, error);
    if (!runs)
        return std::nullopt;
    Opened opened;
    opened.runs = *runs;
    opened.kind = Kind::Csv;
    return opened;
}
RunFile::Kind RunFile::sniff(const QString &)
{
    return Kind::Unknown;
}
std::optional<QByteArray> RunFile::readAll(const QString &path, qint64, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return std::nullopt;
    }
    return f.readAll();
}
