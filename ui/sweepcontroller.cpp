#include "sweepcontroller.h"

#include "icons.h"
#include "sweeppanel.h"
#include "sweepview.h"
#include "uihelpers.h"

#include <QAction>
#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>

SweepController::SweepController(Hooks hooks, QWidget *window)
    : QObject(window)
    , m_hooks(std::move(hooks))
    , m_action(new QAction(Icons::sweep(), tr("S&weep"), this))
    , m_controls(new QWidget(window))
    , m_limitsEdit(new QLineEdit(m_controls))
    , m_predictCheck(new QCheckBox(tr("Predict o&nly"), m_controls))
    , m_error(new QLabel(m_controls))
    , m_panel(new SweepPanel(window))
    , m_runner(new SweepRunner(this))
{
    setObjectName(QStringLiteral("sweepController"));
    m_action->setObjectName(QStringLiteral("sweepAction"));
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT
                                       | Qt::Key_L)); // L for limits; Ctrl+W closes elsewhere
    m_action->setShortcutContext(Qt::WindowShortcut);
    connect(m_action, &QAction::triggered, this, [this] { start(); });

    m_controls->setObjectName(QStringLiteral("sweepControls"));
    auto *row = new QHBoxLayout(m_controls);
    row->setContentsMargins(6, 0, 6, 0);
    row->setSpacing(6);
    auto *label = new QLabel(tr("Sweep li&mits:"), m_controls);
    label->setBuddy(m_limitsEdit);
    m_limitsEdit->setObjectName(QStringLiteral("sweepLimitsEdit"));
    m_limitsEdit->setAccessibleName(tr("Sweep limits"));
    m_limitsEdit->setPlaceholderText(tr("1..12 or 1,2,4,8"));
    m_limitsEdit->setText(QStringLiteral("1..8"));
    m_limitsEdit->setToolTip(tr("The limits to sweep: a range such as 1..12 or a list such as "
                                "1,2,4,8"));
    m_limitsEdit->setMinimumWidth(
            m_limitsEdit->fontMetrics().horizontalAdvance(QStringLiteral("1,2,4,8,16")) + 16);
    m_limitsEdit->setMaximumWidth(m_limitsEdit->minimumWidth() * 2);
    m_predictCheck->setObjectName(QStringLiteral("predictOnlyCheck"));
    m_predictCheck->setToolTip(tr("Predict every limit's schedule at once instead of running the "
                                  "tasks once per limit"));
    m_error->setObjectName(QStringLiteral("sweepLimitsError"));
    m_error->hide();
    m_controls->installEventFilter(this);
    row->addWidget(label);
    row->addWidget(m_limitsEdit);
    row->addWidget(m_error);
    row->addWidget(m_predictCheck);
    row->addStretch(1); // a wide toolbar row leaves its room after the fields, not between them
    connect(m_limitsEdit, &QLineEdit::textChanged, this, &SweepController::validate);
    connect(m_limitsEdit, &QLineEdit::returnPressed, this, [this] { start(); });

    connect(m_panel, &SweepPanel::limitChosen, this, &SweepController::limitChosen);
    connect(m_panel, &SweepPanel::runLimitRequested, this, &SweepController::runLimitRequested);
    connect(m_runner, &SweepRunner::limitStarted, this, [this](int index, int limit) {
        Q_EMIT limitStarted(index, limit, int(m_runner->limits().size()));
    });
    connect(m_runner, &SweepRunner::pointReady, this,
            [this](int, const SweepPoint &point) { m_panel->addPoint(point); });
    connect(m_runner, &SweepRunner::finished, this, [this] {
        m_panel->end(m_runner->wasCancelled());
        m_action->setEnabled(m_canStart && m_limitsValid);
        Q_EMIT finished(m_runner->wasCancelled());
    });
    validate();
}

SweepController::~SweepController() = default;

bool SweepController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_controls && event->type() == QEvent::PaletteChange)
        validate(); // the error's colour and the field's tint follow the theme
    return QObject::eventFilter(watched, event);
}

std::optional<QList<int>> SweepController::limits() const
{
    QString error;
    return Sweep::parseLimits(m_limitsEdit->text(), QStringView(), &error);
}

bool SweepController::predictOnly() const
{
    return m_predictCheck->isChecked();
}

void SweepController::setLimitsText(const QString &text)
{
    m_limitsEdit->setText(text);
}

void SweepController::setPredictOnly(bool predictOnly)
{
    m_predictCheck->setChecked(predictOnly);
}

void SweepController::validate()
{
    QString error;
    m_limitsValid = Sweep::parseLimits(m_limitsEdit->text(), QStringView(), &error).has_value();
    m_error->setText(error);
    QPalette errorPalette;
    errorPalette.setColor(QPalette::WindowText, UiHelpers::badColor(m_controls->palette()));
    m_error->setPalette(errorPalette);
    m_error->setToolTip(error);
    m_error->setVisible(!m_limitsValid);
    // A tinted field while the text is wrong; the theme's own palette again once it is right.
    if (m_limitsValid) {
        m_limitsEdit->setPalette(QPalette());
    } else {
        QPalette pal = m_controls->palette();
        pal.setColor(QPalette::Base, UiHelpers::errorTint(pal.color(QPalette::Base)));
        m_limitsEdit->setPalette(pal);
    }
    m_limitsEdit->setAccessibleDescription(error);
    m_action->setEnabled(m_canStart && m_limitsValid && !isRunning());
    m_action->setToolTip(
            m_limitsValid ? tr("Run (or predict) the tasks once per limit and chart the "
                               "makespan against the limit (%1)")
                                    .arg(m_action->shortcut().toString(QKeySequence::NativeText))
                          : tr("Fix the sweep limits first: %1").arg(error));
}

bool SweepController::start()
{
    const auto list = limits();
    if (!list || !m_canStart || isRunning())
        return false;
    const Scenario scenario = m_hooks.scenario();
    if (predictOnly()) {
        m_panel->begin(*list, true, scenario.tasks.size());
        m_panel->setPoints(Sweep::predict(scenario, *list));
        Q_EMIT started(true);
        return true;
    }
    m_panel->begin(*list, false, scenario.tasks.size());
    m_action->setEnabled(false);
    // Before the runner starts: its first limitStarted may come from inside start().
    Q_EMIT started(false);
    if (!m_runner->start(scenario, *list)) {
        m_panel->end(true);
        m_action->setEnabled(m_canStart && m_limitsValid);
        Q_EMIT finished(true);
        return false;
    }
    return true;
}

void SweepController::cancel()
{
    m_runner->cancel();
}

bool SweepController::isRunning() const
{
    return m_runner->isRunning();
}

void SweepController::setCanStart(bool canStart)
{
    m_canStart = canStart;
    m_action->setEnabled(m_canStart && m_limitsValid && !isRunning());
    m_panel->setRunEnabled(canStart);
}
