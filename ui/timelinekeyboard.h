#pragma once

#include <QtGlobal>
#include <qnamespace.h>

#include <vector>

class QDialog;
class QString;
class QWidget;
struct TimelineRenderOptions;

// What the timeline's keys walk through. Up and Down step through the tasks in the order their
// lanes are drawn, top to bottom, from one run into the next in a comparison: by lane in task
// mode (submission order), and in thread mode each pool thread's tasks by start time before the
// next thread's (tasks that never started have no bar there and are skipped).
class TimelineTaskWalk
{
public:
    struct Task
    {
        int run = -1;
        int task = -1;
        bool isValid() const { return run >= 0 && task >= 0; }
    };

    explicit TimelineTaskWalk(const TimelineRenderOptions &o);

    qint64 size() const { return m_starts.empty() ? 0 : m_starts.back(); }
    // Where a task is in the walk, -1 when it is not part of it.
    qint64 indexOf(Task t) const;
    Task at(qint64 index) const;
    // steps tasks after `from` (before it when negative), clamped to the first and the last; from
    // a task outside the walk (or none) the first task is where it starts.
    Task step(Task from, qint64 steps) const;
    // Where a key leads from the options' selected task: Up/Down one step, Page Up/Down
    // pageLanes steps, Home/End the first and last task; invalid for other keys.
    Task target(int key, Qt::KeyboardModifiers modifiers, qint64 pageLanes) const;

private:
    const TimelineRenderOptions &m_o;
    // Thread mode: each run's tasks in walk order (empty in task mode, where it is the identity).
    std::vector<std::vector<qint32>> m_orders;
    std::vector<qint64> m_starts; // m_starts[r]: index of run r's first task; back(): the total
};

namespace TimelineDetails {

// Shows a task's details (the tooltip's rich text) in a small window-modal message box that a
// screen reader reads (accessible name and description; the text is selectable by keyboard) and
// Esc closes; it deletes itself when closed. Returns at once; null (and shows nothing) for an
// empty text.
QDialog *show(QWidget *parent, const QString &title, const QString &html);

} // namespace TimelineDetails
