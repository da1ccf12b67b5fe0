#include "mainwindow.h"
#include "mainwindowparts.h"
#include "replaybar.h"
#include "resultspanel.h"
#include "runrecord.h"
#include "runsession.h"
#include "timelineview.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace MainWindowParts;
using namespace Qt::StringLiterals;

// Issue 14: a finished or opened run replays. The bar under the timeline scrubs the now line, and
// the timeline, the status bar's counts and the Results tab show the runs at that instant; Space
// plays and pauses; the end brings back the finished runs exactly as they were.
class tst_MainWindowReplay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void scrubShowsTheRunsAtThatInstant();
    void spacePlaysAndEndRestores();
    void playsToTheEndByItself();
    void runningHidesTheBar();
    void positionEmitsOncePerChange();
    void dragHoldsPlayback();
    // For looking at it: TASKLANES_REPLAY_SHOTS=folder saves the window at several instants of a
    // replayed comparison, light and dark (run it under xvfb-run with QT_QPA_PLATFORM=xcb).
    void screenshots_data();
    void screenshots();

private:
    std::unique_ptr<MainWindow> openedRun();

    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {

constexpr double timeScale = 0.01;

// The article's 5, 1, 8, 3, 4 under a limit of 2, as its ideal schedule ran: submitted at 0; task
// 2 (1 s) ends first and task 3 takes its slot; tasks 1, 4 and 5 follow on the other.
std::shared_ptr<const RunRecord> articleRun()
{
    Scenario s;
    for (const double d : {5.0, 1.0, 8.0, 3.0, 4.0}) {
        Task t;
        t.duration = d;
        s.tasks.append(t);
    }
    s.options.limit = 2;
    s.options.timeScale = timeScale;
    auto record = std::make_shared<RunRecord>(s);
    const auto ns = [](double seconds) { return qint64(seconds * timeScale * 1e9); };
    for (int i = 0; i < 5; ++i)
        record->markSubmitted(i, 0);
    // In time order, as the pool threads would write it.
    record->markStarted(0, ns(0), 1);
    record->markStarted(1, ns(0), 2);
    record->markFinished(1, ns(1), TaskStatus::Ok);
    record->markStarted(2, ns(1), 2);
    record->markFinished(0, ns(5), TaskStatus::Ok);
    record->markStarted(3, ns(5), 1);
    record->markFinished(3, ns(8), TaskStatus::Ok);
    record->markStarted(4, ns(8), 1);
    record->markFinished(2, ns(9), TaskStatus::Ok);
    record->markFinished(4, ns(12), TaskStatus::Ok);
    record->publishEvents();
    return record;
}

ReplayBar *replayBar(const QObject &w)
{
    return part<ReplayBar>(w, "replayBar");
}

const RunRecord *shownRun(const QObject &w)
{
    const auto runs = timelineView(w)->renderOptions().runs;
    return runs.isEmpty() ? nullptr : runs.first().get();
}

} // namespace

void tst_MainWindowReplay::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<MainWindow> tst_MainWindowReplay::openedRun()
{
    GuiOptions options;
    options.runs = {articleRun()};
    options.runPath = m_dir->filePath(u"article.csv"_s);
    options.windowSize = QSize(1024, 700);
    auto window = showWindow(*m_dir, options);
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("window not active");
    return window;
}

void tst_MainWindowReplay::scrubShowsTheRunsAtThatInstant()
{
    const auto window = openedRun();
    const RunRecord *finished = session(*window)->records().first().get();
    QVERIFY(replayBar(*window)->isVisible());
    QCOMPARE(shownRun(*window), finished);
    QCOMPARE(concurrencyText(*window), u"0 running \u00b7 0 waiting"_s);

    // 3 s: tasks 1 and 3 run, 4 and 5 wait, 2 is done.
    window->seekReplay(3.0);
    const RunRecord *replayed = shownRun(*window);
    QVERIFY(replayed && replayed != finished);
    QVERIFY(!replayed->isComplete());
    QCOMPARE(replayed->finishedCount(), 1);
    const TimelineRenderOptions o = timelineView(*window)->renderOptions();
    QCOMPARE(o.liveNowNs, qint64(3.0 * timeScale * 1e9));
    QCOMPARE(concurrencyText(*window), u"2 running \u00b7 2 waiting"_s);
    QCOMPARE(progressText(*window), u"1 / 5 done"_s);
    QCOMPARE(elapsedText(*window), u"t = 3.00 s"_s);
    QCOMPARE(resultsPanel(*window)->completionText(0), u"completion order: [2]"_s);
    QVERIFY2(resultsPanel(*window)->resultsText(0).startsWith(u"results: [None, 1"_s),
             qPrintable(resultsPanel(*window)->resultsText(0)));
    QCOMPARE(part<QLabel>(*window, "replayTimeLabel")->text(), u"3.0 s of 12.0 s"_s);

    // Back to 0.5 s (a rebuild): tasks 1 and 2 run, the other three wait.
    window->seekReplay(0.5);
    QCOMPARE(concurrencyText(*window), u"2 running \u00b7 3 waiting"_s);
    QCOMPARE(progressText(*window), u"0 / 5 done"_s);
    QCOMPARE(resultsPanel(*window)->completionText(0), u"completion order: []"_s);

    // Forward to 10 s: 4 and 3 ended too; 5 runs alone.
    window->seekReplay(10.0);
    QCOMPARE(concurrencyText(*window), u"1 running \u00b7 0 waiting"_s);
    QCOMPARE(progressText(*window), u"4 / 5 done"_s);
    QCOMPARE(resultsPanel(*window)->completionText(0), u"completion order: [2, 1, 4, 3]"_s);

    // The slider drags the same way (one seek per turn of the event loop).
    auto *slider = part<QSlider>(*window, "replaySlider");
    slider->setValue(slider->maximum() / 4); // 3 s
    QTRY_COMPARE(concurrencyText(*window), u"2 running \u00b7 2 waiting"_s);
}

