#pragma once

#include <QImage>
#include <QSize>
#include <QtGlobal>

#include <functional>
#include <vector>

class QPainter;

// The image a live run's frames are painted into, over pixels kept for the owner's life and only
// ever grown: a run's frames, and the next run's after the window's layout changed the view's
// height, reuse pages already touched. A fresh 1116x509 frame was ~550 page faults, 10-20 ms of
// a run's first frames on a 2-core VM (bench_render, live_ui_max_stall_ms_100k).
class LiveFrame
{
public:
    // Runs of at least this many tasks in all keep their frames (paintOnto). A smaller run
    // painted into a kept frame and then copied onto the widget spent a fifth of each frame on
    // the copy (4 CPU-bound tasks at 1400x900: ~2 ms a frame; perf, bench_render).
    static constexpr qsizetype keptFrameTasks = 10000;

    // Paints a live run's frame of `pixels` onto `widget` with `contents`. A run of
    // keptFrameTasks or more (`tasks`) keeps its frames: between the end of its threads and its
    // final data (nowNs < 0), a repaint shows the last frame again rather than following the
    // whole run's events (~30 ms for 100,000 tasks) just before the finished data replaces
    // them. That includes the frame before the threads start (nowNs == 0): a run that ends
    // before its first live frame has nothing else to show again, and a live tick posted just
    // before its threads ended repainted 100,000 tasks in 16-22 ms beside the final data's two
    // threads (bench_render, live_ui_max_stall_ms_100k); the copy costs ~0.5 ms at 1400x900.
    // A smaller run is painted straight onto the widget, as painting it again costs less than
    // copying every frame.
    void paintOnto(QPainter &widget, const QSize &pixels, qreal devicePixelRatio, qint64 nowNs,
                   qsizetype tasks, const std::function<void(QPainter &)> &contents);
    // Grows the pixels to hold a frame of `pixels` now, touching every new page (call it while
    // nothing runs, such as on a resize).
    void reserve(const QSize &pixels);
    // The frame of `pixels` to paint into: the last one when the size is the same.
    QImage &paintable(const QSize &pixels, qreal devicePixelRatio);
    // True when a frame of `pixels` was painted and not dropped since.
    bool holds(const QSize &pixels) const { return m_frame.size() == pixels; }
    // Forgets the frame (the run ended); the pixels stay.
    void drop() { m_frame = QImage(); }

private:
    std::vector<uchar> m_pixels;
    QImage m_frame; // painted into m_pixels
};
