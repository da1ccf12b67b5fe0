#include "comparesummary.h"
#include "csvexport.h"
#include "logpanel.h"
#include "mainwindow.h"
#include "mainwindowparts.h"
#include "resultspanel.h"
#include "runprogress.h"
#include "runrecord.h"
#include "runsession.h"
#include "taskeditor.h"
#include "taskmodel.h"
#include "testscenarios.h"
#include "timelineview.h"
#include "uihelpers.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
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

using namespace MainWindowParts;

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
    void sessionEndsWithFinalDataInOneTurn();
    void secondRunKeepsTheWindowStill();
    void bigRunKeepsTheWindowSize();
    void compareShowsBothRuns();
    void summaryHeadlineIsWholeInAShortWindow();
    void exportCsv();
    void invalidInputDisablesRun();
    void invalidCellDisablesRun();
    void removeTakesAdjacentRowsAtOnce();
    void selectionFollowsAcrossViews();
    void settingsAreRemembered();
    void commandLineOverridesSettings();
    void laneModeToggle();
    void presetWithHttpKeepsSubmissionOrder();
    void scenarioFileArgument();
    void stopCancelsAtOnce();
    void closeDuringRunCancelsIt();
    void hugeRunCapsTheLog();

private:
    std::unique_ptr<MainWindow> makeWindow(GuiOptions options = {});
    void typeDurations(MainWindow &window, const QString &text);
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
    return showWindow(*m_dir, std::move(options));
}

void tst_MainWindow::typeDurations(MainWindow &window, const QString &text)
{
    QLineEdit *edit = durationsEdit(window);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

void tst_MainWindow::setFastScale(MainWindow &window)
{
    QComboBox *scale = timeScaleCombo(window);
    const int fast = scale->findData(0.01);
    QVERIFY(fast >= 0);
    QCOMPARE(scale->itemText(fast), QStringLiteral("1 s = 10 ms"));
    scale->setCurrentIndex(fast);
}

void tst_MainWindow::defaultsOnFirstStart()
{
    const auto window = makeWindow();
    QCOMPARE(durationsEdit(*window)->text(), QStringLiteral("5,1,8,3,4"));
    QCOMPARE(taskEditor(*window)->model()->rowCount(), 5);
    QVERIFY(limitCheck(*window)->isChecked());
    QCOMPARE(limitSpin(*window)->value(), 2);
    QVERIFY(runAction(*window)->isEnabled());
    QVERIFY(!stopAction(*window)->isEnabled());
    QVERIFY(!exportAction(*window)->isEnabled());
    QCOMPARE(runAction(*window)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));
    QCOMPARE(stopAction(*window)->shortcut(), QKeySequence(Qt::Key_Escape));
    QCOMPARE(exportAction(*window)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
    QVERIFY(runAction(*window)->toolTip().contains(QStringLiteral("Ctrl+R")));
    // 1400x900, or most of a smaller screen.
    const QSize available = window->screen()->availableGeometry().size();
    QCOMPARE(window->size(), QSize(1400, 900).boundedTo(available * 0.95));
}

void tst_MainWindow::sessionEndsWithFinalDataInOneTurn()
{
    // A run's final steps and statistics are computed off the GUI thread before the session
    // reports it; the window swaps them in. Until the session has ended, Run is refused, and when
    // the window says done every view already shows the final data.
    const auto window = makeWindow();
    setFastScale(*window);
    typeDurations(*window, QStringLiteral("1,2,1"));
    bool finalAtRunFinished = false;
    bool refusedMeanwhile = false;
    connect(session(*window), &RunSession::runFinished, this, [&](int run) {
        const auto progress = session(*window)->runProgress(run);
        finalAtRunFinished = progress && progress->isFinal() && progress->finished() == 3;
        refusedMeanwhile = window->isRunning() && !window->startRun(false);
    });
    bool summaryDoneAtFinish = false;
    connect(window.get(), &MainWindow::sessionFinished, this, [&] {
        summaryDoneAtFinish =
                compareSummary(*window)->cellText(CompareSummary::TasksRow, 0) == u"3 / 3"_s
                && !window->isRunning() && runAction(*window)->isEnabled();
    });
    QSignalSpy finished(window.get(), &MainWindow::sessionFinished);
    QVERIFY(window->startRun(false));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, runTimeoutMs);
    QVERIFY(finalAtRunFinished);
    QVERIFY(refusedMeanwhile);
    QVERIFY(summaryDoneAtFinish);
    // And a new run starts at once.
    QVERIFY(window->startRun(false));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, runTimeoutMs);
}

