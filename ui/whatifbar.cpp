#include "whatifbar.h"

#include "uihelpers.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>

#include <algorithm>

WhatIfBar::WhatIfBar(QAction *replayAction, QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(tr("&What if: limit"), this))
    , m_limit(new QSpinBox(this))
    , m_predict(new QPushButton(tr("Predict"), this))
    , m_clear(new QPushButton(tr("Clear What-If"), this))
    , m_replay(new QToolButton(this))
{
    setObjectName(QStringLiteral("whatIfBar"));
    m_limit->setObjectName(QStringLiteral("whatIfSpin"));
    m_limit->setRange(1, 9999);
    m_limit->setValue(2);
    // Typing 12 predicts 12 once, not 1 and then 12.
    m_limit->setKeyboardTracking(false);
    m_limit->setAccessibleName(tr("What-if limit"));
    m_limit->setToolTip(tr("Predict the shown run under this concurrency limit from its recorded "
                           "durations, and compare the two (Enter predicts)"));
    m_label->setBuddy(m_limit);
    m_predict->setObjectName(QStringLiteral("whatIfButton"));
    m_predict->setToolTip(tr("Show the prediction beside the recorded run in the timeline and the "
                             "summary"));
    m_predict->setAutoDefault(false);
    m_clear->setObjectName(QStringLiteral("clearWhatIfButton"));
    m_clear->setToolTip(tr("Show the recorded run alone again"));
    m_clear->setAutoDefault(false);
    m_clear->setVisible(false);
    m_replay->setObjectName(QStringLiteral("replayButton"));
    m_replay->setDefaultAction(replayAction);
    m_replay->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_replay->setText(UiHelpers::buttonText(replayAction));

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(8, 4, 8, 4);
    row->setSpacing(6);
    row->addWidget(m_label);
    row->addWidget(m_limit);
    row->addWidget(m_predict);
    row->addWidget(m_clear);
    row->addStretch(1);
    row->addWidget(m_replay);

    connect(m_predict, &QPushButton::clicked, this, [this] { Q_EMIT predictRequested(limit()); });
    connect(m_clear, &QPushButton::clicked, this, &WhatIfBar::clearRequested);
    // Enter in the field predicts; leaving it does not (editingFinished comes for both).
    connect(m_limit, &QSpinBox::editingFinished, this, [this] {
        if (m_limit->hasFocus())
            Q_EMIT predictRequested(limit());
    });
    connect(m_limit, &QSpinBox::valueChanged, this, [this](int value) {
        if (m_shown)
            Q_EMIT predictRequested(value);
    });
}

WhatIfBar::~WhatIfBar() = default;

int WhatIfBar::limit() const
{
    return m_limit->value();
}

void WhatIfBar::setTaskCount(qsizetype taskCount)
{
    const QSignalBlocker blocker(m_limit);
    m_limit->setMaximum(int(std::clamp<qsizetype>(taskCount, 1, 9999)));
}

void WhatIfBar::setLimit(int limit)
{
    const QSignalBlocker blocker(m_limit);
    m_limit->setValue(limit);
}

void WhatIfBar::setWhatIfShown(bool shown)
{
    m_shown = shown;
    m_clear->setVisible(shown);
}
