#include "runsession.h"

#include "runengine.h"
#include "runrecord.h"

#include <QThread>

RunSession::RunSession(QObject *parent)
    : QObject(parent)
    , m_engine(new RunEngine(this))
{
    connect(m_engine, &RunEngine::progress, this,
            [this](qsizetype first, qsizetype end) { Q_EMIT progress(currentRun(), first, end); });
    connect(m_engine, &RunEngine::finished, this, &RunSession::onEngineFinished);
}

RunSession::~RunSession() = default;

bool RunSession::start(const Scenario &scenario, bool compare)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (m_running || (compare && !scenario.options.isLimited()))
        return false;
    m_scenario = scenario;
    m_compare = compare;
    m_cancelled = false;
    m_records.clear();
    m_predictions.clear();
    m_running = true;
    startRun(0);
    return true;
}

bool RunSession::showLoaded(const QList<std::shared_ptr<const RunRecord>> &records)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (m_running)
        return false;
    m_records = records;
    m_predictions.clear();
    for (const auto &record : records)
        m_predictions.append(predictSchedule(record->scenario().tasks, record->options()));
    m_compare = records.size() == 2;
    m_cancelled = false;
    if (!records.isEmpty())
        m_scenario = records.constLast()->scenario();
    return true;
}

void RunSession::startRun(int runIndex)
{
    Scenario s = m_scenario;
    if (m_compare && runIndex == 0)
        s.options.limit = 0;
    // Views set up for the run (runStarted) before its threads start competing with them.
    m_engine->prepare(s);
    m_records.append(m_engine->record());
    m_predictions.append(m_engine->prediction());
    Q_EMIT runStarted(runIndex);
    m_engine->launch();
}

void RunSession::onEngineFinished()
{
    const int index = currentRun();
    if (m_engine->isCancelRequested())
        m_cancelled = true;
    Q_EMIT runFinished(index);
    if (!m_cancelled && index + 1 < plannedRuns()) {
        startRun(index + 1);
        return;
    }
    m_running = false;
    Q_EMIT finished();
}

void RunSession::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    m_engine->cancel();
}

bool RunSession::isRunning() const
{
    return m_running;
}

void RunSession::setProgressInterval(int ms)
{
    m_engine->setProgressInterval(ms);
}
