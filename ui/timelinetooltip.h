#pragma once

#include "timelinerenderoptions.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

class TimelineRenderer;

// The timeline's tooltip for what the pointer is over: a task's times, waits (for a thread, for a
// permit), gate and result, or the chart's running, waiting and per-gate counts at a time.
class TimelineToolTip
{
    // Its strings belong to the timeline view in the translations.
    Q_DECLARE_TR_FUNCTIONS(TimelineView)
public:
    // nowNs: the live clock (may be empty); a task still waiting or running is timed to it.
    static QString text(TimelineRenderer &renderer, const TimelineRenderOptions &o,
                        const TimelineHit &hit, const std::function<qint64()> &nowNs);
};
