#include "runrecord.h"
#include "runreport.h"
#include "taskwaitreason.h"
#include "testrun.h"
#include "testscenarios.h"
#include "timelinebarlabelspass.h"
#include "timelinelayout.h"
#include "timelinepalette.h"
#include "timelinerenderer.h"
#include "timelineruns.h"
#include "timelinetooltip.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QTest>

#include <algorithm>
#include <iterator>
#include <memory>
#include <tuple>
#include <vector>

using namespace Qt::StringLiterals;

// Task i: submitted, picked (-1: at its start), started (-1: never), finished (-1: not yet) in
// real ms, on worker w. Finishes are recorded in time order, so completionOrder() follows them.
struct HandTask
{
    qint64 submitted, picked, started, finished;
    int worker;
};
Q_DECLARE_METATYPE(HandTask)
Q_DECLARE_METATYPE(Gate)

// What the timeline's bars say: results after finished bars, task numbers on worker lanes' blocks,
// the kinds' marks and their legend entries, the printed strip of delayed print, what a waiting
// task waits for, and a task highlighted in every run of a comparison. Records are written by
// hand (or idealRun()), so nothing depends on timing.
class tst_TimelineBarText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resultLabelsWhereThereIsRoom();
    void workerBlocksShowTaskNumbers();
    void printedStripInCompletionOrder();
    void legendNamesOnlyPresentKinds();
    void kindMarksOnCpuAndHttpBars();
    void waitReasonNamesTheHolders_data();
    void waitReasonNamesTheHolders();
    void toolTipSaysWhatAWaitWaitsFor();
    void highlightFollowsTheTaskIntoEveryRun();
};

namespace {

constexpr qint64 ms = 1000000;
const QList<double> seedDurations = {5, 1, 8, 3, 4};

TimelineRenderOptions optionsFor(const QList<std::shared_ptr<const RunRecord>> &runs)
{
    TimelineRenderOptions o;
    o.runs = runs;
    o.font = QApplication::font();
    o.levelOfDetail = true;
    return o;
}

std::vector<TimelineBarText> textsOf(const std::vector<TimelineBarText> &texts,
                                     TimelineBarText::Kind kind)
{
    std::vector<TimelineBarText> out;
    std::copy_if(texts.begin(), texts.end(), std::back_inserter(out),
                 [&](const TimelineBarText &t) { return t.kind == kind; });
    return out;
}

std::shared_ptr<RunRecord> handRecord(const Scenario &s, const QList<HandTask> &tasks)
{
    auto r = std::make_shared<RunRecord>(s);
    std::vector<std::tuple<qint64, bool, qsizetype>> events; // (time, finish, task)
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        const HandTask &t = tasks.at(i);
        r->markSubmitted(i, t.submitted * ms);
        if (t.picked >= 0 && t.started < 0)
            r->markPicked(i, t.picked * ms);
        if (t.started >= 0)
            events.emplace_back(t.started, false, i);
        if (t.finished >= 0)
            events.emplace_back(t.finished, true, i);
    }
    std::sort(events.begin(), events.end(), [](const auto &a, const auto &b) {
        return std::get<0>(a) != std::get<0>(b) ? std::get<0>(a) < std::get<0>(b)
                                                : std::get<1>(a) > std::get<1>(b);
    });
    for (const auto &[time, finish, i] : events) {
        const HandTask &t = tasks.at(i);
        if (finish)
            r->markFinished(i, time * ms, TaskStatus::Ok, s.tasks.at(i).message());
        else
            r->markStarted(i, time * ms, t.worker, t.picked >= 0 ? t.picked * ms : -1);
    }
    r->publishEvents();
    return r;
}

} // namespace

