#pragma once

#include "scenario.h"
#include "timelinerenderoptions.h"

#include <QCoreApplication>
#include <QRect>
#include <QVariant>

#include <vector>

class QPainter;
class TimelineRuns;
struct TimelineLayout;

// What is written on and beside the bars: a mark at the start of CPU and HTTP tasks' bars (a chip,
// two arrows; sleeps stay plain), a finished task's result after its bar in task lanes ("→ 111")
// and each block's task number in worker lanes ("#3"). Only where it fits: lanes tall enough for
// text, bars wide enough on screen, results with room up to the plot's edge. Worker lanes are
// probed every half label width, so a lane costs O(pixels / label * log tasks) at any task count.
class TimelineBarLabelsPass
{
    Q_DECLARE_TR_FUNCTIONS(TimelineRenderer)
public:
    struct KindMark
    {
        QRect rect;
        TaskKind kind;
    };
    struct Placed
    {
        std::vector<TimelineBarText> texts;
        std::vector<KindMark> marks;
    };

    static Placed place(const TimelineLayout &L, TimelineRuns &runs,
                        const TimelineRenderOptions &o);
    static void paint(QPainter &p, const TimelineLayout &L, TimelineRuns &runs,
                      const TimelineRenderOptions &o);
    // The mark of a kind in rect (the legend draws it too); nothing for sleeps and traces.
    static void paintKindMark(QPainter &p, const QRect &rect, TaskKind kind, const QColor &color,
                              int lineWidth);
    // The mark's side for bars of this height, 0 when they are too thin for one.
    static int markSize(int barHeight);
    // "→ 111": a result as written after its bar, elided to a couple of dozen characters.
    static QString resultText(const QVariant &result);
};
