#include "timelineaccessible.h"

#include "runprogress.h"
#include "runrecord.h"
#include "runreport.h"
#include "tasklabel.h"
#include "timelinemath.h"
#include "timelinerenderoptions.h"
#include "timelineview.h"

#include <QLocale>
#include <QPointer>
#include <QStringList>
#include <QWindow>

#include <algorithm>
#include <limits>
#include <mutex>

namespace {

// One row of the table: a run's header (task -1) or a task. Not a QObject: rows are made only
// when a reader asks for them.
class RowAccessible
    : public QAccessibleInterface
    , public QAccessibleTableCellInterface
    , public QAccessibleActionInterface
{
public:
    RowAccessible(TimelineView *view, const RunRecord *record, int row, int run, int task)
        : m_view(view)
        , m_record(record)
        , m_row(row)
        , m_run(run)
        , m_task(task)
    {
    }

    TimelineAccessible *tableAccessible() const
    {
        return m_view ? static_cast<TimelineAccessible *>(
                       QAccessible::queryAccessibleInterface(m_view.data()))
                      : nullptr;
    }

    bool isHeader() const { return m_task < 0; }

    bool isValid() const override
    {
        if (!m_view)
            return false;
        const TimelineRenderOptions o = m_view->renderOptions();
        return m_run < o.runs.size() && o.runs.at(m_run).get() == m_record;
    }
    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return m_view ? m_view->window()->windowHandle() : nullptr; }
    QList<QPair<QAccessibleInterface *, QAccessible::Relation>>
    relations(QAccessible::Relation) const override
    {
        return {};
    }
    QAccessibleInterface *focusChild() const override { return nullptr; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QAccessibleInterface *parent() const override { return tableAccessible(); }
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QString text(QAccessible::Text t) const override
    {
        const TimelineAccessible *t0 = tableAccessible();
        if (t != QAccessible::Name || !t0 || !isValid())
            return {};
        return t0->rowName(m_row);
    }
    void setText(QAccessible::Text, const QString &) override { }
    QRect rect() const override
    {
        if (!m_view || isHeader() || !isValid())
            return {};
        const QRect r = m_view->taskRect(m_run, m_task).intersected(m_view->rect());
        return r.isEmpty() ? QRect() : QRect(m_view->mapToGlobal(r.topLeft()), r.size());
    }
    QAccessible::Role role() const override
    {
        return isHeader() ? QAccessible::RowHeader : QAccessible::Cell;
    }
    QAccessible::State state() const override
    {
        QAccessible::State s;
        if (!isValid())
            return s;
        if (!isHeader()) {
            s.selectable = true;
            s.focusable = true;
            s.selected = isSelected();
            s.focused = s.selected && m_view->hasFocus();
        }
        s.readOnly = true;
        s.offscreen = rect().isEmpty();
        return s;
    }
    void *interface_cast(QAccessible::InterfaceType t) override
    {
        if (t == QAccessible::TableCellInterface)
            return static_cast<QAccessibleTableCellInterface *>(this);
        if (t == QAccessible::ActionInterface && !isHeader())
            return static_cast<QAccessibleActionInterface *>(this);
        return nullptr;
    }

    // QAccessibleTableCellInterface
    bool isSelected() const override
    {
        return m_view && !isHeader() && m_view->selectedRun() == m_run
               && m_view->selectedTask() == m_task;
    }
    QList<QAccessibleInterface *> columnHeaderCells() const override { return {}; }
    QList<QAccessibleInterface *> rowHeaderCells() const override
    {
        const TimelineAccessible *t = tableAccessible();
        if (isHeader() || !t)
            return {};
        return {t->child(t->rowOf(m_run, -1))};
    }
    int columnIndex() const override { return 0; }
    int rowIndex() const override { return m_row; }
    int columnExtent() const override { return 1; }
    int rowExtent() const override { return 1; }
    QAccessibleInterface *table() const override { return tableAccessible(); }

    // QAccessibleActionInterface: "press" and "setFocus" select the task (and focus the view).
    QStringList actionNames() const override { return {pressAction(), setFocusAction()}; }
    void doAction(const QString &name) override
    {
        if (!m_view || !isValid())
            return;
        if (name == setFocusAction())
            m_view->setFocus(Qt::OtherFocusReason);
        if (name == pressAction() || name == setFocusAction())
            m_view->chooseTask(m_run, m_task);
    }
    QStringList keyBindingsForAction(const QString &) const override { return {}; }

private:
    QPointer<TimelineView> m_view;
    const RunRecord *m_record; // identifies the run the row was made for; never dereferenced
    int m_row;
    int m_run;
    int m_task;
};

QAccessibleInterface *timelineFactory(const QString &className, QObject *object)
{
    if (className == QLatin1String("TimelineView") && object && object->isWidgetType())
        return new TimelineAccessible(static_cast<TimelineView *>(object));
    return nullptr;
}

// The views a reader has asked about: only they send events.
QHash<const TimelineView *, TimelineAccessible *> &watched()
{
    static QHash<const TimelineView *, TimelineAccessible *> views;
    return views;
}

QString time(const RunRecord &r, qint64 ns)
{
    return TimelineMath::formatDuration(r.toScenarioSeconds(ns));
}

} // namespace

