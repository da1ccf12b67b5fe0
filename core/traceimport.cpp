#include "traceimport.h"

// Placeholder until the reader lands (helper "trace reader").
std::optional<CsvImport::Runs> TraceImport::parse(const QByteArray &, const Options &,
                                                  const QString &, QString *error, Report *)
{
    *error = QStringLiteral("traces cannot be read yet");
    return std::nullopt;
}
QString TraceImport::Report::warning() const
{
    return QString();
}
bool TraceImport::looksLikeTrace(QByteArrayView)
{
    return false;
}
