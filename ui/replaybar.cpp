#include "replaybar.h"

#include "icons.h"
#include "uihelpers.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <cmath>
#include <utility>

namespace {

constexpr int sliderSteps = 10000;
constexpr int frameMs = 16;
constexpr double speeds[] = {0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 25.0, 100.0};
constexpr int defaultSpeed = 3; // 1x: the runs as their durations say

QToolButton *transportButton(const QIcon &icon, const QString &name, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(name);
    button->setIcon(icon);
    button->setAutoRaise(true);
    button->setIconSize(QSize(16, 16));
    return button;
}

} // namespace

ReplayBar::ReplayBar(QWidget *parent)
    : QWidget(parent)
    , m_startButton(transportButton(Icons::toStart(), QStringLiteral("replayStartButton"), this))
    , m_playButton(transportButton(Icons::play(), QStringLiteral("replayPlayButton"), this))
    , m_endButton(transportButton(Icons::toEnd(), QStringLiteral("replayEndButton"), this))
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_timeLabel(new QLabel(this))
    , m_speedCombo(new QComboBox(this))
    , m_frameTimer(new QTimer(this))
    , m_seekTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("replayBar"));
    setAccessibleName(tr("Replay"));
    m_startButton->setAccessibleName(tr("Go to the start"));
    m_startButton->setToolTip(tr("Go to the start (Home)"));
    m_endButton->setAccessibleName(tr("Go to the end"));
    m_endButton->setToolTip(tr("Go to the end: the finished runs (End)"));
    m_slider->setObjectName(QStringLiteral("replaySlider"));
    m_slider->setAccessibleName(tr("Replay time"));
    m_slider->setToolTip(tr("Drag to see the runs at any instant"));
    m_slider->setRange(0, sliderSteps);
    m_slider->setSingleStep(sliderSteps / 1000);
    m_slider->setPageStep(sliderSteps / 20);
    m_slider->setFocusPolicy(Qt::StrongFocus);
    m_timeLabel->setObjectName(QStringLiteral("replayTimeLabel"));
    m_timeLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_timeLabel->setMinimumWidth(m_timeLabel->fontMetrics().horizontalAdvance(
            tr("%1 of %2").arg(UiHelpers::seconds(8888.8, 1), UiHelpers::seconds(8888.8, 1))));
    m_speedCombo->setObjectName(QStringLiteral("replaySpeedCombo"));
    m_speedCombo->setAccessibleName(tr("Replay speed"));
    m_speedCombo->setToolTip(tr("Scenario seconds replayed per second"));
    for (const double s : speeds)
        m_speedCombo->addItem(tr("%1\u00d7").arg(s), s);
    m_speedCombo->setCurrentIndex(defaultSpeed);
    auto *speedLabel = new QLabel(tr("Spee&d:"), this);
    speedLabel->setBuddy(m_speedCombo);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->setSpacing(4);
    layout->addWidget(m_startButton);
    layout->addWidget(m_playButton);
    layout->addWidget(m_endButton);
    layout->addSpacing(4);
    layout->addWidget(m_slider, 1);
    layout->addSpacing(4);
    layout->addWidget(m_timeLabel);
    layout->addSpacing(8);
    layout->addWidget(speedLabel);
    layout->addWidget(m_speedCombo);

    m_frameTimer->setInterval(frameMs);
    m_frameTimer->setTimerType(Qt::PreciseTimer);
    connect(m_frameTimer, &QTimer::timeout, this, &ReplayBar::tick);
    m_seekTimer->setSingleShot(true);
    m_seekTimer->setInterval(0);
    connect(m_seekTimer, &QTimer::timeout, this, [this] { Q_EMIT positionChanged(m_position); });

    connect(m_startButton, &QToolButton::clicked, this, &ReplayBar::toStart);
    connect(m_endButton, &QToolButton::clicked, this, &ReplayBar::toEnd);
    connect(m_playButton, &QToolButton::clicked, this, &ReplayBar::togglePlay);
    // A drag holds playback: the handle stays where the user puts it.
    connect(m_slider, &QSlider::sliderPressed, this, [this] {
        m_resumeAfterDrag = isPlaying();
        pause();
    });
    connect(m_slider, &QSlider::sliderReleased, this, [this] {
        if (std::exchange(m_resumeAfterDrag, false))
            play();
    });
    connect(m_slider, &QSlider::valueChanged, this, [this](int value) {
        const auto ns = qint64(std::llround(double(value) / sliderSteps * double(m_endNs)));
        if (ns == m_position)
            return;
        m_position = ns;
        m_exactPosition = double(ns);
        updateLabel();
        if (!m_seekTimer->isActive())
            m_seekTimer->start();
    });
    updatePlayButton();
    updateLabel();
}

