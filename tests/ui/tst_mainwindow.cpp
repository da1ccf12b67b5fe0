#include "comparesummary.h"
#include "csvexport.h"
#include "logpanel.h"
#include "mainwindow.h"
#include "resultspanel.h"
#include "runrecord.h"
#include "runsession.h"
#include "taskeditor.h"
#include "taskmodel.h"
#include "timelineview.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QScreen>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// Generous: the suite may share two cores with a compiler.
constexpr int runTimeoutMs = 30000;

// The most tasks of a run that overlap in time, from the record itself.
int peakConcurrency(const RunRecord &record)
{
    QList<std::pair<qint64, int>> edges;
    for (qsizetype i = 0; i < record.taskCount(); ++i) {
        const TaskSample s = record.sample(i);
        if (!s.hasStarted())
            continue;
        edges.append({s.startedNs, +1});
        edges.append({s.finishedNs, -1});
    }
    std::sort(edges.begin(), edges.end()); // a finish sorts before a start at the same time
    int running = 0;
    int peak = 0;
    for (const auto &edge : edges) {
        running += edge.second;
        peak = std::max(peak, running);
    }
    return peak;
}

} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void defaultsOnFirstStart();
    void typeToggleRunAndCheck();
    void sessionEndsInStepsAndStaysRunningUntilDone();
    void bigRunKeepsTheWindowSize();
    void compareShowsBothRuns();
    void exportCsv();
    void invalidInputDisablesRun();
    void invalidCellDisablesRun();
    void selectionFollowsAcrossViews();
    void settingsAreRemembered();
    void commandLineOverridesSettings();
    void laneModeToggle();
    void presetWithHttpKeepsSubmissionOrder();
    void scenarioFileArgument();
    void stopCancelsAtOnce();
    void closeDuringRunExitsQuickly();
    void hugeRunCapsTheLog();

private:
    std::unique_ptr<MainWindow> makeWindow(GuiOptions options = {});
    void typeDurations(MainWindow &window, const QString &text);
    void clickToolButton(MainWindow &window, QAction *action);
    void setFastScale(MainWindow &window);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_MainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<MainWindow> tst_MainWindow::makeWindow(GuiOptions options)
{
    options.settingsFile = m_dir->filePath(QStringLiteral("settings.ini"));
    auto window = std::make_unique<MainWindow>(options);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qWarning("window not exposed");
    return window;
}

void tst_MainWindow::typeDurations(MainWindow &window, const QString &text)
{
    QLineEdit *edit = window.taskEditor()->durationsEdit();
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

void tst_MainWindow::clickToolButton(MainWindow &window, QAction *action)
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

void tst_MainWindow::setFastScale(MainWindow &window)
{
    QComboBox *scale = window.timeScaleCombo();
    const int fast = scale->findData(0.01);
    QVERIFY(fast >= 0);
    QCOMPARE(scale->itemText(fast), QStringLiteral("1 s = 10 ms"));
    scale->setCurrentIndex(fast);
}

void tst_MainWindow::defaultsOnFirstStart()
{
    const auto window = makeWindow();
    QCOMPARE(window->taskEditor()->durationsEdit()->text(), QStringLiteral("5,1,8,3,4"));
    QCOMPARE(window->taskEditor()->model()->rowCount(), 5);
    QVERIFY(window->limitCheck()->isChecked());
    QCOMPARE(window->limitSpin()->value(), 2);
    QVERIFY(window->runAction()->isEnabled());
    QVERIFY(!window->stopAction()->isEnabled());
    QVERIFY(!window->exportAction()->isEnabled());
    QCOMPARE(window->runAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));
    QCOMPARE(window->stopAction()->shortcut(), QKeySequence(Qt::Key_Escape));
    QCOMPARE(window->exportAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
    QVERIFY(window->runAction()->toolTip().contains(QStringLiteral("Ctrl+R")));
    // 1400x900, or most of a smaller screen.
    const QSize available = window->screen()->availableGeometry().size();
    QCOMPARE(window->size(), QSize(1400, 900).boundedTo(available * 0.95));
}

void tst_MainWindow::sessionEndsInStepsAndStaysRunningUntilDone()
{
    // The engine's end and the window's sessionFinished() are a few event-loop turns apart (the
    // timeline's final range, its first full paint, the statistics). In between, the window
    // still counts as running: Run is refused, and the summary is complete when it says done.
    const auto window = makeWindow();
    setFastScale(*window);
    typeDurations(*window, QStringLiteral("1,2,1"));
    bool sawFinishing = false;
    bool refusedMeanwhile = false;
    connect(window->session(), &RunSession::finished, this, [&] {
        sawFinishing = window->isRunning() && !window->session()->isRunning();
        refusedMeanwhile = !window->startRun(false) && !window->runAction()->isEnabled();
    });
    QSignalSpy finished(window.get(), &MainWindow::sessionFinished);
    QVERIFY(window->startRun(false));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, runTimeoutMs);
    QVERIFY(sawFinishing);
    QVERIFY(refusedMeanwhile);
    QVERIFY(!window->isRunning());
    QVERIFY(window->runAction()->isEnabled());
    QCOMPARE(window->compareSummary()->cellText(CompareSummary::TasksRow, 0), u"3 / 3"_s);
    // And a new run starts at once.
    QVERIFY(window->startRun(false));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, runTimeoutMs);
}

