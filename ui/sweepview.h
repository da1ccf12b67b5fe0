#pragma once

#include "sweep.h"

#include <QList>
#include <QWidget>

// A limit sweep as a chart: makespan and mean completion time (scenario seconds, y) against the
// concurrency limit (x), one point per limit, measured lines solid and predictions dashed. Failed
// tasks are red crosses with their count, the recommended limit (Sweep::bestLimit) a band labelled
// "best: N", the knee (Sweep::kneeLimit) a thin line with a smaller label. Hovering a limit shows
// its figures, clicking it chooses it (limitChosen). Points arrive as each limit's run ends.
class SweepView : public QWidget
{
    Q_OBJECT
public:
    explicit SweepView(QWidget *parent = nullptr);
    ~SweepView() override;

    // The limits a sweep will cover: the x axis spans them before their points arrive.
    void setPlannedLimits(const QList<int> &limits);
    void setPoints(const QList<SweepPoint> &points);
    // A limit's point (replacing an earlier one for the same limit).
    void appendPoint(const SweepPoint &point);
    void clear();
    const QList<SweepPoint> &points() const { return m_points; }

    // Sweep::bestLimit and Sweep::kneeLimit of the points; 0 without points.
    int bestLimit() const { return m_best; }
    int kneeLimit() const { return m_knee; }
    // The limit shown as chosen (ringed); 0 for none.
    void setChosenLimit(int limit);
    int chosenLimit() const { return m_chosen; }

    // Where a limit's makespan point is drawn (invalid when it has none), the limit whose column
    // holds pos (0 for none), and what hovering it says.
    QPoint pointPosition(int limit) const;
    int limitAt(const QPoint &pos) const;
    QString toolTipText(int limit) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void limitChosen(int limit);

protected:
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    struct Layout;
    Layout layout() const;
    void pointsChanged();
    const SweepPoint *pointFor(int limit) const;
    void choose(int limit);

    QList<int> m_planned;
    QList<SweepPoint> m_points; // ascending by limit
    int m_best = 0;
    int m_knee = 0;
    int m_chosen = 0;
    int m_hover = 0;
};
