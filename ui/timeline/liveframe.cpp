#include "liveframe.h"

#include <QPainter>

#include <algorithm>

void LiveFrame::reserve(const QSize &pixels)
{
    const size_t bytes =
            size_t(std::max(0, pixels.width())) * 4 * size_t(std::max(0, pixels.height()));
    if (m_pixels.size() >= bytes)
        return;
    m_frame = QImage(); // it may point into the old pixels
    m_pixels.resize(bytes);
}

QImage &LiveFrame::paintable(const QSize &pixels, qreal devicePixelRatio)
{
    if (m_frame.size() != pixels) {
        reserve(pixels);
        m_frame = QImage(m_pixels.data(), pixels.width(), pixels.height(),
                         qsizetype(pixels.width()) * 4, QImage::Format_ARGB32_Premultiplied);
    }
    m_frame.setDevicePixelRatio(devicePixelRatio);
    return m_frame;
}

void LiveFrame::paintOnto(QPainter &widget, const QSize &pixels, qreal devicePixelRatio,
                          qint64 nowNs, qsizetype tasks,
                          const std::function<void(QPainter &)> &contents)
{
    if (tasks < keptFrameTasks) {
        drop();
        contents(widget);
        return;
    }
    if (nowNs >= 0 || !holds(pixels)) {
        QImage &frame = paintable(pixels, devicePixelRatio);
        QPainter painter(&frame);
        contents(painter);
    }
    widget.drawImage(0, 0, m_frame);
}
