// CLI soak (issue 16): `--runs N` (or TASKLANES_SOAK_RUNS; default 1000) runs of tasklanes-cli in
// one process, through CliRunner as the entry point drives it, with their arguments varied
// (durations, --limit, --compare, --csv and --trace into a temporary folder, --quiet). Fails when
// a run goes wrong, or when memory, threads or open files grow (soakmonitor.h says how). The
// runs' own output goes to /dev/null; the "SOAK <name> <value> <unit>" lines to stdout.

#include "clirunner.h"
#include "soakmonitor.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

namespace {

// 10 to 200 sleeps of 0.05 to 0.525 s, different for each run. At --time-scale 0.001 the longest
// run, 200 tasks at limit 1, takes about 60 ms.
QString durationsFor(int run)
{
    const int tasks = 10 + (run * 37) % 191;
    QStringList durations;
    for (int k = 0; k < tasks; ++k)
        durations << QString::number(0.05 + ((k * 7 + run) % 20) * 0.025, 'g', 4);
    return durations.join(QLatin1Char(','));
}

struct CliArgs
{
    QStringList arguments;
    QStringList files; // what the run must write
};

// Cycles through limited and unlimited runs, comparisons, exports and --quiet, each combination
// with ever different durations and limits.
CliArgs argumentsFor(int run, const QTemporaryDir &dir)
{
    CliArgs a;
    a.arguments << QStringLiteral("tasklanes-cli") << QStringLiteral("--durations")
                << durationsFor(run) << QStringLiteral("--time-scale") << QStringLiteral("0.001");
    const bool limited = run % 4 != 0;
    if (limited)
        a.arguments << QStringLiteral("--limit") << QString::number(1 + run % 16);
    if (limited && run % 3 == 0)
        a.arguments << QStringLiteral("--compare");
    if (run % 5 == 1) {
        a.files << dir.filePath(QStringLiteral("run.csv"));
        a.arguments << QStringLiteral("--csv") << a.files.constLast();
    }
    if (run % 7 == 2) {
        a.files << dir.filePath(QStringLiteral("run.json"));
        a.arguments << QStringLiteral("--trace") << a.files.constLast();
    }
    if (run % 2 == 0)
        a.arguments << QStringLiteral("--quiet");
    return a;
}

// Sends this process's stdout (the runs' log and summaries) to /dev/null and returns a stream on
// the original stdout for the figures.
FILE *silenceStdout()
{
    std::fflush(stdout);
    const int original = dup(STDOUT_FILENO);
    const int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (original < 0 || null < 0 || dup2(null, STDOUT_FILENO) < 0)
        qFatal("cannot redirect stdout to /dev/null");
    close(null);
    FILE *report = fdopen(original, "w");
    if (!report)
        qFatal("cannot reopen stdout");
    return report;
}

// One run as tasklanes-cli makes it: a CliRunner of its own. Reusing one runner for several
// exec() calls would carry the previous run's options over (CliRunner keeps what it parsed), and
// the entry point never does.
QString runOnce(int run, const QTemporaryDir &dir)
{
    const CliArgs args = argumentsFor(run, dir);
    int exitCode = -1;
    {
        CliRunner runner;
        exitCode = runner.exec(args.arguments);
    }
    const QString described = args.arguments.mid(3).join(QLatin1Char(' '));
    if (exitCode != CliRunner::ExitOk)
        return QStringLiteral("run %1 exited with %2 (--durations <%3 tasks> %4)")
                .arg(run)
                .arg(exitCode)
                .arg(args.arguments.at(2).count(QLatin1Char(',')) + 1)
                .arg(described);
    for (const QString &file : args.files) {
        if (QFileInfo(file).size() <= 0)
            return QStringLiteral("run %1 did not write %2 (%3)").arg(run).arg(file, described);
        QFile::remove(file);
    }
    return QString();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tasklanes-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TASKLANES_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("TaskLanes"));
    QString error;
    const auto runs = SoakOptions::count(QCoreApplication::arguments(), QStringLiteral("--runs"),
                                         "TASKLANES_SOAK_RUNS", 1000, &error);
    if (!runs) {
        std::fprintf(stderr, "soak_cli: %s\n", qPrintable(error));
        return 2;
    }
    const QTemporaryDir dir;
    if (!dir.isValid())
        qFatal("no temporary folder");

    FILE *report = silenceStdout();
    SoakMonitor monitor("cli", QStringLiteral("run"), *runs, report);
    QElapsedTimer clock;
    clock.start();
    for (int run = 1; run <= *runs; ++run) {
        const QString problem = runOnce(run, dir);
        if (!problem.isEmpty()) {
            monitor.fail(problem);
            break;
        }
        if (!monitor.afterRun(run))
            break;
    }
    return monitor.finish(double(clock.nsecsElapsed()) / 1e9);
}
