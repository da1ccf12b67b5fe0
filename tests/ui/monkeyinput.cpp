#include "monkeyinput.h"

#include <QList>

namespace {

const QStringList &hostileNumbers()
{
    static const QStringList numbers = {
            QStringLiteral("-1"),
            QStringLiteral("-0"),
            QStringLiteral("0"),
            QStringLiteral("nan"),
            QStringLiteral("NaN"),
            QStringLiteral("inf"),
            QStringLiteral("-inf"),
            QStringLiteral("1e308"),
            QStringLiteral("1e309"),
            QStringLiteral("-1e308"),
            QStringLiteral("4.9e-324"),
            QStringLiteral("1e-320"),
            QStringLiteral("86400"),
            QStringLiteral("86400.0000001"),
            QStringLiteral("2147483647"),
            QStringLiteral("2147483648"),
            QStringLiteral("-2147483649"),
            QStringLiteral("9223372036854775807"),
            QStringLiteral("99999999999999999999999999999999"),
            QStringLiteral("0x10"),
            QStringLiteral("1e"),
            QStringLiteral("e5"),
            QStringLiteral("--5"),
            QStringLiteral("+5"),
            QStringLiteral("5s"),
            QStringLiteral("5 s"),
            QStringLiteral("1.5.5"),
            QStringLiteral("1,5"),
            QStringLiteral(".5"),
            QStringLiteral("5."),
            QStringLiteral("\u0665"), // Arabic-Indic five
            QStringLiteral("\uff15"), // fullwidth five
            QStringLiteral("\u00bd"), // one half
    };
    return numbers;
}

const QStringList &hostileStrings()
{
    static const QStringList strings = {
            QString(),
            QStringLiteral(" "),
            QStringLiteral(","),
            QStringLiteral(",,,"),
            QStringLiteral("1,,2"),
            QStringLiteral("1;2;3"),
            QStringLiteral("1 2 3"),
            QStringLiteral("\t\n\r"),
            QStringLiteral("=HYPERLINK(\"http://x\")"),
            QStringLiteral("+1+2"),
            QStringLiteral("@SUM(A1)"),
            QStringLiteral("'\"\\,\"\""),
            QStringLiteral("<b>bold</b>&amp;<script>"),
            QStringLiteral("%1 %2 %n"),
            QStringLiteral("\u202eevil\u202c"),
            QStringLiteral("\U0001F9F5\U0001F680"),
            QStringLiteral("\u30bf\u30b9\u30af"),
            QStringLiteral("a\u0000b"),
            QString(QChar(0xd800)) + QStringLiteral("x"), // a lone surrogate
            QString(QChar(0xdfff)),
            QStringLiteral("\u0007\u001b[31mred"),
            QStringLiteral("local:/work?s=1e308"),
            QStringLiteral("..."),
            QStringLiteral("1..0"),
    };
    return strings;
}

} // namespace

QString MonkeyInput::durationList()
{
    QStringList items;
    const int count = 1 + below(chance(0.1) ? 60 : 8);
    for (int i = 0; i < count; ++i)
        items << QString::number(double(below(400)) / 100.0);
    // Some zero-length and sub-millisecond tasks: they start and end at one instant.
    if (chance(0.1))
        items << QStringLiteral("0") << QStringLiteral("0.0001");
    return items.join(chance(0.2) ? QStringLiteral(", ") : QStringLiteral(","));
}

QString MonkeyInput::duration()
{
    if (chance(0.6))
        return QString::number(double(below(500)) / 100.0);
    return chance(0.5) ? hostileNumber() : hostileText();
}

QString MonkeyInput::hostileNumber()
{
    return pick(hostileNumbers());
}

QString MonkeyInput::unicodeJunk(int length)
{
    QString text;
    text.reserve(length);
    for (int i = 0; i < length; ++i) {
        switch (below(4)) {
        case 0:
            text += QChar(char16_t(below(0x20)));
            break; // control characters
        case 1:
            text += QChar(char16_t(0x20 + below(0x5f)));
            break;
        case 2:
            text += QChar(char16_t(0xa0 + below(0xd000)));
            break;
        default:
            text += QChar(char16_t(0xd800 + below(0x800)));
            break; // surrogates, paired or not
        }
    }
    return text;
}

