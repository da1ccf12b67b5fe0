// libFuzzer target: CSV quoting. Arbitrary labels and results are written, parsed back with an
// independent RFC 4180 reader and compared (with the documented ' guard before formula starts).
#include "csvexport.h"
#include "runrecord.h"

#include <QBuffer>

#include <cstdlib>

namespace {

QList<QStringList> parseRfc4180(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row.append(field);
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row.append(field);
            field.clear();
            rows.append(row);
            row.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (quoted || !field.isEmpty() || !row.isEmpty())
        std::abort(); // the writer always ends rows with CRLF and closes its quotes
    return rows;
}

QString guarded(const QString &s)
{
    static const QString starts = QStringLiteral("=+-@\t\r");
    return (!s.isEmpty() && starts.contains(s.front())) ? QLatin1Char('\'') + s : s;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype cut = input.indexOf(QChar(0));
    const QString label = cut < 0 ? input : input.left(cut);
    const QString result = cut < 0 ? QString() : input.mid(cut + 1);

    Scenario scenario;
    Task task;
    task.duration = 1;
    task.setLabel(label);
    scenario.tasks.append(task);
    auto record = std::make_shared<RunRecord>(scenario);
    record->markSubmitted(0, 0);
    record->markStarted(0, 10, 1);
    record->markFinished(0, 20, TaskStatus::Failed, result.isNull() ? QStringLiteral("") : result);

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (!CsvExport::write(buffer, {record}))
        std::abort();
    const QList<QStringList> rows = parseRfc4180(QString::fromUtf8(buffer.data()));
    if (rows.size() != 2 || rows.at(0).size() != CsvColumn::Count
        || rows.at(1).size() != CsvColumn::Count)
        std::abort();
    const QString expectedLabel = guarded(task.displayLabel());
    if (rows.at(1).at(CsvColumn::Label) != expectedLabel
        || rows.at(1).at(CsvColumn::Result) != guarded(result))
        std::abort();
    return 0;
}
