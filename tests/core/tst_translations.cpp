#include "clirun.h"
#include "csvexport.h"
#include "presets.h"
#include "runrecord.h"
#include "runreport.h"
#include "safefile.h"
#include "scenario.h"
#include "schedule.h"
#include "testrun.h"
#include "translations.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>
#include <memory>
#include <tuple>

namespace {

// One <message> of a .ts file.
struct TsMessage
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type; // the translation's type attribute: "", "unfinished", "vanished", "obsolete"
    QStringList translations; // the text, or one entry per numerus form
    QString location;

    QString key() const { return context + QLatin1Char('|') + source + QLatin1Char('|') + comment; }
};

std::optional<QList<TsMessage>> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return std::nullopt;
    }
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            message = TsMessage{};
            message.context = context;
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
        } else if (name == u"location" && message.location.isEmpty()) {
            message.location = xml.attributes().value(QLatin1String("filename")).toString()
                               + QLatin1Char(':')
                               + xml.attributes().value(QLatin1String("line")).toString();
        } else if (name == u"source") {
            message.source = xml.readElementText();
        } else if (name == u"comment") {
            message.comment = xml.readElementText();
        } else if (name == u"translation") {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!message.numerus) {
                message.translations << xml.readElementText();
                messages << message;
            } else {
                while (xml.readNextStartElement()) {
                    if (xml.name() == u"numerusform")
                        message.translations << xml.readElementText();
                    else
                        xml.skipCurrentElement();
                }
                messages << message;
            }
        }
    }
    if (xml.hasError()) {
        *error = xml.errorString();
        return std::nullopt;
    }
    return messages;
}

// %1..%99 and %n: what .arg() and the numerus count fill in; a translation must keep them all.
QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QSet<QString> found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured());
    return found;
}

// Terminal columns, as the CLI lines them up: East Asian wide characters take two.
int columns(const QString &s)
{
    int n = 0;
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        n += (u >= 0x2E80 && u <= 0xA4CF) || (u >= 0xFF00 && u <= 0xFF60) ? 2 : 1;
    }
    return n;
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanupTestCase();
    void languageChoice();
    void cliSummaryInJapanese();
    void cliLogAndComparisonInJapanese();
    void summaryColumnsLineUp();
    void messagesFromFreeFunctionsAreTranslated();
    void dataStaysEnglish();
    void cliBinary();
    void presetDescriptionsTranslated();
    void tsFileComplete();
    void sourcesHoldNoNewStrings();
};

void tst_Translations::init()
{
    QCOMPARE(Translations::install(*QCoreApplication::instance(), QStringLiteral("ja")),
             QStringLiteral("ja"));
}

void tst_Translations::cleanupTestCase()
{
    Translations::install(*QCoreApplication::instance(), QStringLiteral("en"));
}

void tst_Translations::languageChoice()
{
    QCoreApplication &app = *QCoreApplication::instance();
    const QString program = QStringLiteral("tasklanes-cli");
    QString error;
    QVERIFY(Translations::installFromArguments(
            app, {program, QStringLiteral("--lang"), QStringLiteral("en")}, &error));
    const RunOptions limitTwo{2, 1.0, 0};
    QCOMPARE(limitTwo.displayName(), QStringLiteral("limit 2"));
    QVERIFY(Translations::installFromArguments(
            app,
            {program, QStringLiteral("--limit"), QStringLiteral("2"), QStringLiteral("--lang=ja")},
            &error));
    QCOMPARE(limitTwo.displayName(), QStringLiteral("2並列"));

    // A bad value is an error naming it; a missing one names the choices.
    QVERIFY(!Translations::installFromArguments(
            app, {program, QStringLiteral("--lang"), QStringLiteral("fr")}, &error));
    QVERIFY2(error.contains(QStringLiteral("\"fr\"")), qPrintable(error));
    QVERIFY(!Translations::installFromArguments(app, {program, QStringLiteral("--lang")}, &error));
    QVERIFY2(error.contains(QStringLiteral("en, ja")), qPrintable(error));
    // After "--" nothing is an option.
    QVERIFY(Translations::installFromArguments(
            app, {program, QStringLiteral("--"), QStringLiteral("--lang"), QStringLiteral("fr")},
            &error));
    QCOMPARE(Translations::languageProblem(QStringLiteral("ja")), QString());
}

