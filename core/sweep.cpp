#include "sweep.h"

#include "runprogress.h"
#include "runsession.h"
#include "safefile.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QThread>

#include <algorithm>
#include <limits>

namespace {

// For Sweep:: functions, where lupdate takes the context from the namespace; the free functions
// below spell it out, as lupdate cannot see what context a wrapper would give them.
QString tr(const char *text)
{
    return QCoreApplication::translate("Sweep", text);
}

// Long or hostile input must not turn into a 10 MB error message.
QString quoted(QStringView text)
{
    constexpr qsizetype maxShown = 24;
    const QString shown = text.size() > maxShown
                                  ? text.left(maxShown).toString() + QStringLiteral("...")
                                  : text.toString();
    return QLatin1Char('"') + shown + QLatin1Char('"');
}

// A whole number of at most 9 digits (beyond maxLimit anyway), nothing else; -1 otherwise.
qint64 wholeNumber(QStringView text)
{
    const QStringView t = text.trimmed();
    if (t.isEmpty() || t.size() > 9)
        return -1;
    for (const QChar c : t) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return -1;
    }
    return t.toLongLong();
}

// How a range or list that is not a number is refused: the value, and what was expected.
QString notALimit(QStringView whole, QStringView item)
{
    if (whole == item)
        return QCoreApplication::translate("Sweep", "%1 is not a range A..B or a list like 1,2,4,8")
                .arg(quoted(whole));
    return QCoreApplication::translate("Sweep", "%1: %2 is not a whole number")
            .arg(quoted(whole), quoted(item.trimmed()));
}

// Limits of 0 or above maxLimit: named with the value they were part of.
QString outOfRange(QStringView whole, qint64 value)
{
    if (value < 1)
        return QCoreApplication::translate("Sweep", "%1: limits start at 1").arg(quoted(whole));
    return QCoreApplication::translate("Sweep", "%1: %2 is above the largest limit, %3")
            .arg(quoted(whole), QString::number(value), QString::number(ScenarioLimits::maxLimit));
}

QString tooMany(QStringView whole, qint64 count)
{
    return QCoreApplication::translate("Sweep",
                                       "%1 makes %2 limits, at most %3 (use --step or a list)")
            .arg(quoted(whole), QString::number(count),
                 QString::number(ScenarioLimits::maxSweepLimits));
}

// Scenario seconds as the CSV writes them: 6 decimals, like the run record's CSV.
QString seconds6(double s)
{
    return QString::number(s, 'f', 6);
}

// The prediction's figures as a sweep point, all of them the prediction's.
SweepPoint pointOf(const Schedule &s, int limit)
{
    SweepPoint p;
    p.limit = limit;
    p.makespan = s.makespan;
    p.predictedMakespan = s.makespan;
    const qsizetype n = s.start.size();
    double startSum = 0.0;
    double finishSum = 0.0;
    for (qsizetype i = 0; i < n; ++i) {
        startSum += s.start.at(i);
        finishSum += s.finish.at(i);
        p.maxWait = std::max(p.maxWait, s.start.at(i));
    }
    // Every task of a prediction runs to its end, ok or failed: the mean is over all of them.
    if (n > 0) {
        p.meanWait = std::min(startSum / double(n), p.maxWait);
        p.meanCompletion = finishSum / double(n);
    }
    p.failed = s.failed;
    p.ok = n - s.failed;
    p.retries = s.retries;
    p.rejected = s.rejected;
    p.predicted = true;
    p.completed = true;
    return p;
}

} // namespace

std::optional<int> Sweep::parseStep(QStringView text, QString *error)
{
    const qint64 value = wholeNumber(text);
    if (value < 1 || value > ScenarioLimits::maxLimit) {
        *error = tr("step %1 is not a whole number from 1 to %2")
                         .arg(quoted(text.trimmed()), QString::number(ScenarioLimits::maxLimit));
        return std::nullopt;
    }
    return int(value);
}

