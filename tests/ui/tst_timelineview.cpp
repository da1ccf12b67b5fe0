#include "imagedifference.h"
#include "imageexport.h"
#include "liveframe.h"
#include "runrecord.h"
#include "schedule.h"
#include "testrun.h"
#include "testscenarios.h"
#include "timelinepalette.h"
#include "timelinerenderer.h"
#include "timelineruns.h"
#include "timelinetext.h"
#include "timelineview.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFontMetrics>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QSvgGenerator>
#include <QTest>
#include <QToolTip>
#include <QWheelEvent>

#include <memory>
#include <thread>

namespace {

constexpr qint64 nsPerSecond = 1000000000;

struct Run
{
    std::shared_ptr<RunRecord> record;
    Schedule prediction;
};

// A finished run that went exactly as predicted (idealRun()), with its prediction.
Run makeRun(const QList<double> &durations, int limit)
{
    Run run;
    run.record = idealRun(durations, limit);
    run.prediction = predictSchedule(run.record->scenario().tasks, run.record->options());
    return run;
}

QList<double> articleDurations()
{
    return {5, 1, 8, 3, 4};
}

bool sameColor(QRgb a, const QColor &b)
{
    return qRed(a) == b.red() && qGreen(a) == b.green() && qBlue(a) == b.blue();
}

QString describe(QRgb c)
{
    return QColor(c).name();
}

// Centre of the screen pixel for time t in lane `lane` of run `run`.
QPoint pointAt(TimelineView &view, int run, int lane, double t)
{
    TimelineRenderer renderer;
    const TimelineRenderOptions o = view.renderOptions();
    const QRect plot = renderer.plotRect(view.rect(), o);
    const QRect laneRect = renderer.laneRect(view.rect(), o, run, lane);
    const double x =
            plot.left()
            + (t - view.visibleStart()) / (view.visibleEnd() - view.visibleStart()) * plot.width();
    return {int(x), laneRect.center().y()};
}

// Durations of 1 to 10 ms in a fixed irregular order.
QList<double> irregularDurations(int tasks)
{
    QList<double> durations;
    durations.reserve(tasks);
    for (int i = 0; i < tasks; ++i)
        durations << 0.001 * (1 + (i * 7919) % 10);
    return durations;
}

// Tasks of irregularDurations(), at most `limit` at once.
Scenario irregularScenario(int tasks, int limit)
{
    return makeScenario(irregularDurations(tasks), limit);
}

// The 1-based slot the predicted FIFO schedule puts each task on (the worker the engine records).
QList<int> fifoSlots(const Schedule &prediction)
{
    QList<double> slotFree(prediction.slotCount, 0.0);
    QList<int> slotOf;
    for (qsizetype i = 0; i < prediction.start.size(); ++i) {
        const int slot = int(std::min_element(slotFree.begin(), slotFree.end()) - slotFree.begin());
        slotFree[slot] = prediction.finish.at(i);
        slotOf.append(slot + 1);
    }
    return slotOf;
}

} // namespace

class tst_TimelineView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void barHasRunColourAndEmptyAreaBackground();
    void compareStacksRunsOnOneAxis();
    void legendIsShownAboveTheData();
    void workerLanesShowSlots();
    void labelColumnFitsWorkerNames();
    void failedAndCancelledHaveTheirColours();
    void liveBarGrowsUpToNow();
    void liveFramesAreKeptForBigRunsOnly();
    void shapedTextIsDrawText();
    void everyIncompleteRunFollowsTheClock();
    void darkPalette();
    void setVisibleRangeEmitsOnce();
    void laneModeEmitsOnce();
    void zoomAndFit();
    void ctrlWheelZoomsAroundCursor();
    void keyboard();
    void dragPans();
    void clickSelectsTask();
    void setSelectedTaskHighlights();
    void tooltipDescribesTask();
    void emptyAndZeroTaskRuns();
    void exportRendersWithoutWidget();
    void liveStepsEqualCoreSteps();
    void levelOfDetailIsExact_data();
    void levelOfDetailIsExact();
    void liveLevelOfDetailIsExactAsTheRunGrows();
    void largeRunRenders();

private:
    std::unique_ptr<TimelineView> m_view;
};

