#include "timelinepalette.h"

#include <QPalette>

#include <algorithm>
#include <cmath>

TimelinePalette TimelinePalette::light()
{
    TimelinePalette p;
    p.darkVariant = false;
    p.background = QColor(0xff, 0xff, 0xff);
    p.laneAlternate = QColor(0xf5, 0xf7, 0xfa);
    p.panel = QColor(0xee, 0xf1, 0xf5);
    p.separator = QColor(0xc9, 0xcf, 0xd8);
    p.grid = QColor(0xe3, 0xe7, 0xed);
    p.text = QColor(0x1f, 0x23, 0x28);
    p.mutedText = QColor(0x5b, 0x64, 0x70);

    p.wait = QColor(0xfd, 0xe6, 0xb0);
    p.waitHatch = QColor(0xe0, 0xa1, 0x2b);
    p.permitWait = QColor(0xf4, 0xb0, 0x5e);
    p.permitWaitHatch = QColor(0x9a, 0x52, 0x08);
    p.permitWaitEdge = QColor(0x1d, 0x4e, 0xd8);
    p.run = QColor(0x25, 0x63, 0xeb);
    p.failed = QColor(0xdc, 0x26, 0x26);
    p.failedMark = QColor(0xff, 0xff, 0xff);
    p.runMark = p.failedMark;
    p.cancelled = QColor(0xc4, 0xc9, 0xd0);
    p.cancelledStripe = QColor(0x7b, 0x83, 0x8e);
    p.predicted = QColor(0x6b, 0x72, 0x80);
    p.predictedFill = QColor(0x6b, 0x72, 0x80, 0x22);

    p.runningArea = QColor(0x25, 0x63, 0xeb, 0x55);
    p.runningLine = QColor(0x1d, 0x4e, 0xd8);
    p.waitingLine = QColor(0xd9, 0x77, 0x06);
    // The limit and the gates stay apart from the running and waiting lines and from each other
    // under the simulated dichromacies (tst_colourvision; a violet limit met the running blue).
    p.limit = QColor(0x1f, 0x29, 0x37);
    p.gates = {QColor(0x99, 0x1b, 0x1b), QColor(0x11, 0x5e, 0x59), QColor(0x1e, 0x3a, 0x8a),
               QColor(0xb4, 0x53, 0x09), QColor(0x0e, 0x74, 0x90), QColor(0x02, 0x84, 0xc7)};

    p.now = QColor(0x05, 0x96, 0x69);
    p.selection = QColor(0xdb, 0xea, 0xfe);
    p.selectionEdge = QColor(0x0f, 0x17, 0x2a);
    p.hover = QColor(0xe4, 0xeb, 0xf5);
    return p;
}

TimelinePalette TimelinePalette::dark()
{
    TimelinePalette p;
    p.darkVariant = true;
    p.background = QColor(0x1b, 0x1d, 0x21);
    p.laneAlternate = QColor(0x22, 0x25, 0x2a);
    p.panel = QColor(0x2a, 0x2d, 0x33);
    p.separator = QColor(0x44, 0x49, 0x52);
    p.grid = QColor(0x31, 0x35, 0x3c);
    p.text = QColor(0xe6, 0xe8, 0xeb);
    p.mutedText = QColor(0xa0, 0xa7, 0xb1);

    p.wait = QColor(0x5c, 0x46, 0x1a);
    p.waitHatch = QColor(0xc8, 0x8a, 0x24);
    p.permitWait = QColor(0xa3, 0x5f, 0x12); // lighter than the wait for protanopes
    p.permitWaitHatch = QColor(0xf5, 0xb3, 0x52);
    p.permitWaitEdge = QColor(0x7a, 0xab, 0xff);
    p.run = QColor(0x4c, 0x8d, 0xff);
    p.failed = QColor(0xf8, 0x56, 0x56);
    p.failedMark = p.background;
    p.runMark = p.failedMark;
    p.cancelled = QColor(0x4b, 0x50, 0x58);
    p.cancelledStripe = QColor(0x9a, 0xa1, 0xab);
    p.predicted = QColor(0xa8, 0xb0, 0xbb);
    p.predictedFill = QColor(0xa8, 0xb0, 0xbb, 0x26);

    p.runningArea = QColor(0x4c, 0x8d, 0xff, 0x66);
    p.runningLine = QColor(0x7a, 0xab, 0xff);
    p.waitingLine = QColor(0xf5, 0xa5, 0x24);
    p.limit = QColor(0xe6, 0xe8, 0xeb);
    p.gates = {QColor(0xf4, 0x72, 0xb6), QColor(0xfd, 0xe0, 0x47), QColor(0xf9, 0xa8, 0xd4),
               QColor(0x67, 0xe8, 0xf9), QColor(0x93, 0xc5, 0xfd), QColor(0xfd, 0xba, 0x74)};

    p.now = QColor(0x34, 0xd3, 0x99);
    p.selection = QColor(0x1e, 0x3a, 0x66);
    p.selectionEdge = QColor(0xff, 0xff, 0xff);
    p.hover = QColor(0x2e, 0x33, 0x3d);
    return p;
}

