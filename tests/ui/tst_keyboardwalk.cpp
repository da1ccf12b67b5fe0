#include "csvimport.h"
#include "mainwindowparts.h"
#include "runprogress.h"
#include "runrecord.h"
#include "testrun.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace MainWindowParts;
using namespace Qt::StringLiterals;

namespace {

// Generous: the suite may share two cores with a compiler.
constexpr int runTimeoutMs = 30000;

// Keys pressed as a user presses them: QTest gives a null widget's keys to what has the keyboard
// (an open menu, else the focus widget, else the active window).
void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QTest::keyClick(static_cast<QWidget *>(nullptr), key, modifiers);
}

// Shift+Tab until `target` has the focus.
bool backTabTo(QWidget *target)
{
    for (int i = 0; i < 60 && QApplication::focusWidget() != target; ++i)
        QTest::keyClick(static_cast<QWidget *>(nullptr), Qt::Key_Backtab);
    return QApplication::focusWidget() == target;
}

void type(const QString &text)
{
    QTest::keyClicks(static_cast<QWidget *>(nullptr), text);
}

} // namespace

// The main flow with the keyboard alone: durations, Compare, the timeline's tasks and their
// details, Export CSV through the File menu and its dialog.
class tst_KeyboardWalk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void mainFlow();
    void threadLanesWalkByThread();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_KeyboardWalk::initTestCase()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // Qt's own file dialog, which keys reach on every platform.
    QApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
}

void tst_KeyboardWalk::mainFlow()
{
    GuiOptions options;
    options.timeScale = 0.01;
    const auto window = showWindow(*m_dir, options);
    // The smallest size the window is made for: every toolbar control shows (a narrower window
    // folds the toolbar's end into its extension menu, where mnemonics do not reach).
    window->resize(1024, 700);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));

    // Alt+D: the durations field (its label's mnemonic).
    press(Qt::Key_D, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), durationsEdit(*window));
    press(Qt::Key_A, Qt::ControlModifier);
    type(u"5,1,8,3,4"_s);
    QCOMPARE(taskTable(*window)->model()->rowCount(), 5);

    // Alt+L turns the limit off and on (its check box's mnemonic, which clicks after a short
    // animation); Tab goes on to its value.
    QCheckBox *limit = limitCheck(*window);
    const bool limited = limit->isChecked();
    press(Qt::Key_L, Qt::AltModifier);
    QTRY_COMPARE(limit->isChecked(), !limited);
    press(Qt::Key_L, Qt::AltModifier);
    QTRY_COMPARE(limit->isChecked(), limited);
    QVERIFY(limited);
    press(Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), limitSpin(*window));
    press(Qt::Key_A, Qt::ControlModifier);
    type(u"2"_s);
    press(Qt::Key_Return);
    QCOMPARE(limitSpin(*window)->value(), 2);

    // Tab leaves the task table rather than circling its cells.
    QTableView *table = taskTable(*window);
    table->setFocus();
    press(Qt::Key_Tab);
    QVERIFY(QApplication::focusWidget() != table);

    // Compare (Ctrl+Shift+R), always unlimited against limit N.
    QSignalSpy finished(window.get(), &MainWindow::sessionFinished);
    press(Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, runTimeoutMs);
    QCOMPARE(session(*window)->records().size(), 2);

    // Shift+Tab from the durations field reaches the timeline.
    TimelineView *timeline = timelineView(*window);
    press(Qt::Key_D, Qt::AltModifier);
    QVERIFY(backTabTo(timeline));

    // Down and Up walk the tasks, into the second run of the comparison.
    timeline->setSelectedTask(-1, -1);
    press(Qt::Key_Down);
    QCOMPARE(timeline->selectedRun(), 0);
    QCOMPARE(timeline->selectedTask(), 0);
    for (int i = 0; i < 6; ++i)
        press(Qt::Key_Down);
    QCOMPARE(timeline->selectedRun(), 1);
    QCOMPARE(timeline->selectedTask(), 1);
    press(Qt::Key_Up);
    QCOMPARE(timeline->selectedRun(), 1);
    QCOMPARE(timeline->selectedTask(), 0);
    press(Qt::Key_End);
    QCOMPARE(timeline->selectedTask(), 4);
    press(Qt::Key_Down); // the last task stays selected
    QCOMPARE(timeline->selectedRun(), 1);
    QCOMPARE(timeline->selectedTask(), 4);
    press(Qt::Key_Home);
    QCOMPARE(timeline->selectedRun(), 0);
    QCOMPARE(timeline->selectedTask(), 0);
    press(Qt::Key_PageDown); // a page of lanes is at least one
    QVERIFY(timeline->selectedRun() > 0 || timeline->selectedTask() > 0);
    press(Qt::Key_Home);

    // Enter shows the task's details; Esc closes them and the run stays shown.
    press(Qt::Key_Return);
    QMessageBox *details = nullptr;
    QTRY_VERIFY((details = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())));
    QCOMPARE(details->objectName(), u"taskDetails"_s);
    QCOMPARE(details->accessibleName(), u"Task #1"_s);
    QVERIFY2(details->text().contains(u"#1"_s), qPrintable(details->text()));
    QVERIFY(details->accessibleDescription().contains(u"waited"_s));
    QTRY_VERIFY(details->isActiveWindow());
    press(Qt::Key_Escape);
    QTRY_VERIFY(!QApplication::activeModalWidget());
    QCOMPARE(session(*window)->records().size(), 2);
    QVERIFY(!window->isRunning());

    // File > Export CSV (Alt+F, E); the dialog takes a path and Enter.
    const QString path = m_dir->filePath(u"walk.csv"_s);
    // The dialog runs its own event loop: a timer types into it once it has the keyboard (and
    // closes it should the keys not have done so, rather than hang the suite).
    bool typed = false;
    int ticks = 0;
    QTimer dialogWatch;
    dialogWatch.setInterval(20);
    connect(&dialogWatch, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        ++ticks;
        if (!typed && (dialog->isActiveWindow() || ticks > 100)) {
            typed = true;
            press(Qt::Key_A, Qt::ControlModifier);
            type(path);
            press(Qt::Key_Return);
        } else if (ticks > 1000) {
            dialog->reject();
        }
    });
    dialogWatch.start();
    window->activateWindow();
    QTRY_VERIFY(window->isActiveWindow());
    press(Qt::Key_F, Qt::AltModifier);
    QTRY_VERIFY(QApplication::activePopupWidget());
    press(Qt::Key_E);
    QTRY_VERIFY(typed);
    QTRY_VERIFY(QFileInfo::exists(path));
    dialogWatch.stop();
    QString error;
    const auto runs = CsvImport::readFile(path, &error);
    QVERIFY2(runs, qPrintable(error));
    QCOMPARE(runs->size(), 2);
    for (const auto &run : *runs)
        QCOMPARE(run->taskCount(), 5);
}

