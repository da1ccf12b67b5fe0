// Rendering and live-UI benchmarks. Prints a table and "BENCH <name> <value> <unit>" lines.
//  * render_ms_*: a full repaint of the timeline (lanes, bars, ghosts, axis, legend, concurrency
//    chart) of a finished run into a 1920x1080 image, zoomed to fit and zoomed into a 1 % window.
//    Median of repeated paints with the renderer's caches warm (what a repaint costs while the user
//    pans), and the first, cold paint (derived data built) reported beside it.
//  * live_ui_*: the real main window runs 100,000 zero-duration tasks with limit 8 while a probe
//    timer measures the longest gap between event-loop turns; the same run without any view, with
//    the statistics, results line and summary tasklanes-cli --quiet computes, gives the ratio.
// `--smoke` runs tiny sizes for ctest.

#include "mainwindow.h"
#include "runengine.h"
#include "runprogress.h"
#include "runrecord.h"
#include "runreport.h"
#include "runsession.h"
#include "schedule.h"
#include "timelinerenderer.h"
#include "timelineruns.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <map>
#include <thread>
#include <vector>

namespace {

// Times every event delivered from the event loop (outermost notify only) and remembers the
// longest, so the live figure can say what the UI thread was doing when it stalled.
class ProbeApplication : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_depth++ > 0 || !m_watching) {
            if (!m_watching || event->type() != QEvent::Paint) {
                const bool handled = QApplication::notify(receiver, event);
                --m_depth;
                return handled;
            }
            QElapsedTimer t;
            t.start();
            const bool handled = QApplication::notify(receiver, event);
            const double ms = double(t.nsecsElapsed()) / 1e6;
            Paints &paints = paintMs[receiver->metaObject()->className()];
            paints.totalMs += ms;
            paints.maxMs = std::max(paints.maxMs, ms);
            ++paints.count;
            --m_depth;
            return handled;
        }
        QElapsedTimer t;
        t.start();
        const int type = event->type();
        const QByteArray who = receiver->metaObject()->className();
        const bool handled = QApplication::notify(receiver, event);
        const double ms = double(t.nsecsElapsed()) / 1e6;
        if (ms > longestMs) {
            longestMs = ms;
            longestWhat = who + " event " + QByteArray::number(type);
        }
        --m_depth;
        return handled;
    }
    void watch(bool on) { m_watching = on; }

    double longestMs = 0;
    QByteArray longestWhat;
    struct Paints
    {
        double totalMs = 0;
        double maxMs = 0;
        int count = 0;
    };
    std::map<QByteArray, Paints> paintMs; // paints per widget class

private:
    int m_depth = 0;
    bool m_watching = false;
};

// A finished limit-8 run of n tasks with durations between 0.1 and 2 s, as the engine would record
// it (FIFO on 8 slots, a little jitter), so the renderer sees realistic data.
std::shared_ptr<RunRecord> syntheticRun(qsizetype n, Schedule *prediction)
{
    Scenario s;
    s.options.limit = 8;
    s.options.timeScale = 1.0;
    s.tasks.resize(n);
    QRandomGenerator rng(42);
    for (Task &t : s.tasks)
        t.duration = 0.1 + rng.bounded(1.9);
    *prediction = predictSchedule(s.tasks, s.options);
    auto record = std::make_shared<RunRecord>(s);
    std::vector<int> workerOf(8);
    for (qsizetype i = 0; i < n; ++i) {
        const qint64 start = qint64(prediction->start.at(i) * 1e9) + rng.bounded(200000);
        const qint64 finish = qint64(prediction->finish.at(i) * 1e9) + rng.bounded(200000);
        record->markSubmitted(i, 0);
        record->markStarted(i, start, int(i % 8) + 1);
        record->markFinished(i, std::max(start, finish), TaskStatus::Ok);
    }
    record->publishEvents();
    return record;
}