TimelinePalette TimelinePalette::highContrastLight()
{
    TimelinePalette p;
    p.highContrastVariant = true;
    p.lineWidth = 2;
    const QColor black(0, 0, 0);
    const QColor white(0xff, 0xff, 0xff);
    p.background = white;
    p.laneAlternate = white;
    p.panel = white;
    p.separator = black;
    p.grid = QColor(0x76, 0x76, 0x76);
    p.text = black;
    p.mutedText = black;

    p.wait = QColor(0xff, 0xd9, 0x66);
    p.waitHatch = black;
    p.permitWait = QColor(0xff, 0x8c, 0x00);
    p.permitWaitHatch = black;
    p.permitWaitEdge = black;
    p.run = QColor(0x00, 0x33, 0xcc);
    p.failed = QColor(0xcc, 0x00, 0x00);
    p.failedMark = white;
    p.runMark = p.failedMark;
    p.cancelled = QColor(0xa6, 0xa6, 0xa6);
    p.cancelledStripe = black;
    p.predicted = black;
    p.predictedFill = QColor(0, 0, 0, 0x20);

    p.runningArea = QColor(0x00, 0x33, 0xcc, 0x66);
    p.runningLine = p.run;
    p.waitingLine = QColor(0xb3, 0x59, 0x00);
    p.limit = black;
    p.gates = {QColor(0x59, 0x59, 0x59), QColor(0x00, 0x99, 0xcc), QColor(0x00, 0x66, 0xcc),
               QColor(0xcc, 0x33, 0x99), QColor(0xb3, 0x00, 0x59), QColor(0x99, 0x00, 0x99)};

    p.now = QColor(0x00, 0x80, 0x00);
    p.selection = QColor(0xff, 0xff, 0x00);
    p.selectionEdge = black;
    p.hover = QColor(0xe0, 0xe0, 0xe0);
    return p;
}

TimelinePalette TimelinePalette::highContrastDark()
{
    TimelinePalette p;
    p.darkVariant = true;
    p.highContrastVariant = true;
    p.lineWidth = 2;
    const QColor black(0, 0, 0);
    const QColor white(0xff, 0xff, 0xff);
    p.background = black;
    p.laneAlternate = black;
    p.panel = black;
    p.separator = white;
    p.grid = QColor(0x8c, 0x8c, 0x8c);
    p.text = white;
    p.mutedText = white;

    p.wait = QColor(0x7a, 0x5c, 0x00);
    p.waitHatch = QColor(0xff, 0xd0, 0x40);
    p.permitWait = QColor(0xff, 0x9f, 0x1a);
    p.permitWaitHatch = black;
    p.permitWaitEdge = white;
    p.run = QColor(0x4d, 0xa3, 0xff);
    p.failed = QColor(0xff, 0x5c, 0x5c);
    p.failedMark = black;
    p.runMark = p.failedMark;
    p.cancelled = QColor(0x8c, 0x8c, 0x8c);
    p.cancelledStripe = black;
    p.predicted = white;
    p.predictedFill = QColor(0xff, 0xff, 0xff, 0x30);

    p.runningArea = QColor(0x4d, 0xa3, 0xff, 0x77);
    p.runningLine = p.run;
    p.waitingLine = QColor(0xff, 0xb0, 0x00);
    p.limit = white;
    p.gates = {QColor(0xb3, 0xb3, 0xb3), QColor(0xff, 0x4d, 0x4d), QColor(0x66, 0xcc, 0xff),
               QColor(0xff, 0x66, 0xcc), QColor(0xff, 0x99, 0xcc), QColor(0x00, 0xe6, 0xe6)};

    p.now = QColor(0x33, 0xff, 0x66);
    p.selection = QColor(0x00, 0x3d, 0x99);
    p.selectionEdge = QColor(0xff, 0xff, 0x00);
    p.hover = QColor(0x26, 0x26, 0x26);
    return p;
}

bool TimelinePalette::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

double TimelinePalette::contrastRatio(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](float v) {
            return v <= 0.04045f ? double(v) / 12.92 : std::pow((double(v) + 0.055) / 1.055, 2.4);
        };
        const QColor rgb = c.toRgb();
        return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF())
               + 0.0722 * channel(rgb.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

bool TimelinePalette::isHighContrast(const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Window).toRgb();
    const bool pure = window == QColor(Qt::black) || window == QColor(Qt::white);
    return pure && contrastRatio(window, palette.color(QPalette::WindowText)) >= 15.0;
}

TimelinePalette TimelinePalette::forPalette(const QPalette &palette)
{
    if (isHighContrast(palette))
        return isDark(palette) ? highContrastDark() : highContrastLight();
    return isDark(palette) ? dark() : light();
}
