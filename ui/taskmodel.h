#pragma once

#include "scenario.h"

#include <QAbstractTableModel>
#include <QList>
#include <QVariantMap>

#include <optional>

// The tasks of the scenario being edited, one row per task in submission order; the row number
// (the task's number) is the vertical header, so column data stays with its task when rows move,
// as QAbstractItemModelTester expects. Cells are edited in place; a cell that does not hold a valid
// value keeps the text the user typed, and the row carries the reason (ErrorRole, tooltip, tinted
// background) until it is fixed. tasks() is only meaningful to run while isValid().
class TaskModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { LabelColumn, KindColumn, DurationColumn, UrlColumn, MessageColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        ErrorRole = Qt::UserRole + 1, // QString: why the row cannot run, empty when it can
        DerivedLabelRole, // bool, label column: the label shown is derived from the duration
    };

    static constexpr qsizetype maxLabelLength = 200;
    static constexpr qsizetype maxMessageLength = 1000;

    // A task as the settings keep it ({"kind", "duration", "label", ...}), and back. Settings may
    // come from an older or hand-edited file: anything that does not make a task is nullopt.
    static QVariantMap taskToVariant(const Task &task);
    // Why an http task cannot fetch `url` (empty, or not http(s)://host nor local:/path), or an
    // empty string when it can: the rule scenario files follow.
    static QString urlProblem(const QString &url);
    static std::optional<Task> taskFromVariant(const QVariant &value);

    explicit TaskModel(QObject *parent = nullptr);
    ~TaskModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool insertRows(int row, int count, const QModelIndex &parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                  const QModelIndex &destinationParent, int destinationChild) override;

    // Replaces everything (a reset).
    void setTasks(const QList<Task> &tasks);
    // Sets the durations of the first tasks.size() rows from `tasks` and keeps each row's label,
    // kind and message; adds or removes rows at the end to match. Rows that already hold the
    // value are not touched, so typing in the quick field does not disturb the table.
    void setDurations(const QList<Task> &tasks);
    QList<Task> tasks() const;
    const Task &task(int row) const;

    bool isValid() const { return m_invalidRows == 0 && !m_rows.isEmpty(); }
    int invalidRowCount() const { return m_invalidRows; }
    QString rowError(int row) const;
    // The first problem as one line for people ("Task 2: duration "x" is not a number"), or an
    // empty string when the tasks can run.
    QString problem() const;
    // "5, 1, 8, 3, 4": the durations as the quick field shows them (invalid cells as typed).
    QString durationsText() const;
    // Sum of the valid durations, in scenario seconds.
    double totalDuration() const;

    // Inserts a task after `afterRow` (-1: at the end) with the duration of the row it follows,
    // or 1 s; returns its row.
    int addTask(int afterRow = -1);
    bool moveUp(int row);
    bool moveDown(int row);

Q_SIGNALS:
    void validityChanged(bool valid);

private:
    struct Row
    {
        Task task;
        QString durationText; // what the user typed when it is not a valid duration
        bool badDuration = false;
        QString error;
        quint8 badColumns = 0; // bit per Column that holds an invalid value
    };
    static void validate(Row &row);
    void rowChanged(int row);
    // Counts first, so views reacting to a change already see the new validity; tells afterwards,
    // outside any begin/end pair.
    void recount();
    void notifyValidity();

    void invalidateTasks() { m_tasksCached = false; }

    QList<Row> m_rows;
    // tasks() as last built: a shared copy, so pressing Run on 100,000 unchanged tasks does not
    // copy them again. Every change to m_rows calls invalidateTasks().
    mutable QList<Task> m_tasks;
    mutable bool m_tasksCached = false;
    int m_invalidRows = 0;
    bool m_lastValid = false;
};
