#pragma once

#include "advisor.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;

// The schedule advisor under the task editor, for a limited batch: "Lower bound 10.5 s · longest
// first 11 s · current order 12 s" and a button that puts the longest tasks first when that
// shortens the predicted run. Hidden for an unlimited batch. Updates a moment after the tasks or
// the options change (two predictions per update), not on every keystroke.
class AdvisorPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AdvisorPanel(QWidget *parent = nullptr);
    ~AdvisorPanel() override;

    // The batch to advise on; the figures follow shortly (at once with adviseNow()).
    void setScenario(const QList<Task> &tasks, const RunOptions &options);
    void adviseNow();
    const ScheduleAdvice &advice() const { return m_advice; }
    QString text() const;

    // More tasks than this are not advised on while editing (each update predicts the batch
    // twice).
    static constexpr qsizetype maxTasks = 200000;

Q_SIGNALS:
    // The user asked for the longest-first order.
    void reorderRequested();

private:
    QLabel *m_label = nullptr;
    QPushButton *m_reorder = nullptr;
    QTimer m_timer;
    QList<Task> m_tasks;
    RunOptions m_options;
    ScheduleAdvice m_advice;
};