void tst_Translations::cliSummaryInJapanese()
{
    const auto record = idealRun({5, 1, 8, 3, 4}, 2);
    const RunStats stats =
            computeStats(*record, predictSchedule(record->scenario().tasks, record->options()));
    const QString summary = RunReport::summary(*record, stats);
    for (const char *expected : {"実行: 2並列", "総所要時間 (makespan)", "直列実行時間", "高速化率",
                                 "最大同時実行数", "平均待ち時間", "成功 5、失敗 0、キャンセル 0"})
        QVERIFY2(summary.contains(QString::fromUtf8(expected)), qPrintable(summary));

    // The lists keep their machine-readable form; only the label is translated.
    QCOMPARE(RunReport::resultsLine(*record), QStringLiteral("結果: [5, 1, 8, 3, 4]"));
    QCOMPARE(RunReport::completionLine(*record), QStringLiteral("完了順: [2, 1, 4, 3, 5]"));
}

void tst_Translations::cliLogAndComparisonInJapanese()
{
    const auto unlimited = idealRun({2, 1}, 0);
    const auto limited = idealRun({2, 1}, 1);
    QCOMPARE(unlimited->publishedEventCount(), 4);
    QString log;
    for (qsizetype k = 0; k < unlimited->publishedEventCount(); ++k)
        log += RunReport::logLine(*unlimited, unlimited->event(k)) + QLatin1Char('\n');
    QVERIFY2(log.contains(QStringLiteral("開始")) && log.contains(QStringLiteral("終了")),
             qPrintable(log));
    QVERIFY2(!log.contains(QStringLiteral("start")), qPrintable(log));

    const QList<std::shared_ptr<const RunRecord>> records{unlimited, limited};
    QList<RunStats> stats;
    for (const auto &r : records)
        stats << computeStats(*r, predictSchedule(r->scenario().tasks, r->options()));
    const QString comparison = RunReport::comparison(records, stats);
    for (const char *expected : {"比較 (時間倍率 1):", "制限なし", "1並列", "差", "予測総所要時間",
                                 "最大待ち時間", "成功したタスク"})
        QVERIFY2(comparison.contains(QString::fromUtf8(expected)), qPrintable(comparison));
}

void tst_Translations::summaryColumnsLineUp()
{
    const auto record = idealRun({5, 1, 8, 3, 4}, 2);
    const RunStats stats =
            computeStats(*record, predictSchedule(record->scenario().tasks, record->options()));
    const QStringList lines = RunReport::summary(*record, stats).split(QLatin1Char('\n'));
    // "  <label><padding><value>": every value starts at the same terminal column.
    static const QRegularExpression row(QStringLiteral("^(  \\S.*?\\s{2,})\\S"));
    QSet<int> starts;
    for (const QString &line : lines.mid(1)) {
        const auto match = row.match(line);
        QVERIFY2(match.hasMatch(), qPrintable(line));
        starts.insert(columns(match.captured(1)));
    }
    QVERIFY2(starts.size() == 1, qPrintable(lines.join(QLatin1Char('\n'))));
}

void tst_Translations::messagesFromFreeFunctionsAreTranslated()
{
    // Strings in free functions, which a tr() wrapper used to hide from lupdate.
    QString error;
    QVERIFY(!ScenarioParser::parseDurations(u"5,x", &error));
    QVERIFY2(error.contains(QStringLiteral("は数値ではありません")), qPrintable(error));
    QVERIFY(!ScenarioParser::parseLimit(u"", &error));
    QVERIFY2(error.contains(QStringLiteral("並列数")), qPrintable(error));
    QVERIFY(!writeFileSafely(
            QString(), [](QIODevice &) { return true; }, &error));
    QCOMPARE(error, QStringLiteral("ファイル名が指定されていません"));
}

