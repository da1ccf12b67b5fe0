// Sweep and schedule advisor in the main window, driven as a user does: the limits field and
// Predict only, the Sweep button, the chart's points, "Run limit N", Stop, and Reorder longest
// first under the task editor.
#include "mainwindowparts.h"
#include "runrecord.h"
#include "schedule.h"
#include "sweep.h"

#include <QSignalSpy>
#include <QStatusBar>

using namespace MainWindowParts;

namespace {

constexpr int runTimeoutMs = 60000;

QList<double> durationsOf(const QList<Task> &tasks)
{
    QList<double> out;
    for (const Task &t : tasks)
        out << t.duration;
    return out;
}

GuiOptions articleOptions(double timeScale = 0.01)
{
    GuiOptions options;
    QString error;
    options.tasks = *ScenarioParser::parseDurations(u"5,1,8,3,4", &error);
    options.limit = 2;
    options.timeScale = timeScale;
    return options;
}

} // namespace

class tst_MainWindowSweep : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void advisorShowsTheThreeFigures();
    void reorderPutsTheLongestFirst();
    void advisorFollowsTheLimit();
    void badLimitsAreNamedInline();
    void predictedSweepChoosesALimit();
    void sweepChartGetsRoomInAShortWindow();
    void measuredSweepRunsEachLimit();
    void stopCancelsTheSweep();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_MainWindowSweep::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_MainWindowSweep::advisorShowsTheThreeFigures()
{
    auto window = showWindow(*m_dir, articleOptions());
    QTRY_VERIFY(advisorLabel(*window)->isVisible());
    const QString text = advisorLabel(*window)->text();
    QVERIFY2(text.contains(QStringLiteral("Lower bound 10.5 s")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("longest first 11 s")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("current order 12 s")), qPrintable(text));
    QVERIFY(reorderButton(*window)->isEnabled());
}

void tst_MainWindowSweep::reorderPutsTheLongestFirst()
{
    auto window = showWindow(*m_dir, articleOptions());
    QTRY_VERIFY(reorderButton(*window)->isVisible() && reorderButton(*window)->isEnabled());
    predictOnlyCheck(*window)->setChecked(true);
    clickToolButton(*window, sweepAction(*window));
    QTest::mouseClick(reorderButton(*window), Qt::LeftButton);
    // The sweep was of the earlier order.
    QVERIFY(sweepPanel(*window)->summary().contains(QStringLiteral("tasks have changed")));
    QCOMPARE(durationsOf(taskEditor(*window)->tasks()), (QList<double>{8, 5, 4, 3, 1}));
    QCOMPARE(durationsEdit(*window)->text(), QStringLiteral("8,5,4,3,1"));
    // Now the order is the longest-first one: nothing left to gain.
    QTRY_VERIFY(advisorLabel(*window)->text().contains(QStringLiteral("current order 11 s")));
    QVERIFY(!reorderButton(*window)->isEnabled());
    // The next run uses that order.
    QCOMPARE(durationsOf(window->scenario(false).tasks), (QList<double>{8, 5, 4, 3, 1}));
}

void tst_MainWindowSweep::advisorFollowsTheLimit()
{
    auto window = showWindow(*m_dir, articleOptions());
    QTRY_VERIFY(advisorLabel(*window)->isVisible());
    limitSpin(*window)->setValue(3);
    // Limit 3: 21 s of work over 3 slots, the 8 s task at the end of the current order.
    QTRY_VERIFY2(advisorLabel(*window)->text().contains(QStringLiteral("Lower bound 8 s")),
                 qPrintable(advisorLabel(*window)->text()));
    // Unlimited: nothing to advise.
    limitCheck(*window)->setChecked(false);
    QTRY_VERIFY(!advisorLabel(*window)->isVisible());
    limitCheck(*window)->setChecked(true);
    QTRY_VERIFY(advisorLabel(*window)->isVisible());
}

void tst_MainWindowSweep::badLimitsAreNamedInline()
{
    auto window = showWindow(*m_dir, articleOptions());
    QLineEdit *edit = sweepLimitsEdit(*window);
    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("1,x,4"));
    QVERIFY(sweepLimitsError(*window)->isVisible());
    QVERIFY2(sweepLimitsError(*window)->text().contains(QLatin1Char('x')),
             qPrintable(sweepLimitsError(*window)->text()));
    QVERIFY(!sweepAction(*window)->isEnabled());
    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("1..4"));
    QVERIFY(!sweepLimitsError(*window)->isVisible());
    QVERIFY(sweepAction(*window)->isEnabled());
}