void tst_MainWindow::bigRunKeepsTheWindowSize()
{
    // The results lines of a big run wrap instead of widening the window (30 results and the
    // completion order asked for a window over 2,000 px wide).
    const auto window = makeWindow();
    window->resize(1000, 700);
    Scenario scenario;
    scenario.tasks.resize(20000);
    scenario.options.limit = 8;
    scenario.options.timeScale = 0.001;
    window->loadScenario(scenario);
    QSignalSpy finished(window.get(), &MainWindow::sessionFinished);
    QVERIFY(window->startRun(false));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, runTimeoutMs);
    QCoreApplication::processEvents();
    QVERIFY2(window->minimumSizeHint().width() <= 1000,
             qPrintable(u"minimum width %1"_s.arg(window->minimumSizeHint().width())));
    QCOMPARE(window->width(), 1000);
}

void tst_MainWindow::typeToggleRunAndCheck()
{
    const auto window = makeWindow();
    typeDurations(*window, QStringLiteral("2,7"));
    QCOMPARE(window->taskEditor()->model()->rowCount(), 2);
    typeDurations(*window, QStringLiteral("5,1,8,3,4"));

    // The table follows the field.
    TaskModel *model = window->taskEditor()->model();
    QCOMPARE(model->rowCount(), 5);
    QCOMPARE(model->index(2, TaskModel::DurationColumn).data().toString(), QStringLiteral("8"));
    QCOMPARE(model->index(2, TaskModel::LabelColumn).data().toString(), QStringLiteral("8 s"));

    // Toggle the limit off and on again.
    QCheckBox *limit = window->limitCheck();
    QTest::mouseClick(limit, Qt::LeftButton, {}, QPoint(8, limit->height() / 2));
    QVERIFY(!limit->isChecked());
    QCOMPARE(window->scenario(false).options.limit, 0);
    QTest::mouseClick(limit, Qt::LeftButton, {}, QPoint(8, limit->height() / 2));
    QVERIFY(limit->isChecked());
    QCOMPARE(window->scenario(false).options.limit, 2);
    setFastScale(*window);

    clickToolButton(*window, window->runAction());
    QVERIFY(window->isRunning());
    QVERIFY(!window->runAction()->isEnabled());
    QVERIFY(window->stopAction()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!window->isRunning(), runTimeoutMs);

    const auto records = window->session()->records();
    QCOMPARE(records.size(), 1);
    const RunRecord &record = *records.constFirst();
    QCOMPARE(record.options().limit, 2);
    QCOMPARE(record.options().timeScale, 0.01);
    QVERIFY(record.isComplete());
    QVERIFY(peakConcurrency(record) <= 2);

    // Results in submission order, next to the completion order (the 1 s task completes first).
    ResultsPanel *results = window->resultsPanel();
    QCOMPARE(results->runCount(), 1);
    QCOMPARE(results->resultsText(0), QStringLiteral("results: [5, 1, 8, 3, 4]"));
    QVERIFY(results->completionText(0).startsWith(QStringLiteral("completion order: [2, ")));
    auto *line = results->findChild<QLabel *>(QStringLiteral("resultsLine0"));
    QVERIFY(line);
    QCOMPARE(line->text(), QStringLiteral("results: [5, 1, 8, 3, 4]"));
    QCOMPARE(results->table()->model()->rowCount(), 5);
    QCOMPARE(results->table()->model()->index(0, 1).data().toString(), QStringLiteral("5"));
    QVERIFY(results->table()->model()->index(0, 2).data().toString().startsWith(
            QStringLiteral("#2")));

    // The log has one line per start and finish, as the CLI prints them.
    LogPanel *log = window->logPanel();
    QCOMPARE(log->lineCount(), 10);
    // The view catches up on a zero-timer (LogPanel::flushPending); slower builds (ASan) get here
    // before it has run.
    QTRY_COMPARE(log->view()->document()->blockCount(), 10);
    QCOMPARE(log->text().count(QStringLiteral("start")), 5);
    QCOMPARE(log->text().count(QStringLiteral("finish")), 5);

    // The table is unchanged by the run; the status bar says it is done.
    QCOMPARE(model->rowCount(), 5);
    QCOMPARE(window->progressText(), QStringLiteral("5 / 5 done"));
    QCOMPARE(window->concurrencyText(), QStringLiteral("0 running \u00b7 0 waiting"));
    // After the run the clock shows its makespan (12 s predicted for 5,1,8,3,4 with limit 2).
    const QString elapsed = window->elapsedText();
    QVERIFY(elapsed.startsWith(QStringLiteral("t = ")));
    const double t = elapsed.mid(4).section(QLatin1Char(' '), 0, 0).toDouble();
    QVERIFY2(t >= 11.9 && t < 15.0, qPrintable(elapsed));
    QVERIFY(window->runAction()->isEnabled());
    QVERIFY(window->exportAction()->isEnabled());
    QCOMPARE(window->compareSummary()->runCount(), 1);
    QCOMPARE(window->compareSummary()->cellText(CompareSummary::PeakRow, 0), QStringLiteral("2"));
}

