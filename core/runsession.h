#pragma once

#include "schedule.h"

#include <QList>
#include <QObject>

#include <memory>

class RunEngine;
class RunRecord;

// One press of Run or Compare: a single run, or the comparison (unlimited first, then the
// scenario's limit, same tasks). Views and the CLI follow it through its signals.
class RunSession : public QObject
{
    Q_OBJECT
public:
    explicit RunSession(QObject *parent = nullptr);
    ~RunSession() override;

    // compare needs a limited scenario. False while a session is running or when it cannot start.
    bool start(const Scenario &scenario, bool compare);
    // Shows finished runs read back from a file (Open Run) as if they had just run: records()
    // returns them, predictions() their ideal schedules, and two runs make a comparison. No
    // signals are emitted. False while a session is running.
    bool showLoaded(const QList<std::shared_ptr<const RunRecord>> &records);
    void cancel();
    bool isRunning() const;
    bool isCompare() const { return m_compare; }
    bool wasCancelled() const { return m_cancelled; }

    // The runs so far (the current one included), in the order they ran.
    QList<std::shared_ptr<const RunRecord>> records() const { return m_records; }
    QList<Schedule> predictions() const { return m_predictions; }
    int currentRun() const { return int(m_records.size()) - 1; }
    int plannedRuns() const { return m_compare ? 2 : 1; }
    RunEngine *engine() const { return m_engine; }

    void setProgressInterval(int ms);

Q_SIGNALS:
    void runStarted(int runIndex);
    void progress(int runIndex, qsizetype firstEvent, qsizetype endEvent);
    void runFinished(int runIndex);
    void finished();

private:
    void startRun(int runIndex);
    void onEngineFinished();

    RunEngine *m_engine = nullptr;
    Scenario m_scenario;
    bool m_compare = false;
    bool m_cancelled = false;
    bool m_running = false;
    QList<std::shared_ptr<const RunRecord>> m_records;
    QList<Schedule> m_predictions;
};
