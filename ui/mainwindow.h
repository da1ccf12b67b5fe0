#pragma once

#include "appsettings.h"
#include "guioptions.h"

#include <QMainWindow>

#include <functional>
#include <memory>

class AdvisorPanel;
class CompareSummary;
class FileActions;
class LessonCard;
class LogPanel;
class QAction;
class QShortcut;
class QToolBar;
class QSplitter;
class QTabWidget;
class ReplayBar;
class ResultsPanel;
class RunControls;
class RunRecord;
class RunReplay;
class RunSession;
class RunStatusBar;
class SweepController;
class TaskEditor;
class TimelineView;
class ViewActions;
class WhatIfBar;
struct Preset;

// The desktop app: the task editor on the left, the live timeline in the centre, the summary,
// results and log below it. It only wires views to one RunSession; every view reads the runs'
// records. The File menu's work is FileActions', the View menu's ViewActions', the toolbar's
// options RunControls' and the status bar's figures RunStatusBar's.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const GuiOptions &options = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Starts a run (or the comparison: unlimited, then limited to N). False while running (or
    // sweeping) or while the tasks have a problem.
    bool startRun(bool compare);
    // Stops the run or the sweep going on.
    void stop();
    // A run or a measured sweep is going on.
    bool isRunning() const;
    // The scenario Run would start now.
    Scenario scenario(bool compare) const;
    // Shows a scenario's tasks, limit, time scale, pool and admission in the editor and the
    // controls, which keep its gates for the runs.
    void loadScenario(const Scenario &scenario);
    void setTimeScale(double timeScale);
    double timeScale() const;

public Q_SLOTS:
    // Shows the finished runs as they were at this instant (scenario seconds since their start),
    // when the replay bar is offered; the end shows them finished.
    void seekReplay(double seconds);

Q_SIGNALS:
    // The session ended (finished or cancelled) and every view shows its end state.
    void sessionFinished();

protected:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    enum class Origin { None, Editor, Timeline, Log, Results };

    void createActions();
    void createMenus();
    void createToolBar();
    // The pool's and the sweep's toolbars go beside the run toolbar when they fit in the window's
    // width, else on rows below it, so that no control is hidden in an overflow menu.
    void arrangeToolBars();
    void createCentre();
    void createStatusBar();
    void connectSession();
    void applySettings();
    void saveSettings();

    void onRunStarted(int runIndex);
    void onLaunching();
    void onProgress(int runIndex, qsizetype first, qsizetype end);
    void onRunFinished(int runIndex);
    void onSessionFinished();
    void updateActions();
    void selectTask(int runIndex, int taskIndex, Origin origin);
    void showLoadedRuns(const QString &path);
    // Saves a PNG of the whole window; on failure *error says why.
    bool saveScreenshot(const QString &path, QString *error);
    void takeScreenshotAndQuit();
    // Lays the window out now rather than in a later turn (a layout's request posts its
    // parent's: a few rounds settle it).
    void settleLayouts();
    // Gives the panels under the timeline the room the sweep's chart needs to be read, up to half
    // the column (a 1024x700 window left it ~40 px).
    void makeRoomForSweep();
    // The file given on the command line could not be opened: says why, over the window.
    void showFileError();
    void showAbout();

    // Lessons (mainwindowlesson.cpp): a preset loads its tasks, clears the previous runs, shows
    // its predicted schedule (both runs when it has a limit) and its lesson card beside the
    // timeline, and titles the window, until the tasks change; a session's end marks the card.
    // The card goes beside the timeline's pane (the timeline and the replay bar).
    void createLesson();
    void loadPreset(const Preset &preset);
    // The lesson of a preset whose tasks and options the editor and controls hold already.
    void showPreset(const Preset &preset);
    void dropLesson();
    void checkLesson();
    void clearRunsForPreset();
    void showPresetPrediction();
    void fitLessonCard();

    // The sweep (mainwindowsweep.cpp): the window follows a measured sweep's runs on the
    // timeline and in the status bar; a chosen limit becomes the limit control's, and its
    // predicted schedule shows on the timeline until a run replaces it.
    void createSweep();
    void onSweepStarted(bool predicted);
    void onSweepLimitStarted(int index, int limit, int count);
    void onSweepFinished(bool cancelled);
    void followSweepSession(RunSession *session);
    void showLimitSchedule(int limit);
    void updateAdvisor();
    void reorderLongestFirst();

    // Recorded runs (mainwindowtrace.cpp): an opened run file's title and warning; "What if:
    // limit N" shows the shown finished run's prediction under N beside it (the recorded run
    // first); Replay as Scenario loads it into the editor as sleeps.
    void createWhatIf();
    void showOpenedRuns(const QString &path, RunFile::Kind kind, const QString &warning);
    // The finished run the window shows (the first, beside a what-if), or null.
    std::shared_ptr<const RunRecord> whatIfBase() const;
    bool isWhatIfShown() const;
    void updateWhatIf();
    bool showWhatIf(int limit);
    void clearWhatIf();
    void replayAsScenario();
    // The replay (mainwindowreplay.cpp): the bar under the timeline scrubs the finished runs; the
    // timeline, the status bar's counts and the Results tab follow it.
    void createReplay();
    void offerReplay();
    void withdrawReplay();
    void showReplayAt(qint64 ns);
    void endReplay();

    GuiOptions m_options;
    AppSettings m_settings;
    RunSession *m_session = nullptr;
    TaskEditor *m_editor = nullptr;
    TimelineView *m_timeline = nullptr;
    ResultsPanel *m_results = nullptr;
    LogPanel *m_log = nullptr;
    CompareSummary *m_summary = nullptr;
    QTabWidget *m_tabs = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_rightSplitter = nullptr;
    QSplitter *m_timelineSplitter = nullptr;
    LessonCard *m_lessonCard = nullptr;
    bool m_lessonFoldChosen = false; // the card's first showing chose folded or open
    FileActions *m_files = nullptr;
    RunStatusBar *m_status = nullptr;
    ViewActions *m_view = nullptr;
    SweepController *m_sweep = nullptr;
    AdvisorPanel *m_advisor = nullptr;
    RunSession *m_followedSession = nullptr; // a sweep's, connected to the timeline
    WhatIfBar *m_whatIf = nullptr;
    QAction *m_replayAction = nullptr;
    ReplayBar *m_replayBar = nullptr;
    QShortcut *m_replayShortcut = nullptr;
    std::unique_ptr<RunReplay> m_replay; // while the bar is not at the end
    QList<qsizetype> m_replayPublished; // events of each replayed run the Results tab has seen

    RunControls *m_controls = nullptr;
    QToolBar *m_runBar = nullptr;
    QToolBar *m_poolBar = nullptr;
    QToolBar *m_sweepBar = nullptr;

    QAction *m_runAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_compareAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;

    int m_selectedRun = 0;
    bool m_syncingSelection = false;
    bool m_closing = false;
};