void tst_MainWindowReplay::spacePlaysAndEndRestores()
{
    const auto window = openedRun();
    TimelineView *timeline = timelineView(*window);
    const RunRecord *finished = shownRun(*window);
    const QImage before = timeline->grab().toImage();
    const QString resultsBefore = resultsPanel(*window)->completionText(0);

    window->seekReplay(3.0);
    QVERIFY(shownRun(*window) != finished);
    ReplayBar *bar = replayBar(*window);
    timeline->setFocus();
    QVERIFY(!bar->isPlaying());
    QTest::keyClick(timeline, Qt::Key_Space);
    QVERIFY(bar->isPlaying());
    QCOMPARE(part<QToolButton>(*window, "replayPlayButton")->accessibleName(), u"Pause"_s);
    QTest::keyClick(timeline, Qt::Key_Space);
    QVERIFY(!bar->isPlaying());
    QCOMPARE(part<QToolButton>(*window, "replayPlayButton")->accessibleName(), u"Play"_s);

    // Space in the task editor's fields stays theirs.
    durationsEdit(*window)->setFocus();
    QTest::keyClick(durationsEdit(*window), Qt::Key_Space);
    QVERIFY(!bar->isPlaying());

    // End: the finished run again, pixel for pixel.
    QTest::mouseClick(part<QToolButton>(*window, "replayEndButton"), Qt::LeftButton);
    QCOMPARE(shownRun(*window), finished);
    QCOMPARE(timeline->renderOptions().liveNowNs, -1);
    QCOMPARE(resultsPanel(*window)->completionText(0), resultsBefore);
    QCOMPARE(concurrencyText(*window), u"0 running \u00b7 0 waiting"_s);
    QCOMPARE(progressText(*window), u"5 / 5 done"_s);
    QCOMPARE(timeline->grab().toImage(), before);

    // Home, then End on the slider's keys.
    auto *slider = part<QSlider>(*window, "replaySlider");
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Home);
    QTRY_VERIFY(shownRun(*window) != finished);
    QTRY_COMPARE(concurrencyText(*window), u"2 running \u00b7 3 waiting"_s);
    QTest::keyClick(slider, Qt::Key_End);
    QTRY_COMPARE(shownRun(*window), finished);
    QCOMPARE(timeline->grab().toImage(), before);
}

void tst_MainWindowReplay::playsToTheEndByItself()
{
    const auto window = openedRun();
    const RunRecord *finished = shownRun(*window);
    auto *speed = part<QComboBox>(*window, "replaySpeedCombo");
    speed->setCurrentIndex(speed->findData(100.0));
    QCOMPARE(replayBar(*window)->speed(), 100.0);
    QTest::mouseClick(part<QToolButton>(*window, "replayStartButton"), Qt::LeftButton);
    QVERIFY(shownRun(*window) != finished);
    QCOMPARE(concurrencyText(*window), u"2 running \u00b7 3 waiting"_s);
    QTest::mouseClick(part<QToolButton>(*window, "replayPlayButton"), Qt::LeftButton);
    QVERIFY(replayBar(*window)->isPlaying());
    QTRY_COMPARE_WITH_TIMEOUT(shownRun(*window), finished, 30000);
    QVERIFY(!replayBar(*window)->isPlaying());
    QCOMPARE(progressText(*window), u"5 / 5 done"_s);
    QCOMPARE(part<QLabel>(*window, "replayTimeLabel")->text(), u"12.0 s of 12.0 s"_s);
}

