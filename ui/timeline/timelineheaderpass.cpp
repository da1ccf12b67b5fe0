#include "timelineheaderpass.h"

#include "runrecord.h"
#include "taskspans.h"
#include "timelinelayout.h"
#include "timelinerenderoptions.h"
#include "timelineruns.h"
#include "timelinetext.h"

#include <QLocale>
#include <QPainter>
#include <QStringList>

#include <algorithm>

namespace {

constexpr int padding = TimelineLayout::padding;

void paintBlockHeader(QPainter &p, const TimelineLayout &L, const TimelineBlock &b,
                      const TimelineRuns &runs, const TimelineRenderOptions &o)
{
    const RunProgress &c = runs.progress(b.run);
    const RunRecord &r = *c.record();
    const TimelinePalette &pal = o.palette;
    const int top = L.screenY(b.top);
    const QRect band(L.rect.left(), top, L.rect.width(), b.headerHeight);
    p.fillRect(band, pal.panel);
    p.setPen(pal.separator);
    p.drawLine(band.left(), band.bottom(), band.right(), band.bottom());
    if (b.run > 0)
        p.drawLine(band.left(), band.top(), band.right(), band.top());

    QFont bold = o.font;
    bold.setBold(true);
    TimelineText &text = *L.text;
    const int baselineY = top + (b.headerHeight - L.lineHeight) / 2 + L.ascent;
    const QString name = r.options().displayName();
    p.setFont(bold);
    p.setPen(pal.text);
    const int x = band.left() + padding;
    text.draw(p, QPoint(x, baselineY), name);
    p.setFont(o.font);

    const double k = scenarioSecondsPerNs(r);
    QStringList parts;
    const qsizetype tasks = r.taskCount();
    const QLocale locale;
    parts << (tasks == 1 ? TimelineHeaderPass::tr("1 task")
                         : TimelineHeaderPass::tr("%1 tasks").arg(locale.toString(tasks)));
    // The pool beside the limit in the name: "limit 2 · 5 tasks · pool of 5 threads".
    const int pool = r.options().effectiveThreads(tasks);
    if (r.options().origin == RunOrigin::Recorded)
        parts << (pool == 1 ? TimelineHeaderPass::tr("1 thread in the recording")
                            : TimelineHeaderPass::tr("%1 threads in the recording")
                                      .arg(locale.toString(pool)));
    else if (r.options().origin == RunOrigin::Ran)
        parts << (pool == 1 ? TimelineHeaderPass::tr("pool of 1 thread")
                            : TimelineHeaderPass::tr("pool of %1 threads")
                                      .arg(locale.toString(pool)));
    if (r.options().admission == Admission::InTask)
        parts << TimelineHeaderPass::tr("in-task admission");
    if (r.isComplete()) {
        parts << TimelineHeaderPass::tr("makespan %1")
                         .arg(TimelineMath::formatDuration(double(c.lastNs()) * k));
    } else if (!TimelineRuns::isLive(b.run, o) && r.publishedEventCount() == 0) {
        // A limit's schedule shown before it runs (the sweep's chosen limit): only its ghosts.
        parts << TimelineHeaderPass::tr("not run yet");
    } else if (TimelineRuns::isLive(b.run, o)) {
        parts << TimelineHeaderPass::tr("running, %1 of %2 done")
                         .arg(locale.toString(r.finishedCount()), locale.toString(tasks));
    } else {
        parts << TimelineHeaderPass::tr("%1 of %2 done")
                         .arg(locale.toString(r.finishedCount()), locale.toString(tasks));
    }
    if (b.run < o.predictions.size())
        parts << TimelineHeaderPass::tr("predicted %1")
                         .arg(TimelineMath::formatDuration(o.predictions.at(b.run).makespan));
    if (c.isFinal())
        parts << TimelineHeaderPass::tr("peak %1 running").arg(c.maxRunning());
    if (c.failed() > 0)
        parts << TimelineHeaderPass::tr("%1 failed").arg(c.failed());
    if (c.cancelled() > 0)
        parts << TimelineHeaderPass::tr("%1 cancelled").arg(c.cancelled());
    const int detailX = x + text.advance(bold, name) + 2 * padding;
    const QString details =
            text.elided(o.font, parts.join(QStringLiteral("  \u00b7  ")), Qt::ElideRight,
                        std::max(0, band.right() - padding - detailX));
    p.setPen(pal.mutedText);
    text.draw(p, QPoint(detailX, baselineY), details);
}

} // namespace

void TimelineHeaderPass::paint(QPainter &p, const TimelineLayout &L, const TimelineRuns &runs,
                               const TimelineRenderOptions &o)
{
    for (const TimelineBlock &b : L.blocks)
        paintBlockHeader(p, L, b, runs, o);
}