void tst_KeyboardWalk::threadLanesWalkByThread()
{
    // 5,1,8,3,4 under limit 2: thread 1 runs tasks 1, 4, 5 and thread 2 tasks 2, 3.
    const std::shared_ptr<const RunRecord> run = idealRun({5, 1, 8, 3, 4}, 2);
    TimelineView view;
    view.setRuns({std::shared_ptr<const RunProgress>(RunProgress::completed(run, {}))});
    view.setLaneMode(TimelineLaneMode::Workers);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QList<int> walked;
    for (int i = 0; i < 6; ++i) {
        QTest::keyClick(&view, Qt::Key_Down);
        walked << view.selectedTask();
    }
    QCOMPARE(walked, (QList<int>{0, 3, 4, 1, 2, 2}));
    QTest::keyClick(&view, Qt::Key_Home);
    QCOMPARE(view.selectedTask(), 0);
    QTest::keyClick(&view, Qt::Key_End);
    QCOMPARE(view.selectedTask(), 2);
    QTest::keyClick(&view, Qt::Key_Up);
    QCOMPARE(view.selectedTask(), 1);
    // Ctrl+Home goes back to the start of the time axis and keeps the selection.
    const double span = view.visibleEnd() - view.visibleStart();
    view.setVisibleRange(3.0, 3.0 + span);
    QTest::keyClick(&view, Qt::Key_Home, Qt::ControlModifier);
    QCOMPARE(view.visibleStart(), 0.0);
    QCOMPARE(view.selectedTask(), 1);
}

QTEST_MAIN(tst_KeyboardWalk)
#include "tst_keyboardwalk.moc"
