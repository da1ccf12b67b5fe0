#include "resultspanel.h"

#include "runrecord.h"
#include "runreport.h"

#include <QAbstractTableModel>
#include <QCoreApplication>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPainter>
#include <QSignalBlocker>
#include <QStyle>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// Lists in the summary lines stop after this many items; the table below has them all.
constexpr qsizetype maxListed = 24;

QString taskName(const RunRecord &record, qsizetype task)
{
    return QStringLiteral("#%1  %2").arg(task + 1).arg(record.task(task).displayLabel());
}

// One line that never wraps nor asks for width: what does not fit ends in "…", and the tooltip
// has it all. Wrapped labels in a grid asked for heights measured at a few pixels' width, and the
// table below was left two rows.
class LineLabel final : public QLabel
{
public:
    using QLabel::QLabel;

    QSize minimumSizeHint() const override { return {0, QLabel::minimumSizeHint().height()}; }
    QSize sizeHint() const override { return {0, QLabel::sizeHint().height()}; }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        const QRect area = contentsRect();
        if (fontMetrics().horizontalAdvance(text()) <= area.width()) {
            QLabel::paintEvent(event); // whole, and selectable as a label is
            return;
        }
        QPainter painter(this);
        const QString shown = fontMetrics().elidedText(text(), Qt::ElideRight, area.width());
        style()->drawItemText(&painter, area, int(alignment()), palette(), isEnabled(), shown,
                              foregroundRole());
    }
};

} // namespace

// Rows are positions 1..n. Column 0 is the task submitted at that position; then per run the
// result of that task, then per run the task that completed at that position.
class ResultsModel final : public QAbstractTableModel
{
    Q_DECLARE_TR_FUNCTIONS(ResultsModel)
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setRuns(const QList<std::shared_ptr<const RunRecord>> &runs)
    {
        // The same shape (a new run of the same tasks): the cells change, not the table. A reset
        // rebuilds the views' headers, one section per row: 10 ms for 100,000 tasks, at the
        // start of a run.
        const bool sameShape = !runs.isEmpty() && !m_runs.isEmpty() && runs.size() == m_runs.size()
                               && runs.constFirst()->taskCount() == rowCount();
        if (!sameShape)
            beginResetModel();
        m_runs = runs;
        m_completed.clear();
        m_rank.clear();
        for (const auto &run : runs) {
            QList<qsizetype> order = run->completionOrder();
            QList<int> rank(run->taskCount(), -1);
            for (qsizetype k = 0; k < order.size(); ++k)
                rank[order.at(k)] = int(k);
            m_completed.append(std::move(order));
            m_rank.append(std::move(rank));
        }
        if (!sameShape) {
            endResetModel();
            return;
        }
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    }

    void addEvents(int run, qsizetype first, qsizetype end)
    {
        Q_ASSERT(thread() == QThread::currentThread());
        if (run < 0 || run >= m_runs.size())
            return;
        const RunRecord &record = *m_runs.at(run);
        const qsizetype before = m_completed.at(run).size();
        for (qsizetype k = first; k < end; ++k) {
            const RunEvent e = record.event(k);
            if (!e.finish)
                continue;
            m_rank[run][e.task] = int(m_completed.at(run).size());
            m_completed[run].append(e.task);
        }
        const qsizetype after = m_completed.at(run).size();
        if (after == before || rowCount() == 0)
            return;
        // One signal per batch: views repaint what is visible, whatever the range.
        Q_EMIT dataChanged(index(0, resultColumn(run)), index(rowCount() - 1, resultColumn(run)));
        Q_EMIT dataChanged(index(int(before), completedColumn(run)),
                           index(int(after) - 1, completedColumn(run)));
    }

    int runCount() const { return int(m_runs.size()); }
    int resultColumn(int run) const { return 1 + run; }
    int completedColumn(int run) const { return 1 + runCount() + run; }
    const QList<qsizetype> &completed(int run) const { return m_completed.at(run); }
    int rank(int run, int task) const { return m_rank.at(run).value(task, -1); }
    const RunRecord &record(int run) const { return *m_runs.at(run); }

