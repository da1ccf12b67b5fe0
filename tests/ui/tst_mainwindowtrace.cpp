#include "comparesummary.h"
#include "csvexport.h"
#include "fileactions.h"
#include "mainwindow.h"
#include "mainwindowparts.h"
#include "runfile.h"
#include "runrecord.h"
#include "runsession.h"
#include "schedule.h"
#include "taskeditor.h"
#include "testrun.h"
#include "timelinerenderer.h"
#include "timelineview.h"
#include "traceexport.h"

#include <QAction>
#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEventLoop>
#include <QHelpEvent>
#include <QImage>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QToolTip>
#include <QUrl>

#include <memory>

using namespace MainWindowParts;

using namespace Qt::StringLiterals;

// The main window and recorded runs: Open Run on a CSV or a Chrome trace, drag and drop, the
// command line, "What if: limit N" beside the recorded run, Replay as Scenario, and worker lanes
// named after a trace's threads.
class tst_MainWindowTrace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void openCsvRun();
    void openTrace();
    void whatIfPredictsReplacesAndClears();
    void whatIfOnEnter();
    void whatIfHiddenWithoutFinishedRun();
    void replayAsScenario();
    void dropRunTraceAndScenario();
    void commandLine();
    void screenshotShowsTheWholeAdvice();
    void workerNamesInTooltip();

private:
    std::unique_ptr<MainWindow> makeWindow(GuiOptions options = {});
    QString writeFile(const QString &name, const QByteArray &data);
    // The run file holds a finished run the reader understands (a trace: once TraceImport reads).
    static bool readable(const QString &path);

    std::unique_ptr<QTemporaryDir> m_dir;
    QTemporaryDir m_data;
    QString m_unlimitedCsv; // the article's 5,1,8,3,4, unlimited, exact times
    QString m_longCsv; // 40 and 20 s, unlimited
    QString m_trace; // the article's unlimited run as TaskLanes writes a trace
};

namespace {

QSpinBox *whatIfSpin(const QObject &w)
{
    return part<QSpinBox>(w, "whatIfSpin");
}
QPushButton *whatIfButton(const QObject &w)
{
    return part<QPushButton>(w, "whatIfButton");
}
QPushButton *clearWhatIfButton(const QObject &w)
{
    return part<QPushButton>(w, "clearWhatIfButton");
}
QWidget *whatIfBar(const QObject &w)
{
    return part<QWidget>(w, "whatIfBar");
}

// Sends the drag and the drop of `path` to the window, as a file manager does.
bool dropFile(QWidget &window, const QString &path)
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPoint at = window.rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    return drop.isAccepted();
}

} // namespace

void tst_MainWindowTrace::initTestCase()
{
    QVERIFY(m_data.isValid());
    QString error;
    const std::shared_ptr<const RunRecord> article = idealRun({5, 1, 8, 3, 4}, 0);
    m_unlimitedCsv = m_data.filePath(u"unlimited.csv"_s);
    QVERIFY2(CsvExport::writeFile(m_unlimitedCsv, {article}, &error), qPrintable(error));
    m_longCsv = m_data.filePath(u"long.csv"_s);
    QVERIFY2(CsvExport::writeFile(m_longCsv, {idealRun({40, 20}, 0)}, &error), qPrintable(error));
    m_trace = m_data.filePath(u"unlimited-trace.json"_s);
    QVERIFY2(TraceExport::writeFile(m_trace, {article}, &error), qPrintable(error));
}

void tst_MainWindowTrace::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<MainWindow> tst_MainWindowTrace::makeWindow(GuiOptions options)
{
    return showWindow(*m_dir, std::move(options));
}

QString tst_MainWindowTrace::writeFile(const QString &name, const QByteArray &data)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(data);
    return path;
}

bool tst_MainWindowTrace::readable(const QString &path)
{
    return RunFile::sniff(path) != RunFile::Kind::Unknown;
}