void tst_MainWindow::compareShowsBothRuns()
{
    const auto window = makeWindow();
    setFastScale(*window);
    // Compare works whether or not Run is limited: it always compares against N.
    QTest::mouseClick(window->limitCheck(), Qt::LeftButton, {},
                      QPoint(8, window->limitCheck()->height() / 2));
    QVERIFY(!window->limitCheck()->isChecked());
    QSignalSpy finished(window.get(), &MainWindow::sessionFinished);
    clickToolButton(*window, window->compareAction());
    QVERIFY(window->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, runTimeoutMs);

    const auto records = window->session()->records();
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(0)->options().limit, 0);
    QCOMPARE(records.at(1)->options().limit, 2);
    QVERIFY(peakConcurrency(*records.at(1)) <= 2);

    CompareSummary *summary = window->compareSummary();
    QCOMPARE(window->bottomTabs()->currentWidget(), summary);
    QCOMPARE(summary->runCount(), 2);
    QVERIFY(summary->hasDifference());
    QCOMPARE(summary->table()->columnCount(), 4); // metric, unlimited, limit 2, difference
    QCOMPARE(summary->table()->horizontalHeaderItem(1)->text(), QStringLiteral("unlimited"));
    QCOMPARE(summary->table()->horizontalHeaderItem(2)->text(), QStringLiteral("limit 2"));
    QCOMPARE(summary->cellText(CompareSummary::PredictedRow, 0), QStringLiteral("8.00 s"));
    QCOMPARE(summary->cellText(CompareSummary::PredictedRow, 1), QStringLiteral("12.00 s"));
    QCOMPARE(summary->cellText(CompareSummary::PredictedRow, 2),
             QStringLiteral("+4.00 s  (+50 %)"));
    QCOMPARE(summary->cellText(CompareSummary::SerialRow, 0), QStringLiteral("21.00 s"));
    QCOMPARE(summary->cellText(CompareSummary::PeakRow, 1), QStringLiteral("2"));
    QVERIFY(summary->cellText(CompareSummary::PeakRow, 0).toInt() > 2);
    QVERIFY(summary->cellText(CompareSummary::MakespanRow, 2).startsWith(QLatin1Char('+')));
    QVERIFY(summary->headline().startsWith(QStringLiteral("limit 2 took")));

    QCOMPARE(window->resultsPanel()->runCount(), 2);
    QCOMPARE(window->resultsPanel()->resultsText(0), QStringLiteral("results: [5, 1, 8, 3, 4]"));
    QCOMPARE(window->resultsPanel()->resultsText(1), QStringLiteral("results: [5, 1, 8, 3, 4]"));
    QVERIFY(window->logPanel()->text().contains(QStringLiteral("=== unlimited ===")));
    QVERIFY(window->logPanel()->text().contains(QStringLiteral("=== limit 2 ===")));
    QCOMPARE(window->progressText(), QStringLiteral("10 / 10 done"));
}

