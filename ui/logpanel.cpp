#include "logpanel.h"

#include "runrecord.h"
#include "runreport.h"

#include <QFontDatabase>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

namespace {
constexpr qsizetype linesPerTurn = 250;

// Event k of the record as a log line: one block per line, always.
QString eventLine(const RunRecord &record, qsizetype k)
{
    return RunReport::logLine(record, record.event(k)).replace(QLatin1Char('\n'), QLatin1Char(' '));
}
} // namespace

LogPanel::LogPanel(QWidget *parent)
    : QWidget(parent)
    , m_view(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("logPanel"));
    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setReadOnly(true);
    m_view->setUndoRedoEnabled(false);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setPlaceholderText(tr("Each task's start and finish appears here while it runs."));
    m_view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_view->viewport()->installEventFilter(this);
    m_view->viewport()->setCursor(Qt::PointingHandCursor);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

LogPanel::~LogPanel() = default;

void LogPanel::clear()
{
    m_pending.clear();
    m_view->clear();
    m_lines.clear();
    m_truncated = false;
}

void LogPanel::beginRun(int runIndex, const RunRecord &record, bool withHeader)
{
    if (!withHeader)
        return;
    appendLines({QStringLiteral("=== %1 ===").arg(record.options().displayName())},
                {LineTask{runIndex, -1}});
}

void LogPanel::appendEvents(int runIndex, const std::shared_ptr<const RunRecord> &record,
                            qsizetype first, qsizetype end)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (m_truncated || first >= end || !record)
        return;
    const qsizetype room = maxLines - m_lines.size();
    const qsizetype last = std::min(end, first + std::max<qsizetype>(room, 0));
    if (last > first) {
        m_lines.reserve(m_lines.size() + (last - first));
        for (qsizetype k = first; k < last; ++k)
            m_lines.append(LineTask{runIndex, record->event(k).task});
        Pending pending;
        pending.record = record;
        pending.first = first;
        pending.end = last;
        m_pending.append(std::move(pending));
        schedulePending();
    }
    if (last < end) {
        m_truncated = true;
        appendLines({tr("\u2026 the log stops after %1 lines; export CSV (Ctrl+E) for the whole "
                        "run.")
                             .arg(maxLines)},
                    {LineTask{}});
    }
}

void LogPanel::appendNote(const QString &text)
{
    appendLines({text}, {LineTask{}});
}

void LogPanel::appendLines(const QStringList &lines, const QList<LineTask> &tasks)
{
    if (lines.isEmpty())
        return;
    m_lines.append(tasks);
    if (!m_pending.isEmpty() && !m_pending.constLast().record)
        m_pending.last().texts.append(lines);
    else
        m_pending.append(Pending{lines, {}, 0, 0});
    schedulePending();
}

void LogPanel::schedulePending()
{
    // Hidden (another tab is shown), the lines wait: formatting and laying out thousands of lines
    // nobody sees took the window's thread from a running batch. showEvent() catches up; text()
    // and selections include pending lines anyway.
    if (m_flushScheduled || m_pending.isEmpty() || !isVisible())
        return;
    m_flushScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_flushScheduled = false;
        flushPending(linesPerTurn);
    });
}

QStringList LogPanel::takePending(qsizetype maxCount)
{
    QStringList out;
    while (!m_pending.isEmpty() && (maxCount < 0 || out.size() < maxCount)) {
        Pending &p = m_pending.first();
        const qsizetype room = maxCount < 0 ? p.size() : std::min(p.size(), maxCount - out.size());
        if (p.record) {
            for (qsizetype k = p.first; k < p.first + room; ++k)
                out.append(eventLine(*p.record, k));
            p.first += room;
        } else {
            out.append(p.texts.mid(0, room));
            p.texts.remove(0, room);
        }
        if (p.size() == 0)
            m_pending.removeFirst();
    }
    return out;
}

void LogPanel::flushPending(qsizetype maxCount)
{
    if (m_pending.isEmpty())
        return;
    // Follow the end only when the user is already there, so reading earlier lines is not
    // interrupted by a running batch.
    QScrollBar *bar = m_view->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    const int keep = bar->value();
    // One insertion per chunk: a single layout pass instead of one per line.
    m_view->appendPlainText(takePending(maxCount).join(QLatin1Char('\n')));
    bar->setValue(atEnd ? bar->maximum() : keep);
    schedulePending();
}

QString LogPanel::text() const
{
    QStringList lines;
    const QString shown = m_view->toPlainText();
    if (!shown.isEmpty())
        lines.append(shown);
    for (const Pending &p : m_pending) {
        if (!p.record) {
            lines.append(p.texts);
            continue;
        }
        for (qsizetype k = p.first; k < p.end; ++k)
            lines.append(eventLine(*p.record, k));
    }
    return lines.join(QLatin1Char('\n'));
}

void LogPanel::setSelectedTask(int runIndex, int taskIndex)
{
    flushPending(-1); // blocks and lines must correspond

    QList<QTextEdit::ExtraSelection> selections;
    const QColor highlight = palette().color(QPalette::Highlight);
    QColor background = highlight;
    background.setAlpha(70);
    int firstBlock = -1;
    for (int b = 0; b < m_lines.size(); ++b) {
        if (m_lines.at(b).run != runIndex || m_lines.at(b).task != taskIndex || taskIndex < 0)
            continue;
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(m_view->document()->findBlockByNumber(b));
        selection.format.setBackground(background);
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections.append(selection);
        if (firstBlock < 0)
            firstBlock = b;
    }
    m_view->setExtraSelections(selections);
    if (firstBlock >= 0) {
        QTextCursor cursor(m_view->document()->findBlockByNumber(firstBlock));
        m_view->setTextCursor(cursor);
        m_view->ensureCursorVisible();
    }
}

void LogPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    schedulePending();
}

bool LogPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::MouseButtonRelease) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton && !m_view->textCursor().hasSelection()) {
            const int block = m_view->cursorForPosition(mouse->position().toPoint()).blockNumber();
            if (block >= 0 && block < m_lines.size() && m_lines.at(block).task >= 0)
                Q_EMIT taskSelected(m_lines.at(block).run, m_lines.at(block).task);
        }
    }
    return QWidget::eventFilter(watched, event);
}
