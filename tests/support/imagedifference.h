#pragma once

#include <QImage>
#include <QString>

// How two pictures of one size differ: "N pixels differ, the first at X,Y", or an empty string
// when they are the same pixel for pixel (QCOMPARE it with QString() for a readable failure).
inline QString imageDifference(const QImage &a, const QImage &b)
{
    if (a.size() != b.size())
        return QStringLiteral("sizes differ: %1x%2 and %3x%4")
                .arg(a.width())
                .arg(a.height())
                .arg(b.width())
                .arg(b.height());
    int differing = 0;
    int firstX = 0;
    int firstY = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            if (a.pixel(x, y) != b.pixel(x, y) && differing++ == 0) {
                firstX = x;
                firstY = y;
            }
        }
    }
    return differing == 0 ? QString()
                          : QStringLiteral("%1 pixels differ, the first at %2,%3")
                                    .arg(differing)
                                    .arg(firstX)
                                    .arg(firstY);
}
