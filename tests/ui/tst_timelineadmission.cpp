#include "gatesteps.h"
#include "imagedifference.h"
#include "imageexport.h"
#include "runrecord.h"
#include "schedule.h"
#include "taskspans.h"
#include "testscenarios.h"
#include "timelinelayout.h"
#include "timelinepalette.h"
#include "timelinerenderer.h"
#include "timelineruns.h"

#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QLoggingCategory>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

// What admission and gates add to the timeline: a task's two waits (for a pool thread, then
// holding it while waiting for a permit, in-task admission) drawn apart in task and worker lanes,
// the summaries and the legend, and each gate's running tasks and limit in the chart. Records are
// written by hand, so nothing depends on timing.
class tst_TimelineAdmission : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void permitWaitSpanOnlyWhenAThreadWasHeld();
    void legendNamesPermitWaitOnlyWhenShown();
    void permitWaitHasItsOwnPixels_data();
    void permitWaitHasItsOwnPixels();
    void levelOfDetailIsExactWithPermitWaits_data();
    void levelOfDetailIsExactWithPermitWaits();
    void svgExportShowsPermitWait();
    void chartDrawsEachGate();
    void liveGateStepsFollowTheRecord();
    void largeGatedRunPaints();
};

namespace {

constexpr qint64 ms = 1000000;

// A run on `threads` pool threads with `limit` permits, as the engine runs it, written by hand:
// in-task admission picks each task on the first free thread and starts it when a permit is free
// too (the thread held meanwhile); fifo picks and starts it at once when both are free. Tasks
// `cancelledWhileWaiting` says are cancelled `cancelAfter` after they were picked instead.
std::shared_ptr<RunRecord> handRun(const QList<double> &durations, int threads, int limit,
                                   Admission admission,
                                   const std::function<bool(qsizetype)> &cancelledWhileWaiting = {},
                                   const std::function<QString(qsizetype)> &gateOf = {},
                                   const QList<Gate> &gates = {})
{
    Scenario s = makeScenario(durations, limit, 1.0, threads);
    s.options.admission = admission;
    s.options.gates = gates;
    if (gateOf) {
        for (qsizetype i = 0; i < s.tasks.size(); ++i)
            s.tasks[i].setGate(gateOf(i));
    }
    auto r = std::make_shared<RunRecord>(s);
    std::vector<qint64> threadFree(size_t(threads), 0);
    std::vector<qint64> permitFree(size_t(limit), 0);
    std::vector<std::vector<qint64>> gateFree;
    for (const Gate &g : gates)
        gateFree.emplace_back(size_t(g.limit), 0);
    for (qsizetype i = 0; i < durations.size(); ++i) {
        r->markSubmitted(i, 0);
        const auto thread = std::min_element(threadFree.begin(), threadFree.end());
        const auto permit = std::min_element(permitFree.begin(), permitFree.end());
        const int g = s.options.gateIndex(s.tasks.at(i).gate());
        auto gatePermit =
                g >= 0 ? std::min_element(gateFree[size_t(g)].begin(), gateFree[size_t(g)].end())
                       : std::vector<qint64>::iterator();
        const qint64 picked = admission == Admission::InTask
                                      ? *thread
                                      : std::max({*thread, *permit, g >= 0 ? *gatePermit : 0});
        const int worker = int(thread - threadFree.begin()) + 1;
        if (cancelledWhileWaiting && cancelledWhileWaiting(i)) {
            // Cancelled while it waited (in-task: holding its thread), never started.
            if (admission == Admission::InTask)
                r->markPicked(i, picked);
            *thread = picked + ms / 2;
            r->markFinished(i, picked + ms / 2, TaskStatus::Cancelled);
            continue;
        }
        const qint64 start = std::max({picked, *permit, g >= 0 ? *gatePermit : 0});
        const qint64 finish = start + qint64(durations.at(i) * 1e9);
        r->markStarted(i, start, worker, admission == Admission::InTask ? picked : -1);
        r->markFinished(i, finish, i % 97 == 5 ? TaskStatus::Failed : TaskStatus::Ok);
        *thread = finish;
        *permit = finish;
        if (g >= 0)
            *gatePermit = finish;
    }
    r->publishEvents();
    return r;
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

qsizetype countColour(const QImage &image, const QColor &colour, const QRect &area = {})
{
    const QRect r = area.isNull() ? image.rect() : area.intersected(image.rect());
    qsizetype n = 0;
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x)
            n += (image.pixel(x, y) & 0xffffff) == (colour.rgb() & 0xffffff) ? 1 : 0;
    }
    return n;
}

