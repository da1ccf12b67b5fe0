#pragma once

#include "advisor.h"
#include "scenario.h"
#include "schedule.h"

#include <QList>
#include <QMetaType>
#include <QObject>

#include <memory>
#include <optional>

class RunSession;

// A limit sweep: the batch once per limit, measured (SweepRunner) or predicted (Sweep::predict).
// Times in scenario seconds.
struct SweepPoint
{
    int limit = 0;
    double makespan = 0.0; // measured; the predicted figure for a predicted sweep
    double predictedMakespan = 0.0;
    double meanCompletion = 0.0;
    double meanWait = 0.0;
    double maxWait = 0.0;
    qsizetype ok = 0;
    qsizetype failed = 0;
    qsizetype retries = 0;
    qsizetype rejected = 0;
    bool predicted = false; // every figure is the prediction's
    bool completed = true; // false: the run was stopped before every task ended
};
Q_DECLARE_METATYPE(SweepPoint)

namespace Sweep {
// "A..B" with step (default 1), or a list "1,2,4,8"; at most ScenarioLimits::maxSweepLimits limits,
// each 1 to ScenarioLimits::maxLimit, ascending and distinct once parsed. Nothing and *error naming
// the bad value otherwise ("--sweep 0..3": limits start at 1; "5..2": the end is below the start).
std::optional<QList<int>> parseLimits(QStringView text, QStringView step, QString *error);
// The step of --step: a whole number from 1.
std::optional<int> parseStep(QStringView text, QString *error);

// The prediction's figures for one limit: the scenario with options.limit = limit (its gates,
// pool, admission and server kept). cores as in predictSchedule().
SweepPoint predictPoint(const Scenario &scenario, int limit, int cores = 0);
QList<SweepPoint> predict(const Scenario &scenario, const QList<int> &limits, int cores = 0);

// The recommendation: among the points with the fewest failed tasks, the smallest limit whose
// makespan is within 5 % of the shortest of them. 0 for no points.
int bestLimit(const QList<SweepPoint> &points);
// Where raising the limit stops paying: the smallest limit after which no larger one shortens
// the makespan by 5 % or more (the curve's knee). 0 for no points. Both consider only the points
// that completed, and of those the ones with the fewest failed tasks (failing fast is not
// finishing sooner).
int kneeLimit(const QList<SweepPoint> &points);

// CSV: limit,makespan_s,predicted_makespan_s,mean_completion_s,mean_wait_s,max_wait_s,ok,failed,
// retries (one row per point), written safely (a temporary file renamed into place).
QString csvHeader();
QByteArray csv(const QList<SweepPoint> &points);
bool writeCsvFile(const QString &path, const QList<SweepPoint> &points, QString *error);
} // namespace Sweep

// Runs the sweep for real, one limit after another on one RunSession (each run a single run of
// the scenario at that limit). Lives in the thread that starts it; signals in that thread.
class SweepRunner : public QObject
{
    Q_OBJECT
public:
    explicit SweepRunner(QObject *parent = nullptr);
    ~SweepRunner() override;

    // False while a sweep runs, for no limits, or when the session cannot start.
    bool start(const Scenario &scenario, const QList<int> &limits);
    // Stops the run in progress (its point is kept, completed = false) and the limits after it.
    void cancel();
    bool isRunning() const { return m_running; }
    bool wasCancelled() const { return m_cancelled; }
    QList<int> limits() const { return m_limits; }
    QList<SweepPoint> points() const { return m_points; }
    // The session of the run in progress (or the last one), for views that follow it live.
    RunSession *session() const { return m_session; }

Q_SIGNALS:
    // A limit's run has started: index into limits().
    void limitStarted(int index, int limit);
    // A limit's run ended; points() holds it.
    void pointReady(int index, const SweepPoint &point);
    void finished();

private:
    void startNext();
    void onSessionFinished();

    RunSession *m_session = nullptr;
    Scenario m_scenario;
    QList<int> m_limits;
    QList<SweepPoint> m_points;
    int m_next = 0;
    bool m_running = false;
    bool m_cancelled = false;
};
