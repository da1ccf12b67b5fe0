#include "timelinemath.h"
#include "translations.h"

#include <QTest>

#include <cmath>

using namespace TimelineMath;

class tst_TimelineMath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timeToX_data();
    void timeToX();
    void xToTimeRoundTrip_data();
    void xToTimeRoundTrip();
    void timeToPixelClamps_data();
    void timeToPixelClamps();
    void rows_data();
    void rows();
    void visibleRows_data();
    void visibleRows();
    void niceStep_data();
    void niceStep();
    void ticks_data();
    void ticks();
    void tickLabels_data();
    void tickLabels();
    void formatDuration_data();
    void formatDuration();
    void formatDurationExact_data();
    void formatDurationExact();
    void formatDurationJapanese();
    void niceScale_data();
    void niceScale();
    void zoomAround_data();
    void zoomAround();
    void stackLabels_data();
    void stackLabels();
};

void tst_TimelineMath::timeToX_data()
{
    QTest::addColumn<double>("t");
    QTest::addColumn<double>("start");
    QTest::addColumn<double>("end");
    QTest::addColumn<double>("left");
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("x");

    QTest::newRow("start maps to left") << 0.0 << 0.0 << 10.0 << 100.0 << 500.0 << 100.0;
    QTest::newRow("end maps to right") << 10.0 << 0.0 << 10.0 << 100.0 << 500.0 << 600.0;
    QTest::newRow("middle") << 5.0 << 0.0 << 10.0 << 0.0 << 1000.0 << 500.0;
    QTest::newRow("before start is left of plot") << -1.0 << 0.0 << 10.0 << 0.0 << 100.0 << -10.0;
    QTest::newRow("offset window") << 12.5 << 10.0 << 15.0 << 0.0 << 100.0 << 50.0;
    QTest::newRow("zero-width range maps to left") << 3.0 << 2.0 << 2.0 << 40.0 << 100.0 << 40.0;
    QTest::newRow("inverted range maps to left") << 3.0 << 5.0 << 2.0 << 40.0 << 100.0 << 40.0;
    QTest::newRow("huge zoom 1e-6 s") << 1.0000005 << 1.0 << 1.000001 << 0.0 << 1000.0 << 500.0;
    QTest::newRow("huge range 86400 s") << 43200.0 << 0.0 << 86400.0 << 0.0 << 1920.0 << 960.0;
}

void tst_TimelineMath::timeToX()
{
    QFETCH(double, t);
    QFETCH(double, start);
    QFETCH(double, end);
    QFETCH(double, left);
    QFETCH(double, width);
    QFETCH(double, x);
    QVERIFY2(std::abs(TimelineMath::timeToX(t, start, end, left, width) - x) < 1e-3,
             qPrintable(
                     QString::number(TimelineMath::timeToX(t, start, end, left, width), 'g', 12)));
}

void tst_TimelineMath::xToTimeRoundTrip_data()
{
    QTest::addColumn<double>("start");
    QTest::addColumn<double>("end");
    QTest::addColumn<double>("width");

    QTest::newRow("seconds") << 0.0 << 13.0 << 1000.0;
    QTest::newRow("offset") << 4.9 << 5.3 << 800.0;
    QTest::newRow("huge zoom 1e-6 s") << 7.0 << 7.000001 << 1920.0;
    QTest::newRow("huge range 86400 s") << 0.0 << 86400.0 << 1920.0;
    QTest::newRow("negative start") << -2.0 << 2.0 << 300.0;
}

void tst_TimelineMath::xToTimeRoundTrip()
{
    QFETCH(double, start);
    QFETCH(double, end);
    QFETCH(double, width);
    for (double f : {0.0, 0.25, 0.5, 0.999, 1.0}) {
        const double t = start + f * (end - start);
        const double x = TimelineMath::timeToX(t, start, end, 10.0, width);
        const double back = xToTime(x, start, end, 10.0, width);
        QVERIFY2(std::abs(back - t) <= (end - start) * 1e-9,
                 qPrintable(QStringLiteral("%1 -> %2").arg(t, 0, 'g', 15).arg(back, 0, 'g', 15)));
    }
    // Degenerate width or range: the start, never NaN.
    QCOMPARE(xToTime(50.0, start, end, 10.0, 0.0), start);
    QCOMPARE(xToTime(50.0, start, start, 10.0, width), start);
}