void tst_TimelineView::init()
{
    m_view = std::make_unique<TimelineView>();
    m_view->setPalette(QPalette(QColor(0xef, 0xef, 0xef)));
    m_view->resize(900, 600);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void tst_TimelineView::cleanup()
{
    m_view.reset();
}

void tst_TimelineView::barHasRunColourAndEmptyAreaBackground()
{
    const Run run = makeRun(articleDurations(), 2);
    m_view->setRuns({run.record}, {run.prediction});
    // Fitted to the predicted makespan (12 s) with a margin.
    QCOMPARE(m_view->visibleStart(), 0.0);
    QVERIFY(m_view->visibleEnd() >= 12.0 && m_view->visibleEnd() < 13.0);

    const QImage image = m_view->grab().toImage();
    const TimelinePalette pal = TimelinePalette::light();
    // Task #3 (8 s) runs from 1 s to 9 s: its middle is the run colour.
    const QPoint bar = pointAt(*m_view, 0, 2, 5.0);
    QVERIFY2(sameColor(image.pixel(bar), pal.run), qPrintable(describe(image.pixel(bar))));
    // Task #1 (5 s) ran from 0 to 5 s; at 7 s its lane (an even one) is empty.
    const QPoint empty = pointAt(*m_view, 0, 0, 7.0);
    QVERIFY2(sameColor(image.pixel(empty), pal.background),
             qPrintable(describe(image.pixel(empty))));
    // Task #4 waited from 0 to 5 s: the wait style (pale fill or its hatching), not the run colour.
    const QPoint wait = pointAt(*m_view, 0, 3, 2.5);
    const QRgb w = image.pixel(wait);
    QVERIFY2(sameColor(w, pal.wait) || sameColor(w, pal.waitHatch), qPrintable(describe(w)));
}

void tst_TimelineView::compareStacksRunsOnOneAxis()
{
    const Run unlimited = makeRun(articleDurations(), 0);
    const Run limited = makeRun(articleDurations(), 2);
    m_view->setRuns({unlimited.record, limited.record}, {unlimited.prediction, limited.prediction});
    const QImage image = m_view->grab().toImage();
    const TimelinePalette pal = TimelinePalette::light();
    // Unlimited: #3 runs 0-8 s. Limited: #5 runs 8-12 s. Same axis: 10 s is inside the second only.
    const QPoint a = pointAt(*m_view, 0, 2, 4.0);
    QVERIFY(sameColor(image.pixel(a), pal.run));
    const QPoint b = pointAt(*m_view, 1, 4, 10.0);
    QVERIFY(sameColor(image.pixel(b), pal.run));
    const QPoint c = pointAt(*m_view, 0, 4, 10.0);
    QVERIFY(!sameColor(image.pixel(c), pal.run));
    QVERIFY(b.y() > a.y());
    QCOMPARE(a.x(), pointAt(*m_view, 1, 2, 4.0).x());
}

void tst_TimelineView::legendIsShownAboveTheData()
{
    const Run run = makeRun(articleDurations(), 2);
    m_view->setRuns({run.record}, {run.prediction});
    const QImage image = m_view->grab().toImage();
    const TimelinePalette pal = TimelinePalette::light();
    TimelineRenderer renderer;
    const TimelineRenderOptions o = m_view->renderOptions();
    const QRect content = renderer.contentRect(m_view->rect(), o);
    QCOMPARE(renderer.hitTest(QPoint(20, 5), m_view->rect(), o).area, TimelineHit::Area::Legend);
    // Swatches of every style above the lanes: failed appears nowhere else in this run.
    int failed = 0, run_ = 0, limit = 0;
    for (int y = 0; y < content.top(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            failed += sameColor(image.pixel(x, y), pal.failed);
            run_ += sameColor(image.pixel(x, y), pal.run);
            limit += sameColor(image.pixel(x, y), pal.limit);
        }
    }
    QVERIFY(failed > 20);
    QVERIFY(run_ > 20);
    QVERIFY(limit > 2);
    for (int y = content.top(); y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            QVERIFY(!sameColor(image.pixel(x, y), pal.failed));
    }
}

void tst_TimelineView::workerLanesShowSlots()
{
    const Run run = makeRun(articleDurations(), 2);
    m_view->setRuns({run.record}, {run.prediction});
    QSignalSpy spy(m_view.get(), &TimelineView::laneModeChanged);
    m_view->setLaneMode(TimelineLaneMode::Workers);
    QCOMPARE(spy.count(), 1);
    TimelineRenderer renderer;
    const TimelineRenderOptions o = m_view->renderOptions();
    // A lane per pool thread: one per task (5), limited or not; the sixth does not exist.
    QVERIFY(renderer.laneRect(m_view->rect(), o, 0, 4).isValid());
    QVERIFY(!renderer.laneRect(m_view->rect(), o, 0, 5).isValid());
    const QImage image = m_view->grab().toImage();
    const TimelinePalette pal = TimelinePalette::light();
    // Slot 1: #1 (0-5 s), #4 (5-8 s), #5 (8-12 s); slot 2: #2 (0-1 s), #3 (1-9 s). Both busy at 6
    // s.
    QVERIFY(sameColor(image.pixel(pointAt(*m_view, 0, 0, 6.5)), pal.run));
    QVERIFY(sameColor(image.pixel(pointAt(*m_view, 0, 1, 6.5)), pal.run));
    // After 9 s slot 2 is idle.
    QVERIFY(!sameColor(image.pixel(pointAt(*m_view, 0, 1, 10.5)), pal.run));
    // The bar of #5 is on worker lane 1.
    const QRect bar = renderer.taskBarRect(m_view->rect(), o, 0, 4);
    QVERIFY(bar.isValid());
    QVERIFY(renderer.laneRect(m_view->rect(), o, 0, 0).contains(bar.center()));
}

void tst_TimelineView::labelColumnFitsWorkerNames()
{
    // Worker lanes named after an opened trace's threads: the label column is as wide as the
    // widest name, up to 3/10 of the timeline, whatever the font, the names or the run.
    const Run run = makeRun(articleDurations(), 2);
    TimelineRenderOptions o;
    o.runs = {run.record};
    o.predictions = {run.prediction};
    o.laneMode = TimelineLaneMode::Workers;
    o.fitAllLanes = true;
    const QFont font = o.font;
    const QRect rect(0, 0, 1000, 500);
    TimelineRenderer renderer;
    const auto plotLeft = [&] {
        const QRect lane = renderer.laneRect(rect, o, 0, 0);
        for (int x = 0; x < rect.width(); ++x) {
            if (renderer.hitTest(QPoint(x, lane.center().y()), rect, o).area
                == TimelineHit::Area::Lane)
                return x;
        }
        return -1;
    };
    const int unnamed = plotLeft();
    QVERIFY(unnamed > 0);
    // Short names: the column is the default one.
    run.record->setWorkerNames({QStringLiteral("a"), QStringLiteral("b")});
    QCOMPARE(plotLeft(), unnamed);
    // A long name widens it by what it needs.
    const QString name = QStringLiteral("a-worker-thread-with-a-long-name");
    run.record->setWorkerNames({QStringLiteral("a"), name});
    const int named = plotLeft();
    QVERIFY(named > unnamed);
    QVERIFY(named >= QFontMetrics(o.font).horizontalAdvance(name));
    // A larger font, measured again.
    o.font.setPointSizeF(font.pointSizeF() * 1.5);
    const int larger = plotLeft();
    QVERIFY2(larger > named, qPrintable(QStringLiteral("%1 then %2").arg(named).arg(larger)));
    // A name longer than 3/10 of the timeline: the column stops there.
    run.record->setWorkerNames({QStringLiteral("a"), name, name.repeated(10)});
    QCOMPARE(plotLeft(), rect.width() * 3 / 10);
    // Another run in the same renderer, without names.
    o.font = font;
    o.runs = {makeRun(articleDurations(), 2).record};
    QCOMPARE(plotLeft(), unnamed);
}

void tst_TimelineView::failedAndCancelledHaveTheirColours()
{
    const Scenario scenario = makeScenario({4, 4, 4}, 2);
    auto record = std::make_shared<RunRecord>(scenario);
    for (int i = 0; i < 3; ++i)
        record->markSubmitted(i, 0);
    record->markStarted(0, 0, 1);
    record->markStarted(1, 0, 2);
    record->markFinished(0, 4 * nsPerSecond, TaskStatus::Ok);
    record->markFinished(1, 3 * nsPerSecond, TaskStatus::Failed, QStringLiteral("boom"));
    record->markFinished(2, 3 * nsPerSecond, TaskStatus::Cancelled); // never started
    record->publishEvents();
    m_view->setRuns({record}, {});
    const QImage image = m_view->grab().toImage();
    const TimelinePalette pal = TimelinePalette::light();
    const QRgb failed = image.pixel(pointAt(*m_view, 0, 1, 1.5));
    QVERIFY2(sameColor(failed, pal.failed), qPrintable(describe(failed)));
    const QRgb cancelled = image.pixel(pointAt(*m_view, 0, 2, 1.5));
    QVERIFY2(sameColor(cancelled, pal.cancelled) || sameColor(cancelled, pal.cancelledStripe),
             qPrintable(describe(cancelled)));
}

void tst_TimelineView::liveBarGrowsUpToNow()
{
    const Scenario scenario = makeScenario({4, 4, 4}, 2);
    auto record = std::make_shared<RunRecord>(scenario);
    const Schedule prediction = predictSchedule(scenario.tasks, scenario.options);
    for (int i = 0; i < 3; ++i)
        record->markSubmitted(i, 0);
    record->markStarted(0, 0, 1);
    record->markStarted(1, 0, 2);
    record->publishEvents();
    qint64 now = 2 * nsPerSecond;
    m_view->setRuns({record}, {prediction});
    m_view->setLiveClock([&now] { return now; });
    QVERIFY(m_view->isFollowingLive());
    const TimelinePalette pal = TimelinePalette::light();
    QImage image = m_view->grab().toImage();
    // Running #1 is drawn up to now (2 s), not beyond; pending #3 waits up to now.
    QVERIFY(sameColor(image.pixel(pointAt(*m_view, 0, 0, 1.8)), pal.run));
    QVERIFY(!sameColor(image.pixel(pointAt(*m_view, 0, 0, 2.5)), pal.run));
    const QRgb waiting = image.pixel(pointAt(*m_view, 0, 2, 1.0));
    QVERIFY(sameColor(waiting, pal.wait) || sameColor(waiting, pal.waitHatch));
    // The now line.
    const QPoint nowPoint = pointAt(*m_view, 0, 1, 2.0);
    bool nowLine = false;
    for (int dx = -2; dx <= 2; ++dx)
        nowLine |= sameColor(image.pixel(nowPoint.x() + dx, nowPoint.y()), pal.now);
    QVERIFY(nowLine);

    // Time goes on: the bar grows, and the view keeps fitting the run.
    now = 3 * nsPerSecond;
    QTRY_VERIFY(sameColor(m_view->grab().toImage().pixel(pointAt(*m_view, 0, 0, 2.5)), pal.run));
    record->markFinished(0, 4 * nsPerSecond, TaskStatus::Ok);
    record->markStarted(2, 4 * nsPerSecond, 1);
    record->markFinished(1, 4 * nsPerSecond, TaskStatus::Ok);
    now = 13 * nsPerSecond; // later than predicted (8 s): the window grows with the run
    m_view->refresh();
    QTRY_VERIFY(m_view->visibleEnd() >= 13.0);
    m_view->setLiveClock({});
}

// A replay: two runs at one instant, both incomplete, share the clock; a driven clock neither
// refits the window nor repaints on its own.
// A live frame goes straight onto the widget for a small run and for a run whose clock has not
// started; a big run's frames are kept and shown again, unpainted, once its threads have ended.
void tst_TimelineView::liveFramesAreKeptForBigRunsOnly()
{
    LiveFrame frame;
    QImage widget(40, 30, QImage::Format_ARGB32_Premultiplied);
    int painted = 0;
    QColor colour = Qt::red;
    const auto contents = [&](QPainter &p) {
        ++painted;
        p.fillRect(0, 0, 40, 30, colour);
    };
    const auto paint = [&](qint64 nowNs, qsizetype tasks) {
        widget.fill(Qt::white);
        QPainter p(&widget);
        frame.paintOnto(p, widget.size(), 1.0, nowNs, tasks, contents);
    };
    const qsizetype big = LiveFrame::keptFrameTasks;
    paint(0, big); // before the threads start: kept, as the run may end before its next frame
    QCOMPARE(painted, 1);
    QVERIFY(frame.holds(widget.size()));
    QCOMPARE(widget.pixelColor(1, 1), QColor(Qt::red));
    colour = Qt::green;
    paint(0, big); // a repaint before the threads start follows the view, not the kept frame
    QCOMPARE(painted, 2);
    QCOMPARE(widget.pixelColor(1, 1), QColor(Qt::green));
    paint(-1, big); // the threads ended before any live frame: the frame before them again
    QCOMPARE(painted, 2);
    QCOMPARE(widget.pixelColor(1, 1), QColor(Qt::green));
    colour = Qt::red;
    paint(5, big - 1); // a small run
    QCOMPARE(painted, 3);
    QVERIFY(!frame.holds(widget.size()));
    QCOMPARE(widget.pixelColor(1, 1), QColor(Qt::red));
    paint(5, big); // a big run: into the kept frame, then onto the widget
    QCOMPARE(painted, 4);
    QVERIFY(frame.holds(widget.size()));
    QCOMPARE(widget.pixelColor(1, 1), QColor(Qt::red));
    colour = Qt::blue;
    paint(-1, big); // its threads have ended: the kept frame again
    QCOMPARE(painted, 4);
    QCOMPARE(widget.pixelColor(1, 1), QColor(Qt::red));
    paint(-1, big - 1); // a small run is painted from its data
    QCOMPARE(painted, 5);
    QCOMPARE(widget.pixelColor(1, 1), QColor(Qt::blue));
    QVERIFY(!frame.holds(widget.size()));
}

void tst_TimelineView::shapedTextIsDrawText()
{
    TimelineText text;
    QFont font = m_view->font();
    QFont bold = font;
    bold.setBold(true);
    const QStringList samples = {QStringLiteral("#1"),
                                 QStringLiteral("limit 2"),
                                 QStringLiteral("\u30bf\u30b9\u30af 3 \u2264 2"),
                                 QStringLiteral("makespan 12.0 s \u2192"),
                                 QStringLiteral("tab\there"),
                                 QString()};
    // The same pixels as drawText, shaped and then from the cache, in two fonts and on a device
    // of twice the DPI (its fonts have other pixel sizes, so other glyphs).
    for (const int dotsPerMeter : {3780, 7560}) {
        for (const QFont &f : {font, bold}) {
            for (const QString &s : samples) {
                for (int pass = 0; pass < 2; ++pass) {
                    QImage expected(260, 60, QImage::Format_ARGB32_Premultiplied);
                    expected.setDotsPerMeterX(dotsPerMeter);
                    expected.setDotsPerMeterY(dotsPerMeter);
                    expected.fill(Qt::white);
                    QImage actual = expected;
                    QPainter e(&expected);
                    e.setFont(f);
                    e.setPen(Qt::darkBlue);
                    e.drawText(QPoint(5, 40), s);
                    e.end();
                    QPainter a(&actual);
                    a.setFont(f);
                    a.setPen(Qt::darkBlue);
                    text.draw(a, QPoint(5, 40), s);
                    a.end();
                    QVERIFY2(actual == expected, qPrintable(s));
                }
            }
        }
    }
    for (const QFont &f : {font, bold}) {
        const QFontMetrics fm(f);
        for (const QString &s : samples) {
            QCOMPARE(text.advance(f, s), fm.horizontalAdvance(s));
            QCOMPARE(text.advance(f, s), fm.horizontalAdvance(s)); // from the cache
            for (const int width : {0, 30, 400}) {
                QCOMPARE(text.elided(f, s, Qt::ElideRight, width),
                         fm.elidedText(s, Qt::ElideRight, width));
                QCOMPARE(text.elided(f, s, Qt::ElideMiddle, width),
                         fm.elidedText(s, Qt::ElideMiddle, width));
            }
        }
    }
    // A vector picture keeps its text as text.
    QBuffer svg;
    svg.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&svg);
    generator.setSize(QSize(200, 40));
    QPainter p(&generator);
    p.setFont(font);
    text.draw(p, QPoint(5, 20), QStringLiteral("limit 2"));
    p.end();
    QVERIFY(svg.data().contains("limit 2"));
}