QString MonkeyInput::hostileText()
{
    switch (below(8)) {
    case 0:
        return hostileNumber();
    case 1:
        return unicodeJunk(1 + below(40));
    case 2:
        return QString(2000 + below(100000), QLatin1Char('9')); // a huge number
    case 3: { // a very long list of valid durations: many tasks, still quick to run
        const QString one = QString::number(double(below(100)) / 1000.0) + QLatin1Char(',');
        return one.repeated(200 + below(1800)) + QStringLiteral("1");
    }
    // Long and in few scripts: 40,000 characters of every script cost Qt's line edit seconds of
    // font fallback, on any field, which is Qt's to make faster and not what we look for here.
    case 4:
        return QStringLiteral("x\u00e9\u3042,\t").repeated(2000 + below(10000));
    case 5:
        return hostileNumber() + QLatin1Char(',') + durationList();
    default:
        return pick(hostileStrings());
    }
}

QString MonkeyInput::fieldText(const QStringList &valid)
{
    return chance(0.5) ? pick(valid) : hostileText();
}

QString MonkeyInput::spinText(int maximum)
{
    switch (below(5)) {
    case 0:
        return QString::number(1 + below(std::min(maximum, 16)));
    case 1:
        return QString::number(maximum);
    case 2:
        return QString::number(qint64(maximum) + 1 + below(1000));
    case 3:
        return hostileNumber();
    default:
        return hostileText().left(30);
    }
}

QString MonkeyInput::url()
{
    static const QStringList urls = {
            QStringLiteral("local:/work?s=0.2"),
            QStringLiteral("local:/work?s=1"),
            QStringLiteral("local:/work?s=abc"),
            QStringLiteral("local:/work?s=-3"),
            QStringLiteral("local:/nothing"),
            QStringLiteral("local:/status/429"),
            QStringLiteral("local:/status/503"),
            QStringLiteral("local:/hang"), // answers never: the timeout or Stop ends it
            QStringLiteral("local:/bytes?n=3000000"),
            QStringLiteral("http://127.0.0.1:1/"), // refused at once
            QStringLiteral("http://[::1"),
            QStringLiteral("ftp://127.0.0.1/x"),
            QStringLiteral("notaurl"),
    };
    return chance(0.8) ? pick(urls) : hostileText();
}

QString MonkeyInput::sweepLimits()
{
    static const QStringList limits = {
            QStringLiteral("1..4"),  QStringLiteral("1..8"),  QStringLiteral("2,4,8"),
            QStringLiteral("1"),     QStringLiteral("3..1"),  QStringLiteral("1..1000000"),
            QStringLiteral("0..3"),  QStringLiteral("1,1,1"), QStringLiteral("1..256"),
            QStringLiteral("-2..2"),
    };
    return chance(0.7) ? pick(limits) : hostileText();
}

double MonkeyInput::fastTimeScale()
{
    static const QList<double> scales = {0.001, 0.002, 0.005, 0.01, 0.02};
    return pick(scales);
}

QByteArray MonkeyInput::damaged(const QByteArray &good)
{
    switch (below(7)) {
    case 0:
        return QByteArray();
    case 1:
        return good.left(below(int(std::max<qsizetype>(good.size(), 1))));
    case 2: {
        QByteArray bytes = good;
        for (int i = 0; i < 1 + below(8) && !bytes.isEmpty(); ++i)
            bytes[below(int(bytes.size()))] = char(below(256));
        return bytes;
    }
    case 3: { // every number of one kind made hostile
        QByteArray bytes = good;
        const QByteArray number = hostileNumber().toUtf8();
        for (const char *digits : {"0.", "1", "2", "5"}) {
            if (chance(0.5))
                bytes.replace(digits, number);
        }
        return bytes;
    }
    case 4: {
        QByteArray junk(1 + below(4096), Qt::Uninitialized);
        for (char &c : junk)
            c = char(below(256));
        return junk;
    }
    case 5:
        return QByteArray("\x1f\x8b\x08\x00", 4) + good.left(below(200));
    default:
        return good + good.mid(below(int(std::max<qsizetype>(good.size(), 1))));
    }
}
