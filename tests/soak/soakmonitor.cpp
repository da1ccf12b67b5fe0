#include "soakmonitor.h"

#include "testrun.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QTest>

#include <algorithm>
#include <cstdlib>
#include <dirent.h>

namespace {

// VmRSS of /proc/self/status, in kB.
qint64 residentKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        qFatal("cannot read /proc/self/status");
    // readAll(): a /proc file reports a size of 0, so QFile::atEnd() is true before any read.
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    }
    qFatal("no VmRSS in /proc/self/status");
}

// Entries of /proc/self/fd, less the one opendir() holds while listing it.
int openDescriptors()
{
    DIR *dir = opendir("/proc/self/fd");
    if (!dir)
        qFatal("cannot list /proc/self/fd");
    int entries = 0;
    while (const dirent *entry = readdir(dir)) {
        if (entry->d_name[0] != '.')
            ++entries;
    }
    closedir(dir);
    return entries - 1;
}

bool atMost(const ProcessFigures &now, const ProcessFigures &baseline)
{
    return now.threads <= baseline.threads && now.fds <= baseline.fds;
}

} // namespace

ProcessFigures processFigures()
{
    return {double(residentKb()) / 1024.0, threadCount(), openDescriptors()};
}

std::optional<int> SoakOptions::count(const QStringList &arguments, const QString &option,
                                      const char *envName, int fallback, QString *error)
{
    QString text;
    const qsizetype at = arguments.indexOf(option);
    if (at >= 0 && at + 1 < arguments.size())
        text = arguments.at(at + 1);
    else if (at >= 0)
        text = QStringLiteral("(nothing)");
    else if (qEnvironmentVariableIsSet(envName))
        text = qEnvironmentVariable(envName);
    else
        return fallback;
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value <= warmUp) {
        *error = QStringLiteral("%1 (or %2): \"%3\" is not a whole number above %4, the warm-up "
                                "after which growth is measured")
                         .arg(option, QLatin1String(envName), text)
                         .arg(warmUp);
        return std::nullopt;
    }
    return value;
}

SoakMonitor::SoakMonitor(const QByteArray &prefix, const QString &runNoun, int iterations,
                         FILE *out)
    : m_prefix(prefix)
    , m_runNoun(runNoun)
    , m_iterations(iterations)
    , m_out(out)
{
}

bool SoakMonitor::afterRun(int iteration)
{
    Q_ASSERT(iteration == m_done + 1);
    m_done = iteration;
    if (iteration < SoakOptions::warmUp) {
        m_rssMb.append(processFigures().rssMb);
        return true;
    }
    if (iteration == SoakOptions::warmUp) {
        takeBaseline();
        m_rssMb.append(m_baseline.rssMb);
        return true;
    }
    int waitedMs = 0;
    const ProcessFigures now = settleAtBaseline(&waitedMs);
    m_rssMb.append(now.rssMb);
    m_maxThreads = std::max(m_maxThreads, now.threads);
    m_maxFds = std::max(m_maxFds, now.fds);
    m_maxSettleMs = std::max(m_maxSettleMs, waitedMs);
    if (atMost(now, m_baseline))
        return true;
    QStringList leaks;
    if (now.threads > m_baseline.threads)
        leaks << QStringLiteral("threads leaked: %1 after %2 %3, baseline %4")
                         .arg(now.threads)
                         .arg(m_runNoun)
                         .arg(iteration)
                         .arg(m_baseline.threads);
    if (now.fds > m_baseline.fds)
        leaks << QStringLiteral("file descriptors leaked: %1 open after %2 %3, baseline %4")
                         .arg(now.fds)
                         .arg(m_runNoun)
                         .arg(iteration)
                         .arg(m_baseline.fds);
    fail(leaks.join(QStringLiteral("; "))
         + QStringLiteral(" (still above %1 s after the run)").arg(settleMs / 1000));
    return false;
}

ProcessFigures SoakMonitor::settleAtBaseline(int *waitedMs) const
{
    const QDeadlineTimer deadline(settleMs);
    ProcessFigures now = processFigures();
    while (!atMost(now, m_baseline) && !deadline.hasExpired()) {
        QTest::qWait(10);
        now = processFigures();
    }
    *waitedMs = int(settleMs - deadline.remainingTime());
    return now;
}

void SoakMonitor::takeBaseline()
{
    // The lowest counts over a second, so that a thread of the last warm-up run still on its way
    // out (a reaper joining its pool) does not raise the baseline.
    m_baseline = processFigures();
    const QDeadlineTimer quiet(1000);
    while (!quiet.hasExpired()) {
        QTest::qWait(20);
        const ProcessFigures now = processFigures();
        m_baseline.threads = std::min(m_baseline.threads, now.threads);
        m_baseline.fds = std::min(m_baseline.fds, now.fds);
        m_baseline.rssMb = now.rssMb;
    }
}

void SoakMonitor::fail(const QString &message)
{
    if (m_failure.isEmpty())
        m_failure = message;
}

void SoakMonitor::print(const char *name, double value, const char *unit) const
{
    std::fprintf(m_out, "SOAK %s_%s %.6g %s\n", m_prefix.constData(), name, value, unit);
    std::fflush(m_out);
}

int SoakMonitor::finish(double seconds)
{
    print(qPrintable(m_runNoun + QLatin1Char('s')), m_done, "count");
    print("seconds", seconds, "s");
    if (m_done > 0)
        print(qPrintable(QStringLiteral("ms_per_") + m_runNoun), seconds * 1000.0 / m_done, "ms");
    // The curve: after the first run, the warm-up, each quarter of the soak, and the last run.
    QList<int> points{1, SoakOptions::warmUp};
    for (int q = 1; q <= 4; ++q)
        points << SoakOptions::warmUp + (m_iterations - SoakOptions::warmUp) * q / 4;
    points << m_done;
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());
    for (int n : std::as_const(points)) {
        if (n <= m_rssMb.size())
            print(qPrintable(QStringLiteral("rss_mb_after_%1").arg(n)), m_rssMb.at(n - 1), "MB");
    }
    const bool measured = m_done > SoakOptions::warmUp;
    if (measured) {
        const double growth = m_rssMb.constLast() - m_baseline.rssMb;
        const double peak =
                *std::max_element(m_rssMb.cbegin() + SoakOptions::warmUp, m_rssMb.cend());
        print("rss_baseline_mb", m_baseline.rssMb, "MB");
        print("rss_peak_mb", peak, "MB");
        print("rss_growth_mb", growth, "MB");
        print("threads_baseline", m_baseline.threads, "count");
        print("threads_max", m_maxThreads, "count");
        print("fds_baseline", m_baseline.fds, "count");
        print("fds_max", m_maxFds, "count");
        print("settle_ms_max", m_maxSettleMs, "ms");
        if (growth > maxGrowthMb)
            fail(QStringLiteral("resident memory grew by %1 MB from %2 %3 to %2 %4 (limit %5 MB): "
                                "a leak")
                         .arg(growth, 0, 'f', 1)
                         .arg(m_runNoun)
                         .arg(SoakOptions::warmUp)
                         .arg(m_done)
                         .arg(maxGrowthMb, 0, 'f', 0));
    } else {
        fail(QStringLiteral("stopped after %1 %2, before the baseline: nothing was measured")
                     .arg(m_done)
                     .arg(m_runNoun));
    }
    if (m_failure.isEmpty())
        return EXIT_SUCCESS;
    std::fprintf(stderr, "soak_%s: FAILED: %s\n", m_prefix.constData(), qPrintable(m_failure));
    return EXIT_FAILURE;
}
