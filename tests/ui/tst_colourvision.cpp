#include "runrecord.h"
#include "testscenarios.h"
#include "timelinelayout.h"
#include "timelinepalette.h"
#include "timelinerenderer.h"
#include "timelineruns.h"

#include <QFontMetrics>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

// The timeline read without relying on colour: its palettes stay apart under simulated colour
// vision deficiencies, failed and cancelled bars carry marks of their own (in the lanes and in the
// legend), a high-contrast window palette gets the high-contrast timeline, and the picture's text
// follows the font.
//
// Colour difference is CIEDE2000 (Sharma, Wu and Dalal 2005) between CIELAB colours (D65). The
// deficiencies are simulated with the matrices of Machado, Oliveira and Fernandes 2009 ("A
// physiologically-based model for simulation of color vision deficiency", IEEE TVCG 15(6)) at
// severity 1.0 (protanopia, deuteranopia, tritanopia), applied to linear sRGB as the model
// assumes. Thresholds, against a just-noticeable difference of about 2.3 (Mahy et al. 1994):
// - bar fills 10: in lanes under 8 px (most of a large run) bars have no hatching or marks, so
//   colour alone tells a wait from a run or a failure, and small marks need several times the
//   large-field difference to be told apart (Szafir 2017);
// - chart lines 5: each line also has a width and dash of its own (running solid with an area,
//   waiting thick, limits dashed, each gate its own dash), so colour is the second cue;
// - the predicted ghost's translucent fill 5 from the bar fills: it lies under a task's own
//   bars as a tint, and carries a dashed outline where lanes are tall enough;
// - chart lines 20 from the background they are drawn on.
class tst_ColourVision : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void colourDifferenceMatchesReference_data();
    void colourDifferenceMatchesReference();
    void simulationConfusesWhatDichromatsConfuse();
    void barColoursApart_data();
    void barColoursApart();
    void chartLinesApart_data();
    void chartLinesApart();
    void highContrastPaletteIsDetected();
    void failedAndCancelledBarsCarryMarks_data();
    void failedAndCancelledBarsCarryMarks();
    void legendShowsTheMarks();
    void textScalesWithTheFont();
};