void tst_TimelineBarText::resultLabelsWhereThereIsRoom()
{
    const std::shared_ptr<const RunRecord> run = idealRun(seedDurations, 2);
    TimelineRenderer renderer;
    TimelineRenderOptions o = optionsFor({run});
    const QRect wide(0, 0, 1600, 700);
    std::vector<TimelineBarText> results =
            textsOf(renderer.barTexts(wide, o), TimelineBarText::Kind::Result);
    QCOMPARE(results.size(), size_t(run->taskCount()));
    const QRect plot = renderer.plotRect(wide, o);
    for (const TimelineBarText &t : results) {
        // The task's own result, after its bar, inside the plot and its lane.
        QCOMPARE(t.text, TimelineBarLabelsPass::resultText(run->result(t.task)));
        QVERIFY(t.text.contains(RunReport::formatResult(run->result(t.task))));
        const QRect bar = renderer.taskBarRect(wide, o, 0, t.task);
        QVERIFY2(t.rect.left() > bar.right(), qPrintable(t.text));
        QVERIFY(plot.contains(t.rect));
        const QRect lane = renderer.laneRect(wide, o, 0, t.task);
        QVERIFY(t.rect.center().y() >= lane.top() && t.rect.center().y() <= lane.bottom());
    }

    // Zoomed into the first 6 s, the bars ending past it (tasks 3, 4 and 5 end at 9, 8 and 12 s)
    // have none; the others keep theirs.
    o.visibleStart = 0.0;
    o.visibleEnd = 6.0;
    results = textsOf(renderer.barTexts(wide, o), TimelineBarText::Kind::Result);
    QVERIFY(!results.empty());
    QVERIFY(results.size() < size_t(run->taskCount()));
    for (const TimelineBarText &t : results) {
        QVERIFY(run->sample(t.task).finishedNs < 6000 * ms);
        QVERIFY(renderer.plotRect(wide, o).contains(t.rect));
    }

    // Lanes too thin for a line of text: no results at all.
    o.visibleEnd = 0.0;
    o.laneHeight = 6.0;
    QVERIFY(textsOf(renderer.barTexts(wide, o), TimelineBarText::Kind::Result).empty());
    // Too narrow for any text after its bar, none either.
    o.laneHeight = 0.0;
    QVERIFY(textsOf(renderer.barTexts(QRect(0, 0, 90, 700), o), TimelineBarText::Kind::Result)
                    .empty());
}

void tst_TimelineBarText::workerBlocksShowTaskNumbers()
{
    const std::shared_ptr<const RunRecord> run = idealRun(seedDurations, 2);
    TimelineRenderer renderer;
    TimelineRenderOptions o = optionsFor({run});
    o.laneMode = TimelineLaneMode::Workers;
    const QRect wide(0, 0, 1600, 700);
    std::vector<TimelineBarText> numbers =
            textsOf(renderer.barTexts(wide, o), TimelineBarText::Kind::TaskNumber);
    QCOMPARE(numbers.size(), size_t(run->taskCount()));
    for (const TimelineBarText &t : numbers) {
        QCOMPARE(t.text, QStringLiteral("#%1").arg(t.task + 1));
        QVERIFY(renderer.taskBarRect(wide, o, 0, t.task).contains(t.rect));
    }
    // No result texts in worker lanes: the next block follows.
    QVERIFY(textsOf(renderer.barTexts(wide, o), TimelineBarText::Kind::Result).empty());
    // A narrow picture: the one-second block (#2) has no room for its number, the long ones do.
    numbers =
            textsOf(renderer.barTexts(QRect(0, 0, 300, 700), o), TimelineBarText::Kind::TaskNumber);
    QVERIFY(numbers.size() < size_t(run->taskCount()));
    QVERIFY(std::none_of(numbers.begin(), numbers.end(),
                         [](const TimelineBarText &t) { return t.task == 1; }));
    QVERIFY(std::any_of(numbers.begin(), numbers.end(),
                        [](const TimelineBarText &t) { return t.task == 2; }));
}

