#include "uihelpers.h"

#include "scenario.h"

#include <QAction>
#include <QCoreApplication>
#include <QKeySequence>
#include <QLocale>
#include <QPalette>
#include <QRegularExpression>

#include <cmath>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("UiHelpers", text);
}

} // namespace

void UiHelpers::setToolTipWithShortcut(QAction *action, const QString &description)
{
    const QKeySequence shortcut = action->shortcut();
    if (shortcut.isEmpty())
        action->setToolTip(description);
    else
        action->setToolTip(
                tr("%1 (%2)").arg(description, shortcut.toString(QKeySequence::NativeText)));
}

QString UiHelpers::buttonText(const QAction *action)
{
    static const QRegularExpression cjkMnemonic(QStringLiteral("\\s*\\(&[^&]\\)"));
    QString text = action->text();
    text.remove(cjkMnemonic);
    text.remove(QChar(0x2026)).remove(QStringLiteral("..."));
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&'))
            text.remove(i, 1); // "&&" leaves one "&", which the next step skips
    }
    return text.trimmed();
}

bool UiHelpers::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor UiHelpers::badColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x80, 0x70) : QColor(0xb3, 0x26, 0x1e);
}

QColor UiHelpers::goodColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x74, 0xd6, 0x8c) : QColor(0x1e, 0x7b, 0x34);
}

QColor UiHelpers::errorTint(const QColor &base)
{
    const QColor red(230, 40, 40);
    const double a = 0.22;
    return QColor::fromRgbF(float(base.redF() * (1 - a) + red.redF() * a),
                            float(base.greenF() * (1 - a) + red.greenF() * a),
                            float(base.blueF() * (1 - a) + red.blueF() * a));
}

QString UiHelpers::seconds(double s, int decimals)
{
    return tr("%1 s").arg(QString::number(s, 'f', decimals));
}

QString UiHelpers::signedSeconds(double s, int decimals)
{
    const QString magnitude = seconds(std::abs(s), decimals);
    if (QString::number(std::abs(s), 'f', decimals).toDouble() == 0.0)
        return magnitude;
    return (s < 0 ? QString(QChar(0x2212)) : QStringLiteral("+")) + magnitude;
}

QString UiHelpers::count(qsizetype n)
{
    return QLocale(QLocale::English).toString(qlonglong(n));
}

QString UiHelpers::timeScaleText(double timeScale)
{
    const double ms = timeScale * 1000.0;
    if (ms >= 1000.0)
        return tr("1 s = %1 s").arg(formatSeconds(timeScale));
    return tr("1 s = %1 ms").arg(formatSeconds(ms));
}