TimelineRenderOptions optionsFor(const QList<std::shared_ptr<const RunRecord>> &runs)
{
    TimelineRenderOptions o;
    o.runs = runs;
    o.font = QGuiApplication::font();
    return o;
}

bool legendHas(const TimelineRenderOptions &o, TimelineLegendItem::Kind kind)
{
    TimelineRuns runs;
    runs.sync(o);
    const TimelineLayout L = TimelineLayout::compute(QRect(0, 0, 1600, 600), o, runs);
    return std::any_of(L.legendItems.begin(), L.legendItems.end(),
                       [&](const TimelineLegendItem &item) { return item.kind == kind; });
}

// The value of a step function at ns: the last step at or before it.
int runningAt(const QList<ConcurrencyStep> &steps, qint64 ns)
{
    const auto it = std::partition_point(steps.begin(), steps.end(),
                                         [&](const ConcurrencyStep &s) { return s.ns <= ns; });
    return it == steps.begin() ? 0 : (it - 1)->running;
}

} // namespace

void tst_TimelineAdmission::initTestCase()
{
    // QSvgRenderer (SVG Tiny) cannot resolve the hatch <pattern>s browsers draw; not our concern.
    QLoggingCategory::setFilterRules(u"qt.svg.warning=false"_s);
}

void tst_TimelineAdmission::permitWaitSpanOnlyWhenAThreadWasHeld()
{
    // Three threads, two permits, six tasks of a second: in-task admission picks task 2 at 0 and
    // starts it at 1, when task 0 hands its permit over; task 4 is picked at 1, started at 2.
    const QList<double> seconds(6, 1.0);
    const auto inTask = handRun(seconds, 3, 2, Admission::InTask);
    TaskSpans t;
    QVERIFY(TaskSpans::read(*inTask, 2, 0, &t));
    QVERIFY(t.hasPermitWait());
    QCOMPARE(t.permitFrom, 0);
    QCOMPARE(t.permitTo, 1000 * ms);
    QCOMPARE(t.permitStyle, PermitWaitStyle);
    QCOMPARE(t.runFrom, 1000 * ms);
    QVERIFY(TaskSpans::read(*inTask, 4, 0, &t));
    QCOMPARE(t.waitFrom, 0);
    QCOMPARE(t.waitTo, 1000 * ms); // waiting for a thread ...
    QCOMPARE(t.permitFrom, 1000 * ms); // ... then holding it, waiting for a permit
    QCOMPARE(t.permitTo, 2000 * ms);
    QCOMPARE(t.end(), 3000 * ms);
    // Task 0 took a thread and a permit at once: no permit wait.
    QVERIFY(TaskSpans::read(*inTask, 0, 0, &t));
    QVERIFY(!t.hasPermitWait());

    // Fifo: a task never holds a thread while it waits; its wait is one span, to its start.
    const auto fifo = handRun(seconds, 3, 2, Admission::Fifo);
    for (qsizetype i = 0; i < fifo->taskCount(); ++i) {
        QVERIFY(TaskSpans::read(*fifo, i, 0, &t));
        QVERIFY(!t.hasPermitWait());
        QCOMPARE(t.waitTo, t.runFrom);
    }

    // Live: picked, not started yet, the permit wait runs to now; cancelled while waiting for its
    // permit, it ends at the cancellation, drawn as cancelled.
    Scenario s = makeScenario({1, 1}, 1, 1.0, 2);
    s.options.admission = Admission::InTask;
    RunRecord live(s);
    live.markSubmitted(0, 0);
    live.markSubmitted(1, 0);
    live.markPicked(1, 10 * ms);
    QVERIFY(TaskSpans::read(live, 1, 50 * ms, &t));
    QCOMPARE(t.waitTo, 10 * ms);
    QCOMPARE(t.permitFrom, 10 * ms);
    QCOMPARE(t.permitTo, 50 * ms);
    QCOMPARE(t.runFrom, -1);
    QVERIFY(TaskSpans::read(live, 0, 50 * ms, &t));
    QVERIFY(!t.hasPermitWait());
    live.markFinished(1, 60 * ms, TaskStatus::Cancelled);
    QVERIFY(TaskSpans::read(live, 1, 90 * ms, &t));
    QCOMPARE(t.permitTo, 60 * ms);
    QCOMPARE(t.permitStyle, CancelledStyle);
    QCOMPARE(t.waitStyle, WaitStyle);
}