void tst_Translations::dataStaysEnglish()
{
    // Files and machine-read values do not follow the user interface language.
    const RunOptions limited{2, 1.0, 0};
    QCOMPARE(limited.plainName(), QStringLiteral("limit 2"));
    QCOMPARE(limited.runName(), QStringLiteral("limit-2"));
    QCOMPARE(taskStatusName(TaskStatus::Cancelled), QStringLiteral("cancelled"));
    QCOMPARE(taskStatusDisplayName(TaskStatus::Cancelled), QStringLiteral("キャンセル"));
    QCOMPARE(taskKindName(TaskKind::Sleep), QStringLiteral("sleep"));
    QVERIFY(CsvExport::header().startsWith(QStringLiteral("run,task,label,kind,")));
}

void tst_Translations::cliBinary()
{
    // --lang before any other option is read: the log and summary in Japanese, the CSV not.
    const CliRun ja =
            runCli({QStringLiteral("--durations"), QStringLiteral("2,1"), QStringLiteral("--limit"),
                    QStringLiteral("1"), QStringLiteral("--compare"),
                    QStringLiteral("--time-scale"), QStringLiteral("0.01"), QStringLiteral("--csv"),
                    QStringLiteral("-"), QStringLiteral("--lang"), QStringLiteral("ja")});
    QVERIFY2(ja.finished, qPrintable(describe(ja)));
    QCOMPARE(ja.exitCode, 0);
    const QString &log = ja.err;
    const QString &csv = ja.out;
    for (const char *expected : {"=== 制限なし ===", "開始", "終了", "[1並列] 結果: [2, 1]",
                                 "総所要時間 (makespan)", "比較 (時間倍率 0.01):"})
        QVERIFY2(log.contains(QString::fromUtf8(expected)), qPrintable(log));
    QVERIFY2(csv.startsWith(CsvExport::header()), qPrintable(csv));
    QVERIFY2(csv.contains(QStringLiteral("\nlimit-1,1,")) && csv.contains(QStringLiteral(",ok,")),
             qPrintable(csv));

    // A language it does not know is a usage error that names it.
    const CliRun fr = runCli({QStringLiteral("--lang"), QStringLiteral("fr")});
    QVERIFY2(fr.finished, qPrintable(describe(fr)));
    QCOMPARE(fr.exitCode, 2);
    const QString &error = fr.err;
    QVERIFY2(error.contains(QStringLiteral("\"fr\"")), qPrintable(error));
}

void tst_Translations::presetDescriptionsTranslated()
{
    // The descriptions come from JSON files: presets.cpp lists them for lupdate, and each must
    // match its file exactly to be found.
    QCoreApplication &app = *QCoreApplication::instance();
    Translations::install(app, QStringLiteral("en"));
    const QList<Preset> english = Presets::all();
    Translations::install(app, QStringLiteral("ja"));
    const QList<Preset> japanese = Presets::all();
    QCOMPARE(japanese.size(), english.size());
    for (qsizetype i = 0; i < english.size(); ++i)
        QVERIFY2(japanese.at(i).description != english.at(i).description,
                 qPrintable(english.at(i).description));
}

void tst_Translations::tsFileComplete()
{
    QString error;
    const auto messages = readTs(QStringLiteral(TASKLANES_TS_FILE), &error);
    QVERIFY2(messages, qPrintable(error));
    QVERIFY(messages->size() > 300);
    QStringList problems;
    for (const TsMessage &m : *messages) {
        const QString where = m.location + QStringLiteral(" [") + m.context + QStringLiteral("] \"")
                              + m.source + QLatin1Char('"');
        if (!m.type.isEmpty())
            problems << where + QStringLiteral(": ") + m.type;
        if (m.translations.isEmpty()
            || std::any_of(m.translations.cbegin(), m.translations.cend(),
                           [](const QString &t) { return t.trimmed().isEmpty(); }))
            problems << where + QStringLiteral(": no translation");
        for (const QString &t : m.translations) {
            if (!t.isEmpty() && placeholders(t) != placeholders(m.source))
                problems << where + QStringLiteral(": placeholders differ in \"") + t
                                    + QLatin1Char('"');
        }
        if (m.numerus != m.source.contains(QStringLiteral("%n")))
            problems << where + QStringLiteral(": %n needs tr(text, comment, n), and only it");
    }
    for (const QString &problem : std::as_const(problems))
        qWarning("%s", qPrintable(problem));
    QVERIFY2(problems.isEmpty(), "see the warnings above");
}

