#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

// The user interface language: TaskLanes' own translations (embedded as :/i18n/tasklanes_*.qm)
// and Qt's (qtbase_*.qm, for standard dialogs and the command line parser's messages).
namespace Translations {

// The languages --lang accepts: "en" (the source text) and "ja".
QStringList languages();

// Empty when lang is one of languages(), else the error naming it.
QString languageProblem(const QString &lang);

// Installs the translators for lang on app, replacing ones installed before: "en" removes them,
// "ja" loads Japanese, an empty lang follows the system locale. Returns the language now shown.
QString install(QCoreApplication &app, const QString &lang);

// Reads --lang LANG / --lang=LANG from arguments (argv[0] first) ahead of the real parser, so
// that --help and every error are already in that language, and installs it (or the system
// locale's when --lang is absent). False when the value is missing or not in languages();
// *error then names the value, in the system locale's language.
bool installFromArguments(QCoreApplication &app, const QStringList &arguments, QString *error);

} // namespace Translations
