#pragma once

#include <QImage>
#include <QSize>

#include <vector>

// The image a live run's frames are painted into, over pixels kept for the owner's life and only
// ever grown: a run's frames, and the next run's after the window's layout changed the view's
// height, reuse pages already touched. A fresh 1116x509 frame was ~550 page faults, 10-20 ms of
// a run's first frames on a 2-core VM (bench_render, live_ui_max_stall_ms_100k).
class LiveFrame
{
public:
    // Grows the pixels to hold a frame of `pixels` now, touching every new page (call it while
    // nothing runs, such as on a resize).
    void reserve(const QSize &pixels);
    // The frame of `pixels` to paint into: the last one when the size is the same.
    QImage &paintable(const QSize &pixels, qreal devicePixelRatio);
    // True when a frame of `pixels` was painted and not dropped since.
    bool holds(const QSize &pixels) const { return m_frame.size() == pixels; }
    const QImage &last() const { return m_frame; }
    // Forgets the frame (the run ended); the pixels stay.
    void drop() { m_frame = QImage(); }

private:
    std::vector<uchar> m_pixels;
    QImage m_frame; // painted into m_pixels
};
