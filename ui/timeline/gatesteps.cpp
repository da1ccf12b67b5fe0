#include "gatesteps.h"

#include "runrecord.h"

#include <algorithm>

namespace {

// At one instant a finish (-1) before a start (+1): a gate's permit handed over is not two tasks.
bool byIncrement(const ConcurrencyStep &a, const ConcurrencyStep &b)
{
    return a.ns != b.ns ? a.ns < b.ns : a.running < b.running;
}

// Adds increments (running +1 or -1) to a step function of running counts. Publication order is
// close to time order: the new increments usually follow; otherwise the stretch they overlap is
// turned back into increments, merged and summed again.
void addIncrements(QList<ConcurrencyStep> &steps, std::vector<ConcurrencyStep> &increments)
{
    if (increments.empty())
        return;
    std::sort(increments.begin(), increments.end(), byIncrement);
    const qsizetype old = steps.size();
    steps.append(QList<ConcurrencyStep>(increments.begin(), increments.end()));
    increments.clear();
    const auto begin = steps.begin();
    qsizetype from = old;
    if (old > 0 && steps.at(old).ns < steps.at(old - 1).ns) {
        const qint64 first = steps.at(old).ns;
        from = std::partition_point(begin, begin + old,
                                    [&](const ConcurrencyStep &v) { return v.ns < first; })
               - begin;
        for (qsizetype k = old - 1; k >= from; --k)
            steps[k].running -= k > 0 ? steps.at(k - 1).running : 0;
        std::inplace_merge(begin + from, begin + old, steps.end(), byIncrement);
    }
    int running = from > 0 ? steps.at(from - 1).running : 0;
    for (qsizetype k = from; k < steps.size(); ++k) {
        running += steps.at(k).running;
        steps[k].running = running;
    }
}

} // namespace

void GateSteps::sync(const RunRecord &r, bool final)
{
    const RunOptions &options = r.options();
    if (m_final || !options.hasGates())
        return;
    if (final) {
        const QList<QList<ConcurrencyStep>> steps = gateConcurrencySteps(r);
        m_gates.assign(size_t(steps.size()), Gate());
        for (size_t g = 0; g < m_gates.size(); ++g) {
            m_gates[g].steps = steps.at(qsizetype(g));
            m_gates[g].blocks.build(m_gates[g].steps);
        }
        m_gateOf = {};
        m_final = true;
        return;
    }
    if (m_gates.empty()) {
        m_gates.assign(size_t(options.gates.size()), Gate());
        m_gateOf = gatesOfTasks(r);
    }
    const qsizetype published = r.publishedEventCount();
    if (published == m_seenEvents)
        return;
    std::vector<std::vector<ConcurrencyStep>> increments(m_gates.size());
    for (; m_seenEvents < published; ++m_seenEvents) {
        const RunEvent e = r.event(m_seenEvents);
        const int g = m_gateOf[size_t(e.task)];
        if (g < 0)
            continue;
        // As gateConcurrencySteps() counts them: started tasks of submitted ones, a finish
        // before its start at the start.
        const TaskSample s = r.sample(e.task);
        if (s.submittedNs < 0 || s.startedNs < 0)
            continue;
        if (!e.finish)
            increments[size_t(g)].push_back({s.startedNs, +1, 0});
        else if (s.finishedNs >= 0)
            increments[size_t(g)].push_back({std::max(s.finishedNs, s.startedNs), -1, 0});
    }
    for (size_t g = 0; g < m_gates.size(); ++g)
        addIncrements(m_gates[g].steps, increments[g]);
}