void tst_TimelineMath::timeToPixelClamps_data()
{
    QTest::addColumn<double>("t");
    QTest::addColumn<double>("start");
    QTest::addColumn<double>("end");
    QTest::addColumn<int>("pixel");

    // Plot [100, 1100), clamped to [98, 1102].
    QTest::newRow("inside") << 5.0 << 0.0 << 10.0 << 600;
    QTest::newRow("rounds") << 0.0104 << 0.0 << 10.0 << 101;
    QTest::newRow("far left") << -1e12 << 0.0 << 10.0 << 98;
    QTest::newRow("far right") << 86400.0 << 1.0 << 1.000001 << 1102;
    QTest::newRow("NaN goes left") << std::nan("") << 0.0 << 10.0 << 98;
    QTest::newRow("zero-width range") << 5.0 << 5.0 << 5.0 << 100;
}

void tst_TimelineMath::timeToPixelClamps()
{
    QFETCH(double, t);
    QFETCH(double, start);
    QFETCH(double, end);
    QFETCH(int, pixel);
    QCOMPARE(timeToPixel(t, start, end, 100.0, 1000.0, 98, 1102), pixel);
}

void tst_TimelineMath::rows_data()
{
    QTest::addColumn<double>("top");
    QTest::addColumn<double>("rowHeight");
    QTest::addColumn<qint64>("rowCount");
    QTest::addColumn<double>("y");
    QTest::addColumn<qint64>("row");

    QTest::newRow("first row") << 50.0 << 20.0 << qint64(5) << 50.0 << qint64(0);
    QTest::newRow("inside third row") << 50.0 << 20.0 << qint64(5) << 99.0 << qint64(2);
    QTest::newRow("last pixel of last row") << 50.0 << 20.0 << qint64(5) << 149.9 << qint64(4);
    QTest::newRow("below the rows") << 50.0 << 20.0 << qint64(5) << 150.0 << qint64(-1);
    QTest::newRow("above the rows") << 50.0 << 20.0 << qint64(5) << 49.0 << qint64(-1);
    QTest::newRow("empty run") << 50.0 << 20.0 << qint64(0) << 55.0 << qint64(-1);
    QTest::newRow("zero height") << 50.0 << 0.0 << qint64(5) << 55.0 << qint64(-1);
    QTest::newRow("sub-pixel rows") << 0.0 << 0.001 << qint64(1000000) << 500.5 << qint64(500500);
    QTest::newRow("scrolled (negative top)")
            << -1000.0 << 20.0 << qint64(100) << 10.0 << qint64(50);
}

void tst_TimelineMath::rows()
{
    QFETCH(double, top);
    QFETCH(double, rowHeight);
    QFETCH(qint64, rowCount);
    QFETCH(double, y);
    QFETCH(qint64, row);
    QCOMPARE(yToRow(y, top, rowHeight, rowCount), row);
    if (row >= 0) {
        QVERIFY(rowToY(row, top, rowHeight) <= y + 1e-9);
        QVERIFY(rowToY(row + 1, top, rowHeight) > y);
    }
}

void tst_TimelineMath::visibleRows_data()
{
    QTest::addColumn<double>("y0");
    QTest::addColumn<double>("y1");
    QTest::addColumn<double>("top");
    QTest::addColumn<double>("rowHeight");
    QTest::addColumn<qint64>("rowCount");
    QTest::addColumn<qint64>("first");
    QTest::addColumn<qint64>("last");

    QTest::newRow("all visible") << 0.0 << 500.0 << 100.0 << 20.0 << qint64(5) << qint64(0)
                                 << qint64(5);
    QTest::newRow("partly scrolled")
            << 0.0 << 100.0 << -30.0 << 20.0 << qint64(100) << qint64(1) << qint64(7);
    QTest::newRow("below view") << 0.0 << 100.0 << 200.0 << 20.0 << qint64(5) << qint64(0)
                                << qint64(0);
    QTest::newRow("empty run") << 0.0 << 100.0 << 0.0 << 20.0 << qint64(0) << qint64(0)
                               << qint64(0);
    QTest::newRow("empty band") << 50.0 << 50.0 << 0.0 << 20.0 << qint64(5) << qint64(0)
                                << qint64(0);
    QTest::newRow("a million sub-pixel rows")
            << 0.0 << 1000.0 << 0.0 << 0.001 << qint64(1000000) << qint64(0) << qint64(1000000);
}