namespace {

struct Lab
{
    double L, a, b;
};

using Matrix = std::array<std::array<double, 3>, 3>;

enum class Vision { Normal, Protanopia, Deuteranopia, Tritanopia };

const char *visionName(Vision v)
{
    switch (v) {
    case Vision::Normal:
        return "normal";
    case Vision::Protanopia:
        return "protanopia";
    case Vision::Deuteranopia:
        return "deuteranopia";
    case Vision::Tritanopia:
        return "tritanopia";
    }
    return "";
}

// Machado et al. 2009, severity 1.0, rows produce linear R, G, B.
const Matrix &machado(Vision v)
{
    static const Matrix protan{{{0.152286, 1.052583, -0.204868},
                                {0.114503, 0.786281, 0.099216},
                                {-0.003882, -0.048116, 1.051998}}};
    static const Matrix deutan{{{0.367322, 0.860646, -0.227968},
                                {0.280085, 0.672501, 0.047413},
                                {-0.011820, 0.042940, 0.968881}}};
    static const Matrix tritan{{{1.255528, -0.076749, -0.178779},
                                {-0.078411, 0.930809, 0.147602},
                                {0.004733, 0.691367, 0.303900}}};
    static const Matrix identity{{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};
    switch (v) {
    case Vision::Protanopia:
        return protan;
    case Vision::Deuteranopia:
        return deutan;
    case Vision::Tritanopia:
        return tritan;
    case Vision::Normal:
        break;
    }
    return identity;
}

double toLinear(double v)
{
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

Lab labFromLinear(const std::array<double, 3> &rgb)
{
    const double r = rgb[0], g = rgb[1], b = rgb[2];
    // sRGB to XYZ (D65), then to CIELAB with the D65 white.
    const double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
    const double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    const double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
    const auto f = [](double t) {
        return t > 216.0 / 24389.0 ? std::cbrt(t) : (24389.0 / 27.0 * t + 16.0) / 116.0;
    };
    return {116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))};
}

// The colour as seen, on `background` when it is translucent (QPainter blends in sRGB values).
Lab seen(const QColor &colour, const QColor &background, Vision v)
{
    const double alpha = colour.alphaF();
    const auto channel = [&](double c, double bg) {
        return toLinear(c * alpha + bg * (1 - alpha));
    };
    const std::array<double, 3> linear{channel(colour.redF(), background.redF()),
                                       channel(colour.greenF(), background.greenF()),
                                       channel(colour.blueF(), background.blueF())};
    const Matrix &m = machado(v);
    std::array<double, 3> simulated{};
    for (size_t i = 0; i < 3; ++i)
        simulated[i] = std::clamp(m[i][0] * linear[0] + m[i][1] * linear[1] + m[i][2] * linear[2],
                                  0.0, 1.0);
    return labFromLinear(simulated);
}

constexpr double pi = 3.14159265358979323846;

double degrees(double radians)
{
    return radians * 180.0 / pi;
}

double radians(double degrees)
{
    return degrees * pi / 180.0;
}

// CIEDE2000 with kL = kC = kH = 1, as written out by Sharma, Wu and Dalal (2005).
double ciede2000(const Lab &p, const Lab &q)
{
    const double c1 = std::hypot(p.a, p.b);
    const double c2 = std::hypot(q.a, q.b);
    const double cMean7 = std::pow((c1 + c2) / 2.0, 7.0);
    const double g = 0.5 * (1.0 - std::sqrt(cMean7 / (cMean7 + std::pow(25.0, 7.0))));
    const double a1 = (1.0 + g) * p.a;
    const double a2 = (1.0 + g) * q.a;
    const double cp1 = std::hypot(a1, p.b);
    const double cp2 = std::hypot(a2, q.b);
    const auto hue = [](double b, double a) {
        if (a == 0.0 && b == 0.0)
            return 0.0;
        const double h = degrees(std::atan2(b, a));
        return h < 0.0 ? h + 360.0 : h;
    };
    const double h1 = hue(p.b, a1);
    const double h2 = hue(q.b, a2);
    const bool neutral = cp1 * cp2 == 0.0;
    double dh = neutral ? 0.0 : h2 - h1;
    if (dh > 180.0)
        dh -= 360.0;
    else if (dh < -180.0)
        dh += 360.0;
    const double dL = q.L - p.L;
    const double dC = cp2 - cp1;
    const double dH = 2.0 * std::sqrt(cp1 * cp2) * std::sin(radians(dh / 2.0));
    const double lMean = (p.L + q.L) / 2.0;
    const double cpMean = (cp1 + cp2) / 2.0;
    double hMean = h1 + h2;
    if (!neutral) {
        if (std::abs(h1 - h2) <= 180.0)
            hMean = (h1 + h2) / 2.0;
        else
            hMean = h1 + h2 < 360.0 ? (h1 + h2 + 360.0) / 2.0 : (h1 + h2 - 360.0) / 2.0;
    }
    const double t = 1.0 - 0.17 * std::cos(radians(hMean - 30.0))
                     + 0.24 * std::cos(radians(2.0 * hMean))
                     + 0.32 * std::cos(radians(3.0 * hMean + 6.0))
                     - 0.20 * std::cos(radians(4.0 * hMean - 63.0));
    const double dTheta = 30.0 * std::exp(-std::pow((hMean - 275.0) / 25.0, 2.0));
    const double cpMean7 = std::pow(cpMean, 7.0);
    const double rc = 2.0 * std::sqrt(cpMean7 / (cpMean7 + std::pow(25.0, 7.0)));
    const double sl =
            1.0
            + 0.015 * std::pow(lMean - 50.0, 2.0) / std::sqrt(20.0 + std::pow(lMean - 50.0, 2.0));
    const double sc = 1.0 + 0.045 * cpMean;
    const double sh = 1.0 + 0.015 * cpMean * t;
    const double rt = -std::sin(radians(2.0 * dTheta)) * rc;
    return std::sqrt(std::pow(dL / sl, 2.0) + std::pow(dC / sc, 2.0) + std::pow(dH / sh, 2.0)
                     + rt * (dC / sc) * (dH / sh));
}

struct Named
{
    QString name;
    QColor colour;
};

// The opaque fills of the lanes' bars, as the legend shows them (the prediction by its outline).
std::vector<Named> barColours(const TimelinePalette &pal)
{
    return {{u"wait"_s, pal.wait},
            {u"permit wait"_s, pal.permitWait},
            {u"run"_s, pal.run},
            {u"failed"_s, pal.failed},
            {u"cancelled"_s, pal.cancelled},
            {u"predicted"_s, pal.predicted}};
}

// The chart's lines (and the now line), each gate's included.
std::vector<Named> lineColours(const TimelinePalette &pal)
{
    std::vector<Named> lines{{u"running"_s, pal.runningLine},
                             {u"waiting"_s, pal.waitingLine},
                             {u"limit"_s, pal.limit},
                             {u"now"_s, pal.now}};
    for (size_t g = 0; g < pal.gates.size(); ++g)
        lines.push_back({u"gate %1"_s.arg(g), pal.gates[g]});
    return lines;
}

void addPaletteRows()
{
    QTest::addColumn<int>("palette");
    QTest::addColumn<int>("vision");
    const char *palettes[] = {"light", "dark", "high contrast light", "high contrast dark"};
    for (int p = 0; p < 4; ++p) {
        for (Vision v :
             {Vision::Normal, Vision::Protanopia, Vision::Deuteranopia, Vision::Tritanopia})
            QTest::addRow("%s, %s", palettes[p], visionName(v)) << p << int(v);
    }
}

TimelinePalette paletteNumber(int p)
{
    switch (p) {
    case 1:
        return TimelinePalette::dark();
    case 2:
        return TimelinePalette::highContrastLight();
    case 3:
        return TimelinePalette::highContrastDark();
    default:
        return TimelinePalette::light();
    }
}

// Pairs of `colours` closer than `minimum`, as "a / b: 4.2".
QStringList closePairs(const std::vector<Named> &colours, const QColor &background, Vision v,
                       double minimum)
{
    QStringList close;
    for (size_t i = 0; i < colours.size(); ++i) {
        for (size_t j = i + 1; j < colours.size(); ++j) {
            const double d = ciede2000(seen(colours[i].colour, background, v),
                                       seen(colours[j].colour, background, v));
            if (d < minimum)
                close << u"%1 / %2: %3"_s.arg(colours[i].name, colours[j].name).arg(d, 0, 'f', 1);
        }
    }
    return close;
}

qsizetype countColour(const QImage &image, const QColor &colour, const QRect &area)
{
    const QRect r = area.intersected(image.rect());
    qsizetype n = 0;
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x)
            n += image.pixelColor(x, y).rgb() == colour.rgb() ? 1 : 0;
    }
    return n;
}

