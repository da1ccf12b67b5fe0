#include "clirunner.h"

#include "advisor.h"
#include "csvexport.h"
#include "presets.h"
#include "pythonexport.h"
#include "runengine.h"
#include "runfile.h"
#include "runprogress.h"
#include "runrecord.h"
#include "runreport.h"
#include "runsession.h"
#include "scenariofile.h"
#include "statsexport.h"
#include "sweep.h"
#include "traceexport.h"
#include "translations.h"
#include "whatif.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <csignal>
#include <tuple>

namespace {

// Set by the handler (on whichever thread the signal lands), read by the poll timer on the main
// thread: a lock-free atomic is both async-signal-safe and free of a data race, which a volatile
// sig_atomic_t is not once threads are involved.
std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void onInterrupt(int)
{
    g_interrupted.store(true, std::memory_order_relaxed);
}

// Refuses an export path that can never be written, before a long run rather than after it.
QString exportPathProblem(const QString &path)
{
    if (path == u"-")
        return QString();
    if (path.isEmpty())
        return CliRunner::tr("needs a file name");
    const QFileInfo info(path);
    if (info.exists() && info.isDir())
        return CliRunner::tr("\"%1\" is a folder").arg(path);
    if (info.exists() && !info.isFile())
        return QString(); // a device, FIFO or /dev/stdout: written in place, failures reported then
    const QFileInfo folder(info.absolutePath());
    if (!folder.exists())
        return CliRunner::tr("\"%1\": the folder \"%2\" does not exist")
                .arg(path, folder.filePath());
    if (!folder.isDir())
        return CliRunner::tr("\"%1\": \"%2\" is not a folder").arg(path, folder.filePath());
    // A regular file is replaced through a temporary file beside it (QSaveFile), so the folder
    // must be writable; access() also says no for a read-only file system, even to root.
    if (!folder.isWritable())
        return CliRunner::tr("\"%1\": the folder \"%2\" is not writable")
                .arg(path, folder.filePath());
    return QString();
}

} // namespace

CliRunner::CliRunner(QObject *parent)
    : QObject(parent)
    , m_session(new RunSession(this))
{
    connect(m_session, &RunSession::progress, this, &CliRunner::onProgress);
    connect(m_session, &RunSession::finished, this, &CliRunner::onFinished);
}

CliRunner::~CliRunner() = default;

void CliRunner::print(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), m_log);
    std::fflush(m_log);
}

