#include "runreplay.h"

#include "runprogress.h"
#include "runrecord.h"

#include <QHash>
#include <QString>

#include <algorithm>

namespace {

// What a task's result would be without a stored text (RunRecord::result()'s fallbacks).
QVariant derivedResult(const RunRecord &r, qsizetype index, TaskStatus status)
{
    if (status == TaskStatus::Cancelled)
        return QStringLiteral("cancelled");
    const Task &t = r.task(index);
    if (!t.message().isNull())
        return t.message();
    return t.duration;
}

} // namespace

struct RunReplay::Run
{
    // Retries, 429 answers and attempts without times (a CSV's column) of one task.
    struct Attempts
    {
        int rejected = 0;
        int untimed = 0;
    };

    std::shared_ptr<const RunRecord> original;
    Schedule prediction;
    std::vector<Event> events; // by time, then kind, then task
    QHash<qint32, QString> storedResults; // results that the task does not derive
    QHash<qint32, Attempts> attempts; // tasks that retried or were rejected
    std::shared_ptr<const RunProgressFinal> final; // the original's, once the end was reached

    std::shared_ptr<RunRecord> record;
    std::shared_ptr<RunProgress> progress;
    size_t next = 0; // events[0, next) are in record

    void apply(const Event &e);
};

void RunReplay::Run::apply(const Event &e)
{
    RunRecord &r = *record;
    const qint32 i = e.task;
    switch (e.kind) {
    case Submit:
        r.markSubmitted(i, e.ns);
        break;
    case Pick:
        r.markPicked(i, e.ns);
        break;
    case Start: {
        const TaskSample s = original->sample(i);
        r.markStarted(i, s.startedNs, s.worker, s.pickedNs);
        break;
    }
    case Retry: {
        // Which retried attempts got a 429 is not recorded: the first ones, as many as there were.
        const int done = int(r.retryTimes(i).size());
        r.markAttemptFailed(i, e.ns, done < attempts.value(i).rejected, true);
        break;
    }
    case Finish:
    case LateFinish: {
        const TaskSample s = original->sample(i);
        if (const auto it = attempts.constFind(i); it != attempts.cend()) {
            const int retried = int(r.retryTimes(i).size());
            for (int k = retried; k < it->rejected; ++k)
                r.markAttemptFailed(i, s.finishedNs, true, false);
            if (it->untimed > 0)
                r.setLoadedAttempts(i, 1 + it->untimed);
        }
        const auto stored = storedResults.constFind(i);
        r.markFinished(i, s.finishedNs, s.status,
                       stored != storedResults.cend() ? stored.value() : QString());
        break;
    }
    default:
        break;
    }
}

RunReplay::RunReplay(QList<std::shared_ptr<const RunRecord>> runs, QList<Schedule> predictions)
    : m_originals(std::move(runs))
    , m_predictions(std::move(predictions))
    , m_view(m_originals)
{
    for (qsizetype k = 0; k < m_originals.size(); ++k) {
        auto run = std::make_unique<Run>();
        run->original = m_originals.at(k);
        run->prediction = m_predictions.value(k);
        const RunRecord &r = *run->original;
        const bool picks = r.options().admission == Admission::InTask;
        const bool retries = r.totalRetries() > 0 || r.totalRejected() > 0;
        const qsizetype n = r.taskCount();
        std::vector<Event> &events = run->events;
        events.reserve(size_t(3 * n));
        for (qsizetype i = 0; i < n; ++i) {
            const TaskSample s = r.sample(i);
            const auto task = qint32(i);
            if (s.submittedNs >= 0)
                events.push_back({s.submittedNs, task, Submit});
            if (s.hasStarted()) {
                if (picks && s.pickedNs >= 0 && s.pickedNs < s.startedNs)
                    events.push_back({s.pickedNs, task, Pick});
                events.push_back({s.startedNs, task, Start});
            }
            qint64 lastBeforeFinish = s.hasStarted() ? s.startedNs : -1;
            if (retries) {
                const QList<qint64> times = r.retryTimes(i);
                for (const qint64 t : times) {
                    events.push_back({std::max(t, s.startedNs), task, Retry});
                    lastBeforeFinish = std::max(lastBeforeFinish, t);
                }
                const int rejected = r.rejectedCount(i);
                const int untimed = r.attempts(i) - 1 - int(times.size());
                if (rejected > 0 || untimed > 0)
                    run->attempts.insert(task, {rejected, std::max(0, untimed)});
            }
            if (s.hasFinished()) {
                const qint64 ns = std::max(s.finishedNs, s.startedNs);
                events.push_back({ns, task, ns > lastBeforeFinish ? Finish : LateFinish});
                const QVariant result = r.result(i);
                if (result != derivedResult(r, i, s.status))
                    run->storedResults.insert(task, result.toString());
            }
        }
        std::sort(events.begin(), events.end(), [](const Event &a, const Event &b) {
            if (a.ns != b.ns)
                return a.ns < b.ns;
            return a.kind != b.kind ? a.kind < b.kind : a.task < b.task;
        });
        if (!events.empty())
            m_endNs = std::max(m_endNs, events.back().ns);
        m_runs.push_back(std::move(run));
    }
}

RunReplay::~RunReplay() = default;

qint64 RunReplay::endNs() const
{
    return m_endNs;
}

double RunReplay::scenarioSecondsPerNs() const
{
    if (m_originals.isEmpty())
        return 1e-9;
    return 1e-9 / m_originals.first()->options().timeScale;
}

void RunReplay::seek(qint64 ns)
{
    ns = std::clamp<qint64>(ns, 0, m_endNs);
    if (m_position < 0 || ns < m_position)
        rebuild();
    advance(ns);
    m_position = ns;
}

void RunReplay::rebuild()
{
    m_view.clear();
    for (const auto &run : m_runs) {
        const RunRecord &original = *run->original;
        run->record = std::make_shared<RunRecord>(original.scenario());
        run->record->setWorkerNames(original.workerNames());
        run->record->setTaskDetails(original.sharedTaskDetails());
        run->progress = std::make_shared<RunProgress>(run->record, run->prediction);
        run->next = 0;
        m_view.append(run->record);
    }
}

void RunReplay::advance(qint64 ns)
{
    for (const auto &run : m_runs) {
        const size_t first = run->next;
        const std::vector<Event> &events = run->events;
        while (run->next < events.size() && events[run->next].ns <= ns)
            run->apply(events[run->next++]);
        if (run->next == first)
            continue;
        run->record->publishEvents();
        if (run->next == events.size() && run->record->isComplete()) {
            // Complete: the original's final form (steps, statistics, results line), computed
            // once however often the end is reached.
            if (!run->final)
                run->final = RunProgress::finalData(*run->original, run->prediction);
            run->progress->setFinal(run->final);
        } else {
            run->progress->update();
        }
    }
}

QList<std::shared_ptr<const RunProgress>> RunReplay::progress() const
{
    QList<std::shared_ptr<const RunProgress>> list;
    for (const auto &run : m_runs) {
        if (run->progress)
            list.append(run->progress);
    }
    return list;
}