void tst_TimelineAdmission::legendNamesPermitWaitOnlyWhenShown()
{
    const QList<double> seconds(6, 1.0);
    const std::shared_ptr<const RunRecord> fifo = handRun(seconds, 3, 2, Admission::Fifo);
    const std::shared_ptr<const RunRecord> inTask = handRun(seconds, 3, 2, Admission::InTask);
    // In-task with a thread per task and no contention: picked when started, nothing to explain.
    const std::shared_ptr<const RunRecord> roomy = handRun(seconds, 6, 6, Admission::InTask);
    TimelineRenderOptions o = optionsFor({fifo});
    QVERIFY(!legendHas(o, TimelineLegendItem::PermitWait));
    o = optionsFor({roomy});
    QVERIFY(!legendHas(o, TimelineLegendItem::PermitWait));
    o = optionsFor({fifo, inTask});
    QVERIFY(legendHas(o, TimelineLegendItem::PermitWait));
    QVERIFY(legendHas(o, TimelineLegendItem::Wait));
    // Worker lanes: the thread is held, so the bar and its legend entry stay; waits for a thread
    // have no worker.
    o.laneMode = TimelineLaneMode::Workers;
    QVERIFY(legendHas(o, TimelineLegendItem::PermitWait));
    QVERIFY(!legendHas(o, TimelineLegendItem::Wait));

    // The swatch is painted: the legend strip holds the permit wait's colour only then.
    const TimelinePalette pal = TimelinePalette::light();
    const QImage with = ImageExport::renderTimelineImage(optionsFor({inTask}), QSize(1600, 500));
    const QImage without = ImageExport::renderTimelineImage(optionsFor({fifo}), QSize(1600, 500));
    const QRect legendStrip(0, 0, 1600, 30);
    QVERIFY(countColour(with, pal.permitWait, legendStrip) > 0);
    QCOMPARE(countColour(without, pal.permitWait), 0);
}

void tst_TimelineAdmission::permitWaitHasItsOwnPixels_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<bool>("workers");
    QTest::newRow("light, task lanes") << false << false;
    QTest::newRow("dark, task lanes") << true << false;
    QTest::newRow("light, worker lanes") << false << true;
    QTest::newRow("dark, worker lanes") << true << true;
}

void tst_TimelineAdmission::permitWaitHasItsOwnPixels()
{
    QFETCH(bool, dark);
    QFETCH(bool, workers);
    const QList<double> seconds(6, 1.0);
    const auto inTask = handRun(seconds, 3, 2, Admission::InTask);
    TimelineRenderOptions o = optionsFor({inTask});
    o.palette = dark ? TimelinePalette::dark() : TimelinePalette::light();
    o.laneMode = workers ? TimelineLaneMode::Workers : TimelineLaneMode::Tasks;
    o.showLegend = false;
    const QSize size(1000, 500);
    const QImage image = ImageExport::renderTimelineImage(o, size);
    const TimelinePalette &pal = o.palette;

    // Task 2 (worker 3) held its thread from 0 to 1 s: the middle of that span shows the permit
    // wait's fill, cross-hatch or outline, never the plain wait's colours.
    TimelineRenderer renderer;
    o.fitAllLanes = true;
    const QRect lane = renderer.laneRect(QRect(QPoint(), size), o, 0, 2); // task 2, worker 3
    const QRect plot = renderer.plotRect(QRect(QPoint(), size), o);
    const auto [start, end] = renderer.fittedRange(o);
    const auto xAt = [&](double t) {
        return plot.left() + int((t - start) / (end - start) * plot.width());
    };
    const QRect middle(xAt(0.3), lane.top(), xAt(0.7) - xAt(0.3), lane.height());
    const qsizetype permit = countColour(image, pal.permitWait, middle)
                             + countColour(image, pal.permitWaitHatch, middle);
    QVERIFY2(permit > middle.width() * 2, qPrintable(QString::number(permit)));
    QCOMPARE(countColour(image, pal.wait, middle), 0);
    QCOMPARE(countColour(image, pal.run, middle), 0);
    // Its run follows, 1 to 2 s.
    const QRect running(xAt(1.3), lane.top(), xAt(1.7) - xAt(1.3), lane.height());
    QVERIFY(countColour(image, pal.run, running) > running.width());

    // The same batch in fifo admission has no such pixels anywhere.
    const auto fifo = handRun(seconds, 3, 2, Admission::Fifo);
    o.runs = {fifo};
    const QImage plain = ImageExport::renderTimelineImage(o, size);
    QCOMPARE(countColour(plain, pal.permitWait), 0);
    QCOMPARE(countColour(plain, pal.permitWaitHatch), 0);
}