void tst_MainWindowTrace::openCsvRun()
{
    const auto window = makeWindow();
    QVERIFY(!whatIfBar(*window)->isVisible());
    QString error;
    QVERIFY2(fileActions(*window)->openRun(m_unlimitedCsv, &error), qPrintable(error));
    QCOMPARE(session(*window)->records().size(), 1);
    QCOMPARE(compareSummary(*window)->runCount(), 1);
    QVERIFY2(window->windowTitle().contains(u"unlimited.csv (TaskLanes CSV)"_s),
             qPrintable(window->windowTitle()));
    // A finished run is shown: what if it had a limit?
    QVERIFY(whatIfBar(*window)->isVisible());
    QVERIFY(!clearWhatIfButton(*window)->isVisible());
    QVERIFY(action(*window, "replayAction")->isEnabled());
}

void tst_MainWindowTrace::openTrace()
{
    if (!readable(m_trace))
        QSKIP("RunFile does not read traces yet");
    const auto window = makeWindow();
    QString error;
    QVERIFY2(fileActions(*window)->openRun(m_trace, &error), qPrintable(error));
    const auto records = session(*window)->records();
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.constFirst()->taskCount(), 5);
    QVERIFY2(window->windowTitle().contains(u"(Chrome trace)"_s),
             qPrintable(window->windowTitle()));
    QVERIFY(whatIfBar(*window)->isVisible());
    QCOMPARE(recentFileList(*window), QStringList{m_trace});

    // What the reader skipped is said in the status bar and the log.
    const QString counters = writeFile(u"counters.json"_s,
                                       R"({"traceEvents": [
                {"ph": "M", "pid": 1, "tid": 7, "name": "thread_name", "args": {"name": "io"}},
                {"ph": "X", "pid": 1, "tid": 7, "ts": 0, "dur": 2000000, "name": "read",
                 "cat": "disk", "args": {"bytes": 4096}},
                {"ph": "C", "pid": 1, "ts": 0, "name": "heap", "args": {"bytes": 10}}]})");
    QVERIFY2(fileActions(*window)->openRun(counters, &error), qPrintable(error));
    QVERIFY2(window->statusBar()->currentMessage().contains(u"skipped 1 counter event"_s),
             qPrintable(window->statusBar()->currentMessage()));
    QTRY_VERIFY2(logPanel(*window)->text().contains(u"skipped 1 counter event"_s),
                 qPrintable(logPanel(*window)->text()));
    const auto opened = session(*window)->records();
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.constFirst()->workerName(1), u"1 / io"_s);
    QVERIFY(opened.constFirst()->taskDetails(0).contains(u"disk"_s));

    // A file that is neither: the dialog names the file and the problem; nothing changes.
    const QString broken = writeFile(u"broken-trace.json"_s, R"({"traceEvents": [{"ph": "X", )");
    QVERIFY(!fileActions(*window)->openRun(broken, &error));
    QVERIFY2(error.contains(u"broken-trace.json"_s), qPrintable(error));
    QVERIFY(session(*window)->records() == opened);
}

void tst_MainWindowTrace::whatIfPredictsReplacesAndClears()
{
    const auto window = makeWindow();
    QString error;
    QVERIFY2(fileActions(*window)->openRun(m_unlimitedCsv, &error), qPrintable(error));
    const auto recorded = session(*window)->records().constFirst();
    const QString title = window->windowTitle();

    whatIfSpin(*window)->setValue(2);
    QTest::mouseClick(whatIfButton(*window), Qt::LeftButton);
    auto records = session(*window)->records();
    QCOMPARE(records.size(), 2);
    QVERIFY(records.at(0) == recorded);
    QVERIFY(records.at(1)->options().origin == RunOrigin::WhatIf);
    QCOMPARE(records.at(1)->options().limit, 2);
    CompareSummary *summary = compareSummary(*window);
    QCOMPARE(summary->runCount(), 2);
    QVERIFY(summary->hasDifference());
    QCOMPARE(summary->cellText(CompareSummary::MakespanRow, 0), u"8 s"_s);
    QCOMPARE(summary->cellText(CompareSummary::MakespanRow, 1), u"12 s"_s);
    QVERIFY2(summary->headline().contains(u"what-if limit 2"_s), qPrintable(summary->headline()));
    QCOMPARE(bottomTabs(*window)->currentWidget(), summary);
    QCOMPARE(timelineView(*window)->renderOptions().runs.size(), 2);
    QCOMPARE(window->windowTitle(), title);
    QVERIFY2(window->statusBar()->currentMessage().contains(u"12 s"_s),
             qPrintable(window->statusBar()->currentMessage()));
    QVERIFY(clearWhatIfButton(*window)->isVisible());

    // Another N replaces the prediction; the recorded run stays first.
    whatIfSpin(*window)->setValue(3);
    records = session(*window)->records();
    QCOMPARE(records.size(), 2);
    QVERIFY(records.at(0) == recorded);
    QCOMPARE(records.at(1)->options().limit, 3);
    QCOMPARE(summary->cellText(CompareSummary::MakespanRow, 1), u"8 s"_s);

    // Clear: the recorded run alone.
    QTest::mouseClick(clearWhatIfButton(*window), Qt::LeftButton);
    records = session(*window)->records();
    QCOMPARE(records.size(), 1);
    QVERIFY(records.at(0) == recorded);
    QCOMPARE(summary->runCount(), 1);
    QCOMPARE(timelineView(*window)->renderOptions().runs.size(), 1);
    QVERIFY(!clearWhatIfButton(*window)->isVisible());
    QVERIFY(whatIfBar(*window)->isVisible());
    // And N alone does not predict until asked.
    whatIfSpin(*window)->setValue(4);
    QCOMPARE(session(*window)->records().size(), 1);
}

