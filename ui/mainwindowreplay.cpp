// The main window's replay: the bar under the timeline scrubs the session's finished runs; the
// timeline, the status bar's counts and the Results tab show them at that instant from RunReplay's
// records, as they showed them live; the end (or a new run) brings back the finished runs.

#include "mainwindow.h"
#include "replaybar.h"
#include "resultspanel.h"
#include "runprogress.h"
#include "runrecord.h"
#include "runreplay.h"
#include "runsession.h"
#include "runstatusbar.h"
#include "sweepcontroller.h"
#include "timelineoverview.h"
#include "timelineview.h"

#include <QShortcut>
#include <QSplitter>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>

void MainWindow::createReplay()
{
    // The timeline, its overview and the bar share the splitter's pane that was the timeline's.
    auto *pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("timelinePane"));
    m_rightSplitter->replaceWidget(m_rightSplitter->indexOf(m_timeline), pane);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_timeline, 1);
    layout->addWidget(new TimelineOverview(m_timeline, pane));
    m_replayBar = new ReplayBar(pane);
    m_replayBar->hide();
    layout->addWidget(m_replayBar);

    // Space plays and pauses while the timeline or the bar has the focus; text fields elsewhere
    // keep their spaces.
    m_replayShortcut = new QShortcut(QKeySequence(Qt::Key_Space), pane);
    m_replayShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    m_replayShortcut->setEnabled(false);
    connect(m_replayShortcut, &QShortcut::activated, m_replayBar, &ReplayBar::togglePlay);
    connect(m_replayBar, &ReplayBar::positionChanged, this, &MainWindow::showReplayAt);

    // A sweep's runs replace the session's on the timeline: there is nothing to replay then.
    connect(m_sweep, &SweepController::started, this, &MainWindow::withdrawReplay);
    connect(m_sweep, &SweepController::limitChosen, this, &MainWindow::withdrawReplay);
}

void MainWindow::offerReplay()
{
    m_replay.reset();
    m_status->showReplay({}, 0);
    const auto records = m_session->records();
    bool any = false;
    for (const auto &record : records)
        any = any || record->publishedEventCount() > 0;
    if (!any || m_session->isRunning()) {
        withdrawReplay();
        return;
    }
    qint64 end = 0;
    const auto runs = m_session->runProgress();
    for (const auto &run : runs)
        end = std::max(end, run->lastNs());
    m_replayBar->setRange(end, 1e-9 / records.first()->options().timeScale);
    m_replayBar->show();
    m_replayShortcut->setEnabled(true);
}

void MainWindow::withdrawReplay()
{
    m_replayBar->setRange(0, 1e-9);
    m_replayBar->hide();
    m_replayShortcut->setEnabled(false);
    if (!m_replay)
        return;
    // Whatever replaces the replay on the timeline has set it already; the panels go back to the
    // session's runs unless a sweep has taken them.
    m_replay.reset();
    m_status->showReplay({}, 0);
    if (!isRunning())
        m_results->setRuns(m_session->records());
}

void MainWindow::seekReplay(double seconds)
{
    if (m_replayBar->isHidden())
        return;
    m_replayBar->setPositionSeconds(seconds);
}

void MainWindow::showReplayAt(qint64 ns)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (m_replayBar->isHidden() || isRunning())
        return;
    if (ns >= m_replayBar->endNs()) {
        endReplay();
        return;
    }
    if (!m_replay) {
        m_replay = std::make_unique<RunReplay>(m_session->records(), m_session->predictions());
        m_replayPublished.clear();
    }
    const auto before = m_replay->records();
    m_replay->seek(ns);
    const auto records = m_replay->records();
    const auto progress = m_replay->progress();
    if (records != before || m_replayPublished.size() != records.size()) {
        // Rebuilt (the first seek, or a backward one): new records for every view.
        m_timeline->setRuns(progress, true);
        m_timeline->setLiveClock([bar = m_replayBar] { return bar->position(); }, true);
        m_results->setRuns(records);
        m_replayPublished.clear();
        for (const auto &record : records)
            m_replayPublished.append(record->publishedEventCount());
    } else {
        for (int run = 0; run < records.size(); ++run) {
            const qsizetype end = records.at(run)->publishedEventCount();
            if (end > m_replayPublished.at(run))
                m_results->addEvents(run, m_replayPublished.at(run), end);
            m_replayPublished[run] = end;
        }
        m_timeline->refresh();
    }
    m_timeline->update();
    m_status->showReplay(progress, ns);
}

void MainWindow::endReplay()
{
    if (!m_replay)
        return;
    m_replay.reset();
    m_replayPublished.clear();
    // The finished runs as they were: the same models, window and selection.
    m_timeline->setRuns(m_session->runProgress(), true);
    m_timeline->setLiveClock({});
    m_results->setRuns(m_session->records());
    if (m_timeline->selectedTask() >= 0)
        m_results->setSelectedTask(m_timeline->selectedRun(), m_timeline->selectedTask());
    m_status->showReplay({}, 0);
}
