#include "fileactions.h"

#include "appsettings.h"
#include "csvexport.h"
#include "pythonexport.h"
#include "runfile.h"
#include "runrecord.h"
#include "runsession.h"
#include "scenariofile.h"
#include "traceexport.h"
#include "uihelpers.h"

#include <QAction>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <algorithm>

namespace {

bool hasSuffix(const QString &path, QStringView suffix)
{
    return QFileInfo(path).suffix().compare(suffix, Qt::CaseInsensitive) == 0;
}

// The first local scenario or run file (.json, .csv or gzip-compressed .gz) among dropped URLs;
// what it holds is decided by its content when it is opened.
QString droppableFile(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return QString();
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        if (!url.isLocalFile())
            continue;
        const QString path = url.toLocalFile();
        if (hasSuffix(path, u"json") || hasSuffix(path, u"csv") || hasSuffix(path, u"gz"))
            return path;
    }
    return QString();
}

// A run (CSV or trace) rather than a scenario, by content; by name when the content says nothing
// (unreadable: the open that follows reports why).
bool isRunFile(const QString &path)
{
    switch (RunFile::sniff(path)) {
    case RunFile::Kind::Csv:
    case RunFile::Kind::Trace:
        return true;
    case RunFile::Kind::Scenario:
        return false;
    case RunFile::Kind::Unknown:
        break;
    }
    return hasSuffix(path, u"csv") || hasSuffix(path, u"gz");
}

QString exportBaseName(const QList<std::shared_ptr<const RunRecord>> &records)
{
    return records.size() > 1 ? QStringLiteral("tasklanes-comparison")
                              : QStringLiteral("tasklanes-") + records.constFirst()->runName();
}

const QString exportFolderKey = QStringLiteral("export/folder");
const QString scenarioFolderKey = QStringLiteral("scenario/folder");

} // namespace

