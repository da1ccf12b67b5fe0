#pragma once

#include <QColor>
#include <QString>

class QAction;
class QPalette;

namespace UiHelpers {

// Sets the tooltip to "description (shortcut)", so a shortcut is visible on toolbar buttons too,
// not only in menus.
void setToolTipWithShortcut(QAction *action, const QString &description);
// The action's text without its mnemonic, for a tool button: "&Run" -> "Run", and the CJK
// form "実行(&R)" -> "実行" (QAction::iconText() keeps the "(R)").
QString buttonText(const QAction *action);

bool isDark(const QPalette &palette);
// Text colours for "worse" and "better" that stay readable on the palette's base.
QColor badColor(const QPalette &palette);
QColor goodColor(const QPalette &palette);
// `base` tinted towards red, for a field that holds an invalid value.
QColor errorTint(const QColor &base);

// "1.234 s", "+1.234 s", "−1.234 s" (a real minus sign for people).
QString seconds(double s, int decimals = 2);
QString signedSeconds(double s, int decimals = 2);
// "1,511": task counts grouped as the CLI groups them, in English and Japanese alike.
QString count(qsizetype n);
// "1 s = 100 ms": how a time scale reads in the UI.
QString timeScaleText(double timeScale);

} // namespace UiHelpers