void tst_TimelineView::everyIncompleteRunFollowsTheClock()
{
    const Scenario scenario = makeScenario({4, 4, 4}, 2);
    const Schedule prediction = predictSchedule(scenario.tasks, scenario.options);
    QList<std::shared_ptr<const RunRecord>> runs;
    for (int r = 0; r < 2; ++r) {
        auto record = std::make_shared<RunRecord>(scenario);
        for (int i = 0; i < 3; ++i)
            record->markSubmitted(i, 0);
        record->markStarted(0, 0, 1);
        record->markStarted(1, 0, 2);
        record->publishEvents();
        runs.append(record);
    }
    m_view->setRuns(runs, {prediction, prediction});
    const double start = m_view->visibleStart();
    const double end = m_view->visibleEnd();
    qint64 now = 2 * nsPerSecond;
    m_view->setLiveClock([&now] { return now; }, true);
    const TimelinePalette pal = TimelinePalette::light();
    const QImage image = m_view->grab().toImage();
    for (int run = 0; run < 2; ++run) {
        // Each run's running bar ends at now, and the now line crosses each run's lanes.
        QVERIFY(sameColor(image.pixel(pointAt(*m_view, run, 0, 1.8)), pal.run));
        QVERIFY(!sameColor(image.pixel(pointAt(*m_view, run, 0, 2.5)), pal.run));
        const QPoint nowPoint = pointAt(*m_view, run, 1, 2.0);
        bool nowLine = false;
        for (int dx = -2; dx <= 2; ++dx)
            nowLine |= sameColor(image.pixel(nowPoint.x() + dx, nowPoint.y()), pal.now);
        QVERIFY2(nowLine, qPrintable(QString::number(run)));
    }
    // Beyond the prediction: a driven clock keeps the window.
    now = 20 * nsPerSecond;
    m_view->refresh();
    QTest::qWait(100);
    QCOMPARE(m_view->visibleStart(), start);
    QCOMPARE(m_view->visibleEnd(), end);
    m_view->setLiveClock({});
}