FileActions::FileActions(QMainWindow *window, RunSession *session, AppSettings *settings,
                         Hooks hooks)
    : QObject(window)
    , m_window(window)
    , m_session(session)
    , m_settings(settings)
    , m_hooks(std::move(hooks))
{
    setObjectName(QStringLiteral("fileActions"));
    // The shortcut before the tooltip, which names it.
    const auto create = [this](const QString &text, const char *name, const QKeySequence &shortcut,
                               const QString &toolTip, void (FileActions::*slot)()) {
        auto *action = new QAction(text, m_window);
        action->setObjectName(QLatin1String(name));
        action->setShortcut(shortcut);
        UiHelpers::setToolTipWithShortcut(action, toolTip);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_exportAction =
            create(tr("&Export CSV\u2026"), "exportAction", QKeySequence(Qt::CTRL | Qt::Key_E),
                   tr("Save the runs shown as CSV"), &FileActions::exportCsvInteractively);
    m_exportImageAction = create(tr("Export &Image\u2026"), "exportImageAction", {},
                                 tr("Save the timeline, the concurrency chart and the summary "
                                    "as a PNG or SVG picture"),
                                 &FileActions::exportImageInteractively);
    m_exportTraceAction = create(tr("Export &Trace\u2026"), "exportTraceAction", {},
                                 tr("Save the runs as a Chrome trace JSON to open in Perfetto"),
                                 &FileActions::exportTraceInteractively);
    m_exportPythonAction = create(tr("Export as &Python\u2026"), "exportPythonAction", {},
                                  tr("Save the tasks, limit and gates as a Python asyncio program "
                                     "that runs them with the standard library"),
                                  &FileActions::exportPythonInteractively);
    m_openRunAction = create(tr("Open &Run\u2026"), "openRunAction",
                             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                             tr("Show a run recorded as CSV (by Export CSV or tasklanes-cli "
                                "--csv) or a Chrome trace JSON (Perfetto, Ray, Taskflow, "
                                "TaskLanes) in the timeline and the summary"),
                             &FileActions::openRunInteractively);
    m_openAction = create(tr("&Open Scenario\u2026"), "openScenarioAction", QKeySequence::Open,
                          tr("Load tasks, limit and time scale from a "
                             "scenario file (JSON)"),
                          &FileActions::openScenarioInteractively);
    m_saveAction = create(tr("&Save Scenario As\u2026"), "saveScenarioAction", QKeySequence::Save,
                          tr("Save the tasks, limit and time scale as a "
                             "scenario file (JSON)"),
                          &FileActions::saveScenarioInteractively);

    m_recentMenu = new QMenu(tr("Open Re&cent"), m_window);
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    m_recentMenu->setToolTipsVisible(true);
    m_recentFiles = m_settings->recentFiles(maxRecentFiles);
    rebuildRecentMenu();

    m_window->setAcceptDrops(true);
    m_window->installEventFilter(this);
}

FileActions::~FileActions() = default;

QAction *FileActions::action(Action which) const
{
    switch (which) {
    case Action::OpenScenario:
        return m_openAction;
    case Action::OpenRun:
        return m_openRunAction;
    case Action::SaveScenario:
        return m_saveAction;
    case Action::ExportCsv:
        return m_exportAction;
    case Action::ExportImage:
        return m_exportImageAction;
    case Action::ExportTrace:
        return m_exportTraceAction;
    case Action::ExportPython:
        return m_exportPythonAction;
    }
    return nullptr;
}

void FileActions::updateActions(bool busy, bool tasksValid)
{
    const bool hasRuns = !m_session->records().isEmpty();
    m_exportAction->setEnabled(hasRuns);
    m_exportImageAction->setEnabled(hasRuns);
    m_exportTraceAction->setEnabled(hasRuns);
    m_openRunAction->setEnabled(!busy);
    m_saveAction->setEnabled(tasksValid);
    m_exportPythonAction->setEnabled(tasksValid);
}

void FileActions::showMessage(const QString &text, int timeoutMs)
{
    m_window->statusBar()->showMessage(text, timeoutMs);
}

QString FileActions::saveInteractively(const SaveDialog &request, const Writer &write)
{
    QStringList filters;
    for (const auto &filter : request.filters)
        filters << filter.first;
    QFileDialog dialog(m_window, request.title,
                       QDir(m_settings->lastFolder(request.folderKey)).filePath(request.fileName),
                       filters.join(QStringLiteral(";;")));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(request.filters.constFirst().second);
    const auto suffixOf = [&request](const QString &filter) {
        for (const auto &entry : request.filters) {
            if (entry.first == filter)
                return entry.second;
        }
        return QString();
    };
    if (request.filters.size() > 1) {
        connect(&dialog, &QFileDialog::filterSelected, &dialog,
                [&dialog, suffixOf](const QString &filter) {
                    if (const QString suffix = suffixOf(filter); !suffix.isEmpty())
                        dialog.setDefaultSuffix(suffix);
                });
    }
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return QString();
    QString path = dialog.selectedFiles().constFirst();
    if (request.forceSuffix) {
        const QString suffix = QFileInfo(path).suffix().toLower();
        const bool known =
                std::any_of(request.filters.cbegin(), request.filters.cend(),
                            [&suffix](const auto &entry) { return entry.second == suffix; });
        if (!known) {
            const QString chosen = suffixOf(dialog.selectedNameFilter());
            path += QLatin1Char('.')
                    + (chosen.isEmpty() ? request.filters.constFirst().second : chosen);
        }
    }
    QString error;
    if (!write(path, &error)) {
        QMessageBox::critical(m_window, request.title, request.failure.arg(error));
        return QString();
    }
    m_settings->rememberFolder(request.folderKey, path);
    return path;
}

bool FileActions::exportCsv(const QString &path, QString *error)
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

bool FileActions::exportImage(const QString &path, QString *error)
{
    const auto records = m_session->records();
    if (records.isEmpty()) {
        *error = tr("There is nothing to export yet: run the tasks first.");
        return false;
    }
    return ImageExport::writeFile(path, records, m_session->predictions(), m_hooks.imageOptions(),
                                  error);
}

bool FileActions::exportTrace(const QString &path, QString *error)
{
    const auto records = m_session->records();
    if (records.isEmpty()) {
        *error = tr("There is nothing to export yet: run the tasks first.");
        return false;
    }
    return TraceExport::writeFile(path, records, error, m_session->runProgress());
}

void FileActions::exportCsvInteractively()
{
    const auto records = m_session->records();
    if (records.isEmpty())
        return;
    const QString path = saveInteractively(
            {tr("Export CSV"),
             exportFolderKey,
             exportBaseName(records) + QStringLiteral(".csv"),
             {{tr("CSV files (*.csv);;All files (*)"), QStringLiteral("csv")}},
             false,
             tr("The CSV could not be written; nothing was changed.\n\n%1")},
            [this](const QString &to, QString *error) { return exportCsv(to, error); });
    if (path.isEmpty())
        return;
    qsizetype rows = 0;
    for (const auto &record : records)
        rows += record->taskCount();
    showMessage(tr("Exported %n row(s) to %1", "", int(rows)).arg(QDir::toNativeSeparators(path)),
                10000);
}

void FileActions::exportImageInteractively()
{
    const auto records = m_session->records();
    if (records.isEmpty())
        return;
    const QString path = saveInteractively(
            {tr("Export Image"),
             exportFolderKey,
             exportBaseName(records) + QStringLiteral(".png"),
             {{tr("PNG image (*.png)"), QStringLiteral("png")},
              {tr("SVG image, vector (*.svg)"), QStringLiteral("svg")}},
             true,
             tr("The image could not be written; nothing was changed.\n\n%1")},
            [this](const QString &to, QString *error) { return exportImage(to, error); });
    if (!path.isEmpty())
        showMessage(tr("Exported the image to %1").arg(QDir::toNativeSeparators(path)), 10000);
}

void FileActions::exportTraceInteractively()
{
    const auto records = m_session->records();
    if (records.isEmpty())
        return;
    const QString path = saveInteractively(
            {tr("Export Trace"),
             exportFolderKey,
             exportBaseName(records) + QStringLiteral("-trace.json"),
             {{tr("Chrome trace JSON (*.json);;All files (*)"), QStringLiteral("json")}},
             false,
             tr("The trace could not be written; nothing was changed.\n\n%1")},
            [this](const QString &to, QString *error) { return exportTrace(to, error); });
    if (!path.isEmpty())
        showMessage(tr("Exported the trace to %1: open it in https://ui.perfetto.dev")
                            .arg(QDir::toNativeSeparators(path)),
                    10000);
}

QString FileActions::tasksProblem() const
{
    const QString problem = m_hooks.problem();
    return problem.isEmpty() ? QString() : tr("Fix the tasks first: %1").arg(problem);
}

bool FileActions::tasksWritable(const QString &title)
{
    const QString problem = tasksProblem();
    if (!problem.isEmpty())
        QMessageBox::warning(m_window, title, problem);
    return problem.isEmpty();
}

bool FileActions::exportPython(const QString &path, QString *error)
{
    if (const QString problem = tasksProblem(); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    return PythonExport::save(path, m_hooks.scenario(), error);
}

void FileActions::exportPythonInteractively()
{
    if (!tasksWritable(tr("Export as Python")))
        return;
    const QString path = saveInteractively(
            {tr("Export as Python"),
             scenarioFolderKey,
             QStringLiteral("scenario.py"),
             {{tr("Python programs (*.py);;All files (*)"), QStringLiteral("py")}},
             false,
             tr("The program could not be written; nothing was changed.\n\n%1")},
            [this](const QString &to, QString *error) { return exportPython(to, error); });
    if (!path.isEmpty())
        showMessage(tr("Exported %1: run it with python3 %2")
                            .arg(QDir::toNativeSeparators(path), QFileInfo(path).fileName()),
                    10000);
}

void FileActions::saveScenarioInteractively()
{
    if (!tasksWritable(tr("Save Scenario")))
        return;
    const QString path = saveInteractively(
            {tr("Save Scenario"),
             scenarioFolderKey,
             QStringLiteral("scenario.json"),
             {{tr("Scenario files (*.json);;All files (*)"), QStringLiteral("json")}},
             false,
             tr("The scenario could not be saved; nothing was changed.\n\n%1")},
            [this](const QString &to, QString *error) {
                Scenario scenario = m_hooks.scenario();
                scenario.name = QFileInfo(to).completeBaseName();
                return ScenarioFile::save(to, scenario, error);
            });
    if (!path.isEmpty())
        showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 10000);
}

void FileActions::openScenarioInteractively()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open Scenario"),
                                                      m_settings->lastFolder(scenarioFolderKey),
                                                      tr("Scenario files (*.json);;All files (*)"));
    if (!path.isEmpty())
        openFileInteractively(path);
}