void tst_TimelineBarText::printedStripInCompletionOrder()
{
    // The article's delayed print: 3, 2, 1 seconds printing 111, 222, 333, all at once.
    Scenario s;
    s.tasks = {sleepTask(3, {}, QStringLiteral("111")), sleepTask(2, {}, QStringLiteral("222")),
               sleepTask(1, {}, QStringLiteral("333"))};
    const std::shared_ptr<const RunRecord> run =
            handRecord(s, {{0, -1, 0, 3000, 1}, {0, -1, 0, 2000, 2}, {0, -1, 0, 1000, 3}});
    TimelineRenderer renderer;
    const TimelineRenderOptions o = optionsFor({run});
    const QRect rect(0, 0, 1200, 600);
    std::vector<TimelineBarText> printed =
            textsOf(renderer.barTexts(rect, o), TimelineBarText::Kind::Printed);
    QCOMPARE(printed.size(), size_t(3));
    std::sort(printed.begin(), printed.end(),
              [](const auto &a, const auto &b) { return a.rect.left() < b.rect.left(); });
    const QList<qsizetype> completion = run->completionOrder();
    QCOMPARE(completion, QList<qsizetype>({2, 1, 0}));
    for (size_t k = 0; k < printed.size(); ++k) {
        const int task = int(completion.at(qsizetype(k)));
        QCOMPARE(printed[k].task, task);
        // The message and, beside it, the order it was submitted in.
        QVERIFY(printed[k].text.startsWith(s.tasks.at(task).message()));
        QVERIFY(printed[k].text.endsWith(QStringLiteral("#%1").arg(task + 1)));
    }
    // Under the lanes, above the chart.
    const QRect lastLane = renderer.laneRect(rect, o, 0, 2);
    QVERIFY(printed.front().rect.top() > lastLane.bottom());

    // Without messages, no strip: the same tasks take less height.
    Scenario plain;
    plain.tasks = sleepTasks({3, 2, 1});
    const std::shared_ptr<const RunRecord> quiet =
            handRecord(plain, {{0, -1, 0, 3000, 1}, {0, -1, 0, 2000, 2}, {0, -1, 0, 1000, 3}});
    const TimelineRenderOptions q = optionsFor({quiet});
    QVERIFY(textsOf(renderer.barTexts(rect, q), TimelineBarText::Kind::Printed).empty());
    QVERIFY(renderer.contentHeight(rect, q) < renderer.contentHeight(rect, o));
}

void tst_TimelineBarText::legendNamesOnlyPresentKinds()
{
    const auto legendKinds = [](const QList<std::shared_ptr<const RunRecord>> &runs) {
        TimelineRuns timelineRuns;
        const TimelineRenderOptions o = optionsFor(runs);
        timelineRuns.sync(o);
        const TimelineLayout L = TimelineLayout::compute(QRect(0, 0, 1600, 600), o, timelineRuns);
        QList<TimelineLegendItem::Kind> kinds;
        for (const TimelineLegendItem &item : L.legendItems)
            kinds << item.kind;
        return kinds;
    };
    Scenario sleeps;
    sleeps.tasks = sleepTasks({1, 2});
    Scenario cpu;
    cpu.tasks = {sleepTask(1), cpuTask(1)};
    Scenario http;
    http.tasks = {httpTask(QStringLiteral("local:/work?s=1"))};
    const QList<HandTask> one = {{0, -1, 0, 1000, 1}};
    const QList<HandTask> two = {{0, -1, 0, 1000, 1}, {0, -1, 0, 1000, 2}};
    const auto sleepRun = handRecord(sleeps, two);
    const auto cpuRun = handRecord(cpu, two);
    const auto httpRun = handRecord(http, one);

    QList<TimelineLegendItem::Kind> kinds = legendKinds({sleepRun});
    QVERIFY(kinds.contains(TimelineLegendItem::Run));
    QVERIFY(!kinds.contains(TimelineLegendItem::CpuRun));
    QVERIFY(!kinds.contains(TimelineLegendItem::HttpRun));
    kinds = legendKinds({sleepRun, cpuRun});
    QVERIFY(kinds.contains(TimelineLegendItem::CpuRun));
    QVERIFY(!kinds.contains(TimelineLegendItem::HttpRun));
    kinds = legendKinds({httpRun, cpuRun});
    QVERIFY(kinds.contains(TimelineLegendItem::CpuRun));
    QVERIFY(kinds.contains(TimelineLegendItem::HttpRun));
}