// The first frame of a finished run: from the moment its record is complete, the work the
// session does off the GUI thread (RunProgress::finalData) and the first paint of a fresh
// timeline that reads the result, as the window does when a run ends.
// As the window does it: the session computes the final data while the timeline's finish work
// builds the lane summaries on a thread beside it (RunSession::addFinishWork); then the first
// paint on the window's thread. *finalMs: the part off the window's thread.
double firstFrameAfterEndMs(const std::shared_ptr<RunRecord> &record, const Schedule &prediction,
                            double *finalMs)
{
    QElapsedTimer t;
    t.start();
    auto progress = std::make_shared<RunProgress>(record, prediction);
    std::shared_ptr<FinishedRunDrawing> summaries;
    std::thread views([&] { summaries = TimelineRenderer::buildDrawing(*record, prediction); });
    progress->setFinal(RunProgress::finalData(*record, prediction));
    views.join();
    *finalMs = double(t.nsecsElapsed()) / 1e6;
    TimelineRenderOptions options;
    options.runs = {record};
    options.predictions = {prediction};
    options.progress = {progress};
    options.fitAllLanes = true;
    TimelineRenderer renderer;
    renderer.adoptDrawing(record, std::move(*summaries));
    const auto [start, end] = renderer.fittedRange(options);
    options.visibleStart = start;
    options.visibleEnd = end;
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    QPainter p(&image);
    renderer.paint(p, QRect(0, 0, 1920, 1080), options);
    p.end();
    return double(t.nsecsElapsed()) / 1e6;
}

struct RenderTiming
{
    double coldMs = 0;
    double warmMedianMs = 0;
};

RenderTiming renderTiming(const std::shared_ptr<RunRecord> &record, const Schedule &prediction,
                          double windowFraction, int repeats)
{
    TimelineRenderOptions options;
    options.runs = {record};
    options.predictions = {prediction};
    const auto [start, end] = TimelineRenderer().fittedRange(options);
    const double width = (end - start) * windowFraction;
    options.visibleStart = start + (end - start - width) / 2;
    options.visibleEnd = options.visibleStart + width;
    options.fitAllLanes = true;

    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    const QRect rect(0, 0, 1920, 1080);
    TimelineRenderer renderer;
    RenderTiming timing;
    QElapsedTimer t;
    {
        t.start();
        QPainter p(&image);
        renderer.paint(p, rect, options);
        p.end();
        timing.coldMs = double(t.nsecsElapsed()) / 1e6;
    }
    std::vector<double> ms;
    for (int r = 0; r < repeats; ++r) {
        // A repaint after a pan: shift the window by one pixel's worth so cached bars do not hide
        // the cost of drawing.
        const double shift = (r % 2 ? 1 : -1) * width / 1920.0;
        options.visibleStart += shift;
        options.visibleEnd += shift;
        t.restart();
        QPainter p(&image);
        renderer.paint(p, rect, options);
        p.end();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    timing.warmMedianMs = ms[ms.size() / 2];
    return timing;
}

Scenario zeroTasks(qsizetype n)
{
    Scenario s;
    s.tasks.resize(n);
    s.options.limit = 8;
    return s;
}

// The same tasks the way tasklanes-cli --quiet runs them, in this process: the session, then the
// statistics, the results line and the summary the CLI prints (writing them out is left aside).
// The run's own span in ms: from the engine's clock start to the last finish.
double makespanMs(const RunRecord &record)
{
    qint64 last = 0;
    for (qsizetype i = 0; i < record.taskCount(); ++i)
        last = std::max(last, record.sample(i).finishedNs);
    return double(last) / 1e6;
}

double headlessRunSeconds(const Scenario &s, double *spanMs)
{
    RunSession session;
    QEventLoop loop;
    QObject::connect(&session, &RunSession::finished, &loop, &QEventLoop::quit);
    QElapsedTimer t;
    t.start();
    session.start(s, false);
    loop.exec();
    const RunRecord &record = *session.records().constFirst();
    const RunStats &stats = session.runProgress(0)->stats();
    const QString printed = RunReport::resultsLine(record) + RunReport::summary(record, stats);
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    *spanMs = makespanMs(record);
    if (printed.isEmpty())
        qFatal("no CLI output");
    return seconds;
}

void bench(const char *name, double value, const char *unit)
{
    std::printf("BENCH %s %.4g %s\n", name, value, unit);
}

} // namespace

