#include "mainwindow.h"

#include "comparesummary.h"
#include "csvexport.h"
#include "csvimport.h"
#include "imageexport.h"
#include "logpanel.h"
#include "presets.h"
#include "resultspanel.h"
#include "runengine.h"
#include "runrecord.h"
#include "runreport.h"
#include "runsession.h"
#include "scenariofile.h"
#include "taskeditor.h"
#include "taskmodel.h"
#include "timelineview.h"
#include "traceexport.h"
#include "uihelpers.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImageWriter>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QProgressBar>
#include <QSaveFile>
#include <QScreen>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QThread>
#include <QTimer>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>

#include <cmath>
#include <cstdio>

namespace {

// Results listed in the status bar after a run; the Results tab has them all. Eliding a line of
// a million results costs a paint of a tenth of a second.
constexpr qsizetype statusResultsShown = 30;
// Nice value of the run's pool threads in the window: at 10 the eight workers of a limit-8 run
// weigh less together than the window's thread, so a repaint is never queued behind them.
constexpr int guiWorkerNice = 10;

const double timeScalePresets[] = {1.0, 0.5, 0.1, 0.05, 0.01};
constexpr int defaultLimit = 2;
constexpr QSize defaultSize(1400, 900);

QList<Task> defaultTasks()
{
    QString ignored;
    return *ScenarioParser::parseDurations(u"5,1,8,3,4", &ignored);
}

QVariantMap taskToVariant(const Task &task)
{
    QVariantMap map;
    map.insert(QStringLiteral("kind"), taskKindName(task.kind));
    map.insert(QStringLiteral("duration"), task.duration);
    if (!task.label().isEmpty())
        map.insert(QStringLiteral("label"), task.label());
    if (!task.message().isNull())
        map.insert(QStringLiteral("message"), task.message());
    if (!task.url().isEmpty())
        map.insert(QStringLiteral("url"), task.url());
    if (task.kind == TaskKind::Http)
        map.insert(QStringLiteral("timeout"), task.timeout);
    return map;
}

// Settings may come from an older or hand-edited file: anything that does not make a task is
// dropped rather than trusted.
std::optional<Task> taskFromVariant(const QVariant &value)
{
    const QVariantMap map = value.toMap();
    const auto kind = taskKindFromName(map.value(QStringLiteral("kind")).toString());
    bool ok = false;
    const double duration = map.value(QStringLiteral("duration")).toDouble(&ok);
    if (!kind || !ok || !std::isfinite(duration) || duration < 0
        || duration > ScenarioLimits::maxDuration)
        return std::nullopt;
    Task task;
    task.kind = *kind;
    task.duration = duration;
    task.setLabel(map.value(QStringLiteral("label")).toString().left(TaskModel::maxLabelLength));
    if (map.contains(QStringLiteral("message")))
        task.setMessage(map.value(QStringLiteral("message")).toString());
    task.setUrl(map.value(QStringLiteral("url")).toString());
    const double timeout = map.value(QStringLiteral("timeout"), task.timeout).toDouble(&ok);
    if (ok && std::isfinite(timeout) && timeout > 0)
        task.timeout = timeout;
    return task;
}

// Drawn rather than taken from the style or an icon theme: the same on every platform, and
// legible on light and dark palettes (the style's media icons are dark glyphs).
enum class Glyph { Run, Stop, Compare };

QIcon drawnIcon(Glyph glyph)
{
    QIcon icon;
    for (int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        const double s = size;
        switch (glyph) {
        case Glyph::Run: {
            QPainterPath triangle;
            triangle.moveTo(s * 0.22, s * 0.12);
            triangle.lineTo(s * 0.86, s * 0.5);
            triangle.lineTo(s * 0.22, s * 0.88);
            triangle.closeSubpath();
            p.setBrush(QColor(0x2f, 0xa8, 0x4f));
            p.drawPath(triangle);
            break;
        }
        case Glyph::Stop:
            p.setBrush(QColor(0xd9, 0x48, 0x3b));
            p.drawRoundedRect(QRectF(s * 0.18, s * 0.18, s * 0.64, s * 0.64), s * 0.1, s * 0.1);
            break;
        case Glyph::Compare: {
            // Two lanes of different length: runs side by side.
            const double h = s * 0.28;
            const double r = h / 3;
            p.setBrush(QColor(0x3d, 0x7b, 0xd9));
            p.drawRoundedRect(QRectF(s * 0.08, s * 0.16, s * 0.84, h), r, r);
            p.setBrush(QColor(0xe0, 0x8a, 0x2c));
            p.drawRoundedRect(QRectF(s * 0.08, s * 0.56, s * 0.52, h), r, r);
            break;
        }
        }
        icon.addPixmap(pixmap);
    }
    return icon;
}

// The first local scenario (.json) or run (.csv) file among dropped URLs.
QString droppableFile(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return QString();
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        if (!url.isLocalFile())
            continue;
        const QString path = url.toLocalFile();
        const QString suffix = QFileInfo(path).suffix();
        if (suffix.compare(u"json", Qt::CaseInsensitive) == 0
            || suffix.compare(u"csv", Qt::CaseInsensitive) == 0)
            return path;
    }
    return QString();
}

bool isRunFile(const QString &path)
{
    return QFileInfo(path).suffix().compare(u"csv", Qt::CaseInsensitive) == 0;
}

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
    , m_session(new RunSession(this))
    , m_statusTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(
            options.scenarioPath.isEmpty()
                    ? tr("TaskLanes")
                    : tr("%1 \u2014 TaskLanes").arg(QFileInfo(options.scenarioPath).fileName()));
    if (!options.screenshotPath.isEmpty())
        m_options.useSettings = false;
    // The window paints the run while it goes on: a storm of zero-duration tasks must not starve
    // it (see RunEngine::setWorkerNice).
    m_session->engine()->setWorkerNice(guiWorkerNice);

    createActions();
    createCentre();
    createToolBar();
    createMenus();
    createStatusBar();
    connectSession();
    loadSettings(m_options);
    updateActions();
    updateStatus();

    m_statusTimer->setInterval(100);
    connect(m_statusTimer, &QTimer::timeout, this, &MainWindow::updateStatus);
    setAcceptDrops(true);

    if (!m_options.runs.isEmpty()) {
        m_session->showLoaded(m_options.runs);
        showLoadedRuns(m_options.runPath);
        if (!m_options.screenshotPath.isEmpty())
            QTimer::singleShot(0, this, &MainWindow::takeScreenshotAndQuit);
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
}

