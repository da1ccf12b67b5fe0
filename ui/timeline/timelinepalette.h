#pragma once

#include <QColor>

#include <array>

class QPalette;

// The timeline's colours. Tuned variants rather than colours derived from the widget palette:
// data colours must keep their meaning (run blue, wait amber, failed red) and their contrast
// against the background in light, dark and high-contrast themes. Every colour the legend shows
// stays apart from the others of its kind under simulated protanopia, deuteranopia and
// tritanopia (tst_colourvision), and none is the only signal: waits are thinner and hatched,
// failures end in a cross, cancellations are striped, predictions dashed, gates dashed apart.
struct TimelinePalette
{
    bool darkVariant = false;
    bool highContrastVariant = false;
    // Outlines (predictions, permit waits), the failure cross and the chart's lines.
    int lineWidth = 1;

    QColor background; // the data area
    QColor laneAlternate; // every other lane, for reading across
    QColor panel; // label column, axis, legend, run headers
    QColor separator; // lines between panel and data, between runs
    QColor grid; // vertical grid at the axis ticks
    QColor text;
    QColor mutedText; // task numbers, axis labels, chart scale

    QColor wait; // submitted to picked by a thread (to started in fifo): pale, hatched with
                 // waitHatch
    QColor waitHatch;
    // Picked to started (in-task admission): holding a thread while waiting for a permit. As tall
    // as a run, deeper than wait, cross-hatched and outlined in a thread's colour.
    QColor permitWait;
    QColor permitWaitHatch;
    QColor permitWaitEdge;
    QColor run; // started to finished
    QColor runMark; // on run bars: the kind marks of CPU and HTTP tasks, worker lanes' numbers
    QColor failed;
    QColor failedMark; // the cross at the end of a failed bar
    QColor cancelled; // striped with cancelledStripe, which also closes the bar's end
    QColor cancelledStripe;
    QColor predicted; // ghost outline of the ideal schedule
    QColor predictedFill;

    QColor runningArea; // concurrency chart: running tasks (step area) ...
    QColor runningLine;
    QColor waitingLine; // ... waiting tasks (line)
    QColor limit; // dashed line at the limit N
    // Each gate's running tasks (a line) and limit (dashed), in RunOptions::gates order, cycling;
    // past the colours the line's dash changes too (TimelineChartPass::gatePen()).
    std::array<QColor, 6> gates;

    QColor now; // the moving "now" line of a live run
    QColor selection; // selected lane background
    QColor selectionEdge; // outline of the selected bar
    QColor hover; // hovered lane background

    static TimelinePalette light();
    static TimelinePalette dark();
    // Black on white, or white on black, with saturated data colours and thicker lines.
    static TimelinePalette highContrastLight();
    static TimelinePalette highContrastDark();
    // Dark when the window colour is dark (Qt 6.4 has no colour scheme API); high contrast when
    // the palette is one (isHighContrast()).
    static TimelinePalette forPalette(const QPalette &palette);
    static bool isDark(const QPalette &palette);
    // A pure black or white window with text at 15:1 or more (WCAG's contrast ratio): the
    // high-contrast themes of Windows and GNOME, and AppTheme's. Qt 6.4 reports no contrast
    // preference (neither QStyleHints nor, on Linux, the platform themes), so the palette the
    // platform hands over is all there is to go by.
    static bool isHighContrast(const QPalette &palette);
    // WCAG 2 contrast ratio of two opaque colours, 1 to 21.
    static double contrastRatio(const QColor &a, const QColor &b);
};
