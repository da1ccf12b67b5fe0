#include "timelinetooltip.h"

#include "runrecord.h"
#include "runreport.h"
#include "tasklabel.h"
#include "taskwaitreason.h"
#include "timelinemath.h"
#include "timelinerenderer.h"

#include <algorithm>

namespace {

// A trace's args can be long: the tooltip shows a few lines of a few dozen characters.
constexpr int maxDetailLines = 6;
constexpr qsizetype maxDetailColumns = 72;

QString row(const QString &name, const QString &value)
{
    return QStringLiteral("<tr><td style='padding-right:10px'>") + name.toHtmlEscaped()
           + QStringLiteral("</td><td>") + value.toHtmlEscaped() + QStringLiteral("</td></tr>");
}

QString elided(const QString &text, qsizetype columns)
{
    return text.size() <= columns ? text : text.left(columns - 1) + QChar(0x2026);
}

// The details' first lines as HTML, wrapped at maxDetailColumns, "…" for what is left out.
QString detailLines(const QString &details)
{
    const QStringList lines = details.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QStringList shown;
    bool cut = false;
    for (const QString &line : lines) {
        const QString text = line.trimmed();
        for (qsizetype at = 0; at < text.size(); at += maxDetailColumns) {
            if (shown.size() == maxDetailLines) {
                cut = true;
                break;
            }
            shown << text.mid(at, maxDetailColumns).toHtmlEscaped();
        }
        if (cut)
            break;
    }
    if (cut)
        shown.last() += QChar(0x2026);
    return shown.join(QStringLiteral("<br>"));
}

} // namespace

