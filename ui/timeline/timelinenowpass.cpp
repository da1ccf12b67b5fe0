#include "timelinenowpass.h"

#include "runrecord.h"
#include "timelinelayout.h"
#include "timelinerenderoptions.h"
#include "timelineruns.h"

#include <QPainter>

int TimelineNowPass::nowX(const TimelineLayout &L, const TimelineRuns &runs,
                          const TimelineRenderOptions &o)
{
    const int live = TimelineRuns::liveRun(o);
    if (live < 0)
        return -1;
    const int x = L.x(runs.record(live)->toScenarioSeconds(o.liveNowNs));
    return x >= L.plotLeft && x < L.plotRight ? x : -1;
}

void TimelineNowPass::paint(QPainter &p, const TimelineLayout &L, const TimelineRuns &runs,
                            const TimelineRenderOptions &o)
{
    const int x = nowX(L, runs, o);
    if (x < 0)
        return;
    // Through every live run: a replay's runs share one clock.
    for (const TimelineBlock &b : L.blocks) {
        if (TimelineRuns::isLive(b.run, o))
            p.fillRect(QRect(x - 1, L.screenY(b.lanesTop), 2, b.bottom - b.lanesTop),
                       o.palette.now);
    }
}

void TimelineNowPass::paintMarker(QPainter &p, const TimelineLayout &L, const TimelineRuns &runs,
                                  const TimelineRenderOptions &o)
{
    const int x = nowX(L, runs, o);
    if (x < 0)
        return;
    const int y = L.axis.bottom();
    const QPoint tri[3] = {QPoint(x - 5, y - 6), QPoint(x + 5, y - 6), QPoint(x, y)};
    p.setPen(Qt::NoPen);
    p.setBrush(o.palette.now);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.drawPolygon(tri, 3);
}
