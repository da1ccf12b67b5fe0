#pragma once

// The main window's parts, reached by object name as a user-facing test should (no getters that
// exist only for tests). A missing part is a broken test: it aborts with the name.

#include "comparesummary.h"
#include "fileactions.h"
#include "guioptions.h"
#include "logpanel.h"
#include "mainwindow.h"
#include "resultspanel.h"
#include "runsession.h"
#include "sweepcontroller.h"
#include "sweeppanel.h"
#include "sweepview.h"
#include "taskeditor.h"
#include "timelineview.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStringList>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

#include <memory>

namespace MainWindowParts {

template<typename T>
T *part(const QObject &window, const char *name)
{
    T *found = window.findChild<T *>(QLatin1String(name));
    if (!found)
        qFatal("the main window has no %s \"%s\"", T::staticMetaObject.className(), name);
    return found;
}

inline TaskEditor *taskEditor(const QObject &w)
{
    return part<TaskEditor>(w, "taskEditor");
}
inline TimelineView *timelineView(const QObject &w)
{
    return part<TimelineView>(w, "timelineView");
}
inline ResultsPanel *resultsPanel(const QObject &w)
{
    return part<ResultsPanel>(w, "resultsPanel");
}
inline LogPanel *logPanel(const QObject &w)
{
    return part<LogPanel>(w, "logPanel");
}
inline CompareSummary *compareSummary(const QObject &w)
{
    return part<CompareSummary>(w, "compareSummary");
}
inline RunSession *session(const QObject &w)
{
    return part<RunSession>(w, "runSession");
}
// Open, save and export without dialogs, as the File menu's actions do after their dialog.
inline FileActions *fileActions(const QObject &w)
{
    return part<FileActions>(w, "fileActions");
}
inline QCheckBox *limitCheck(const QObject &w)
{
    return part<QCheckBox>(w, "limitCheck");
}
inline QSpinBox *limitSpin(const QObject &w)
{
    return part<QSpinBox>(w, "limitSpin");
}
inline QComboBox *timeScaleCombo(const QObject &w)
{
    return part<QComboBox>(w, "timeScaleCombo");
}
// "Pool: [auto | N]", "Admission: [FIFO | in-task]" and the scenario's gates.
inline QSpinBox *threadsSpin(const QObject &w)
{
    return part<QSpinBox>(w, "threadsSpin");
}
inline QComboBox *admissionCombo(const QObject &w)
{
    return part<QComboBox>(w, "admissionCombo");
}
inline QLabel *gatesLabel(const QObject &w)
{
    return part<QLabel>(w, "gatesLabel");
}
inline QTabWidget *bottomTabs(const QObject &w)
{
    return part<QTabWidget>(w, "bottomTabs");
}
inline QLineEdit *durationsEdit(const QObject &w)
{
    return part<QLineEdit>(w, "durationsEdit");
}
inline QTableView *taskTable(const QObject &w)
{
    return part<QTableView>(w, "taskTable");
}
inline QLabel *problemLabel(const QObject &w)
{
    return part<QLabel>(w, "taskProblem");
}
inline QTableView *resultsTable(const QObject &w)
{
    return part<QTableView>(w, "resultsTable");
}
inline QTableWidget *summaryTable(const QObject &w)
{
    return part<QTableWidget>(w, "summaryTable");
}
// Below the summary's headline: what a stopped run ran, how far the runs were from the ideal.
inline QString summaryDetail(const QObject &w)
{
    return part<QLabel>(w, "summaryDetail")->text();
}
inline QPlainTextEdit *logView(const QObject &w)
{
    return part<QPlainTextEdit>(w, "logView");
}
inline QMenu *recentMenu(const QObject &w)
{
    return part<QMenu>(w, "recentMenu");
}
inline QAction *action(const QObject &w, const char *name)
{
    return part<QAction>(w, name);
}
inline QAction *runAction(const QObject &w)
{
    return action(w, "runAction");
}
inline QAction *stopAction(const QObject &w)
{
    return action(w, "stopAction");
}
inline QAction *compareAction(const QObject &w)
{
    return action(w, "compareAction");
}
inline QAction *exportAction(const QObject &w)
{
    return action(w, "exportAction");
}
inline QAction *exportImageAction(const QObject &w)
{
    return action(w, "exportImageAction");
}
inline QAction *exportTraceAction(const QObject &w)
{
    return action(w, "exportTraceAction");
}
inline QAction *openRunAction(const QObject &w)
{
    return action(w, "openRunAction");
}
// The sweep: its action and toolbar fields, the Sweep tab with its chart and "Run limit N".
inline QAction *sweepAction(const QObject &w)
{
    return action(w, "sweepAction");
}
inline SweepController *sweepController(const QObject &w)
{
    return part<SweepController>(w, "sweepController");
}
inline QLineEdit *sweepLimitsEdit(const QObject &w)
{
    return part<QLineEdit>(w, "sweepLimitsEdit");
}
inline QCheckBox *predictOnlyCheck(const QObject &w)
{
    return part<QCheckBox>(w, "predictOnlyCheck");
}
inline QLabel *sweepLimitsError(const QObject &w)
{
    return part<QLabel>(w, "sweepLimitsError");
}
inline SweepPanel *sweepPanel(const QObject &w)
{
    return part<SweepPanel>(w, "sweepPanel");
}
inline SweepView *sweepView(const QObject &w)
{
    return part<SweepView>(w, "sweepView");
}
inline QPushButton *runChosenLimitButton(const QObject &w)
{
    return part<QPushButton>(w, "runChosenLimitButton");
}
// The schedule advisor under the task editor.
inline QLabel *advisorLabel(const QObject &w)
{
    return part<QLabel>(w, "advisorLabel");
}
inline QPushButton *reorderButton(const QObject &w)
{
    return part<QPushButton>(w, "reorderButton");
}
// What the status bar shows: "3 / 5 done · 1 failed · 1 cancelled", "t = 4.20 s",
// "2 running · 1 waiting".
inline QString progressText(const QObject &w)
{
    return part<QLabel>(w, "progressLabel")->text();
}
inline QString elapsedText(const QObject &w)
{
    return part<QLabel>(w, "elapsedLabel")->text();
}
inline QString concurrencyText(const QObject &w)
{
    return part<QLabel>(w, "concurrencyLabel")->text();
}
// The recent files as the File menu lists them, most recent first.
inline QStringList recentFileList(const QObject &w)
{
    QStringList files;
    const auto actions = recentMenu(w)->actions();
    for (const QAction *a : actions) {
        if (!a->data().toString().isEmpty())
            files << a->data().toString();
    }
    return files;
}

// A window with its own settings file in dir, shown and exposed.
inline std::unique_ptr<MainWindow> showWindow(const QTemporaryDir &dir, GuiOptions options = {})
{
    options.settingsFile = dir.filePath(QStringLiteral("settings.ini"));
    auto window = std::make_unique<MainWindow>(options);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qWarning("window not exposed");
    return window;
}

// Clicks the toolbar button of an action, as a user does.
inline void clickToolButton(MainWindow &window, QAction *action)
{
    const auto bars = window.findChildren<QToolBar *>();
    for (QToolBar *bar : bars) {
        if (auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(action))) {
            QTest::mouseClick(button, Qt::LeftButton);
            return;
        }
    }
    QFAIL("no tool button for the action");
}

} // namespace MainWindowParts