    // The run and task a cell stands for; task -1 when the cell is empty.
    std::pair<int, int> taskAt(const QModelIndex &index) const
    {
        if (!index.isValid() || m_runs.isEmpty())
            return {-1, -1};
        const int c = index.column();
        if (c == 0)
            return {0, index.row()};
        if (c < completedColumn(0))
            return {c - 1, index.row()};
        const int run = c - completedColumn(0);
        const auto &order = m_completed.at(run);
        return {run, index.row() < order.size() ? int(order.at(index.row())) : -1};
    }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() || m_runs.isEmpty() ? 0 : int(m_runs.constFirst()->taskCount());
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() || m_runs.isEmpty() ? 0 : 1 + 2 * runCount();
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid())
            return QVariant();
        const int c = index.column();
        const int row = index.row();
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
            return QVariant();
        if (c == 0)
            return taskName(*m_runs.constFirst(), row);
        if (c < completedColumn(0)) {
            const RunRecord &record = *m_runs.at(c - 1);
            if (!isTerminal(record.status(row)))
                return role == Qt::DisplayRole ? QVariant() : QVariant(tr("Not finished yet"));
            const QString text = RunReport::formatResult(record.result(row));
            if (role == Qt::ToolTipRole)
                return tr("Task #%1 returned %2 and completed %3 of %4")
                        .arg(row + 1)
                        .arg(text)
                        .arg(rank(c - 1, row) + 1)
                        .arg(record.taskCount());
            return text;
        }
        const int run = c - completedColumn(0);
        const auto &order = m_completed.at(run);
        if (row >= order.size())
            return QVariant();
        const RunRecord &record = *m_runs.at(run);
        const qsizetype task = order.at(row);
        const QString result = RunReport::formatResult(record.result(task));
        if (role == Qt::ToolTipRole)
            return tr("Completed %1 of %2: task #%3, submitted %3 of %2, returned %4")
                    .arg(row + 1)
                    .arg(record.taskCount())
                    .arg(task + 1)
                    .arg(result);
        return tr("%1  \u2192 %2").arg(taskName(record, task), result);
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
            return QVariant();
        if (orientation == Qt::Vertical)
            return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
        const bool tip = role == Qt::ToolTipRole;
        if (section == 0)
            return tip ? tr("The tasks in the order they were submitted") : tr("Submitted");
        if (section < completedColumn(0)) {
            const QString name = m_runs.at(section - 1)->options().displayName();
            return tip ? tr("What each task returned (%1), in submission order: the list gather "
                            "returns")
                                   .arg(name)
                   : runCount() > 1 ? tr("Result \u00b7 %1").arg(name)
                                    : tr("Result");
        }
        const QString name = m_runs.at(section - completedColumn(0))->options().displayName();
        return tip              ? tr("The tasks in the order they completed (%1)").arg(name)
               : runCount() > 1 ? tr("Completed \u00b7 %1").arg(name)
                                : tr("Completed");
    }

private:
    QList<std::shared_ptr<const RunRecord>> m_runs;
    QList<QList<qsizetype>> m_completed; // per run: task indices in completion order
    QList<QList<int>> m_rank; // per run, per task: completion position, -1 while not completed
};

ResultsPanel::ResultsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new ResultsModel(this))
    , m_table(new QTableView(this))
    , m_lines(new QGridLayout)
    , m_placeholder(new QLabel(this))
{
    setObjectName(QStringLiteral("resultsPanel"));
    auto *lesson = m_lesson = new QLabel(
            tr("Like asyncio.gather, a run returns its results in submission order, whatever "
               "order the tasks complete in."),
            this);
    lesson->setObjectName(QStringLiteral("resultsLesson"));
    lesson->setWordWrap(true);
    QFont italic = lesson->font();
    italic.setItalic(true);
    lesson->setFont(italic);

    m_placeholder->setText(tr("Run the tasks to see their results here."));
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);

    m_table->setObjectName(QStringLiteral("resultsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    m_lines->setHorizontalSpacing(12);
    m_lines->setVerticalSpacing(4);
    m_lines->setColumnStretch(1, 1);

    // What gather returns first, as the CLI prints it; the completion order under it; the table
    // that lines the two up takes the rest.
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addLayout(m_lines);
    layout->addWidget(m_placeholder);
    layout->addWidget(lesson);
    layout->addWidget(m_table, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (m_selecting)
                    return;
                const auto [run, task] = m_model->taskAt(current);
                if (task >= 0)
                    Q_EMIT taskSelected(run, task);
            });
    rebuildLines();
}

ResultsPanel::~ResultsPanel() = default;

void ResultsPanel::setRuns(const QList<std::shared_ptr<const RunRecord>> &runs)
{
    clearSelection(); // as a reset would
    m_model->setRuns(runs);
    rebuildLines();
}

void ResultsPanel::clearSelection()
{
    const QSignalBlocker blocker(m_table->selectionModel());
    m_table->selectionModel()->clear();
}