void FileActions::openRunInteractively()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open Run"),
                                                      m_settings->lastFolder(exportFolderKey),
                                                      tr("Runs and traces (*.csv *.json *.json.gz "
                                                         "*.gz);;TaskLanes CSV (*.csv);;Chrome "
                                                         "trace JSON (*.json *.json.gz);;All "
                                                         "files (*)"));
    if (!path.isEmpty())
        openFileInteractively(path);
}

bool FileActions::openScenario(const QString &path, QString *error)
{
    const auto loaded = ScenarioFile::load(path, error);
    if (!loaded)
        return false;
    m_settings->rememberFolder(scenarioFolderKey, path);
    addRecentFile(path);
    Scenario scenario = loaded->scenario;
    if (scenario.name.isEmpty())
        scenario.name = QFileInfo(path).completeBaseName();
    m_hooks.loadScenario(scenario);
    showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 10000);
    return true;
}

bool FileActions::openRun(const QString &path, QString *error)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (m_hooks.isBusy()) {
        *error = tr("A run is going on: stop it before opening a recorded run.");
        return false;
    }
    // A large trace takes seconds to read (2 s for a million slices).
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const auto opened = RunFile::open(path, error);
    QGuiApplication::restoreOverrideCursor();
    if (!opened || !m_session->showLoaded(opened->runs))
        return false;
    m_settings->rememberFolder(exportFolderKey, path);
    addRecentFile(path);
    m_hooks.showLoadedRuns(path, opened->kind, opened->warning);
    return true;
}

