#include "taskmodel.h"

#include "tasklabel.h"

#include <QColor>
#include <QCoreApplication>
#include <QThread>
#include <QUrl>

#include <cmath>
#include <numeric>

namespace {

constexpr quint8 columnBit(int column)
{
    return quint8(1u << column);
}

// The parser names the item's position in a list ("item 1 ..."); a cell holds one value, so the
// position is replaced by what the value is.
QString durationProblem(const QString &text)
{
    if (text.trimmed().isEmpty())
        return TaskModel::tr("duration is empty");
    if (text.contains(QLatin1Char(',')))
        return TaskModel::tr("duration \"%1\" holds more than one value (one per row; use the "
                             "durations field for a list)")
                .arg(text.left(24));
    QString error;
    const auto parsed = ScenarioParser::parseDurations(text, &error);
    if (parsed && parsed->size() == 1)
        return QString();
    const QString prefix = QCoreApplication::translate("ScenarioParser", "item %1").arg(1);
    if (error.startsWith(prefix))
        error = error.mid(prefix.size()).trimmed();
    return TaskModel::tr("duration %1").arg(error);
}

} // namespace

QString TaskModel::urlProblem(const QString &url)
{
    if (url.trimmed().isEmpty())
        return tr("an http task needs a URL (type one in the URL column)");
    if (url.startsWith(u"local:/"))
        return QString();
    const QUrl parsed(url, QUrl::StrictMode);
    if (parsed.isValid() && (parsed.scheme() == u"http" || parsed.scheme() == u"https")
        && !parsed.host().isEmpty())
        return QString();
    return tr("URL \"%1\" is not an http:// or https:// address, nor local:/path")
            .arg(url.left(80));
}

QVariantMap TaskModel::taskToVariant(const Task &task)
{
    QVariantMap map;
    map.insert(QStringLiteral("kind"), taskKindName(task.kind));
    map.insert(QStringLiteral("duration"), task.duration);
    if (!task.label().isEmpty())
        map.insert(QStringLiteral("label"), task.label());
    if (!task.message().isNull())
        map.insert(QStringLiteral("message"), task.message());
    if (!task.url().isEmpty())
        map.insert(QStringLiteral("url"), task.url());
    if (task.kind == TaskKind::Http)
        map.insert(QStringLiteral("timeout"), task.timeout);
    return map;
}

std::optional<Task> TaskModel::taskFromVariant(const QVariant &value)
{
    const QVariantMap map = value.toMap();
    const auto kind = taskKindFromName(map.value(QStringLiteral("kind")).toString());
    bool ok = false;
    const double duration = map.value(QStringLiteral("duration")).toDouble(&ok);
    if (!kind || !ok || !std::isfinite(duration) || duration < 0
        || duration > ScenarioLimits::maxDuration)
        return std::nullopt;
    Task task;
    task.kind = *kind;
    task.duration = duration;
    task.setLabel(map.value(QStringLiteral("label")).toString().left(maxLabelLength));
    if (map.contains(QStringLiteral("message")))
        task.setMessage(map.value(QStringLiteral("message")).toString());
    task.setUrl(map.value(QStringLiteral("url")).toString());
    const double timeout = map.value(QStringLiteral("timeout"), task.timeout).toDouble(&ok);
    if (ok && std::isfinite(timeout) && timeout > 0)
        task.timeout = timeout;
    return task;
}

TaskModel::TaskModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

TaskModel::~TaskModel() = default;

int TaskModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TaskModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TaskModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Row &row = m_rows.at(index.row());
    const Task &task = row.task;
    const int column = index.column();
    const bool bad = row.badColumns & columnBit(column);

    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (column) {
        case LabelColumn:
            return role == Qt::EditRole ? task.label() : taskScreenLabel(task);
        case KindColumn:
            return taskKindName(task.kind);
        case DurationColumn:
            return row.badDuration ? row.durationText : formatSeconds(task.duration);
        case UrlColumn:
            return task.kind == TaskKind::Http ? task.url() : QString();
        case MessageColumn:
            return task.message();
        }
        break;
    case Qt::ToolTipRole:
        if (!row.error.isEmpty())
            return tr("Task %1 cannot run: %2").arg(index.row() + 1).arg(row.error);
        switch (column) {
        case LabelColumn:
            return task.label().isEmpty() ? tr("Named after its duration; type a name to change it")
                                          : QVariant();
        case KindColumn:
            if (task.kind == TaskKind::Http)
                return tr("GET %1 (timeout %2 s)").arg(task.url(), formatSeconds(task.timeout));
            return tr("What the task does when it runs");
        case DurationColumn:
            return tr("Duration in scenario seconds");
        case UrlColumn:
            return task.kind == TaskKind::Http
                           ? tr("What the http task fetches: http(s)://host/path, or local:/path "
                                "on the embedded server")
                           : tr("Only http tasks fetch a URL: set the kind to http first");
        case MessageColumn:
            return tr("Optional result of the task (shown instead of its duration)");
        }
        break;
    case Qt::BackgroundRole:
        // Translucent, so it reads on light and dark palettes alike.
        if (bad)
            return QColor(230, 40, 40, 90);
        if (!row.error.isEmpty())
            return QColor(230, 40, 40, 35);
        break;
    case Qt::TextAlignmentRole:
        if (column == DurationColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case ErrorRole:
        return row.error;
    case DerivedLabelRole:
        return column == LabelColumn && task.label().isEmpty();
    }
    return QVariant();
}

bool TaskModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (role != Qt::EditRole || !index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Row &row = m_rows[index.row()];
    invalidateTasks();
    switch (index.column()) {
    case LabelColumn: {
        // A label is one line: pasted line breaks and tabs become spaces.
        QString label = value.toString().simplified();
        if (label == row.task.label())
            return true;
        row.task.setLabel(label);
        break;
    }
    case KindColumn: {
        const auto kind = taskKindFromName(value.toString());
        if (!kind)
            return false;
        if (*kind == row.task.kind)
            return true;
        row.task.kind = *kind;
        break;
    }
    case DurationColumn: {
        const QString text = value.typeId() == QMetaType::Double
                                     ? QString::number(value.toDouble(), 'g', 17)
                                     : value.toString().trimmed();
        if (durationProblem(text).isEmpty()) {
            QString ignored;
            row.task.duration =
                    ScenarioParser::parseDurations(text, &ignored)->constFirst().duration;
            row.durationText = QString();
            row.badDuration = false;
        } else {
            row.durationText = text; // kept as typed, marked invalid
            row.badDuration = true;
        }
        break;
    }
    case UrlColumn: {
        if (row.task.kind != TaskKind::Http)
            return false;
        const QString url = value.toString().trimmed();
        if (url == row.task.url())
            return true;
        row.task.setUrl(url);
        break;
    }
    case MessageColumn: {
        const QString message = value.toString();
        if (message == row.task.message())
            return true;
        // An empty message means none: the result is the duration again.
        row.task.setMessage(message.isEmpty() ? QString() : message);
        break;
    }
    default:
        return false;
    }
    validate(row);
    rowChanged(index.row());
    return true;
}

QVariant TaskModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        const bool bad =
                section >= 0 && section < m_rows.size() && !m_rows.at(section).error.isEmpty();
        switch (role) {
        case Qt::DisplayRole:
            // A warning sign on the number of a row that cannot run: visible without hovering.
            return bad ? QString(QChar(0x26A0)) + QLatin1Char(' ') + QString::number(section + 1)
                       : QString::number(section + 1);
        case Qt::ToolTipRole:
            return bad ? tr("Task %1 cannot run: %2").arg(section + 1).arg(m_rows.at(section).error)
                       : tr("Task %1, submitted in this order").arg(section + 1);
        case Qt::TextAlignmentRole:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return QVariant();
    }
    if (role == Qt::DisplayRole) {
        switch (section) {
        case LabelColumn:
            return tr("Label");
        case KindColumn:
            return tr("Kind");
        case DurationColumn:
            return tr("Duration (s)");
        case UrlColumn:
            return tr("URL");
        case MessageColumn:
            return tr("Message");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case DurationColumn:
            return tr("Duration in scenario seconds");
        case UrlColumn:
            return tr("What an http task fetches (editable for http tasks)");
        }
    }
    return QVariant();
}