void tst_TimelineView::darkPalette()
{
    const Run run = makeRun(articleDurations(), 2);
    m_view->setRuns({run.record}, {run.prediction});
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    m_view->setPalette(dark);
    const QImage image = m_view->grab().toImage();
    const TimelinePalette pal = TimelinePalette::dark();
    QVERIFY(sameColor(image.pixel(pointAt(*m_view, 0, 0, 7.0)), pal.background));
    QVERIFY(sameColor(image.pixel(pointAt(*m_view, 0, 2, 5.0)), pal.run));
    m_view->setPalette(QPalette(QColor(0xef, 0xef, 0xef)));
    const QImage light = m_view->grab().toImage();
    QVERIFY(sameColor(light.pixel(pointAt(*m_view, 0, 0, 7.0)),
                      TimelinePalette::light().background));
}

void tst_TimelineView::setVisibleRangeEmitsOnce()
{
    const Run run = makeRun(articleDurations(), 2);
    m_view->setRuns({run.record}, {run.prediction});
    QSignalSpy spy(m_view.get(), &TimelineView::visibleRangeChanged);
    m_view->setVisibleRange(1.0, 3.0);
    m_view->setVisibleRange(1.0, 3.0);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toDouble(), 1.0);
    QCOMPARE(spy.at(0).at(1).toDouble(), 3.0);
    QCOMPARE(m_view->visibleStart(), 1.0);
    QCOMPARE(m_view->visibleEnd(), 3.0);
    QVERIFY(!m_view->isFollowingLive());
    // A degenerate range is widened, never accepted as zero width.
    m_view->setVisibleRange(2.0, 2.0);
    QVERIFY(m_view->visibleEnd() > m_view->visibleStart());
}