int main(int argc, char **argv)
{
    ProbeApplication app(argc, argv);
    const bool smoke = app.arguments().contains(QStringLiteral("--smoke"));
    const int repeats = smoke ? 2 : 15;

    struct Size
    {
        qsizetype n;
        const char *name;
    };
    const Size sizes[] = {{smoke ? 1000 : 10000, "render_ms_10k"},
                          {smoke ? 2000 : 100000, "render_ms_100k"},
                          {smoke ? 5000 : 1000000, "render_ms_1m"}};
    std::printf("%-44s %10s %10s\n", "render into 1920x1080", "warm", "cold");
    std::vector<std::pair<const char *, double>> figures;
    // --live-only: skip the rendering figures (for profiling the live run on its own).
    const bool liveOnly = app.arguments().contains(QStringLiteral("--live-only"));
    for (const Size &size : sizes) {
        if (liveOnly)
            break;
        Schedule prediction;
        const auto record = syntheticRun(size.n, &prediction);
        const RenderTiming fit = renderTiming(record, prediction, 1.0, repeats);
        std::printf("%-44s %7.2f ms %7.2f ms\n",
                    qPrintable(QStringLiteral("%1 tasks, fit").arg(size.n)), fit.warmMedianMs,
                    fit.coldMs);
        figures.emplace_back(size.name, fit.warmMedianMs);
        if (size.n == sizes[2].n) {
            const RenderTiming zoomed = renderTiming(record, prediction, 0.01, repeats);
            std::printf("%-44s %7.2f ms %7.2f ms\n",
                        qPrintable(QStringLiteral("%1 tasks, 1 % window").arg(size.n)),
                        zoomed.warmMedianMs, zoomed.coldMs);
            figures.emplace_back("render_ms_1m_zoomed", zoomed.warmMedianMs);
            std::vector<double> cold, finals;
            for (int k = 0; k < (smoke ? 1 : 5); ++k) {
                double finalMs = 0;
                cold.push_back(firstFrameAfterEndMs(record, prediction, &finalMs));
                finals.push_back(finalMs);
            }
            std::sort(cold.begin(), cold.end());
            std::sort(finals.begin(), finals.end());
            const double coldMs = cold[cold.size() / 2];
            std::printf(
                    "%-44s %7.2f ms (final data and lane summaries %.2f ms, off the GUI thread)\n",
                    qPrintable(QStringLiteral("%1 tasks, end of run to first frame").arg(size.n)),
                    coldMs, finals[finals.size() / 2]);
            figures.emplace_back("render_cold_ms_1m", coldMs);
        }
    }

    // --render-only: skip the live window (for profiling the rendering figures on their own).
    if (app.arguments().contains(QStringLiteral("--render-only"))) {
        for (const auto &[name, value] : figures)
            bench(name, value, "ms");
        return 0;
    }

    // Live UI: the real window, 100,000 zero-duration tasks, limit 8.
    const qsizetype liveTasks = smoke ? 2000 : 100000;
    const Scenario live = zeroTasks(liveTasks);

    GuiOptions options;
    options.useSettings = false;
    MainWindow window(options);
    const RunSession *session = window.findChild<RunSession *>(QStringLiteral("runSession"));
    window.resize(1400, 900);
    window.show();
    window.loadScenario(live);
    // A user presses Run in a window that is already on screen: let the first paint (fonts,
    // style, backing store) happen before the probe starts.
    const auto settle = [](int ms) {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < ms)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    };
    settle(300);

    // One GUI run: the run's wall time from pressing Run to the window's "finished", and with
    // stallMs, the probe's longest gap between event-loop turns. The probe is the bench's own
    // load (a wake-up per millisecond, 20-40 ms of the window's thread per second of run), so the
    // runs that only compare makespans go without it.
    const auto guiRun = [&](double *stallMs) {
        double maxStallMs = 0;
        QElapsedTimer sinceTurn;
        // A 1 ms precise timer, not a zero timer: a zero timer keeps the event loop spinning and
        // would take a core from the run it measures. A gap is measured from tick to tick, so
        // it includes the 1 ms interval itself.
        QTimer probe;
        probe.setTimerType(Qt::PreciseTimer);
        probe.setInterval(1);
        QObject::connect(&probe, &QTimer::timeout, [&] {
            maxStallMs = std::max(maxStallMs, double(sinceTurn.nsecsElapsed()) / 1e6);
            sinceTurn.restart();
        });
        QEventLoop loop;
        QObject::connect(&window, &MainWindow::sessionFinished, &loop, &QEventLoop::quit);
        QElapsedTimer guiTimer;
        guiTimer.start();
        sinceTurn.start();
        if (stallMs)
            probe.start();
        app.watch(true);
        if (!window.startRun(false))
            qFatal("the window refused to run");
        loop.exec();
        probe.stop();
        app.watch(false);
        if (stallMs)
            *stallMs = maxStallMs;
        return double(guiTimer.nsecsElapsed()) / 1e9;
    };

    // Seven GUI runs (the first is the first run of a fresh window) interleaved with seven runs
    // without views, so drift on a shared machine hits both sides: the stall is the worst of the
    // seven, the ratio compares medians.
    const int liveRepeats = smoke ? 1 : 7;
    std::vector<double> guiSeconds;
    std::vector<double> headlessSeconds;
    std::vector<double> guiSpans;
    std::vector<double> headlessSpans;
    double maxStallMs = 0;
    for (int k = 0; k < liveRepeats; ++k) {
        double stall = 0;
        guiSeconds.push_back(guiRun(&stall));
        // The window's own work after the run (its finished frame, the panels) is done before
        // the run without views starts, so it is not counted there; the same rest follows that
        // run, as a user would not press Run within a millisecond of the last run's end.
        settle(150);
        std::printf(
                "%-44s %7.2f ms, %.3f s\n",
                qPrintable(QStringLiteral("live UI run %1: longest stall, wall time").arg(k + 1)),
                stall, guiSeconds.back());
        maxStallMs = std::max(maxStallMs, stall);
        guiSpans.push_back(makespanMs(*session->records().constFirst()));
        double span = 0;
        headlessSeconds.push_back(headlessRunSeconds(live, &span));
        headlessSpans.push_back(span);
        settle(150);
    }
    const auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    const double gui = median(guiSeconds);
    const double headless = median(headlessSeconds);

    std::printf("%-44s %7.2f ms\n", "live UI: longest event-loop stall", maxStallMs);
    std::printf("%-44s %7.2f ms (%s)\n", "live UI: longest single event", app.longestMs,
                app.longestWhat.constData());
    for (const auto &[cls, paints] : app.paintMs) {
        if (paints.totalMs >= 1.0) {
            std::printf("  paint %-38s %7.2f ms in all, %d paints, longest %.2f ms\n",
                        cls.constData(), paints.totalMs, paints.count, paints.maxMs);
        }
    }
    std::printf("%-44s %7.3f s\n", "live UI: GUI run (median)", gui);
    std::printf("%-44s %7.3f s\n", "live UI: same run, no views (median)", headless);
    // Where the difference lies: the run itself (first submission to last finish) beside the
    // views' own work before and after it.
    std::printf("%-44s %7.2f ms against %.2f ms\n", "live UI: the run's makespan (median)",
                median(guiSpans), median(headlessSpans));
    std::printf("(%lld zero-duration tasks, limit 8)\n", qlonglong(liveTasks));

    for (const auto &[name, value] : figures)
        bench(name, value, "ms");
    bench("live_ui_max_stall_ms_100k", maxStallMs, "ms");
    bench("live_run_ratio_gui_over_cli", gui / headless, "ratio");

    // CPU-bound work measures the same in the window as without views: the window's pool threads
    // run at the CLI's priority. Two CPU tasks per core, limited to the cores, at time scale 0.5
    // (each task ~0.5 s of work): the makespans of window and headless runs, alternated.
    const int cores = std::max(1, QThread::idealThreadCount());
    Scenario cpu;
    for (int i = 0; i < 2 * cores; ++i) {
        Task t;
        t.kind = TaskKind::Cpu;
        t.duration = smoke ? 0.05 : 1.0;
        cpu.tasks.append(t);
    }
    cpu.options.limit = cores;
    cpu.options.timeScale = 0.5;
    window.loadScenario(cpu);
    std::vector<double> cpuGui, cpuHeadless;
    for (int k = 0; k < (smoke ? 1 : 3); ++k) {
        guiRun(nullptr);
        cpuGui.push_back(makespanMs(*session->records().constFirst()));
        settle(150); // as above: the window's own work after its run is not the other side's
        double span = 0;
        headlessRunSeconds(cpu, &span);
        cpuHeadless.push_back(span);
        settle(150);
    }
    std::printf("%-44s %7.1f ms against %.1f ms\n", "CPU-bound makespan, window vs no views",
                median(cpuGui), median(cpuHeadless));
    bench("cpu_makespan_ratio_gui_over_cli", median(cpuGui) / median(cpuHeadless), "ratio");
    return 0;
}
