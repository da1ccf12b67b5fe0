#include "sweeppanel.h"

#include "sweepview.h"
#include "timelinemath.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

SweepPanel::SweepPanel(QWidget *parent)
    : QWidget(parent)
    , m_view(new SweepView(this))
    , m_summary(new QLabel(this))
    , m_run(new QPushButton(this))
{
    setObjectName(QStringLiteral("sweepPanel"));
    m_summary->setObjectName(QStringLiteral("sweepSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_run->setObjectName(QStringLiteral("runChosenLimitButton"));
    m_run->setToolTip(tr("Run the tasks for real at the limit chosen on the chart"));

    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->setSpacing(8);
    header->addWidget(m_summary, 1);
    header->addWidget(m_run, 0, Qt::AlignVCenter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 4);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);

    connect(m_view, &SweepView::limitChosen, this, [this](int limit) {
        updateRunButton();
        Q_EMIT limitChosen(limit);
    });
    connect(m_run, &QPushButton::clicked, this, [this] {
        if (m_view->chosenLimit() > 0)
            Q_EMIT runLimitRequested(m_view->chosenLimit());
    });
    updateSummary();
    updateRunButton();
}

SweepPanel::~SweepPanel() = default;

void SweepPanel::begin(const QList<int> &limits, bool predicted, qsizetype tasks)
{
    m_limits = limits;
    m_predicted = predicted;
    m_tasks = tasks;
    m_running = !predicted;
    m_cancelled = false;
    m_stale = false;
    m_view->clear();
    m_view->setPlannedLimits(limits);
    updateSummary();
    updateRunButton();
}

void SweepPanel::addPoint(const SweepPoint &point)
{
    m_view->appendPoint(point);
    updateSummary();
    updateRunButton();
}

void SweepPanel::setPoints(const QList<SweepPoint> &points)
{
    m_view->setPoints(points);
    updateSummary();
    updateRunButton();
}

void SweepPanel::markStale()
{
    if (m_stale || m_running || m_view->points().isEmpty())
        return;
    m_stale = true;
    updateSummary();
}

void SweepPanel::showChosen(int limit)
{
    m_view->setChosenLimit(limit);
    updateRunButton();
}

void SweepPanel::end(bool cancelled)
{
    m_running = false;
    m_cancelled = cancelled;
    updateSummary();
    updateRunButton();
}

void SweepPanel::setRunEnabled(bool enabled)
{
    m_runEnabled = enabled;
    updateRunButton();
}

QString SweepPanel::summary() const
{
    return m_summary->text();
}

void SweepPanel::updateRunButton()
{
    const int limit = m_view->chosenLimit();
    m_run->setText(limit > 0 ? tr("Run l&imit %1").arg(limit) : tr("Run th&is limit"));
    m_run->setEnabled(limit > 0 && m_runEnabled && !m_running);
    m_run->setVisible(!m_view->points().isEmpty());
}

void SweepPanel::updateSummary()
{
    const QList<SweepPoint> &points = m_view->points();
    if (m_limits.isEmpty() && points.isEmpty()) {
        m_summary->setText(tr("No sweep yet."));
        return;
    }
    const auto s = [](double v) { return TimelineMath::formatDuration(v); };
    QString text;
    if (m_running)
        text = tr("Sweeping %n task(s): %1 of %2 limits done.", "", int(m_tasks))
                       .arg(points.size())
                       .arg(m_limits.size());
    else if (m_predicted)
        text = tr("Predicted sweep of %n task(s) over %1 limits.", "", int(m_tasks))
                       .arg(m_limits.size());
    else if (m_cancelled)
        text = tr("Sweep of %n task(s) stopped after %1 of %2 limits.", "", int(m_tasks))
                       .arg(points.size())
                       .arg(m_limits.size());
    else
        text = tr("Measured sweep of %n task(s) over %1 limits.", "", int(m_tasks))
                       .arg(m_limits.size());
    const int best = m_view->bestLimit();
    for (const SweepPoint &p : points) {
        if (p.limit != best)
            continue;
        text += QLatin1Char(' ')
                + tr("Best limit %1: makespan %2, mean completion %3.")
                          .arg(best)
                          .arg(s(p.makespan), s(p.meanCompletion));
    }
    if (m_view->kneeLimit() > 0 && m_view->kneeLimit() != best)
        text += QLatin1Char(' ')
                + tr("Above limit %1 the makespan no longer drops by 5 %.")
                          .arg(m_view->kneeLimit());
    if (!points.isEmpty() && !m_running)
        text += QLatin1Char(' ') + tr("Click a point to see that limit's schedule.");
    if (m_stale)
        text += QLatin1Char(' ') + tr("The tasks have changed since: sweep again to update it.");
    m_summary->setText(text);
}