ReplayBar::~ReplayBar() = default;

void ReplayBar::setRange(qint64 endNs, double scenarioSecondsPerNs)
{
    pause();
    m_seekTimer->stop();
    m_endNs = std::max<qint64>(0, endNs);
    m_secondsPerNs = scenarioSecondsPerNs > 0.0 ? scenarioSecondsPerNs : 1e-9;
    m_position = m_endNs;
    m_exactPosition = double(m_endNs);
    updateSlider();
    updateLabel();
}

bool ReplayBar::isPlaying() const
{
    return m_frameTimer->isActive();
}

double ReplayBar::speed() const
{
    return m_speedCombo->currentData().toDouble();
}

void ReplayBar::setSpeed(double speed)
{
    const auto it = std::min_element(std::begin(speeds), std::end(speeds), [&](double a, double b) {
        return std::abs(std::log(a / speed)) < std::abs(std::log(b / speed));
    });
    m_speedCombo->setCurrentIndex(int(it - std::begin(speeds)));
}

void ReplayBar::setPosition(qint64 ns)
{
    ns = std::clamp<qint64>(ns, 0, m_endNs);
    m_exactPosition = double(ns);
    if (ns == m_position)
        return;
    m_position = ns;
    m_seekTimer->stop(); // this position wins over a slider move not yet shown
    updateSlider();
    updateLabel();
    Q_EMIT positionChanged(m_position);
}

void ReplayBar::setPositionSeconds(double scenarioSeconds)
{
    setPosition(qint64(std::llround(scenarioSeconds / m_secondsPerNs)));
}

void ReplayBar::play()
{
    if (isPlaying() || m_endNs <= 0)
        return;
    if (m_position >= m_endNs)
        setPosition(0); // again from the start
    m_clock.start();
    m_lastTickNs = 0;
    m_frameTimer->start();
    updatePlayButton();
    Q_EMIT playingChanged(true);
}

void ReplayBar::pause()
{
    if (!isPlaying())
        return;
    m_frameTimer->stop();
    updatePlayButton();
    Q_EMIT playingChanged(false);
}

void ReplayBar::togglePlay()
{
    if (isPlaying())
        pause();
    else
        play();
}

void ReplayBar::toStart()
{
    setPosition(0);
}

void ReplayBar::toEnd()
{
    pause();
    setPosition(m_endNs);
}

void ReplayBar::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 wall = now - m_lastTickNs;
    m_lastTickNs = now;
    // Scenario seconds to advance, in the runs' real nanoseconds.
    m_exactPosition += double(wall) * 1e-9 * speed() / m_secondsPerNs;
    const auto next = qint64(std::min(m_exactPosition, double(m_endNs)));
    if (next >= m_endNs)
        pause();
    const double exact = m_exactPosition;
    setPosition(next);
    m_exactPosition = exact;
}

void ReplayBar::updateLabel()
{
    m_timeLabel->setText(tr("%1 of %2")
                                 .arg(UiHelpers::seconds(double(m_position) * m_secondsPerNs, 1),
                                      UiHelpers::seconds(double(m_endNs) * m_secondsPerNs, 1)));
    m_slider->setAccessibleDescription(m_timeLabel->text());
}

void ReplayBar::updateSlider()
{
    const QSignalBlocker blocker(m_slider);
    const double f = m_endNs > 0 ? double(m_position) / double(m_endNs) : 1.0;
    m_slider->setValue(int(std::lround(f * sliderSteps)));
}

void ReplayBar::updatePlayButton()
{
    const bool playing = isPlaying();
    m_playButton->setIcon(playing ? Icons::pause() : Icons::play());
    m_playButton->setAccessibleName(playing ? tr("Pause") : tr("Play"));
    m_playButton->setToolTip(playing ? tr("Pause (Space)") : tr("Play (Space)"));
}