void tst_TimelineMath::visibleRows()
{
    QFETCH(double, y0);
    QFETCH(double, y1);
    QFETCH(double, top);
    QFETCH(double, rowHeight);
    QFETCH(qint64, rowCount);
    QFETCH(qint64, first);
    QFETCH(qint64, last);
    const auto [f, l] = TimelineMath::visibleRows(y0, y1, top, rowHeight, rowCount);
    QCOMPARE(f, first);
    QCOMPARE(l, last);
}

void tst_TimelineMath::niceStep_data()
{
    QTest::addColumn<double>("rough");
    QTest::addColumn<double>("step");

    QTest::newRow("1") << 1.0 << 1.0;
    QTest::newRow("1.1 -> 2") << 1.1 << 2.0;
    QTest::newRow("2.5 -> 5") << 2.5 << 5.0;
    QTest::newRow("6 -> 10") << 6.0 << 10.0;
    QTest::newRow("0.2 stays") << 0.2 << 0.2;
    QTest::newRow("0.2000000001 stays") << 0.2000000001 << 0.2;
    QTest::newRow("0.0003 -> 0.0005") << 0.0003 << 0.0005;
    QTest::newRow("1e-7 (huge zoom)") << 1e-7 << 1e-7;
    QTest::newRow("35 -> 50") << 35.0 << 50.0;
    QTest::newRow("55 -> 1 min") << 55.0 << 60.0;
    QTest::newRow("100 -> 2 min") << 100.0 << 120.0;
    QTest::newRow("700 -> 15 min") << 700.0 << 900.0;
    QTest::newRow("4000 -> 2 h") << 4000.0 << 7200.0;
    QTest::newRow("86400 -> 1 d") << 86400.0 << 86400.0;
    QTest::newRow("100000 -> 2 d") << 100000.0 << 172800.0;
    QTest::newRow("zero -> 1") << 0.0 << 1.0;
    QTest::newRow("negative -> 1") << -3.0 << 1.0;
    QTest::newRow("infinity -> 1") << std::numeric_limits<double>::infinity() << 1.0;
}

void tst_TimelineMath::niceStep()
{
    QFETCH(double, rough);
    QFETCH(double, step);
    QVERIFY2(std::abs(TimelineMath::niceStep(rough) - step) <= step * 1e-9,
             qPrintable(QString::number(TimelineMath::niceStep(rough), 'g', 12)));
}

void tst_TimelineMath::ticks_data()
{
    QTest::addColumn<double>("start");
    QTest::addColumn<double>("end");
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("step");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("firstLabel");

    QTest::newRow("article run, 0-13 s")
            << 0.0 << 13.0 << 1000.0 << 2.0 << 7 << QStringLiteral("0 s");
    QTest::newRow("zoomed in below a second")
            << 0.0 << 0.9 << 1000.0 << 0.1 << 10 << QStringLiteral("0 ms");
    QTest::newRow("up to 1 s counts seconds")
            << 0.0 << 1.0 << 1000.0 << 0.1 << 11 << QStringLiteral("0 s");
    QTest::newRow("narrow plot, 500 ms steps")
            << 0.0 << 0.9 << 300.0 << 0.5 << 2 << QStringLiteral("0 ms");
    QTest::newRow("offset window") << 4.9 << 5.3 << 1000.0 << 0.05 << 9 << QStringLiteral("4.90 s");
    QTest::newRow("huge zoom 1e-6 s")
            << 1.0 << 1.000001 << 1000.0 << 1e-7 << 11 << QStringLiteral("1.0000000 s");
    QTest::newRow("huge zoom below 1 s")
            << 0.5 << 0.500001 << 1000.0 << 1e-7 << 11 << QStringLiteral("500000000 ns");
    QTest::newRow("huge range 86400 s")
            << 0.0 << 86400.0 << 1920.0 << 7200.0 << 13 << QStringLiteral("0 s");
    QTest::newRow("zero-width range") << 5.0 << 5.0 << 1000.0 << 0.0 << 0 << QString();
    QTest::newRow("inverted range") << 5.0 << 4.0 << 1000.0 << 0.0 << 0 << QString();
    QTest::newRow("no width") << 0.0 << 10.0 << 0.0 << 0.0 << 0 << QString();
    QTest::newRow("NaN") << std::nan("") << 10.0 << 500.0 << 0.0 << 0 << QString();
}

