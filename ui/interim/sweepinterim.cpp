// A stand-in for core/sweep.cpp while that file is not on this branch: the build compiles it only
// when core/sweep.cpp is missing (ui/CMakeLists.txt), so merging the real implementation replaces
// it without a change here. Simple and unoptimised on purpose; the real one is the reference.
#include "sweep.h"

#include "runprogress.h"
#include "runrecord.h"
#include "runsession.h"

#include <QCoreApplication>

#include <algorithm>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Sweep", text);
}

std::optional<int> parseOne(QStringView text, QString *error)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok) {
        *error = tr("\"%1\" is not a whole number").arg(text.trimmed().toString());
        return std::nullopt;
    }
    if (value < 1 || value > ScenarioLimits::maxLimit) {
        *error = tr("limit %1: limits go from 1 to %2").arg(value).arg(ScenarioLimits::maxLimit);
        return std::nullopt;
    }
    return value;
}

} // namespace

std::optional<int> Sweep::parseStep(QStringView text, QString *error)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok || value < 1) {
        *error = tr("step \"%1\" is not a whole number from 1").arg(text.trimmed().toString());
        return std::nullopt;
    }
    return value;
}

std::optional<QList<int>> Sweep::parseLimits(QStringView text, QStringView step, QString *error)
{
    int by = 1;
    if (!step.trimmed().isEmpty()) {
        const auto s = parseStep(step, error);
        if (!s)
            return std::nullopt;
        by = *s;
    }
    QList<int> limits;
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        *error = tr("no limits given");
        return std::nullopt;
    }
    if (const qsizetype dots = trimmed.indexOf(QStringLiteral("..")); dots >= 0) {
        const auto a = parseOne(trimmed.left(dots), error);
        if (!a)
            return std::nullopt;
        const auto b = parseOne(trimmed.mid(dots + 2), error);
        if (!b)
            return std::nullopt;
        if (*b < *a) {
            *error = tr("\"%1\": the end is below the start").arg(trimmed.toString());
            return std::nullopt;
        }
        for (qint64 v = *a; v <= *b && limits.size() <= ScenarioLimits::maxSweepLimits; v += by)
            limits.append(int(v));
    } else {
        for (QStringView part : trimmed.split(QLatin1Char(','))) {
            const auto v = parseOne(part, error);
            if (!v)
                return std::nullopt;
            limits.append(*v);
        }
    }
    std::sort(limits.begin(), limits.end());
    limits.erase(std::unique(limits.begin(), limits.end()), limits.end());
    if (limits.size() > ScenarioLimits::maxSweepLimits) {
        *error = tr("at most %1 limits").arg(ScenarioLimits::maxSweepLimits);
        return std::nullopt;
    }
    return limits;
}

SweepPoint Sweep::predictPoint(const Scenario &scenario, int limit, int cores)
{
    RunOptions options = scenario.options;
    options.limit = limit;
    const Schedule s = predictSchedule(scenario.tasks, options, cores);
    SweepPoint p;
    p.limit = limit;
    p.predicted = true;
    p.makespan = p.predictedMakespan = s.makespan;
    double completion = 0.0, wait = 0.0;
    for (qsizetype i = 0; i < s.start.size(); ++i) {
        completion += s.finish.at(i);
        wait += s.start.at(i);
        p.maxWait = std::max(p.maxWait, s.start.at(i));
    }
    const double n = double(std::max<qsizetype>(1, s.start.size()));
    p.meanCompletion = completion / n;
    p.meanWait = wait / n;
    p.ok = scenario.tasks.size();
    return p;
}

QList<SweepPoint> Sweep::predict(const Scenario &scenario, const QList<int> &limits, int cores)
{
    QList<SweepPoint> points;
    for (int limit : limits)
        points.append(predictPoint(scenario, limit, cores));
    return points;
}

int Sweep::bestLimit(const QList<SweepPoint> &points)
{
    if (points.isEmpty())
        return 0;
    qsizetype fewest = points.constFirst().failed;
    for (const SweepPoint &p : points)
        fewest = std::min(fewest, p.failed);
    double shortest = -1;
    for (const SweepPoint &p : points) {
        if (p.failed == fewest && (shortest < 0 || p.makespan < shortest))
            shortest = p.makespan;
    }
    int best = 0;
    for (const SweepPoint &p : points) {
        if (p.failed == fewest && p.makespan <= shortest * 1.05 && (best == 0 || p.limit < best))
            best = p.limit;
    }
    return best;
}

int Sweep::kneeLimit(const QList<SweepPoint> &points)
{
    QList<SweepPoint> sorted = points;
    std::sort(sorted.begin(), sorted.end(),
              [](const SweepPoint &a, const SweepPoint &b) { return a.limit < b.limit; });
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        bool pays = false;
        for (qsizetype j = i + 1; j < sorted.size() && !pays; ++j)
            pays = sorted.at(j).makespan <= sorted.at(i).makespan * 0.95;
        if (!pays)
            return sorted.at(i).limit;
    }
    return 0;
}

QString Sweep::csvHeader()
{
    return QStringLiteral("limit,makespan_s,predicted_makespan_s,mean_completion_s,mean_wait_s,"
                          "max_wait_s,ok,failed,retries");
}

QByteArray Sweep::csv(const QList<SweepPoint> &points)
{
    QByteArray out = csvHeader().toUtf8() + '\n';
    for (const SweepPoint &p : points)
        out += QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,%9\n")
                       .arg(p.limit)
                       .arg(p.makespan)
                       .arg(p.predictedMakespan)
                       .arg(p.meanCompletion)
                       .arg(p.meanWait)
                       .arg(p.maxWait)
                       .arg(p.ok)
                       .arg(p.failed)
                       .arg(p.retries)
                       .toUtf8();
    return out;
}

bool Sweep::writeCsvFile(const QString &, const QList<SweepPoint> &, QString *error)
{
    *error = tr("not available in this build");
    return false;
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
    if (m_running || limits.isEmpty() || m_session->isRunning())
        return false;
    m_scenario = scenario;
    m_limits = limits;
    m_points.clear();
    m_next = 0;
    m_cancelled = false;
    m_running = true;
    startNext();
    return true;
}

void SweepRunner::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    m_session->cancel();
}

void SweepRunner::startNext()
{
    Scenario s = m_scenario;
    s.options.limit = m_limits.at(m_next);
    if (!m_session->start(s, false)) {
        m_running = false;
        Q_EMIT finished();
        return;
    }
    Q_EMIT limitStarted(m_next, m_limits.at(m_next));
}

void SweepRunner::onSessionFinished()
{
    if (!m_running)
        return;
    const auto runs = m_session->runProgress();
    if (!runs.isEmpty()) {
        const RunProgress &run = *runs.constLast();
        const RunStats &st = run.stats();
        SweepPoint p;
        p.limit = m_limits.at(m_next);
        p.makespan = st.makespan;
        p.predictedMakespan = st.predictedMakespan;
        p.meanCompletion = st.meanCompletion;
        p.meanWait = st.meanWait;
        p.maxWait = st.maxWait;
        p.ok = st.ok;
        p.failed = st.failed;
        p.retries = run.record()->totalRetries();
        p.rejected = run.record()->totalRejected();
        p.completed = st.completed;
        m_points.append(p);
        Q_EMIT pointReady(m_next, p);
    }
    ++m_next;
    if (m_cancelled || m_next >= m_limits.size()) {
        m_running = false;
        Q_EMIT finished();
        return;
    }
    startNext();
}
