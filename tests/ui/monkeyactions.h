#pragma once

#include "monkeyinput.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <utility>

class ActionRing;
class MainWindow;
class QAction;
class QLineEdit;
class QWidget;

// The user tst_monkey plays: one random action at a time on the real main window, drawn from one
// seeded generator. The same seed makes the same choices; where a choice depends on the window's
// state (a run still going, a bar shown) a replay follows the same path as long as the timing
// does, which a short ring of the last actions makes easy to check.
class MonkeyActions
{
public:
    MonkeyActions(quint32 seed, ActionRing &ring, const QString &folder);
    ~MonkeyActions();
    MonkeyActions(const MonkeyActions &) = delete;
    MonkeyActions &operator=(const MonkeyActions &) = delete;

    // The window the actions play on; a new one when the last was closed (Quit, or an action that
    // closes it).
    MainWindow &window();
    void closeWindow();

    // Draws an action and performs it, recorded in the ring first. Returns its kind.
    QString step();
    // The last action asked to stop: the window must report nothing running soon after.
    bool stopped() const { return m_stopped; }
    // What an action found wrong itself (an export left a broken file, a good file did not open);
    // empty when nothing.
    QString takeProblem() { return std::exchange(m_problem, QString()); }

    // Actions performed so far by kind, for the summary.
    const QMap<QString, int> &counts() const { return m_counts; }
    int windowsCreated() const { return m_windows; }
    // The action that took longest (waits included), and how long.
    QString slowest() const { return QStringLiteral("%1 ms: %2").arg(m_slowestMs).arg(m_slowest); }

private:
    struct Kind
    {
        const char *name;
        int weight;
        void (MonkeyActions::*perform)();
    };
    static const QList<Kind> &kinds();

    void record(const QString &detail);
    void note(const QString &text);
    void fail(const QString &problem);
    void typeInto(QWidget *target, QLineEdit *edit, const QString &text);
    void click(QWidget *widget);
    void clickToolButton(QAction *action);
    bool isShown(const QWidget *widget) const;
    void maybeFastScale();

    // The actions, by the part of the window they touch.
    void typeDurations();
    void editCell();
    void editRows();
    void editSpinBox();
    void toggleControl();
    void run();
    void stop();
    void pressEscapeInWindow();
    void waitForRun();
    void loadPreset();
    void playWithTimeline();
    void sweep();
    void exportFile();
    void openFile();
    void whatIf();
    void replay();
    void triggerAnyAction();
    void browseTabs();
    void resize();
    void recreateWindow();

    MonkeyInput m_input;
    ActionRing &m_ring;
    QString m_folder;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_goodFiles; // exports that passed their checks, to open again
    QMap<QString, int> m_counts;
    QString m_kind;
    QString m_detail;
    QString m_slowest;
    qint64 m_slowestMs = -1;
    QString m_problem;
    int m_files = 0;
    int m_windows = 0;
    bool m_stopped = false;
};