void tst_TimelineMath::ticks()
{
    QFETCH(double, start);
    QFETCH(double, end);
    QFETCH(double, width);
    QFETCH(double, step);
    QFETCH(int, count);
    QFETCH(QString, firstLabel);
    const Ticks t = TimelineMath::ticks(start, end, width, 90.0);
    QVERIFY2(std::abs(t.step - step) <= step * 1e-9, qPrintable(QString::number(t.step, 'g', 12)));
    QCOMPARE(t.count, count);
    if (count == 0)
        return;
    QCOMPARE(tickLabel(t, 0), firstLabel);
    // Every tick inside the window, at least the minimum spacing apart, labels all distinct.
    QStringList labels;
    for (int i = 0; i < t.count; ++i) {
        QVERIFY(t.value(i) >= start - t.step * 1e-6);
        QVERIFY(t.value(i) <= end + t.step * 1e-6);
        labels << tickLabel(t, i);
    }
    QVERIFY(t.step * width / (end - start) >= 90.0 - 1e-6);
    labels.removeDuplicates();
    QCOMPARE(labels.size(), t.count);
}

void tst_TimelineMath::tickLabels_data()
{
    QTest::addColumn<double>("start");
    QTest::addColumn<double>("end");
    QTest::addColumn<double>("width");
    QTest::addColumn<QStringList>("labels");

    QTest::newRow("seconds") << 0.0 << 8.5 << 900.0
                             << QStringList{QStringLiteral("0 s"), QStringLiteral("1 s"),
                                            QStringLiteral("2 s"), QStringLiteral("3 s"),
                                            QStringLiteral("4 s"), QStringLiteral("5 s"),
                                            QStringLiteral("6 s"), QStringLiteral("7 s"),
                                            QStringLiteral("8 s")};
    QTest::newRow("milliseconds") << 0.0 << 0.5 << 300.0
                                  << QStringList{QStringLiteral("0 ms"), QStringLiteral("200 ms"),
                                                 QStringLiteral("400 ms")};
    QTest::newRow("microseconds") << 0.0 << 0.0005 << 300.0
                                  << QStringList{QStringLiteral("0 \u00b5s"),
                                                 QStringLiteral("200 \u00b5s"),
                                                 QStringLiteral("400 \u00b5s")};
    QTest::newRow("decimal seconds")
            << 9.8 << 10.3 << 300.0
            << QStringList{QStringLiteral("9.8 s"), QStringLiteral("10.0 s"),
                           QStringLiteral("10.2 s")};
    QTest::newRow("minutes") << 0.0 << 400.0 << 400.0
                             << QStringList{QStringLiteral("0 s"), QStringLiteral("2 min"),
                                            QStringLiteral("4 min"), QStringLiteral("6 min")};
    QTest::newRow("hours") << 0.0 << 86400.0 << 400.0
                           << QStringList{QStringLiteral("0 s"), QStringLiteral("6 h"),
                                          QStringLiteral("12 h"), QStringLiteral("18 h"),
                                          QStringLiteral("1 d")};
}

void tst_TimelineMath::tickLabels()
{
    QFETCH(double, start);
    QFETCH(double, end);
    QFETCH(double, width);
    QFETCH(QStringList, labels);
    const Ticks t = TimelineMath::ticks(start, end, width, 90.0);
    QStringList actual;
    for (int i = 0; i < t.count; ++i)
        actual << tickLabel(t, i);
    QCOMPARE(actual, labels);
}

