#pragma once

#include <QCoreApplication>
#include <QObject>

#include <functional>

class QLabel;
class QProgressBar;
class QStatusBar;
class QTimer;
class RunSession;

// The run's permanent widgets in the status bar: "3 / 5 done", a progress bar, "t = 4.20 s" and
// "2 running · 1 waiting", refreshed on progress and by a 100 ms timer while a run goes on.
// Every figure comes from progress(); the counts behind it are tallied here from the events the
// window forwards.
class RunStatusBar : public QObject
{
    // Its strings belong to the main window in the translations.
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
public:
    // `idleTaskCount`: the tasks the next run would have, shown before there is a run.
    RunStatusBar(const RunSession *session, std::function<qsizetype()> idleTaskCount,
                 QStatusBar *bar);
    ~RunStatusBar() override;

    // A session is about to start: counts back to zero.
    void sessionStarting();
    // It started: the clock runs until sessionFinished().
    void sessionStarted();
    void runStarted(int runIndex);
    // Events [first, end) of run `runIndex` were published.
    void addEvents(int runIndex, qsizetype first, qsizetype end);
    // The clock stops at the last run's makespan.
    void sessionFinished();
    // Runs read from a file: they are shown as a finished session.
    void showLoaded();
    void refresh();

private:
    struct Progress
    {
        qsizetype done = 0; // tasks finished in the whole session
        qsizetype total = 0; // tasks of every planned run; 0 before there is a run
        qsizetype running = 0;
        qsizetype waiting = 0;
        double elapsedSeconds = 0; // scenario time of the current (or last) run
    };
    // The one place that knows where the counts come from.
    Progress progress() const;
    void resetCounts();
    // The last run's makespan in ns, from its record.
    qint64 lastFinishNs() const;

    const RunSession *m_session = nullptr;
    std::function<qsizetype()> m_idleTaskCount;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QLabel *m_elapsedLabel = nullptr;
    QLabel *m_concurrencyLabel = nullptr;
    QTimer *m_timer = nullptr;

    // Tallies of the current run, from its published events.
    qsizetype m_started = 0;
    qsizetype m_finished = 0;
    qsizetype m_finishedUnstarted = 0;
    qsizetype m_doneBefore = 0; // tasks finished in earlier runs of the session
    qint64 m_finalElapsedNs = -1; // the last run's makespan once the session ended
};
