#pragma once

#include "pixelcoverage.h"
#include "rectfill.h"
#include "taskspans.h"
#include "timelinelayout.h"
#include "timelinerenderoptions.h"

#include <QLine>
#include <QRect>

#include <array>
#include <vector>

class QPainter;
class RunRecord;
class TimelineRuns;

// The bars of every run's lanes: waits (for a thread, and for a permit while holding one), runs,
// failures, cancellations and the predicted ghosts, in task lanes or worker lanes. Only visible
// lanes and the visible time window are visited; every item gets at least one pixel; neighbours
// that share a pixel merge; lanes thinner than a pixel are aggregated per pixel row (from the lane
// summaries of finished tasks).
//
// Bars of finished runs are kept between paints while the geometry, the window and their events
// are unchanged (hover, selection and the now line do not change them); live runs' bars are
// built every frame.
class TimelineLanesPass
{
public:
    void paint(QPainter &p, const TimelineLayout &L, TimelineRuns &runs,
               const TimelineRenderOptions &o);
    // The kept bars are rebuilt at the next paint.
    void invalidate();

private:
    struct LaneGeometry
    {
        std::array<std::vector<QRect>, StyleCount> rects;
        std::vector<QRect> ghostOutlines;
        std::vector<QRect> hatch; // wait bars tall enough to hatch
        std::vector<QRect> permitHatch; // permit waits tall enough to cross-hatch ...
        std::vector<QRect> permitOutlines; // ... and wide enough to outline
        std::vector<QRect> stripes; // cancelled bars tall enough to stripe ...
        std::vector<QRect> cancelledEnds; // ... and wide enough to close with a bar
        std::vector<QLine> failedMarks; // crosses at the end of failed bars
        std::vector<QLine> separators; // between back-to-back bars of one worker

        void clear();
        // The cross-hatch and, when there is room, the outline of a permit wait's bar.
        void addPermitDetail(const QRect &bar);
        // The marks that tell failed and cancelled bars apart without their colours: a cross at
        // the end of a failed bar, stripes and a closing bar on a cancelled one (only where they
        // fit, so thin lanes and slivers cost nothing more).
        void addDetail(const QRect &bar, BarStyle style, int plotRight);
    };
    struct GeometryKey
    {
        QRect rect;
        QRect content;
        double start = 0, end = 0, laneHeight = 0;
        int scrollY = 0;
        int plotLeft = 0, plotRight = 0;
        TimelineLaneMode mode = TimelineLaneMode::Tasks;
        std::vector<const RunRecord *> runs;
        std::vector<qsizetype> events; // published events per run (-1 for live ones)
        std::vector<bool> live; // per run
        bool operator==(const GeometryKey &o) const;
    };

    void buildLaneGeometry(const TimelineLayout &L, TimelineRuns &runs,
                           const TimelineRenderOptions &o);
    void buildTaskLanes(const TimelineLayout &L, const TimelineBlock &b, TimelineRuns &runs,
                        const TimelineRenderOptions &o);
    void buildWorkerLanes(const TimelineLayout &L, const TimelineBlock &b, TimelineRuns &runs,
                          const TimelineRenderOptions &o);
    // The coverage's spans (columns from `left`) as pixel row y of each style's rectangles, rows
    // added in y-x order: what RectFill fills fastest (an SVG merges them again).
    void addRow(int left, int y);
    void paintLaneGeometry(QPainter &p, const TimelineLayout &L, const TimelineRenderOptions &o);
    void paintLiveBars(QPainter &p, const TimelineLayout &L, const TimelineBlock &b,
                       TimelineRuns &runs, const TimelineRenderOptions &o);

    GeometryKey m_geometryKey;
    bool m_geometryValid = false;
    LaneGeometry m_geometry;
    LaneGeometry m_liveGeometry;
    PixelCoverage m_coverage;
    RectFill m_rectFill;
};