void tst_MainWindow::exportCsv()
{
    const auto window = makeWindow();
    setFastScale(*window);
    QString error;
    QVERIFY(!window->exportCsv(m_dir->filePath(QStringLiteral("none.csv")), &error));
    QVERIFY(error.contains(QStringLiteral("run")));

    QVERIFY(window->startRun(true));
    QTRY_VERIFY_WITH_TIMEOUT(!window->isRunning(), runTimeoutMs);
    const QString path = m_dir->filePath(QStringLiteral("runs.csv"));
    QVERIFY2(window->exportCsv(path, &error), qPrintable(error));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.constFirst().trimmed(), CsvExport::header().toUtf8());
    QList<QByteArray> rows;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (!lines.at(i).trimmed().isEmpty())
            rows.append(lines.at(i).trimmed());
    }
    QCOMPARE(rows.size(), 10);
    QVERIFY(rows.at(0).startsWith("unlimited,1,5 s,sleep,,,5,0.01,5,fifo,"));
    QVERIFY(rows.at(4).startsWith("unlimited,5,4 s,sleep,,,4,"));
    QVERIFY(rows.at(5).startsWith("limit-2,1,5 s,sleep,,,5,"));
    for (const QByteArray &row : rows)
        QVERIFY2(row.contains(",ok,"), row.constData());

    // A path that cannot be written: an error, and nothing else changes.
    QVERIFY(!window->exportCsv(m_dir->filePath(QStringLiteral("missing/dir/runs.csv")), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(QFile::exists(path));
}

void tst_MainWindow::invalidInputDisablesRun()
{
    const auto window = makeWindow();
    TaskEditor *editor = window->taskEditor();
    typeDurations(*window, QStringLiteral("5,x,1"));
    QVERIFY(!window->runAction()->isEnabled());
    QVERIFY(!window->compareAction()->isEnabled());
    QVERIFY(!editor->isValid());

    // The reason is visible twice: under the field and in the message line below the table.
    auto *fieldError = editor->findChild<QLabel *>(QStringLiteral("durationsError"));
    QVERIFY(fieldError);
    QVERIFY(fieldError->isVisible());
    QVERIFY2(fieldError->text().contains(QStringLiteral("Item 2 \"x\"")),
             qPrintable(fieldError->text()));
    QVERIFY(editor->problemLabel()->isVisible());
    QVERIFY(editor->problemLabel()->text().contains(QStringLiteral("\"x\"")));
    QVERIFY(window->runAction()->toolTip().contains(QStringLiteral("\"x\"")));
    QVERIFY(!window->startRun(false));

    // Clicking the disabled Run button does nothing.
    clickToolButton(*window, window->runAction());
    QVERIFY(!window->isRunning());

    typeDurations(*window, QStringLiteral("5,2,1"));
    QVERIFY(window->runAction()->isEnabled());
    QVERIFY(!fieldError->isVisible());
    QVERIFY(!editor->problemLabel()->isVisible());
    QCOMPARE(editor->model()->rowCount(), 3);
}

void tst_MainWindow::invalidCellDisablesRun()
{
    const auto window = makeWindow();
    TaskEditor *editor = window->taskEditor();
    QTableView *table = editor->table();
    const QModelIndex cell = editor->model()->index(1, TaskModel::DurationColumn);
    table->setCurrentIndex(cell);
    table->setFocus();
    // Type into the cell as a user would: the first key opens the editor and replaces the text.
    QTest::keyClick(table, '-');
    auto *cellEditor = table->viewport()->findChild<QLineEdit *>();
    QVERIFY(cellEditor);
    QTest::keyClicks(cellEditor, QStringLiteral("3"));
    QTest::keyClick(cellEditor, Qt::Key_Return);
    // The delegate commits on the next event loop pass.
    QTRY_COMPARE(cell.data().toString(), QStringLiteral("-3"));
    QVERIFY(!window->runAction()->isEnabled());
    QVERIFY(editor->problemLabel()->isVisible());
    QVERIFY2(editor->problem().contains(QStringLiteral("Task 2")), qPrintable(editor->problem()));
    QVERIFY(editor->problem().contains(QStringLiteral("negative")));
    QVERIFY(cell.data(Qt::BackgroundRole).isValid());
    QCOMPARE(editor->durationsEdit()->text(), QStringLiteral("5,-3,8,3,4"));

    QVERIFY(editor->model()->setData(cell, QStringLiteral("3")));
    QVERIFY(window->runAction()->isEnabled());
    QCOMPARE(editor->durationsEdit()->text(), QStringLiteral("5,3,8,3,4"));

    // Run while a cell is still being edited: the run uses what the cell shows.
    table->setCurrentIndex(cell);
    table->setFocus();
    QTest::keyClick(table, '7');
    auto *openEditor = table->viewport()->findChild<QLineEdit *>();
    QVERIFY(openEditor);
    if (!openEditor->hasFocus())
        QSKIP("no focus on this platform: cannot leave an editor open");
    setFastScale(*window);
    QVERIFY(window->startRun(false));
    QCOMPARE(window->session()->records().constFirst()->task(1).duration, 7.0);
    QTRY_VERIFY_WITH_TIMEOUT(!window->isRunning(), runTimeoutMs);
}

void tst_MainWindow::selectionFollowsAcrossViews()
{
    const auto window = makeWindow();
    setFastScale(*window);
    QVERIFY(window->startRun(false));
    QTRY_VERIFY_WITH_TIMEOUT(!window->isRunning(), runTimeoutMs);

    // A click in the timeline selects the task in the table, the log and the results.
    Q_EMIT window->timelineView()->taskSelected(0, 2);
    QCOMPARE(window->taskEditor()->currentTask(), 2);
    QCOMPARE(window->logPanel()->view()->extraSelections().size(), 2); // start and finish
    const QModelIndexList selected =
            window->resultsPanel()->table()->selectionModel()->selectedIndexes();
    QVERIFY(!selected.isEmpty());
    QCOMPARE(selected.constFirst().row(), 2);

    // And a row selected in the table selects it in the timeline.
    window->taskEditor()->table()->setCurrentIndex(
            window->taskEditor()->model()->index(4, TaskModel::LabelColumn));
    QCOMPARE(window->timelineView()->selectedTask(), 4);
    QCOMPARE(window->timelineView()->selectedRun(), 0);

    // A log line selects its task as well.
    Q_EMIT window->logPanel()->taskSelected(0, 1);
    QCOMPARE(window->taskEditor()->currentTask(), 1);
    QCOMPARE(window->timelineView()->selectedTask(), 1);
}

void tst_MainWindow::settingsAreRemembered()
{
    {
        const auto window = makeWindow();
        typeDurations(*window, QStringLiteral("3,2"));
        window->taskEditor()->model()->setData(
                window->taskEditor()->model()->index(0, TaskModel::LabelColumn),
                QStringLiteral("first"));
        window->limitSpin()->setValue(4);
        window->limitCheck()->setChecked(false);
        window->setTimeScale(0.1);
        window->resize(1200, 800);
        window->close();
    }
    const auto window = makeWindow();
    QCOMPARE(window->taskEditor()->durationsEdit()->text(), QStringLiteral("3,2"));
    QCOMPARE(window->taskEditor()->model()->task(0).label(), QStringLiteral("first"));
    QCOMPARE(window->limitSpin()->value(), 4);
    QVERIFY(!window->limitCheck()->isChecked());
    QCOMPARE(window->timeScale(), 0.1);
    QCOMPARE(window->size(), QSize(1200, 800));
}

void tst_MainWindow::commandLineOverridesSettings()
{
    {
        const auto window = makeWindow();
        typeDurations(*window, QStringLiteral("3,2"));
        window->close();
    }
    GuiOptions options;
    QString message;
    QCOMPARE(GuiCommandLine::parse({QStringLiteral("tasklanes"), QStringLiteral("--durations"),
                                    QStringLiteral("1,2,3"), QStringLiteral("--limit"),
                                    QStringLiteral("3"), QStringLiteral("--time-scale"),
                                    QStringLiteral("0.2")},
                                   &options, &message),
             GuiCommandLine::Outcome::Run);
    const auto window = makeWindow(options);
    QCOMPARE(window->taskEditor()->durationsEdit()->text(), QStringLiteral("1,2,3"));
    QCOMPARE(window->limitSpin()->value(), 3);
    QCOMPARE(window->timeScale(), 0.2);
    QCOMPARE(window->timeScaleCombo()->currentText(), QStringLiteral("1 s = 200 ms"));

    // A list too long for one argument comes from a file, as in the CLI; a bad file is named.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile list(dir.filePath(u"list.txt"_s));
    QVERIFY(list.open(QIODevice::WriteOnly));
    list.write("0.5,1.5\n,2\n");
    list.close();
    GuiOptions fromFile;
    QCOMPARE(GuiCommandLine::parse({u"tasklanes"_s, u"--durations"_s, u"@"_s + list.fileName()},
                                   &fromFile, &message),
             GuiCommandLine::Outcome::Run);
    QVERIFY(fromFile.tasks);
    QCOMPARE(fromFile.tasks->size(), 3);
    QCOMPARE(fromFile.tasks->at(2).duration, 2.0);
    const QString missing = dir.filePath(u"missing.txt"_s);
    QCOMPARE(GuiCommandLine::parse({u"tasklanes"_s, u"--durations"_s, u"@"_s + missing}, &fromFile,
                                   &message),
             GuiCommandLine::Outcome::ExitUsage);
    QVERIFY2(message.contains(missing), qPrintable(message));
}

void tst_MainWindow::laneModeToggle()
{
    const auto window = makeWindow();
    QAction *workers = nullptr;
    QAction *tasks = nullptr;
    const auto actions = window->findChildren<QAction *>();
    for (QAction *action : actions) {
        if (action->text() == u"&Worker Lanes")
            workers = action;
        else if (action->text() == u"&Task Lanes")
            tasks = action;
    }
    QVERIFY(workers && tasks);
    QVERIFY(tasks->isChecked());
    clickToolButton(*window, workers);
    QCOMPARE(window->timelineView()->laneMode(), TimelineView::LaneMode::Workers);
    QVERIFY(workers->isChecked());
    // A change made in the view itself (its own shortcut) shows in the toolbar and menu.
    window->timelineView()->setLaneMode(TimelineView::LaneMode::Tasks);
    QVERIFY(tasks->isChecked());
    QVERIFY(!workers->isChecked());
}

void tst_MainWindow::presetWithHttpKeepsSubmissionOrder()
{
    const auto window = makeWindow();
    QAction *preset = nullptr;
    const auto menus = window->menuBar()->findChildren<QMenu *>();
    for (QMenu *menu : menus) {
        for (QAction *action : menu->actions()) {
            if (action->text() == u"gather-results")
                preset = action;
        }
    }
    QVERIFY(preset);
    preset->trigger();
    TaskModel *model = window->taskEditor()->model();
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->index(1, TaskModel::KindColumn).data().toString(), QStringLiteral("http"));
    QCOMPARE(model->index(1, TaskModel::LabelColumn).data().toString(),
             QStringLiteral("global ip"));
    QVERIFY(model->index(1, TaskModel::KindColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("local:/ip")));
    QVERIFY(window->taskEditor()->isValid());
    QVERIFY(!window->limitCheck()->isChecked());
    QVERIFY(window->windowTitle().startsWith(QStringLiteral("gather-results")));

    setFastScale(*window);
    QVERIFY(window->startRun(false));
    QTRY_VERIFY_WITH_TIMEOUT(!window->isRunning(), runTimeoutMs);
    // The 1 s sleep completes first, the 10 s sleep last; gather's list is still in submission
    // order, the IP in the middle.
    const QString results = window->resultsPanel()->resultsText(0);
    QVERIFY2(results.startsWith(QStringLiteral("results: [10, \""))
                     && results.endsWith(QStringLiteral("\", 1]")),
             qPrintable(results));
    QCOMPARE(window->resultsPanel()->completionText(0),
             QStringLiteral("completion order: [3, 2, 1]"));
}