void tst_MainWindow::secondRunKeepsTheWindowStill()
{
    // A second run of the same tasks refills the results table without a reset (which rebuilt its
    // header, one section per task, as the run started) and starts with nothing selected; the
    // timeline overview stays hidden while the view follows the run (it showed and hid itself,
    // relaying the window, on live frames).
    // Zero-duration tasks: the live window's end follows the clock, not a predicted makespan.
    const auto window = makeWindow();
    window->loadScenario(makeScenario(QList<double>(200000, 0.0), 1, 1.0));
    QSignalSpy finished(window.get(), &MainWindow::sessionFinished);
    QVERIFY(window->startRun(false));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, runTimeoutMs);
    Q_EMIT timelineView(*window)->taskSelected(0, 2);
    QVERIFY(!resultsTable(*window)->selectionModel()->selectedIndexes().isEmpty());

    const auto *overview = window->findChild<QWidget *>(u"timelineOverview"_s);
    QVERIFY(overview);
    int frames = 0;
    int shownWhileFollowing = 0;
    connect(timelineView(*window), &TimelineView::visibleRangeChanged, this, [&] {
        ++frames;
        if (timelineView(*window)->isFollowingLive() && overview->isVisible())
            ++shownWhileFollowing;
    });
    QSignalSpy resets(resultsTable(*window)->model(), &QAbstractItemModel::modelReset);
    QVERIFY(window->startRun(false));
    QVERIFY(resultsTable(*window)->selectionModel()->selectedIndexes().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, runTimeoutMs);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(resultsTable(*window)->model()->rowCount(), 200000);
    QVERIFY(resultsPanel(*window)->resultsText(0).startsWith(u"results: [0, 0, 0, "_s));
    QVERIFY2(frames > 1, qPrintable(QString::number(frames)));
    QCOMPARE(shownWhileFollowing, 0);
}

