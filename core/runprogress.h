#pragma once

#include "schedule.h"
#include "stepblocks.h"

#include <QList>
#include <QString>

#include <memory>
#include <vector>

class RunRecord;

// A finished run's final form (RunProgress::finalData()).
struct RunProgressFinal
{
    QList<ConcurrencyStep> steps; // concurrencySteps() of the record
    StepBlocks blocks; // extremes per block of steps, and the peaks
    std::vector<std::vector<qint32>> byWorker; // tasks of each pool thread, by start time
    RunStats stats;
    qint64 lastNs = 0;
    static constexpr qsizetype statusResults = 30;
    QString resultsLine; // RunReport::resultsLine() with statusResults items at most
};

// What one run looks like so far, derived once from its record for every reader: the concurrency
// step function (running and waiting), the counts, the last timestamp, each pool thread's tasks,
// and once the run is over its statistics and results line. The timeline, the chart, the status
// bar, the summary, the CLI and the exports all read this; none keeps its own copy.
//
// A live run is followed with update(), once per progress batch, in O(new events). When the run is
// complete, finalData() computes the final form from the record alone (any thread: the session
// does it on a worker thread) and setFinal() swaps it in, so the owning thread only exchanges
// pointers.
class RunProgress
{
public:
    static constexpr int stepBlock = StepBlocks::size;

    using Final = RunProgressFinal;
    static constexpr qsizetype statusResults = RunProgressFinal::statusResults;

    RunProgress(std::shared_ptr<const RunRecord> record, Schedule prediction);
    ~RunProgress();
    RunProgress(const RunProgress &) = delete;
    RunProgress &operator=(const RunProgress &) = delete;

    // A record that is already complete (a run read from a file, a finished CLI run): final at
    // once.
    static std::shared_ptr<RunProgress> completed(std::shared_ptr<const RunRecord> record,
                                                  Schedule prediction);
    // The final form of a complete record. Thread-safe: reads the record only.
    static std::shared_ptr<const Final> finalData(const RunRecord &record,
                                                  const Schedule &prediction);

    const std::shared_ptr<const RunRecord> &record() const { return m_record; }
    const Schedule &prediction() const { return m_prediction; }

    // Follows the events the record has published since the last call, at most maxEvents of them
    // (all when negative): the rest waits for the next call. Owning thread only; does nothing once
    // final.
    void update(qsizetype maxEvents = -1);
    void setFinal(std::shared_ptr<const Final> final);
    bool isFinal() const { return bool(m_final); }

    // The step function so far. Live, one entry per increment (several may share a time: the last
    // of them holds the value from then on); final, collapsed as concurrencySteps() returns it.
    const QList<ConcurrencyStep> &steps() const;
    // Running and waiting at ns (real nanoseconds since the run's start), by the steps.
    ConcurrencyStep at(qint64 ns) const;
    int maxRunning() const;
    int maxWaiting() const;
    // Extremes of steps() per block of stepBlock steps: final runs only (empty while live).
    const StepBlocks &stepBlocks() const;

    qsizetype submitted() const { return m_submitted; }
    qsizetype started() const { return m_started; }
    qsizetype finished() const { return m_finishedStarted + m_finishedUnstarted; }
    qsizetype running() const { return m_started - m_finishedStarted; }
    qsizetype waiting() const { return m_submitted - m_started - m_finishedUnstarted; }
    qsizetype ok() const { return m_ok; }
    qsizetype failed() const { return m_failed; }
    qsizetype cancelled() const { return m_cancelled; }
    // The latest timestamp seen (submit, start or finish), real nanoseconds since the run's start.
    qint64 lastNs() const { return m_lastNs; }

    // Tasks of each pool thread (worker w at index w - 1). Live: in the order their starts were
    // published; final: by start time.
    const std::vector<std::vector<qint32>> &byWorker() const;

    // Final runs only (default values while live).
    const RunStats &stats() const;
    QString resultsLine() const;

private:
    std::shared_ptr<const RunRecord> m_record;
    Schedule m_prediction;
    std::shared_ptr<const Final> m_final;

    void followSteps() const;

    // Followed lazily by followSteps(), on the owning thread.
    mutable QList<ConcurrencyStep> m_liveSteps;
    mutable std::vector<std::vector<qint32>> m_liveByWorker;
    mutable qsizetype m_stepSubmitted = 0;
    mutable qsizetype m_stepEvents = 0;
    mutable int m_maxRunning = 0;
    mutable int m_maxWaiting = 0;
    qsizetype m_seenEvents = 0;
    qsizetype m_submitted = 0;
    qsizetype m_started = 0;
    qsizetype m_finishedStarted = 0;
    qsizetype m_finishedUnstarted = 0;
    qsizetype m_ok = 0;
    qsizetype m_failed = 0;
    qsizetype m_cancelled = 0;
    qint64 m_lastNs = 0;
};