void tst_MainWindowSweep::predictedSweepChoosesALimit()
{
    auto window = showWindow(*m_dir, articleOptions());
    sweepLimitsEdit(*window)->setText(QStringLiteral("1..5"));
    predictOnlyCheck(*window)->setChecked(true);
    clickToolButton(*window, sweepAction(*window));

    // At once: every limit's prediction, the Sweep tab in front.
    SweepView *view = sweepView(*window);
    QCOMPARE(view->points().size(), 5);
    QCOMPARE(bottomTabs(*window)->currentWidget(), sweepPanel(*window));
    QVERIFY(!window->isRunning());
    const Scenario scenario = window->scenario(false);
    QCOMPARE(view->bestLimit(), Sweep::bestLimit(Sweep::predict(scenario, {1, 2, 3, 4, 5})));
    QCOMPARE(view->points().at(1).makespan, 12.0); // limit 2: the article's 12 s
    QVERIFY(view->points().at(0).predicted);
    QVERIFY(runChosenLimitButton(*window)->isVisible());
    QVERIFY(!runChosenLimitButton(*window)->isEnabled()); // until a limit is chosen

    // Choosing limit 3 on the chart sets the limit and shows its predicted schedule.
    QTest::mouseClick(view, Qt::LeftButton, {}, view->pointPosition(3));
    QCOMPARE(limitSpin(*window)->value(), 3);
    QVERIFY(limitCheck(*window)->isChecked());
    const TimelineRenderOptions shown = timelineView(*window)->renderOptions();
    QCOMPARE(shown.runs.size(), 1);
    QCOMPARE(shown.runs.at(0)->options().limit, 3);
    QCOMPARE(shown.predictions.size(), 1);
    Scenario three = scenario;
    three.options.limit = 3;
    QCOMPARE(shown.predictions.at(0).makespan,
             predictSchedule(three.tasks, three.options).makespan);
    QVERIFY(runChosenLimitButton(*window)->isEnabled());
    QVERIFY(runChosenLimitButton(*window)->text().contains(QLatin1Char('3')));
    QVERIFY(!sweepPanel(*window)->summary().contains(QStringLiteral("changed")));

    // "Run limit 3" runs it for real.
    QSignalSpy finished(window.get(), &MainWindow::sessionFinished);
    QTest::mouseClick(runChosenLimitButton(*window), Qt::LeftButton);
    QVERIFY(window->isRunning());
    QVERIFY(finished.wait(runTimeoutMs));
    const auto records = session(*window)->records();
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.at(0)->options().limit, 3);
    QVERIFY(records.at(0)->isComplete());
}

void tst_MainWindowSweep::sweepChartGetsRoomInAShortWindow()
{
    // At 1024x700 the panels under the timeline were ~90 px tall and the sweep's chart ~40 px of
    // it, too little to read: a sweep makes room for the chart, up to half the column.
    GuiOptions options = articleOptions();
    options.windowSize = QSize(1024, 700);
    auto window = showWindow(*m_dir, options);
    SweepView *view = sweepView(*window);
    QVERIFY2(view->height() < view->minimumSizeHint().height(),
             "the chart had its room before the sweep: the check below proves nothing");
    sweepLimitsEdit(*window)->setText(QStringLiteral("1..8"));
    predictOnlyCheck(*window)->setChecked(true);
    clickToolButton(*window, sweepAction(*window));
    QCOMPARE(bottomTabs(*window)->currentWidget(), sweepPanel(*window));
    QCoreApplication::processEvents();
    QVERIFY2(view->height() >= view->minimumSizeHint().height(),
             qPrintable(QStringLiteral("%1 px of %2")
                                .arg(view->height())
                                .arg(view->minimumSizeHint().height())));
    QVERIFY(timelineView(*window)->height() > 200);
}

void tst_MainWindowSweep::measuredSweepRunsEachLimit()
{
    auto window = showWindow(*m_dir, articleOptions(0.01));
    sweepLimitsEdit(*window)->setText(QStringLiteral("2,5"));
    predictOnlyCheck(*window)->setChecked(false);
    QSignalSpy finished(sweepController(*window), &SweepController::finished);
    QSignalSpy started(sweepController(*window), &SweepController::limitStarted);
    clickToolButton(*window, sweepAction(*window));
    QVERIFY(window->isRunning());
    QVERIFY(stopAction(*window)->isEnabled());
    QVERIFY(!runAction(*window)->isEnabled());
    QVERIFY(!sweepAction(*window)->isEnabled());
    QVERIFY(finished.wait(runTimeoutMs));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(started.count(), 2);
    SweepView *view = sweepView(*window);
    QCOMPARE(view->points().size(), 2);
    QCOMPARE(view->points().at(0).limit, 2);
    QVERIFY(!view->points().at(0).predicted);
    // Measured at 10 ms per second: at least the ideal 12 s at limit 2.
    QVERIFY(view->points().at(0).makespan >= 11.9);
    QVERIFY(view->points().at(0).predictedMakespan > 0);
    QVERIFY(!window->isRunning());
    QVERIFY(runAction(*window)->isEnabled());
    QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("best limit")));
    // The timeline shows the last limit's run.
    const TimelineRenderOptions shown = timelineView(*window)->renderOptions();
    QCOMPARE(shown.runs.size(), 1);
    QCOMPARE(shown.runs.at(0)->options().limit, 5);
}

void tst_MainWindowSweep::stopCancelsTheSweep()
{
    auto window = showWindow(*m_dir, articleOptions(0.1));
    sweepLimitsEdit(*window)->setText(QStringLiteral("1..4"));
    QSignalSpy finished(sweepController(*window), &SweepController::finished);
    QSignalSpy started(sweepController(*window), &SweepController::limitStarted);
    clickToolButton(*window, sweepAction(*window));
    QTRY_VERIFY(started.count() >= 1);
    QVERIFY2(window->statusBar()->currentMessage().contains(QStringLiteral("limit 1 (1 of 4)")),
             qPrintable(window->statusBar()->currentMessage()));
    clickToolButton(*window, stopAction(*window));
    QVERIFY(finished.count() == 1 || finished.wait(runTimeoutMs));
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QVERIFY(sweepView(*window)->points().size() < 4);
    QVERIFY(!window->isRunning());
    QVERIFY(sweepAction(*window)->isEnabled());
}

QTEST_MAIN(tst_MainWindowSweep)
#include "tst_mainwindowsweep.moc"