void tst_MainWindowTrace::whatIfOnEnter()
{
    const auto window = makeWindow();
    QString error;
    QVERIFY2(fileActions(*window)->openRun(m_unlimitedCsv, &error), qPrintable(error));
    QSpinBox *spin = whatIfSpin(*window);
    QApplication::setActiveWindow(window.get());
    spin->setFocus();
    QTRY_VERIFY(spin->hasFocus());
    spin->selectAll();
    QTest::keyClicks(spin, u"2"_s);
    QCOMPARE(session(*window)->records().size(), 1); // typing alone predicts nothing
    QTest::keyClick(spin, Qt::Key_Return);
    QCOMPARE(session(*window)->records().size(), 2);
    QCOMPARE(compareSummary(*window)->cellText(CompareSummary::MakespanRow, 1), u"12 s"_s);
}

void tst_MainWindowTrace::whatIfHiddenWithoutFinishedRun()
{
    const auto window = makeWindow();
    QVERIFY(!whatIfBar(*window)->isVisible());
    QVERIFY(!action(*window, "replayAction")->isEnabled());
    QString error;
    taskEditor(*window)->setTasks(*ScenarioParser::parseDurations(u"30,30", &error));
    window->setTimeScale(1.0);
    QVERIFY(window->startRun(false));
    QVERIFY(!whatIfBar(*window)->isVisible());
    window->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!window->isRunning(), 10000);

    // A run that ran here to its end is a recorded run too.
    taskEditor(*window)->setTasks(*ScenarioParser::parseDurations(u"5,1,8,3,4", &error));
    window->setTimeScale(0.01);
    QSignalSpy done(window.get(), &MainWindow::sessionFinished);
    QVERIFY(window->startRun(false));
    QVERIFY(done.wait(30000));
    QVERIFY(whatIfBar(*window)->isVisible());
    whatIfSpin(*window)->setValue(2);
    QTest::mouseClick(whatIfButton(*window), Qt::LeftButton);
    QCOMPARE(session(*window)->records().size(), 2);
    // Measured durations are never shorter than asked: at least the ideal 12 s (a loaded
    // machine makes them longer).
    const QString makespan = compareSummary(*window)->cellText(CompareSummary::MakespanRow, 1);
    QVERIFY2(makespan.section(u' ', 0, 0).toDouble() >= 11.9, qPrintable(makespan));
}