void CliRunner::fail(const QString &message)
{
    const QByteArray bytes =
            (QStringLiteral("tasklanes-cli: ") + message + QLatin1Char('\n')).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

bool CliRunner::parse(const QStringList &arguments, int *exitCode)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
            "Runs a batch of tasks with unlimited parallelism or a concurrency limit and reports "
            "when each one waited, started and finished."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption durations(
            QStringLiteral("durations"),
            tr("Task durations in seconds, comma separated (default 5,1,8,3,4); "
               "@FILE reads the list from FILE."),
            tr("LIST"));
    const QCommandLineOption limit(QStringLiteral("limit"),
                                   tr("Run at most N tasks at once (default: unlimited)."),
                                   tr("N"));
    const QCommandLineOption compare(
            QStringLiteral("compare"),
            tr("Run unlimited, then limited (needs --limit or a gate), and compare."));
    const QCommandLineOption timeScale(
            QStringLiteral("time-scale"),
            tr("Real seconds per scenario second (default 1; 0.01 makes an "
               "8 s task take 80 ms)."),
            tr("F"));
    const QCommandLineOption threads(
            QStringLiteral("threads"),
            tr("Pool threads of both runs (default: one per task up to %1, limited or not; "
               "the limit is the semaphore's).")
                    .arg(ScenarioLimits::autoUnlimitedThreads),
            tr("N"));
    const QCommandLineOption admission(
            QStringLiteral("admission"),
            tr("Where a task takes its permit: fifo (a pool thread takes a permit, then the "
               "oldest task; default) or in-task (every task is started on the pool and "
               "waits for its permit on its thread)."),
            tr("MODE"));
    const QCommandLineOption gate(
            QStringLiteral("gate"),
            tr("A per-group limit NAME=N for the tasks with \"gate\": NAME in the scenario "
               "(repeatable; the global --limit still applies)."),
            tr("NAME=N"));
    const QCommandLineOption csv(
            QStringLiteral("csv"),
            tr("Write the run record as CSV to FILE (- for stdout; the log then "
               "goes to stderr)."),
            tr("FILE"));
    const QCommandLineOption quiet(QStringLiteral("quiet"),
                                   tr("Do not print the start and finish lines."));
    const QCommandLineOption scenarioFile(
            QStringLiteral("scenario"), tr("Run the scenario in the JSON file FILE."), tr("FILE"));
    const QCommandLineOption saveScenario(QStringLiteral("save-scenario"),
                                          tr("Write the scenario to the JSON file FILE and exit."),
                                          tr("FILE"));
    const QCommandLineOption exportPython(
            QStringLiteral("export-python"),
            tr("Write the scenario as a Python asyncio program (standard library only) to FILE "
               "and exit."),
            tr("FILE"));
    const QCommandLineOption preset(QStringLiteral("preset"),
                                    tr("Run the preset NAME (see --list-presets)."), tr("NAME"));
    const QCommandLineOption listPresets(QStringLiteral("list-presets"),
                                         tr("List the presets with a line on each, and exit."));
    const QCommandLineOption trace(QStringLiteral("trace"),
                                   tr("Write a Chrome trace JSON (opens in Perfetto) to FILE."),
                                   tr("FILE"));
    const QCommandLineOption statsJson(
            QStringLiteral("stats"),
            tr("Write the statistics as JSON to FILE for scripts (- for stdout; the log then goes "
               "to stderr)."),
            tr("FILE"));
    const QCommandLineOption sweep(
            QStringLiteral("sweep"),
            tr("Run the batch once per limit: a range A..B (with --step) or a list like "
               "1,2,4,8; prints a table and names the best limit."),
            tr("LIMITS"));
    const QCommandLineOption step(QStringLiteral("step"),
                                  tr("The step of a --sweep range (default 1)."), tr("K"));
    const QCommandLineOption predict(
            QStringLiteral("predict"),
            tr("With --sweep: sweep the prediction only, instantly, without running anything."));
    const QCommandLineOption sweepCsv(QStringLiteral("sweep-csv"),
                                      tr("Write the sweep's table as CSV to FILE (- for stdout)."),
                                      tr("FILE"));
    const QCommandLineOption advise(
            QStringLiteral("advise"),
            tr("For a limited run, print the schedule advisor's figures: the lower bound, the "
               "makespan with the longest tasks first, and the current order's."));
    const QCommandLineOption open(
            QStringLiteral("open"),
            tr("Report the runs recorded in FILE (a TaskLanes CSV or a Chrome trace, gzipped or "
               "not) as if they had just run; the exports work on them. --save-scenario writes "
               "the recorded batch as a scenario and --sweep replays it: only they take "
               "--time-scale, --threads and --admission. Not with --limit, --compare or --gate."),
            tr("FILE"));
    const QCommandLineOption depth(
            QStringLiteral("depth"),
            tr("With --open of a trace: the nesting depth of the slices taken as tasks "
               "(default 0, the top-level slices)."),
            tr("N"));
    const QCommandLineOption select(
            QStringLiteral("select"),
            tr("With --open of a trace: take only the slices whose name or category matches "
               "the regular expression REGEX."),
            tr("REGEX"));
    const QCommandLineOption whatIf(
            QStringLiteral("what-if"),
            tr("With --open: predict the recorded batch (the first run) under a limit of N and "
               "compare it with the recording; the exports hold both runs."),
            tr("N"));
    parser.addOptions({durations, limit,  compare,      timeScale,    threads,  admission,   gate,
                       csv,       quiet,  scenarioFile, saveScenario, preset,   listPresets, trace,
                       statsJson, sweep,  step,         predict,      sweepCsv, advise,      open,
                       depth,     select, whatIf,       exportPython});
    // Read and installed before this parser runs (Translations::installFromArguments).
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  tr("Language of the help, log and summary: ja or en (default: "
                                     "the system's)."),
                                  tr("LANG"));
    parser.addOption(lang);

    // Only when the entry point can paint (tasklanes-cli built with the GUI libraries).
    const QCommandLineOption png(
            QStringLiteral("png"),
            tr("Write a PNG picture of the timeline, the concurrency chart and "
               "the summary to FILE (no display needed)."),
            tr("FILE"));
    const QCommandLineOption svg(QStringLiteral("svg"),
                                 tr("Write the same picture as SVG (vector) to FILE."), tr("FILE"));
    if (m_imageWriter)
        parser.addOptions({png, svg});

    if (!parser.parse(arguments)) {
        fail(parser.errorText());
        *exitCode = ExitUsage;
        return false;
    }
    if (parser.isSet(help)) {
        print(parser.helpText());
        *exitCode = ExitOk;
        return false;
    }
    if (parser.isSet(lang) && !Translations::languageProblem(parser.value(lang)).isEmpty()) {
        fail(Translations::languageProblem(parser.value(lang)));
        *exitCode = ExitUsage;
        return false;
    }
    if (parser.isSet(version)) {
        print(QCoreApplication::applicationName() + QLatin1Char(' ')
              + QCoreApplication::applicationVersion() + QLatin1Char('\n'));
        *exitCode = ExitOk;
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        fail(tr("unexpected argument \"%1\" (see --help)")
                     .arg(parser.positionalArguments().constFirst()));
        *exitCode = ExitUsage;
        return false;
    }

    QString error;
    auto bad = [&](const QString &message) {
        fail(message);
        *exitCode = ExitUsage;
        return false;
    };
    if (parser.isSet(listPresets)) {
        QString text;
        for (const Preset &p : Presets::all())
            text += p.name.leftJustified(21) + p.description + QLatin1Char('\n');
        print(text);
        *exitCode = ExitOk;
        return false;
    }
    const int sources = int(parser.isSet(durations)) + int(parser.isSet(scenarioFile))
                        + int(parser.isSet(preset));
    const bool opening = parser.isSet(open);
    if (opening && sources > 0)
        return bad(tr("--open reads its tasks from the file: give it without --durations, "
                      "--scenario and --preset"));
    if (sources > 1)
        return bad(tr("give only one of --durations, --scenario and --preset"));
    if (opening) {
        m_openPath = parser.value(open);
        if (m_openPath.isEmpty())
            return bad(tr("--open needs a file name"));
        for (const auto &[option, name] : {std::pair{&limit, QStringLiteral("--limit")},
                                           std::pair{&compare, QStringLiteral("--compare")},
                                           std::pair{&gate, QStringLiteral("--gate")}}) {
            if (parser.isSet(*option))
                return bad(tr("%1 is for running a batch; with --open, --what-if N predicts the "
                              "recorded batch under another limit")
                                   .arg(name));
        }
        // They shape the replay of the recorded batch; nothing else of an opened run runs.
        if (!parser.isSet(sweep) && !parser.isSet(saveScenario) && !parser.isSet(exportPython)) {
            for (const auto &[option, name] :
                 {std::pair{&timeScale, QStringLiteral("--time-scale")},
                  std::pair{&threads, QStringLiteral("--threads")},
                  std::pair{&admission, QStringLiteral("--admission")}}) {
                if (parser.isSet(*option))
                    return bad(tr("%1 with --open applies only to the replay of the recorded "
                                  "batch (--sweep or --save-scenario)")
                                       .arg(name));
            }
        }
        if (parser.isSet(depth)) {
            bool ok = false;
            const int value = parser.value(depth).trimmed().toInt(&ok);
            if (!ok || value < 0 || value > 1000)
                return bad(tr("--depth: \"%1\" is not a whole number from 0 to 1000")
                                   .arg(parser.value(depth)));
            m_openOptions.depth = value;
        }
        if (parser.isSet(select)) {
            const QRegularExpression re(parser.value(select));
            if (!re.isValid())
                return bad(tr("--select: \"%1\" is not a regular expression (%2 at offset %3)")
                                   .arg(parser.value(select), re.errorString())
                                   .arg(re.patternErrorOffset()));
            m_openOptions.select = parser.value(select);
        }
        if (parser.isSet(whatIf)) {
            const auto value = ScenarioParser::parseLimit(parser.value(whatIf), &error);
            if (!value)
                return bad(QStringLiteral("--what-if: ") + error);
            if (parser.isSet(sweep))
                return bad(tr("--what-if and --sweep cannot be combined (--sweep --predict "
                              "predicts every limit of the sweep)"));
            if (parser.isSet(saveScenario))
                return bad(tr("--what-if and --save-scenario cannot be combined (the scenario "
                              "is the recorded batch, unlimited)"));
            if (parser.isSet(exportPython))
                return bad(tr("--what-if and --export-python cannot be combined (the program "
                              "runs the recorded batch, unlimited)"));
            m_whatIfLimit = *value;
        }
    } else {
        for (const auto &[option, name] : {std::pair{&depth, QStringLiteral("--depth")},
                                           std::pair{&select, QStringLiteral("--select")},
                                           std::pair{&whatIf, QStringLiteral("--what-if")}}) {
            if (parser.isSet(*option))
                return bad(tr("%1 needs --open FILE (it applies to recorded runs)").arg(name));
        }
    }
    if (opening) {
        // The tasks come from the file once every option has been checked.
    } else if (parser.isSet(preset)) {
        const auto found = Presets::find(parser.value(preset));
        if (!found)
            return bad(tr("--preset: unknown preset \"%1\" (see --list-presets)")
                               .arg(parser.value(preset)));
        m_scenario = found->scenario;
    } else if (parser.isSet(scenarioFile)) {
        const auto loaded = ScenarioFile::load(parser.value(scenarioFile), &error);
        if (!loaded)
            return bad(QStringLiteral("--scenario: ") + error);
        m_scenario = loaded->scenario;
    } else {
        QString durationsText =
                parser.isSet(durations) ? parser.value(durations) : QStringLiteral("5,1,8,3,4");
        const auto text = ScenarioParser::durationsArgumentText(durationsText, &error);
        if (!text)
            return bad(error);
        durationsText = *text;
        const auto tasks = ScenarioParser::parseDurations(durationsText, &error);
        if (!tasks)
            return bad(QStringLiteral("--durations: ") + error);
        m_scenario.tasks = *tasks;
    }
    if (parser.isSet(limit)) {
        const auto value = ScenarioParser::parseLimit(parser.value(limit), &error);
        if (!value)
            return bad(QStringLiteral("--limit: ") + error);
        m_scenario.options.limit = *value;
    }
    if (parser.isSet(timeScale)) {
        const auto value = ScenarioParser::parseTimeScale(parser.value(timeScale), &error);
        if (!value)
            return bad(QStringLiteral("--time-scale: ") + error);
        m_scenario.options.timeScale = *value;
    }
    if (parser.isSet(threads)) {
        const auto value = ScenarioParser::parseThreads(parser.value(threads), &error);
        if (!value)
            return bad(QStringLiteral("--threads: ") + error);
        m_scenario.options.threads = *value;
    }
    if (parser.isSet(admission)) {
        const auto value = ScenarioParser::parseAdmission(parser.value(admission), &error);
        if (!value)
            return bad(QStringLiteral("--admission: ") + error);
        m_scenario.options.admission = *value;
    }
    for (const QString &text : parser.values(gate)) {
        const auto value = ScenarioParser::parseGate(text, &error);
        if (!value)
            return bad(QStringLiteral("--gate: ") + error);
        const int existing = m_scenario.options.gateIndex(value->name);
        if (existing >= 0) {
            m_scenario.options.gates[existing] = *value;
        } else if (m_scenario.options.gates.size() >= ScenarioLimits::maxGates) {
            return bad(tr("--gate: too many gates (at most %1)").arg(ScenarioLimits::maxGates));
        } else {
            m_scenario.options.gates.append(*value);
        }
    }
    const bool writesScenario = parser.isSet(saveScenario) || parser.isSet(exportPython);
    // --save-scenario and --export-python write the scenario and exit.
    const auto writeScenario = [&] {
        if (parser.isSet(saveScenario)) {
            if (!ScenarioFile::save(parser.value(saveScenario), m_scenario, &error))
                return bad(QStringLiteral("--save-scenario: ") + error);
            print(tr("scenario written to %1").arg(parser.value(saveScenario)) + QLatin1Char('\n'));
        }
        if (parser.isSet(exportPython)) {
            if (!PythonExport::save(parser.value(exportPython), m_scenario, &error))
                return bad(QStringLiteral("--export-python: ") + error);
            print(tr("Python program written to %1").arg(parser.value(exportPython))
                  + QLatin1Char('\n'));
        }
        *exitCode = ExitOk;
        return false;
    };
    if (writesScenario && !opening)
        return writeScenario();
    m_compare = parser.isSet(compare);
    if (parser.isSet(step) && !parser.isSet(sweep))
        return bad(tr("--step needs --sweep (it is the step of a range A..B)"));
    if (parser.isSet(predict) && !parser.isSet(sweep))
        return bad(tr("--predict needs --sweep (it sweeps the prediction)"));
    if (parser.isSet(sweepCsv) && !parser.isSet(sweep))
        return bad(tr("--sweep-csv needs --sweep"));
    if (parser.isSet(sweep)) {
        if (m_compare)
            return bad(tr("--sweep and --compare cannot be combined (a sweep runs each limit "
                          "on its own)"));
        if (parser.isSet(step) && !Sweep::parseStep(parser.value(step), &error))
            return bad(QStringLiteral("--step: ") + error);
        const auto limits = Sweep::parseLimits(
                parser.value(sweep), parser.isSet(step) ? parser.value(step) : QString(), &error);
        if (!limits)
            return bad(QStringLiteral("--sweep: ") + error);
        for (const auto &[option, name] :
             {std::pair{&csv, QStringLiteral("--csv")},
              std::pair{&trace, QStringLiteral("--trace")},
              std::pair{&png, QStringLiteral("--png")}, std::pair{&svg, QStringLiteral("--svg")},
              std::pair{&advise, QStringLiteral("--advise")}}) {
            if ((m_imageWriter || (option != &png && option != &svg)) && parser.isSet(*option))
                return bad(tr("%1 is for a single run; with --sweep use --sweep-csv or --stats")
                                   .arg(name));
        }
        m_sweepLimits = *limits;
        m_predictOnly = parser.isSet(predict);
    }
    m_advise = parser.isSet(advise);
    if (m_advise && !opening && !m_scenario.options.isLimited())
        return bad(tr("--advise needs --limit N (the advisor reorders a limited batch)"));
    if (m_compare && !m_scenario.options.isLimited() && !m_scenario.options.hasGates())
        return bad(tr("--compare needs --limit N or a gate (it compares unlimited against "
                      "the limits)"));
    m_quiet = parser.isSet(quiet);
    if (parser.isSet(csv)) {
        m_csvPath = parser.value(csv);
        const QString problem = exportPathProblem(m_csvPath);
        if (!problem.isEmpty())
            return bad(QStringLiteral("--csv ") + problem);
        if (m_csvPath == u"-")
            m_log = stderr;
    }
    if (parser.isSet(statsJson)) {
        m_statsPath = parser.value(statsJson);
        const QString problem = exportPathProblem(m_statsPath);
        if (!problem.isEmpty())
            return bad(QStringLiteral("--stats ") + problem);
        if (m_statsPath == u"-" && m_csvPath == u"-")
            return bad(tr("only one of --csv and --stats can write to stdout (-)"));
        if (m_statsPath == u"-")
            m_log = stderr;
    }
    if (parser.isSet(sweepCsv)) {
        m_sweepCsvPath = parser.value(sweepCsv);
        const QString problem = exportPathProblem(m_sweepCsvPath);
        if (!problem.isEmpty())
            return bad(QStringLiteral("--sweep-csv ") + problem);
        if (m_sweepCsvPath == u"-" && m_statsPath == u"-")
            return bad(tr("only one of --sweep-csv and --stats can write to stdout (-)"));
        if (m_sweepCsvPath == u"-")
            m_log = stderr;
    }
    if (parser.isSet(trace)) {
        m_tracePath = parser.value(trace);
        const QString problem = exportPathProblem(m_tracePath);
        if (!problem.isEmpty() || m_tracePath == u"-")
            return bad(problem.isEmpty() ? tr("--trace needs a file name")
                                         : QStringLiteral("--trace ") + problem);
    }
    if (m_imageWriter) {
        for (const auto &[option, path, name] :
             {std::tuple{&png, &m_pngPath, QStringLiteral("--png")},
              std::tuple{&svg, &m_svgPath, QStringLiteral("--svg")}}) {
            if (!parser.isSet(*option))
                continue;
            *path = parser.value(*option);
            if (path->isEmpty() || *path == u"-")
                return bad(tr("%1 needs a file name").arg(name));
            const QString problem = exportPathProblem(*path);
            if (!problem.isEmpty())
                return bad(name + QLatin1Char(' ') + problem);
        }
    }
    if (!opening)
        return true;

    // Read last, once every option is known to be good: nothing is read for a usage error.
    const RunOptions given = m_scenario.options;
    auto opened = RunFile::open(m_openPath, m_openOptions, &error);
    if (!opened)
        return bad(QStringLiteral("--open: ") + error);
    if (opened->runs.isEmpty())
        return bad(tr("--open: \"%1\" holds no run").arg(m_openPath));
    if (!opened->warning.isEmpty())
        fail(tr("warning: %1").arg(opened->warning));
    m_opened = opened->runs;
    if (m_advise && m_whatIfLimit == 0
        && std::none_of(m_opened.cbegin(), m_opened.cend(),
                        [](const auto &r) { return r->options().isLimited(); })) {
        return bad(tr("--advise: \"%1\" holds no limited run (add --what-if N)").arg(m_openPath));
    }
    // Only reported: the recorded batch as a scenario is not needed (a million tasks' worth).
    if (m_sweepLimits.isEmpty() && !writesScenario)
        return true;
    // What --sweep runs or predicts and --save-scenario writes: the recorded batch as sleeps.
    m_scenario = WhatIf::scenarioOf(*m_opened.constFirst());
    if (parser.isSet(timeScale))
        m_scenario.options.timeScale = given.timeScale;
    if (parser.isSet(threads))
        m_scenario.options.threads = given.threads;
    if (parser.isSet(admission))
        m_scenario.options.admission = given.admission;
    if (writesScenario)
        return writeScenario();
    return true;
}

