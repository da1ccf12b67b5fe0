#pragma once

#include "schedule.h"

#include <QList>

#include <memory>
#include <vector>

class RunProgress;
class RunRecord;

// Replays finished runs (ran, opened or predicted) as if they were live: seek(t) gives, for each
// run, a fresh RunRecord holding what had happened by t (tasks submitted, started and finished by
// then, with their results) and a RunProgress following it, so every live view (timeline bars
// that grow up to the now line, the chart, the counts, the results so far) shows the state at that
// instant without knowing it is a replay. All runs share one clock (they are drawn on one axis).
//
// Forward seeks publish only the events between the old and the new time; a backward seek
// rebuilds from the start. Owning thread only.
class RunReplay
{
public:
    RunReplay(QList<std::shared_ptr<const RunRecord>> runs, QList<Schedule> predictions);
    ~RunReplay();
    RunReplay(const RunReplay &) = delete;
    RunReplay &operator=(const RunReplay &) = delete;

    // Real nanoseconds since the runs' start at which every run has ended.
    qint64 endNs() const;
    // Scenario seconds per real nanosecond of the first run (the time axis).
    double scenarioSecondsPerNs() const;
    void seek(qint64 ns);
    qint64 position() const { return m_position; }
    bool atEnd() const { return m_position >= endNs(); }

    // The runs at position(): incomplete records until their last event, then complete (their
    // progress then final, with the original's statistics). Before the first seek, the originals
    // and no progress.
    const QList<std::shared_ptr<const RunRecord>> &records() const { return m_view; }
    QList<std::shared_ptr<const RunProgress>> progress() const;
    const QList<Schedule> &predictions() const { return m_predictions; }
    // The finished runs replayed.
    const QList<std::shared_ptr<const RunRecord>> &originals() const { return m_originals; }

private:
    struct Event
    {
        qint64 ns;
        qint32 task;
        quint8 kind; // an EventKind: same-time events in this order
    };
    // At one instant finishes come before starts, as a pool thread hands its slot over (and as
    // RunProgress orders its increments, so a rebuilt run's steps need no sort); a finish at the
    // time of its own task's start or retry comes after them (LateFinish).
    enum EventKind : quint8 { Submit, Finish, Pick, Start, Retry, LateFinish };
    struct Run;
    void rebuild();
    void advance(qint64 ns);

    QList<std::shared_ptr<const RunRecord>> m_originals;
    QList<Schedule> m_predictions;
    QList<std::shared_ptr<const RunRecord>> m_view;
    std::vector<std::unique_ptr<Run>> m_runs;
    qint64 m_position = -1;
    qint64 m_endNs = 0;
};
