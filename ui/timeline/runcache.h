#pragma once

#include "schedule.h"
#include "stepblocks.h"

#include <QElapsedTimer>
#include <QList>

#include <memory>
#include <vector>

class RunRecord;

// What the timeline derives from one run's record and keeps across paints: the concurrency step
// function (running and waiting over time) with its per-block extremes, its peaks, the counts of
// failed and cancelled tasks, the latest timestamp, and each pool thread's tasks in start order.
// A finished run's data is computed once; a live run's is extended by the events published since
// the last update, in O(new events).
//
// Passes read it through the accessors only, so the step function can come from a shared run
// model instead of this incremental copy without touching them.
class RunCache
{
public:
    RunCache() = default;
    explicit RunCache(std::shared_ptr<const RunRecord> record);

    // Follows the record; clockRunning: a live clock is still ticking for it. Returns true when the
    // data was rebuilt from the record's samples, so what was derived from it must start again.
    bool update(bool clockRunning);

    const std::shared_ptr<const RunRecord> &record() const { return m_record; }
    // Built from a complete record: final, never rebuilt.
    bool isComplete() const { return m_complete; }

    // The record's step function (core's concurrencySteps() once the run is finished). While the
    // run is live it holds one step per event; stepBlocks() is empty until it is finished.
    const QList<ConcurrencyStep> &steps() const { return m_steps; }
    const StepBlocks &stepBlocks() const { return m_stepBlocks; }
    // The step function's value at a time in real nanoseconds (zeros before the first step).
    ConcurrencyStep valueAt(double ns) const;
    int maxRunning() const { return m_maxRunning; }
    int maxWaiting() const { return m_maxWaiting; }

    qint64 lastNs() const { return m_lastNs; } // the latest timestamp in the record
    qsizetype failedCount() const { return m_failed; }
    qsizetype cancelledCount() const { return m_cancelled; }

    // Per pool thread (worker w at index w - 1), its tasks in start order.
    const std::vector<std::vector<qint32>> &workerTasks() const { return m_byWorker; }

private:
    void build();
    void updateLive();
    void finalizeFromLive();

    std::shared_ptr<const RunRecord> m_record;
    bool m_built = false;
    bool m_complete = false;

    QList<ConcurrencyStep> m_steps;
    StepBlocks m_stepBlocks;
    int m_maxRunning = 0;
    int m_maxWaiting = 0;
    std::vector<std::vector<qint32>> m_byWorker;

    // A live run is followed incrementally from the events published since the last update.
    qsizetype m_liveEvents = 0;
    qsizetype m_liveSubmitted = 0;
    qsizetype m_liveFinishes = 0; // finish events seen: all published when it reaches taskCount()
    QElapsedTimer m_completeSeen; // since the record was first seen complete, events missing

    qint64 m_lastNs = 0;
    qsizetype m_failed = 0;
    qsizetype m_cancelled = 0;
};