TimelineAccessible::TimelineAccessible(TimelineView *view)
    : QAccessibleWidget(view, QAccessible::Table)
{
    watched().insert(view, this);
}

TimelineAccessible::~TimelineAccessible()
{
    // Qt deletes the interface from the widget's destroyed(): the view is a plain QWidget by now,
    // so it is found by its interface, not through view().
    watched().removeIf([this](const auto &entry) { return entry.value() == this; });
    dropRows();
}

void TimelineAccessible::install()
{
    static std::once_flag once;
    std::call_once(once, [] { QAccessible::installFactory(timelineFactory); });
}

bool TimelineAccessible::isWatched(const TimelineView *view)
{
    return QAccessible::isActive() && watched().contains(view);
}

TimelineAccessible *TimelineAccessible::of(TimelineView *view)
{
    // Qt drops events while no assistive technology is active: then neither rows nor events.
    return QAccessible::isActive() ? watched().value(view) : nullptr;
}

void TimelineAccessible::runsChanged(TimelineView *view)
{
    if (TimelineAccessible *a = of(view)) {
        a->dropRows();
        QAccessibleTableModelChangeEvent reset(a, QAccessibleTableModelChangeEvent::ModelReset);
        QAccessible::updateAccessibility(&reset);
        QAccessibleEvent description(a, QAccessible::DescriptionChanged);
        QAccessible::updateAccessibility(&description);
    }
}

void TimelineAccessible::selectionChanged(TimelineView *view)
{
    TimelineAccessible *a = of(view);
    if (!a)
        return;
    const int row = a->rowOf(view->selectedRun(), view->selectedTask());
    QAccessibleInterface *selected = row >= 0 ? a->child(row) : nullptr;
    if (!selected) {
        QAccessibleEvent within(a, QAccessible::SelectionWithin);
        QAccessible::updateAccessibility(&within);
        return;
    }
    QAccessibleEvent selection(selected, QAccessible::Selection);
    QAccessible::updateAccessibility(&selection);
    if (view->hasFocus()) {
        QAccessibleEvent focus(selected, QAccessible::Focus);
        QAccessible::updateAccessibility(&focus);
    }
}

void TimelineAccessible::dataChanged(TimelineView *view)
{
    TimelineAccessible *a = of(view);
    if (!a)
        return;
    // One event for all rows, the summary, and the name of the row a reader is on.
    QAccessibleTableModelChangeEvent rows(a, QAccessibleTableModelChangeEvent::DataChanged);
    rows.setFirstRow(0);
    rows.setLastRow(std::max(0, a->rowCount() - 1));
    rows.setFirstColumn(0);
    rows.setLastColumn(0);
    QAccessible::updateAccessibility(&rows);
    QAccessibleEvent description(a, QAccessible::DescriptionChanged);
    QAccessible::updateAccessibility(&description);
    const int row = a->rowOf(view->selectedRun(), view->selectedTask());
    if (QAccessibleInterface *selected = row >= 0 ? a->child(row) : nullptr) {
        QAccessibleEvent name(selected, QAccessible::NameChanged);
        QAccessible::updateAccessibility(&name);
    }
}

