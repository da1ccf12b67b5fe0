#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

namespace {

struct Installed
{
    std::unique_ptr<QTranslator> own;
    std::unique_ptr<QTranslator> qt;
};

Installed &installed()
{
    static Installed translators;
    return translators;
}

void remove(std::unique_ptr<QTranslator> &translator)
{
    if (translator)
        QCoreApplication::removeTranslator(translator.get());
    translator.reset();
}

std::unique_ptr<QTranslator> load(const QLocale &locale, const QString &name, const QString &folder)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(locale, name, QStringLiteral("_"), folder))
        return nullptr;
    QCoreApplication::installTranslator(translator.get());
    return translator;
}

} // namespace

QStringList Translations::languages()
{
    return {QStringLiteral("en"), QStringLiteral("ja")};
}

QString Translations::install(QCoreApplication &app, const QString &lang)
{
    Q_UNUSED(app) // translators are process-wide; the parameter says an application must exist
    Installed &current = installed();
    remove(current.own);
    remove(current.qt);
    if (lang == u"en")
        return lang;
    // An empty lang follows the system's list of UI languages (LANGUAGE, LC_ALL, LANG...).
    const QLocale locale = lang.isEmpty() ? QLocale::system() : QLocale(lang);
    current.own = load(locale, QStringLiteral("tasklanes"), QStringLiteral(":/i18n"));
    if (!current.own)
        return QStringLiteral("en");
    current.qt = load(locale, QStringLiteral("qtbase"),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return current.own->language().section(QLatin1Char('_'), 0, 0);
}

bool Translations::installFromArguments(QCoreApplication &app, const QStringList &arguments,
                                        QString *error)
{
    QString lang;
    bool given = false;
    bool missing = false;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == u"--")
            break;
        if (arg == u"--lang") {
            given = true;
            missing = i + 1 >= arguments.size();
            lang = missing ? QString() : arguments.at(++i);
        } else if (arg.startsWith(u"--lang=")) {
            given = true;
            missing = false;
            lang = arg.mid(7);
        }
    }
    const bool known = languages().contains(lang);
    install(app, known ? lang : QString());
    if (!given || known)
        return true;
    *error = missing ? QCoreApplication::translate("Translations", "--lang needs a value (%1)")
                               .arg(languages().join(QStringLiteral(", ")))
                     : languageProblem(lang);
    return false;
}

QString Translations::languageProblem(const QString &lang)
{
    if (languages().contains(lang))
        return QString();
    return QCoreApplication::translate("Translations",
                                       "--lang: \"%1\" is not a known language (%2)")
            .arg(lang, languages().join(QStringLiteral(", ")));
}