int CliRunner::exec(const QStringList &arguments)
{
    int exitCode = ExitOk;
    if (!parse(arguments, &exitCode))
        return exitCode;
    if (!m_opened.isEmpty() && m_sweepLimits.isEmpty()) {
        reportOpened();
        return m_exitCode;
    }

    g_interrupted.store(false, std::memory_order_relaxed);
    struct sigaction action = {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    struct sigaction previous = {};
    sigaction(SIGINT, &action, &previous);
    QTimer interruptPoll;
    interruptPoll.setInterval(10);
    connect(&interruptPoll, &QTimer::timeout, this, [this] {
        if (g_interrupted && m_session->isRunning() && !m_session->wasCancelled()) {
            fail(tr("interrupted: cancelling the run"));
            m_session->cancel();
        }
        if (g_interrupted && m_sweep && m_sweep->isRunning() && !m_sweep->wasCancelled()) {
            fail(tr("interrupted: cancelling the sweep"));
            m_sweep->cancel();
        }
    });
    interruptPoll.start();

    QEventLoop loop;
    if (!m_sweepLimits.isEmpty()) {
        if (m_predictOnly) {
            finishSweep(Sweep::predict(m_scenario, m_sweepLimits), true);
        } else {
            m_sweep = new SweepRunner(this);
            connect(m_sweep, &SweepRunner::pointReady, this, &CliRunner::onSweepPoint);
            connect(m_sweep, &SweepRunner::finished, &loop, &QEventLoop::quit);
            if (m_sweep->start(m_scenario, m_sweepLimits))
                loop.exec();
            finishSweep(m_sweep->points(), false);
        }
    } else {
        connect(m_session, &RunSession::finished, &loop, &QEventLoop::quit);
        m_session->start(m_scenario, m_compare);
        loop.exec();
    }
    sigaction(SIGINT, &previous, nullptr);
    if (g_interrupted && m_exitCode != ExitUsage)
        return ExitInterrupted;
    return m_exitCode;
}

void CliRunner::onProgress(int runIndex, qsizetype first, qsizetype end)
{
    if (m_quiet)
        return;
    printLog(*m_session->records().at(runIndex), first, end);
}

void CliRunner::printLog(const RunRecord &record, qsizetype first, qsizetype end)
{
    if (first == 0) {
        print(QStringLiteral("=== %1 ===\n").arg(record.options().displayName())
              + record.options().poolText(record.taskCount()) + QLatin1Char('\n'));
    }
    // In slices: a million-task run's log is not built as one string.
    constexpr qsizetype slice = 1 << 16;
    for (qsizetype from = first; from < end; from += slice) {
        QString batch;
        for (qsizetype k = from; k < std::min(end, from + slice); ++k)
            batch += RunReport::logLine(record, record.event(k)) + QLatin1Char('\n');
        print(batch);
    }
}

void CliRunner::onFinished()
{
    report(m_session->runProgress(), m_compare && m_session->records().size() < 2);
}

void CliRunner::reportOpened()
{
    QList<std::shared_ptr<const RunRecord>> runs = m_opened;
    if (m_whatIfLimit > 0) {
        if (runs.size() > 1 && !m_quiet) {
            print(tr("what-if: predicted from the first of the file's %1 runs (%2)")
                          .arg(runs.size())
                          .arg(runs.constFirst()->options().displayName())
                  + QLatin1Char('\n'));
        }
        runs = {runs.constFirst(), WhatIf::predict(*runs.constFirst(), m_whatIfLimit)};
    }
    QList<std::shared_ptr<const RunProgress>> progress;
    for (const auto &run : std::as_const(runs)) {
        progress.append(RunProgress::completed(
                run, predictSchedule(run->scenario().tasks, run->options())));
        if (!m_quiet)
            printLog(*run, 0, run->publishedEventCount());
    }
    report(progress, false);
}

void CliRunner::report(const QList<std::shared_ptr<const RunProgress>> &progress, bool cutShort)
{
    QList<std::shared_ptr<const RunRecord>> runs;
    QList<RunStats> stats;
    bool allOk = !cutShort;
    for (const auto &p : progress) {
        runs.append(p->record());
        stats.append(p->stats());
        allOk = allOk && stats.constLast().ok == stats.constLast().tasks;
    }
    const bool named = m_compare || runs.size() > 1;
    QString out;
    for (qsizetype r = 0; r < runs.size(); ++r) {
        if (named)
            out += QStringLiteral("[%1] ").arg(runs.at(r)->options().displayName());
        out += RunReport::resultsLine(*runs.at(r)) + QLatin1Char('\n');
    }
    for (qsizetype r = 0; r < runs.size(); ++r) {
        out += RunReport::summary(*runs.at(r), stats.at(r)) + QLatin1Char('\n');
        if (m_advise && runs.at(r)->options().isLimited())
            out += adviceLine(*runs.at(r)) + QLatin1Char('\n');
    }
    if (runs.size() == 2)
        out += RunReport::comparison(runs, stats) + QLatin1Char('\n');
    print(out);
    m_exitCode = allOk ? ExitOk : ExitTaskFailed;

    if (!m_csvPath.isEmpty()) {
        QString error;
        bool written = false;
        if (m_csvPath == u"-") {
            QFile stdoutFile;
            written = stdoutFile.open(stdout, QIODevice::WriteOnly)
                      && CsvExport::write(stdoutFile, runs) && stdoutFile.flush();
            if (!written)
                error = tr("cannot write the CSV to stdout: %1").arg(stdoutFile.errorString());
        } else {
            written = CsvExport::writeFile(m_csvPath, runs, &error);
        }
        if (!written) {
            fail(error);
            m_exitCode = ExitUsage;
        } else if (m_csvPath != u"-") {
            print(tr("CSV written to %1").arg(QDir::toNativeSeparators(m_csvPath))
                  + QLatin1Char('\n'));
        }
    }
    if (!m_statsPath.isEmpty() && !writeStats(runs, stats, nullptr))
        m_exitCode = ExitUsage;
    if (!m_tracePath.isEmpty()) {
        QString error;
        if (TraceExport::writeFile(m_tracePath, runs, &error, progress)) {
            print(tr("trace written to %1 (open it in https://ui.perfetto.dev)")
                          .arg(QDir::toNativeSeparators(m_tracePath))
                  + QLatin1Char('\n'));
        } else {
            fail(error);
            m_exitCode = ExitUsage;
        }
    }
    for (const auto &[path, format] :
         {std::pair{m_pngPath, ImageFormat::Png}, std::pair{m_svgPath, ImageFormat::Svg}}) {
        if (path.isEmpty())
            continue;
        QString error;
        if (m_imageWriter(format, path, progress, &error)) {
            print((format == ImageFormat::Png ? tr("PNG written to %1") : tr("SVG written to %1"))
                          .arg(QDir::toNativeSeparators(path))
                  + QLatin1Char('\n'));
        } else {
            fail(error);
            m_exitCode = ExitUsage;
        }
    }
}

void CliRunner::setImageWriter(ImageWriter writer)
{
    m_imageWriter = std::move(writer);
}

bool CliRunner::writeStats(const QList<std::shared_ptr<const RunRecord>> &runs,
                           const QList<RunStats> &stats, const StatsExport::SweepSummary *sweep)
{
    QString error;
    bool written = false;
    if (m_statsPath == u"-") {
        QFile stdoutFile;
        written = stdoutFile.open(stdout, QIODevice::WriteOnly)
                  && StatsExport::write(stdoutFile, runs, stats, sweep) && stdoutFile.flush();
        if (!written)
            error = tr("cannot write the statistics to stdout: %1").arg(stdoutFile.errorString());
    } else {
        written = StatsExport::writeFile(m_statsPath, runs, stats, &error, sweep);
    }
    if (!written) {
        fail(error);
        return false;
    }
    if (m_statsPath != u"-") {
        print(tr("statistics written to %1").arg(QDir::toNativeSeparators(m_statsPath))
              + QLatin1Char('\n'));
    }
    return true;
}

QString CliRunner::adviceLine(const RunRecord &record) const
{
    const ScheduleAdvice advice = Advisor::advise(record.scenario().tasks, record.options());
    const auto secs = [](double s) { return formatSeconds(std::round(s * 1000.0) / 1000.0); };
    QString line =
            tr("advice: lower bound %1 s, longest first %2 s, current order %3 s")
                    .arg(secs(advice.lowerBound), secs(advice.longestFirst), secs(advice.current));
    if (advice.reorderHelps())
        line += QLatin1Char(' ')
                + tr("(running the longest tasks first would save %1 s)")
                          .arg(secs(advice.current - advice.longestFirst));
    return line;
}