std::optional<QList<int>> Sweep::parseLimits(QStringView text, QStringView step, QString *error)
{
    const QStringView whole = text.trimmed();
    if (whole.isEmpty()) {
        *error = tr("no limits given (expected a range like 1..8 or a list like 1,2,4,8)");
        return std::nullopt;
    }
    QList<int> limits;
    const qsizetype dots = whole.indexOf(u"..");
    if (dots >= 0) {
        int by = 1;
        if (!step.isNull()) {
            const auto parsed = parseStep(step, error);
            if (!parsed)
                return std::nullopt;
            by = *parsed;
        }
        const QStringView from = whole.left(dots);
        const QStringView to = whole.mid(dots + 2);
        const qint64 a = wholeNumber(from);
        const qint64 b = wholeNumber(to);
        if (a < 0 || b < 0) {
            *error = notALimit(whole, a < 0 ? from : to);
            return std::nullopt;
        }
        for (const qint64 value : {a, b}) {
            if (value < 1 || value > ScenarioLimits::maxLimit) {
                *error = outOfRange(whole, value);
                return std::nullopt;
            }
        }
        if (b < a) {
            *error = tr("%1: the end is below the start").arg(quoted(whole));
            return std::nullopt;
        }
        const qint64 count = (b - a) / by + 1;
        if (count > ScenarioLimits::maxSweepLimits) {
            *error = tooMany(whole, count);
            return std::nullopt;
        }
        for (qint64 v = a; v <= b; v += by)
            limits.append(int(v));
        return limits;
    }
    if (!step.isNull()) {
        *error = tr("a step applies to a range A..B, not to the list %1").arg(quoted(whole));
        return std::nullopt;
    }
    qsizetype items = 0;
    for (const QStringView item : whole.tokenize(u',')) {
        if (++items > ScenarioLimits::maxSweepLimits * 4) {
            *error = tooMany(whole, items);
            return std::nullopt;
        }
        const qint64 value = wholeNumber(item);
        if (value < 0) {
            *error = notALimit(whole, whole.contains(u',') ? item : whole);
            return std::nullopt;
        }
        if (value < 1 || value > ScenarioLimits::maxLimit) {
            *error = outOfRange(whole, value);
            return std::nullopt;
        }
        limits.append(int(value));
    }
    std::sort(limits.begin(), limits.end());
    limits.erase(std::unique(limits.begin(), limits.end()), limits.end());
    if (limits.size() > ScenarioLimits::maxSweepLimits) {
        *error = tooMany(whole, limits.size());
        return std::nullopt;
    }
    return limits;
}

SweepPoint Sweep::predictPoint(const Scenario &scenario, int limit, int cores)
{
    RunOptions options = scenario.options;
    options.limit = limit;
    return pointOf(predictSchedule(scenario.tasks, options, cores), limit);
}

QList<SweepPoint> Sweep::predict(const Scenario &scenario, const QList<int> &limits, int cores)
{
    if (cores <= 0)
        cores = std::max(1, QThread::idealThreadCount());
    QList<SweepPoint> points;
    points.reserve(limits.size());
    for (const int limit : limits)
        points.append(predictPoint(scenario, limit, cores));
    return points;
}

namespace {

// A point whose run was stopped says nothing about its limit; a sweep stopped before any point
// completed recommends nothing. Of the rest, a limit that fails more tasks than another is no
// candidate: failing fast is not finishing sooner.
qsizetype fewestFailed(const QList<SweepPoint> &points)
{
    qsizetype fewest = std::numeric_limits<qsizetype>::max();
    for (const SweepPoint &p : points) {
        if (p.completed)
            fewest = std::min(fewest, p.failed);
    }
    return fewest;
}

} // namespace

int Sweep::bestLimit(const QList<SweepPoint> &points)
{
    const qsizetype fewest = fewestFailed(points);
    double shortest = std::numeric_limits<double>::infinity();
    for (const SweepPoint &p : points) {
        if (p.completed && p.failed == fewest)
            shortest = std::min(shortest, p.makespan);
    }
    int best = 0;
    for (const SweepPoint &p : points) {
        if (p.completed && p.failed == fewest && p.makespan <= shortest * 1.05 + 1e-12
            && (best == 0 || p.limit < best))
            best = p.limit;
    }
    return best;
}

