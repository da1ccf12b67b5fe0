#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QPushButton;
class QSpinBox;
class QToolButton;

// "What if: limit [N] [Predict] [Clear] | [Replay as Scenario]": the compact bar beside the bottom
// tabs while the window shows a finished run. Predict (or Enter in the field) asks for the
// recorded run's prediction under limit N beside it; once one is shown, a new N replaces it. It
// only asks: the window holds the runs.
class WhatIfBar : public QWidget
{
    Q_OBJECT
public:
    // replayAction: Replay as Scenario, shown as a button at the bar's end.
    explicit WhatIfBar(QAction *replayAction, QWidget *parent = nullptr);
    ~WhatIfBar() override;

    int limit() const;
    // N suggested for a recorded run of taskCount tasks (N above it changes nothing).
    void setTaskCount(qsizetype taskCount);
    void setLimit(int limit);
    // A prediction is shown: Clear is offered and a new N replaces it at once.
    void setWhatIfShown(bool shown);
    bool isWhatIfShown() const { return m_shown; }

Q_SIGNALS:
    void predictRequested(int limit);
    void clearRequested();

private:
    QLabel *m_label = nullptr;
    QSpinBox *m_limit = nullptr;
    QPushButton *m_predict = nullptr;
    QPushButton *m_clear = nullptr;
    QToolButton *m_replay = nullptr;
    bool m_shown = false;
};
