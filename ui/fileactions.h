#pragma once

#include "imageexport.h"
#include "runfile.h"
#include "scenario.h"

#include <QCoreApplication>
#include <QObject>
#include <QStringList>

#include <functional>

class AppSettings;
class QAction;
class QMainWindow;
class QMenu;
class RunSession;

// The File menu's work for the main window: open a scenario or a recorded run (a TaskLanes CSV or a
// Chrome trace; from a dialog, the recent files or a drop on the window), save the scenario or
// export it as a Python program, export the shown runs as CSV, a picture or a trace. Every save
// goes through one dialog helper; every failure is reported the same way. The window is reached
// only through Hooks.
class FileActions : public QObject
{
    // Its strings belong to the main window in the translations.
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
public:
    static constexpr int maxRecentFiles = 8;

    struct Hooks
    {
        // A session runs or is still finishing: no recorded run is opened meanwhile.
        std::function<bool()> isBusy;
        // The scenario Run would start, and why it cannot run (empty when it can).
        std::function<Scenario()> scenario;
        std::function<QString()> problem;
        std::function<void(const Scenario &)> loadScenario;
        // The session now holds runs read from `path`, a file of that kind: show them, and the
        // warning (what the reader skipped) when there is one.
        std::function<void(const QString &path, RunFile::Kind kind, const QString &warning)>
                showLoadedRuns;
        // What Export Image draws: the timeline as it is shown.
        std::function<ImageExportOptions()> imageOptions;
    };

    enum class Action {
        OpenScenario,
        OpenRun,
        SaveScenario,
        ExportCsv,
        ExportImage,
        ExportTrace,
        ExportPython,
    };

    FileActions(QMainWindow *window, RunSession *session, AppSettings *settings, Hooks hooks);
    ~FileActions() override;

    QAction *action(Action which) const;
    // Most recent first, at most maxRecentFiles; remembered in the settings.
    QMenu *recentMenu() const { return m_recentMenu; }
    void updateActions(bool busy, bool tasksValid);

    // These write or read without dialogs; on failure *error says why.
    bool exportCsv(const QString &path, QString *error);
    bool exportImage(const QString &path, QString *error);
    bool exportTrace(const QString &path, QString *error);
    // The scenario Run would start, as a Python asyncio program (PythonExport).
    bool exportPython(const QString &path, QString *error);
    bool openRun(const QString &path, QString *error);
    bool openScenario(const QString &path, QString *error);
    // Opens a run (CSV or Chrome trace) or a scenario, told apart by content (RunFile::sniff); a
    // failure is shown in a dialog.
    bool openFileInteractively(const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // One save dialog for every kind of file.
    struct SaveDialog
    {
        QString title;
        QString folderKey; // the settings key of the folder it starts in
        QString fileName; // proposed
        // Name filters (one entry may hold several, ";;"-separated) and the suffix a name
        // without one gets when the entry is chosen; the first entry is the default.
        QList<std::pair<QString, QString>> filters;
        // A name whose suffix is none of the filters' gets the chosen filter's suffix (the
        // suffix decides the format).
        bool forceSuffix = false;
        QString failure; // the message shown when writing fails; %1 is the reason
    };
    using Writer = std::function<bool(const QString &path, QString *error)>;
    // Asks for a path, writes through `write` and remembers the folder; a failure is reported
    // in a message box. Returns the path written, or an empty string.
    QString saveInteractively(const SaveDialog &dialog, const Writer &write);
    void showMessage(const QString &text, int timeoutMs);
    // "Fix the tasks first: …" when the task list cannot be written; empty when it can.
    QString tasksProblem() const;
    // False, after a warning titled `title`, when the task list cannot be written.
    bool tasksWritable(const QString &title);

    void exportCsvInteractively();
    void exportImageInteractively();
    void exportTraceInteractively();
    void exportPythonInteractively();
    void saveScenarioInteractively();
    void openScenarioInteractively();
    void openRunInteractively();
    void addRecentFile(const QString &path);
    void setRecentFiles(const QStringList &files);
    void rebuildRecentMenu();
    void openRecentFile(const QString &path);

    QMainWindow *m_window = nullptr;
    RunSession *m_session = nullptr;
    AppSettings *m_settings = nullptr;
    Hooks m_hooks;
    QAction *m_openAction = nullptr;
    QAction *m_openRunAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_exportImageAction = nullptr;
    QAction *m_exportTraceAction = nullptr;
    QAction *m_exportPythonAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QStringList m_recentFiles;
};