void tst_MainWindow::bigRunKeepsTheWindowSize()
{
    // The results lines of a big run wrap instead of widening the window (30 results and the
    // completion order asked for a window over 2,000 px wide).
    const auto window = makeWindow();
    window->resize(1000, 700);
    window->loadScenario(makeScenario(QList<double>(20000, 0.0), 8, 0.001));
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
    QCOMPARE(taskEditor(*window)->model()->rowCount(), 2);
    typeDurations(*window, QStringLiteral("5,1,8,3,4"));

    // The table follows the field.
    TaskModel *model = taskEditor(*window)->model();
    QCOMPARE(model->rowCount(), 5);
    QCOMPARE(model->index(2, TaskModel::DurationColumn).data().toString(), QStringLiteral("8"));
    QCOMPARE(model->index(2, TaskModel::LabelColumn).data().toString(), QStringLiteral("8 s"));

    // Toggle the limit off and on again.
    QCheckBox *limit = limitCheck(*window);
    QTest::mouseClick(limit, Qt::LeftButton, {}, QPoint(8, limit->height() / 2));
    QVERIFY(!limit->isChecked());
    QCOMPARE(window->scenario(false).options.limit, 0);
    QTest::mouseClick(limit, Qt::LeftButton, {}, QPoint(8, limit->height() / 2));
    QVERIFY(limit->isChecked());
    QCOMPARE(window->scenario(false).options.limit, 2);
    setFastScale(*window);

    clickToolButton(*window, runAction(*window));
    QVERIFY(window->isRunning());
    QVERIFY(!runAction(*window)->isEnabled());
    QVERIFY(stopAction(*window)->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!window->isRunning(), runTimeoutMs);

    const auto records = session(*window)->records();
    QCOMPARE(records.size(), 1);
    const RunRecord &record = *records.constFirst();
    QCOMPARE(record.options().limit, 2);
    QCOMPARE(record.options().timeScale, 0.01);
    QVERIFY(record.isComplete());
    QVERIFY(peakConcurrency(record) <= 2);

    // Results in submission order, next to the completion order (the 1 s task completes first).
    ResultsPanel *results = resultsPanel(*window);
    QCOMPARE(results->runCount(), 1);
    QCOMPARE(results->resultsText(0), QStringLiteral("results: [5, 1, 8, 3, 4]"));
    QVERIFY(results->completionText(0).startsWith(QStringLiteral("completion order: [2, ")));
    auto *line = results->findChild<QLabel *>(QStringLiteral("resultsLine0"));
    QVERIFY(line);
    QCOMPARE(line->text(), QStringLiteral("results: [5, 1, 8, 3, 4]"));
    QCOMPARE(resultsTable(*window)->model()->rowCount(), 5);
    QCOMPARE(resultsTable(*window)->model()->index(0, 1).data().toString(), QStringLiteral("5"));
    QVERIFY(resultsTable(*window)->model()->index(0, 2).data().toString().startsWith(
            QStringLiteral("#2")));

    // The log has one line per start and finish, as the CLI prints them.
    LogPanel *log = logPanel(*window);
    QCOMPARE(log->lineCount(), 10);
    // The view catches up on a zero-timer (LogPanel::flushPending) once it is shown; slower
    // builds (ASan) get here before it has run.
    bottomTabs(*window)->setCurrentWidget(log);
    QTRY_COMPARE(logView(*window)->document()->blockCount(), 10);
    QCOMPARE(log->text().count(QStringLiteral("start")), 5);
    QCOMPARE(log->text().count(QStringLiteral("finish")), 5);

    // The table is unchanged by the run; the status bar says it is done.
    QCOMPARE(model->rowCount(), 5);
    QCOMPARE(progressText(*window), QStringLiteral("5 / 5 done"));
    QCOMPARE(concurrencyText(*window), QStringLiteral("0 running \u00b7 0 waiting"));
    // After the run the clock shows the record's makespan, which no schedule of 5,1,8,3,4 with
    // limit 2 brings under the predicted 12 s (a loaded machine only makes it longer).
    qint64 lastFinish = 0;
    for (qsizetype i = 0; i < record.taskCount(); ++i)
        lastFinish = std::max(lastFinish, record.sample(i).finishedNs);
    const double makespan = record.toScenarioSeconds(lastFinish);
    QCOMPARE(elapsedText(*window), u"t = %1"_s.arg(UiHelpers::seconds(makespan)));
    QVERIFY2(makespan >= 11.9, qPrintable(elapsedText(*window)));
    QVERIFY(runAction(*window)->isEnabled());
    QVERIFY(exportAction(*window)->isEnabled());
    QCOMPARE(compareSummary(*window)->runCount(), 1);
    QCOMPARE(compareSummary(*window)->cellText(CompareSummary::PeakRow, 0), QStringLiteral("2"));
}

