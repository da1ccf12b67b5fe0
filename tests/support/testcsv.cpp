#include "testcsv.h"

#include <QStringDecoder>

using namespace Qt::StringLiterals;

std::optional<QList<QStringList>> parseCsv(const QByteArray &bytes, QString *error)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(bytes);
    if (decoder.hasError()) {
        *error = u"not valid UTF-8"_s;
        return std::nullopt;
    }
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };
    QList<QStringList> rows;
    QStringList row;
    QString field;
    State state = State::FieldStart;
    const auto fail = [&](qsizetype at, const QString &why) {
        *error = u"offset %1 (row %2): %3"_s.arg(at).arg(rows.size() + 1).arg(why);
        return std::nullopt;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const bool crlf = c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n';
        switch (state) {
        case State::FieldStart:
        case State::Unquoted:
        case State::QuoteInQuoted:
            if (c == u'"' && state == State::FieldStart) {
                state = State::Quoted;
            } else if (c == u',') {
                row.append(field);
                field.clear();
                state = State::FieldStart;
            } else if (crlf) {
                row.append(field);
                field.clear();
                rows.append(row);
                row.clear();
                ++i;
                state = State::FieldStart;
            } else if (state == State::QuoteInQuoted) {
                if (c != u'"')
                    return fail(i, u"text after a closing quote"_s);
                field += u'"';
                state = State::Quoted;
            } else if (c == u'"') {
                return fail(i, u"quote inside an unquoted field"_s);
            } else if (c == u'\r' || c == u'\n') {
                return fail(i, u"bare CR or LF outside quotes"_s);
            } else {
                field += c;
                state = State::Unquoted;
            }
            break;
        case State::Quoted:
            if (c == u'"')
                state = State::QuoteInQuoted;
            else
                field += c;
            break;
        }
    }
    if (state != State::FieldStart || !field.isEmpty() || !row.isEmpty())
        return fail(text.size(), u"the last record does not end with CRLF"_s);
    return rows;
}

QList<QStringList> csvRows(const QByteArray &bytes)
{
    QString error;
    const auto rows = parseCsv(bytes, &error);
    if (!rows) {
        qWarning("CSV does not parse: %s", qPrintable(error));
        return {};
    }
    return *rows;
}
