#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <optional>

// What a soak watches of this process (Linux /proc): resident memory, threads, open descriptors.
struct ProcessFigures
{
    double rssMb = 0.0; // VmRSS, in MB of 10^6 bytes
    int threads = 0;
    int fds = 0;
};
ProcessFigures processFigures();

namespace SoakOptions {

// Runs the warm-up takes before the baselines; a count must be above it for growth to be checked.
constexpr int warmUp = 20;

// The run count: `option N` on the command line, else the environment variable `envName`, else
// `fallback`. Null, with the reason in *error, when the value is not a whole number above warmUp.
std::optional<int> count(const QStringList &arguments, const QString &option, const char *envName,
                         int fallback, QString *error);

} // namespace SoakOptions

// Watches a soak of `iterations` runs. The first SoakOptions::warmUp runs fill what is made once
// and kept: caches, the lazily created threads of QThreadPool::globalInstance() and Qt's own,
// fonts. Then the baselines are taken, and after every later run:
//  * threads and descriptors must come back to at most their baseline within a settle time. The
//    run's own threads (its pool, dispatcher, reaper and finalizer) end by themselves just after
//    the run; a global pool thread made during the warm-up may still be parked (Qt keeps it 30 s),
//    which the baseline includes, or may have expired, which takes the count below it. Not above
//    the baseline after a run is the rule: a count that only ever falls back to it leaks nothing,
//    and one above it for seconds after the run has ended does.
//  * resident memory is sampled; at the end it may have grown by at most maxGrowthMb since the
//    baseline (after run warmUp), which allows for allocator slack but not for a leak of a few KB
//    per run over hundreds of runs.
// Prints "SOAK <name> <value> <unit>" lines to `out`, names prefixed with `prefix`.
class SoakMonitor
{
public:
    static constexpr double maxGrowthMb = 10.0;
    static constexpr int settleMs = 10000;

    SoakMonitor(const QByteArray &prefix, const QString &runNoun, int iterations, FILE *out);

    // After run `iteration` (1-based, in order): settles and samples. False, with failure() set,
    // when threads or descriptors stay above their baseline.
    bool afterRun(int iteration);
    // Records a failure of the soak itself (a run that did not end or went wrong).
    void fail(const QString &message);
    // Prints the figures, checks the growth of memory, and returns the exit status: 0, or 1 after
    // printing what leaked to stderr.
    int finish(double seconds);

private:
    ProcessFigures settleAtBaseline(int *waitedMs) const;
    void takeBaseline();
    void print(const char *name, double value, const char *unit) const;

    QByteArray m_prefix;
    QString m_runNoun;
    int m_iterations = 0;
    FILE *m_out = stdout;
    int m_done = 0;
    QList<double> m_rssMb; // after each run, [0] after run 1
    ProcessFigures m_baseline;
    int m_maxThreads = 0;
    int m_maxFds = 0;
    int m_maxSettleMs = 0;
    QString m_failure;
};