void tst_MainWindowTrace::replayAsScenario()
{
    const auto window = makeWindow();
    QString error;
    QVERIFY2(fileActions(*window)->openRun(m_unlimitedCsv, &error), qPrintable(error));
    whatIfSpin(*window)->setValue(2);
    QTest::mouseClick(whatIfButton(*window), Qt::LeftButton);
    // The button beside the what-if is the action's.
    auto *button = part<QToolButton>(*window, "replayButton");
    QCOMPARE(button->defaultAction(), action(*window, "replayAction"));
    QTest::mouseClick(button, Qt::LeftButton);

    const QList<Task> tasks = taskEditor(*window)->tasks();
    QCOMPARE(tasks.size(), 5);
    const QList<double> durations{5, 1, 8, 3, 4};
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        QCOMPARE(tasks.at(i).kind, TaskKind::Sleep);
        QCOMPARE(tasks.at(i).duration, durations.at(i));
    }
    QCOMPARE(window->timeScale(), 1.0); // 8 s plays in 8 s
    QVERIFY(limitCheck(*window)->isChecked());
    QCOMPARE(limitSpin(*window)->value(), 2);
    QVERIFY2(window->statusBar()->currentMessage().contains(u"Loaded 5 recorded task"_s),
             qPrintable(window->statusBar()->currentMessage()));
    // The shown runs stay until a run replaces them.
    QCOMPARE(session(*window)->records().size(), 2);

    // A 40 s run replays in 10 s.
    QVERIFY2(fileActions(*window)->openRun(m_longCsv, &error), qPrintable(error));
    action(*window, "replayAction")->trigger();
    QCOMPARE(window->timeScale(), 0.25);
    QCOMPARE(taskEditor(*window)->tasks().size(), 2);

    // Run then runs the replay.
    window->setTimeScale(0.01);
    QSignalSpy done(window.get(), &MainWindow::sessionFinished);
    QVERIFY(window->startRun(false));
    QVERIFY(done.wait(30000));
    QCOMPARE(session(*window)->records().constFirst()->taskCount(), 2);
}

void tst_MainWindowTrace::dropRunTraceAndScenario()
{
    const auto window = makeWindow();
    QVERIFY(!dropFile(*window, m_dir->filePath(u"notes.txt"_s)));

    QVERIFY(dropFile(*window, m_unlimitedCsv));
    QTRY_COMPARE(session(*window)->records().size(), 1);
    QVERIFY(window->windowTitle().contains(u"unlimited.csv"_s));

    const QString scenario =
            writeFile(u"dropped.json"_s, R"({"version": 1, "limit": 3, "time_scale": 0.1,
                      "tasks": [{"kind": "sleep", "duration": 4}, {"kind": "sleep", "duration": 6}]})");
    QVERIFY(dropFile(*window, scenario));
    QTRY_COMPARE(durationsEdit(*window)->text(), u"4,6"_s);
    QCOMPARE(limitSpin(*window)->value(), 3);

    if (!readable(m_trace))
        QSKIP("RunFile does not read traces yet");
    // A .json that is a trace opens as a run, not as a scenario.
    QVERIFY(dropFile(*window, m_trace));
    QTRY_VERIFY(window->windowTitle().contains(u"(Chrome trace)"_s));
    QCOMPARE(session(*window)->records().constFirst()->taskCount(), 5);
    QCOMPARE(durationsEdit(*window)->text(), u"4,6"_s);
}

void tst_MainWindowTrace::commandLine()
{
    GuiOptions options;
    QString message;
    QCOMPARE(GuiCommandLine::parse({u"tasklanes"_s, u"--help"_s}, &options, &message),
             GuiCommandLine::Outcome::ExitOk);
    QVERIFY2(message.contains(u"--what-if <N>"_s), qPrintable(message));
    QCOMPARE(GuiCommandLine::parse({u"tasklanes"_s, u"--what-if"_s, u"0"_s, m_unlimitedCsv},
                                   &options, &message),
             GuiCommandLine::Outcome::ExitUsage);
    QVERIFY2(message.contains(u"--what-if"_s), qPrintable(message));

    options = {};
    QCOMPARE(GuiCommandLine::parse({u"tasklanes"_s, u"--what-if"_s, u"2"_s, m_unlimitedCsv},
                                   &options, &message),
             GuiCommandLine::Outcome::Run);
    QVERIFY(options.runKind == RunFile::Kind::Csv);
    {
        const auto window = makeWindow(options);
        const auto records = session(*window)->records();
        QCOMPARE(records.size(), 2);
        QCOMPARE(records.at(1)->options().limit, 2);
        QCOMPARE(compareSummary(*window)->cellText(CompareSummary::MakespanRow, 1), u"12 s"_s);
        QVERIFY(window->windowTitle().contains(u"unlimited.csv (TaskLanes CSV)"_s));
    }

    if (!readable(m_trace))
        QSKIP("RunFile does not read traces yet");
    options = {};
    QCOMPARE(GuiCommandLine::parse({u"tasklanes"_s, m_trace}, &options, &message),
             GuiCommandLine::Outcome::Run);
    QVERIFY(options.runKind == RunFile::Kind::Trace);
    QCOMPARE(options.runs.size(), 1);
    QVERIFY(options.scenarioPath.isEmpty());
}