void tst_TimelineView::laneModeEmitsOnce()
{
    QSignalSpy spy(m_view.get(), &TimelineView::laneModeChanged);
    m_view->setLaneMode(TimelineLaneMode::Tasks);
    QCOMPARE(spy.count(), 0);
    m_view->setLaneMode(TimelineLaneMode::Workers);
    m_view->setLaneMode(TimelineLaneMode::Workers);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(m_view->laneMode(), TimelineLaneMode::Workers);
}

void tst_TimelineView::zoomAndFit()
{
    const Run run = makeRun(articleDurations(), 2);
    m_view->setRuns({run.record}, {run.prediction});
    const double fitStart = m_view->visibleStart();
    const double fitEnd = m_view->visibleEnd();
    QSignalSpy spy(m_view.get(), &TimelineView::visibleRangeChanged);
    m_view->fit();
    QCOMPARE(spy.count(), 0); // already fitted
    m_view->zoomIn();
    QCOMPARE(spy.count(), 1);
    QVERIFY(m_view->visibleEnd() - m_view->visibleStart() < fitEnd - fitStart);
    // Zooming out stops at the whole run.
    m_view->zoomOut();
    m_view->zoomOut();
    QCOMPARE(m_view->visibleStart(), fitStart);
    QCOMPARE(m_view->visibleEnd(), fitEnd);
    m_view->fit();
    QCOMPARE(spy.count(), 2);
    QVERIFY(m_view->isFollowingLive());
    // Zooming in forever stops at a readable window.
    for (int i = 0; i < 200; ++i)
        m_view->zoomIn();
    QVERIFY(m_view->visibleEnd() > m_view->visibleStart());
    m_view->grab(); // axis at the narrowest zoom
}

void tst_TimelineView::ctrlWheelZoomsAroundCursor()
{
    const Run run = makeRun(articleDurations(), 2);
    m_view->setRuns({run.record}, {run.prediction});
    const QPoint at = pointAt(*m_view, 0, 2, 6.0);
    const double span = m_view->visibleEnd() - m_view->visibleStart();
    QWheelEvent wheel(at, m_view->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_view.get(), &wheel);
    QVERIFY(m_view->visibleEnd() - m_view->visibleStart() < span);
    // 6 s stays under the cursor.
    QVERIFY(std::abs(pointAt(*m_view, 0, 2, 6.0).x() - at.x()) <= 1);
    // Shift+wheel pans.
    const double start = m_view->visibleStart();
    QWheelEvent pan(at, m_view->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
                    Qt::ShiftModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_view.get(), &pan);
    QVERIFY(m_view->visibleStart() > start);
}