Qt::ItemFlags TaskModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    const Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == UrlColumn && m_rows.at(index.row()).task.kind != TaskKind::Http)
        return flags;
    return flags | Qt::ItemIsEditable;
}

bool TaskModel::insertRows(int row, int count, const QModelIndex &parent)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (parent.isValid() || row < 0 || row > m_rows.size() || count <= 0
        || m_rows.size() + count > ScenarioLimits::maxTasks)
        return false;
    beginInsertRows(parent, row, row + count - 1);
    Row fresh;
    fresh.task.duration = 1.0;
    m_rows.insert(row, count, fresh);
    invalidateTasks();
    recount();
    endInsertRows();
    if (row + count < m_rows.size()) // the rows below were renumbered
        Q_EMIT headerDataChanged(Qt::Vertical, row + count, rowCount() - 1);
    notifyValidity();
    return true;
}

bool TaskModel::removeRows(int row, int count, const QModelIndex &parent)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_rows.size())
        return false;
    beginRemoveRows(parent, row, row + count - 1);
    m_rows.remove(row, count);
    invalidateTasks();
    recount();
    endRemoveRows();
    if (row < m_rows.size())
        Q_EMIT headerDataChanged(Qt::Vertical, row, rowCount() - 1);
    notifyValidity();
    return true;
}

bool TaskModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                         const QModelIndex &destinationParent, int destinationChild)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (sourceParent.isValid() || destinationParent.isValid() || count <= 0 || sourceRow < 0
        || sourceRow + count > m_rows.size() || destinationChild < 0
        || destinationChild > m_rows.size())
        return false;
    if (!beginMoveRows(sourceParent, sourceRow, sourceRow + count - 1, destinationParent,
                       destinationChild))
        return false;
    if (destinationChild > sourceRow) {
        for (int k = 0; k < count; ++k)
            m_rows.move(sourceRow, destinationChild - 1);
    } else {
        for (int k = 0; k < count; ++k)
            m_rows.move(sourceRow + k, destinationChild + k);
    }
    invalidateTasks();
    endMoveRows();
    const int top = std::min(sourceRow, destinationChild);
    const int bottom =
            std::min(int(m_rows.size()) - 1, std::max(sourceRow + count, destinationChild));
    Q_EMIT headerDataChanged(Qt::Vertical, top, bottom);
    return true;
}

void TaskModel::setTasks(const QList<Task> &tasks)
{
    Q_ASSERT(thread() == QThread::currentThread());
    beginResetModel();
    m_rows.clear();
    invalidateTasks();
    m_rows.reserve(tasks.size());
    for (const Task &task : tasks) {
        Row row;
        row.task = task;
        validate(row);
        m_rows.append(std::move(row));
    }
    // The rows hold the very tasks given: hand the same shared list out until an edit.
    m_tasks = tasks;
    m_tasksCached = true;
    recount();
    endResetModel();
    notifyValidity();
}

void TaskModel::setDurations(const QList<Task> &tasks)
{
    Q_ASSERT(thread() == QThread::currentThread());
    const int common = int(std::min(tasks.size(), m_rows.size()));
    int firstChanged = -1;
    int lastChanged = -1;
    for (int i = 0; i < common; ++i) {
        Row &row = m_rows[i];
        invalidateTasks();
        if (!row.badDuration && row.task.duration == tasks.at(i).duration)
            continue;
        row.task.duration = tasks.at(i).duration;
        row.durationText = QString();
        row.badDuration = false;
        validate(row);
        if (firstChanged < 0)
            firstChanged = i;
        lastChanged = i;
    }
    recount();
    if (firstChanged >= 0) {
        Q_EMIT dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
        Q_EMIT headerDataChanged(Qt::Vertical, firstChanged, lastChanged);
    }
    if (tasks.size() < m_rows.size()) {
        beginRemoveRows(QModelIndex(), common, int(m_rows.size()) - 1);
        m_rows.resize(common);
        invalidateTasks();
        recount();
        endRemoveRows();
    } else if (tasks.size() > m_rows.size()) {
        beginInsertRows(QModelIndex(), int(m_rows.size()), int(tasks.size()) - 1);
        invalidateTasks();
        for (qsizetype i = m_rows.size(); i < tasks.size(); ++i) {
            Row row;
            row.task = tasks.at(i);
            validate(row);
            m_rows.append(std::move(row));
        }
        recount();
        endInsertRows();
    }
    notifyValidity();
}