void tst_TimelineAdmission::levelOfDetailIsExactWithPermitWaits_data()
{
    QTest::addColumn<int>("tasks");
    QTest::addColumn<bool>("workers");
    QTest::addColumn<double>("zoom"); // fraction of the run shown, from its middle

    QTest::newRow("task lanes, fitted") << 20000 << false << 1.0;
    QTest::newRow("task lanes, 2% window") << 20000 << false << 0.02;
    QTest::newRow("worker lanes, fitted") << 20000 << true << 1.0;
    QTest::newRow("worker lanes, 5% window") << 20000 << true << 0.05;
    QTest::newRow("worker lanes, 0.2% window") << 20000 << true << 0.002;
}

void tst_TimelineAdmission::levelOfDetailIsExactWithPermitWaits()
{
    // The summaries (per block of task lanes, per worker) carry the permit waits: the picture is
    // the same, pixel for pixel, as drawing every task.
    QFETCH(int, tasks);
    QFETCH(bool, workers);
    QFETCH(double, zoom);
    const auto record = handRun(irregularDurations(tasks), 8, 5, Admission::InTask,
                                [](qsizetype i) { return i % 611 == 13; });
    QVERIFY(record->isComplete());
    TimelineRenderOptions o = optionsFor({record});
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
    QVERIFY(countColour(reference, o.palette.permitWait) > 0);
}

void tst_TimelineAdmission::svgExportShowsPermitWait()
{
    // Export paints through the same passes: the SVG holds the permit wait's fill and outline and
    // the legend's words, the PNG its pixels.
    const QList<double> seconds(6, 1.0);
    const ImageExport::Runs runs = {handRun(seconds, 3, 2, Admission::InTask)};
    ImageExportOptions options;
    options.timeline.font = QGuiApplication::font();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    const QString svgPath = dir.filePath(u"in-task.svg"_s);
    QVERIFY2(ImageExport::writeSvg(svgPath, runs, {}, options, &error), qPrintable(error));
    QFile svg(svgPath);
    QVERIFY(svg.open(QIODevice::ReadOnly));
    const QByteArray text = svg.readAll();
    const TimelinePalette pal = TimelinePalette::light();
    QVERIFY(text.contains(pal.permitWait.name().toLatin1()));
    QVERIFY(text.contains(pal.permitWaitEdge.name().toLatin1()));
    QVERIFY(text.contains("holding a thread, waiting for a permit"));
    const QImage png = ImageExport::renderImage(runs, {}, options);
    QVERIFY(countColour(png, pal.permitWait) > 100);
}