void tst_TimelineView::keyboard()
{
    const Run run = makeRun(articleDurations(), 2);
    m_view->setRuns({run.record}, {run.prediction});
    const double fitEnd = m_view->visibleEnd();
    QTest::keyClick(m_view.get(), Qt::Key_Plus);
    QVERIFY(m_view->visibleEnd() < fitEnd);
    const double start = m_view->visibleStart();
    QTest::keyClick(m_view.get(), Qt::Key_Right);
    QVERIFY(m_view->visibleStart() > start);
    QTest::keyClick(m_view.get(), Qt::Key_F);
    QCOMPARE(m_view->visibleEnd(), fitEnd);
    QTest::keyClick(m_view.get(), Qt::Key_Plus);
    QTest::keyClick(m_view.get(), Qt::Key_Plus);
    QTest::keyClick(m_view.get(), Qt::Key_Minus);
    QVERIFY(m_view->visibleEnd() < fitEnd);
    QTest::keyClick(m_view.get(), Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(m_view->visibleEnd(), fitEnd);
}

void tst_TimelineView::dragPans()
{
    const Run run = makeRun(articleDurations(), 2);
    m_view->setRuns({run.record}, {run.prediction});
    const double start = m_view->visibleStart();
    const QPoint from = pointAt(*m_view, 0, 0, 7.0);
    QTest::mousePress(m_view.get(), Qt::LeftButton, {}, from);
    QTest::mouseMove(m_view.get(), from + QPoint(-100, 0));
    QTest::mouseRelease(m_view.get(), Qt::LeftButton, {}, from + QPoint(-100, 0));
    QVERIFY(m_view->visibleStart() > start);
}

void tst_TimelineView::clickSelectsTask()
{
    const Run unlimited = makeRun(articleDurations(), 0);
    const Run limited = makeRun(articleDurations(), 2);
    m_view->setRuns({unlimited.record, limited.record}, {unlimited.prediction, limited.prediction});
    QSignalSpy spy(m_view.get(), &TimelineView::taskSelected);
    TimelineRenderer renderer;
    const QRect bar = renderer.taskBarRect(m_view->rect(), m_view->renderOptions(), 1, 3);
    QVERIFY(bar.isValid());
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, bar.center());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), 1);
    QCOMPARE(spy.at(0).at(1).toInt(), 3);
    QCOMPARE(m_view->selectedRun(), 1);
    QCOMPARE(m_view->selectedTask(), 3);
    // Empty space selects nothing.
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, pointAt(*m_view, 0, 1, 6.0));
    QCOMPARE(spy.count(), 1);
    // Worker mode: the bar on a worker lane is the same task.
    m_view->setLaneMode(TimelineLaneMode::Workers);
    const QRect workerBar = renderer.taskBarRect(m_view->rect(), m_view->renderOptions(), 1, 2);
    QVERIFY(workerBar.isValid());
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, workerBar.center());
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).toInt(), 1);
    QCOMPARE(spy.at(1).at(1).toInt(), 2);
}

void tst_TimelineView::setSelectedTaskHighlights()
{
    const Run run = makeRun(articleDurations(), 2);
    m_view->setRuns({run.record}, {run.prediction});
    m_view->setSelectedTask(0, 1);
    m_view->setSelectedTask(0, 1);
    QCOMPARE(m_view->selectedTask(), 1);
    const QImage image = m_view->grab().toImage();
    const TimelinePalette pal = TimelinePalette::light();
    // The lane is marked, label column included; #2 ran 0-1 s, so at 7 s only the mark shows.
    const QPoint p = pointAt(*m_view, 0, 1, 7.0);
    QVERIFY2(sameColor(image.pixel(p), pal.selection), qPrintable(describe(image.pixel(p))));
    QVERIFY(sameColor(image.pixel(2, p.y()), pal.selection));
    m_view->setSelectedTask(-1, -1);
    QCOMPARE(m_view->selectedTask(), -1);
    QVERIFY(!sameColor(m_view->grab().toImage().pixel(p), pal.selection));
}

void tst_TimelineView::tooltipDescribesTask()
{
    const Run run = makeRun(articleDurations(), 2);
    m_view->setRuns({run.record}, {run.prediction});
    const QPoint p = pointAt(*m_view, 0, 2, 5.0);
    QHelpEvent help(QEvent::ToolTip, p, m_view->mapToGlobal(p));
    QApplication::sendEvent(m_view.get(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    const QString text = QToolTip::text();
    for (const QString &part :
         {QStringLiteral("#3"), QStringLiteral("8 s"), QStringLiteral("sleep"),
          QStringLiteral("waited"), QStringLiteral("1 s"), QStringLiteral("worker"),
          QStringLiteral("ok"), QStringLiteral("result")})
        QVERIFY2(text.contains(part), qPrintable(part + QStringLiteral(" in ") + text));
    QToolTip::hideText();
}

void tst_TimelineView::emptyAndZeroTaskRuns()
{
    m_view->setRuns({}, {});
    QVERIFY(!m_view->grab().isNull());
    m_view->setLaneMode(TimelineLaneMode::Workers);
    m_view->grab();
    Scenario scenario;
    auto record = std::make_shared<RunRecord>(scenario);
    m_view->setRuns({record}, {Schedule()});
    m_view->grab();
    m_view->setLaneMode(TimelineLaneMode::Tasks);
    m_view->grab();
    m_view->fit();
    QVERIFY(m_view->visibleEnd() > m_view->visibleStart());
    // A tiny widget still paints.
    m_view->resize(40, 30);
    m_view->grab();
    QVERIFY(m_view->minimumSizeHint().height() > 100);
}

void tst_TimelineView::exportRendersWithoutWidget()
{
    const Run unlimited = makeRun(articleDurations(), 0);
    const Run limited = makeRun(articleDurations(), 2);
    TimelineRenderOptions o;
    o.runs = {unlimited.record, limited.record};
    o.predictions = {unlimited.prediction, limited.prediction};
    const int height = ImageExport::preferredTimelineHeight(o, 1200);
    QVERIFY(height > 300 && height < 1200);
    const QImage image = ImageExport::renderTimelineImage(o, QSize(1200, height));
    QCOMPARE(image.size(), QSize(1200, height));
    int run = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            run += sameColor(image.pixel(x, y), o.palette.run);
    }
    QVERIFY(run > 1000);
    // The view's own export fits every lane.
    m_view->setRuns(o.runs, o.predictions);
    QCOMPARE(m_view->renderImage(QSize(800, 400)).size(), QSize(800, 400));
}

void tst_TimelineView::liveStepsEqualCoreSteps()
{
    // A run followed live, its events published out of time order in small batches (threads race
    // to publish), ends with the same step function as core's concurrencySteps().
    const int n = 400;
    QList<double> durations;
    for (int i = 0; i < n; ++i)
        durations << 1.0 + (i * 37) % 5;
    const Scenario scenario = makeScenario(durations, 4);
    auto record = std::make_shared<RunRecord>(scenario);
    const Schedule prediction = predictSchedule(scenario.tasks, scenario.options);
    TimelineRenderOptions o;
    o.runs = {record};
    o.predictions = {prediction};
    o.liveNowNs = 0;
    o.fitAllLanes = true;
    TimelineRenderer renderer;
    QImage image(600, 400, QImage::Format_RGB32);
    const auto paint = [&] {
        QPainter painter(&image);
        renderer.paint(painter, image.rect(), o);
    };
    paint(); // seen live before anything happened
    for (int i = 0; i < n; ++i)
        record->markSubmitted(i, 0);
    const QList<int> slotOf = fifoSlots(prediction);
    // Publish in batches of 16 tasks, finishes before starts within a batch, and a task that
    // never starts (cancelled) at the end.
    for (int first = 0; first < n - 1; first += 16) {
        const int last = std::min(n - 1, first + 16);
        for (int i = last - 1; i >= first; --i) {
            record->markStarted(i, qint64(prediction.start.at(i) * nsPerSecond), slotOf.at(i));
            record->markFinished(i, qint64(prediction.finish.at(i) * nsPerSecond),
                                 i % 50 == 7 ? TaskStatus::Failed : TaskStatus::Ok);
        }
        record->publishEvents();
        o.liveNowNs = qint64(prediction.finish.at(last - 1) * nsPerSecond);
        paint();
    }
    record->markFinished(n - 1, qint64(prediction.makespan * nsPerSecond), TaskStatus::Cancelled);
    record->publishEvents();
    QVERIFY(record->isComplete());
    o.liveNowNs = -1;
    paint();
    const QList<ConcurrencyStep> expected = concurrencySteps(*record);
    const QList<ConcurrencyStep> actual = renderer.runSteps(o, 0);
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype k = 0; k < expected.size(); ++k) {
        QCOMPARE(actual.at(k).ns, expected.at(k).ns);
        QCOMPARE(actual.at(k).running, expected.at(k).running);
        QCOMPARE(actual.at(k).waiting, expected.at(k).waiting);
    }
    // And a fresh renderer, which never saw the run live, agrees.
    TimelineRenderer fresh;
    QCOMPARE(fresh.runSteps(o, 0).size(), expected.size());
}