bool FileActions::openFileInteractively(const QString &path)
{
    QString error;
    const bool run = isRunFile(path);
    if (run ? openRun(path, &error) : openScenario(path, &error))
        return true;
    QMessageBox::warning(m_window, run ? tr("Open Run") : tr("Open Scenario"),
                         (run ? tr("The run could not be opened.\n\n%1")
                              : tr("The scenario could not be opened.\n\n%1"))
                                 .arg(error));
    return false;
}

void FileActions::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = m_recentFiles;
    files.removeAll(absolute);
    files.prepend(absolute);
    setRecentFiles(files.mid(0, maxRecentFiles));
}

void FileActions::setRecentFiles(const QStringList &files)
{
    m_recentFiles = files;
    m_settings->setRecentFiles(m_recentFiles);
    rebuildRecentMenu();
}

void FileActions::rebuildRecentMenu()
{
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
                clear, &QAction::triggered, this, [this] { setRecentFiles({}); },
                Qt::QueuedConnection);
    }
    m_recentMenu->setEnabled(!m_recentFiles.isEmpty());
}

void FileActions::openRecentFile(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        QStringList files = m_recentFiles;
        files.removeAll(path);
        setRecentFiles(files);
        QMessageBox::information(m_window, tr("Open Recent"),
                                 tr("\"%1\" no longer exists; it was removed from the recent "
                                    "files.")
                                         .arg(QDir::toNativeSeparators(path)));
        return;
    }
    openFileInteractively(path);
}

bool FileActions::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_window)
        return false;
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (!droppableFile(drag->mimeData()).isEmpty())
            drag->acceptProposedAction();
        else
            drag->ignore();
        return true;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        const QString path = droppableFile(drop->mimeData());
        if (path.isEmpty()) {
            drop->ignore();
            return true;
        }
        drop->acceptProposedAction();
        // Opened after the drop returns: a dialog inside a drop handler blocks the drag source.
        QTimer::singleShot(0, this, [this, path] { openFileInteractively(path); });
        return true;
    }
    default:
        return false;
    }
}
