#pragma once

#include "lessons.h"

#include <QFrame>
#include <QList>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QToolButton;
class QVBoxLayout;

// The loaded preset's lesson beside the timeline: its title and text, the same in Python asyncio
// (with a Copy button) and the outcomes a run should reproduce, each marked ✓ reproduced,
// ✗ not reproduced or · not run yet with what was measured. The arrow button folds it into a
// narrow strip, so that the timeline keeps its width in a small window. Hidden while there is no
// lesson (no preset, or tasks of the user's own).
class LessonCard : public QFrame
{
    Q_OBJECT
public:
    explicit LessonCard(QWidget *parent = nullptr);
    ~LessonCard() override;

    // Shows the lesson with every outcome not run yet; nullopt hides the card.
    void setLesson(const std::optional<Lesson> &lesson);
    const std::optional<Lesson> &lesson() const { return m_lesson; }
    // One check per outcome of the lesson (Lesson::evaluate()).
    void setChecks(const QList<OutcomeCheck> &checks);

    bool isCollapsed() const { return m_collapsed; }
    void setCollapsed(bool collapsed);
    // The width the card takes when it is open.
    static constexpr int openWidth = 300;

    QSize sizeHint() const override;

Q_SIGNALS:
    void collapsedChanged(bool collapsed);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showOutcomes();
    void showTally();
    void updateToggle();
    QString runTag(const LessonOutcome &outcome) const;

    std::optional<Lesson> m_lesson;
    QList<OutcomeCheck> m_checks;
    bool m_collapsed = false;

    QToolButton *m_toggle = nullptr;
    QLabel *m_heading = nullptr;
    QWidget *m_strip = nullptr; // the folded card's vertical caption
    QScrollArea *m_scroll = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_text = nullptr;
    QPlainTextEdit *m_code = nullptr;
    QPushButton *m_copy = nullptr;
    QVBoxLayout *m_outcomeLayout = nullptr;
    QList<QLabel *> m_outcomeLabels;
};
