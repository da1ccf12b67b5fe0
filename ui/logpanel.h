#pragma once

#include <QList>
#include <QStringList>
#include <QWidget>

#include <memory>

class QPlainTextEdit;
class RunRecord;

// One line per start and finish, as the CLI prints them, appended a batch at a time. Huge runs are
// cut off after maxLines lines with a note (the CSV export has everything). Clicking a line
// selects its task; selecting a task elsewhere highlights its lines.
class LogPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int maxLines = 10000;

    explicit LogPanel(QWidget *parent = nullptr);
    ~LogPanel() override;

    void clear();
    // A run begins: a header line ("=== limit 2 ===") when withHeader.
    void beginRun(int runIndex, const RunRecord &record, bool withHeader);
    // Events [first, end) of the run were published. Their lines are formatted as they go into
    // the view, a few hundred per event-loop turn, not all at once.
    void appendEvents(int runIndex, const std::shared_ptr<const RunRecord> &record, qsizetype first,
                      qsizetype end);
    // A closing note, e.g. that the run was cancelled.
    void appendNote(const QString &text);
    void setSelectedTask(int runIndex, int taskIndex);

    int lineCount() const { return int(m_lines.size()); }
    bool isTruncated() const { return m_truncated; }
    QString text() const;

Q_SIGNALS:
    void taskSelected(int runIndex, int taskIndex);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct LineTask
    {
        int run = -1;
        int task = -1;
    };
    // Lines not yet in the view, in order: given texts, or events of a record still to format.
    struct Pending
    {
        QStringList texts;
        std::shared_ptr<const RunRecord> record; // set: events [first, end) of it
        qsizetype first = 0;
        qsizetype end = 0;
        qsizetype size() const { return record ? end - first : texts.size(); }
    };
    void appendLines(const QStringList &lines, const QList<LineTask> &tasks);
    void schedulePending();
    // Formats and removes up to maxCount pending lines (all when maxCount < 0).
    QStringList takePending(qsizetype maxCount);
    // Moves pending lines into the view, at most maxLines (all when maxLines < 0).
    void flushPending(qsizetype maxLines);

    QPlainTextEdit *m_view = nullptr;
    QList<LineTask> m_lines; // per block of the document
    bool m_truncated = false;
    // Lines not yet in the view: a big batch goes in a few hundred lines per event-loop turn, so
    // a 10,000-line burst never stalls the window (laying out one huge insertion took ~0.5 s, and
    // formatting 10,000 lines at once ~10 ms).
    QList<Pending> m_pending;
    bool m_flushScheduled = false;
};
