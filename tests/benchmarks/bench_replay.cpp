// Replay benchmarks (issue 14). Prints "BENCH <name> <value> <unit>" lines.
//  * replay_build_ms: RunReplay's construction (every event of the run, sorted) for a finished run
//    of N tasks under limit 64.
//  * replay_seek_forward_ms: one frame's forward seek while playing (1/600 of the span: a replay
//    that lasts 10 s at 60 frames per second), median.
//  * replay_seek_backward_ms: a seek to a random earlier instant (a rebuild from the start), median
//    and max.
//  * replay_frame_*_ms: the timeline's paint (1024x560) of the replayed run after a forward seek
//    (the views' data is followed in O(new events)) and after a backward one (new records: the
//    timeline follows them from the start), median.
//  * replay_restore_ms: the paint of the finished run after the replay, with its drawing dropped.
//  * replay_window_*_ms: the main window (1024x700, the run opened) seeking and repainting all
//    it shows: a forward frame, a backward seek (timeline, Results tab and status bar rebuilt), and
//    the end (the finished run restored). Median.
// `--smoke` runs a tiny size for ctest.

#include "mainwindow.h"
#include "runprogress.h"
#include "runrecord.h"
#include "runreplay.h"
#include "schedule.h"
#include "testrun.h"
#include "timelinerenderer.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

// A finished run as a FIFO pool of `limit` threads ran it: random durations, everything submitted
// at 0, written in time order (testrun.h's idealRun).
std::shared_ptr<const RunRecord> finishedRun(qsizetype n, int limit)
{
    QRandomGenerator rng(42);
    QList<double> durations;
    durations.reserve(n);
    for (qsizetype i = 0; i < n; ++i)
        durations.append(0.5 + rng.bounded(4.0));
    return idealRun(durations, limit);
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

void report(const char *name, double value, const char *unit)
{
    std::printf("BENCH %s %.3f %s\n", name, value, unit);
    std::fflush(stdout);
}

double paint(TimelineRenderer &renderer, TimelineRenderOptions o, QImage &image)
{
    QElapsedTimer t;
    t.start();
    QPainter p(&image);
    renderer.paint(p, image.rect(), o);
    p.end();
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const bool smoke = app.arguments().contains(QStringLiteral("--smoke"));
    const qsizetype n = smoke ? 2000 : 100000;
    const int repeats = smoke ? 3 : 25;
    std::printf("replay of %lld tasks, limit 64\n", static_cast<long long>(n));

    const auto record = finishedRun(n, 64);
    const Schedule prediction = predictSchedule(record->scenario().tasks, record->options(), 4);
    QElapsedTimer t;
    t.start();
    RunReplay replay({record}, {prediction});
    report("replay_build_ms", double(t.nsecsElapsed()) / 1e6, "ms");
    const qint64 end = replay.endNs();

    TimelineRenderer renderer;
    QImage image(1024, 560, QImage::Format_ARGB32_Premultiplied);
    TimelineRenderOptions o;
    o.visibleStart = 0.0;
    o.visibleEnd = record->toScenarioSeconds(end) * 1.03;
    o.fitAllLanes = true;
    const auto frameOptions = [&] {
        o.runs = replay.records();
        o.progress = replay.progress();
        o.predictions = {prediction};
        o.liveNowNs = replay.position();
        return o;
    };

    // Playing: forward seeks of one frame each, from a third of the run.
    replay.seek(end / 3);
    paint(renderer, frameOptions(), image);
    std::vector<double> forward, forwardPaint;
    for (int k = 0; k < repeats; ++k) {
        t.restart();
        replay.seek(replay.position() + end / 600);
        forward.push_back(double(t.nsecsElapsed()) / 1e6);
        forwardPaint.push_back(paint(renderer, frameOptions(), image));
    }
    report("replay_seek_forward_ms", median(forward), "ms");
    report("replay_frame_forward_ms", median(forwardPaint), "ms");

    // Scrubbing back: each a rebuild.
    QRandomGenerator rng(7);
    std::vector<double> backward, backwardPaint;
    for (int k = 0; k < repeats; ++k) {
        const qint64 from = end / 2 + qint64(rng.bounded(quint64(end / 2)));
        replay.seek(from);
        const qint64 to = qint64(rng.bounded(quint64(from)));
        t.restart();
        replay.seek(to);
        backward.push_back(double(t.nsecsElapsed()) / 1e6);
        backwardPaint.push_back(paint(renderer, frameOptions(), image));
    }
    report("replay_seek_backward_ms", median(backward), "ms");
    report("replay_seek_backward_max_ms", *std::max_element(backward.begin(), backward.end()),
           "ms");
    report("replay_frame_backward_ms", median(backwardPaint), "ms");

    t.restart();
    replay.seek(end);
    report("replay_seek_to_end_ms", double(t.nsecsElapsed()) / 1e6, "ms");

    // The finished run again, as the window restores it: its session's final model.
    const auto finished = RunProgress::completed(record, prediction);
    TimelineRenderOptions f = o;
    f.runs = {record};
    f.progress = {finished};
    f.liveNowNs = -1;
    report("replay_restore_ms", paint(renderer, f, image), "ms");
    report("replay_restored_repaint_ms", paint(renderer, f, image), "ms");

    GuiOptions options;
    options.useSettings = false;
    options.runs = {record};
    options.windowSize = QSize(1024, 700);
    MainWindow window(options);
    window.show();
    QCoreApplication::processEvents();
    const double endSeconds = record->toScenarioSeconds(end);
    const auto seekMs = [&](double seconds) {
        t.restart();
        window.seekReplay(seconds);
        window.repaint();
        return double(t.nsecsElapsed()) / 1e6;
    };
    seekMs(endSeconds / 3);
    std::vector<double> windowForward, windowBackward, windowEnd;
    for (int k = 0; k < repeats; ++k) {
        const double from = endSeconds / 3 + endSeconds * k / (3.0 * repeats);
        seekMs(from);
        windowForward.push_back(seekMs(from + endSeconds / 600));
        windowBackward.push_back(seekMs(from / 2));
        windowEnd.push_back(seekMs(endSeconds));
    }
    report("replay_window_forward_ms", median(windowForward), "ms");
    report("replay_window_backward_ms", median(windowBackward), "ms");
    report("replay_window_end_ms", median(windowEnd), "ms");
    return 0;
}
