#include "mainwindow.h"

#include "advisorpanel.h"
#include "comparesummary.h"
#include "fileactions.h"
#include "icons.h"
#include "logpanel.h"
#include "presets.h"
#include "resultspanel.h"
#include "runcontrols.h"
#include "runengine.h"
#include "runprogress.h"
#include "runrecord.h"
#include "runreplay.h"
#include "runreport.h"
#include "runsession.h"
#include "runstatusbar.h"
#include "sweepcontroller.h"
#include "sweeppanel.h"
#include "taskeditor.h"
#include "taskmodel.h"
#include "timelineview.h"
#include "uihelpers.h"
#include "viewactions.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QImageWriter>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QResizeEvent>
#include <QSaveFile>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QThread>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <cstdio>
#include <utility>

namespace {

constexpr QSize defaultSize(1400, 900);

void printError(const QString &text)
{
    const QByteArray bytes = (QStringLiteral("tasklanes: ") + text + QLatin1Char('\n')).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

} // namespace

MainWindow::MainWindow(const GuiOptions &options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_settings(options)
    , m_session(new RunSession(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(
            options.scenarioPath.isEmpty()
                    ? tr("TaskLanes")
                    : tr("%1 \u2014 TaskLanes").arg(QFileInfo(options.scenarioPath).fileName()));
    m_session->setObjectName(QStringLiteral("runSession"));

    createActions();
    createSweep();
    createCentre();
    createWhatIf();
    createReplay();
    createLesson();
    createToolBar();
    createMenus();
    createStatusBar();
    connectSession();
    applySettings();
    updateActions();
    m_status->refresh();
    if (const auto preset =
                m_options.presetName.isEmpty() ? std::nullopt : Presets::find(m_options.presetName))
        showPreset(*preset);

    if (!m_options.sweepLimits.isEmpty()) {
        QTimer::singleShot(0, this, [this] {
            if (m_sweep->start() || m_options.screenshotPath.isEmpty())
                return;
            printError(tr("cannot start the sweep: %1").arg(m_editor->problem()));
            QCoreApplication::exit(2);
        });
    } else if (!m_options.runs.isEmpty()) {
        m_session->showLoaded(m_options.runs);
        showOpenedRuns(m_options.runPath, m_options.runKind, m_options.runWarning);
        if (!m_options.screenshotPath.isEmpty())
            QTimer::singleShot(0, this, &MainWindow::takeScreenshotAndQuit);
    } else if (!m_options.fileError.isEmpty()) {
        // Once the window is up, so the message has a parent to sit on; nothing runs meanwhile:
        // the tasks are not the file's.
        QTimer::singleShot(0, this, &MainWindow::showFileError);
    } else if (m_options.autorun || !m_options.screenshotPath.isEmpty()) {
        QTimer::singleShot(0, this, [this] {
            if (startRun(m_options.compare) || m_options.screenshotPath.isEmpty())
                return;
            printError(tr("cannot start the run: %1").arg(m_editor->problem()));
            QCoreApplication::exit(2);
        });
    }
}

MainWindow::~MainWindow()
{
    // The session (a child) cancels and joins a run still going when it is destroyed; the live
    // clock must not outlive its engine.
    m_timeline->setLiveClock({});
    // The sweep's session is followed by lambdas of this window: it goes first, while the window
    // is whole, not among the children that outlive ~MainWindow's body (ASan saw its destroyed()
    // reach a window already down to a QWidget).
    if (m_followedSession) {
        disconnect(m_followedSession, nullptr, this, nullptr);
        disconnect(m_followedSession, nullptr, m_timeline, nullptr);
        m_followedSession = nullptr;
    }
    delete std::exchange(m_sweep, nullptr);
}

void MainWindow::createActions()
{
    m_runAction = new QAction(Icons::run(), tr("&Run"), this);
    m_runAction->setObjectName(QStringLiteral("runAction"));
    m_runAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_runAction, &QAction::triggered, this, [this] { startRun(false); });

    m_compareAction = new QAction(Icons::compare(), tr("&Compare"), this);
    m_compareAction->setObjectName(QStringLiteral("compareAction"));
    m_compareAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(m_compareAction, &QAction::triggered, this, [this] { startRun(true); });

    m_stopAction = new QAction(Icons::stop(), tr("&Stop"), this);
    m_stopAction->setObjectName(QStringLiteral("stopAction"));
    m_stopAction->setShortcut(QKeySequence(Qt::Key_Escape));
    UiHelpers::setToolTipWithShortcut(m_stopAction, tr("Cancel the run now"));
    connect(m_stopAction, &QAction::triggered, this, &MainWindow::stop);

    FileActions::Hooks hooks;
    hooks.isBusy = [this] { return isRunning(); };
    hooks.scenario = [this] { return scenario(false); };
    hooks.problem = [this] { return m_editor->isValid() ? QString() : m_editor->problem(); };
    hooks.loadScenario = [this](const Scenario &loaded) { loadScenario(loaded); };
    hooks.showLoadedRuns = [this](const QString &path, RunFile::Kind kind, const QString &warning) {
        showOpenedRuns(path, kind, warning);
    };
    hooks.imageOptions = [this] {
        // What the timeline shows (window, lane mode, theme, font), every lane fitted.
        ImageExportOptions image;
        image.timeline = m_timeline->renderOptions();
        image.width = std::clamp(m_timeline->width(), 1000, 2400);
        image.devicePixelRatio = devicePixelRatioF();
        return image;
    };
    m_files = new FileActions(this, m_session, &m_settings, std::move(hooks));

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_aboutAction = new QAction(tr("&About TaskLanes"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createCentre()
{
    m_editor = new TaskEditor(this);
    m_editor->setObjectName(QStringLiteral("taskEditor"));
    m_timeline = new TimelineView(this);
    m_session->addFinishWork(m_timeline->finishWork());
    m_timeline->setObjectName(QStringLiteral("timelineView"));
    m_timeline->setMinimumHeight(160);
    m_summary = new CompareSummary(this);
    m_results = new ResultsPanel(this);
    m_log = new LogPanel(this);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("bottomTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_summary, tr("S&ummary"));
    m_tabs->addTab(m_results, tr("Re&sults"));
    m_tabs->addTab(m_log, tr("L&og"));
    m_tabs->addTab(m_sweep->panel(), tr("Sw&eep"));
    // The panels scroll; their wish to show everything must not push the timeline into scrolling.
    m_tabs->setMinimumHeight(m_tabs->fontMetrics().height() * 7);

    auto *editorPane = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(10, 8, 6, 8);
    editorLayout->addWidget(m_editor, 1);
    m_advisor = new AdvisorPanel(editorPane);
    editorLayout->addWidget(m_advisor);

    m_rightSplitter = new QSplitter(Qt::Vertical, this);
    m_rightSplitter->setObjectName(QStringLiteral("rightSplitter"));
    m_rightSplitter->addWidget(m_timeline);
    m_rightSplitter->addWidget(m_tabs);
    m_rightSplitter->setStretchFactor(0, 3);
    m_rightSplitter->setStretchFactor(1, 2);
    m_rightSplitter->setChildrenCollapsible(false);
    m_view = new ViewActions(m_timeline, m_rightSplitter, this);

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(editorPane);
    m_mainSplitter->addWidget(m_rightSplitter);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setCollapsible(1, false);
    setCentralWidget(m_mainSplitter);

    connect(m_editor, &TaskEditor::validityChanged, this, &MainWindow::updateActions);
    connect(m_editor, &TaskEditor::problemChanged, this, &MainWindow::updateActions);
    connect(m_editor, &TaskEditor::tasksChanged, this, &MainWindow::updateAdvisor);
    connect(m_editor, &TaskEditor::tasksChanged, m_sweep->panel(), &SweepPanel::markStale);
    connect(m_advisor, &AdvisorPanel::reorderRequested, this, &MainWindow::reorderLongestFirst);
    connect(m_editor, &TaskEditor::currentTaskChanged, this,
            [this](int row) { selectTask(m_selectedRun, row, Origin::Editor); });
    connect(m_timeline, &TimelineView::taskSelected, this,
            [this](int run, int task) { selectTask(run, task, Origin::Timeline); });
    connect(m_log, &LogPanel::taskSelected, this,
            [this](int run, int task) { selectTask(run, task, Origin::Log); });
    connect(m_results, &ResultsPanel::taskSelected, this,
            [this](int run, int task) { selectTask(run, task, Origin::Results); });
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Run"));
    bar->setObjectName(QStringLiteral("runToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(18, 18));
    bar->addAction(m_runAction);
    bar->addAction(m_compareAction);
    bar->addAction(m_sweep->action());
    bar->addAction(m_stopAction);
    bar->addSeparator();

    m_controls = new RunControls(bar);
    bar->addWidget(m_controls);
    m_controls->connectChanged(this, [this] { updateAdvisor(); });

    m_view->addToToolBar(bar);
    for (QAction *action : {m_runAction, m_compareAction, m_sweep->action(), m_stopAction})
        action->setIconText(UiHelpers::buttonText(action));
    m_runBar = bar;

    m_poolBar = addToolBar(tr("Pool"));
    m_poolBar->setObjectName(QStringLiteral("poolToolBar"));
    m_poolBar->setMovable(false);
    m_poolBar->addWidget(m_controls->poolControls());

    m_sweepBar = addToolBar(tr("Sweep"));
    m_sweepBar->setObjectName(QStringLiteral("sweepToolBar"));
    m_sweepBar->setMovable(false);
    m_sweepBar->addWidget(m_sweep->controls());
}

void MainWindow::arrangeToolBars()
{
    const int run = m_runBar->sizeHint().width();
    const int pool = m_poolBar->sizeHint().width();
    const int sweep = m_sweepBar->sizeHint().width();
    const bool poolBreak = run + pool + sweep > width();
    const bool sweepBreak = poolBreak && pool + sweep > width();
    const auto setBreak = [this](QToolBar *bar, bool wanted) {
        if (wanted == toolBarBreak(bar))
            return;
        if (wanted)
            insertToolBarBreak(bar);
        else
            removeToolBarBreak(bar);
    };
    setBreak(m_poolBar, poolBreak);
    setBreak(m_sweepBar, sweepBreak);
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    arrangeToolBars();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_files->action(FileActions::Action::OpenScenario));
    file->addAction(m_files->action(FileActions::Action::OpenRun));
    file->addMenu(m_files->recentMenu());
    file->addAction(m_files->action(FileActions::Action::SaveScenario));
    QMenu *presets = file->addMenu(tr("&Presets"));
    presets->setToolTipsVisible(true);
    const QList<Preset> all = Presets::all();
    for (const Preset &preset : all) {
        QAction *action = presets->addAction(preset.name);
        action->setToolTip(preset.description);
        action->setStatusTip(preset.description);
        connect(action, &QAction::triggered, this, [this, preset] {
            if (isRunning()) {
                statusBar()->showMessage(tr("Stop the run before loading a preset."), 10000);
                return;
            }
            loadPreset(preset);
            statusBar()->showMessage(tr("Preset %1: %2").arg(preset.name, preset.description),
                                     15000);
        });
    }
    file->addSeparator();
    file->addAction(m_files->action(FileActions::Action::ExportCsv));
    file->addAction(m_files->action(FileActions::Action::ExportImage));
    file->addAction(m_files->action(FileActions::Action::ExportTrace));
    file->addAction(m_files->action(FileActions::Action::ExportPython));
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->addAction(m_runAction);
    run->addAction(m_compareAction);
    run->addAction(m_sweep->action());
    run->addAction(m_stopAction);
    run->addSeparator();
    run->addAction(m_replayAction);

    QMenu *tasks = menuBar()->addMenu(tr("&Tasks"));
    tasks->addAction(m_editor->addAction());
    tasks->addAction(m_editor->removeAction());
    tasks->addSeparator();
    tasks->addAction(m_editor->moveUpAction());
    tasks->addAction(m_editor->moveDownAction());

    m_view->fillMenu(menuBar()->addMenu(tr("&View")));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::createStatusBar()
{
    setStatusBar(new MessageStatusBar(this));
    m_status = new RunStatusBar(
            m_session, [this] { return qsizetype(m_editor->model()->rowCount()); }, statusBar());
    statusBar()->showMessage(
            tr("Ready: press Run (%1) or Compare (%2)")
                    .arg(m_runAction->shortcut().toString(QKeySequence::NativeText),
                         m_compareAction->shortcut().toString(QKeySequence::NativeText)));
}

void MainWindow::connectSession()
{
    connect(m_session, &RunSession::runStarted, this, &MainWindow::onRunStarted);
    connect(m_session, &RunSession::launching, this, &MainWindow::onLaunching);
    connect(m_session, &RunSession::progress, this, &MainWindow::onProgress);
    connect(m_session, &RunSession::runFinished, this, &MainWindow::onRunFinished);
    connect(m_session, &RunSession::finished, this, &MainWindow::onSessionFinished);
}

void MainWindow::applySettings()
{
    const AppSettings::State state = m_settings.startState(m_options);
    m_editor->setTasks(state.tasks);
    if (!m_options.sweepLimits.isEmpty()) {
        m_sweep->setLimitsText(m_options.sweepLimits);
        m_sweep->setPredictOnly(m_options.sweepPredict);
    }
    RunOptions options;
    options.limit = state.limited ? state.limit : 0;
    options.timeScale = state.timeScale;
    options.threads = state.threads;
    options.admission = state.admission;
    options.gates = state.gates;
    options.server = m_options.server;
    options.seed = m_options.seed;
    m_controls->setOptions(options);
    m_controls->setLimit(state.limited, state.limit); // an unlimited start keeps its N
    updateAdvisor();
    AppTheme::setHighContrast(state.highContrast);
    AppTheme::apply(state.theme);
    m_view->showTheme(state.theme);
    if (state.workerLanes)
        m_timeline->setLaneMode(TimelineLaneMode::Workers);

    // Default layout first; remembered geometry and splitters replace it when they are valid.
    QSize size = m_options.windowSize.isValid() ? m_options.windowSize : defaultSize;
    if (m_options.screenshotPath.isEmpty() && !m_options.windowSize.isValid()) {
        if (const QScreen *screen = QGuiApplication::primaryScreen()) {
            const QSize available = screen->availableGeometry().size();
            size = size.boundedTo(available * 0.95);
        }
    }
    resize(size);
    // The timeline gets the room: the task panel a good 30 % of a 1024 px window, and the
    // timeline two thirds of the height, where a 5-task comparison fits at 700 px; taller windows
    // give the rest to the panels below.
    const int left = std::clamp(size.width() * 30 / 100, 280, 460);
    m_mainSplitter->setSizes({left, size.width() - left});
    const int top = std::min(size.height() * 67 / 100, 560);
    m_rightSplitter->setSizes({top, size.height() - top});
    m_tabs->setCurrentIndex(0);
    const auto layout = m_settings.layout();
    if (!layout)
        return;
    if (!m_options.windowSize.isValid())
        restoreGeometry(layout->geometry);
    restoreState(layout->state);
    m_mainSplitter->restoreState(layout->mainSplitter);
    m_rightSplitter->restoreState(layout->rightSplitter);
    m_tabs->setCurrentIndex(std::clamp(layout->tab, 0, m_tabs->count() - 1));
}

void MainWindow::saveSettings()
{
    AppSettings::State state;
    state.tasks = m_editor->tasks();
    state.limited = m_controls->isLimited();
    state.limit = m_controls->limit();
    state.timeScale = m_controls->timeScale();
    state.threads = m_controls->threads();
    state.admission = m_controls->admission();
    state.theme = AppTheme::current();
    state.highContrast = AppTheme::highContrast();
    state.workerLanes = m_timeline->laneMode() == TimelineLaneMode::Workers;
    m_settings.saveState(state);
    // A window still at the size --size gave keeps the remembered geometry.
    const bool givenSize = m_options.windowSize.isValid() && size() == m_options.windowSize;
    m_settings.saveLayout({givenSize ? QByteArray() : saveGeometry(), saveState(),
                           m_mainSplitter->saveState(), m_rightSplitter->saveState(),
                           m_tabs->currentIndex()});
}

void MainWindow::setTimeScale(double timeScale)
{
    m_controls->setTimeScale(timeScale);
}

double MainWindow::timeScale() const
{
    return m_controls->timeScale();
}

Scenario MainWindow::scenario(bool compare) const
{
    Scenario s;
    s.tasks = m_editor->tasks();
    s.options = m_controls->options(compare);
    return s;
}

void MainWindow::loadScenario(const Scenario &scenario)
{
    dropLesson();
    m_editor->setTasks(scenario.tasks);
    m_controls->setOptions(scenario.options);
    updateAdvisor();
    setWindowTitle(scenario.name.isEmpty() ? tr("TaskLanes")
                                           : tr("%1 \u2014 TaskLanes").arg(scenario.name));
}

bool MainWindow::startRun(bool compare)
{
    Q_ASSERT(thread() == QThread::currentThread());
    m_editor->commitPendingEdit();
    if (isRunning() || !m_editor->isValid() || m_closing)
        return false;
    // The timeline shows the new run from runStarted() on: until then it is not repainted for
    // the bars around it coming and going (the replay bar, the what-if bar), which would paint
    // the last run once more (7 ms for 100,000 tasks) a few milliseconds before the new one.
    m_timeline->setUpdatesEnabled(false);
    withdrawReplay();
    m_log->clear();
    m_summary->clear();
    m_status->sessionStarting();
    m_selectedRun = 0;
    // The views follow the new run in onRunStarted(), a turn later, before the session launches
    // its threads. What the user sees at once: the actions of a running session, and nothing of
    // the last run's results chosen.
    if (m_session->start(scenario(compare), compare)) {
        m_results->clearSelection();
        updateActions();
        return true;
    }
    m_timeline->setUpdatesEnabled(true);
    m_results->setRuns({});
    return false;
}

void MainWindow::stop()
{
    if (m_sweep->isRunning())
        m_sweep->cancel();
    else if (m_session->isRunning())
        m_session->cancel();
    else
        return;
    statusBar()->showMessage(tr("Stopping\u2026"));
}

bool MainWindow::isRunning() const
{
    return m_session->isRunning() || m_sweep->isRunning();
}

void MainWindow::onRunStarted(int runIndex)
{
    const auto runs = m_session->runProgress();
    const auto records = m_session->records();
    RunEngine *engine = m_session->engine();
    // A comparison's limited run is known now: the window fits both predictions from the start.
    QList<TimelineRenderOptions::PlannedRun> planned;
    if (m_session->isCompare() && runIndex == 0) {
        const Scenario limited = scenario(true);
        planned.append(
                {limited.options.displayName(), predictSchedule(limited.tasks, limited.options)});
    }
    m_timeline->setUpdatesEnabled(true);
    m_timeline->setPlannedRuns(planned);
    m_timeline->setRuns(runs);
    m_timeline->setLiveClock(
            [engine] { return engine->isRunning() ? engine->elapsedNs() : qint64(-1); });
    m_timeline->fit();
    m_log->beginRun(runIndex, *records.at(runIndex), m_session->isCompare());
    m_results->setRuns(records);
    m_summary->setRuns(runs);

    const QString name = records.at(runIndex)->options().displayName();
    statusBar()->showMessage(m_session->isCompare() ? tr("Running %1 (run %2 of %3)\u2026")
                                                              .arg(name)
                                                              .arg(runIndex + 1)
                                                              .arg(m_session->plannedRuns())
                                                    : tr("Running %1\u2026").arg(name));
    if (runIndex == 0 && m_session->isCompare())
        m_tabs->setCurrentWidget(m_summary);
    updateActions();
    if (runIndex == 0)
        m_status->sessionStarted();
    else
        m_status->refresh();
}

void MainWindow::onLaunching()
{
    // The window's new state (actions, panels, the run's first frame) is painted now, before the
    // run's threads start, rather than in a later turn while `limit` busy threads share the
    // cores with this one: that first repaint of a 100,000-task run took 45 ms there, the
    // window's longest stall. Layouts first: a bar hidden or shown for the run (the replay bar)
    // resizes the timeline, and a resize left for later repaints the timeline and its scroll bar
    // again under the run (15-45 ms more).
    if (isVisible()) {
        settleLayouts();
        QCoreApplication::sendPostedEvents(this, QEvent::UpdateRequest);
    }
}

void MainWindow::settleLayouts()
{
    for (int round = 0; round < 4; ++round)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
}

void MainWindow::onProgress(int runIndex, qsizetype first, qsizetype end)
{
    Q_ASSERT(thread() == QThread::currentThread());
    const auto records = m_session->records();
    if (runIndex < 0 || runIndex >= records.size())
        return;
    m_timeline->refresh();
    m_log->appendEvents(runIndex, records.at(runIndex), first, end);
    m_results->addEvents(runIndex, first, end);
    m_status->refresh();
}

void MainWindow::onRunFinished(int runIndex)
{
    // The run's final steps and statistics were computed off this thread: the views swap them in.
    // The first run of a comparison fills its column while the second runs.
    Q_UNUSED(runIndex);
    m_summary->setRuns(m_session->runProgress());
    m_timeline->refresh();
}

void MainWindow::onSessionFinished()
{
    m_timeline->setPlannedRuns({}); // a stopped comparison's second run will not come
    m_timeline->setLiveClock({});
    const auto runs = m_session->runProgress();
    if (m_session->wasCancelled()) {
        qsizetype cancelled = 0;
        for (const auto &run : runs)
            cancelled += run->cancelled();
        m_log->appendNote(tr("=== stopped: %n task(s) cancelled ===", "", int(cancelled)));
        statusBar()->showMessage(tr("Stopped: %n task(s) cancelled.", "", int(cancelled)));
    } else if (m_session->isCompare() && runs.size() == 2) {
        statusBar()->showMessage(tr("Comparison finished: %1 %2, %3 %4.")
                                         .arg(runs.at(0)->record()->options().displayName(),
                                              m_summary->cellText(CompareSummary::MakespanRow, 0),
                                              runs.at(1)->record()->options().displayName(),
                                              m_summary->cellText(CompareSummary::MakespanRow, 1)));
    } else if (!runs.isEmpty()) {
        const RunProgress &run = *runs.constLast();
        statusBar()->showMessage(
                tr("Finished %1: %2")
                        .arg(run.record()->options().displayName(), run.resultsLine()));
    }
    updateActions();
    m_status->sessionFinished();
    offerReplay();
    checkLesson();
    Q_EMIT sessionFinished();

    if (!m_options.screenshotPath.isEmpty() && !m_closing)
        QTimer::singleShot(0, this, &MainWindow::takeScreenshotAndQuit);
}

void MainWindow::updateActions()
{
    const bool running = isRunning();
    const bool valid = m_editor->isValid();
    m_runAction->setEnabled(!running && valid);
    m_compareAction->setEnabled(!running && valid);
    m_stopAction->setEnabled(running);
    m_sweep->setCanStart(!running && valid);
    m_files->updateActions(running, valid);
    updateWhatIf();
    if (!valid) {
        const QString why = tr("Fix the tasks first: %1").arg(m_editor->problem());
        m_runAction->setToolTip(why);
        m_compareAction->setToolTip(why);
    } else {
        UiHelpers::setToolTipWithShortcut(m_runAction, tr("Run the tasks"));
        UiHelpers::setToolTipWithShortcut(m_compareAction,
                                          tr("Run unlimited, then limited to N, and compare"));
    }
}

void MainWindow::selectTask(int runIndex, int taskIndex, Origin origin)
{
    if (m_syncingSelection || taskIndex < 0)
        return;
    m_syncingSelection = true;
    const auto records = m_session->records();
    if (!records.isEmpty()) {
        const int run = std::clamp(runIndex, 0, int(records.size()) - 1);
        m_selectedRun = run;
        if (taskIndex < records.at(run)->taskCount()) {
            if (origin != Origin::Timeline)
                m_timeline->setSelectedTask(run, taskIndex);
            if (origin != Origin::Log)
                m_log->setSelectedTask(run, taskIndex);
            if (origin != Origin::Results)
                m_results->setSelectedTask(run, taskIndex);
        }
    }
    if (origin != Origin::Editor)
        m_editor->selectTask(taskIndex);
    m_syncingSelection = false;
}

// Every view shows the session's runs as a finished session would; only the editor keeps its
// tasks (a CSV knows labels and durations, not messages or every URL).
void MainWindow::showLoadedRuns(const QString &path)
{
    const auto records = m_session->records();
    m_timeline->setLiveClock({});
    m_timeline->setRuns(m_session->runProgress());
    m_timeline->fit();
    m_log->clear();
    for (int r = 0; r < records.size(); ++r) {
        const RunRecord &record = *records.at(r);
        m_log->beginRun(r, record, records.size() > 1);
        m_log->appendEvents(r, records.at(r), 0, record.publishedEventCount());
    }
    m_results->setRuns(records);
    m_summary->setRuns(m_session->runProgress());
    if (records.size() > 1)
        m_tabs->setCurrentWidget(m_summary);

    m_selectedRun = 0;
    QStringList names;
    for (const auto &record : records)
        names << record->options().displayName();
    const QString name = QFileInfo(path).fileName();
    setWindowTitle(tr("%1 \u2014 TaskLanes").arg(name));
    statusBar()->showMessage(
            tr("Opened the recorded run %1: %2")
                    .arg(QDir::toNativeSeparators(path), names.join(QStringLiteral(", "))),
            15000);
    updateActions();
    m_status->showLoaded();
    offerReplay();
    checkLesson(); // the opened runs, not the last session's, are what the card's marks are about
}

bool MainWindow::saveScreenshot(const QString &path, QString *error)
{
    const QImage image = grab().toImage();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("cannot write \"%1\": %2").arg(path, file.errorString());
        return false;
    }
    QImageWriter writer(&file, "png");
    if (!writer.write(image)) {
        *error = tr("cannot write \"%1\": %2").arg(path, writer.errorString());
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        *error = tr("cannot write \"%1\": %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void MainWindow::takeScreenshotAndQuit()
{
    m_tabs->setCurrentWidget(m_options.sweepLimits.isEmpty() ? static_cast<QWidget *>(m_summary)
                                                             : m_sweep->panel());
    m_timeline->fit();
    m_advisor->adviseNow(); // not a moment later: the picture is taken now
    settleLayouts(); // as the window will look: the advice shown may wrap to more lines
    QString error;
    if (!saveScreenshot(m_options.screenshotPath, &error)) {
        printError(error);
        QCoreApplication::exit(2);
        return;
    }
    QCoreApplication::exit(0);
}

void MainWindow::showFileError()
{
    statusBar()->showMessage(tr("Could not open the file: %1").arg(m_options.fileError));
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Cannot Open the File"),
                                tr("TaskLanes could not open the file it was given."),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("fileErrorDialog"));
    box->setInformativeText(m_options.fileError);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // not exec(): the window stays usable behind it, and tests are not blocked
}

void MainWindow::showAbout()
{
    QMessageBox::about(
            this, tr("About TaskLanes"),
            tr("<h3>TaskLanes %1</h3>"
               "<p>Makes concurrency visible: run tasks in parallel, with or without a limit, and "
               "watch each one wait, start and finish on a timeline.</p>"
               "<p>Built with Qt %2, running on Qt %3.</p>")
                    .arg(QCoreApplication::applicationVersion().toHtmlEscaped(),
                         QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_closing = true;
    // Cancelling is immediate: tasks wait on a condition, not a sleep, so the threads are joined
    // within milliseconds when the session is destroyed.
    if (m_sweep->isRunning())
        m_sweep->cancel();
    if (m_session->isRunning())
        m_session->cancel();
    saveSettings();
    event->accept();
}
