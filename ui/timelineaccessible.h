#pragma once

#include <QAccessibleWidget>
#include <QCoreApplication>
#include <QHash>

#include <memory>
#include <vector>

class RunProgress;
class RunRecord;
class TimelineView;

// What an assistive technology sees of the timeline: a table of one column named "Timeline"
// whose description sums up each run (makespan, peak, waiting), with per run a header row (the
// run's summary) and then one row per task in submission order ("#3 8 s, waited 1 s, ran 1 s to
// 9 s, ok, result 8", prefixed with the run's name in a comparison). A table rather than a tree:
// Orca and Accerciser read a table's rows with their selection and the run headers as row
// headers, and selection through AT-SPI (selectRow, a row's "press" or "setFocus" action) maps
// one to one to the view's selected task.
//
// Rows are made on demand (child(i) creates and registers an interface, kept by row until the runs
// change), so a run of 100,000 tasks costs nothing until a reader asks for its rows, and the row
// count is a sum over the runs. Names are read from the record when asked, so a live run needs
// no event per task: the view calls dataChanged() at a bounded rate. The view's hooks do nothing
// while no assistive technology is active (QAccessible::isActive()) or for a view no reader has
// asked about.
class TimelineAccessible
    : public QAccessibleWidget
    , public QAccessibleTableInterface
{
    Q_DECLARE_TR_FUNCTIONS(TimelineView)
public:
    explicit TimelineAccessible(TimelineView *view);
    ~TimelineAccessible() override;

    // Installs the factory that gives every TimelineView this interface (once per process).
    static void install();

    // Whether an active assistive technology has asked about the view (its interface exists).
    static bool isWatched(const TimelineView *view);
    // The view's hooks; each does nothing unless isWatched(view).
    static void runsChanged(TimelineView *view);
    static void selectionChanged(TimelineView *view);
    static void dataChanged(TimelineView *view);

    // The summary of one run ("limit 2: 5 tasks, makespan 12 s, peak 2 running, at most 3
    // waiting") and a task's row name, as the rows carry them.
    static QString runSummary(const RunRecord &record, const RunProgress *progress);
    static QString taskName(const RunRecord &record, int task, qint64 nowNs);

    TimelineView *view() const;
    // Row index of a run's header (task -1) or of one of its tasks; -1 when there is none.
    int rowOf(int run, int task) const;
    // The run and task of a row (task -1 for a run's header row).
    std::pair<int, int> cellOf(int row) const;
    QString rowName(int row) const;

    // QAccessibleInterface
    void *interface_cast(QAccessible::InterfaceType t) override;
    QAccessible::Role role() const override;
    QAccessible::State state() const override;
    QString text(QAccessible::Text t) const override;
    int childCount() const override;
    QAccessibleInterface *child(int index) const override;
    int indexOfChild(const QAccessibleInterface *child) const override;
    QAccessibleInterface *focusChild() const override;
    QAccessibleInterface *childAt(int x, int y) const override;

    // QAccessibleTableInterface
    QAccessibleInterface *caption() const override { return nullptr; }
    QAccessibleInterface *summary() const override { return nullptr; }
    QAccessibleInterface *cellAt(int row, int column) const override;
    int selectedCellCount() const override;
    QList<QAccessibleInterface *> selectedCells() const override;
    QString columnDescription(int column) const override;
    QString rowDescription(int row) const override;
    int selectedColumnCount() const override { return 0; }
    int selectedRowCount() const override;
    int columnCount() const override { return 1; }
    int rowCount() const override { return childCount(); }
    QList<int> selectedColumns() const override { return {}; }
    QList<int> selectedRows() const override;
    bool isColumnSelected(int) const override { return false; }
    bool isRowSelected(int row) const override;
    bool selectRow(int row) override;
    bool selectColumn(int) override { return false; }
    bool unselectRow(int row) override;
    bool unselectColumn(int) override { return false; }
    void modelChange(QAccessibleTableModelChangeEvent *event) override;

private:
    static TimelineAccessible *of(TimelineView *view);
    // Drops the row interfaces when the view shows other runs than those they were made for.
    void syncRows() const;
    void dropRows() const;
    std::vector<qint64> rowStarts() const;

    mutable QHash<int, QAccessible::Id> m_rows;
    mutable QList<const RunRecord *> m_rowsRuns; // the runs m_rows were made for
    // Models of runs the view shows without one (records set directly), for their summaries.
    mutable QHash<const RunRecord *, std::shared_ptr<const RunProgress>> m_ownProgress;
};