void tst_TimelineAdmission::chartDrawsEachGate()
{
    // Two gates, "cpu" (limit 2) and "io" (limit 1), every other task behind one: the chart shows
    // each gate's running tasks in its colour, its name in the label column, and the renderer's
    // per-gate counts match the record.
    const QList<Gate> gates = {Gate{u"cpu"_s, 2}, Gate{u"io"_s, 1}};
    const auto gateOf = [](qsizetype i) {
        return i % 3 == 0 ? u"cpu"_s : i % 3 == 1 ? u"io"_s : QString();
    };
    const auto record = handRun(QList<double>(12, 1.0), 4, 4, Admission::Fifo, {}, gateOf, gates);
    for (const QList<ConcurrencyStep> &steps : gateConcurrencySteps(*record))
        QVERIFY(!steps.isEmpty());
    const QList<QList<ConcurrencyStep>> expected = gateConcurrencySteps(*record);
    const TimelinePalette pal = TimelinePalette::light();
    TimelineRenderOptions o = optionsFor({record});
    o.fitAllLanes = true;
    const QSize size(1000, 600);
    const QImage image = ImageExport::renderTimelineImage(o, size);
    TimelineRenderer renderer;
    const QRect plot = renderer.plotRect(QRect(QPoint(), size), o);
    const QRect lastLane = renderer.laneRect(QRect(QPoint(), size), o, 0, 11);
    const QRect chart(0, lastLane.bottom() + 1, size.width(), size.height() - lastLane.bottom());
    const QRect chartPlot = chart.intersected(QRect(plot.left(), 0, plot.width(), size.height()));
    const QRect labels = chart.intersected(QRect(0, 0, plot.left(), size.height()));
    for (qsizetype g = 0; g < gates.size(); ++g) {
        const QColor colour = pal.gates[size_t(g)];
        QVERIFY2(countColour(image, colour, chartPlot) > plot.width() / 4,
                 qPrintable(gates.at(g).name));
        QVERIFY2(countColour(image, colour, labels) > 4, qPrintable(gates.at(g).name));
        // Nowhere above the chart: the lanes keep their colours.
        QCOMPARE(countColour(image, colour, QRect(0, 0, size.width(), chart.top())), 0);
    }
    // Per-gate counts at a few instants, as the chart and its tooltip read them.
    for (const double at : {0.5, 1.5, 2.0, 2.5, 5.0}) {
        const QList<int> running = renderer.gatesRunningAt(o, 0, at);
        QCOMPARE(running.size(), gates.size());
        for (qsizetype g = 0; g < gates.size(); ++g) {
            QCOMPARE(running.at(g), runningAt(expected.at(g), qint64(at * 1e9)));
            QVERIFY(running.at(g) <= gates.at(g).limit);
        }
    }
    // Drawing data built on another thread (the session's finish work) and handed over: the same
    // picture and the same per-gate counts.
    {
        TimelineRenderer adopting;
        std::shared_ptr<FinishedRunDrawing> built;
        std::thread([&] { built = TimelineRenderer::buildDrawing(*record, Schedule()); }).join();
        QCOMPARE(built->gates.gates().size(), size_t(gates.size()));
        adopting.adoptDrawing(record, std::move(*built));
        const auto paint = [&](TimelineRenderer &r) {
            QImage picture(size, QImage::Format_ARGB32_Premultiplied);
            QPainter painter(&picture);
            r.paint(painter, picture.rect(), o);
            painter.end();
            return picture;
        };
        QVERIFY(paint(adopting) == paint(renderer));
        QCOMPARE(adopting.gatesRunningAt(o, 0, 1.5), renderer.gatesRunningAt(o, 0, 1.5));
    }
    // A run without gates has no gate lines.
    o.runs = {handRun(QList<double>(12, 1.0), 4, 4, Admission::Fifo)};
    QVERIFY(renderer.gatesRunningAt(o, 0, 0.5).isEmpty());
    const QImage plain = ImageExport::renderTimelineImage(o, size);
    for (const QColor &colour : pal.gates)
        QCOMPARE(countColour(plain, colour), 0);
}