void tst_TimelineBarText::kindMarksOnCpuAndHttpBars()
{
    // The same bars, sleeps against CPU tasks: the CPU bars carry their mark in the lane's
    // mark colour, the sleeps none (in every palette, high contrast included).
    Scenario sleeps;
    sleeps.tasks = sleepTasks({2, 2});
    Scenario cpu;
    cpu.tasks = {cpuTask(2), cpuTask(2)};
    const QList<HandTask> tasks = {{0, -1, 0, 2000, 1}, {0, -1, 0, 2000, 2}};
    const auto sleepRun = handRecord(sleeps, tasks);
    const auto cpuRun = handRecord(cpu, tasks);
    for (const TimelinePalette &palette :
         {TimelinePalette::light(), TimelinePalette::dark(), TimelinePalette::highContrastLight(),
          TimelinePalette::highContrastDark()}) {
        const auto markPixels = [&](const std::shared_ptr<const RunRecord> &run) {
            TimelineRenderer renderer;
            TimelineRenderOptions o = optionsFor({run});
            o.palette = palette;
            o.showLegend = false;
            const QRect rect(0, 0, 800, 400);
            QImage image(rect.size(), QImage::Format_RGB32);
            QPainter p(&image);
            renderer.paint(p, rect, o);
            p.end();
            const QRect bar = renderer.taskBarRect(rect, o, 0, 0);
            qsizetype n = 0;
            // The bar's first 20 pixels, where the mark goes (not its end, where results go).
            for (int y = bar.top(); y <= bar.bottom(); ++y)
                for (int x = bar.left(); x < bar.left() + 20; ++x)
                    n += QColor(image.pixel(x, y)) == palette.runMark ? 1 : 0;
            return n;
        };
        QCOMPARE(markPixels(sleepRun), qsizetype(0));
        QVERIFY(markPixels(cpuRun) >= 10);
    }
}

void tst_TimelineBarText::waitReasonNamesTheHolders_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("threads");
    QTest::addColumn<bool>("inTask");
    QTest::addColumn<QList<Gate>>("gates");
    QTest::addColumn<QList<HandTask>>("tasks");
    QTest::addColumn<int>("task");
    QTest::addColumn<qint64>("atMs");
    QTest::addColumn<QString>("text");

    const QList<HandTask> twoAndTwo = {{0, -1, 0, 1000, 1},
                                       {0, -1, 0, 1500, 2},
                                       {0, -1, 1000, 2000, 1},
                                       {0, -1, 1500, 2500, 2}};
    QTest::newRow("permit") << 2 << 4 << false << QList<Gate>() << twoAndTwo << 2 << qint64(500)
                            << u"waiting for a permit (limit 2), held by #1 and #2"_s;
    // Task 4 waits on: at 1.2 s task 3 holds task 1's permit.
    QTest::newRow("permit handed on")
            << 2 << 4 << false << QList<Gate>() << twoAndTwo << 3 << qint64(1200)
            << u"waiting for a permit (limit 2), held by #2 and #3"_s;
    QTest::newRow("started: not waiting")
            << 2 << 4 << false << QList<Gate>() << twoAndTwo << 2 << qint64(1200) << QString();
    QTest::newRow("pool") << 0 << 2 << false << QList<Gate>() << twoAndTwo << 2 << qint64(500)
                          << u"waiting for a pool thread (2), held by #1 and #2"_s;
    // In-task: task 3 holds a thread from 0 and waits for the only permit, task 1's.
    QTest::newRow("in-task permit")
            << 1 << 3 << true << QList<Gate>()
            << QList<HandTask>{{0, -1, 0, 1000, 1}, {0, 0, 1000, 2000, 2}, {0, 0, 2000, 3000, 3}}
            << 2 << qint64(1500) << u"waiting for a permit (limit 1), held by #2"_s;
    QTest::newRow("in-task thread")
            << 1 << 1 << true << QList<Gate>()
            << QList<HandTask>{{0, -1, 0, 1000, 1}, {0, 1000, 1000, 2000, 1}} << 1 << qint64(400)
            << u"waiting for a pool thread (1), held by #1"_s;
    QTest::newRow("gate") << 0 << 4 << false << QList<Gate>{{QStringLiteral("cpu"), 1}}
                          << QList<HandTask>{{0, -1, 0, 1000, 1},
                                             {0, -1, 0, 1000, 2},
                                             {0, -1, 1000, 2000, 1}}
                          << 2 << qint64(300) << u"waiting for the cpu gate (1), held by #1"_s;
    QList<HandTask> nine;
    for (int i = 0; i < 8; ++i)
        nine.append({0, -1, 0, 1000, i + 1});
    nine.append({0, -1, 1000, 2000, 1});
    QTest::newRow("many holders")
            << 8 << 9 << false << QList<Gate>() << nine << 8 << qint64(10)
            << u"waiting for a permit (limit 8), held by #1, #2, #3, #4, #5 and 3 more"_s;
}

