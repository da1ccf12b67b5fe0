#pragma once

// Pure coordinate maths of the timeline: time <-> x, row <-> y, axis ticks. No painting, no state,
// so every edge case (zero-width range, empty run, huge zoom) is tested data-driven.

#include <QCoreApplication>
#include <QString>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

namespace TimelineMath {

// Narrowest and widest visible window, in scenario seconds. The record counts real nanoseconds,
// and at the smallest time scale one nanosecond is 1e-5 scenario seconds; a window of 1e-7 s still
// holds a few pixels per real nanosecond at the largest time scales.
constexpr double minSpan = 1e-7;
constexpr double maxSpan = 1e7;

// x of time t when [start, end) maps onto [left, left + width). A degenerate range maps to left.
inline double timeToX(double t, double start, double end, double left, double width)
{
    const double span = end - start;
    if (!(span > 0.0))
        return left;
    return left + (t - start) * (width / span);
}

// Inverse of timeToX; start for a degenerate range or width.
inline double xToTime(double x, double start, double end, double left, double width)
{
    if (!(width > 0.0) || !(end > start))
        return start;
    return start + (x - left) * ((end - start) / width);
}

// timeToX clamped to [lo, hi] and rounded to a whole pixel: safe to convert to int at any zoom
// (an hour seen through a nanosecond window is 1e15 px away).
inline int timeToPixel(double t, double start, double end, double left, double width, int lo,
                       int hi)
{
    const double x = timeToX(t, start, end, left, width);
    if (!(x > double(lo)))
        return lo;
    if (!(x < double(hi)))
        return hi;
    // Round half up without a libm call: this runs once per bar edge.
    const double y = x + 0.5;
    const int v = int(y);
    return v - (y < double(v) ? 1 : 0);
}

// Top edge of row `row` when row 0 starts at `top` and rows are `rowHeight` px high (fractional
// heights are allowed: below 1 px several rows share a pixel row).
inline double rowToY(qint64 row, double top, double rowHeight)
{
    return top + double(row) * rowHeight;
}

// Row under y, or -1 outside [top, top + rowCount * rowHeight).
inline qint64 yToRow(double y, double top, double rowHeight, qint64 rowCount)
{
    if (!(rowHeight > 0.0) || rowCount <= 0 || y < top)
        return -1;
    const double r = std::floor((y - top) / rowHeight);
    if (!(r < double(rowCount)))
        return -1;
    return qint64(r);
}

// Rows [first, last) that intersect the pixel band [y0, y1).
inline std::pair<qint64, qint64> visibleRows(double y0, double y1, double top, double rowHeight,
                                             qint64 rowCount)
{
    if (!(rowHeight > 0.0) || rowCount <= 0 || !(y1 > y0))
        return {0, 0};
    const double f = std::floor((y0 - top) / rowHeight);
    const double l = std::ceil((y1 - top) / rowHeight);
    const qint64 first = qint64(std::clamp(f, 0.0, double(rowCount)));
    const qint64 last = qint64(std::clamp(l, 0.0, double(rowCount)));
    return {first, std::max(first, last)};
}

// The smallest "nice" step >= rough: 1, 2, 5 x 10^k below a minute; whole minutes and hours
// (1, 2, 5, 10, 15, 30 min, 1, 2, 3, 6, 12 h) up to a day; 1, 2, 5 x 10^k days beyond.
inline double niceStep(double rough)
{
    if (!(rough > 0.0) || !std::isfinite(rough))
        return 1.0;
    if (rough <= 50.0) {
        const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
        for (double m : {1.0, 2.0, 5.0, 10.0}) {
            // The tolerance keeps 0.2 from becoming 0.5 when rough is 0.2000000001.
            if (m * magnitude >= rough * (1.0 - 1e-9))
                return m * magnitude <= 50.0 ? m * magnitude : 60.0;
        }
    }
    for (double s : {60.0, 120.0, 300.0, 600.0, 900.0, 1800.0, 3600.0, 7200.0, 10800.0, 21600.0,
                     43200.0, 86400.0}) {
        if (s >= rough * (1.0 - 1e-9))
            return s;
    }
    const double days = rough / 86400.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(days)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * magnitude >= days * (1.0 - 1e-9))
            return m * magnitude * 86400.0;
    }
    return rough;
}