void tst_TimelineView::levelOfDetailIsExact_data()
{
    QTest::addColumn<int>("tasks");
    QTest::addColumn<int>("limit");
    QTest::addColumn<bool>("workers");
    QTest::addColumn<double>("zoom"); // fraction of the run shown, from its middle

    QTest::newRow("task lanes, fitted") << 20000 << 8 << false << 1.0;
    QTest::newRow("task lanes, 1% window") << 20000 << 8 << false << 0.01;
    QTest::newRow("task lanes, fewer than pixels") << 300 << 4 << false << 1.0;
    QTest::newRow("8 worker lanes, fitted") << 20000 << 8 << true << 1.0;
    QTest::newRow("8 worker lanes, 20% window") << 20000 << 8 << true << 0.2;
    QTest::newRow("600 worker lanes, aggregated") << 30000 << 600 << true << 1.0;
}

void tst_TimelineView::levelOfDetailIsExact()
{
    // Summaries (merged bars per block of lanes, per worker) are an optimisation only: the
    // picture must be the same, pixel for pixel, as drawing every task.
    QFETCH(int, tasks);
    QFETCH(int, limit);
    QFETCH(bool, workers);
    QFETCH(double, zoom);
    const Scenario scenario = irregularScenario(tasks, limit);
    auto record = std::make_shared<RunRecord>(scenario);
    const Schedule prediction = predictSchedule(scenario.tasks, scenario.options);
    const QList<int> slotOf = fifoSlots(prediction);
    for (int i = 0; i < tasks; ++i) {
        // Measured times off the prediction by a few microseconds, some gaps, failures and
        // cancellations, some of them never started.
        const qint64 jitter = (i * 131) % 200000;
        record->markSubmitted(i, (i % 3) * 1000);
        if (i % 501 == 17) {
            record->markFinished(i, qint64(prediction.start.at(i) * nsPerSecond),
                                 TaskStatus::Cancelled);
            continue;
        }
        record->markStarted(i, qint64(prediction.start.at(i) * nsPerSecond) + jitter / 2,
                            slotOf.at(i));
        const TaskStatus status = i % 97 == 5   ? TaskStatus::Failed
                                  : i % 89 == 3 ? TaskStatus::Cancelled
                                                : TaskStatus::Ok;
        record->markFinished(i, qint64(prediction.finish.at(i) * nsPerSecond) - jitter / 2, status);
    }
    record->publishEvents();
    QVERIFY(record->isComplete());

    TimelineRenderOptions o;
    o.runs = {record};
    o.predictions = {prediction};
    o.fitAllLanes = true;
    o.laneMode = workers ? TimelineLaneMode::Workers : TimelineLaneMode::Tasks;
    const auto [start, end] = TimelineRenderer().fittedRange(o);
    const double middle = (start + end) / 2;
    o.visibleStart = middle - (end - start) * zoom / 2;
    o.visibleEnd = middle + (end - start) * zoom / 2;
    const QImage summarised = ImageExport::renderTimelineImage(o, QSize(900, 560));
    o.levelOfDetail = false;
    const QImage reference = ImageExport::renderTimelineImage(o, QSize(900, 560));
    QCOMPARE(imageDifference(summarised, reference), QString());

    // Summaries built on another thread (the session's finish work) and handed over paint the
    // same picture as those the renderer builds itself.
    if (!workers) {
        o.levelOfDetail = true;
        const auto paintWith = [&](bool adopt) {
            TimelineRenderer renderer;
            if (adopt) {
                std::shared_ptr<FinishedRunDrawing> built;
                std::thread([&] {
                    built = TimelineRenderer::buildDrawing(*record, prediction);
                }).join();
                renderer.adoptDrawing(record, std::move(*built));
            }
            QImage image(900, 560, QImage::Format_ARGB32_Premultiplied);
            QPainter p(&image);
            renderer.paint(p, image.rect(), o);
            p.end();
            return image;
        };
        QVERIFY(paintWith(true) == paintWith(false));
    }
}