QString TimelineToolTip::text(TimelineRenderer &renderer, const TimelineRenderOptions &o,
                              const TimelineHit &hit, const std::function<qint64()> &nowNs)
{
    const QList<std::shared_ptr<const RunRecord>> &runs = o.runs;
    const QList<Schedule> &predictions = o.predictions;
    if (hit.run < 0 || hit.run >= runs.size())
        return {};
    const RunRecord &r = *runs.at(hit.run);
    if (hit.area == TimelineHit::Area::Chart) {
        int running = 0, waiting = 0;
        if (!renderer.concurrencyAt(o, hit.run, hit.time, &running, &waiting))
            return {};
        QString text = QStringLiteral("<b>") + r.options().displayName().toHtmlEscaped()
                       + QStringLiteral("</b><table>")
                       + row(tr("at"), TimelineMath::formatDuration(hit.time))
                       + row(tr("running"), QString::number(running))
                       + row(tr("waiting"), QString::number(waiting));
        // Each gate's running tasks against its limit.
        const QList<int> gateRunning = renderer.gatesRunningAt(o, hit.run, hit.time);
        const QList<Gate> &gates = r.options().gates;
        for (qsizetype g = 0; g < gateRunning.size() && g < gates.size(); ++g)
            text += row(gates.at(g).name.toHtmlEscaped(),
                        tr("%1 of %2 running").arg(gateRunning.at(g)).arg(gates.at(g).limit));
        return text + QStringLiteral("</table>");
    }
    if (hit.task < 0 || hit.task >= r.taskCount())
        return {};
    const Task &task = r.task(hit.task);
    const TaskSample s = r.sample(hit.task);
    const qint64 now = nowNs && !r.isComplete() ? nowNs() : -1;
    const auto time = [&](qint64 ns) {
        return TimelineMath::formatDuration(r.toScenarioSeconds(ns));
    };
    QString waited;
    if (s.startedNs >= 0 && s.submittedNs >= 0)
        waited = time(s.startedNs - s.submittedNs);
    else if (s.submittedNs >= 0 && s.finishedNs >= 0)
        waited = tr("%1, never started").arg(time(s.finishedNs - s.submittedNs));
    else if (s.submittedNs >= 0 && now >= 0)
        waited = tr("%1 so far").arg(time(now - s.submittedNs));
    else
        waited = tr("\u2013");
    const QString started = s.startedNs >= 0 ? time(s.startedNs) : tr("not started");
    QString finished;
    if (s.finishedNs >= 0)
        finished = time(s.finishedNs);
    else if (s.startedNs >= 0)
        finished = now >= 0 ? tr("running for %1").arg(time(now - s.startedNs)) : tr("running");
    else
        finished = tr("\u2013");
    QString text = QStringLiteral("<b>") + QStringLiteral("#%1  ").arg(hit.task + 1)
                   + taskScreenLabel(task).toHtmlEscaped() + QStringLiteral("</b> &nbsp;")
                   + r.options().displayName().toHtmlEscaped() + QStringLiteral("<table>");
    text += row(tr("kind"), taskKindName(task.kind));
    text += row(tr("duration"), TimelineMath::formatDuration(task.duration));
    if (s.startedNs >= 0 && s.finishedNs >= 0)
        text += row(tr("took"), time(s.finishedNs - s.startedNs));
    if (!task.gate().isEmpty())
        text += row(tr("gate"), task.gate().toHtmlEscaped());
    text += row(tr("waited"), waited);
    // In-task admission: the wait splits where a pool thread took the task, which it then held
    // while waiting for its permit (as the lanes draw it).
    const qint64 permitEnd = s.startedNs >= 0    ? s.startedNs
                             : s.finishedNs >= 0 ? s.finishedNs
                                                 : now;
    if (s.submittedNs >= 0 && s.pickedNs >= 0 && s.pickedNs != s.startedNs
        && permitEnd > s.pickedNs) {
        text += row(tr("for a thread"), time(std::max<qint64>(0, s.pickedNs - s.submittedNs)));
        const QString held = time(permitEnd - s.pickedNs);
        text += row(tr("holding it, for a permit"),
                    s.startedNs < 0 && s.finishedNs < 0 ? tr("%1 so far").arg(held) : held);
    }
    // Over a wait: what the task waited for at the pointer's time, and who held it.
    const TaskWaitReason reason = TaskWaitReason::at(r, hit.task, r.toNanoseconds(hit.time), now);
    if (reason.resource != TaskWaitReason::Resource::None)
        text += row(tr("at %1").arg(TimelineMath::formatDuration(hit.time)), reason.text());
    text += row(tr("started"), started);
    text += row(tr("finished"), finished);
    QString worker = s.worker > 0 ? QString::number(s.worker) : tr("\u2013");
    if (const QString name = r.workerName(int(s.worker)); !name.isEmpty())
        worker = tr("%1 (%2)").arg(elided(name, maxDetailColumns), worker);
    text += row(tr("worker"), worker);
    text += row(tr("status"), taskStatusDisplayName(s.status));
    // Retries (HTTP tasks): how many requests the task made and how many the server refused.
    if (r.totalRetries() > 0 || r.totalRejected() > 0) {
        const int attempts = r.attempts(hit.task);
        const int rejected = r.rejectedCount(hit.task);
        if (attempts > 1)
            text += row(tr("attempts"), QString::number(attempts));
        if (rejected > 0)
            text += row(tr("rejected (429)"), QString::number(rejected));
    }
    if (isTerminal(s.status))
        text += row(tr("result"), RunReport::formatResult(r.result(hit.task)));
    // An opened trace's category and args, a few lines of them.
    if (const QString details = r.taskDetails(hit.task); !details.isEmpty())
        text += QStringLiteral("<tr><td style='padding-right:10px'>")
                + tr("details").toHtmlEscaped() + QStringLiteral("</td><td>") + detailLines(details)
                + QStringLiteral("</td></tr>");
    if (hit.run < predictions.size()) {
        const Schedule &p = predictions.at(hit.run);
        if (hit.task < p.start.size() && hit.task < p.finish.size())
            text += row(tr("predicted"),
                        tr("%1 to %2")
                                .arg(TimelineMath::formatDuration(p.start.at(hit.task)),
                                     TimelineMath::formatDuration(p.finish.at(hit.task))));
    }
    text += QStringLiteral("</table>");
    return text;
}
