// The timeline's chart, markers and navigation: the y scale, waits that last no time, the core
// line, the makespan markers and their difference, the window at a comparison's start, the wheel,
// zooming out, and the overview strip.

#include "comparesummary.h"
#include "mainwindow.h"
#include "mainwindowparts.h"
#include "runrecord.h"
#include "runsession.h"
#include "schedule.h"
#include "testrun.h"
#include "testscenarios.h"
#include "timelinechartpass.h"
#include "timelinemakespanpass.h"
#include "timelineoverview.h"
#include "timelinepalette.h"
#include "timelinerenderer.h"
#include "timelineruns.h"
#include "timelineview.h"

#include <QFontMetrics>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

QList<double> articleDurations()
{
    return {5, 1, 8, 3, 4};
}

// Every task submitted at 0 and started waitNs later, side by side (an unlimited run whose
// threads picked the tasks up within an instant).
std::shared_ptr<RunRecord> unlimitedRun(const QList<double> &durations, qint64 waitNs)
{
    auto record = std::make_shared<RunRecord>(makeScenario(durations, 0));
    for (qsizetype i = 0; i < durations.size(); ++i)
        record->markSubmitted(i, 0);
    for (qsizetype i = 0; i < durations.size(); ++i)
        record->markStarted(i, waitNs, int(i) + 1);
    for (qsizetype i = 0; i < durations.size(); ++i)
        record->markFinished(i, waitNs + qint64(durations.at(i) * 1e9), TaskStatus::Ok);
    record->publishEvents();
    return record;
}

// Pixels of the waiting line's colour over the plot (lanes and chart; the legend's swatch is
// above it).
int waitingPixels(const std::shared_ptr<RunRecord> &record, qint64 liveNowNs)
{
    TimelineRenderOptions o;
    o.runs = {record};
    o.predictions = {predictSchedule(record->scenario().tasks, record->options())};
    o.liveNowNs = liveNowNs;
    const QRect rect(0, 0, 900, 500);
    QImage image(rect.size(), QImage::Format_RGB32);
    TimelineRenderer renderer;
    {
        QPainter p(&image);
        renderer.paint(p, rect, o);
    }
    const QRect plot = renderer.plotRect(rect, o);
    const QRgb wanted = o.palette.waitingLine.rgb();
    int count = 0;
    for (int y = plot.top(); y <= plot.bottom(); ++y) {
        for (int x = plot.left(); x <= plot.right(); ++x)
            count += image.pixel(x, y) == wanted ? 1 : 0;
    }
    return count;
}

QWheelEvent wheel(QWidget &w, QPoint at, int delta, Qt::KeyboardModifiers mods)
{
    return QWheelEvent(at, w.mapToGlobal(at), QPoint(), QPoint(0, delta), Qt::NoButton, mods,
                       Qt::NoScrollPhase, false);
}

} // namespace

class tst_TimelineChart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noWaitingSpikeWhenNobodyWaits_data();
    void noWaitingSpikeWhenNobodyWaits();
    void coreLineForCpuTasks();
    void waitingScaleOfItsOwnIsOnTheRight();
    void makespanMarkers();
    void plannedRunMarker();
    void wheelPansWhenZoomedAndCtrlWheelZooms();
    void zoomOutStopsAtTheRuns();
    void overviewDragMovesTheWindow();
    void compareWindowDoesNotJump();
};

