#pragma once

#include "schedule.h"
#include "timelinerenderoptions.h"

#include <QWidget>

#include <functional>
#include <memory>

class QImage;
class RunProgress;
class RunRecord;

// Shows one run, or the runs of a comparison stacked, on one shared time axis in scenario seconds:
// per run a block of lanes (one per task in submission order, or one per pool thread), the
// predicted schedule as ghost outlines behind the measured bars, and below each run's lanes a
// concurrency chart (running tasks as a step area, waiting tasks, a line at the limit). An axis
// with readable ticks and a legend. Zoom (Ctrl+wheel, +/-; out to the whole runs at most), pan
// (drag, the wheel once zoomed in, Shift+wheel, Left/Right), fit (F, Ctrl+0), back to the start
// (Ctrl+Home), hover tooltips.
//
// Selecting a task: click, or from the keyboard (Tab reaches the view, which draws a focus
// frame) Up/Down to the previous/next lane's task (into the next run of a comparison; Down with
// nothing selected takes the first), Page Up/Down by the lanes that fit in the view, Home/End to
// the first/last task (TimelineTaskWalk); the selected lane scrolls into view. Enter shows the
// task's details (the tooltip's text) in a message box that Esc closes. Assistive technologies
// see the runs and tasks as a table (TimelineAccessible) and can select tasks through it.
class TimelineView : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);
    ~TimelineView() override;

    // Replaces what is shown: the session's runs (RunSession::runProgress()), which may still be
    // running; the view reads their steps, counts and statistics from these models. sameRuns: the
    // same runs at another instant (a replay's records, or the finished runs again after it): the
    // window, selection and lane height stay as they are.
    void setRuns(const QList<std::shared_ptr<const RunProgress>> &progress, bool sameRuns = false);
    // Records without a model (tests, pictures): the view derives one per run itself.
    // predictions[i] belongs to runs[i].
    void setRuns(const QList<std::shared_ptr<const RunRecord>> &runs,
                 const QList<Schedule> &predictions);
    // Runs of the session still to come (a comparison's second run while the first goes on): the
    // window fits their predictions now, so it does not jump when they start.
    void setPlannedRuns(const QList<TimelineRenderOptions::PlannedRun> &planned);
    // Live runs: returns real nanoseconds since the start of the run that is going on, so bars grow
    // and a "now" line moves at display rate; an empty function when nothing is running, and the
    // view fits the finished runs. A negative value means the run's threads are done and its
    // final data is on its way: live repaints pause until then, so the window's thread is not
    // busy painting a run that has ended when its final data arrives. driven: the clock moves only
    // when the caller says so with refresh() (a replay's position), so the view neither repaints
    // on a timer nor refits the window to it.
    void setLiveClock(std::function<qint64()> nowNs, bool driven = false);
    // New events were published for the run at runIndex: schedule a repaint (cheap; coalesced).
    void refresh();
    // For RunSession::addFinishWork: builds a finished run's drawing data on the session's
    // finalizing thread; the view adopts them at its next paint. Safe to call after the view is
    // gone (the work then builds nothing).
    using FinishWork =
            std::function<void(const std::shared_ptr<const RunRecord> &, const Schedule &)>;
    FinishWork finishWork() const;

    void setLaneMode(TimelineLaneMode mode);
    TimelineLaneMode laneMode() const;

    // The visible time window in scenario seconds.
    double visibleStart() const;
    double visibleEnd() const;
    void setVisibleRange(double start, double end);

    int selectedRun() const;
    int selectedTask() const; // -1 when nothing is selected
    void setSelectedTask(int runIndex, int taskIndex);
    // Selects a task as the user's choice (a click, a key, an assistive technology): emits
    // taskSelected.
    void chooseTask(int runIndex, int taskIndex);
    // The task's lane in widget coordinates (may lie outside the view); empty when there is none.
    QRect taskRect(int runIndex, int taskIndex) const;

    // Pixels per lane; 0 (the default, and after fit()) fits every lane into the view. Alt+wheel
    // changes it; above the fitting height the runs scroll.
    double laneHeight() const;
    void setLaneHeight(double pixels);
    // True while the view refits to the (growing) runs; false once the user zoomed or panned.
    bool isFollowingLive() const;

    // What the view shows, for painting it elsewhere (SVG export, benchmarks).
    TimelineRenderOptions renderOptions() const;
    // The view's runs, window, lane mode and palette with every lane fitted, as an opaque image
    // (PNG export); an invalid size means the widget's size.
    QImage renderImage(const QSize &size = QSize(), qreal devicePixelRatio = 1.0) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void fit();

Q_SIGNALS:
    void taskSelected(int runIndex, int taskIndex);
    void visibleRangeChanged(double start, double end);
    void laneModeChanged(TimelineLaneMode mode);

protected:
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void showRuns(const QList<std::shared_ptr<const RunRecord>> &runs,
                  const QList<Schedule> &predictions, bool sameRuns);

    class Private;
    std::unique_ptr<Private> d;
};