void tst_MainWindow::compareShowsBothRuns()
{
    const auto window = makeWindow();
    setFastScale(*window);
    // Compare works whether or not Run is limited: it always compares against N.
    QTest::mouseClick(limitCheck(*window), Qt::LeftButton, {},
                      QPoint(8, limitCheck(*window)->height() / 2));
    QVERIFY(!limitCheck(*window)->isChecked());
    QSignalSpy finished(window.get(), &MainWindow::sessionFinished);
    clickToolButton(*window, compareAction(*window));
    QVERIFY(window->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, runTimeoutMs);

    const auto records = session(*window)->records();
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(0)->options().limit, 0);
    QCOMPARE(records.at(1)->options().limit, 2);
    QVERIFY(peakConcurrency(*records.at(1)) <= 2);

    CompareSummary *summary = compareSummary(*window);
    QCOMPARE(bottomTabs(*window)->currentWidget(), summary);
    QCOMPARE(summary->runCount(), 2);
    QVERIFY(summary->hasDifference());
    QCOMPARE(summaryTable(*window)->columnCount(), 4); // metric, unlimited, limit 2, difference
    QCOMPARE(summaryTable(*window)->horizontalHeaderItem(1)->text(), QStringLiteral("unlimited"));
    QCOMPARE(summaryTable(*window)->horizontalHeaderItem(2)->text(), QStringLiteral("limit 2"));
    QCOMPARE(summary->cellText(CompareSummary::PredictedRow, 0), QStringLiteral("8 s"));
    QCOMPARE(summary->cellText(CompareSummary::PredictedRow, 1), QStringLiteral("12 s"));
    QCOMPARE(summary->cellText(CompareSummary::PredictedRow, 2), QStringLiteral("+4 s  (+50 %)"));
    QCOMPARE(summary->cellText(CompareSummary::SerialRow, 0), QStringLiteral("21 s"));
    QCOMPARE(summary->cellText(CompareSummary::PeakRow, 1), QStringLiteral("2"));
    QVERIFY(summary->cellText(CompareSummary::PeakRow, 0).toInt() > 2);
    QVERIFY(summary->cellText(CompareSummary::MakespanRow, 2).startsWith(QLatin1Char('+')));
    QVERIFY(summary->headline().startsWith(QStringLiteral("limit 2 took")));

    QCOMPARE(resultsPanel(*window)->runCount(), 2);
    QCOMPARE(resultsPanel(*window)->resultsText(0), QStringLiteral("results: [5, 1, 8, 3, 4]"));
    QCOMPARE(resultsPanel(*window)->resultsText(1), QStringLiteral("results: [5, 1, 8, 3, 4]"));
    QVERIFY(logPanel(*window)->text().contains(QStringLiteral("=== unlimited ===")));
    QVERIFY(logPanel(*window)->text().contains(QStringLiteral("=== limit 2 ===")));
    QCOMPARE(progressText(*window), QStringLiteral("10 / 10 done"));
}

void tst_MainWindow::summaryHeadlineIsWholeInAShortWindow()
{
    // At 1024x700 the panel under the timeline is short: the comparison's headline (two lines at
    // that width) is shown whole, and the panel scrolls to the table below it.
    GuiOptions options;
    options.windowSize = QSize(1024, 700);
    const auto window = makeWindow(options);
    setFastScale(*window);
    QSignalSpy finished(window.get(), &MainWindow::sessionFinished);
    clickToolButton(*window, compareAction(*window));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, runTimeoutMs);
    QCoreApplication::processEvents();
    const QLabel *headline = window->findChild<QLabel *>(QStringLiteral("summaryHeadline"));
    QVERIFY(headline);
    QVERIFY(headline->isVisible());
    const int needed = headline->heightForWidth(headline->width());
    QVERIFY2(needed > headline->fontMetrics().height(), "the headline fits on one line");
    QVERIFY2(headline->height() >= needed,
             qPrintable(u"%1 px of %2"_s.arg(headline->height()).arg(needed)));
    // Nothing of the summary squeezed: the table is as tall as its rows.
    QTableWidget *table = summaryTable(*window);
    QCOMPARE(table->height(), table->maximumHeight());
}

