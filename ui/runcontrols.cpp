#include "runcontrols.h"

#include "appsettings.h"
#include "uihelpers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>

#include <cmath>

namespace {

const double timeScalePresets[] = {1.0, 0.5, 0.1, 0.05, 0.01};

} // namespace

RunControls::RunControls(QWidget *parent)
    : QWidget(parent)
    , m_limitCheck(new QCheckBox(tr("&Limit concurrency to"), this))
    , m_limitSpin(new QSpinBox(this))
    , m_timeScale(new QComboBox(this))
{
    setObjectName(QStringLiteral("runControls"));
    // Controls sit in one row, each with a little room around it, so they line up with the
    // buttons instead of touching them.
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(6, 0, 6, 0);
    row->setSpacing(6);

    m_limitCheck->setObjectName(QStringLiteral("limitCheck"));
    m_limitCheck->setToolTip(tr("Run at most N tasks at once, the others wait their turn in "
                                "submission order (like asyncio.Semaphore)"));
    m_limitSpin->setObjectName(QStringLiteral("limitSpin"));
    m_limitSpin->setRange(1, ScenarioLimits::maxLimit);
    m_limitSpin->setValue(AppSettings::defaultLimit);
    m_limitSpin->setAccelerated(true);
    m_limitSpin->setToolTip(tr("N: the most tasks running at once (Run when limited, and the "
                               "limited half of Compare)"));
    m_limitSpin->setMinimumWidth(
            m_limitSpin->fontMetrics().horizontalAdvance(QStringLiteral("00000")) + 36);
    row->addWidget(m_limitCheck);
    row->addWidget(m_limitSpin);
    row->addSpacing(18);

    auto *scaleLabel = new QLabel(tr("&Time scale:"), this);
    m_timeScale->setObjectName(QStringLiteral("timeScaleCombo"));
    m_timeScale->setToolTip(tr("Real time per scenario second: faster scales replay the same "
                               "schedule in less time"));
    m_timeScale->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (double value : timeScalePresets)
        m_timeScale->addItem(UiHelpers::timeScaleText(value), value);
    scaleLabel->setBuddy(m_timeScale);
    row->addWidget(scaleLabel);
    row->addWidget(m_timeScale);
    row->addSpacing(18);

    row->addWidget(new QLabel(tr("Lanes:"), this));
}

RunControls::~RunControls() = default;

RunOptions RunControls::options(bool compare) const
{
    RunOptions options;
    options.timeScale = timeScale();
    options.limit = (compare || isLimited()) ? limit() : 0;
    return options;
}

void RunControls::setOptions(const RunOptions &options)
{
    m_limitCheck->setChecked(options.isLimited());
    if (options.isLimited())
        m_limitSpin->setValue(options.limit);
    setTimeScale(options.timeScale);
}

void RunControls::setLimit(bool limited, int limit)
{
    m_limitCheck->setChecked(limited);
    m_limitSpin->setValue(limit);
}

bool RunControls::isLimited() const
{
    return m_limitCheck->isChecked();
}

int RunControls::limit() const
{
    return m_limitSpin->value();
}

void RunControls::setTimeScale(double value)
{
    for (int i = 0; i < m_timeScale->count(); ++i) {
        if (std::abs(m_timeScale->itemData(i).toDouble() - value) <= value * 1e-9) {
            m_timeScale->setCurrentIndex(i);
            return;
        }
    }
    int at = 0;
    while (at < m_timeScale->count() && m_timeScale->itemData(at).toDouble() > value)
        ++at;
    m_timeScale->insertItem(at, UiHelpers::timeScaleText(value), value);
    m_timeScale->setCurrentIndex(at);
}

double RunControls::timeScale() const
{
    return m_timeScale->currentData().toDouble();
}
