#include "taskeditor.h"

#include "taskmodel.h"
#include "uihelpers.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

// Every problem of a durations list, each with its item's position ("item 2 "x" is not a
// number"), at most `max` of them and then how many more. The parser stops at the first; it is
// asked again about each item only on this error path.
QString listProblems(const QString &text, int max = 8)
{
    QString error;
    if (ScenarioParser::parseDurations(text, &error))
        return QString();
    if (text.trimmed().isEmpty() || text.count(QLatin1Char(',')) >= ScenarioLimits::maxTasks)
        return error;
    const QString firstItem = QCoreApplication::translate("ScenarioParser", "item %1").arg(1);
    QStringList problems;
    int more = 0;
    qsizetype position = 0;
    for (QStringView item : QStringView(text).tokenize(QLatin1Char(','))) {
        ++position;
        if (ScenarioParser::parseDurations(item, &error))
            continue;
        if (problems.size() == max) {
            ++more;
            continue;
        }
        // A lone item is "item 1" to the parser: it gets its place in the list back.
        if (error.startsWith(firstItem))
            error = QCoreApplication::translate("ScenarioParser", "item %1").arg(position)
                    + error.mid(firstItem.size());
        else if (item.trimmed().isEmpty())
            error = QCoreApplication::translate("ScenarioParser", "%1 is empty")
                            .arg(QCoreApplication::translate("ScenarioParser", "item %1")
                                         .arg(position));
        problems << error;
    }
    QString joined = problems.join(QStringLiteral("; "));
    if (more > 0)
        joined += QLatin1Char(' ') + TaskEditor::tr("(and %n more)", "", more);
    return joined;
}

// A trailing comma is the next item being typed, not a mistake to undo the table over.
bool isListBeingExtended(const QString &text)
{
    const QString trimmed = text.trimmed();
    QString ignored;
    return trimmed.endsWith(QLatin1Char(','))
           && ScenarioParser::parseDurations(QStringView(trimmed).chopped(1), &ignored).has_value();
}

// Kind as a combo box; derived labels in the placeholder colour so a user sees they are not
// typed.
class TaskDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        if (index.column() != TaskModel::KindColumn)
            return QStyledItemDelegate::createEditor(parent, option, index);
        auto *combo = new QComboBox(parent);
        for (TaskKind kind : {TaskKind::Sleep, TaskKind::Cpu, TaskKind::Http})
            combo->addItem(taskKindName(kind));
        return combo;
    }

    // The combo keeps its own width ("sleep" and the arrow) even where the cell is narrower.
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override
    {
        QStyledItemDelegate::updateEditorGeometry(editor, option, index);
        if (qobject_cast<QComboBox *>(editor))
            editor->resize(std::max(editor->width(), editor->sizeHint().width()), editor->height());
    }

    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            combo->setCurrentIndex(combo->findText(index.data(Qt::EditRole).toString()));
            return;
        }
        QStyledItemDelegate::setEditorData(editor, index);
    }

    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override
    {
        if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            model->setData(index, combo->currentText());
            return;
        }
        QStyledItemDelegate::setModelData(editor, model, index);
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(TaskModel::DerivedLabelRole).toBool()) {
            option->palette.setColor(QPalette::Text,
                                     option->palette.color(QPalette::PlaceholderText));
        }
    }
};

} // namespace