void tst_MainWindowTrace::screenshotShowsTheWholeAdvice()
{
    // `tasklanes RUN.csv --screenshot FILE --size 1024x700`: the schedule advice under the tasks
    // is computed as the picture is taken and wraps to two lines there; the picture must hold
    // both, so the layouts have caught up with it before the window is grabbed.
    const QString shot = m_dir->filePath(u"shot.png"_s);
    GuiOptions options;
    QString message;
    QCOMPARE(GuiCommandLine::parse({u"tasklanes"_s, m_unlimitedCsv, u"--screenshot"_s, shot,
                                    u"--size"_s, u"1024x700"_s},
                                   &options, &message),
             GuiCommandLine::Outcome::Run);
    options.settingsFile = m_dir->filePath(u"settings.ini"_s);
    MainWindow window(options);
    window.show();
    // The window takes the picture and quits in its first turns, as in the app's main loop.
    QEventLoop loop;
    QTimer::singleShot(60000, &loop, [&loop] { loop.exit(1); });
    QCOMPARE(loop.exec(), 0);
    const QImage image(shot);
    QCOMPARE(image.size(), QSize(1024, 700));
    const auto *label = window.findChild<QLabel *>(u"advisorLabel"_s);
    QVERIFY(label && label->isVisible());
    QVERIFY2(label->text().contains(u"order"_s), qPrintable(label->text()));
    // As the picture was taken: the label as tall as its text needs at its width.
    QVERIFY2(label->height() >= label->heightForWidth(label->width()),
             qPrintable(u"%1 px of %2"_s.arg(label->height())
                                .arg(label->heightForWidth(label->width()))));
}

void tst_MainWindowTrace::workerNamesInTooltip()
{
    auto record = idealRun({5, 1, 8, 3, 4}, 2);
    record->setWorkerNames({u"web / main"_s, u"web / a-worker-thread-with-a-very-long-name"_s});
    auto details = std::make_shared<TaskDetails>();
    for (int i = 0; i < 5; ++i)
        details->append(QByteArray(QByteArray(R"({"cat": "io", "args": {"n": )")
                                   + QByteArray::number(i) + "}}" + QByteArray(1000, 'x')));
    record->setTaskDetails(details);
    const std::shared_ptr<const RunRecord> shared = record;
    const Schedule prediction =
            predictSchedule(shared->scenario().tasks, shared->scenario().options);

    TimelineView view;
    view.resize(900, 400);
    view.setLaneMode(TimelineLaneMode::Workers);
    view.setRuns({shared}, {prediction});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    // Task #1 (5 s) ran on worker 1 from 0 to 5 s.
    TimelineRenderer renderer;
    const TimelineRenderOptions o = view.renderOptions();
    const QRect plot = renderer.plotRect(view.rect(), o);
    const QRect lane = renderer.laneRect(view.rect(), o, 0, 0);
    const double x = plot.left()
                     + (2.5 - view.visibleStart()) / (view.visibleEnd() - view.visibleStart())
                               * plot.width();
    const QPoint p(int(x), lane.center().y());
    QHelpEvent help(QEvent::ToolTip, p, view.mapToGlobal(p));
    QApplication::sendEvent(&view, &help);
    QTRY_VERIFY(QToolTip::isVisible());
    const QString text = QToolTip::text();
    QVERIFY2(text.contains(u"web / main (1)"_s), qPrintable(text));
    QVERIFY2(text.contains(u"&quot;cat&quot;: &quot;io&quot;"_s), qPrintable(text));
    // Long details are cut to a few lines.
    QVERIFY2(text.count(u"<br>"_s) <= 5, qPrintable(text));
    QVERIFY2(!text.contains(QString(100, u'x')), qPrintable(text));
    QToolTip::hideText();
}

QTEST_MAIN(tst_MainWindowTrace)
#include "tst_mainwindowtrace.moc"
