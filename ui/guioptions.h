#pragma once

#include "apptheme.h"
#include "runfile.h"
#include "scenario.h"

#include <QSize>
#include <QStringList>

#include <memory>
#include <optional>

class RunRecord;

// How the desktop app was started. Values given here override the remembered ones.
struct GuiOptions
{
    std::optional<QList<Task>> tasks;
    std::optional<int> limit; // 0: unlimited
    std::optional<double> timeScale;
    std::optional<int> threads; // 0: automatic
    std::optional<Admission> admission;
    QList<Gate> gates; // a scenario file's
    ServerModel server; // a scenario file's embedded server model, and its seed
    quint32 seed = 1;
    std::optional<AppTheme::Theme> theme;
    bool highContrast = false; // --high-contrast; else as remembered
    bool compare = false;
    // --sweep LIMITS (as Sweep::parseLimits reads them) and --predict: sweep at start.
    QString sweepLimits;
    bool sweepPredict = false;
    bool autorun = false;
    QSize windowSize; // invalid: the default (or remembered) size
    QString screenshotPath; // run, save a PNG of the window when done, quit
    QString scenarioPath; // a scenario file given as the argument (its values are merged above)
    // --preset NAME: its values are merged above, and the window shows its lesson.
    QString presetName;
    // A run file (TaskLanes CSV or Chrome trace) given as the argument, already read: shown
    // instead of running, with what its reader skipped.
    QString runPath;
    QList<std::shared_ptr<const RunRecord>> runs;
    RunFile::Kind runKind = RunFile::Kind::Unknown;
    QString runWarning;
    // Why the file given could not be opened (missing, unreadable, not a scenario or run): the
    // window opens with its usual tasks and shows this, as a file manager starts it with any file.
    QString fileError;
    // --what-if N: the shown run's prediction under limit N beside it, once the run is shown.
    int whatIfLimit = 0;
    // Where settings live: empty for the user's settings. useSettings false neither reads nor
    // writes them (screenshots always start from the defaults, so they are reproducible).
    QString settingsFile;
    bool useSettings = true;
};

namespace GuiCommandLine {

enum class Outcome { Run, ExitOk, ExitUsage };

// Parses `tasklanes [--durations LIST] [--limit N | --unlimited] [--time-scale F] [--compare]
// [--preset NAME] [--sweep LIMITS [--predict]] [--what-if N] [--autorun] [--screenshot FILE]
// [--size WxH]
// [--theme NAME | --dark] [--high-contrast] [--lang ja|en] [SCENARIO.json | RUN.csv |
// TRACE.json[.gz]]`; options given override the scenario file's values (its pool, admission and
// gates have no option and come from the file alone); a run file (CSV or trace, told from a
// scenario by content) is read here and shown instead of running; one that cannot be read is
// named in GuiOptions::fileError (ExitUsage only with --screenshot, where nobody sees the window).
// On ExitOk *message is the help or
// version text for stdout; on ExitUsage it names the bad value, for stderr.
Outcome parse(const QStringList &arguments, GuiOptions *options, QString *message);

} // namespace GuiCommandLine