// The smallest 1, 2, 5 x 10^k count >= value: steps between labelled lanes, chart scales.
inline qint64 niceCount(double value)
{
    if (!(value > 1.0))
        return 1;
    if (!(value < 1e18))
        return qint64(1e18);
    double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (;;) {
        for (double m : {1.0, 2.0, 5.0}) {
            if (m * magnitude >= value * (1.0 - 1e-12))
                return qint64(std::llround(m * magnitude));
        }
        magnitude *= 10.0;
    }
}

// Minor ticks per major step: fifths of 1 and 5, quarters of 2, and whole units of clock steps
// (10 s of a minute, 15 min of an hour).
inline int minorDivisions(double step)
{
    if (!(step > 0.0))
        return 1;
    if (step >= 60.0) {
        for (auto [s, n] : {std::pair{60.0, 6},
                            {120.0, 4},
                            {300.0, 5},
                            {600.0, 5},
                            {900.0, 3},
                            {1800.0, 3},
                            {3600.0, 4},
                            {7200.0, 4},
                            {10800.0, 3},
                            {21600.0, 6},
                            {43200.0, 4},
                            {86400.0, 4}}) {
            if (std::abs(step - s) < 1e-6)
                return n;
        }
    }
    const double mantissa = step / std::pow(10.0, std::floor(std::log10(step) + 1e-9));
    return std::abs(mantissa - 2.0) < 1e-6 ? 4 : 5;
}

// How tick labels are written, chosen once per axis so all labels share a unit.
enum class TickUnit {
    Nanoseconds, // "200 ns": the whole window is below a microsecond
    Microseconds, // "250 µs"
    Milliseconds, // "250 ms": the whole window is below one second
    Seconds, // "2 s", "10.25 s" (decimals when the step is below a second)
    Clock, // "1 min", "1 h 30 min": steps of a minute or more
};

struct Ticks
{
    double step = 0.0;
    qint64 firstIndex = 0; // the first tick is at firstIndex * step
    int count = 0;
    TickUnit unit = TickUnit::Seconds;
    int decimals = 0; // for Seconds

    double value(int i) const { return double(firstIndex + i) * step; }
};

// Decimals needed to write multiples of a 1-2-5 step exactly (0.05 -> 2, 0.2 -> 1, 5 -> 0).
inline int decimalsFor(double step)
{
    if (!(step > 0.0) || step >= 1.0)
        return 0;
    return std::clamp(int(-std::floor(std::log10(step) + 1e-9)), 0, 12);
}

// Ticks for [start, end] drawn over `width` px, at least minSpacing px apart.
inline Ticks ticks(double start, double end, double width, double minSpacing)
{
    Ticks t;
    if (!std::isfinite(start) || !std::isfinite(end) || !(end > start) || !(width >= 1.0))
        return t;
    const double spacing = std::max(minSpacing, 1.0);
    const double maxTicks = std::max(1.0, std::floor(width / spacing));
    t.step = niceStep((end - start) / maxTicks);
    // A step below double resolution at this offset would repeat the same value.
    const double resolution = std::max(std::abs(start), std::abs(end))
                              * std::numeric_limits<double>::epsilon() * 16.0;
    while (t.step <= resolution)
        t.step = niceStep(t.step * 2.0);
    const double first = std::ceil(start / t.step - 1e-9);
    const double last = std::floor(end / t.step + 1e-9);
    if (!(last >= first) || last - first > 100000.0)
        return {};
    t.firstIndex = qint64(first);
    t.count = int(last - first) + 1;

    const double magnitude = std::max(std::abs(start), std::abs(end));
    if (t.step >= 60.0) {
        t.unit = TickUnit::Clock;
    } else if (t.step >= 1.0 || magnitude >= 1.0) {
        t.unit = TickUnit::Seconds;
        t.decimals = decimalsFor(t.step);
    } else if (t.step >= 1e-3) {
        t.unit = TickUnit::Milliseconds;
    } else if (t.step >= 1e-6) {
        t.unit = TickUnit::Microseconds;
    } else {
        t.unit = TickUnit::Nanoseconds;
    }
    return t;
}