TaskEditor::TaskEditor(QWidget *parent)
    : QWidget(parent)
    , m_model(new TaskModel(this))
    , m_durations(new QLineEdit(this))
    , m_durationsError(new QLabel(this))
    , m_table(new QTableView(this))
    , m_problem(new QLabel(this))
    , m_totals(new QLabel(this))
    , m_settleTimer(new QTimer(this))
{
    auto *heading = new QLabel(tr("Tasks"), this);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    heading->setFont(headingFont);

    m_durations->setObjectName(QStringLiteral("durationsEdit"));
    m_durations->setPlaceholderText(tr("e.g. 5,1,8,3,4"));
    m_durations->setClearButtonEnabled(true);
    m_durations->setToolTip(tr("Task durations in seconds, comma separated, in submission order"));
    auto *durationsLabel = new QLabel(tr("&Durations (s):"), this);
    durationsLabel->setBuddy(m_durations);

    m_durationsError->setObjectName(QStringLiteral("durationsError"));
    m_durationsError->setWordWrap(true);
    m_durationsError->setVisible(false);

    m_table->setObjectName(QStringLiteral("taskTable"));
    // Tab leaves the table for the next control (the arrows move between cells), or the keyboard
    // could never get past it.
    m_table->setTabKeyNavigation(false);
    m_table->setModel(m_model);
    m_table->setItemDelegate(new TaskDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->verticalHeader()->setMinimumWidth(
            m_table->fontMetrics().horizontalAdvance(QStringLiteral("\u26A0 888")) + 8);
    m_table->setWordWrap(false);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(TaskModel::LabelColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(TaskModel::KindColumn, QHeaderView::Fixed);
    header->setSectionResizeMode(TaskModel::DurationColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(TaskModel::UrlColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(TaskModel::MessageColumn, QHeaderView::Stretch);
    updateColumnWidths();

    m_addAction = new QAction(tr("&Add Task"), this);
    m_addAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    UiHelpers::setToolTipWithShortcut(m_addAction, tr("Add a task after the selected one"));
    m_removeAction = new QAction(tr("&Remove Task"), this);
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    UiHelpers::setToolTipWithShortcut(m_removeAction, tr("Remove the selected tasks"));
    m_moveUpAction = new QAction(tr("Move &Up"), this);
    m_moveUpAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_moveUpAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    UiHelpers::setToolTipWithShortcut(m_moveUpAction, tr("Submit the selected task earlier"));
    m_moveDownAction = new QAction(tr("Move Do&wn"), this);
    m_moveDownAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    m_moveDownAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    UiHelpers::setToolTipWithShortcut(m_moveDownAction, tr("Submit the selected task later"));
    m_table->addAction(m_removeAction);
    m_table->addAction(m_moveUpAction);
    m_table->addAction(m_moveDownAction);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->insertAction(m_removeAction, m_addAction);

    m_addAction->setIconText(tr("Add"));
    m_removeAction->setIconText(tr("Remove"));
    m_moveUpAction->setIconText(tr("Up"));
    m_moveDownAction->setIconText(tr("Down"));
    m_moveUpAction->setIcon(style()->standardIcon(QStyle::SP_ArrowUp));
    m_moveDownAction->setIcon(style()->standardIcon(QStyle::SP_ArrowDown));
    auto makeButton = [this](QAction *action) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(action->icon().isNull() ? Qt::ToolButtonTextOnly
                                                           : Qt::ToolButtonTextBesideIcon);
        return button;
    };
    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(4);
    buttons->addWidget(makeButton(m_addAction));
    buttons->addWidget(makeButton(m_removeAction));
    buttons->addSpacing(8);
    buttons->addWidget(makeButton(m_moveUpAction));
    buttons->addWidget(makeButton(m_moveDownAction));
    buttons->addStretch(1);
    m_totals->setObjectName(QStringLiteral("taskTotals"));
    m_totals->setForegroundRole(QPalette::PlaceholderText);
    // Beside the heading, where it leaves the buttons' row the panel's narrowest.
    auto *headingRow = new QHBoxLayout;
    headingRow->addWidget(heading);
    headingRow->addStretch(1);
    headingRow->addWidget(m_totals);

    m_problem->setObjectName(QStringLiteral("taskProblem"));
    m_problem->setWordWrap(true);
    m_problem->setVisible(false);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *field = new QHBoxLayout;
    field->addWidget(durationsLabel);
    field->addWidget(m_durations, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(headingRow);
    layout->addLayout(field);
    layout->addWidget(m_durationsError);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_problem);

    // A list that parsed becomes the one an error falls back to once typing pauses or ends.
    m_settleTimer->setSingleShot(true);
    m_settleTimer->setInterval(1000);
    connect(m_settleTimer, &QTimer::timeout, this, &TaskEditor::settle);
    connect(m_durations, &QLineEdit::editingFinished, this, [this] {
        if (m_durationsProblem.isEmpty())
            settle();
    });
    connect(m_durations, &QLineEdit::textEdited, this, &TaskEditor::onDurationsEdited);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &TaskEditor::onModelChanged);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &TaskEditor::onModelChanged);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &TaskEditor::onModelChanged);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, &TaskEditor::onModelChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TaskEditor::onModelChanged);
    connect(m_addAction, &QAction::triggered, this, &TaskEditor::addTask);
    connect(m_removeAction, &QAction::triggered, this, &TaskEditor::removeTasks);
    connect(m_moveUpAction, &QAction::triggered, this, [this] { moveCurrent(-1); });
    connect(m_moveDownAction, &QAction::triggered, this, [this] { moveCurrent(+1); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                updateState();
                if (!m_selecting && current.isValid())
                    Q_EMIT currentTaskChanged(current.row());
            });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TaskEditor::updateState);
    updateState();
}