void tst_TimelineView::liveLevelOfDetailIsExactAsTheRunGrows()
{
    // A live run's lanes come from summaries of the tasks that have ended, extended frame by
    // frame; the open tail is drawn task by task. At every frame the picture must equal drawing
    // every task, and once the run is complete the kept summaries must equal fresh ones.
    constexpr int tasks = 12000;
    constexpr int limit = 4;
    const Scenario scenario = irregularScenario(tasks, limit);
    auto record = std::make_shared<RunRecord>(scenario);
    const Schedule prediction = predictSchedule(scenario.tasks, scenario.options);
    const QList<int> slotOf = fifoSlots(prediction);
    for (int i = 0; i < tasks; ++i)
        record->markSubmitted(i, (i % 3) * 1000);
    const auto ns = [](double seconds) { return qint64(seconds * nsPerSecond); };

    TimelineRenderOptions o;
    o.runs = {record};
    o.predictions = {prediction};
    o.fitAllLanes = true;
    o.visibleStart = 0;
    o.visibleEnd = prediction.makespan * 1.03;
    TimelineRenderer live; // kept across frames, as the view keeps it
    QImage frame(900, 560, QImage::Format_RGB32);
    QList<bool> started(tasks, false);
    QList<bool> ended(tasks, false);
    // Frames at moments of the run, as a live view sees it: what has happened by then, in a
    // FIFO run (tasks start in order as slots free up), some tasks failing.
    for (const double fraction : {0.003, 0.08, 0.0801, 0.34, 0.341, 0.75, 1.01}) {
        const double now = prediction.makespan * fraction;
        for (int i = 0; i < tasks && prediction.start.at(i) <= now; ++i) {
            if (!started[i]) {
                record->markStarted(i, ns(prediction.start.at(i)), slotOf[i]);
                started[i] = true;
            }
            if (!ended[i] && prediction.finish.at(i) <= now) {
                const TaskStatus status = i % 97 == 5 ? TaskStatus::Failed : TaskStatus::Ok;
                record->markFinished(i, ns(prediction.finish.at(i)), status);
                ended[i] = true;
            }
        }
        record->publishEvents();
        const bool complete = record->isComplete();
        QCOMPARE(complete, fraction > 1);
        o.liveNowNs = complete ? -1 : ns(now);
        o.levelOfDetail = true;
        {
            QPainter painter(&frame);
            live.paint(painter, frame.rect(), o);
        }
        o.levelOfDetail = false;
        const QImage reference = ImageExport::renderTimelineImage(o, frame.size());
        const QString difference = imageDifference(frame, reference);
        QVERIFY2(difference.isEmpty(),
                 qPrintable(QStringLiteral("at %1 of the run: %2").arg(fraction).arg(difference)));
    }
}

void tst_TimelineView::largeRunRenders()
{
    // 200,000 tasks of 1-10 ms, limit 8 (the 1,000,000-task figure is in the benchmarks).
    const Run run = makeRun(irregularDurations(200000), 8);
    TimelineRenderOptions o;
    o.runs = {run.record};
    o.predictions = {run.prediction};
    o.fitAllLanes = true;
    QImage image(1920, 1080, QImage::Format_RGB32);
    TimelineRenderer renderer;
    for (TimelineLaneMode mode : {TimelineLaneMode::Tasks, TimelineLaneMode::Workers}) {
        o.laneMode = mode;
        o.visibleStart = o.visibleEnd = 0.0;
        QPainter painter(&image);
        QElapsedTimer timer;
        timer.start();
        renderer.paint(painter, image.rect(), o);
        const qint64 fitMs = timer.elapsed();
        const auto [s, e] = renderer.fittedRange(o);
        o.visibleStart = s + (e - s) * 0.5;
        o.visibleEnd = o.visibleStart + (e - s) * 0.01;
        timer.restart();
        renderer.paint(painter, image.rect(), o);
        qInfo("200k tasks, %s: fit %lld ms (the first one builds the caches), 1%% zoom %lld ms",
              mode == TimelineLaneMode::Tasks ? "task lanes" : "worker lanes", fitMs,
              timer.elapsed());
    }
    // Something was drawn in the run colour (the last paint: worker lanes, zoomed in).
    int run_ = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            run_ += sameColor(image.pixel(x, y), o.palette.run);
    }
    QVERIFY(run_ > 1000);
    // And the widget copes, scrolling lanes and zooming in.
    m_view->setRuns(o.runs, o.predictions);
    m_view->grab();
    m_view->setLaneHeight(20);
    QWheelEvent wheel(QPointF(400, 300), m_view->mapToGlobal(QPointF(400, 300)), QPoint(),
                      QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_view.get(), &wheel);
    m_view->grab();
}

QTEST_MAIN(tst_TimelineView)

#include "tst_timelineview.moc"