int Sweep::kneeLimit(const QList<SweepPoint> &points)
{
    const qsizetype fewest = fewestFailed(points);
    QList<SweepPoint> sorted;
    for (const SweepPoint &p : points) {
        if (p.completed && p.failed == fewest)
            sorted.append(p);
    }
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const SweepPoint &a, const SweepPoint &b) { return a.limit < b.limit; });
    // Walking down from the largest limit, keep the shortest makespan of the limits above.
    int knee = 0;
    double shortestAbove = std::numeric_limits<double>::infinity();
    for (qsizetype k = sorted.size() - 1; k >= 0; --k) {
        const SweepPoint &p = sorted.at(k);
        if (shortestAbove > p.makespan * 0.95)
            knee = p.limit;
        shortestAbove = std::min(shortestAbove, p.makespan);
    }
    return knee;
}

QString Sweep::csvHeader()
{
    return QStringLiteral("limit,makespan_s,predicted_makespan_s,mean_completion_s,mean_wait_s,"
                          "max_wait_s,ok,failed,retries");
}

QByteArray Sweep::csv(const QList<SweepPoint> &points)
{
    QString out = csvHeader() + QLatin1Char('\n');
    for (const SweepPoint &p : points) {
        out += QString::number(p.limit) + QLatin1Char(',') + seconds6(p.makespan) + QLatin1Char(',')
               + seconds6(p.predictedMakespan) + QLatin1Char(',') + seconds6(p.meanCompletion)
               + QLatin1Char(',') + seconds6(p.meanWait) + QLatin1Char(',') + seconds6(p.maxWait)
               + QLatin1Char(',') + QString::number(p.ok) + QLatin1Char(',')
               + QString::number(p.failed) + QLatin1Char(',') + QString::number(p.retries)
               + QLatin1Char('\n');
    }
    return out.toUtf8();
}

bool Sweep::writeCsvFile(const QString &path, const QList<SweepPoint> &points, QString *error)
{
    const QByteArray bytes = csv(points);
    return writeFileSafely(
            path, [&bytes](QIODevice &device) { return writeAll(device, bytes); }, error);
}

SweepRunner::SweepRunner(QObject *parent)
    : QObject(parent)
    , m_session(new RunSession(this))
{
    connect(m_session, &RunSession::finished, this, &SweepRunner::onSessionFinished);
}

SweepRunner::~SweepRunner() = default;

bool SweepRunner::start(const Scenario &scenario, const QList<int> &limits)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (m_running || limits.isEmpty() || m_session->isRunning())
        return false;
    m_scenario = scenario;
    m_limits = limits;
    m_points.clear();
    m_next = 0;
    m_cancelled = false;
    Scenario first = m_scenario;
    first.options.limit = m_limits.constFirst();
    if (!m_session->start(first, false))
        return false;
    m_running = true;
    Q_EMIT limitStarted(0, m_limits.constFirst());
    return true;
}

void SweepRunner::startNext()
{
    if (!m_running)
        return;
    if (m_cancelled || m_next >= m_limits.size()) {
        m_running = false;
        Q_EMIT finished();
        return;
    }
    Scenario s = m_scenario;
    s.options.limit = m_limits.at(m_next);
    if (!m_session->start(s, false)) {
        m_running = false;
        Q_EMIT finished();
        return;
    }
    Q_EMIT limitStarted(m_next, s.options.limit);
}

void SweepRunner::onSessionFinished()
{
    if (!m_running)
        return;
    SweepPoint p;
    p.limit = m_limits.at(m_next);
    if (const auto progress = m_session->runProgress(0)) {
        const RunStats &st = progress->stats();
        p.makespan = st.makespan;
        p.predictedMakespan = st.predictedMakespan;
        p.meanCompletion = st.meanCompletion;
        p.meanWait = st.meanWait;
        p.maxWait = st.maxWait;
        p.ok = st.ok;
        p.failed = st.failed;
        p.retries = st.retries;
        p.rejected = st.rejected;
        p.completed = st.completed && !m_session->wasCancelled();
    } else {
        p.completed = false;
    }
    if (!m_session->predictions().isEmpty())
        p.predictedMakespan = m_session->predictions().constFirst().makespan;
    m_points.append(p);
    const int index = m_next++;
    Q_EMIT pointReady(index, p);
    // Not from inside the session's own finished(): the next run starts once it has returned.
    QMetaObject::invokeMethod(this, &SweepRunner::startNext, Qt::QueuedConnection);
}

void SweepRunner::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    m_session->cancel();
}
