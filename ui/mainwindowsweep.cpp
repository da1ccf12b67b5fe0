// The main window's sweep and schedule advisor: MainWindow's members that wire SweepController,
// the Sweep tab and AdvisorPanel to the editor, the controls, the timeline and the status bar.
#include "advisorpanel.h"
#include "comparesummary.h"
#include "logpanel.h"
#include "mainwindow.h"
#include "resultspanel.h"
#include "runcontrols.h"
#include "runengine.h"
#include "runrecord.h"
#include "runsession.h"
#include "runstatusbar.h"
#include "sweepcontroller.h"
#include "sweeppanel.h"
#include "sweepview.h"
#include "taskeditor.h"
#include "timelinemath.h"
#include "timelineview.h"

#include <QLayout>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

#include <algorithm>

void MainWindow::createSweep()
{
    SweepController::Hooks hooks;
    hooks.scenario = [this] {
        m_editor->commitPendingEdit();
        return scenario(false);
    };
    m_sweep = new SweepController(std::move(hooks), this);
    connect(m_sweep, &SweepController::started, this, &MainWindow::onSweepStarted);
    connect(m_sweep, &SweepController::limitStarted, this, &MainWindow::onSweepLimitStarted);
    connect(m_sweep, &SweepController::finished, this, &MainWindow::onSweepFinished);
    connect(m_sweep, &SweepController::limitChosen, this, [this](int limit) {
        m_controls->setLimit(true, limit);
        showLimitSchedule(limit);
    });
    connect(m_sweep, &SweepController::runLimitRequested, this, [this](int limit) {
        m_controls->setLimit(true, limit);
        startRun(false);
    });
}

void MainWindow::makeRoomForSweep()
{
    const QList<int> sizes = m_rightSplitter->sizes();
    // The panel's least height at its width (its text wraps), and the tabs' bar and frame.
    const QWidget *panel = m_sweep->panel();
    const int least = panel->layout() ? panel->layout()->minimumHeightForWidth(panel->width())
                                      : panel->minimumSizeHint().height();
    const int needed = m_tabs->height() - panel->height() + std::max(least, 0);
    if (sizes.size() != 2 || sizes.at(1) >= needed)
        return;
    const int total = sizes.at(0) + sizes.at(1);
    const int below = std::min(needed, total / 2);
    m_rightSplitter->setSizes({total - below, below});
}

void MainWindow::onSweepStarted(bool predicted)
{
    m_tabs->setCurrentWidget(m_sweep->panel());
    makeRoomForSweep();
    if (predicted) {
        const int best = m_sweep->panel()->view()->bestLimit();
        statusBar()->showMessage(tr("Predicted sweep: best limit %1. Click a point to see its "
                                    "schedule.")
                                         .arg(best),
                                 15000);
        if (!m_options.screenshotPath.isEmpty()) {
            // The picture shows the recommended limit chosen, as a click on it would.
            m_sweep->panel()->showChosen(best);
            m_controls->setLimit(true, best);
            showLimitSchedule(best);
            QTimer::singleShot(0, this, &MainWindow::takeScreenshotAndQuit);
        }
        return;
    }
    // The views below the timeline start over; the summary follows each limit's run.
    m_log->clear();
    m_results->setRuns({});
    m_summary->clear();
    updateActions();
    statusBar()->showMessage(tr("Sweeping\u2026"));
}

void MainWindow::onSweepLimitStarted(int index, int limit, int count)
{
    followSweepSession(m_sweep->runner()->session());
    statusBar()->showMessage(
            tr("Sweeping: limit %1 (%2 of %3)\u2026").arg(limit).arg(index + 1).arg(count));
    updateActions();
}

void MainWindow::followSweepSession(RunSession *session)
{
    if (!session)
        return;
    if (session != m_followedSession) {
        if (m_followedSession)
            disconnect(m_followedSession, nullptr, this, nullptr);
        m_followedSession = session;
        session->addFinishWork(m_timeline->finishWork());
        connect(session, &RunSession::runStarted, this,
                [this, session](int) { followSweepSession(session); });
        connect(session, &RunSession::progress, m_timeline, &TimelineView::refresh);
        connect(session, &RunSession::runFinished, this, [this, session](int) {
            m_summary->setRuns(session->runProgress());
            m_timeline->refresh();
        });
        connect(session, &QObject::destroyed, this, [this, session] {
            if (m_followedSession == session)
                m_followedSession = nullptr;
        });
    }
    if (session->records().isEmpty())
        return;
    RunEngine *engine = session->engine();
    m_timeline->setRuns(session->runProgress());
    m_timeline->setLiveClock(
            [engine] { return engine->isRunning() ? engine->elapsedNs() : qint64(-1); });
    m_timeline->fit();
    m_summary->setRuns(session->runProgress());
}

void MainWindow::onSweepFinished(bool cancelled)
{
    m_timeline->setLiveClock({});
    const QList<SweepPoint> &points = m_sweep->panel()->view()->points();
    if (cancelled)
        statusBar()->showMessage(tr("Sweep stopped after %n limit(s).", "", int(points.size())));
    else
        statusBar()->showMessage(tr("Sweep finished: best limit %1. Click a point to see its "
                                    "schedule.")
                                         .arg(m_sweep->panel()->view()->bestLimit()));
    updateActions();
    m_status->refresh();
    if (!m_options.screenshotPath.isEmpty() && !m_closing)
        QTimer::singleShot(0, this, &MainWindow::takeScreenshotAndQuit);
}

// The limit's predicted schedule as the timeline's ghosts, on a record that has not run: what
// Run would do at that limit, until Run (or "Run limit N") replaces it with the measured run.
void MainWindow::showLimitSchedule(int limit)
{
    if (isRunning() || limit <= 0)
        return;
    Scenario s = scenario(false);
    s.options.limit = limit;
    const Schedule prediction = predictSchedule(s.tasks, s.options);
    auto record = std::make_shared<RunRecord>(s);
    m_timeline->setLiveClock({});
    m_timeline->setRuns({record}, {prediction});
    m_timeline->fit();
    statusBar()->showMessage(tr("Limit %1: predicted makespan %2. Run it to measure it.")
                                     .arg(limit)
                                     .arg(TimelineMath::formatDuration(prediction.makespan)),
                             15000);
}

void MainWindow::updateAdvisor()
{
    if (!m_advisor || !m_controls)
        return;
    m_advisor->setScenario(m_editor->tasks(), m_controls->options(false));
}

void MainWindow::reorderLongestFirst()
{
    if (isRunning())
        return;
    m_editor->commitPendingEdit();
    m_editor->setTasks(Advisor::longestFirst(m_editor->tasks()));
    updateAdvisor();
    m_advisor->adviseNow();
    statusBar()->showMessage(tr("Tasks reordered longest first: the next run uses this order."),
                             10000);
}
