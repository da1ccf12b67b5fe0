#pragma once

class QPainter;
class TimelineRuns;
struct TimelineLayout;
struct TimelineRenderOptions;

// Retried attempts inside the bars: a notch where each attempt that was retried ended
// (RunRecord::retryTimes). A run without retries costs one atomic load; with retries, one look-up
// per visible task lane (worker lanes: per visible task of each visible thread).
namespace TimelineRetryPass {
void paint(QPainter &p, const TimelineLayout &L, const TimelineRuns &runs,
           const TimelineRenderOptions &o);
}
