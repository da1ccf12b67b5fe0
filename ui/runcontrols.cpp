#include "runcontrols.h"

#include "appsettings.h"
#include "uihelpers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QSpinBox>
#include <QTimer>
#include <QToolTip>

#include <cmath>

namespace {

const double timeScalePresets[] = {1.0, 0.5, 0.1, 0.05, 0.01};

// A limit spin box that says why it refuses a number below its minimum, typed or pasted, where
// QSpinBox would drop the key or snap back without a word.
class LimitSpinBox final : public QSpinBox
{
public:
    using QSpinBox::QSpinBox;

protected:
    QValidator::State validate(QString &text, int &pos) const override
    {
        const QValidator::State state = QSpinBox::validate(text, pos);
        bool ok = false;
        const int value = text.trimmed().toInt(&ok);
        if (state != QValidator::Acceptable && ok && value < minimum())
            tellMinimum(value);
        return state;
    }

    void fixup(QString &input) const override
    {
        bool ok = false;
        const int value = input.trimmed().toInt(&ok);
        if (ok && value < minimum())
            tellMinimum(value);
        QSpinBox::fixup(input);
    }

private:
    void tellMinimum(int value) const
    {
        const QString text =
                RunControls::tr("%1 is below the smallest limit, %2: untick \"Limit concurrency "
                                "to\" to run every task at once.")
                        .arg(value)
                        .arg(minimum());
        // Queued: the validator runs inside the key event, before the spin box updates.
        QPointer<const LimitSpinBox> self(this);
        QTimer::singleShot(0, this, [self, text] {
            if (!self)
                return;
            auto *box = const_cast<LimitSpinBox *>(self.data());
            QToolTip::showText(box->mapToGlobal(QPoint(0, box->height())), text, box);
        });
    }
};

} // namespace

RunControls::RunControls(QWidget *parent)
    : QWidget(parent)
    , m_pool(new QWidget(this))
    , m_limitCheck(new QCheckBox(tr("&Limit concurrency to"), this))
    , m_limitSpin(new LimitSpinBox(this))
    , m_threadsSpin(new QSpinBox(m_pool))
    , m_admission(new QComboBox(m_pool))
    , m_gatesLabel(new QLabel(m_pool))
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
    m_limitSpin->setAccessibleName(tr("Concurrency limit"));
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

    m_pool->setObjectName(QStringLiteral("poolControls"));
    auto *poolRow = new QHBoxLayout(m_pool);
    poolRow->setContentsMargins(6, 0, 6, 0);
    poolRow->setSpacing(6);
    auto *threadsLabel = new QLabel(tr("&Pool threads:"), m_pool);
    threadsLabel->setObjectName(QStringLiteral("threadsLabel"));
    m_threadsSpin->setObjectName(QStringLiteral("threadsSpin"));
    m_threadsSpin->setAccessibleName(tr("Pool threads"));
    m_threadsSpin->setRange(0, ScenarioLimits::maxThreads);
    m_threadsSpin->setSpecialValueText(tr("auto"));
    m_threadsSpin->setAccelerated(true);
    const QString threadsTip =
            tr("Pool threads, for both runs of a comparison. auto: one thread per task, up to %1. "
               "A pool smaller than the batch limits the run too.")
                    .arg(ScenarioLimits::autoUnlimitedThreads);
    m_threadsSpin->setToolTip(threadsTip);
    threadsLabel->setToolTip(threadsTip);
    threadsLabel->setBuddy(m_threadsSpin);
    poolRow->addWidget(threadsLabel);
    poolRow->addWidget(m_threadsSpin);
    poolRow->addSpacing(6);

    m_admission->setObjectName(QStringLiteral("admissionCombo"));
    m_admission->setAccessibleName(tr("Admission"));
    m_admission->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_admission->addItem(tr("FIFO"), int(Admission::Fifo));
    m_admission->setItemData(0,
                             tr("fifo: a worker takes a permit, then the oldest task; no thread is "
                                "held by a waiting task"),
                             Qt::ToolTipRole);
    m_admission->addItem(tr("in-task"), int(Admission::InTask));
    m_admission->setItemData(1,
                             tr("in-task: every task is started on the pool and acquires the "
                                "semaphore inside run(); a waiting task holds a pool thread"),
                             Qt::ToolTipRole);
    connect(m_admission, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_admission->setToolTip(m_admission->itemData(index, Qt::ToolTipRole).toString());
    });
    m_admission->setToolTip(m_admission->itemData(0, Qt::ToolTipRole).toString());
    auto *admissionLabel = new QLabel(tr("A&dmission:"), m_pool);
    admissionLabel->setObjectName(QStringLiteral("admissionLabel"));
    admissionLabel->setToolTip(tr("Where a task takes its permit"));
    admissionLabel->setBuddy(m_admission);
    poolRow->addWidget(admissionLabel);
    poolRow->addWidget(m_admission);

    m_gatesLabel->setObjectName(QStringLiteral("gatesLabel"));
    m_gatesLabel->setToolTip(tr("The scenario's gates: at most N tasks of each gate run at once, "
                                "on top of the limit. Open another scenario to change them."));
    poolRow->addWidget(m_gatesLabel);

    showGates();
}

RunControls::~RunControls() = default;

RunOptions RunControls::options(bool compare) const
{
    RunOptions options;
    options.timeScale = timeScale();
    options.limit = (isLimited() || (compare && m_gates.isEmpty())) ? limit() : 0;
    options.threads = threads();
    options.admission = admission();
    options.gates = m_gates;
    options.server = m_server;
    options.seed = m_seed;
    return options;
}

void RunControls::setOptions(const RunOptions &options)
{
    m_limitCheck->setChecked(options.isLimited());
    if (options.isLimited())
        m_limitSpin->setValue(options.limit);
    setTimeScale(options.timeScale);
    setThreads(options.threads);
    setAdmission(options.admission);
    m_gates = options.gates;
    m_server = options.server;
    m_seed = options.seed;
    showGates();
}

void RunControls::showGates()
{
    QStringList parts;
    for (const Gate &gate : std::as_const(m_gates))
        parts << gate.name + QLatin1Char(' ') + QString::number(gate.limit);
    m_gatesLabel->setText(tr("Gates: %1").arg(parts.join(QStringLiteral(", "))));
    m_gatesLabel->setVisible(!m_gates.isEmpty());
}

void RunControls::setThreads(int threads)
{
    m_threadsSpin->setValue(threads);
}

int RunControls::threads() const
{
    return m_threadsSpin->value();
}

void RunControls::setAdmission(Admission admission)
{
    m_admission->setCurrentIndex(m_admission->findData(int(admission)));
}

Admission RunControls::admission() const
{
    return Admission(m_admission->currentData().toInt());
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

void RunControls::connectChanged(QObject *context, const std::function<void()> &changed)
{
    connect(m_limitCheck, &QCheckBox::toggled, context, changed);
    connect(m_limitSpin, &QSpinBox::valueChanged, context, changed);
    connect(m_threadsSpin, &QSpinBox::valueChanged, context, changed);
    connect(m_admission, &QComboBox::currentIndexChanged, context, changed);
    connect(m_timeScale, &QComboBox::currentIndexChanged, context, changed);
}