TaskEditor::~TaskEditor() = default;

void TaskEditor::setTasks(const QList<Task> &tasks)
{
    m_durationsProblem.clear();
    m_model->setTasks(tasks);
    settle();
}

QList<Task> TaskEditor::tasks() const
{
    return m_model->tasks();
}

bool TaskEditor::isValid() const
{
    return m_durationsProblem.isEmpty() && m_model->isValid();
}

QString TaskEditor::problem() const
{
    if (!m_durationsProblem.isEmpty())
        return tr("Durations: %1").arg(m_durationsProblem);
    return m_model->problem();
}

void TaskEditor::commitPendingEdit()
{
    // The delegate commits when its editor loses the focus.
    QWidget *focus = QApplication::focusWidget();
    if (focus && focus != m_table && m_table->isAncestorOf(focus))
        m_table->setFocus();
    // QLineEdit keeps every character ever typed, pasted or deleted as an undo step, never
    // trimmed: 300 pastes of 200 durations held 12 MB (tests/soak). A run commits the field, so
    // its history ends there (setText clears it; the text is already parsed).
    if (m_durations->isUndoAvailable() || m_durations->isRedoAvailable())
        m_durations->setText(m_durations->text());
    if (m_durationsProblem.isEmpty())
        settle();
}

int TaskEditor::currentTask() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void TaskEditor::selectTask(int row)
{
    if (row < 0 || row >= m_model->rowCount() || row == currentTask())
        return;
    m_selecting = true;
    const QModelIndex index = m_model->index(row, TaskModel::LabelColumn);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                              | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    m_selecting = false;
}

void TaskEditor::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateState();
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateColumnWidths();
}

void TaskEditor::updateColumnWidths()
{
    // The Kind column is as wide as its editor, a combo with the longest kind and its arrow, in
    // the table's font and style.
    QComboBox probe;
    probe.setFont(m_table->font());
    probe.setStyle(m_table->style());
    for (TaskKind kind : {TaskKind::Sleep, TaskKind::Cpu, TaskKind::Http})
        probe.addItem(taskKindName(kind));
    QHeaderView *header = m_table->horizontalHeader();
    const int margin = 2 * style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    const int kindHeader =
            header->fontMetrics().horizontalAdvance(
                    m_model->headerData(TaskModel::KindColumn, Qt::Horizontal).toString())
            + 2 * margin;
    header->resizeSection(TaskModel::KindColumn, std::max(probe.sizeHint().width(), kindHeader));
    const int em = m_table->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    header->resizeSection(TaskModel::LabelColumn, em * 5);
    header->resizeSection(TaskModel::UrlColumn, em * 8);
}

void TaskEditor::onDurationsEdited(const QString &text)
{
    QString error;
    const auto tasks = ScenarioParser::parseDurations(text, &error);
    if (!tasks) {
        // Run waits until the field is fixed, and the table shows the last settled tasks, not
        // the first item of a list still being typed ("1" of "1e9,3").
        m_settleTimer->stop();
        m_durationsProblem = listProblems(text);
        if (!isListBeingExtended(text))
            restoreSettledTasks();
        updateState();
        return;
    }
    m_durationsProblem.clear();
    applyToTable([&] { m_model->setDurations(*tasks); });
    m_tableFromField = true;
    m_settleTimer->start();
}

void TaskEditor::applyToTable(const std::function<void()> &change)
{
    m_editingDurations = true;
    // Rows going away move the current row; that is not the user picking a task.
    m_selecting = true;
    change();
    m_selecting = false;
    m_editingDurations = false;
    updateState();
    Q_EMIT tasksChanged();
}