void tst_MainWindow::exportCsv()
{
    const auto window = makeWindow();
    setFastScale(*window);
    QString error;
    QVERIFY(!fileActions(*window)->exportCsv(m_dir->filePath(QStringLiteral("none.csv")), &error));
    QVERIFY(error.contains(QStringLiteral("run")));

    QVERIFY(window->startRun(true));
    QTRY_VERIFY_WITH_TIMEOUT(!window->isRunning(), runTimeoutMs);
    const QString path = m_dir->filePath(QStringLiteral("runs.csv"));
    QVERIFY2(fileActions(*window)->exportCsv(path, &error), qPrintable(error));

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
    QVERIFY(rows.at(0).startsWith("unlimited,1,5 s,sleep,,,5,,,0.01,5,fifo,"));
    QVERIFY(rows.at(4).startsWith("unlimited,5,4 s,sleep,,,4,"));
    QVERIFY(rows.at(5).startsWith("limit-2,1,5 s,sleep,,,5,"));
    for (const QByteArray &row : rows)
        QVERIFY2(row.contains(",ok,"), row.constData());

    // A path that cannot be written: an error, and nothing else changes.
    QVERIFY(!fileActions(*window)->exportCsv(
            m_dir->filePath(QStringLiteral("missing/dir/runs.csv")), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(QFile::exists(path));
}

void tst_MainWindow::invalidInputDisablesRun()
{
    const auto window = makeWindow();
    TaskEditor *editor = taskEditor(*window);
    typeDurations(*window, QStringLiteral("5,x,1"));
    QVERIFY(!runAction(*window)->isEnabled());
    QVERIFY(!compareAction(*window)->isEnabled());
    QVERIFY(!editor->isValid());

    // The reason is visible twice: under the field and in the message line below the table.
    auto *fieldError = editor->findChild<QLabel *>(QStringLiteral("durationsError"));
    QVERIFY(fieldError);
    QVERIFY(fieldError->isVisible());
    QVERIFY2(fieldError->text().contains(QStringLiteral("Item 2 \"x\"")),
             qPrintable(fieldError->text()));
    QVERIFY(problemLabel(*window)->isVisible());
    QVERIFY(problemLabel(*window)->text().contains(QStringLiteral("\"x\"")));
    QVERIFY(runAction(*window)->toolTip().contains(QStringLiteral("\"x\"")));
    QVERIFY(!window->startRun(false));

    // Clicking the disabled Run button does nothing.
    clickToolButton(*window, runAction(*window));
    QVERIFY(!window->isRunning());

    typeDurations(*window, QStringLiteral("5,2,1"));
    QVERIFY(runAction(*window)->isEnabled());
    QVERIFY(!fieldError->isVisible());
    QVERIFY(!problemLabel(*window)->isVisible());
    QCOMPARE(editor->model()->rowCount(), 3);
}

void tst_MainWindow::invalidCellDisablesRun()
{
    const auto window = makeWindow();
    TaskEditor *editor = taskEditor(*window);
    QTableView *table = taskTable(*window);
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
    QVERIFY(!runAction(*window)->isEnabled());
    QVERIFY(problemLabel(*window)->isVisible());
    QVERIFY2(editor->problem().contains(QStringLiteral("Task 2")), qPrintable(editor->problem()));
    QVERIFY(editor->problem().contains(QStringLiteral("negative")));
    QVERIFY(cell.data(Qt::BackgroundRole).isValid());
    QCOMPARE(durationsEdit(*window)->text(), QStringLiteral("5,-3,8,3,4"));

    QVERIFY(editor->model()->setData(cell, QStringLiteral("3")));
    QVERIFY(runAction(*window)->isEnabled());
    QCOMPARE(durationsEdit(*window)->text(), QStringLiteral("5,3,8,3,4"));

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
    QCOMPARE(session(*window)->records().constFirst()->task(1).duration, 7.0);
    QTRY_VERIFY_WITH_TIMEOUT(!window->isRunning(), runTimeoutMs);
}

// Remove takes the selected rows away a run of adjacent rows at a time: each removal recounts
// the tasks and revalidates the window, so a whole table is one removal, not one per row.
void tst_MainWindow::removeTakesAdjacentRowsAtOnce()
{
    const auto window = makeWindow();
    TaskEditor *editor = taskEditor(*window);
    TaskModel *model = editor->model();
    QTableView *table = taskTable(*window);
    typeDurations(*window, QStringLiteral("1,2,3,4,5,6,7,8"));
    QCOMPARE(model->rowCount(), 8);
    const int last = TaskModel::ColumnCount - 1;
    QItemSelection chosen(model->index(1, 0), model->index(3, last));
    chosen.select(model->index(6, 0), model->index(6, last));
    table->selectionModel()->select(chosen, QItemSelectionModel::ClearAndSelect);
    QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
    editor->removeAction()->trigger();
    QCOMPARE(removed.count(), 2);
    QCOMPARE(durationsEdit(*window)->text(), QStringLiteral("1,5,6,8"));

    table->selectAll();
    removed.clear();
    editor->removeAction()->trigger();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model->rowCount(), 0);
}

void tst_MainWindow::selectionFollowsAcrossViews()
{
    const auto window = makeWindow();
    setFastScale(*window);
    QVERIFY(window->startRun(false));
    QTRY_VERIFY_WITH_TIMEOUT(!window->isRunning(), runTimeoutMs);

    // A click in the timeline selects the task in the table, the log and the results.
    Q_EMIT timelineView(*window)->taskSelected(0, 2);
    QCOMPARE(taskEditor(*window)->currentTask(), 2);
    QCOMPARE(logView(*window)->extraSelections().size(), 2); // start and finish
    const QModelIndexList selected = resultsTable(*window)->selectionModel()->selectedIndexes();
    QVERIFY(!selected.isEmpty());
    QCOMPARE(selected.constFirst().row(), 2);

    // And a row selected in the table selects it in the timeline.
    taskTable(*window)->setCurrentIndex(
            taskEditor(*window)->model()->index(4, TaskModel::LabelColumn));
    QCOMPARE(timelineView(*window)->selectedTask(), 4);
    QCOMPARE(timelineView(*window)->selectedRun(), 0);

    // A log line selects its task as well.
    Q_EMIT logPanel(*window)->taskSelected(0, 1);
    QCOMPARE(taskEditor(*window)->currentTask(), 1);
    QCOMPARE(timelineView(*window)->selectedTask(), 1);
}

void tst_MainWindow::settingsAreRemembered()
{
    {
        const auto window = makeWindow();
        typeDurations(*window, QStringLiteral("3,2"));
        taskEditor(*window)->model()->setData(
                taskEditor(*window)->model()->index(0, TaskModel::LabelColumn),
                QStringLiteral("first"));
        limitSpin(*window)->setValue(4);
        limitCheck(*window)->setChecked(false);
        window->setTimeScale(0.1);
        window->resize(1200, 800);
        window->close();
    }
    const auto window = makeWindow();
    QCOMPARE(durationsEdit(*window)->text(), QStringLiteral("3,2"));
    QCOMPARE(taskEditor(*window)->model()->task(0).label(), QStringLiteral("first"));
    QCOMPARE(limitSpin(*window)->value(), 4);
    QVERIFY(!limitCheck(*window)->isChecked());
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
    QCOMPARE(durationsEdit(*window)->text(), QStringLiteral("1,2,3"));
    QCOMPARE(limitSpin(*window)->value(), 3);
    QCOMPARE(window->timeScale(), 0.2);
    QCOMPARE(timeScaleCombo(*window)->currentText(), QStringLiteral("1 s = 200 ms"));

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
    QCOMPARE(timelineView(*window)->laneMode(), TimelineLaneMode::Workers);
    QVERIFY(workers->isChecked());
    // A change made in the view itself (its own shortcut) shows in the toolbar and menu.
    timelineView(*window)->setLaneMode(TimelineLaneMode::Tasks);
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
    TaskModel *model = taskEditor(*window)->model();
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->index(1, TaskModel::KindColumn).data().toString(), QStringLiteral("http"));
    QCOMPARE(model->index(1, TaskModel::LabelColumn).data().toString(),
             QStringLiteral("global ip"));
    QVERIFY(model->index(1, TaskModel::KindColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("local:/ip")));
    QVERIFY(taskEditor(*window)->isValid());
    QVERIFY(!limitCheck(*window)->isChecked());
    QVERIFY(window->windowTitle().startsWith(QStringLiteral("gather-results")));

    setFastScale(*window);
    QVERIFY(window->startRun(false));
    QTRY_VERIFY_WITH_TIMEOUT(!window->isRunning(), runTimeoutMs);
    // The 1 s sleep completes before the 10 s sleep (where the request falls depends on the
    // machine); gather's list is still in submission order, the IP in the middle.
    const QString results = resultsPanel(*window)->resultsText(0);
    QVERIFY2(results.startsWith(QStringLiteral("results: [10, \""))
                     && results.endsWith(QStringLiteral("\", 1]")),
             qPrintable(results));
    const QString completion = resultsPanel(*window)->completionText(0);
    QVERIFY2(completion.startsWith(u"completion order: ["_s)
                     && completion.indexOf(u'3') < completion.indexOf(u'1'),
             qPrintable(completion));
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
    QCOMPARE(durationsEdit(*window)->text(), QStringLiteral("2,6"));
    QCOMPARE(taskEditor(*window)->model()->task(0).label(), QStringLiteral("two"));
    QCOMPARE(limitSpin(*window)->value(), 3);
    QVERIFY(limitCheck(*window)->isChecked());
    QCOMPARE(window->timeScale(), 0.5);
    QVERIFY(window->windowTitle().contains(QStringLiteral("mine.json")));

    // Options override the file; a missing run or scenario is named for the window to show.
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
             GuiCommandLine::Outcome::Run);
    QVERIFY(bad.fileError.contains(QStringLiteral("x.csv"))); // a run (CSV) that does not exist
    GuiOptions none;
    QCOMPARE(GuiCommandLine::parse(
                     {QStringLiteral("tasklanes"), m_dir->filePath(QStringLiteral("none.json"))},
                     &none, &message),
             GuiCommandLine::Outcome::Run);
    QVERIFY(none.fileError.contains(QStringLiteral("none.json")));
    QVERIFY(!none.tasks);
}