void tst_TimelineMath::formatDuration_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QString>("text");

    QTest::newRow("zero") << 0.0 << QStringLiteral("0 s");
    QTest::newRow("whole seconds") << 5.0 << QStringLiteral("5 s");
    // Seconds get two decimals at most, whatever their size, none when whole: "8.011 s" beside
    // "12 s" (or "12.001 s" beside "8 s") read as figures of different precision.
    QTest::newRow("hundredths") << 8.0121 << QStringLiteral("8.01 s");
    QTest::newRow("hundredths, rounded whole") << 8.0021 << QStringLiteral("8 s");
    QTest::newRow("ten seconds and more, whole") << 12.001 << QStringLiteral("12 s");
    QTest::newRow("ten seconds and more, hundredths") << 12.34 << QStringLiteral("12.34 s");
    QTest::newRow("just below ten seconds") << 9.9996 << QStringLiteral("10 s");
    QTest::newRow("just below a minute") << 59.97 << QStringLiteral("1 min");
    QTest::newRow("minutes and seconds") << 1246.49 << QStringLiteral("20 min 46 s");
    QTest::newRow("below a second") << 0.25 << QStringLiteral("250 ms");
    QTest::newRow("fractional ms") << 0.0125 << QStringLiteral("12.5 ms");
    QTest::newRow("microseconds") << 3.2e-6 << QStringLiteral("3.2 \u00b5s");
    QTest::newRow("nanoseconds") << 4e-9 << QStringLiteral("4 ns");
    QTest::newRow("minutes") << 200.0 << QStringLiteral("3 min 20 s");
    QTest::newRow("hours") << 3900.0 << QStringLiteral("1 h 5 min");
    QTest::newRow("a day") << 86400.0 << QStringLiteral("1 d");
    QTest::newRow("negative") << -0.5 << QStringLiteral("-500 ms");
}

void tst_TimelineMath::formatDuration()
{
    QFETCH(double, seconds);
    QFETCH(QString, text);
    QCOMPARE(TimelineMath::formatDuration(seconds), text);
}

void tst_TimelineMath::formatDurationExact_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QString>("exact");
    QTest::addColumn<QString>("difference");

    QTest::newRow("below a minute")
            << 8.0121 << QStringLiteral("8.01 s") << QStringLiteral("+8.01 s");
    QTest::newRow("whole") << 4.0 << QStringLiteral("4 s") << QStringLiteral("+4 s");
    QTest::newRow("negative") << -4.0 << QStringLiteral("-4 s") << QStringLiteral("\u22124 s");
    QTest::newRow("zero") << 0.0 << QStringLiteral("0 s") << QStringLiteral("0 s");
    // A table needs the exact figure the clock rounds away.
    QTest::newRow("minutes") << 1246.49 << QStringLiteral("20 min 46 s (1246.49 s)")
                             << QStringLiteral("+20 min 46 s (1246.49 s)");
}

void tst_TimelineMath::formatDurationExact()
{
    QFETCH(double, seconds);
    QFETCH(QString, exact);
    QFETCH(QString, difference);
    QCOMPARE(TimelineMath::formatDurationExact(seconds), exact);
    QCOMPARE(TimelineMath::formatSignedDuration(seconds, true), difference);
}

void tst_TimelineMath::formatDurationJapanese()
{
    // Not qApp: with Qt Gui linked it downcasts to QGuiApplication, and this test runs guiless.
    QCOMPARE(Translations::install(*QCoreApplication::instance(), QStringLiteral("ja")),
             QStringLiteral("ja"));
    const QString seconds = TimelineMath::formatDuration(5.0);
    const QString clock = TimelineMath::formatDuration(1246.49);
    const QString exact = TimelineMath::formatDurationExact(1246.49);
    Translations::install(*QCoreApplication::instance(), QStringLiteral("en"));
    // The unit is translated in every form, so no "5 s" stands beside 秒.
    QCOMPARE(seconds, QStringLiteral("5 \u79d2"));
    QCOMPARE(clock, QStringLiteral("20 \u5206 46 \u79d2"));
    QVERIFY2(exact.endsWith(QStringLiteral("1246.49 \u79d2)")), qPrintable(exact));
    QCOMPARE(TimelineMath::formatDuration(5.0), QStringLiteral("5 s"));
}

