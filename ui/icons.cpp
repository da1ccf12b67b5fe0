#include "icons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <algorithm>
#include <functional>

namespace {

QIcon drawn(const std::function<void(QPainter &, double)> &draw)
{
    QIcon icon;
    for (int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        draw(p, double(size));
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace

namespace Icons {

QIcon run()
{
    return drawn([](QPainter &p, double s) {
        QPainterPath triangle;
        triangle.moveTo(s * 0.22, s * 0.12);
        triangle.lineTo(s * 0.86, s * 0.5);
        triangle.lineTo(s * 0.22, s * 0.88);
        triangle.closeSubpath();
        p.setBrush(QColor(0x2f, 0xa8, 0x4f));
        p.drawPath(triangle);
    });
}

QIcon stop()
{
    return drawn([](QPainter &p, double s) {
        p.setBrush(QColor(0xd9, 0x48, 0x3b));
        p.drawRoundedRect(QRectF(s * 0.18, s * 0.18, s * 0.64, s * 0.64), s * 0.1, s * 0.1);
    });
}

QIcon compare()
{
    return drawn([](QPainter &p, double s) {
        const double h = s * 0.28;
        const double r = h / 3;
        p.setBrush(QColor(0x3d, 0x7b, 0xd9));
        p.drawRoundedRect(QRectF(s * 0.08, s * 0.16, s * 0.84, h), r, r);
        p.setBrush(QColor(0xe0, 0x8a, 0x2c));
        p.drawRoundedRect(QRectF(s * 0.08, s * 0.56, s * 0.52, h), r, r);
    });
}

QIcon sweep()
{
    return drawn([](QPainter &p, double s) {
        const QPointF points[] = {{s * 0.14, s * 0.2},
                                  {s * 0.38, s * 0.56},
                                  {s * 0.62, s * 0.7},
                                  {s * 0.86, s * 0.74}};
        QPen pen(QColor(0x3d, 0x7b, 0xd9), std::max(1.5, s * 0.08));
        pen.setCapStyle(Qt::RoundCap);
        pen.setJoinStyle(Qt::RoundJoin);
        p.setPen(pen);
        p.drawPolyline(points, 4);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x2f, 0xa8, 0x4f));
        for (const QPointF &point : points)
            p.drawEllipse(point, s * 0.1, s * 0.1);
    });
}

namespace {

const QColor transport(0x3d, 0x7b, 0xd9);

QPainterPath triangle(double left, double right, double top, double bottom)
{
    QPainterPath path;
    path.moveTo(left, top);
    path.lineTo(right, (top + bottom) / 2);
    path.lineTo(left, bottom);
    path.closeSubpath();
    return path;
}

} // namespace

QIcon play()
{
    return drawn([](QPainter &p, double s) {
        p.setBrush(transport);
        p.drawPath(triangle(s * 0.24, s * 0.84, s * 0.14, s * 0.86));
    });
}

QIcon pause()
{
    return drawn([](QPainter &p, double s) {
        p.setBrush(transport);
        p.drawRect(QRectF(s * 0.22, s * 0.16, s * 0.2, s * 0.68));
        p.drawRect(QRectF(s * 0.58, s * 0.16, s * 0.2, s * 0.68));
    });
}

QIcon toStart()
{
    return drawn([](QPainter &p, double s) {
        p.setBrush(transport);
        p.drawRect(QRectF(s * 0.16, s * 0.18, s * 0.14, s * 0.64));
        p.drawPath(triangle(s * 0.84, s * 0.3, s * 0.18, s * 0.82));
    });
}

QIcon toEnd()
{
    return drawn([](QPainter &p, double s) {
        p.setBrush(transport);
        p.drawPath(triangle(s * 0.16, s * 0.7, s * 0.18, s * 0.82));
        p.drawRect(QRectF(s * 0.7, s * 0.18, s * 0.14, s * 0.64));
    });
}

} // namespace Icons
