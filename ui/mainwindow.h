#pragma once

#include "guioptions.h"

#include <QMainWindow>

#include <functional>
#include <memory>

class CompareSummary;
class LogPanel;
class QAction;
class QActionGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QMenu;
class QProgressBar;
class RunRecord;
class QSettings;
class QSpinBox;
class QSplitter;
class QTabWidget;
class QTimer;
class ResultsPanel;
class RunSession;
class TaskEditor;
class TimelineView;

// The desktop app: the task editor on the left, the live timeline in the centre, the summary,
// results and log below it. It only wires views to one RunSession; every view reads the runs'
// records.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const GuiOptions &options = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Starts a run (or the comparison: unlimited, then limited to N). False while running or
    // while the tasks have a problem.
    bool startRun(bool compare);
    void stop();
    bool isRunning() const;
    // The scenario Run would start now.
    Scenario scenario(bool compare) const;
    // Shows a scenario's tasks, limit and time scale in the editor and the controls.
    void loadScenario(const Scenario &scenario);

    // Writes the shown runs as CSV; on failure *error says why. No dialogs.
    bool exportCsv(const QString &path, QString *error);
    // A picture of the shown runs (timeline, chart, summary), PNG or SVG by the suffix, of the
    // timeline's window, lane mode and theme; a Chrome trace JSON of them. No dialogs.
    bool exportImage(const QString &path, QString *error);
    bool exportTrace(const QString &path, QString *error);
    // Shows runs recorded as CSV (by Export CSV or tasklanes-cli --csv) in the timeline, chart,
    // results, log and summary, as if they had just run; the task editor keeps its tasks. False
    // while a run is going on or when the file does not read. No dialogs.
    bool openRun(const QString &path, QString *error);
    // Loads a scenario file into the editor and the controls. No dialogs.
    bool openScenario(const QString &path, QString *error);
    // Opens a run (.csv) or a scenario (anything else); a failure is shown in a dialog. What the
    // recent files menu and a drop on the window do.
    bool openFileInteractively(const QString &path);
    // Most recent first, at most maxRecentFiles; remembered in the settings.
    QStringList recentFiles() const { return m_recentFiles; }
    static constexpr int maxRecentFiles = 8;
    // Saves a PNG of the whole window; on failure *error says why.
    bool saveScreenshot(const QString &path, QString *error);

    TaskEditor *taskEditor() const { return m_editor; }
    TimelineView *timelineView() const { return m_timeline; }
    ResultsPanel *resultsPanel() const { return m_results; }
    LogPanel *logPanel() const { return m_log; }
    CompareSummary *compareSummary() const { return m_summary; }
    RunSession *session() const { return m_session; }
    QCheckBox *limitCheck() const { return m_limitCheck; }
    QSpinBox *limitSpin() const { return m_limitSpin; }
    QComboBox *timeScaleCombo() const { return m_timeScale; }
    QTabWidget *bottomTabs() const { return m_tabs; }
    QAction *runAction() const { return m_runAction; }
    QAction *stopAction() const { return m_stopAction; }
    QAction *compareAction() const { return m_compareAction; }
    QAction *exportAction() const { return m_exportAction; }
    QAction *exportImageAction() const { return m_exportImageAction; }
    QAction *exportTraceAction() const { return m_exportTraceAction; }
    QAction *openRunAction() const { return m_openRunAction; }
    QMenu *recentMenu() const { return m_recentMenu; }
    // What the status bar shows: "3 / 5 done", "t = 4.20 s", "2 running · 1 waiting".
    QString progressText() const;
    QString elapsedText() const;
    QString concurrencyText() const;

    void setTimeScale(double timeScale);
    double timeScale() const;

Q_SIGNALS:
    // The session ended (finished or cancelled) and every view shows its end state.
    void sessionFinished();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    enum class Origin { None, Editor, Timeline, Log, Results };

    void createActions();
    void createMenus();
    void createToolBar();
    void createCentre();
    void createStatusBar();
    void connectSession();
    void loadSettings(const GuiOptions &options);
    void saveSettings();
    std::unique_ptr<QSettings> openSettings() const;

    void onRunStarted(int runIndex);
    void onProgress(int runIndex, qsizetype first, qsizetype end);
    void onRunFinished(int runIndex);
    void onSessionFinished();
    // The end of a session in steps, one per event-loop turn (see onSessionFinished()).
    void afterTurn(std::function<void()> step);
    void completeSession();
    void updateActions();
    void updateStatus();
    void selectTask(int runIndex, int taskIndex, Origin origin);
    void exportCsvInteractively();
    void exportImageInteractively();
    void exportTraceInteractively();
    void openRunInteractively();
    void showLoadedRuns(const QString &path);
    void addRecentFile(const QString &path);
    void rebuildRecentMenu();
    void openRecentFile(const QString &path);
    void openScenarioInteractively();
    void saveScenarioInteractively();
    QString lastFolder(const QString &key) const;
    void rememberFolder(const QString &key, const QString &filePath);
    void takeScreenshotAndQuit();
    void showAbout();

    GuiOptions m_options;
    RunSession *m_session = nullptr;
    TaskEditor *m_editor = nullptr;
    TimelineView *m_timeline = nullptr;
    ResultsPanel *m_results = nullptr;
    LogPanel *m_log = nullptr;
    CompareSummary *m_summary = nullptr;
    QTabWidget *m_tabs = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_rightSplitter = nullptr;
    QWidget *m_rightPane = nullptr;

    QCheckBox *m_limitCheck = nullptr;
    QSpinBox *m_limitSpin = nullptr;
    QComboBox *m_timeScale = nullptr;

    QAction *m_runAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_compareAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_exportImageAction = nullptr;
    QAction *m_exportTraceAction = nullptr;
    QAction *m_openRunAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QStringList m_recentFiles;
    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_taskLanesAction = nullptr;
    QAction *m_workerLanesAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_fitAction = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    QAction *m_aboutAction = nullptr;

    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QLabel *m_elapsedLabel = nullptr;
    QLabel *m_concurrencyLabel = nullptr;
    QTimer *m_statusTimer = nullptr;

    // Live counts of the current run, from its published events.
    qsizetype m_started = 0;
    qsizetype m_finished = 0;
    qsizetype m_finishedUnstarted = 0;
    qsizetype m_doneBefore = 0; // tasks finished in earlier runs of the session
    qint64 m_finalElapsedNs = -1; // the last run's makespan once the session ended

    int m_selectedRun = 0;
    bool m_syncingSelection = false;
    bool m_closing = false;
    bool m_finishing = false; // the session ended; its last steps are still to run
    quint64 m_finishSerial = 0; // steps of an earlier finish check it and stand down
};