// Three 4 s tasks under limit 3: #1 ran, #2 failed at 3 s, #3 was cancelled at 3 s after
// starting at 0.
std::shared_ptr<RunRecord> endedThreeWays()
{
    auto record = std::make_shared<RunRecord>(makeScenario({4, 4, 4}, 3));
    constexpr qint64 second = 1'000'000'000;
    for (int i = 0; i < 3; ++i) {
        record->markSubmitted(i, 0);
        record->markStarted(i, 0, i + 1);
    }
    record->markFinished(0, 4 * second, TaskStatus::Ok);
    record->markFinished(1, 3 * second, TaskStatus::Failed, u"boom"_s);
    record->markFinished(2, 3 * second, TaskStatus::Cancelled);
    record->publishEvents();
    return record;
}

QImage paint(TimelineRenderer &renderer, const TimelineRenderOptions &o, const QSize &size)
{
    QImage image(size, QImage::Format_RGB32);
    QPainter p(&image);
    renderer.paint(p, image.rect(), o);
    return image;
}

} // namespace

void tst_ColourVision::initTestCase()
{
    QVERIFY(QGuiApplication::instance());
}

// Pairs from Sharma, Wu and Dalal's test data (their table 1), to four decimals.
void tst_ColourVision::colourDifferenceMatchesReference_data()
{
    QTest::addColumn<double>("l1");
    QTest::addColumn<double>("a1");
    QTest::addColumn<double>("b1");
    QTest::addColumn<double>("l2");
    QTest::addColumn<double>("a2");
    QTest::addColumn<double>("b2");
    QTest::addColumn<double>("expected");
    QTest::newRow("1") << 50.0 << 2.6772 << -79.7751 << 50.0 << 0.0 << -82.7485 << 2.0425;
    QTest::newRow("7: neutral") << 50.0 << 0.0 << 0.0 << 50.0 << -1.0 << 2.0 << 2.3669;
    QTest::newRow("17") << 50.0 << 2.5 << 0.0 << 73.0 << 25.0 << -18.0 << 27.1492;
    QTest::newRow("25: hue wraps")
            << 60.2574 << -34.0099 << 36.2677 << 60.4626 << -34.1751 << 39.4387 << 1.2644;
}

