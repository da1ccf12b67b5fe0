#pragma once

#include "schedule.h"

#include <QList>
#include <QWidget>

#include <memory>

class QLabel;
class QTableWidget;
class RunProgress;
class RunRecord;

// What the runs achieved, side by side: makespan measured and predicted, serial time, speedup,
// peak concurrency, mean and max wait, mean completion, the pool, each gate's peak against its
// limit, retries and 429 answers when there were any, and for a comparison the difference between
// the runs, coloured by whether it is better or worse. A headline above says the trade-off in one
// sentence; below it, what a stopped run ran.
class CompareSummary : public QWidget
{
    Q_OBJECT
public:
    enum Row {
        MakespanRow,
        PredictedRow,
        SerialRow,
        SpeedupRow,
        PeakRow,
        MeanWaitRow,
        MaxWaitRow,
        MeanCompletionRow,
        TasksRow,
        PoolRow,
        RowCount // the gates' rows follow, one per gate: gateRow()
    };
    Q_ENUM(Row)

    explicit CompareSummary(QWidget *parent = nullptr);
    ~CompareSummary() override;

    void clear();
    // Statistics of the finished runs (their RunProgress's); a run still going shows as running.
    void setRuns(const QList<std::shared_ptr<const RunProgress>> &runs);

    int runCount() const { return int(m_stats.size()); }
    bool hasDifference() const;
    QString headline() const;
    // Text of a cell: column 0 is the first run, then the second, then the difference.
    QString cellText(Row row, int column) const;
    // The row of the runs' gate at index `gate` (in the gated run's RunOptions::gates order).
    static Row gateRow(int gate) { return Row(RowCount + gate); }
    int gateCount() const { return int(m_gates.size()); }
    // "Retries" and "Rejected (429)", after the gates' rows, when a run retried or was refused.
    bool hasRetryRows() const { return m_hasRetries; }
    Row retriesRow() const { return Row(RowCount + gateCount()); }
    Row rejectedRow() const { return Row(RowCount + gateCount() + 1); }

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    QString makeHeadline() const;

    QLabel *m_headline = nullptr;
    QLabel *m_detail = nullptr;
    QTableWidget *m_table = nullptr;
    QList<std::shared_ptr<const RunRecord>> m_runs;
    QList<RunStats> m_stats;
    QList<bool> m_complete;
    QList<double> m_predicted; // each run's predicted makespan, shown while it runs
    QList<double> m_serial;
    QList<Gate> m_gates; // of the runs that have gates (Compare's first run has none)
    bool m_hasRetries = false;
};