void tst_MainWindowReplay::runningHidesTheBar()
{
    const auto window = openedRun();
    window->seekReplay(3.0);
    window->setTimeScale(0.01);
    QVERIFY(window->startRun(false));
    QVERIFY(!replayBar(*window)->isVisible());
    // The Results tab follows the new run, not the replay.
    QCOMPARE(resultsPanel(*window)->runCount(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!window->isRunning(), 60000);
    QTRY_VERIFY(replayBar(*window)->isVisible());
    QVERIFY(shownRun(*window)->isComplete());
    window->seekReplay(0.0);
    QVERIFY(!shownRun(*window)->isComplete());
}

void tst_MainWindowReplay::positionEmitsOncePerChange()
{
    const auto window = openedRun();
    ReplayBar *bar = replayBar(*window);
    QSignalSpy spy(bar, &ReplayBar::positionChanged);
    bar->setPosition(bar->endNs() / 2);
    bar->setPosition(bar->endNs() / 2);
    QCOMPARE(spy.count(), 1);
    bar->setPosition(bar->endNs() * 2); // clamped to the end
    QCOMPARE(spy.count(), 2);
    QCOMPARE(bar->position(), bar->endNs());
    bar->setPosition(bar->endNs());
    QCOMPARE(spy.count(), 2);
}

void tst_MainWindowReplay::dragHoldsPlayback()
{
    const auto window = openedRun();
    ReplayBar *bar = replayBar(*window);
    bar->setSpeed(0.1);
    bar->toStart();
    bar->play();
    auto *slider = part<QSlider>(*window, "replaySlider");
    slider->setSliderDown(true); // the handle is held
    QVERIFY(!bar->isPlaying());
    slider->setValue(slider->maximum() / 2);
    QTRY_COMPARE(concurrencyText(*window), u"2 running \u00b7 1 waiting"_s); // 6 s
    slider->setSliderDown(false);
    QVERIFY(bar->isPlaying());
    bar->pause();
}

void tst_MainWindowReplay::screenshots_data()
{
    QTest::addColumn<QString>("theme");
    QTest::newRow("light") << u"light"_s;
    QTest::newRow("dark") << u"dark"_s;
}

void tst_MainWindowReplay::screenshots()
{
    const QString folder = qEnvironmentVariable("TASKLANES_REPLAY_SHOTS");
    if (folder.isEmpty())
        QSKIP("TASKLANES_REPLAY_SHOTS is not set");
    QFETCH(QString, theme);
    GuiOptions options;
    QString message;
    QCOMPARE(
            GuiCommandLine::parse({u"tasklanes"_s, u"--durations"_s, u"5,1,8,3,4"_s, u"--limit"_s,
                                   u"2"_s, u"--compare"_s, u"--time-scale"_s, u"0.02"_s,
                                   u"--autorun"_s, u"--theme"_s, theme, u"--size"_s, u"1024x700"_s},
                                  &options, &message),
            GuiCommandLine::Outcome::Run);
    const auto window = showWindow(*m_dir, options);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(replayBar(*window)->isVisible(), 60000);
    const auto save = [&](const QString &name) {
        QCoreApplication::processEvents();
        const QString path = QDir(folder).filePath(u"replay-%1-%2.png"_s.arg(theme, name));
        QVERIFY(window->grab().save(path));
        qInfo("%s", qPrintable(path));
    };
    save(u"finished"_s);
    for (const double t : {0.5, 3.0, 6.0, 10.0}) {
        window->seekReplay(t);
        save(u"at-%1s"_s.arg(t));
    }
    window->seekReplay(3.0);
    bottomTabs(*window)->setCurrentWidget(resultsPanel(*window));
    save(u"results-at-3s"_s);
    bottomTabs(*window)->setCurrentIndex(0);
    window->seekReplay(10.0);
    timelineView(*window)->setFocus();
    QTest::keyClick(timelineView(*window), Qt::Key_Space);
    QVERIFY(replayBar(*window)->isPlaying());
    QTest::qWait(1500);
    save(u"playing"_s);
    QTest::keyClick(timelineView(*window), Qt::Key_Space);
    window->seekReplay(6.0);
    timelineView(*window)->setLaneMode(TimelineLaneMode::Workers);
    save(u"workers-at-6s"_s);
    timelineView(*window)->setLaneMode(TimelineLaneMode::Tasks);
    QTest::mouseClick(part<QToolButton>(*window, "replayEndButton"), Qt::LeftButton);
    save(u"end"_s);
}

QTEST_MAIN(tst_MainWindowReplay)
#include "tst_mainwindowreplay.moc"