void TaskEditor::settle()
{
    m_settleTimer->stop();
    m_settledTasks = m_model->tasks();
    m_tableFromField = false;
}

void TaskEditor::restoreSettledTasks()
{
    if (!m_tableFromField)
        return;
    m_tableFromField = false;
    applyToTable([this] { m_model->setTasks(m_settledTasks); });
}

void TaskEditor::onModelChanged()
{
    if (!m_editingDurations) {
        // An edit in the table: the field shows the table again, and its old problem is gone.
        m_durationsProblem.clear();
        const QString text = m_model->durationsText();
        if (m_durations->text() != text)
            m_durations->setText(text);
        settle();
        Q_EMIT tasksChanged();
    }
    updateState();
}

void TaskEditor::updateState()
{
    const QPalette pal = palette();
    const QColor bad = UiHelpers::badColor(pal);

    QPalette fieldPalette = pal;
    if (!m_durationsProblem.isEmpty())
        fieldPalette.setColor(QPalette::Base, UiHelpers::errorTint(pal.color(QPalette::Base)));
    m_durations->setPalette(fieldPalette);
    m_durationsError->setVisible(!m_durationsProblem.isEmpty());
    // The parser's messages are sentence fragments (the CLI prefixes the option); here they stand
    // alone.
    QString fieldProblem = m_durationsProblem;
    if (!fieldProblem.isEmpty())
        fieldProblem[0] = fieldProblem.at(0).toUpper();
    m_durationsError->setText(fieldProblem);
    QPalette errorPalette = pal;
    errorPalette.setColor(QPalette::WindowText, bad);
    m_durationsError->setPalette(errorPalette);

    const QString problem = this->problem();
    m_problem->setPalette(errorPalette);
    m_problem->setText(problem.isEmpty() ? QString()
                                         : QString(QChar(0x26A0)) + QLatin1Char(' ') + problem);
    m_problem->setToolTip(problem);
    m_problem->setVisible(!problem.isEmpty());

    const int n = m_model->rowCount();
    m_totals->setText(tr("%n task(s), %1 of work", "", n)
                              .arg(UiHelpers::seconds(m_model->totalDuration(), 0)));

    const int current = currentTask();
    m_removeAction->setEnabled(m_table->selectionModel()->hasSelection() || current >= 0);
    m_moveUpAction->setEnabled(current > 0);
    m_moveDownAction->setEnabled(current >= 0 && current + 1 < n);

    const bool valid = isValid();
    if (valid != m_lastValid) {
        m_lastValid = valid;
        Q_EMIT validityChanged(valid);
    }
    if (problem != m_lastProblem) {
        m_lastProblem = problem;
        Q_EMIT problemChanged(problem);
    }
}

void TaskEditor::addTask()
{
    const int row = m_model->addTask(currentTask());
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, TaskModel::DurationColumn);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                              | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    m_table->setFocus();
}

void TaskEditor::removeTasks()
{
    QList<int> rows;
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    if (rows.isEmpty() && currentTask() >= 0)
        rows.append(currentTask());
    if (rows.isEmpty())
        return;
    // One removeRows() per run of adjacent rows, from the bottom up: each call recounts the
    // model and revalidates the window, and removing 2,000 selected rows one by one blocked the
    // window for 854 ms (1 ms at once; dev build, found by tst_monkey's "select all, Remove").
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (qsizetype k = 0; k < rows.size();) {
        qsizetype end = k + 1;
        while (end < rows.size() && rows.at(end) == rows.at(end - 1) - 1)
            ++end;
        m_model->removeRows(rows.at(end - 1), int(end - k));
        k = end;
    }
    const int next = std::min(rows.constLast(), m_model->rowCount() - 1);
    if (next >= 0) {
        m_table->selectionModel()->setCurrentIndex(m_model->index(next, TaskModel::LabelColumn),
                                                   QItemSelectionModel::ClearAndSelect
                                                           | QItemSelectionModel::Rows);
    }
}

void TaskEditor::moveCurrent(int delta)
{
    const int row = currentTask();
    const bool moved = delta < 0 ? m_model->moveUp(row) : m_model->moveDown(row);
    if (!moved)
        return;
    const QModelIndex index = m_model->index(row + delta, TaskModel::LabelColumn);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                              | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}