void tst_TimelineBarText::waitReasonNamesTheHolders()
{
    QFETCH(int, limit);
    QFETCH(int, threads);
    QFETCH(bool, inTask);
    QFETCH(QList<Gate>, gates);
    QFETCH(QList<HandTask>, tasks);
    QFETCH(int, task);
    QFETCH(qint64, atMs);
    QFETCH(QString, text);
    QList<double> durations;
    for (const HandTask &t : tasks)
        durations << double(t.finished - t.started) / 1000.0;
    Scenario s = makeScenario(durations, limit, 1.0, threads);
    s.options.admission = inTask ? Admission::InTask : Admission::Fifo;
    s.options.gates = gates;
    // Gated rows: the first and last tasks share the gate, the second has none.
    if (!gates.isEmpty()) {
        s.tasks[0].setGate(gates.first().name);
        s.tasks[2].setGate(gates.first().name);
    }
    const auto r = handRecord(s, tasks);
    QCOMPARE(TaskWaitReason::at(*r, task, atMs * ms, -1).text(), text);
}

void tst_TimelineBarText::toolTipSaysWhatAWaitWaitsFor()
{
    const std::shared_ptr<const RunRecord> run = idealRun(seedDurations, 2);
    TimelineRenderer renderer;
    const TimelineRenderOptions o = optionsFor({run});
    // Task 3 (8 s) waits until task 2 finishes at 1 s, behind tasks 1 and 2.
    TimelineHit hit{TimelineHit::Area::Lane, 0, 2, 2, 0.5};
    const QString waiting = TimelineToolTip::text(renderer, o, hit, {});
    QVERIFY2(waiting.contains(u"waiting for a permit (limit 2), held by #1 and #2"_s),
             qPrintable(waiting));
    // Over its run, nothing about waiting.
    hit.time = 3.0;
    QVERIFY(!TimelineToolTip::text(renderer, o, hit, {}).contains(u"held by"_s));
}

void tst_TimelineBarText::highlightFollowsTheTaskIntoEveryRun()
{
    // A comparison: unlimited and limit 2. A task selected or hovered in one run has its lane
    // shaded in the other too, and only that lane.
    const QList<std::shared_ptr<const RunRecord>> runs = {idealRun(seedDurations, 0),
                                                          idealRun(seedDurations, 2)};
    const TimelinePalette palette = TimelinePalette::light();
    const auto laneColour = [&](const TimelineRenderOptions &o, int run, int lane) {
        TimelineRenderer renderer;
        const QRect rect(0, 0, 1200, 900);
        QImage image(rect.size(), QImage::Format_RGB32);
        QPainter p(&image);
        renderer.paint(p, rect, o);
        p.end();
        // The lane's top row at the far right of the plot: no bar, no text, no grid line.
        const QRect area = renderer.laneRect(rect, o, run, lane);
        return QColor(image.pixel(renderer.plotRect(rect, o).right() - 1, area.top()));
    };
    TimelineRenderOptions o = optionsFor(runs);
    o.palette = palette;
    o.selectedRun = 0;
    o.selectedTask = 2;
    for (int run = 0; run < 2; ++run) {
        QCOMPARE(laneColour(o, run, 2), palette.selection);
        QVERIFY(laneColour(o, run, 3) != palette.selection);
    }
    o.selectedRun = o.selectedTask = -1;
    o.hoverRun = 1;
    o.hoverLane = 4;
    for (int run = 0; run < 2; ++run) {
        QCOMPARE(laneColour(o, run, 4), palette.hover);
        QVERIFY(laneColour(o, run, 1) != palette.hover);
    }
}

QTEST_MAIN(tst_TimelineBarText)
#include "tst_timelinebartext.moc"
