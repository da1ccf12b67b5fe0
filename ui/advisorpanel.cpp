#include "advisorpanel.h"

#include "timelinemath.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

AdvisorPanel::AdvisorPanel(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_reorder(new QPushButton(tr("Reorder lon&gest first"), this))
{
    setObjectName(QStringLiteral("advisorPanel"));
    m_label->setObjectName(QStringLiteral("advisorLabel"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setToolTip(
            tr("Predicted makespans at this limit. Lower bound: no order can beat it (the longest "
               "task, or the total work spread over the slots). Longest first: the tasks sorted "
               "by duration, longest first. Current order: the tasks as listed."));
    m_reorder->setObjectName(QStringLiteral("reorderButton"));
    m_reorder->setToolTip(tr("Sort the tasks longest first, so the next run starts the long ones "
                             "early and ends sooner"));
    // The figures over the whole width (a narrow pane wraps them), the button below on the right.
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 4, 0, 0);
    column->setSpacing(4);
    column->addWidget(m_label);
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addStretch(1);
    row->addWidget(m_reorder);
    column->addLayout(row);
    connect(m_reorder, &QPushButton::clicked, this, &AdvisorPanel::reorderRequested);

    m_timer.setSingleShot(true);
    m_timer.setInterval(150);
    connect(&m_timer, &QTimer::timeout, this, &AdvisorPanel::adviseNow);
    setVisible(false);
}

AdvisorPanel::~AdvisorPanel() = default;

void AdvisorPanel::setScenario(const QList<Task> &tasks, const RunOptions &options)
{
    m_tasks = tasks;
    m_options = options;
    m_timer.start();
}

void AdvisorPanel::adviseNow()
{
    m_timer.stop();
    const bool advise = m_options.isLimited() && !m_tasks.isEmpty() && m_tasks.size() <= maxTasks
                        && m_options.slotCount(m_tasks.size()) < m_tasks.size();
    m_advice = advise ? Advisor::advise(m_tasks, m_options) : ScheduleAdvice{};
    setVisible(advise);
    if (!advise)
        return;
    const auto s = [](double v) { return TimelineMath::formatDuration(v); };
    m_label->setText(
            tr("Lower bound %1 \u00b7 longest first %2 \u00b7 current order %3")
                    .arg(s(m_advice.lowerBound), s(m_advice.longestFirst), s(m_advice.current)));
    m_reorder->setEnabled(m_advice.reorderHelps());
    if (!m_advice.reorderHelps())
        m_reorder->setToolTip(tr("The current order is already as quick as longest first"));
    else
        m_reorder->setToolTip(tr("Sort the tasks longest first: the prediction ends %1 sooner")
                                      .arg(s(m_advice.current - m_advice.longestFirst)));
}

QString AdvisorPanel::text() const
{
    return m_advice.current > 0 ? m_label->text() : QString();
}
