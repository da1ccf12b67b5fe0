#pragma once

#include <QColor>

#include <array>

class QPalette;

// The timeline's colours. Two tuned variants rather than colours derived from the widget palette:
// data colours must keep their meaning (run blue, wait amber, failed red) and their contrast
// against the background in both light and dark themes.
struct TimelinePalette
{
    bool darkVariant = false;

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
    QColor failed;
    QColor cancelled; // striped with cancelledStripe
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
    // Dark when the window colour is dark (Qt 6.4 has no colour scheme API).
    static TimelinePalette forPalette(const QPalette &palette);
    static bool isDark(const QPalette &palette);
};