void tst_MainWindow::stopCancelsAtOnce()
{
    const auto window = makeWindow();
    typeDurations(*window, QStringLiteral("60,60,60"));
    window->setTimeScale(1.0);
    QVERIFY(window->startRun(false));
    QTRY_VERIFY_WITH_TIMEOUT(concurrencyText(*window).startsWith(QStringLiteral("2 running")),
                             runTimeoutMs);
    window->activateWindow();
    QTest::keyClick(window.get(), Qt::Key_Escape);
    if (window->isRunning() && !session(*window)->wasCancelled())
        stopAction(*window)->trigger(); // no active window on this platform: the action itself
    QTRY_VERIFY_WITH_TIMEOUT(!window->isRunning(), runTimeoutMs);
    // Stopped, not run out: every task is cancelled, and the run ended long before a task could
    // have finished on its own (no wall-clock bound, which a loaded machine can break).
    const RunRecord &record = *session(*window)->records().constFirst();
    QVERIFY(record.isComplete());
    for (qsizetype i = 0; i < record.taskCount(); ++i) {
        QCOMPARE(record.status(i), TaskStatus::Cancelled);
        QVERIFY(record.toScenarioSeconds(record.sample(i).finishedNs) < 60.0);
    }
    QVERIFY(logPanel(*window)->text().contains(QStringLiteral("stopped")));
    QVERIFY(runAction(*window)->isEnabled());
}