QString TimelineAccessible::runSummary(const RunRecord &r, const RunProgress *c)
{
    const QLocale locale;
    const qsizetype tasks = r.taskCount();
    QStringList parts;
    parts << (tasks == 1 ? tr("1 task") : tr("%1 tasks").arg(locale.toString(tasks)));
    if (r.isComplete() && c)
        parts << tr("makespan %1").arg(time(r, c->lastNs()));
    else if (r.publishedEventCount() == 0)
        parts << tr("not run yet");
    else
        parts << tr("%1 of %2 done")
                         .arg(locale.toString(r.finishedCount()), locale.toString(tasks));
    if (c && c->isFinal()) {
        parts << tr("peak %1 running").arg(c->maxRunning());
        if (c->maxWaiting() > 0)
            parts << tr("at most %1 waiting").arg(c->maxWaiting());
    } else if (c) {
        parts << tr("%1 running, %2 waiting").arg(c->running()).arg(c->waiting());
    }
    if (c && c->failed() > 0)
        parts << tr("%1 failed").arg(c->failed());
    if (c && c->cancelled() > 0)
        parts << tr("%1 cancelled").arg(c->cancelled());
    return tr("%1: %2").arg(r.options().displayName(), parts.join(tr(", ")));
}

QString TimelineAccessible::taskName(const RunRecord &r, int task, qint64 nowNs)
{
    const TaskSample s = r.sample(task);
    const QString head = tr("#%1 %2").arg(task + 1).arg(taskScreenLabel(r.task(task)));
    if (s.submittedNs < 0)
        return tr("%1, not submitted").arg(head);
    if (s.startedNs < 0 && s.finishedNs < 0)
        return nowNs >= 0 ? tr("%1, waiting for %2").arg(head, time(r, nowNs - s.submittedNs))
                          : tr("%1, waiting").arg(head);
    if (s.startedNs < 0)
        return tr("%1, waited %2, never started, %3")
                .arg(head, time(r, s.finishedNs - s.submittedNs), taskStatusDisplayName(s.status));
    const QString waited = time(r, s.startedNs - s.submittedNs);
    if (s.finishedNs < 0)
        return tr("%1, waited %2, running since %3").arg(head, waited, time(r, s.startedNs));
    QString name = tr("%1, waited %2, ran %3 to %4, %5")
                           .arg(head, waited, time(r, s.startedNs), time(r, s.finishedNs),
                                taskStatusDisplayName(s.status));
    if (const QVariant result = r.result(task); result.isValid())
        name = tr("%1, result %2").arg(name, RunReport::formatResult(result));
    return name;
}

TimelineView *TimelineAccessible::view() const
{
    return static_cast<TimelineView *>(widget());
}

std::vector<qint64> TimelineAccessible::rowStarts() const
{
    const TimelineRenderOptions o = view()->renderOptions();
    std::vector<qint64> starts{0};
    for (const auto &run : o.runs)
        starts.push_back(starts.back() + 1 + run->taskCount());
    return starts;
}

int TimelineAccessible::rowOf(int run, int task) const
{
    const std::vector<qint64> starts = rowStarts();
    if (run < 0 || size_t(run) + 1 >= starts.size() || task < -1)
        return -1;
    const qint64 row = starts[size_t(run)] + 1 + task;
    return row < starts[size_t(run) + 1] ? int(row) : -1;
}

std::pair<int, int> TimelineAccessible::cellOf(int row) const
{
    const std::vector<qint64> starts = rowStarts();
    if (row < 0 || row >= starts.back())
        return {-1, -1};
    const auto next = std::upper_bound(starts.begin(), starts.end(), qint64(row));
    const int run = int(next - starts.begin()) - 1;
    return {run, int(row - starts[size_t(run)]) - 1};
}

QString TimelineAccessible::rowName(int row) const
{
    const auto [run, task] = cellOf(row);
    if (run < 0)
        return {};
    const TimelineRenderOptions o = view()->renderOptions();
    const RunRecord &r = *o.runs.at(run);
    if (task < 0) {
        const RunProgress *progress =
                run < o.progress.size() && o.progress.at(run) ? o.progress.at(run).get() : nullptr;
        if (!progress && r.isComplete()) {
            std::shared_ptr<const RunProgress> &own = m_ownProgress[&r];
            if (!own)
                own = RunProgress::completed(o.runs.at(run), {});
            progress = own.get();
        }
        return runSummary(r, progress);
    }
    const QString name = taskName(r, task, r.isComplete() ? -1 : o.liveNowNs);
    return o.runs.size() > 1 ? tr("%1, %2").arg(r.options().displayName(), name) : name;
}

