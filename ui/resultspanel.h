#pragma once

#include <QList>
#include <QWidget>

#include <memory>

class QGridLayout;
class QLabel;
class QTableView;
class ResultsModel;
class RunRecord;

// The article's gather lesson: each run's results in submission order next to the order in
// which its tasks completed. A table below lines the two orders up, task by task; it follows the
// runs live as events are published.
class ResultsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ResultsPanel(QWidget *parent = nullptr);
    ~ResultsPanel() override;

    // Shows these runs (a reset); later events arrive through addEvents().
    void setRuns(const QList<std::shared_ptr<const RunRecord>> &runs);
    // Chooses nothing, without telling anyone of the old choice (as a new set of runs does).
    void clearSelection();
    // Events [first, end) of run runIndex were published.
    void addEvents(int runIndex, qsizetype first, qsizetype end);
    void setSelectedTask(int runIndex, int taskIndex);

    int runCount() const;
    // What the summary lines show, in full: "results: [5, 1, 8, 3, 4]", "completion order: [...]".
    QString resultsText(int runIndex) const;
    QString completionText(int runIndex) const;

Q_SIGNALS:
    void taskSelected(int runIndex, int taskIndex);

private:
    void updateLines();
    void rebuildLines();

    ResultsModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QGridLayout *m_lines = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_lesson = nullptr;
    QList<QLabel *> m_lineLabels; // per run: name, results, completion, name beside it
    bool m_selecting = false;
};
