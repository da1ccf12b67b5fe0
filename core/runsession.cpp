#include "runsession.h"

#include "runengine.h"
#include "runprogress.h"
#include "runrecord.h"

#include <QThread>

RunSession::RunSession(QObject *parent)
    : QObject(parent)
    , m_engine(new RunEngine(this))
{
    connect(m_engine, &RunEngine::progress, this, [this](qsizetype first, qsizetype end) {
        const int index = currentRun();
        // At most liveBatchEvents per batch: the model (and the timeline's step function, which
        // follows it) catches up over the next batches, so a 100,000-task run that ends within
        // one or two batches does not make one frame follow 200,000 events (~10 ms) on the
        // window's thread. The end of the run follows everything.
        if (index >= 0 && index < m_progress.size())
            m_progress.at(index)->update(liveBatchEvents);
        Q_EMIT progress(index, first, end);
    });
    connect(m_engine, &RunEngine::finished, this, &RunSession::onEngineFinished);
    m_launchTimer.setSingleShot(true);
    m_launchTimer.setInterval(0);
    connect(&m_launchTimer, &QTimer::timeout, this, &RunSession::advanceLaunch);
}

RunSession::~RunSession()
{
    joinFinalizer();
}

bool RunSession::start(const Scenario &scenario, bool compare)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (m_running || (compare && !scenario.options.isLimited() && !scenario.options.hasGates()))
        return false;
    ++m_serial;
    m_scenario = scenario;
    m_compare = compare;
    m_cancelled = false;
    m_records.clear();
    m_predictions.clear();
    m_progress.clear();
    m_running = true;
    startRun(0);
    return true;
}

bool RunSession::showLoaded(const QList<std::shared_ptr<const RunRecord>> &records)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (m_running)
        return false;
    ++m_serial;
    m_records = records;
    m_predictions.clear();
    m_progress.clear();
    for (const auto &record : records) {
        m_predictions.append(predictSchedule(record->scenario().tasks, record->options()));
        m_progress.append(RunProgress::completed(record, m_predictions.constLast()));
    }
    m_compare = records.size() == 2;
    m_cancelled = false;
    if (!records.isEmpty())
        m_scenario = records.constLast()->scenario();
    return true;
}

QList<std::shared_ptr<const RunProgress>> RunSession::runProgress() const
{
    return QList<std::shared_ptr<const RunProgress>>(m_progress.cbegin(), m_progress.cend());
}

std::shared_ptr<const RunProgress> RunSession::runProgress(int runIndex) const
{
    if (runIndex < 0 || runIndex >= m_progress.size())
        return {};
    return m_progress.at(runIndex);
}

void RunSession::startRun(int runIndex)
{
    Scenario s = m_scenario;
    if (m_compare && runIndex == 0)
        s.options = s.options.unlimited();
    // Views set up for the run (runStarted) before its threads start competing with them.
    m_engine->prepare(s);
    m_records.append(m_engine->record());
    m_predictions.append(m_engine->prediction());
    m_progress.append(std::make_shared<RunProgress>(m_engine->record(), m_engine->prediction()));
    m_setUp = false;
    m_launchTimer.start();
}

void RunSession::advanceLaunch()
{
    if (!m_running)
        return;
    if (!m_setUp) {
        m_setUp = true;
        Q_EMIT runStarted(currentRun());
        m_launchTimer.start();
        return;
    }
    Q_EMIT launching(currentRun());
    // A run cancelled meanwhile is launched too: its dispatcher marks its tasks cancelled and
    // ends it.
    m_engine->launch();
}

void RunSession::onEngineFinished()
{
    const int index = currentRun();
    if (m_engine->isCancelRequested())
        m_cancelled = true;
    const std::shared_ptr<RunProgress> progress = m_progress.at(index);
    progress->update(); // the engine published every event before it reported the end
    joinFinalizer();
    const quint64 serial = m_serial;
    m_finalizer = std::thread([this, progress, serial, work = m_finishWork] {
        // The views' work beside the final data: on two cores both are done in the time of the
        // longer (a million-task run: final data ~100 ms, the timeline's lane summaries ~60 ms).
        std::thread views;
        if (!work.isEmpty()) {
            views = std::thread([&] {
                for (const FinishWork &w : work)
                    w(progress->record(), progress->prediction());
            });
        }
        m_finalResult = RunProgress::finalData(*progress->record(), progress->prediction());
        if (views.joinable())
            views.join();
        QMetaObject::invokeMethod(
                this, [this, serial] { onFinalReady(serial); }, Qt::QueuedConnection);
    });
}

void RunSession::onFinalReady(quint64 serial)
{
    // The thread wrote m_finalResult and posted this as its last acts; joining it makes the
    // result visible here (and to ThreadSanitizer).
    joinFinalizer();
    if (serial != m_serial || !m_running)
        return;
    const int index = currentRun();
    m_progress.at(index)->setFinal(std::exchange(m_finalResult, nullptr));
    Q_EMIT runFinished(index);
    if (!m_cancelled && index + 1 < plannedRuns()) {
        startRun(index + 1);
        return;
    }
    m_running = false;
    Q_EMIT finished();
}

void RunSession::addFinishWork(FinishWork work)
{
    m_finishWork.append(std::move(work));
}

void RunSession::joinFinalizer()
{
    if (m_finalizer.joinable())
        m_finalizer.join();
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
