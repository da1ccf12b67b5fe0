#pragma once

#include <QElapsedTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;
class QTimer;
class QToolButton;

// The transport under the timeline for replaying finished runs: to the start, Play/Pause, to the
// end, a time slider over the runs' span with "3.2 s of 12.0 s", and the speed in scenario seconds
// per second (0.1x to 100x; 1x replays the runs as their durations say). It only keeps the
// position and animates it; whoever listens to positionChanged() shows the runs at that instant.
//
// Playing advances by the wall time elapsed (QElapsedTimer) times the speed, at display rate, so a
// slow frame does not slow the replay down. Slider drags are coalesced to one seek per turn of the
// event loop: a backward seek rebuilds the runs.
class ReplayBar final : public QWidget
{
    Q_OBJECT
public:
    explicit ReplayBar(QWidget *parent = nullptr);
    ~ReplayBar() override;

    // Real nanoseconds the runs span, and scenario seconds per real nanosecond (the labels and the
    // speed are in scenario seconds). Pauses and goes to the end, without positionChanged().
    void setRange(qint64 endNs, double scenarioSecondsPerNs);
    qint64 endNs() const { return m_endNs; }
    qint64 position() const { return m_position; }
    bool isPlaying() const;
    // Scenario seconds per wall-clock second.
    double speed() const;
    void setSpeed(double speed);

public Q_SLOTS:
    // Emits positionChanged() when the position changes.
    void setPosition(qint64 ns);
    void setPositionSeconds(double scenarioSeconds);
    void play();
    void pause();
    void togglePlay();
    void toStart();
    void toEnd();

Q_SIGNALS:
    void positionChanged(qint64 ns);
    void playingChanged(bool playing);

private:
    void tick();
    void updateLabel();
    void updateSlider();
    void updatePlayButton();

    QToolButton *m_startButton = nullptr;
    QToolButton *m_playButton = nullptr;
    QToolButton *m_endButton = nullptr;
    QSlider *m_slider = nullptr;
    QLabel *m_timeLabel = nullptr;
    QComboBox *m_speedCombo = nullptr;
    QTimer *m_frameTimer = nullptr;
    QTimer *m_seekTimer = nullptr; // coalesces slider drags
    QElapsedTimer m_clock;
    qint64 m_lastTickNs = 0;
    double m_exactPosition = 0.0; // playing accumulates fractions of a nanosecond
    qint64 m_endNs = 0;
    qint64 m_position = 0;
    double m_secondsPerNs = 1e-9;
    bool m_resumeAfterDrag = false;
};