// The value as a whole number of units (ticks are whole multiples of their unit).
inline QString wholeUnits(double value, double unit)
{
    const double v = std::round(value / unit);
    return QString::number(v == 0.0 ? 0.0 : v, 'f', 0);
}

// A minute-or-more value: "0 s", "5 min", "1 h", "1 h 30 min", "2 d", "1 d 6 h".
inline QString clockLabel(double seconds)
{
    const double rounded = std::round(seconds);
    if (rounded == 0.0)
        return QCoreApplication::translate("TimelineMath", "0 s");
    const QString sign = rounded < 0 ? QStringLiteral("-") : QString();
    const auto s = qint64(std::abs(rounded));
    const qint64 days = s / 86400;
    const qint64 hours = (s % 86400) / 3600;
    const qint64 minutes = (s % 3600) / 60;
    const qint64 secs = s % 60;
    QString text;
    if (days > 0)
        text = hours > 0 ? QCoreApplication::translate("TimelineMath", "%1 d %2 h")
                                   .arg(days)
                                   .arg(hours)
                         : QCoreApplication::translate("TimelineMath", "%1 d").arg(days);
    else if (hours > 0)
        text = minutes > 0 ? QCoreApplication::translate("TimelineMath", "%1 h %2 min")
                                     .arg(hours)
                                     .arg(minutes)
                           : QCoreApplication::translate("TimelineMath", "%1 h").arg(hours);
    else if (minutes > 0)
        text = secs > 0 ? QCoreApplication::translate("TimelineMath", "%1 min %2 s")
                                  .arg(minutes)
                                  .arg(secs)
                        : QCoreApplication::translate("TimelineMath", "%1 min").arg(minutes);
    else
        text = QCoreApplication::translate("TimelineMath", "%1 s").arg(secs);
    return sign + text;
}

inline QString tickLabel(const Ticks &t, int i)
{
    const double v = t.value(i);
    switch (t.unit) {
    case TickUnit::Nanoseconds:
        return QCoreApplication::translate("TimelineMath", "%1 ns").arg(wholeUnits(v, 1e-9));
    case TickUnit::Microseconds:
        return QCoreApplication::translate("TimelineMath", "%1 \u00b5s").arg(wholeUnits(v, 1e-6));
    case TickUnit::Milliseconds:
        return QCoreApplication::translate("TimelineMath", "%1 ms").arg(wholeUnits(v, 1e-3));
    case TickUnit::Seconds: {
        if (std::abs(v) < t.step * 1e-6)
            return QCoreApplication::translate("TimelineMath", "0 s");
        return QCoreApplication::translate("TimelineMath", "%1 s").arg(v, 0, 'f', t.decimals);
    }
    case TickUnit::Clock:
        return clockLabel(v);
    }
    return {};
}

// A duration or time for people, one rule everywhere (timeline, header, axis, summary table):
// seconds with two decimals at most, none when whole ("8.01 s", "12.02 s", "12 s"), so figures side
// by side read with one precision; below a second three significant decimals ("250 ms",
// "12.5 \u00b5s"); from a minute whole seconds on a clock ("3 min 20 s").
inline QString formatDuration(double seconds)
{
    if (!std::isfinite(seconds))
        return QCoreApplication::translate("TimelineMath", "\u2013");
    const double a = std::abs(seconds);
    const auto trimmed = [](double v, int decimals) {
        QString s = QString::number(v, 'f', decimals);
        if (s.contains(QLatin1Char('.'))) {
            while (s.endsWith(QLatin1Char('0')))
                s.chop(1);
            if (s.endsWith(QLatin1Char('.')))
                s.chop(1);
        }
        return s == QStringLiteral("-0") ? QStringLiteral("0") : s;
    };
    const auto significant = [&](double v) { return trimmed(v, v >= 100 ? 1 : v >= 10 ? 2 : 3); };
    if (a == 0.0)
        return QCoreApplication::translate("TimelineMath", "0 s");
    if (std::round(a) >= 60.0)
        return clockLabel(seconds);
    if (a >= 1.0)
        return QCoreApplication::translate("TimelineMath", "%1 s").arg(trimmed(seconds, 2));
    if (a >= 1e-3)
        return QCoreApplication::translate("TimelineMath", "%1 ms").arg(significant(seconds * 1e3));
    if (a >= 1e-6)
        return QCoreApplication::translate("TimelineMath", "%1 \u00b5s")
                .arg(significant(seconds * 1e6));
    return QCoreApplication::translate("TimelineMath", "%1 ns").arg(significant(seconds * 1e9));
}