void tst_MainWindow::scenarioFileArgument()
{
    const QString path = m_dir->filePath(QStringLiteral("mine.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"version": 1, "name": "mine", "limit": 3, "time_scale": 0.5,
                 "tasks": [{"kind": "sleep", "duration": 2, "label": "two"},
                           {"kind": "sleep", "duration": 6}]})");
    file.close();

    GuiOptions options;
    QString message;
    QCOMPARE(GuiCommandLine::parse({QStringLiteral("tasklanes"), path}, &options, &message),
             GuiCommandLine::Outcome::Run);
    const auto window = makeWindow(options);
    QCOMPARE(window->taskEditor()->durationsEdit()->text(), QStringLiteral("2,6"));
    QCOMPARE(window->taskEditor()->model()->task(0).label(), QStringLiteral("two"));
    QCOMPARE(window->limitSpin()->value(), 3);
    QVERIFY(window->limitCheck()->isChecked());
    QCOMPARE(window->timeScale(), 0.5);
    QVERIFY(window->windowTitle().contains(QStringLiteral("mine.json")));

    // Options override the file; a broken file or a missing run is refused with a reason.
    GuiOptions overridden;
    QCOMPARE(GuiCommandLine::parse(
                     {QStringLiteral("tasklanes"), QStringLiteral("--unlimited"), path},
                     &overridden, &message),
             GuiCommandLine::Outcome::Run);
    QCOMPARE(overridden.limit, 0);
    GuiOptions bad;
    QCOMPARE(GuiCommandLine::parse(
                     {QStringLiteral("tasklanes"), m_dir->filePath(QStringLiteral("x.csv"))}, &bad,
                     &message),
             GuiCommandLine::Outcome::ExitUsage);
    QVERIFY(message.contains(QStringLiteral("x.csv"))); // a run (CSV) that does not exist
    QCOMPARE(GuiCommandLine::parse(
                     {QStringLiteral("tasklanes"), m_dir->filePath(QStringLiteral("none.json"))},
                     &bad, &message),
             GuiCommandLine::Outcome::ExitUsage);
    QVERIFY(message.contains(QStringLiteral("none.json")));
}

