#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <pthread.h>
#include <string>
#include <thread>
#include <time.h>

class QTimer;

// What tst_monkey keeps around its actions so that any failure can be replayed: the last actions
// in a ring, printed on a failed check, a fatal message, a crash signal or a sanitizer's report.
// One ring per process (signal handlers reach it through a global).
class ActionRing
{
public:
    static constexpr int capacity = 60;

    explicit ActionRing(quint32 seed);
    ~ActionRing();
    ActionRing(const ActionRing &) = delete;
    ActionRing &operator=(const ActionRing &) = delete;

    // Called before the action runs, so a crash or a stall inside it names it last.
    void record(const QString &kind, const QString &detail);
    // A line after the last action (what a check saw), still part of the replay.
    void note(const QString &text);
    qint64 count() const { return m_count; }

    // The ring as printed on failure: the seed, the replay variable and the actions, oldest first.
    QString text() const;
    // Prints text() to stderr. Safe from a signal handler and from another thread: it writes a
    // copy made by the last record() or note().
    static void dumpCurrent();

private:
    void snapshot();

    quint32 m_seed = 0;
    qint64 m_count = 0;
    std::deque<QString> m_lines;
    qint64 m_startMs = 0;
};

// The event loop must never block for long: a timer in the GUI thread beats, a thread of its own
// checks the beat and aborts with the action ring when the GUI thread has spent more than the
// allowed stall of CPU time since (busy), or the beat is older than hangMs of wall time (blocked:
// a deadlock uses no CPU). CPU time, not wall time, for the busy case: a loaded 2-core machine or a
// sanitizer stretches wall time several times over without the window doing more work.
class Watchdog : public QObject
{
public:
    // Gaps of a second or more are noted in `ring` as well (after the action that made them).
    Watchdog(int stallMs, int hangMs, ActionRing &ring, QObject *parent = nullptr);
    ~Watchdog() override;

    // The longest gap between two beats seen so far (ms), for the summary.
    qint64 longestGapMs() const { return m_longestGap.load(); }

private:
    void beat();
    void watch();

    const int m_stallMs;
    const int m_hangMs;
    clockid_t m_guiClock = 0; // the GUI thread's CPU clock
    std::atomic<qint64> m_lastBeatCpu{0};
    ActionRing &m_ring;
    QTimer *m_timer = nullptr;
    std::atomic<qint64> m_lastBeat{0};
    std::atomic<qint64> m_longestGap{0};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_quit = false;
    std::thread m_thread;
};

// Closes an open popup menu and the frontmost modal dialog (rejected), as a user's Escape would.
// Returns the dialog closed ("QMessageBox \"Task #5\""), empty when none was open.
QString closeFrontmost();

// Closes whatever modal dialog or popup menu appears (file dialogs, message boxes, About) a little
// after it shows, as an impatient user would, so an action that opens one never hangs the monkey.
class DialogCloser : public QObject
{
public:
    explicit DialogCloser(QObject *parent = nullptr);
    int closed() const { return m_closed; }
    QStringList closedTitles() const { return m_titles; }

private:
    void closeOpen();

    QTimer *m_timer = nullptr;
    int m_closed = 0;
    QStringList m_titles;
};
