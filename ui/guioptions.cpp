#include "guioptions.h"

#include "presets.h"
#include "runfile.h"
#include "scenariofile.h"
#include "sweep.h"
#include "translations.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace {

// For GuiCommandLine:: functions, where lupdate takes the context from the namespace; the free
// function below spells it out, as lupdate cannot see what context a wrapper would give it.
QString tr(const char *text)
{
    return QCoreApplication::translate("GuiCommandLine", text);
}

// A screenshot that can never be written should fail before the run, not after it.
QString screenshotPathProblem(const QString &path)
{
    if (path.isEmpty())
        return QCoreApplication::translate("GuiCommandLine", "--screenshot needs a file name");
    const QFileInfo info(path);
    if (info.exists() && info.isDir())
        return QCoreApplication::translate("GuiCommandLine", "--screenshot \"%1\" is a folder")
                .arg(path);
    if (!QFileInfo(info.absolutePath()).isDir())
        return QCoreApplication::translate("GuiCommandLine",
                                           "--screenshot \"%1\": the folder \"%2\" does not exist")
                .arg(path, QDir::toNativeSeparators(info.absolutePath()));
    return QString();
}

} // namespace

GuiCommandLine::Outcome GuiCommandLine::parse(const QStringList &arguments, GuiOptions *options,
                                              QString *message)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            tr("TaskLanes makes concurrency visible: run tasks in parallel, with or without a "
               "limit, and watch them start and finish on a timeline."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption durations(QStringLiteral("durations"),
                                       tr("Task durations in seconds, comma separated "
                                          "(first start: 5,1,8,3,4); @FILE reads the list "
                                          "from FILE."),
                                       tr("LIST"));
    const QCommandLineOption limit(QStringLiteral("limit"),
                                   tr("Run at most N tasks at once (first start: 2)."), tr("N"));
    const QCommandLineOption unlimited(QStringLiteral("unlimited"),
                                       tr("Start with the concurrency limit switched off."));
    const QCommandLineOption timeScale(QStringLiteral("time-scale"),
                                       tr("Real seconds per scenario second (0.1 makes a 5 s task "
                                          "take 500 ms)."),
                                       tr("F"));
    const QCommandLineOption compare(QStringLiteral("compare"),
                                     tr("With --autorun or --screenshot: compare unlimited "
                                        "against the limit."));
    const QCommandLineOption preset(QStringLiteral("preset"),
                                    tr("Load the preset NAME and show its lesson (see "
                                       "tasklanes-cli --list-presets); with --autorun or "
                                       "--screenshot a preset with a limit is compared."),
                                    tr("NAME"));
    const QCommandLineOption sweep(QStringLiteral("sweep"),
                                   tr("Sweep the limits at start: a range such as 1..12 or a "
                                      "list such as 1,2,4,8 (with --screenshot: when done)."),
                                   tr("LIMITS"));
    const QCommandLineOption predict(QStringLiteral("predict"),
                                     tr("With --sweep: predict each limit instead of running it."));
    const QCommandLineOption whatIf(QStringLiteral("what-if"),
                                    tr("Once the run is shown (a run file, or --autorun and "
                                       "--screenshot when done): predict it under limit N and "
                                       "compare the two."),
                                    tr("N"));
    const QCommandLineOption autorun(QStringLiteral("autorun"), tr("Start the run at once."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        tr("Run (or compare), save a PNG of the window to FILE "
                                           "when done, and quit. Uses default settings."),
                                        tr("FILE"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  tr("Window size in pixels, such as 1024x700 (first start: "
                                     "1400x900)."),
                                  tr("WxH"));
    const QCommandLineOption theme(QStringLiteral("theme"),
                                   tr("Colour theme: system, light or dark."), tr("NAME"));
    const QCommandLineOption dark(QStringLiteral("dark"), tr("Same as --theme dark."));
    const QCommandLineOption highContrast(QStringLiteral("high-contrast"),
                                          tr("High contrast, in any theme."));
    // Read and installed before this parser runs (Translations::installFromArguments).
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  tr("User interface language: ja or en (default: the system's)."),
                                  tr("LANG"));
    parser.addOptions({durations, limit, unlimited, timeScale, compare, preset, sweep, predict,
                       whatIf, autorun, screenshot, size, theme, dark, highContrast, lang});
    parser.addPositionalArgument(QStringLiteral("file"),
                                 tr("A scenario file (JSON) to open, or a run to show: recorded as "
                                    "CSV (Export CSV, tasklanes-cli --csv) or a Chrome trace JSON, "
                                    "optionally gzip-compressed (told from a scenario by "
                                    "content)."),
                                 tr("[SCENARIO.json | RUN.csv | TRACE.json[.gz]]"));

    auto usage = [&](const QString &text) {
        *message = text;
        return Outcome::ExitUsage;
    };
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(help)) {
        *message = parser.helpText();
        return Outcome::ExitOk;
    }
    if (parser.isSet(lang) && !Translations::languageProblem(parser.value(lang)).isEmpty())
        return usage(Translations::languageProblem(parser.value(lang)));
    if (parser.isSet(version)) {
        *message = QCoreApplication::applicationName() + QLatin1Char(' ')
                   + QCoreApplication::applicationVersion() + QLatin1Char('\n');
        return Outcome::ExitOk;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1)
        return usage(tr("unexpected argument \"%1\" (one file at most)").arg(files.at(1)));

    QString error;
    if (!files.isEmpty()) {
        const QString &path = files.constFirst();
        const RunFile::Kind kind = RunFile::sniff(path);
        // By name when the content says nothing (unreadable: the reader says why).
        const bool isRun = kind == RunFile::Kind::Csv || kind == RunFile::Kind::Trace
                           || (kind == RunFile::Kind::Unknown
                               && (path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive)
                                   || path.endsWith(QStringLiteral(".gz"), Qt::CaseInsensitive)));
        if (isRun) {
            if (const auto opened = RunFile::open(path, &error)) {
                options->runPath = path;
                options->runs = opened->runs;
                options->runKind = opened->kind;
                options->runWarning = opened->warning;
            } else {
                options->fileError = error;
            }
        } else if (const auto loaded = ScenarioFile::load(path, &error)) {
            options->scenarioPath = path;
            options->tasks = loaded->scenario.tasks;
            options->limit = loaded->scenario.options.limit;
            options->timeScale = loaded->scenario.options.timeScale;
            options->threads = loaded->scenario.options.threads;
            options->admission = loaded->scenario.options.admission;
            options->gates = loaded->scenario.options.gates;
            options->server = loaded->scenario.options.server;
            options->seed = loaded->scenario.options.seed;
        } else {
            options->fileError = error;
        }
    }
    if (parser.isSet(preset)) {
        if (!files.isEmpty() || parser.isSet(durations))
            return usage(tr("give only one of --durations, --preset and a file"));
        const auto found = Presets::find(parser.value(preset));
        if (!found)
            return usage(tr("--preset: unknown preset \"%1\" (see tasklanes-cli --list-presets)")
                                 .arg(parser.value(preset)));
        const RunOptions &o = found->scenario.options;
        options->presetName = found->name;
        options->tasks = found->scenario.tasks;
        options->limit = o.limit;
        options->timeScale = o.timeScale;
        options->threads = o.threads;
        options->admission = o.admission;
        options->gates = o.gates;
        options->server = o.server;
        options->seed = o.seed;
    }
    if (parser.isSet(durations)) {
        const auto text = ScenarioParser::durationsArgumentText(parser.value(durations), &error);
        if (!text)
            return usage(error);
        const auto tasks = ScenarioParser::parseDurations(*text, &error);
        if (!tasks)
            return usage(QStringLiteral("--durations: ") + error);
        options->tasks = *tasks;
    }
    if (parser.isSet(limit) && parser.isSet(unlimited))
        return usage(tr("--limit and --unlimited exclude each other"));
    if (parser.isSet(limit)) {
        const auto value = ScenarioParser::parseLimit(parser.value(limit), &error);
        if (!value)
            return usage(QStringLiteral("--limit: ") + error);
        options->limit = *value;
    }
    if (parser.isSet(unlimited))
        options->limit = 0;
    if (parser.isSet(timeScale)) {
        const auto value = ScenarioParser::parseTimeScale(parser.value(timeScale), &error);
        if (!value)
            return usage(QStringLiteral("--time-scale: ") + error);
        options->timeScale = *value;
    }
    if (parser.isSet(size)) {
        const QStringList parts = parser.value(size).split(QLatin1Char('x'));
        bool okWidth = false;
        bool okHeight = false;
        const int width = parts.size() == 2 ? parts.at(0).toInt(&okWidth) : 0;
        const int height = parts.size() == 2 ? parts.at(1).toInt(&okHeight) : 0;
        if (!okWidth || !okHeight || width < 320 || height < 240 || width > 16384 || height > 16384)
            return usage(tr("--size: \"%1\" is not a window size (WIDTHxHEIGHT, from 320x240)")
                                 .arg(parser.value(size)));
        options->windowSize = QSize(width, height);
    }
    if (parser.isSet(theme) && parser.isSet(dark))
        return usage(tr("--theme and --dark exclude each other"));
    if (parser.isSet(theme)) {
        const auto value = AppTheme::fromName(parser.value(theme));
        if (!value)
            return usage(tr("--theme: \"%1\" is not a theme (system, light or dark)")
                                 .arg(parser.value(theme)));
        options->theme = *value;
    }
    if (parser.isSet(dark))
        options->theme = AppTheme::Theme::Dark;
    options->highContrast = parser.isSet(highContrast);
    // A preset with a limit (or gates) teaches the difference it makes: it is run both ways.
    const bool presetCompares = !options->presetName.isEmpty() && !parser.isSet(sweep)
                                && (options->limit.value_or(0) > 0 || !options->gates.isEmpty());
    options->compare = parser.isSet(compare) || presetCompares;
    if (options->compare && options->limit == 0 && options->gates.isEmpty())
        return usage(tr("--compare needs a limit (it compares unlimited against limit N)"));
    options->autorun = parser.isSet(autorun);
    if (parser.isSet(predict) && !parser.isSet(sweep))
        return usage(tr("--predict goes with --sweep"));
    if (parser.isSet(sweep)) {
        if (!Sweep::parseLimits(parser.value(sweep), QStringView(), &error))
            return usage(QStringLiteral("--sweep: ") + error);
        if (options->compare || options->autorun || !options->runs.isEmpty())
            return usage(tr("--sweep runs the tasks once per limit; it excludes --compare, "
                            "--autorun and a recorded run (CSV)"));
        options->sweepLimits = parser.value(sweep);
        options->sweepPredict = parser.isSet(predict);
    }
    if (parser.isSet(whatIf)) {
        const auto value = ScenarioParser::parseLimit(parser.value(whatIf), &error);
        if (!value || *value < 1)
            return usage(QStringLiteral("--what-if: ")
                         + (value ? tr("N must be 1 or more") : error));
        if (!options->sweepLimits.isEmpty())
            return usage(tr("--what-if goes with a run, not with --sweep"));
        options->whatIfLimit = *value;
    }
    if (!options->runs.isEmpty() && (options->autorun || options->compare))
        return usage(
                tr("--autorun and --compare run the tasks; a recorded run (CSV) is only shown"));
    if (parser.isSet(screenshot)) {
        if (!options->fileError.isEmpty())
            return usage(options->fileError);
        options->screenshotPath = parser.value(screenshot);
        const QString problem = screenshotPathProblem(options->screenshotPath);
        if (!problem.isEmpty())
            return usage(problem);
        options->useSettings = false;
    }
    return Outcome::Run;
}