void tst_ColourVision::colourDifferenceMatchesReference()
{
    QFETCH(double, l1);
    QFETCH(double, a1);
    QFETCH(double, b1);
    QFETCH(double, l2);
    QFETCH(double, a2);
    QFETCH(double, b2);
    QFETCH(double, expected);
    QCOMPARE(std::round(ciede2000({l1, a1, b1}, {l2, a2, b2}) * 1e4) / 1e4, expected);
    QCOMPARE(std::round(ciede2000({l2, a2, b2}, {l1, a1, b1}) * 1e4) / 1e4, expected);
}

// The dark palette's violet limit and blue running line before tst_colourvision: far apart to
// most eyes, one colour to a deuteranope; pure red and green meet under either red-green
// deficiency but stay apart for a tritanope.
void tst_ColourVision::simulationConfusesWhatDichromatsConfuse()
{
    const QColor black(0, 0, 0);
    const QColor violet(0xb3, 0x94, 0xff);
    const QColor blue(0x7a, 0xab, 0xff);
    QVERIFY(ciede2000(seen(violet, black, Vision::Normal), seen(blue, black, Vision::Normal))
            > 10.0);
    QVERIFY(ciede2000(seen(violet, black, Vision::Deuteranopia),
                      seen(blue, black, Vision::Deuteranopia))
            < 2.0);
    // White stays white: each matrix row sums to one.
    const QColor white(0xff, 0xff, 0xff);
    for (Vision v : {Vision::Protanopia, Vision::Deuteranopia, Vision::Tritanopia})
        QVERIFY(ciede2000(seen(white, black, v), seen(white, black, Vision::Normal)) < 0.01);
    const QColor red(0xcc, 0x33, 0x33);
    const QColor green(0x5c, 0x8a, 0x00);
    const double normal =
            ciede2000(seen(red, black, Vision::Normal), seen(green, black, Vision::Normal));
    const double tritan =
            ciede2000(seen(red, black, Vision::Tritanopia), seen(green, black, Vision::Tritanopia));
    for (Vision v : {Vision::Protanopia, Vision::Deuteranopia})
        QVERIFY(ciede2000(seen(red, black, v), seen(green, black, v)) < normal / 3);
    QVERIFY(tritan > normal / 3);
}

void tst_ColourVision::barColoursApart_data()
{
    addPaletteRows();
}

void tst_ColourVision::barColoursApart()
{
    QFETCH(int, palette);
    QFETCH(int, vision);
    const TimelinePalette pal = paletteNumber(palette);
    const auto v = Vision(vision);
    const QStringList close = closePairs(barColours(pal), pal.background, v, 10.0);
    QVERIFY2(close.isEmpty(), qPrintable(close.join(u", "_s)));
    // The ghost's tint, against each bar fill.
    QStringList ghostClose;
    for (const Named &bar : barColours(pal)) {
        const double d = ciede2000(seen(pal.predictedFill, pal.background, v),
                                   seen(bar.colour, pal.background, v));
        if (bar.name != u"predicted" && d < 5.0)
            ghostClose << u"%1: %2"_s.arg(bar.name).arg(d, 0, 'f', 1);
    }
    QVERIFY2(ghostClose.isEmpty(), qPrintable(ghostClose.join(u", "_s)));
}

void tst_ColourVision::chartLinesApart_data()
{
    addPaletteRows();
}