// formatDuration() for tables, where exact figures matter: from a minute the seconds follow in
// parentheses with two decimals ("20 min 46 s (1246.49 s)").
inline QString formatDurationExact(double seconds)
{
    const QString text = formatDuration(seconds);
    if (!std::isfinite(seconds) || std::round(std::abs(seconds)) < 60.0)
        return text;
    return QCoreApplication::translate("TimelineMath", "%1 (%2)")
            .arg(text, QCoreApplication::translate("TimelineMath", "%1 s")
                               .arg(QString::number(seconds, 'f', 2)));
}

// A difference: "+4 s", "\u22124 s" (a minus sign), "0 s".
inline QString formatSignedDuration(double seconds, bool exact = false)
{
    const QString magnitude =
            exact ? formatDurationExact(std::abs(seconds)) : formatDuration(std::abs(seconds));
    if (!std::isfinite(seconds) || magnitude == formatDuration(0.0))
        return magnitude;
    return (seconds < 0 ? QString(QChar(0x2212)) : QStringLiteral("+")) + magnitude;
}

// The top of a count scale (a chart's y axis): the smallest of 1, 2, 3, 4, 5, 6, 8, 10, 12, 15,
// 20, 25, 30, 40, 50, 60, 80, 100, ... that holds value, so a peak of 6 gets 6, not 10.
inline qint64 niceScale(double value)
{
    if (!(value > 1.0))
        return 1;
    if (!(value < 1e18))
        return qint64(1e18);
    if (value <= 6.0)
        return qint64(std::ceil(value - 1e-9));
    double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (;;) {
        for (double m : {1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0}) {
            if (m * magnitude >= value * (1.0 - 1e-12))
                return qint64(std::llround(m * magnitude));
        }
        magnitude *= 10.0;
    }
}

// The window after zooming by `factor` (> 1 zooms in) around time `anchor`, which keeps its x.
inline std::pair<double, double> zoomAround(double start, double end, double anchor, double factor)
{
    const double span = end - start;
    if (!(factor > 0.0) || !(span > 0.0))
        return {start, end};
    const double newSpan = std::clamp(span / factor, minSpan, maxSpan);
    const double f = (anchor - start) / span;
    const double newStart = anchor - f * newSpan;
    return {newStart, newStart + newSpan};
}

// Centres of labels a line high that want to sit at `wanted` (sorted, top first), kept in that
// order and apart by a line at least, as near their wish as [top, bottom] allows: pushed down
// past the one above, then lifted off the bottom. A label that still sticks out above top does
// not fit: its centre is INT_MIN.
inline std::vector<int> stackLabels(const std::vector<int> &wanted, int lineHeight, int top,
                                    int bottom)
{
    std::vector<int> y(wanted);
    const int half = lineHeight / 2;
    for (size_t i = 0; i < y.size(); ++i) {
        y[i] = std::max(y[i], top + half);
        if (i > 0)
            y[i] = std::max(y[i], y[i - 1] + lineHeight);
    }
    for (size_t i = y.size(); i-- > 0;) {
        y[i] = std::min(y[i], bottom - (lineHeight - half));
        if (i + 1 < y.size())
            y[i] = std::min(y[i], y[i + 1] - lineHeight);
    }
    for (int &v : y) {
        if (v - half < top)
            v = std::numeric_limits<int>::min();
    }
    return y;
}

} // namespace TimelineMath