void tst_TimelineChart::noWaitingSpikeWhenNobodyWaits_data()
{
    QTest::addColumn<qint64>("waitNs");
    QTest::addColumn<qint64>("liveNowNs");
    // Several steps at one instant while the run is followed live; a wait of 50 µs in a finished
    // run, well below a pixel.
    QTest::newRow("same instant, live") << qint64(0) << qint64(9'000'000'000);
    QTest::newRow("50 us, finished") << qint64(50'000) << qint64(-1);
    QTest::newRow("50 us, live") << qint64(50'000) << qint64(9'000'000'000);
}

void tst_TimelineChart::noWaitingSpikeWhenNobodyWaits()
{
    QFETCH(qint64, waitNs);
    QFETCH(qint64, liveNowNs);
    QCOMPARE(waitingPixels(unlimitedRun(articleDurations(), waitNs), liveNowNs), 0);
    // The line is drawn where tasks do wait: limit 2 queues three of them for seconds.
    QVERIFY(waitingPixels(idealRun(articleDurations(), 2), liveNowNs) > 0);
}

void tst_TimelineChart::coreLineForCpuTasks()
{
    Scenario s = makeScenario({1, 1, 1, 1}, 0);
    TimelineRenderOptions o;
    o.cores = 3;
    auto sleeps = idealRun({1, 1, 1, 1}, 0);
    o.runs = {sleeps};
    TimelineRuns runs;
    runs.sync(o);
    QCOMPARE(TimelineChartPass::cores(runs, 0, o), 0);
    for (Task &t : s.tasks)
        t.kind = TaskKind::Cpu;
    auto cpu = std::make_shared<RunRecord>(s);
    o.runs = {cpu};
    runs.sync(o);
    QCOMPARE(TimelineChartPass::cores(runs, 0, o), 3);
    // Drawn when it fits the scale (four tasks at once): at 3, labelled "3 cores".
    QCOMPARE(TimelineChartPass::scale(runs.progress(0), 3).cores, 3);
    QCOMPARE(TimelineChartPass::scale(runs.progress(0), 3).runningMax, qint64(4));
    // A machine of 64 cores would squash four tasks into a sliver: no line then.
    QCOMPARE(TimelineChartPass::scale(runs.progress(0), 64).cores, 0);
}

void tst_TimelineChart::waitingScaleOfItsOwnIsOnTheRight()
{
    // Five tasks behind limit 2 share one scale; a hundred behind it get a waiting scale of their
    // own, with room for its labels right of the plot.
    TimelineRenderOptions o;
    o.runs = {idealRun(articleDurations(), 2)};
    TimelineRuns runs;
    runs.sync(o);
    QVERIFY(!TimelineChartPass::scale(runs.progress(0)).waitingOwnScale);
    QCOMPARE(TimelineChartPass::rightAxisWidth(runs, o), 0);
    TimelineRenderer renderer;
    const QRect rect(0, 0, 900, 500);
    const int sharedRight = renderer.plotRect(rect, o).right();

    o.runs = {idealRun(QList<double>(100, 1.0), 2)};
    runs.sync(o);
    const TimelineChartPass::Scale scale = TimelineChartPass::scale(runs.progress(0));
    QVERIFY(scale.waitingOwnScale);
    QCOMPARE(scale.runningMax, qint64(2));
    QCOMPARE(scale.waitingMax, qint64(100));
    QVERIFY(TimelineChartPass::rightAxisWidth(runs, o)
            > QFontMetrics(o.font).horizontalAdvance(u"100"_s));
    QVERIFY(renderer.plotRect(rect, o).right() < sharedRight);
}

void tst_TimelineChart::makespanMarkers()
{
    // The article's comparison: unlimited ends at 8 s, limit 2 at 12 s, 21 s of work.
    TimelineRenderOptions o;
    o.runs = {idealRun(articleDurations(), 0), idealRun(articleDurations(), 2)};
    for (const auto &r : o.runs)
        o.predictions.append(predictSchedule(r->scenario().tasks, r->options()));
    TimelineRuns runs;
    runs.sync(o);
    const TimelineMakespanPass::Markers m = TimelineMakespanPass::markers(runs, o);
    QCOMPARE(m.runs.size(), 2);
    QCOMPARE(m.runs.at(0).text, u"unlimited 8 s"_s);
    QCOMPARE(m.runs.at(1).text, u"limit 2 12 s"_s);
    QVERIFY(m.runs.at(0).measured && m.runs.at(1).measured);
    QCOMPARE(m.difference, u"+4 s"_s);
    QCOMPARE(m.serialText, u"serial 21 s"_s);
    // The other way round the difference is negative, with a minus sign.
    std::swap(o.runs[0], o.runs[1]);
    runs.sync(o);
    QCOMPARE(TimelineMakespanPass::markers(runs, o).difference, u"\u22124 s"_s);
}

void tst_TimelineChart::plannedRunMarker()
{
    // While the unlimited run goes on, the limited one is known by its prediction.
    auto live = std::make_shared<RunRecord>(makeScenario(articleDurations(), 0));
    TimelineRenderOptions o;
    o.runs = {live};
    o.predictions = {predictSchedule(live->scenario().tasks, live->options())};
    const Scenario limited = makeScenario(articleDurations(), 2);
    o.plannedRuns = {
            {limited.options.displayName(), predictSchedule(limited.tasks, limited.options)}};
    o.liveNowNs = 0;
    TimelineRuns runs;
    runs.sync(o);
    const TimelineMakespanPass::Markers m = TimelineMakespanPass::markers(runs, o);
    QCOMPARE(m.runs.size(), 2);
    QCOMPARE(m.runs.at(0).text, u"unlimited predicted 8 s"_s);
    QCOMPARE(m.runs.at(1).text, u"limit 2 predicted 12 s"_s);
    QCOMPARE(m.difference, u"+4 s"_s);
    QCOMPARE(runs.fittedRange(o).second, 12.0 * 1.03);
}

void tst_TimelineChart::wheelPansWhenZoomedAndCtrlWheelZooms()
{
    TimelineView view;
    view.resize(900, 500);
    const auto run = idealRun(articleDurations(), 2);
    view.setRuns({run}, {predictSchedule(run->scenario().tasks, run->options())});
    const double fitSpan = view.visibleEnd() - view.visibleStart();
    const QPoint at(450, 250);
    // Ctrl+wheel zooms in around the pointer.
    QWheelEvent in = wheel(view, at, 120, Qt::ControlModifier);
    QApplication::sendEvent(&view, &in);
    const double span = view.visibleEnd() - view.visibleStart();
    QVERIFY(span < fitSpan);
    // The plain wheel then pans, keeping the span: down moves later.
    const double start = view.visibleStart();
    QWheelEvent down = wheel(view, at, -120, {});
    QApplication::sendEvent(&view, &down);
    QVERIFY(view.visibleStart() > start);
    QCOMPARE(view.visibleEnd() - view.visibleStart(), span);
    QWheelEvent up = wheel(view, at, 120, {});
    QApplication::sendEvent(&view, &up);
    QCOMPARE(view.visibleStart(), start);
}

void tst_TimelineChart::zoomOutStopsAtTheRuns()
{
    TimelineView view;
    view.resize(900, 500);
    const auto run = idealRun(articleDurations(), 2);
    view.setRuns({run}, {predictSchedule(run->scenario().tasks, run->options())});
    const double fitStart = view.visibleStart();
    const double fitEnd = view.visibleEnd();
    view.zoomIn();
    view.zoomIn();
    for (int i = 0; i < 5; ++i) {
        QWheelEvent out = wheel(view, QPoint(700, 250), -120, Qt::ControlModifier);
        QApplication::sendEvent(&view, &out);
    }
    QCOMPARE(view.visibleStart(), fitStart);
    QCOMPARE(view.visibleEnd(), fitEnd);
    view.zoomOut();
    QCOMPARE(view.visibleEnd(), fitEnd);
}

void tst_TimelineChart::overviewDragMovesTheWindow()
{
    QWidget pane;
    auto *layout = new QVBoxLayout(&pane);
    auto *view = new TimelineView(&pane);
    auto *overview = new TimelineOverview(view, &pane);
    layout->addWidget(view, 1);
    layout->addWidget(overview);
    pane.resize(900, 560);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    const auto run = idealRun(articleDurations(), 2);
    view->setRuns({run}, {predictSchedule(run->scenario().tasks, run->options())});
    // Hidden while everything is in view, shown once zoomed in.
    QVERIFY(!overview->isVisible());
    view->zoomIn();
    view->zoomIn();
    QTRY_VERIFY(overview->isVisible());
    const double span = view->visibleEnd() - view->visibleStart();
    const double start = view->visibleStart();
    const QRect window = overview->windowRect();
    QVERIFY(window.width() < overview->width() / 2);
    const QPoint from = window.center();
    QTest::mousePress(overview, Qt::LeftButton, {}, from);
    QTest::mouseMove(overview, from + QPoint(60, 0));
    QTest::mouseRelease(overview, Qt::LeftButton, {}, from + QPoint(60, 0));
    QVERIFY(view->visibleStart() > start);
    QVERIFY(qAbs(view->visibleEnd() - view->visibleStart() - span) < 1e-9);
    QVERIFY(overview->windowRect().left() > window.left());
    // Dragged far right, the window stops at the runs' end.
    QTest::mousePress(overview, Qt::LeftButton, {}, overview->windowRect().center());
    QTest::mouseMove(overview, QPoint(overview->width() + 500, from.y()));
    QTest::mouseRelease(overview, Qt::LeftButton, {}, QPoint(overview->width() + 500, from.y()));
    TimelineRenderer renderer;
    QCOMPARE(view->visibleEnd(), renderer.fittedRange(view->renderOptions()).second);
    view->fit();
    QTRY_VERIFY(!overview->isVisible());
}

void tst_TimelineChart::compareWindowDoesNotJump()
{
    QTemporaryDir dir;
    GuiOptions options;
    options.tasks = makeScenario(articleDurations(), 2).tasks;
    options.limit = 2;
    options.timeScale = 0.05;
    auto window = MainWindowParts::showWindow(dir, options);
    auto *view = window->findChild<TimelineView *>(u"timelineView"_s);
    QVERIFY(view);
    double startEnd = 0.0;
    QString predicted, serial;
    RunSession *session = MainWindowParts::session(*window);
    connect(session, &RunSession::runStarted, this, [&](int run) {
        if (run != 0)
            return;
        startEnd = view->visibleEnd();
        const CompareSummary *summary = MainWindowParts::compareSummary(*window);
        predicted = summary->cellText(CompareSummary::PredictedRow, 0);
        serial = summary->cellText(CompareSummary::SerialRow, 0);
    });
    QSignalSpy finished(window.get(), &MainWindow::sessionFinished);
    MainWindowParts::clickToolButton(*window, MainWindowParts::compareAction(*window));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    // From the first frame the window holds the limited run's predicted 12 s, not only the
    // unlimited run's 8 s; at the end it fits the measured runs, a little longer on a loaded
    // machine.
    QVERIFY2(startEnd >= 12.0, qPrintable(QString::number(startEnd)));
    // The summary shows what is known before the run ends.
    QCOMPARE(predicted, u"8 s"_s);
    QCOMPARE(serial, u"21 s"_s);
    const double endEnd = view->visibleEnd();
    QVERIFY2(std::abs(endEnd - startEnd) <= 0.15 * endEnd,
             qPrintable(u"%1 then %2"_s.arg(startEnd).arg(endEnd)));
}

QTEST_MAIN(tst_TimelineChart)
#include "tst_timelinechart.moc"
