// Rendering and live-UI benchmarks. Prints a table and "BENCH <name> <value> <unit>" lines.
//  * render_ms_*: a full repaint of the timeline (lanes, bars, ghosts, axis, legend, concurrency
//    chart) of a finished run into a 1920x1080 image, zoomed to fit and zoomed into a 1 % window.
//    Median of repeated paints with the renderer's caches warm (what a repaint costs while the user
//    pans), and the first, cold paint (derived data built) reported beside it.
//  * live_ui_*: the real main window runs 100,000 zero-duration tasks with limit 8 while a probe
//    timer measures the longest gap between event-loop turns; the same run without any view (what
//    the CLI does with --quiet) gives the ratio.
// `--smoke` runs tiny sizes for ctest.

#include "mainwindow.h"
#include "runengine.h"
#include "runrecord.h"
#include "runsession.h"
#include "schedule.h"
#include "timelinerenderer.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

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
    const auto [start, end] = TimelineRenderer::fitRange(options);
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

double headlessRunSeconds(const Scenario &s)
{
    RunSession session;
    QEventLoop loop;
    QObject::connect(&session, &RunSession::finished, &loop, &QEventLoop::quit);
    QElapsedTimer t;
    t.start();
    session.start(s, false);
    loop.exec();
    return double(t.nsecsElapsed()) / 1e9;
}

void bench(const char *name, double value, const char *unit)
{
    std::printf("BENCH %s %.4g %s\n", name, value, unit);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
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
    for (const Size &size : sizes) {
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
        }
    }

    // Live UI: the real window, 100,000 zero-duration tasks, limit 8.
    const qsizetype liveTasks = smoke ? 2000 : 100000;
    const Scenario live = zeroTasks(liveTasks);
    const double headless = headlessRunSeconds(live);

    GuiOptions options;
    options.useSettings = false;
    MainWindow window(options);
    window.resize(1400, 900);
    window.show();
    window.loadScenario(live);
    QCoreApplication::processEvents();

    double maxStallMs = 0;
    QElapsedTimer sinceTurn;
    QTimer probe;
    probe.setInterval(0);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        maxStallMs = std::max(maxStallMs, double(sinceTurn.nsecsElapsed()) / 1e6);
        sinceTurn.restart();
    });
    QEventLoop loop;
    QObject::connect(&window, &MainWindow::sessionFinished, &loop, &QEventLoop::quit);
    QElapsedTimer guiTimer;
    guiTimer.start();
    sinceTurn.start();
    probe.start();
    if (!window.startRun(false))
        qFatal("the window refused to run");
    loop.exec();
    probe.stop();
    const double gui = double(guiTimer.nsecsElapsed()) / 1e9;

    std::printf("%-44s %7.2f ms\n", "live UI: longest event-loop stall", maxStallMs);
    std::printf("%-44s %7.3f s\n", "live UI: GUI run", gui);
    std::printf("%-44s %7.3f s\n", "live UI: same run, no views", headless);
    std::printf("(%lld zero-duration tasks, limit 8)\n", qlonglong(liveTasks));

    for (const auto &[name, value] : figures)
        bench(name, value, "ms");
    bench("live_ui_max_stall_ms_100k", maxStallMs, "ms");
    bench("live_run_ratio_gui_over_cli", gui / headless, "ratio");
    return 0;
}