void ResultsPanel::addEvents(int runIndex, qsizetype first, qsizetype end)
{
    m_model->addEvents(runIndex, first, end);
    updateLines();
}

void ResultsPanel::setSelectedTask(int runIndex, int taskIndex)
{
    if (runIndex < 0 || runIndex >= m_model->runCount() || taskIndex < 0
        || taskIndex >= m_model->rowCount())
        return;
    m_selecting = true;
    QItemSelection selection;
    auto add = [&](int row, int column) {
        const QModelIndex index = m_model->index(row, column);
        selection.select(index, index);
    };
    add(taskIndex, 0);
    add(taskIndex, m_model->resultColumn(runIndex));
    const int rank = m_model->rank(runIndex, taskIndex);
    if (rank >= 0)
        add(rank, m_model->completedColumn(runIndex));
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    m_table->scrollTo(m_model->index(taskIndex, 0));
    m_selecting = false;
}

int ResultsPanel::runCount() const
{
    return m_model->runCount();
}

QString ResultsPanel::resultsText(int runIndex) const
{
    if (runIndex < 0 || runIndex >= m_model->runCount())
        return QString();
    return RunReport::resultsLine(m_model->record(runIndex));
}

QString ResultsPanel::completionText(int runIndex) const
{
    if (runIndex < 0 || runIndex >= m_model->runCount())
        return QString();
    return RunReport::completionLine(m_model->record(runIndex));
}

void ResultsPanel::rebuildLines()
{
    qDeleteAll(m_lineLabels);
    m_lineLabels.clear();
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    QFont prominent = mono;
    prominent.setBold(true);
    prominent.setPointSizeF(font().pointSizeF() * 1.2);
    const int runs = m_model->runCount();
    for (int run = 0; run < runs; ++run) {
        const QString runName = m_model->record(run).options().displayName();
        auto *name = new QLabel(runName, this);
        QFont bold = name->font();
        bold.setBold(true);
        name->setFont(bold);
        auto *results = new LineLabel(this);
        results->setFont(prominent);
        auto *orderName = new QLabel(runName, this);
        orderName->setForegroundRole(QPalette::PlaceholderText);
        auto *completion = new LineLabel(this);
        completion->setFont(mono);
        completion->setForegroundRole(QPalette::PlaceholderText);
        for (QLabel *label : {static_cast<QLabel *>(results), static_cast<QLabel *>(completion)})
            label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        results->setObjectName(QStringLiteral("resultsLine%1").arg(run));
        completion->setObjectName(QStringLiteral("completionLine%1").arg(run));
        m_lines->addWidget(name, run, 0);
        m_lines->addWidget(results, run, 1);
        m_lines->addWidget(orderName, runs + run, 0);
        m_lines->addWidget(completion, runs + run, 1);
        m_lineLabels << name << results << completion << orderName;
    }
    // Before a run the lesson explains what will show; then the results say it, and the lesson
    // stays in their tooltips, leaving the height to the table.
    m_placeholder->setVisible(runs == 0);
    m_lesson->setVisible(runs == 0);
    m_table->setVisible(runs > 0);
    updateLines();
}

void ResultsPanel::updateLines()
{
    for (int run = 0; run < m_model->runCount() && 4 * run + 2 < m_lineLabels.size(); ++run) {
        const RunRecord &record = m_model->record(run);
        QStringList results;
        const qsizetype n = record.taskCount();
        for (qsizetype i = 0; i < std::min(n, maxListed); ++i) {
            results << (isTerminal(record.status(i)) ? RunReport::formatResult(record.result(i))
                                                     : QStringLiteral("\u2026"));
        }
        if (n > maxListed)
            results << tr("\u2026 %n more", "", int(n - maxListed));
        QStringList order;
        const auto &completed = m_model->completed(run);
        for (qsizetype k = 0; k < std::min(completed.size(), maxListed); ++k)
            order << QStringLiteral("#%1").arg(completed.at(k) + 1);
        if (completed.size() > maxListed)
            order << tr("\u2026 %n more", "", int(completed.size() - maxListed));
        QLabel *resultsLine = m_lineLabels.at(4 * run + 1);
        resultsLine->setText(tr("results: [%1]").arg(results.join(QStringLiteral(", "))));
        resultsLine->setToolTip(resultsLine->text() + u"\n\n"_s + m_lesson->text());
        QLabel *completionLine = m_lineLabels.at(4 * run + 2);
        completionLine->setText(tr("completion order: [%1]").arg(order.join(QStringLiteral(", "))));
        completionLine->setToolTip(completionLine->text());
    }
}