void tst_ColourVision::chartLinesApart()
{
    QFETCH(int, palette);
    QFETCH(int, vision);
    const TimelinePalette pal = paletteNumber(palette);
    const auto v = Vision(vision);
    const std::vector<Named> lines = lineColours(pal);
    const QStringList close = closePairs(lines, pal.background, v, 5.0);
    QVERIFY2(close.isEmpty(), qPrintable(close.join(u", "_s)));
    for (const Named &line : lines) {
        const double d =
                ciede2000(seen(line.colour, pal.background, v), seen(pal.background, {}, v));
        QVERIFY2(d >= 20.0, qPrintable(u"%1 on the background: %2"_s.arg(line.name).arg(d)));
    }
}

void tst_ColourVision::highContrastPaletteIsDetected()
{
    const auto windowPalette = [](const QColor &window, const QColor &text) {
        QPalette p;
        p.setColor(QPalette::Window, window);
        p.setColor(QPalette::WindowText, text);
        return p;
    };
    const QColor white(0xff, 0xff, 0xff);
    const QColor black(0, 0, 0);
    const TimelinePalette hcLight = TimelinePalette::forPalette(windowPalette(white, black));
    QVERIFY(hcLight.highContrastVariant && !hcLight.darkVariant);
    QCOMPARE(hcLight.background, white);
    const TimelinePalette hcDark =
            TimelinePalette::forPalette(windowPalette(black, QColor(0xff, 0xff, 0x00)));
    QVERIFY(hcDark.highContrastVariant && hcDark.darkVariant);
    QCOMPARE(hcDark.background, black);
    // Fusion's own light palette (window #efefef) and a grey text on white are not high contrast.
    QVERIFY(!TimelinePalette::forPalette(windowPalette(QColor(0xef, 0xef, 0xef), black))
                     .highContrastVariant);
    QVERIFY(!TimelinePalette::forPalette(windowPalette(white, QColor(0x76, 0x76, 0x76)))
                     .highContrastVariant);
    QVERIFY(!TimelinePalette::forPalette(windowPalette(QColor(0x2d, 0x2f, 0x33), white))
                     .highContrastVariant);
    QCOMPARE(TimelinePalette::contrastRatio(white, black), 21.0);
    // Thicker lines than the ordinary palettes.
    QVERIFY(hcLight.lineWidth > TimelinePalette::light().lineWidth);
    QVERIFY(hcDark.lineWidth > TimelinePalette::dark().lineWidth);
}

void tst_ColourVision::failedAndCancelledBarsCarryMarks_data()
{
    QTest::addColumn<int>("palette");
    for (int p = 0; p < 4; ++p)
        QTest::addRow("palette %d", p) << p;
}

// In lanes tall enough for detail a failed bar ends in a cross of failedMark and a cancelled one
// in a bar of cancelledStripe (besides its stripes); a run has neither.
void tst_ColourVision::failedAndCancelledBarsCarryMarks()
{
    QFETCH(int, palette);
    TimelineRenderOptions o;
    o.runs = {endedThreeWays()};
    o.palette = paletteNumber(palette);
    o.laneHeight = 30;
    TimelineRenderer renderer;
    const QSize size(800, 400);
    const QImage image = paint(renderer, o, size);
    const QRect ok = renderer.taskBarRect(QRect(QPoint(), size), o, 0, 0);
    const QRect failed = renderer.taskBarRect(QRect(QPoint(), size), o, 0, 1);
    const QRect cancelled = renderer.taskBarRect(QRect(QPoint(), size), o, 0, 2);
    QVERIFY(ok.width() > 100 && failed.width() > 100 && cancelled.width() > 100);
    const auto end = [](const QRect &bar) {
        return QRect(bar.right() - bar.height(), bar.top(), bar.height(), bar.height());
    };
    const auto start = [](const QRect &bar) {
        return QRect(bar.left(), bar.top(), bar.height(), bar.height());
    };
    const TimelinePalette &pal = o.palette;
    // The cross: a diagonal's worth of pixels at the end, none at the start.
    QVERIFY2(countColour(image, pal.failedMark, end(failed)) >= failed.height() / 2,
             qPrintable(QString::number(countColour(image, pal.failedMark, end(failed)))));
    QCOMPARE(countColour(image, pal.failedMark, start(failed)), 0);
    QVERIFY(countColour(image, pal.failed, start(failed)) > failed.height());
    // The closing bar: a full column of the stripe's colour at the very end.
    const QRect lastColumn(cancelled.right(), cancelled.top(), 1, cancelled.height());
    QCOMPARE(countColour(image, pal.cancelledStripe, lastColumn), qsizetype(cancelled.height()));
    const QRect firstColumn(cancelled.left(), cancelled.top(), 1, cancelled.height());
    QVERIFY(countColour(image, pal.cancelledStripe, firstColumn) < cancelled.height());
    // A run ends plain.
    QCOMPARE(countColour(image, pal.run, end(ok)), countColour(image, pal.run, start(ok)));
}

