// The main window's lessons: a preset chosen from the menu (or --preset) loads its tasks, clears
// the previous runs, shows its predicted schedule as ghosts and its lesson card beside the
// timeline, and titles the window, until the tasks change. Each session's end marks the card's
// outcomes from the runs' records.
#include "comparesummary.h"
#include "lessoncard.h"
#include "logpanel.h"
#include "mainwindow.h"
#include "presets.h"
#include "resultspanel.h"
#include "runrecord.h"
#include "runsession.h"
#include "runstatusbar.h"
#include "taskeditor.h"
#include "timelineview.h"

#include <QSplitter>

namespace {

// Below this window width the open card would take the timeline's room: it starts folded.
constexpr int foldedBelowWidth = 1200;

} // namespace

void MainWindow::createLesson()
{
    m_timelineSplitter = new QSplitter(Qt::Horizontal, this);
    m_timelineSplitter->setObjectName(QStringLiteral("timelineSplitter"));
    const int paneIndex = 0;
    QWidget *pane = m_rightSplitter->widget(paneIndex);
    m_rightSplitter->replaceWidget(paneIndex, m_timelineSplitter);
    m_lessonCard = new LessonCard(m_timelineSplitter);
    m_timelineSplitter->addWidget(pane);
    m_timelineSplitter->addWidget(m_lessonCard);
    pane->show(); // replaceWidget() hid it
    m_timelineSplitter->setStretchFactor(0, 1);
    m_timelineSplitter->setStretchFactor(1, 0);
    m_timelineSplitter->setCollapsible(0, false);
    m_timelineSplitter->setCollapsible(1, false);

    connect(m_lessonCard, &LessonCard::collapsedChanged, this, [this](bool collapsed) {
        m_settings.setLessonCollapsed(collapsed);
        fitLessonCard();
    });
    connect(m_editor, &TaskEditor::tasksChanged, this, [this] {
        const auto &lesson = m_lessonCard->lesson();
        if (lesson && !Lessons::sameTasks(m_editor->tasks(), lesson->tasks))
            dropLesson();
    });
    // A new session's runs have not checked anything yet.
    connect(m_session, &RunSession::runStarted, this, [this](int runIndex) {
        if (runIndex == 0 && m_lessonCard->lesson())
            m_lessonCard->setChecks({});
    });
}

void MainWindow::loadPreset(const Preset &preset)
{
    if (isRunning())
        return;
    loadScenario(preset.scenario);
    showPreset(preset);
}

void MainWindow::showPreset(const Preset &preset)
{
    m_lessonCard->setLesson(Lessons::forPreset(preset));
    setWindowTitle(tr("%1 \u2014 TaskLanes").arg(preset.name));
    if (!m_lessonFoldChosen) {
        m_lessonCard->setCollapsed(
                m_settings.lessonCollapsed().value_or(width() < foldedBelowWidth));
        m_lessonFoldChosen = true;
    }
    fitLessonCard();
    clearRunsForPreset();
    showPresetPrediction();
}

void MainWindow::dropLesson()
{
    m_lessonCard->setLesson(std::nullopt);
    setWindowTitle(tr("TaskLanes"));
}

void MainWindow::checkLesson()
{
    if (const auto &lesson = m_lessonCard->lesson())
        m_lessonCard->setChecks(lesson->evaluate(m_session->records()));
}

// The previous runs go from every view: the preset's prediction is all there is to see until Run.
void MainWindow::clearRunsForPreset()
{
    withdrawReplay();
    // An empty list of loaded runs is the session with no run at all.
    m_session->showLoaded({});
    m_log->clear();
    m_results->setRuns({});
    m_summary->clear();
    m_selectedRun = 0;
    updateActions();
    m_status->refresh();
}

// Ghost bars of what Run would do; when the preset has a limit (or gates), of both runs that
// Compare makes, unlimited first, so that the two schedules can be told apart before either runs.
void MainWindow::showPresetPrediction()
{
    const Scenario s = scenario(false);
    QList<RunOptions> runs;
    if (s.options.isLimited() || s.options.hasGates())
        runs << s.options.unlimited();
    runs << s.options;
    QList<std::shared_ptr<const RunRecord>> records;
    QList<Schedule> predictions;
    for (const RunOptions &options : runs) {
        Scenario run = s;
        run.options = options;
        predictions << predictSchedule(run.tasks, run.options);
        records << std::make_shared<RunRecord>(run);
    }
    m_timeline->setLiveClock({});
    m_timeline->setRuns(records, predictions);
    m_timeline->fit();
}

// The open card takes its width from the timeline; folded, the timeline takes it back.
void MainWindow::fitLessonCard()
{
    // Before the window is shown the splitter's width is not the window's yet: its first layout
    // gives the card its size hint.
    const int total = m_timelineSplitter->width();
    if (!m_timelineSplitter->isVisible() || total <= 0 || m_lessonCard->isHidden())
        return;
    const int card = m_lessonCard->isCollapsed() ? m_lessonCard->maximumWidth()
                                                 : std::min(LessonCard::openWidth, total / 2);
    m_timelineSplitter->setSizes({total - card, card});
}