// Runs lupdate over the sources into a copy of the .ts: a string added (or changed) since the
// .ts was last updated shows up as new, one removed as gone, and a tr() lupdate cannot read as
// a warning. Catches strings added later by anyone, before a user sees them in English.
void tst_Translations::sourcesHoldNoNewStrings()
{
    const QString lupdate = QStringLiteral(TASKLANES_LUPDATE);
    if (!QFileInfo(lupdate).isExecutable())
        QSKIP("lupdate is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QStringLiteral("tasklanes_ja.ts"));
    QVERIFY(QFile::copy(QStringLiteral(TASKLANES_TS_FILE), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    const QDir source(QStringLiteral(TASKLANES_SOURCE_DIR));
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(lupdate,
                  {source.filePath(QStringLiteral("core")), source.filePath(QStringLiteral("ui")),
                   source.filePath(QStringLiteral("app")), QStringLiteral("-no-obsolete"),
                   QStringLiteral("-ts"), copy});
    QVERIFY2(process.waitForFinished(120000), qPrintable(process.errorString()));
    const QString output = QString::fromLocal8Bit(process.readAll());
    QCOMPARE(process.exitCode(), 0);

    QStringList problems;
    // A tr() lupdate cannot place: its text is never extracted, so never translated.
    static const QRegularExpression noContext(QStringLiteral("^(.*): tr\\(\\) cannot be called "
                                                             "without context$"),
                                              QRegularExpression::MultilineOption);
    for (auto it = noContext.globalMatch(output); it.hasNext();)
        problems << it.next().captured(1)
                            + QStringLiteral(": tr() outside a class; call "
                                             "QCoreApplication::translate(\"Context\", ...)");
    // A local tr() wrapper in a class lupdate files the text under the class's name; at run time
    // the wrapper asks for its own context. The two must agree.
    static const QRegularExpression lacksQObject(
            QStringLiteral("^(.*):(\\d+): Class '([^']+)' lacks Q_OBJECT macro$"),
            QRegularExpression::MultilineOption);
    static const QRegularExpression wrapper(
            QStringLiteral("QString tr\\(const char \\*\\w+\\)\\s*\\{\\s*return "
                           "QCoreApplication::translate\\(\"([^\"]+)\""));
    for (auto it = lacksQObject.globalMatch(output); it.hasNext();) {
        const auto match = it.next();
        QFile file(match.captured(1));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const auto w = wrapper.match(QString::fromUtf8(file.readAll()));
        if (w.hasMatch() && w.captured(1) != match.captured(3))
            problems << match.captured(1) + QLatin1Char(':') + match.captured(2)
                                + QStringLiteral(": tr() in %1 is translated as \"%2\" but lupdate "
                                                 "files it under \"%1\"")
                                          .arg(match.captured(3), w.captured(1));
    }

    QString error;
    const auto before = readTs(QStringLiteral(TASKLANES_TS_FILE), &error);
    QVERIFY2(before, qPrintable(error));
    const auto after = readTs(copy, &error);
    QVERIFY2(after, qPrintable(error));
    QSet<QString> known;
    for (const TsMessage &m : *before)
        known.insert(m.key());
    QSet<QString> current;
    for (const TsMessage &m : *after) {
        current.insert(m.key());
        if (!known.contains(m.key()))
            problems << m.location + QStringLiteral(" [") + m.context
                                + QStringLiteral("] new, not translated yet: \"") + m.source
                                + QLatin1Char('"');
    }
    for (const TsMessage &m : *before) {
        if (!current.contains(m.key()))
            problems << QStringLiteral("[") + m.context
                                + QStringLiteral("] no longer in the sources: \"") + m.source
                                + QLatin1Char('"');
    }
    if (!problems.isEmpty())
        problems << QStringLiteral(
                "Update with: cmake --build <build dir> --target update_translations, "
                "then translate resources/translations/tasklanes_ja.ts");
    for (const QString &problem : std::as_const(problems))
        qWarning("%s", qPrintable(problem));
    QVERIFY2(problems.isEmpty(), "see the warnings above");
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
