#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QStatusBar>

#include <functional>
#include <memory>

class QLabel;
class QProgressBar;
class QTimer;
class RunProgress;
class RunSession;

// A status bar whose temporary message ends in "…" where the permanent widgets begin, with the
// whole of it in the tooltip: QStatusBar draws it up to them, cut mid-letter against their text.
class MessageStatusBar final : public QStatusBar
{
    Q_OBJECT
public:
    explicit MessageStatusBar(QWidget *parent = nullptr);

    // Where the message is drawn: from the left edge to the first visible permanent widget.
    QRect messageArea() const;
    // The message as drawn in messageArea().
    QString shownMessage() const;

protected:
    void paintEvent(QPaintEvent *event) override;
};

// The run's permanent widgets in the status bar: "1,511 / 2,000 done · 3 failed · 489 cancelled"
// (the parts that are not zero), a progress bar, "t = 4.20 s" and "2 running · 1 waiting",
// refreshed on progress and by a 100 ms timer while a run goes on. Every figure comes from the
// session's RunProgress models.
class RunStatusBar : public QObject
{
    // Its strings belong to the main window in the translations.
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
public:
    // `idleTaskCount`: the tasks the next run would have, shown before there is a run.
    RunStatusBar(const RunSession *session, std::function<qsizetype()> idleTaskCount,
                 QStatusBar *bar);
    ~RunStatusBar() override;

    // A session is about to start.
    void sessionStarting();
    // It started: the clock runs until sessionFinished().
    void sessionStarted();
    // The clock stops at the last run's last event.
    void sessionFinished();
    // Runs read from a file: they are shown as a finished session.
    void showLoaded();
    // A replay of the session's finished runs: the figures of its runs at nowNs (real
    // nanoseconds since their start) until showReplay() with no runs.
    void showReplay(const QList<std::shared_ptr<const RunProgress>> &runs, qint64 nowNs);
    void refresh();

private:
    struct Progress
    {
        qsizetype finished = 0; // tasks finished in the whole session, however they ended
        qsizetype ok = 0;
        qsizetype failed = 0;
        qsizetype cancelled = 0;
        // Tasks of every planned run (of the runs that started, once a session was stopped); 0
        // before there is a run.
        qsizetype total = 0;
        qsizetype running = 0;
        qsizetype waiting = 0;
        double elapsedSeconds = 0; // scenario time of the current (or last) run
    };
    Progress progress() const;

    const RunSession *m_session = nullptr;
    std::function<qsizetype()> m_idleTaskCount;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QLabel *m_elapsedLabel = nullptr;
    QLabel *m_concurrencyLabel = nullptr;
    QTimer *m_timer = nullptr;
    QList<std::shared_ptr<const RunProgress>> m_replay;
    qint64 m_replayNs = 0;
};