void tst_ColourVision::legendShowsTheMarks()
{
    TimelineRenderOptions o;
    o.runs = {endedThreeWays()};
    TimelineRenderer renderer;
    const QSize size(1200, 400);
    const QImage image = paint(renderer, o, size);
    TimelineRuns runs;
    runs.sync(o);
    const TimelineLayout L = TimelineLayout::compute(QRect(QPoint(), size), o, runs);
    const auto swatch = [&](TimelineLegendItem::Kind kind) {
        for (const TimelineLegendItem &item : L.legendItems) {
            if (item.kind == kind)
                return item.swatch;
        }
        return QRect();
    };
    const QRect failed = swatch(TimelineLegendItem::Failed);
    const QRect cancelled = swatch(TimelineLegendItem::Cancelled);
    const QRect run = swatch(TimelineLegendItem::Run);
    QVERIFY(failed.isValid() && cancelled.isValid() && run.isValid());
    QVERIFY(countColour(image, o.palette.failedMark, failed) > 0);
    QVERIFY(countColour(image, o.palette.failed, failed) > 0);
    const QRect lastColumn(cancelled.right(), cancelled.top(), 1, cancelled.height());
    QCOMPARE(countColour(image, o.palette.cancelledStripe, lastColumn),
             qsizetype(cancelled.height()));
    QCOMPARE(countColour(image, o.palette.run, run), qsizetype(run.width() * run.height()));
}

// At one and a half times the font, the legend, the axis, the headers and the label column grow
// with it, and every legend text and lane label fits where the layout put it.
void tst_ColourVision::textScalesWithTheFont()
{
    TimelineRenderOptions o;
    o.runs = {endedThreeWays(), endedThreeWays()};
    QFont font = QGuiApplication::font();
    font.setPointSizeF(10);
    const QRect rect(0, 0, 1024, 700);
    TimelineRuns runs;
    runs.sync(o);
    std::vector<TimelineLayout> layouts;
    for (double scale : {1.0, 1.5}) {
        QFont scaled = font;
        scaled.setPointSizeF(font.pointSizeF() * scale);
        o.font = scaled;
        const QFontMetrics fm(scaled);
        const TimelineLayout L = TimelineLayout::compute(rect, o, runs);
        QCOMPARE(L.lineHeight, fm.height());
        QVERIFY(L.axis.height() >= fm.height());
        QVERIFY(!L.blocks.empty());
        QVERIFY(L.blocks.front().headerHeight >= fm.height());
        for (const TimelineLegendItem &item : L.legendItems) {
            const QRect text(item.textPos.x(), item.textPos.y() - fm.ascent(),
                             fm.horizontalAdvance(item.text), fm.height());
            QVERIFY2(L.legend.contains(text), qPrintable(item.text));
            QVERIFY(item.swatch.height() <= fm.height());
        }
        // "#3" and the task's name fit the label column beside the plot.
        QVERIFY(L.labelWidth >= fm.horizontalAdvance(u"#3"_s) + 2 * TimelineLayout::padding);
        QVERIFY(L.laneHeight >= fm.height());
        layouts.push_back(L);
    }
    const TimelineLayout &normal = layouts[0];
    const TimelineLayout &large = layouts[1];
    QVERIFY(large.lineHeight > normal.lineHeight * 1.3);
    QVERIFY(large.axis.height() > normal.axis.height());
    QVERIFY(large.legend.height() > normal.legend.height());
    QVERIFY(large.blocks.front().headerHeight > normal.blocks.front().headerHeight);
    QVERIFY(large.labelWidth > normal.labelWidth);
    QVERIFY(large.laneHeight > normal.laneHeight);
}

QTEST_MAIN(tst_ColourVision)
#include "tst_colourvision.moc"