QList<Task> TaskModel::tasks() const
{
    if (!m_tasksCached) {
        m_tasks.clear();
        m_tasks.reserve(m_rows.size());
        for (const Row &row : m_rows)
            m_tasks.append(row.task);
        m_tasksCached = true;
    }
    return m_tasks;
}

const Task &TaskModel::task(int row) const
{
    return m_rows.at(row).task;
}

QString TaskModel::rowError(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).error : QString();
}

QString TaskModel::problem() const
{
    if (m_rows.isEmpty())
        return tr("Add at least one task.");
    if (m_invalidRows == 0)
        return QString();
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).error.isEmpty())
            continue;
        QString text = tr("Task %1: %2").arg(i + 1).arg(m_rows.at(i).error);
        if (m_invalidRows > 1)
            text += QLatin1Char(' ') + tr("(and %n more)", "", m_invalidRows - 1);
        return text;
    }
    return QString();
}

QString TaskModel::durationsText() const
{
    QStringList parts;
    parts.reserve(m_rows.size());
    for (const Row &row : m_rows)
        parts.append(row.badDuration ? row.durationText : formatSeconds(row.task.duration));
    return parts.join(QLatin1Char(','));
}

double TaskModel::totalDuration() const
{
    return std::accumulate(m_rows.cbegin(), m_rows.cend(), 0.0, [](double sum, const Row &row) {
        return row.badDuration ? sum : sum + row.task.duration;
    });
}

int TaskModel::addTask(int afterRow)
{
    const int row = (afterRow < 0 || afterRow >= m_rows.size()) ? int(m_rows.size()) : afterRow + 1;
    if (!insertRows(row, 1))
        return -1;
    if (row > 0 && !m_rows.at(row - 1).badDuration) {
        m_rows[row].task.duration = m_rows.at(row - 1).task.duration;
        invalidateTasks();
        rowChanged(row);
    }
    return row;
}

bool TaskModel::moveUp(int row)
{
    if (row <= 0 || row >= m_rows.size())
        return false;
    return moveRows(QModelIndex(), row, 1, QModelIndex(), row - 1);
}

bool TaskModel::moveDown(int row)
{
    if (row < 0 || row + 1 >= m_rows.size())
        return false;
    return moveRows(QModelIndex(), row, 1, QModelIndex(), row + 2);
}

void TaskModel::validate(Row &row)
{
    QStringList problems;
    row.badColumns = 0;
    if (row.badDuration) {
        problems << durationProblem(row.durationText);
        row.badColumns |= columnBit(DurationColumn);
    }
    if (row.task.label().size() > maxLabelLength) {
        problems << tr("the label is longer than %n characters", "", int(maxLabelLength));
        row.badColumns |= columnBit(LabelColumn);
    }
    if (row.task.message().size() > maxMessageLength) {
        problems << tr("the message is longer than %n characters", "", int(maxMessageLength));
        row.badColumns |= columnBit(MessageColumn);
    }
    if (row.task.kind == TaskKind::Http) {
        const QString urlProblem = TaskModel::urlProblem(row.task.url());
        if (!urlProblem.isEmpty()) {
            problems << urlProblem;
            row.badColumns |= columnBit(UrlColumn);
        }
    }
    row.error = problems.join(QStringLiteral("; "));
}

void TaskModel::rowChanged(int row)
{
    recount();
    // The whole row: its tint follows its validity, and a derived label follows the duration.
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT headerDataChanged(Qt::Vertical, row, row);
    notifyValidity();
}

void TaskModel::recount()
{
    m_invalidRows = int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                                      [](const Row &row) { return !row.error.isEmpty(); }));
}

void TaskModel::notifyValidity()
{
    const bool valid = isValid();
    if (valid != m_lastValid) {
        m_lastValid = valid;
        Q_EMIT validityChanged(valid);
    }
}