void tst_TimelineMath::niceScale_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<qint64>("top");

    QTest::newRow("nothing") << 0.0 << qint64(1);
    QTest::newRow("one") << 1.0 << qint64(1);
    QTest::newRow("six tasks get 6, not 10") << 6.0 << qint64(6);
    QTest::newRow("seven") << 7.0 << qint64(8);
    QTest::newRow("nine") << 9.0 << qint64(10);
    QTest::newRow("eleven") << 11.0 << qint64(12);
    QTest::newRow("thirteen") << 13.0 << qint64(15);
    QTest::newRow("twenty-one") << 21.0 << qint64(25);
    QTest::newRow("a hundred and one") << 101.0 << qint64(120);
    QTest::newRow("a million") << 1e6 << qint64(1000000);
}

void tst_TimelineMath::niceScale()
{
    QFETCH(double, value);
    QFETCH(qint64, top);
    QCOMPARE(TimelineMath::niceScale(value), top);
}

void tst_TimelineMath::zoomAround_data()
{
    QTest::addColumn<double>("start");
    QTest::addColumn<double>("end");
    QTest::addColumn<double>("anchor");
    QTest::addColumn<double>("factor");
    QTest::addColumn<double>("newStart");
    QTest::addColumn<double>("newEnd");

    QTest::newRow("zoom in around the middle") << 0.0 << 10.0 << 5.0 << 2.0 << 2.5 << 7.5;
    QTest::newRow("zoom in around the start") << 0.0 << 10.0 << 0.0 << 2.0 << 0.0 << 5.0;
    QTest::newRow("zoom out around a point") << 0.0 << 10.0 << 2.0 << 0.5 << -2.0 << 18.0;
    QTest::newRow("stops at the narrowest window")
            << 1.0 << 1.0000002 << 1.0000001 << 100.0 << 1.0000001 - minSpan / 2
            << 1.0000001 + minSpan / 2;
    QTest::newRow("zero-width range unchanged") << 3.0 << 3.0 << 3.0 << 2.0 << 3.0 << 3.0;
    QTest::newRow("bad factor unchanged") << 0.0 << 10.0 << 5.0 << 0.0 << 0.0 << 10.0;
}

void tst_TimelineMath::zoomAround()
{
    QFETCH(double, start);
    QFETCH(double, end);
    QFETCH(double, anchor);
    QFETCH(double, factor);
    QFETCH(double, newStart);
    QFETCH(double, newEnd);
    const auto [s, e] = TimelineMath::zoomAround(start, end, anchor, factor);
    QVERIFY2(std::abs(s - newStart) < 1e-12 && std::abs(e - newEnd) < 1e-12,
             qPrintable(QStringLiteral("%1 .. %2").arg(s, 0, 'g', 15).arg(e, 0, 'g', 15)));
    // The anchor keeps its place in the window.
    if (end > start && factor > 0.0 && e > s) {
        const double before = (anchor - start) / (end - start);
        const double after = (anchor - s) / (e - s);
        QVERIFY(std::abs(before - after) < 1e-6);
    }
}

void tst_TimelineMath::stackLabels_data()
{
    // Lines 10 px high in [0, 60]: a label's centre is at least 5 from the top, 55 at most.
    using Ys = std::vector<int>;
    QTest::addColumn<Ys>("wanted");
    QTest::addColumn<Ys>("placed");
    constexpr int none = std::numeric_limits<int>::min();
    QTest::newRow("none") << Ys{} << Ys{};
    QTest::newRow("apart already") << Ys{10, 30, 50} << Ys{10, 30, 50};
    QTest::newRow("same row: pushed down") << Ys{20, 20} << Ys{20, 30};
    QTest::newRow("close: order kept") << Ys{40, 43, 46} << Ys{35, 45, 55};
    QTest::newRow("at the bottom: lifted") << Ys{58, 58, 59} << Ys{35, 45, 55};
    QTest::newRow("above the top: lowered") << Ys{-20, 0} << Ys{5, 15};
    QTest::newRow("too many: the top ones left out")
            << Ys{20, 20, 20, 20, 20, 20, 20} << Ys{none, 5, 15, 25, 35, 45, 55};
}

void tst_TimelineMath::stackLabels()
{
    using Ys = std::vector<int>;
    QFETCH(Ys, wanted);
    QFETCH(Ys, placed);
    QCOMPARE(TimelineMath::stackLabels(wanted, 10, 0, 60), placed);
}

QTEST_GUILESS_MAIN(tst_TimelineMath)

#include "tst_timelinemath.moc"