void MainWindow::createActions()
{
    m_runAction = new QAction(drawnIcon(Glyph::Run), tr("&Run"), this);
    m_runAction->setObjectName(QStringLiteral("runAction"));
    m_runAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_runAction, &QAction::triggered, this, [this] { startRun(false); });

    m_compareAction = new QAction(drawnIcon(Glyph::Compare), tr("&Compare"), this);
    m_compareAction->setObjectName(QStringLiteral("compareAction"));
    m_compareAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(m_compareAction, &QAction::triggered, this, [this] { startRun(true); });

    m_stopAction = new QAction(drawnIcon(Glyph::Stop), tr("&Stop"), this);
    m_stopAction->setObjectName(QStringLiteral("stopAction"));
    m_stopAction->setShortcut(QKeySequence(Qt::Key_Escape));
    UiHelpers::setToolTipWithShortcut(m_stopAction, tr("Cancel the run now"));
    connect(m_stopAction, &QAction::triggered, this, &MainWindow::stop);

    m_exportAction = new QAction(tr("&Export CSV\u2026"), this);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    UiHelpers::setToolTipWithShortcut(m_exportAction, tr("Save the runs shown as CSV"));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportCsvInteractively);

    m_exportImageAction = new QAction(tr("Export &Image\u2026"), this);
    m_exportImageAction->setObjectName(QStringLiteral("exportImageAction"));
    UiHelpers::setToolTipWithShortcut(m_exportImageAction,
                                      tr("Save the timeline, the concurrency chart and the summary "
                                         "as a PNG or SVG picture"));
    connect(m_exportImageAction, &QAction::triggered, this, &MainWindow::exportImageInteractively);
    m_exportTraceAction = new QAction(tr("Export &Trace\u2026"), this);
    m_exportTraceAction->setObjectName(QStringLiteral("exportTraceAction"));
    UiHelpers::setToolTipWithShortcut(
            m_exportTraceAction, tr("Save the runs as a Chrome trace JSON to open in Perfetto"));
    connect(m_exportTraceAction, &QAction::triggered, this, &MainWindow::exportTraceInteractively);

    m_openRunAction = new QAction(tr("Open &Run\u2026"), this);
    m_openRunAction->setObjectName(QStringLiteral("openRunAction"));
    m_openRunAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    UiHelpers::setToolTipWithShortcut(m_openRunAction,
                                      tr("Show a run recorded as CSV (by Export CSV or "
                                         "tasklanes-cli --csv) in the timeline and the summary"));
    connect(m_openRunAction, &QAction::triggered, this, &MainWindow::openRunInteractively);

    m_openAction = new QAction(tr("&Open Scenario\u2026"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    UiHelpers::setToolTipWithShortcut(m_openAction, tr("Load tasks, limit and time scale from a "
                                                       "scenario file (JSON)"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openScenarioInteractively);
    m_saveAction = new QAction(tr("&Save Scenario As\u2026"), this);
    m_saveAction->setShortcut(QKeySequence::Save);
    UiHelpers::setToolTipWithShortcut(m_saveAction, tr("Save the tasks, limit and time scale as a "
                                                       "scenario file (JSON)"));
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::saveScenarioInteractively);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    auto *lanes = new QActionGroup(this);
    m_taskLanesAction = new QAction(tr("&Task Lanes"), lanes);
    m_taskLanesAction->setCheckable(true);
    m_taskLanesAction->setChecked(true);
    m_taskLanesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    UiHelpers::setToolTipWithShortcut(m_taskLanesAction, tr("One lane per task"));
    m_workerLanesAction = new QAction(tr("&Worker Lanes"), lanes);
    m_workerLanesAction->setCheckable(true);
    m_workerLanesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    UiHelpers::setToolTipWithShortcut(m_workerLanesAction,
                                      tr("One lane per pool thread: see the limit's slots fill"));

    m_zoomInAction = new QAction(tr("Zoom &In"), this);
    m_zoomInAction->setShortcut(QKeySequence::ZoomIn);
    UiHelpers::setToolTipWithShortcut(m_zoomInAction, tr("Zoom into the timeline"));
    m_zoomOutAction = new QAction(tr("Zoom &Out"), this);
    m_zoomOutAction->setShortcut(QKeySequence::ZoomOut);
    UiHelpers::setToolTipWithShortcut(m_zoomOutAction, tr("Zoom out of the timeline"));
    m_fitAction = new QAction(tr("&Fit"), this);
    m_fitAction->setShortcuts({QKeySequence(Qt::Key_F), QKeySequence(Qt::CTRL | Qt::Key_0)});
    UiHelpers::setToolTipWithShortcut(m_fitAction, tr("Show the whole run"));
    // These act on the timeline: active while the focus is on its side of the window, so typing
    // "f" in the task table still edits a cell.
    for (QAction *action : {m_zoomInAction, m_zoomOutAction, m_fitAction})
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    m_themeGroup = new QActionGroup(this);
    for (auto [theme, text] : {std::pair{AppTheme::Theme::System, tr("&System")},
                               std::pair{AppTheme::Theme::Light, tr("&Light")},
                               std::pair{AppTheme::Theme::Dark, tr("&Dark")}}) {
        auto *action = new QAction(text, m_themeGroup);
        action->setCheckable(true);
        action->setData(int(theme));
        action->setObjectName(QStringLiteral("theme-") + AppTheme::name(theme));
        connect(action, &QAction::triggered, this, [theme = theme] { AppTheme::apply(theme); });
    }

    m_aboutAction = new QAction(tr("&About TaskLanes"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createCentre()
{
    m_editor = new TaskEditor(this);
    m_timeline = new TimelineView(this);
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
    m_tabs->addTab(m_log, tr("&Log"));

    auto *editorPane = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(10, 8, 6, 8);
    editorLayout->addWidget(m_editor);

    m_rightSplitter = new QSplitter(Qt::Vertical, this);
    m_rightSplitter->setObjectName(QStringLiteral("rightSplitter"));
    m_rightSplitter->addWidget(m_timeline);
    m_rightSplitter->addWidget(m_tabs);
    m_rightSplitter->setStretchFactor(0, 3);
    m_rightSplitter->setStretchFactor(1, 2);
    m_rightSplitter->setChildrenCollapsible(false);
    m_rightPane = m_rightSplitter;
    for (QAction *action : {m_zoomInAction, m_zoomOutAction, m_fitAction})
        m_rightPane->addAction(action);

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
    connect(m_editor, &TaskEditor::currentTaskChanged, this,
            [this](int row) { selectTask(m_selectedRun, row, Origin::Editor); });
    connect(m_timeline, &TimelineView::taskSelected, this,
            [this](int run, int task) { selectTask(run, task, Origin::Timeline); });
    connect(m_timeline, &TimelineView::laneModeChanged, this, [this](TimelineLaneMode mode) {
        (mode == TimelineLaneMode::Tasks ? m_taskLanesAction : m_workerLanesAction)
                ->setChecked(true);
    });
    connect(m_taskLanesAction, &QAction::triggered, this,
            [this] { m_timeline->setLaneMode(TimelineLaneMode::Tasks); });
    connect(m_workerLanesAction, &QAction::triggered, this,
            [this] { m_timeline->setLaneMode(TimelineLaneMode::Workers); });
    connect(m_zoomInAction, &QAction::triggered, m_timeline, &TimelineView::zoomIn);
    connect(m_zoomOutAction, &QAction::triggered, m_timeline, &TimelineView::zoomOut);
    connect(m_fitAction, &QAction::triggered, m_timeline, &TimelineView::fit);
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
    bar->addAction(m_stopAction);
    bar->addSeparator();

    // Controls sit in one row, each with a little room around it, so they line up with the
    // buttons instead of touching them.
    auto *controls = new QWidget(bar);
    auto *row = new QHBoxLayout(controls);
    row->setContentsMargins(6, 0, 6, 0);
    row->setSpacing(6);

    m_limitCheck = new QCheckBox(tr("&Limit concurrency to"), controls);
    m_limitCheck->setObjectName(QStringLiteral("limitCheck"));
    m_limitCheck->setToolTip(tr("Run at most N tasks at once, the others wait their turn in "
                                "submission order (like asyncio.Semaphore)"));
    m_limitSpin = new QSpinBox(controls);
    m_limitSpin->setObjectName(QStringLiteral("limitSpin"));
    m_limitSpin->setRange(1, ScenarioLimits::maxLimit);
    m_limitSpin->setValue(defaultLimit);
    m_limitSpin->setAccelerated(true);
    m_limitSpin->setToolTip(tr("N: the most tasks running at once (Run when limited, and the "
                               "limited half of Compare)"));
    m_limitSpin->setMinimumWidth(
            m_limitSpin->fontMetrics().horizontalAdvance(QStringLiteral("00000")) + 36);
    row->addWidget(m_limitCheck);
    row->addWidget(m_limitSpin);
    row->addSpacing(18);

    auto *scaleLabel = new QLabel(tr("&Time scale:"), controls);
    m_timeScale = new QComboBox(controls);
    m_timeScale->setObjectName(QStringLiteral("timeScaleCombo"));
    m_timeScale->setToolTip(tr("Real time per scenario second: faster scales replay the same "
                               "schedule in less time"));
    m_timeScale->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (double value : timeScalePresets)
        m_timeScale->addItem(UiHelpers::timeScaleText(value), value);
    scaleLabel->setBuddy(m_timeScale);
    row->addWidget(scaleLabel);
    row->addWidget(m_timeScale);
    row->addSpacing(18);

    auto *lanesLabel = new QLabel(tr("Lanes:"), controls);
    row->addWidget(lanesLabel);
    bar->addWidget(controls);

    for (QAction *action : {m_taskLanesAction, m_workerLanesAction}) {
        bar->addAction(action);
    }
    // The lane buttons say "Tasks" and "Workers": the menu says what kind of lanes.
    m_taskLanesAction->setIconText(tr("Tasks"));
    m_workerLanesAction->setIconText(tr("Workers"));
    bar->addSeparator();
    bar->addAction(m_fitAction);
    for (QAction *action : {m_runAction, m_compareAction, m_stopAction, m_fitAction})
        action->setIconText(UiHelpers::buttonText(action));

    UiHelpers::setToolTipWithShortcut(m_runAction, tr("Run the tasks"));
    UiHelpers::setToolTipWithShortcut(m_compareAction,
                                      tr("Run unlimited, then limited to N, and compare"));
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    file->addAction(m_openRunAction);
    m_recentMenu = file->addMenu(tr("Open Re&cent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    m_recentMenu->setToolTipsVisible(true);
    rebuildRecentMenu();
    file->addAction(m_saveAction);
    QMenu *presets = file->addMenu(tr("&Presets"));
    presets->setToolTipsVisible(true);
    const QList<Preset> all = Presets::all();
    for (const Preset &preset : all) {
        QAction *action = presets->addAction(preset.name);
        action->setToolTip(preset.description);
        action->setStatusTip(preset.description);
        connect(action, &QAction::triggered, this, [this, preset] {
            loadScenario(preset.scenario);
            statusBar()->showMessage(tr("Preset %1: %2").arg(preset.name, preset.description),
                                     15000);
        });
    }
    file->addSeparator();
    file->addAction(m_exportAction);
    file->addAction(m_exportImageAction);
    file->addAction(m_exportTraceAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->addAction(m_runAction);
    run->addAction(m_compareAction);
    run->addAction(m_stopAction);

    QMenu *tasks = menuBar()->addMenu(tr("&Tasks"));
    tasks->addAction(m_editor->addAction());
    tasks->addAction(m_editor->removeAction());
    tasks->addSeparator();
    tasks->addAction(m_editor->moveUpAction());
    tasks->addAction(m_editor->moveDownAction());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_taskLanesAction);
    view->addAction(m_workerLanesAction);
    view->addSeparator();
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addAction(m_fitAction);
    view->addSeparator();
    QMenu *theme = view->addMenu(tr("T&heme"));
    theme->addActions(m_themeGroup->actions());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::createStatusBar()
{
    m_progressLabel = new QLabel(this);
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));
    m_progressBar = new QProgressBar(this);
    m_progressBar->setObjectName(QStringLiteral("progressBar"));
    m_progressBar->setTextVisible(false);
    m_progressBar->setFixedWidth(120);
    m_progressBar->setMaximumHeight(m_progressLabel->fontMetrics().height());
    m_elapsedLabel = new QLabel(this);
    m_elapsedLabel->setObjectName(QStringLiteral("elapsedLabel"));
    m_elapsedLabel->setToolTip(tr("Scenario time since the current run started"));
    m_concurrencyLabel = new QLabel(this);
    m_concurrencyLabel->setObjectName(QStringLiteral("concurrencyLabel"));
    m_concurrencyLabel->setToolTip(tr("Tasks running and waiting right now"));
    // Fixed widths, so the bar does not jitter as the numbers change.
    const QFontMetrics fm = m_elapsedLabel->fontMetrics();
    m_elapsedLabel->setMinimumWidth(
            fm.horizontalAdvance(tr("t = %1").arg(UiHelpers::seconds(88888.88))));
    m_progressLabel->setMinimumWidth(
            fm.horizontalAdvance(tr("%1 / %2 done").arg(88888).arg(88888)));
    m_concurrencyLabel->setMinimumWidth(
            fm.horizontalAdvance(tr("%1 running \u00b7 %2 waiting").arg(8888).arg(8888)));
    statusBar()->addPermanentWidget(m_progressLabel);
    statusBar()->addPermanentWidget(m_progressBar);
    statusBar()->addPermanentWidget(m_elapsedLabel);
    statusBar()->addPermanentWidget(m_concurrencyLabel);
    statusBar()->showMessage(
            tr("Ready: press Run (%1) or Compare (%2)")
                    .arg(m_runAction->shortcut().toString(QKeySequence::NativeText),
                         m_compareAction->shortcut().toString(QKeySequence::NativeText)));
}

void MainWindow::connectSession()
{
    connect(m_session, &RunSession::runStarted, this, &MainWindow::onRunStarted);
    connect(m_session, &RunSession::progress, this, &MainWindow::onProgress);
    connect(m_session, &RunSession::runFinished, this, &MainWindow::onRunFinished);
    connect(m_session, &RunSession::finished, this, &MainWindow::onSessionFinished);
}

std::unique_ptr<QSettings> MainWindow::openSettings() const
{
    if (!m_options.settingsFile.isEmpty())
        return std::make_unique<QSettings>(m_options.settingsFile, QSettings::IniFormat);
    return std::make_unique<QSettings>();
}

void MainWindow::loadSettings(const GuiOptions &options)
{
    std::unique_ptr<QSettings> settings;
    if (options.useSettings)
        settings = openSettings();
    auto value = [&](const QString &key, const QVariant &fallback = {}) {
        return settings ? settings->value(key, fallback) : fallback;
    };

    QList<Task> tasks;
    if (options.tasks) {
        tasks = *options.tasks;
    } else {
        const QVariantList saved = value(QStringLiteral("scenario/tasks")).toList();
        for (const QVariant &item : saved) {
            if (auto task = taskFromVariant(item))
                tasks.append(*task);
        }
        if (tasks.isEmpty())
            tasks = defaultTasks();
    }
    m_editor->setTasks(tasks);

    bool limited = value(QStringLiteral("scenario/limitEnabled"), true).toBool();
    int limit = std::clamp(value(QStringLiteral("scenario/limit"), defaultLimit).toInt(), 1,
                           ScenarioLimits::maxLimit);
    if (options.limit) {
        limited = *options.limit > 0;
        if (limited)
            limit = *options.limit;
    }
    m_limitCheck->setChecked(limited);
    m_limitSpin->setValue(limit);

    double scale = value(QStringLiteral("scenario/timeScale"), 1.0).toDouble();
    if (!std::isfinite(scale) || scale < ScenarioLimits::minTimeScale
        || scale > ScenarioLimits::maxTimeScale)
        scale = 1.0;
    setTimeScale(options.timeScale.value_or(scale));

    const auto theme = options.theme
                               ? options.theme
                               : AppTheme::fromName(value(QStringLiteral("view/theme")).toString());
    const AppTheme::Theme chosen = theme.value_or(AppTheme::Theme::System);
    AppTheme::apply(chosen);
    for (QAction *action : m_themeGroup->actions())
        action->setChecked(action->data().toInt() == int(chosen));

    if (value(QStringLiteral("view/laneMode")).toString() == u"workers") {
        m_timeline->setLaneMode(TimelineLaneMode::Workers);
        m_workerLanesAction->setChecked(true);
    }

    m_recentFiles = value(QStringLiteral("recent/files")).toStringList().mid(0, maxRecentFiles);
    rebuildRecentMenu();

    // Default layout first; remembered geometry and splitters replace it when they are valid.
    QSize size = defaultSize;
    if (options.screenshotPath.isEmpty()) {
        if (const QScreen *screen = QGuiApplication::primaryScreen()) {
            const QSize available = screen->availableGeometry().size();
            size = size.boundedTo(available * 0.95);
        }
    }
    resize(size);
    const int left = std::clamp(size.width() * 30 / 100, 380, 460);
    m_mainSplitter->setSizes({left, size.width() - left});
    m_rightSplitter->setSizes({size.height() * 55 / 100, size.height() * 45 / 100});
    m_tabs->setCurrentIndex(0);
    if (!settings)
        return;
    restoreGeometry(settings->value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings->value(QStringLiteral("window/state")).toByteArray());
    m_mainSplitter->restoreState(
            settings->value(QStringLiteral("window/mainSplitter")).toByteArray());
    m_rightSplitter->restoreState(
            settings->value(QStringLiteral("window/rightSplitter")).toByteArray());
    m_tabs->setCurrentIndex(std::clamp(settings->value(QStringLiteral("window/tab"), 0).toInt(), 0,
                                       m_tabs->count() - 1));
}

void MainWindow::saveSettings()
{
    if (!m_options.useSettings)
        return;
    const auto settings = openSettings();
    QVariantList tasks;
    const QList<Task> current = m_editor->tasks();
    for (const Task &task : current)
        tasks.append(taskToVariant(task));
    settings->setValue(QStringLiteral("scenario/tasks"), tasks);
    settings->setValue(QStringLiteral("scenario/limitEnabled"), m_limitCheck->isChecked());
    settings->setValue(QStringLiteral("scenario/limit"), m_limitSpin->value());
    settings->setValue(QStringLiteral("scenario/timeScale"), timeScale());
    settings->setValue(QStringLiteral("view/theme"), AppTheme::name(AppTheme::current()));
    settings->setValue(QStringLiteral("view/laneMode"),
                       m_timeline->laneMode() == TimelineLaneMode::Workers
                               ? QStringLiteral("workers")
                               : QStringLiteral("tasks"));
    settings->setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings->setValue(QStringLiteral("window/state"), saveState());
    settings->setValue(QStringLiteral("window/mainSplitter"), m_mainSplitter->saveState());
    settings->setValue(QStringLiteral("window/rightSplitter"), m_rightSplitter->saveState());
    settings->setValue(QStringLiteral("window/tab"), m_tabs->currentIndex());
}

void MainWindow::setTimeScale(double value)
{
    for (int i = 0; i < m_timeScale->count(); ++i) {
        if (std::abs(m_timeScale->itemData(i).toDouble() - value) <= value * 1e-9) {
            m_timeScale->setCurrentIndex(i);
            return;
        }
    }
    // A scale from the command line or the settings that is not a preset: added in order.
    int at = 0;
    while (at < m_timeScale->count() && m_timeScale->itemData(at).toDouble() > value)
        ++at;
    m_timeScale->insertItem(at, UiHelpers::timeScaleText(value), value);
    m_timeScale->setCurrentIndex(at);
}

double MainWindow::timeScale() const
{
    return m_timeScale->currentData().toDouble();
}

Scenario MainWindow::scenario(bool compare) const
{
    Scenario s;
    s.tasks = m_editor->tasks();
    s.options.timeScale = timeScale();
    s.options.limit = (compare || m_limitCheck->isChecked()) ? m_limitSpin->value() : 0;
    return s;
}

void MainWindow::loadScenario(const Scenario &scenario)
{
    m_editor->setTasks(scenario.tasks);
    m_limitCheck->setChecked(scenario.options.isLimited());
    if (scenario.options.isLimited())
        m_limitSpin->setValue(scenario.options.limit);
    setTimeScale(scenario.options.timeScale);
    setWindowTitle(scenario.name.isEmpty() ? tr("TaskLanes")
                                           : tr("%1 \u2014 TaskLanes").arg(scenario.name));
}

bool MainWindow::startRun(bool compare)
{
    Q_ASSERT(thread() == QThread::currentThread());
    m_editor->commitPendingEdit();
    if (m_session->isRunning() || m_finishing || !m_editor->isValid() || m_closing)
        return false;
    m_log->clear();
    m_results->setRuns({});
    m_summary->clear();
    m_doneBefore = 0;
    m_started = m_finished = m_finishedUnstarted = 0;
    m_selectedRun = 0;
    m_finalElapsedNs = -1;
    if (!m_session->start(scenario(compare), compare))
        return false;
    if (compare)
        m_tabs->setCurrentWidget(m_summary);
    m_statusTimer->start();
    updateActions();
    updateStatus();
    return true;
}

void MainWindow::stop()
{
    if (!m_session->isRunning())
        return;
    m_session->cancel();
    statusBar()->showMessage(tr("Stopping\u2026"));
}

bool MainWindow::isRunning() const
{
    return m_session->isRunning() || m_finishing;
}

void MainWindow::onRunStarted(int runIndex)
{
    const auto records = m_session->records();
    const auto predictions = m_session->predictions();
    RunEngine *engine = m_session->engine();
    m_timeline->setRuns(records, predictions);
    m_timeline->setLiveClock([engine] { return engine->elapsedNs(); });
    m_timeline->fit();
    m_log->beginRun(runIndex, *records.at(runIndex), m_session->isCompare());
    m_results->setRuns(records);
    m_summary->setRuns(records, predictions);

    m_doneBefore = 0;
    for (int r = 0; r < runIndex; ++r)
        m_doneBefore += records.at(r)->finishedCount();
    m_started = m_finished = m_finishedUnstarted = 0;

    const QString name = records.at(runIndex)->options().displayName();
    statusBar()->showMessage(m_session->isCompare() ? tr("Running %1 (run %2 of %3)\u2026")
                                                              .arg(name)
                                                              .arg(runIndex + 1)
                                                              .arg(m_session->plannedRuns())
                                                    : tr("Running %1\u2026").arg(name));
    updateActions();
    updateStatus();
}

void MainWindow::onProgress(int runIndex, qsizetype first, qsizetype end)
{
    Q_ASSERT(thread() == QThread::currentThread());
    const auto records = m_session->records();
    if (runIndex < 0 || runIndex >= records.size())
        return;
    const RunRecord &record = *records.at(runIndex);
    for (qsizetype k = first; k < end; ++k) {
        const RunEvent e = record.event(k);
        if (!e.finish) {
            ++m_started;
        } else {
            ++m_finished;
            if (!record.sample(e.task).hasStarted())
                ++m_finishedUnstarted;
        }
    }
    m_timeline->refresh();
    m_log->appendEvents(runIndex, records.at(runIndex), first, end);
    m_results->addEvents(runIndex, first, end);
    updateStatus();
}

void MainWindow::onRunFinished(int runIndex)
{
    // The first run of a comparison: its column fills in while the second runs, on a turn of its
    // own. After the last run, completeSession() fills the summary.
    if (runIndex + 1 >= m_session->plannedRuns() || m_session->wasCancelled())
        return;
    const quint64 serial = m_finishSerial;
    QTimer::singleShot(0, this, [this, serial] {
        if (serial == m_finishSerial)
            m_summary->setRuns(m_session->records(), m_session->predictions());
    });
}

void MainWindow::afterTurn(std::function<void()> step)
{
    // A 1 ms timer, not a zero one: Qt 6 turns singleShot(0) into a posted call, which runs in
    // the same pass over posted events as whatever posted it, with no timer or input between.
    const quint64 serial = m_finishSerial;
    QTimer::singleShot(1, Qt::PreciseTimer, this, [this, serial, step = std::move(step)] {
        if (serial == m_finishSerial && !m_closing)
            step();
    });
}

void MainWindow::onSessionFinished()
{
    // What ends a session costs several ms per 100,000 tasks in each view: the timeline's final
    // range now, its first full paint on the next event-loop turn, the statistics and the summary
    // on the one after, so input goes on between them; sessionFinished() comes after the last.
    m_statusTimer->stop();
    m_timeline->setLiveClock({});
    const auto records = m_session->records();
    m_finalElapsedNs = 0;
    if (!records.isEmpty()) {
        const RunRecord &last = *records.constLast();
        for (qsizetype i = 0; i < last.taskCount(); ++i)
            m_finalElapsedNs = std::max(m_finalElapsedNs, last.sample(i).finishedNs);
    }
    m_finishing = true;
    ++m_finishSerial;
    updateActions();
    updateStatus();
    m_timeline->finishLive();
    afterTurn([this] {
        m_timeline->refresh(); // painted in this turn's pass over posted events
        afterTurn([this] { completeSession(); });
    });
}

void MainWindow::completeSession()
{
    const auto records = m_session->records();
    m_summary->setRuns(records, m_session->predictions());
    if (m_session->wasCancelled()) {
        qsizetype cancelled = 0;
        for (const auto &record : records) {
            for (qsizetype i = 0; i < record->taskCount(); ++i)
                cancelled += record->status(i) == TaskStatus::Cancelled ? 1 : 0;
        }
        m_log->appendNote(tr("=== stopped: %n task(s) cancelled ===", "", int(cancelled)));
        statusBar()->showMessage(tr("Stopped: %n task(s) cancelled.", "", int(cancelled)));
    } else if (m_session->isCompare() && records.size() == 2) {
        statusBar()->showMessage(tr("Comparison finished: %1 %2, %3 %4.")
                                         .arg(records.at(0)->options().displayName(),
                                              m_summary->cellText(CompareSummary::MakespanRow, 0),
                                              records.at(1)->options().displayName(),
                                              m_summary->cellText(CompareSummary::MakespanRow, 1)));
    } else if (!records.isEmpty()) {
        const RunRecord &record = *records.constLast();
        statusBar()->showMessage(tr("Finished %1: %2")
                                         .arg(record.options().displayName(),
                                              RunReport::resultsLine(record, statusResultsShown)));
    }
    m_finishing = false;
    updateActions();
    updateStatus();
    Q_EMIT sessionFinished();

    if (!m_options.screenshotPath.isEmpty() && !m_closing)
        QTimer::singleShot(0, this, &MainWindow::takeScreenshotAndQuit);
}

void MainWindow::updateActions()
{
    const bool running = m_session->isRunning() || m_finishing;
    const bool valid = m_editor->isValid();
    m_runAction->setEnabled(!running && valid);
    m_compareAction->setEnabled(!running && valid);
    m_stopAction->setEnabled(running);
    m_exportAction->setEnabled(!m_session->records().isEmpty());
    m_exportImageAction->setEnabled(m_exportAction->isEnabled());
    m_exportTraceAction->setEnabled(m_exportAction->isEnabled());
    m_openRunAction->setEnabled(!running);
    m_saveAction->setEnabled(valid);
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

QString MainWindow::progressText() const
{
    const auto records = m_session->records();
    if (records.isEmpty())
        return tr("%1 / %2 done").arg(0).arg(m_editor->model()->rowCount());
    const qsizetype perRun = records.constFirst()->taskCount();
    const qsizetype total = perRun * m_session->plannedRuns();
    return tr("%1 / %2 done").arg(m_doneBefore + m_finished).arg(total);
}

QString MainWindow::elapsedText() const
{
    const auto records = m_session->records();
    if (records.isEmpty())
        return tr("t = %1").arg(UiHelpers::seconds(0));
    // While running, the engine's clock; afterwards the last finish, not the moment the engine
    // had joined its threads.
    const qint64 ns = m_finalElapsedNs >= 0 ? m_finalElapsedNs : m_session->engine()->elapsedNs();
    const double t = records.constLast()->toScenarioSeconds(ns);
    return tr("t = %1").arg(UiHelpers::seconds(std::max(0.0, t)));
}

QString MainWindow::concurrencyText() const
{
    const auto records = m_session->records();
    const qsizetype n = records.isEmpty() ? 0 : records.constLast()->taskCount();
    const qsizetype running = m_started - (m_finished - m_finishedUnstarted);
    const qsizetype waiting = m_session->isRunning() ? n - m_started - m_finishedUnstarted : 0;
    return tr("%1 running \u00b7 %2 waiting").arg(running).arg(waiting);
}

void MainWindow::updateStatus()
{
    m_progressLabel->setText(progressText());
    m_elapsedLabel->setText(elapsedText());
    m_concurrencyLabel->setText(concurrencyText());
    const auto records = m_session->records();
    const qsizetype perRun = records.isEmpty() ? 0 : records.constFirst()->taskCount();
    const qsizetype total = perRun * m_session->plannedRuns();
    // QProgressBar counts in int; a million-task comparison still fits. Its setValue() repaints
    // at once, and a synchronous repaint paints every dirty widget of the window with it (the
    // timeline of a 100,000-task run: tens of ms inside a progress batch). With updates off for
    // the change, the bar is repainted with the rest on the next turn.
    m_progressBar->setUpdatesEnabled(false);
    m_progressBar->setRange(0, int(std::max<qsizetype>(total, 1)));
    m_progressBar->setValue(
            int(std::min(m_doneBefore + m_finished, std::max<qsizetype>(total, 1))));
    m_progressBar->setUpdatesEnabled(true);
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

bool MainWindow::exportCsv(const QString &path, QString *error)
{
    const auto records = m_session->records();
    if (records.isEmpty()) {
        if (error)
            *error = tr("There is nothing to export yet: run the tasks first.");
        return false;
    }
    QString why;
    if (!CsvExport::writeFile(path, records, &why)) {
        if (error)
            *error = why;
        return false;
    }
    return true;
}

void MainWindow::exportCsvInteractively()
{
    const auto records = m_session->records();
    if (records.isEmpty())
        return;
    const QString folder = lastFolder(QStringLiteral("export/folder"));
    const QString name =
            records.size() > 1
                    ? QStringLiteral("tasklanes-comparison.csv")
                    : QStringLiteral("tasklanes-%1.csv").arg(records.constFirst()->runName());
    QFileDialog dialog(this, tr("Export CSV"), QDir(folder).filePath(name),
                       tr("CSV files (*.csv);;All files (*)"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(QStringLiteral("csv"));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    QString error;
    if (!exportCsv(path, &error)) {
        QMessageBox::critical(
                this, tr("Export CSV"),
                tr("The CSV could not be written; nothing was changed.\n\n%1").arg(error));
        return;
    }
    rememberFolder(QStringLiteral("export/folder"), path);
    qsizetype rows = 0;
    for (const auto &record : records)
        rows += record->taskCount();
    statusBar()->showMessage(
            tr("Exported %n row(s) to %1", "", int(rows)).arg(QDir::toNativeSeparators(path)),
            10000);
}

bool MainWindow::exportImage(const QString &path, QString *error)
{
    const auto records = m_session->records();
    if (records.isEmpty()) {
        *error = tr("There is nothing to export yet: run the tasks first.");
        return false;
    }
    // What the timeline shows (window, lane mode, theme, font), every lane fitted.
    ImageExportOptions options;
    options.timeline = m_timeline->renderOptions();
    options.width = std::clamp(m_timeline->width(), 1000, 2400);
    options.devicePixelRatio = devicePixelRatioF();
    return ImageExport::writeFile(path, records, m_session->predictions(), options, error);
}

bool MainWindow::exportTrace(const QString &path, QString *error)
{
    const auto records = m_session->records();
    if (records.isEmpty()) {
        *error = tr("There is nothing to export yet: run the tasks first.");
        return false;
    }
    return TraceExport::writeFile(path, records, error);
}

namespace {

QString exportBaseName(const QList<std::shared_ptr<const RunRecord>> &records)
{
    return records.size() > 1 ? QStringLiteral("tasklanes-comparison")
                              : QStringLiteral("tasklanes-") + records.constFirst()->runName();
}

} // namespace

void MainWindow::exportImageInteractively()
{
    const auto records = m_session->records();
    if (records.isEmpty())
        return;
    const QString pngFilter = tr("PNG image (*.png)");
    const QString svgFilter = tr("SVG image, vector (*.svg)");
    QFileDialog dialog(this, tr("Export Image"),
                       QDir(lastFolder(QStringLiteral("export/folder")))
                               .filePath(exportBaseName(records) + QStringLiteral(".png")),
                       pngFilter + QStringLiteral(";;") + svgFilter);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(QStringLiteral("png"));
    connect(&dialog, &QFileDialog::filterSelected, &dialog, [&dialog, svgFilter](const QString &f) {
        dialog.setDefaultSuffix(f == svgFilter ? QStringLiteral("svg") : QStringLiteral("png"));
    });
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    QString path = dialog.selectedFiles().constFirst();
    // A typed .png or .svg decides the format; any other name gets the chosen filter's suffix.
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != u"png" && suffix != u"svg")
        path += dialog.selectedNameFilter() == svgFilter ? QStringLiteral(".svg")
                                                         : QStringLiteral(".png");
    QString error;
    if (!exportImage(path, &error)) {
        QMessageBox::critical(
                this, tr("Export Image"),
                tr("The image could not be written; nothing was changed.\n\n%1").arg(error));
        return;
    }
    rememberFolder(QStringLiteral("export/folder"), path);
    statusBar()->showMessage(tr("Exported the image to %1").arg(QDir::toNativeSeparators(path)),
                             10000);
}

void MainWindow::exportTraceInteractively()
{
    const auto records = m_session->records();
    if (records.isEmpty())
        return;
    QFileDialog dialog(this, tr("Export Trace"),
                       QDir(lastFolder(QStringLiteral("export/folder")))
                               .filePath(exportBaseName(records) + QStringLiteral("-trace.json")),
                       tr("Chrome trace JSON (*.json);;All files (*)"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(QStringLiteral("json"));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    QString error;
    if (!exportTrace(path, &error)) {
        QMessageBox::critical(
                this, tr("Export Trace"),
                tr("The trace could not be written; nothing was changed.\n\n%1").arg(error));
        return;
    }
    rememberFolder(QStringLiteral("export/folder"), path);
    statusBar()->showMessage(tr("Exported the trace to %1: open it in https://ui.perfetto.dev")
                                     .arg(QDir::toNativeSeparators(path)),
                             10000);
}

QString MainWindow::lastFolder(const QString &key) const
{
    QString folder;
    if (m_options.useSettings)
        folder = openSettings()->value(key).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return folder;
}

void MainWindow::rememberFolder(const QString &key, const QString &filePath)
{
    if (m_options.useSettings)
        openSettings()->setValue(key, QFileInfo(filePath).absolutePath());
}

void MainWindow::openScenarioInteractively()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Scenario"),
                                                      lastFolder(QStringLiteral("scenario/folder")),
                                                      tr("Scenario files (*.json);;All files (*)"));
    if (!path.isEmpty())
        openFileInteractively(path);
}

bool MainWindow::openScenario(const QString &path, QString *error)
{
    const auto loaded = ScenarioFile::load(path, error);
    if (!loaded)
        return false;
    rememberFolder(QStringLiteral("scenario/folder"), path);
    addRecentFile(path);
    Scenario scenario = loaded->scenario;
    if (scenario.name.isEmpty())
        scenario.name = QFileInfo(path).completeBaseName();
    loadScenario(scenario);
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 10000);
    return true;
}

void MainWindow::openRunInteractively()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Run"),
                                                      lastFolder(QStringLiteral("export/folder")),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        openFileInteractively(path);
}

bool MainWindow::openRun(const QString &path, QString *error)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (isRunning()) {
        *error = tr("A run is going on: stop it before opening a recorded run.");
        return false;
    }
    const auto runs = CsvImport::readFile(path, error);
    if (!runs || !m_session->showLoaded(*runs))
        return false;
    rememberFolder(QStringLiteral("export/folder"), path);
    addRecentFile(path);
    showLoadedRuns(path);
    return true;
}

bool MainWindow::openFileInteractively(const QString &path)
{
    QString error;
    const bool run = isRunFile(path);
    if (run ? openRun(path, &error) : openScenario(path, &error))
        return true;
    QMessageBox::warning(this, run ? tr("Open Run") : tr("Open Scenario"),
                         (run ? tr("The run could not be opened.\n\n%1")
                              : tr("The scenario could not be opened.\n\n%1"))
                                 .arg(error));
    return false;
}

// Every view shows the session's runs as a finished session would; only the editor keeps its
// tasks (a CSV knows labels and durations, not messages or every URL).
void MainWindow::showLoadedRuns(const QString &path)
{
    const auto records = m_session->records();
    const auto predictions = m_session->predictions();
    m_statusTimer->stop();
    m_timeline->setLiveClock({});
    m_timeline->setRuns(records, predictions);
    m_timeline->fit();
    m_log->clear();
    for (int r = 0; r < records.size(); ++r) {
        const RunRecord &record = *records.at(r);
        m_log->beginRun(r, record, records.size() > 1);
        m_log->appendEvents(r, records.at(r), 0, record.publishedEventCount());
    }
    m_results->setRuns(records);
    m_summary->setRuns(records, predictions);
    if (records.size() > 1)
        m_tabs->setCurrentWidget(m_summary);

    m_selectedRun = 0;
    m_doneBefore = 0;
    m_started = m_finished = m_finishedUnstarted = 0;
    m_finalElapsedNs = 0;
    QStringList names;
    for (int r = 0; r < records.size(); ++r) {
        const RunRecord &record = *records.at(r);
        names << record.options().displayName();
        if (r + 1 < records.size()) {
            m_doneBefore += record.finishedCount();
            continue;
        }
        for (qsizetype i = 0; i < record.taskCount(); ++i) {
            const TaskSample sample = record.sample(i);
            m_started += sample.hasStarted() ? 1 : 0;
            m_finishedUnstarted += sample.hasStarted() ? 0 : 1;
            m_finalElapsedNs = std::max(m_finalElapsedNs, sample.finishedNs);
        }
        m_finished = record.finishedCount();
    }
    const QString name = QFileInfo(path).fileName();
    setWindowTitle(tr("%1 \u2014 TaskLanes").arg(name));
    statusBar()->showMessage(
            tr("Opened the recorded run %1: %2")
                    .arg(QDir::toNativeSeparators(path), names.join(QStringLiteral(", "))),
            15000);
    updateActions();
    updateStatus();
}

void MainWindow::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_recentFiles.removeAll(absolute);
    m_recentFiles.prepend(absolute);
    while (m_recentFiles.size() > maxRecentFiles)
        m_recentFiles.removeLast();
    if (m_options.useSettings)
        openSettings()->setValue(QStringLiteral("recent/files"), m_recentFiles);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    for (int i = 0; i < m_recentFiles.size(); ++i) {
        const QString path = m_recentFiles.at(i);
        QString name = QFileInfo(path).fileName();
        name.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction *action = m_recentMenu->addAction(tr("&%1 %2").arg(i + 1).arg(name));
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        action->setData(path);
        // Queued: opening rebuilds this menu, which deletes the action being triggered.
        connect(
                action, &QAction::triggered, this, [this, path] { openRecentFile(path); },
                Qt::QueuedConnection);
    }
    if (!m_recentFiles.isEmpty()) {
        m_recentMenu->addSeparator();
        QAction *clear = m_recentMenu->addAction(tr("&Clear Recent Files"));
        connect(
                clear, &QAction::triggered, this,
                [this] {
                    m_recentFiles.clear();
                    if (m_options.useSettings)
                        openSettings()->setValue(QStringLiteral("recent/files"), m_recentFiles);
                    rebuildRecentMenu();
                },
                Qt::QueuedConnection);
    }
    m_recentMenu->setEnabled(!m_recentFiles.isEmpty());
}

void MainWindow::openRecentFile(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        m_recentFiles.removeAll(path);
        if (m_options.useSettings)
            openSettings()->setValue(QStringLiteral("recent/files"), m_recentFiles);
        rebuildRecentMenu();
        QMessageBox::information(this, tr("Open Recent"),
                                 tr("\"%1\" no longer exists; it was removed from the recent "
                                    "files.")
                                         .arg(QDir::toNativeSeparators(path)));
        return;
    }
    openFileInteractively(path);
}

void MainWindow::saveScenarioInteractively()
{
    if (!m_editor->isValid()) {
        QMessageBox::warning(this, tr("Save Scenario"),
                             tr("Fix the tasks first: %1").arg(m_editor->problem()));
        return;
    }
    QFileDialog dialog(this, tr("Save Scenario"),
                       QDir(lastFolder(QStringLiteral("scenario/folder")))
                               .filePath(QStringLiteral("scenario.json")),
                       tr("Scenario files (*.json);;All files (*)"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(QStringLiteral("json"));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    Scenario scenario = this->scenario(false);
    scenario.name = QFileInfo(path).completeBaseName();
    QString error;
    if (!ScenarioFile::save(path, scenario, &error)) {
        QMessageBox::critical(
                this, tr("Save Scenario"),
                tr("The scenario could not be saved; nothing was changed.\n\n%1").arg(error));
        return;
    }
    rememberFolder(QStringLiteral("scenario/folder"), path);
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 10000);
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
    m_tabs->setCurrentWidget(m_summary);
    m_timeline->fit();
    QString error;
    if (!saveScreenshot(m_options.screenshotPath, &error)) {
        printError(error);
        QCoreApplication::exit(2);
        return;
    }
    QCoreApplication::exit(0);
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

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppableFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    if (!droppableFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = droppableFile(event->mimeData());
    if (path.isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    // Opened after the drop returns: a dialog inside a drop handler blocks the drag source.
    QTimer::singleShot(0, this, [this, path] { openFileInteractively(path); });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_closing = true;
    // Cancelling is immediate: tasks wait on a condition, not a sleep, so the threads are joined
    // within milliseconds when the session is destroyed.
    if (m_session->isRunning())
        m_session->cancel();
    saveSettings();
    event->accept();
}
