#include "timelinekeyboard.h"

#include "runprogress.h"
#include "runrecord.h"
#include "timelinerenderoptions.h"

#include <QMessageBox>
#include <QTextDocument>

#include <algorithm>

TimelineTaskWalk::TimelineTaskWalk(const TimelineRenderOptions &o)
    : m_o(o)
{
    m_starts.push_back(0);
    const bool byThread = o.laneMode == TimelineLaneMode::Workers;
    for (qsizetype r = 0; r < o.runs.size(); ++r) {
        qint64 count = o.runs.at(r)->taskCount();
        // Without the session's model of the run (pictures, tests) the walk keeps task order.
        if (byThread && r < o.progress.size() && o.progress.at(r)) {
            std::vector<qint32> order;
            for (const std::vector<qint32> &lane : o.progress.at(r)->byWorker())
                order.insert(order.end(), lane.begin(), lane.end());
            count = qint64(order.size());
            m_orders.resize(size_t(r) + 1);
            m_orders[size_t(r)] = std::move(order);
        }
        m_starts.push_back(m_starts.back() + count);
    }
    m_orders.resize(size_t(o.runs.size()));
}

qint64 TimelineTaskWalk::indexOf(Task t) const
{
    if (t.run < 0 || t.run >= m_o.runs.size() || t.task < 0
        || t.task >= m_o.runs.at(t.run)->taskCount())
        return -1;
    const std::vector<qint32> &order = m_orders[size_t(t.run)];
    const qint64 first = m_starts[size_t(t.run)];
    if (order.empty())
        return first + t.task;
    const auto it = std::find(order.begin(), order.end(), qint32(t.task));
    return it == order.end() ? -1 : first + qint64(it - order.begin());
}

TimelineTaskWalk::Task TimelineTaskWalk::at(qint64 index) const
{
    if (index < 0 || index >= size())
        return {};
    const auto next = std::upper_bound(m_starts.begin(), m_starts.end(), index);
    const int run = int(next - m_starts.begin()) - 1;
    const qint64 offset = index - m_starts[size_t(run)];
    const std::vector<qint32> &order = m_orders[size_t(run)];
    return {run, order.empty() ? int(offset) : int(order[size_t(offset)])};
}

TimelineTaskWalk::Task TimelineTaskWalk::step(Task from, qint64 steps) const
{
    if (size() == 0)
        return {};
    const qint64 index = indexOf(from);
    if (index < 0)
        return at(0);
    return at(std::clamp<qint64>(index + steps, 0, size() - 1));
}

TimelineTaskWalk::Task TimelineTaskWalk::target(int key, Qt::KeyboardModifiers modifiers,
                                                qint64 pageLanes) const
{
    const Task selected{m_o.selectedRun, m_o.selectedTask};
    const qint64 page = std::max<qint64>(1, pageLanes);
    if (modifiers & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return {};
    switch (key) {
    case Qt::Key_Up:
        return step(selected, -1);
    case Qt::Key_Down:
        return step(selected, 1);
    case Qt::Key_PageUp:
        return step(selected, -page);
    case Qt::Key_PageDown:
        return step(selected, page);
    case Qt::Key_Home:
        return at(0);
    case Qt::Key_End:
        return at(size() - 1);
    default:
        return {};
    }
}

QDialog *TimelineDetails::show(QWidget *parent, const QString &title, const QString &html)
{
    if (html.isEmpty())
        return nullptr;
    auto *box = new QMessageBox(QMessageBox::NoIcon, title, html, QMessageBox::Close, parent);
    box->setObjectName(QStringLiteral("taskDetails"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::RichText);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QTextDocument plain;
    plain.setHtml(html);
    box->setAccessibleName(title);
    box->setAccessibleDescription(plain.toPlainText());
    box->open();
    return box;
}