void tst_MainWindow::closeDuringRunCancelsIt()
{
    auto window = makeWindow();
    typeDurations(*window, QStringLiteral("100,100,100,100"));
    window->setTimeScale(1.0);
    QVERIFY(window->startRun(true));
    QTRY_VERIFY_WITH_TIMEOUT(concurrencyText(*window).startsWith(QStringLiteral("4 running")),
                             runTimeoutMs);
    const auto records = session(*window)->records();
    QCOMPARE(records.size(), 1);
    QVERIFY(window->close());
    window.reset(); // joins the run's threads
    // Closing cancelled the run rather than waiting for it: every task ended cancelled, before
    // it could have run its 100 s, and the comparison's second run never started.
    const RunRecord &record = *records.constFirst();
    QVERIFY(record.isComplete());
    for (qsizetype i = 0; i < record.taskCount(); ++i) {
        QCOMPARE(record.status(i), TaskStatus::Cancelled);
        QVERIFY(record.toScenarioSeconds(record.sample(i).finishedNs) < 100.0);
    }
}

void tst_MainWindow::hugeRunCapsTheLog()
{
    const auto window = makeWindow();
    QList<Task> tasks(6000);
    for (Task &task : tasks)
        task.duration = 0;
    taskEditor(*window)->setTasks(tasks);
    QVERIFY(window->startRun(false));
    QTRY_VERIFY_WITH_TIMEOUT(!window->isRunning(), runTimeoutMs);
    LogPanel *log = logPanel(*window);
    QVERIFY(log->isTruncated());
    QCOMPARE(log->lineCount(), LogPanel::maxLines + 1); // the lines and the note
    QVERIFY(log->text().contains(QStringLiteral("export CSV")));
    QCOMPARE(progressText(*window), QStringLiteral("6,000 / 6,000 done"));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
