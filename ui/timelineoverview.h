#pragma once

#include <QTimer>
#include <QWidget>

#include <memory>
#include <utility>

class TimelineRenderer;
class TimelineView;

// A thin strip under the timeline while it is zoomed in: each run's running tasks in miniature
// over the whole of the runs, and the timeline's visible window as a rectangle to drag (a press
// beside it centres the window there first). Hidden while the timeline shows everything, so it
// costs the timeline no height then.
class TimelineOverview : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineOverview(TimelineView *view, QWidget *parent = nullptr);
    ~TimelineOverview() override;

    // The timeline's visible window, in this widget's coordinates.
    QRect windowRect() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void follow();
    std::pair<double, double> fittedRange() const;
    // The x range the timeline's plot spans, so the window lines up with it.
    std::pair<int, int> columns() const;
    double timeAt(int x) const;
    int xAt(double t) const;
    void moveWindowTo(double start);

    TimelineView *m_view;
    std::unique_ptr<TimelineRenderer> m_renderer; // its own: the overview follows no window
    QTimer m_liveTimer; // a live run grows beyond a zoomed window
    bool m_dragging = false;
    double m_grab = 0.0; // seconds from the window's start to the pointer
};
