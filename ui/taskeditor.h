#pragma once

#include "scenario.h"

#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;
class QToolButton;
class TaskModel;

// The scenario's tasks: a quick field for a list of durations ("5,1,8,3,4") and the table that
// edits each task in place, kept in step with each other. Problems are shown where they are (the
// field, the cell) and once more in one line below the table; isValid() says whether Run may go.
class TaskEditor : public QWidget
{
    Q_OBJECT
public:
    explicit TaskEditor(QWidget *parent = nullptr);
    ~TaskEditor() override;

    TaskModel *model() const { return m_model; }

    void setTasks(const QList<Task> &tasks);
    QList<Task> tasks() const;
    bool isValid() const;
    // Why the tasks cannot run, as shown below the table; empty when they can.
    QString problem() const;

    QAction *addAction() const { return m_addAction; }
    QAction *removeAction() const { return m_removeAction; }
    QAction *moveUpAction() const { return m_moveUpAction; }
    QAction *moveDownAction() const { return m_moveDownAction; }

    // Commits a cell still being edited, so Run uses what the user sees, and ends the durations
    // field's undo history.
    void commitPendingEdit();

    int currentTask() const;
    // Selects the row without emitting currentTaskChanged.
    void selectTask(int row);

Q_SIGNALS:
    void validityChanged(bool valid);
    // The reason shown below the table changed (it may be empty now).
    void problemChanged(const QString &problem);
    void tasksChanged();
    void currentTaskChanged(int row);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onDurationsEdited(const QString &text);
    void onModelChanged();
    // Changes the table from the durations field: the field keeps its text as typed.
    void applyToTable(const std::function<void()> &change);
    // The table's tasks become the ones a broken list falls back to.
    void settle();
    void restoreSettledTasks();
    void updateColumnWidths();
    void updateState();
    void addTask();
    void removeTasks();
    void moveCurrent(int delta);

    TaskModel *m_model = nullptr;
    QLineEdit *m_durations = nullptr;
    QLabel *m_durationsError = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_problem = nullptr;
    QLabel *m_totals = nullptr;
    QAction *m_addAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_moveUpAction = nullptr;
    QAction *m_moveDownAction = nullptr;
    QTimer *m_settleTimer = nullptr;
    QList<Task> m_settledTasks;
    bool m_tableFromField = false; // the field changed the table since it last settled
    QString m_durationsProblem;
    bool m_editingDurations = false;
    bool m_selecting = false;
    bool m_lastValid = false;
    QString m_lastProblem;
};