void TimelineAccessible::syncRows() const
{
    QList<const RunRecord *> runs;
    for (const auto &run : view()->renderOptions().runs)
        runs << run.get();
    if (runs != m_rowsRuns) {
        dropRows();
        m_rowsRuns = runs;
    }
}

void TimelineAccessible::dropRows() const
{
    for (const QAccessible::Id id : std::as_const(m_rows))
        QAccessible::deleteAccessibleInterface(id);
    m_rows.clear();
    m_rowsRuns.clear();
    m_ownProgress.clear();
}

void *TimelineAccessible::interface_cast(QAccessible::InterfaceType t)
{
    if (t == QAccessible::TableInterface)
        return static_cast<QAccessibleTableInterface *>(this);
    return QAccessibleWidget::interface_cast(t);
}

QAccessible::Role TimelineAccessible::role() const
{
    return QAccessible::Table;
}

QAccessible::State TimelineAccessible::state() const
{
    QAccessible::State s = QAccessibleWidget::state();
    s.readOnly = true;
    return s;
}

QString TimelineAccessible::text(QAccessible::Text t) const
{
    if (t != QAccessible::Description)
        return QAccessibleWidget::text(t);
    const std::vector<qint64> starts = rowStarts();
    QStringList runs;
    for (size_t run = 0; run + 1 < starts.size(); ++run)
        runs << rowName(int(starts[run]));
    return runs.join(tr("; "));
}

int TimelineAccessible::childCount() const
{
    return int(std::min<qint64>(rowStarts().back(), std::numeric_limits<int>::max()));
}

QAccessibleInterface *TimelineAccessible::child(int index) const
{
    syncRows();
    const auto [run, task] = cellOf(index);
    if (run < 0)
        return nullptr;
    if (const auto found = m_rows.constFind(index); found != m_rows.cend())
        return QAccessible::accessibleInterface(*found);
    auto *row = new RowAccessible(view(), m_rowsRuns.at(run), index, run, task);
    m_rows.insert(index, QAccessible::registerAccessibleInterface(row));
    return row;
}

int TimelineAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    const QAccessible::Id id = QAccessible::uniqueId(const_cast<QAccessibleInterface *>(child));
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
        if (it.value() == id)
            return it.key();
    }
    return -1;
}

QAccessibleInterface *TimelineAccessible::focusChild() const
{
    const int row = rowOf(view()->selectedRun(), view()->selectedTask());
    return view()->hasFocus() && row >= 0 ? child(row) : nullptr;
}

QAccessibleInterface *TimelineAccessible::childAt(int, int) const
{
    return nullptr;
}

QAccessibleInterface *TimelineAccessible::cellAt(int row, int column) const
{
    return column == 0 ? child(row) : nullptr;
}

int TimelineAccessible::selectedCellCount() const
{
    return selectedRowCount();
}

QList<QAccessibleInterface *> TimelineAccessible::selectedCells() const
{
    QList<QAccessibleInterface *> cells;
    for (const int row : selectedRows())
        cells << child(row);
    return cells;
}

QString TimelineAccessible::columnDescription(int column) const
{
    return column == 0 ? tr("Task") : QString();
}

QString TimelineAccessible::rowDescription(int) const
{
    return {};
}

int TimelineAccessible::selectedRowCount() const
{
    return int(selectedRows().size());
}

QList<int> TimelineAccessible::selectedRows() const
{
    const int row = rowOf(view()->selectedRun(), view()->selectedTask());
    return row >= 0 ? QList<int>{row} : QList<int>{};
}

bool TimelineAccessible::isRowSelected(int row) const
{
    return row >= 0 && row == rowOf(view()->selectedRun(), view()->selectedTask());
}

bool TimelineAccessible::selectRow(int row)
{
    const auto [run, task] = cellOf(row);
    if (task < 0)
        return false;
    view()->chooseTask(run, task);
    return true;
}

bool TimelineAccessible::unselectRow(int row)
{
    if (!isRowSelected(row))
        return false;
    view()->setSelectedTask(-1, -1);
    return true;
}

void TimelineAccessible::modelChange(QAccessibleTableModelChangeEvent *event)
{
    if (event->modelChangeType() != QAccessibleTableModelChangeEvent::DataChanged)
        dropRows();
}