void tst_TimelineAdmission::liveGateStepsFollowTheRecord()
{
    // Events published in batches, some out of time order (a start published before an earlier
    // finish): at every batch the live steps hold the same values as core's steps of what has
    // been published, and the final ones equal core's exactly.
    const QList<Gate> gates = {Gate{u"a"_s, 2}, Gate{u"b"_s, 3}};
    Scenario s = makeScenario(QList<double>(400, 1.0), 0, 1.0);
    s.options.gates = gates;
    for (qsizetype i = 0; i < s.tasks.size(); ++i) {
        if (i % 5 != 4)
            s.tasks[i].setGate(i % 2 ? u"b"_s : u"a"_s);
    }
    auto r = std::make_shared<RunRecord>(s);
    for (qsizetype i = 0; i < s.tasks.size(); ++i)
        r->markSubmitted(i, 0);
    // Per gate, its permits' free times; tasks are written in pairs whose events swap order.
    std::vector<std::vector<qint64>> freeAt = {std::vector<qint64>(2, 0),
                                               std::vector<qint64>(3, 0)};
    struct Event
    {
        qsizetype task;
        qint64 start, finish;
    };
    std::vector<Event> events;
    for (qsizetype i = 0; i < s.tasks.size(); ++i) {
        const int g = s.options.gateIndex(s.tasks.at(i).gate());
        qint64 start = (i * 37 % 101) * ms;
        if (g >= 0) {
            auto &permits = freeAt[size_t(g)];
            const auto permit = std::min_element(permits.begin(), permits.end());
            start = std::max(start, *permit);
            *permit = start + (1 + i % 7) * ms;
        }
        events.push_back({i, start, start + (1 + i % 7) * ms});
    }
    GateSteps live;
    qsizetype written = 0;
    while (written < qsizetype(events.size())) {
        const qsizetype batch = std::min<qsizetype>(qsizetype(events.size()) - written, 37);
        for (qsizetype k = written; k < written + batch; ++k)
            r->markStarted(events[size_t(k)].task, events[size_t(k)].start, 1);
        // Finishes of the batch in reverse order.
        for (qsizetype k = written + batch - 1; k >= written; --k)
            r->markFinished(events[size_t(k)].task, events[size_t(k)].finish, TaskStatus::Ok);
        written += batch;
        r->publishEvents();
        live.sync(*r, false);
        QVERIFY(!live.isFinal());
        const QList<QList<ConcurrencyStep>> expected = gateConcurrencySteps(*r);
        QCOMPARE(qsizetype(live.gates().size()), expected.size());
        for (qsizetype g = 0; g < expected.size(); ++g) {
            for (const ConcurrencyStep &step : expected.at(g))
                QCOMPARE(runningAt(live.gates()[size_t(g)].steps, step.ns), step.running);
        }
    }
    live.sync(*r, true);
    QVERIFY(live.isFinal());
    const QList<QList<ConcurrencyStep>> expected = gateConcurrencySteps(*r);
    for (qsizetype g = 0; g < expected.size(); ++g) {
        const QList<ConcurrencyStep> &steps = live.gates()[size_t(g)].steps;
        QCOMPARE(steps.size(), expected.at(g).size());
        for (qsizetype k = 0; k < steps.size(); ++k) {
            QCOMPARE(steps.at(k).ns, expected.at(g).at(k).ns);
            QCOMPARE(steps.at(k).running, expected.at(g).at(k).running);
        }
        QCOMPARE(live.gates()[size_t(g)].blocks.peakRunning, gates.at(g).limit);
    }
}

void tst_TimelineAdmission::largeGatedRunPaints()
{
    // 100,000 tasks behind two gates, in-task admission: the first paint builds the caches, the
    // next ones read per-gate block extremes (timings reported, not asserted: the machine may be
    // loaded). What is asserted: each gate's line is there, and within its limit.
    const QList<Gate> gates = {Gate{u"cpu"_s, 3}, Gate{u"net"_s, 2}};
    const auto record = handRun(
            irregularDurations(100000), 8, 6, Admission::InTask, {},
            [](qsizetype i) { return i % 3 == 0   ? u"cpu"_s
                                     : i % 3 == 1 ? u"net"_s
                                                  : QString(); },
            gates);
    TimelineRenderOptions o = optionsFor({record});
    o.fitAllLanes = true;
    QImage image(1920, 1080, QImage::Format_RGB32);
    TimelineRenderer renderer;
    QElapsedTimer timer;
    for (int pass = 0; pass < 3; ++pass) {
        timer.start();
        QPainter painter(&image);
        renderer.paint(painter, image.rect(), o);
        qInfo("100k gated tasks, paint %d: %lld ms", pass, timer.elapsed());
    }
    for (size_t g = 0; g < size_t(gates.size()); ++g)
        QVERIFY(countColour(image, o.palette.gates[g]) > 100);
    const auto [start, end] = renderer.fittedRange(o);
    for (int k = 1; k < 20; ++k) {
        const QList<int> running = renderer.gatesRunningAt(o, 0, start + (end - start) * k / 20);
        QCOMPARE(running.size(), gates.size());
        for (qsizetype g = 0; g < gates.size(); ++g)
            QVERIFY(running.at(g) >= 0 && running.at(g) <= gates.at(g).limit);
    }
}

QTEST_MAIN(tst_TimelineAdmission)

#include "tst_timelineadmission.moc"