void tst_MainWindow::stopCancelsAtOnce()
{
    const auto window = makeWindow();
    typeDurations(*window, QStringLiteral("60,60,60"));
    window->setTimeScale(1.0);
    QVERIFY(window->startRun(false));
    QTRY_VERIFY_WITH_TIMEOUT(window->concurrencyText().startsWith(QStringLiteral("2 running")),
                             runTimeoutMs);
    QElapsedTimer timer;
    timer.start();
    window->activateWindow();
    QTest::keyClick(window.get(), Qt::Key_Escape);
    if (window->isRunning() && !window->session()->wasCancelled())
        window->stopAction()->trigger(); // no active window on this platform: the action itself
    QTRY_VERIFY_WITH_TIMEOUT(!window->isRunning(), runTimeoutMs);
    QVERIFY2(timer.elapsed() < 2000, QByteArray::number(timer.elapsed()).constData());
    const RunRecord &record = *window->session()->records().constFirst();
    for (qsizetype i = 0; i < record.taskCount(); ++i)
        QCOMPARE(record.status(i), TaskStatus::Cancelled);
    QVERIFY(window->logPanel()->text().contains(QStringLiteral("stopped")));
    QVERIFY(window->runAction()->isEnabled());
}

void tst_MainWindow::closeDuringRunExitsQuickly()
{
    auto window = makeWindow();
    typeDurations(*window, QStringLiteral("100,100,100,100"));
    window->setTimeScale(1.0);
    QVERIFY(window->startRun(true));
    QTRY_VERIFY_WITH_TIMEOUT(window->concurrencyText().startsWith(QStringLiteral("4 running")),
                             runTimeoutMs);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(window->close());
    window.reset(); // joins the run's threads
    QVERIFY2(timer.elapsed() < 1000, QByteArray::number(timer.elapsed()).constData());
}

void tst_MainWindow::hugeRunCapsTheLog()
{
    const auto window = makeWindow();
    QList<Task> tasks(6000);
    for (Task &task : tasks)
        task.duration = 0;
    window->taskEditor()->setTasks(tasks);
    QVERIFY(window->startRun(false));
    QTRY_VERIFY_WITH_TIMEOUT(!window->isRunning(), runTimeoutMs);
    LogPanel *log = window->logPanel();
    QVERIFY(log->isTruncated());
    QCOMPARE(log->lineCount(), LogPanel::maxLines + 1); // the lines and the note
    QVERIFY(log->text().contains(QStringLiteral("export CSV")));
    QCOMPARE(window->progressText(), QStringLiteral("6000 / 6000 done"));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
