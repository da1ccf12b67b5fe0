#include "runstatusbar.h"

#include "runengine.h"
#include "runprogress.h"
#include "runrecord.h"
#include "runsession.h"
#include "uihelpers.h"

#include <QLabel>
#include <QPainter>
#include <QProgressBar>
#include <QStatusBar>
#include <QStyle>
#include <QStyleOption>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace {

// The run's progress, drawn flat in the palette's colours. Fusion animates the unfinished part of
// a bar with moving stripes: a repaint many times a second for as long as a run lasts, each one
// stroking 9-pixel-wide lines, which Qt 6.4 splits across the global thread pool and then waits
// for. Behind a run's busy threads on two cores one such paint took 10-20 ms of wall time for
// 0.2 ms of work (bench_render's live figures).
class FlatProgressBar : public QProgressBar
{
public:
    using QProgressBar::QProgressBar;

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QPalette::ColorGroup group = isEnabled() ? QPalette::Active : QPalette::Disabled;
        const QRectF frame = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
        p.setPen(palette().color(group, QPalette::Mid));
        p.setBrush(palette().color(group, QPalette::Base));
        p.drawRoundedRect(frame, 2, 2);
        const qint64 span = qint64(maximum()) - minimum();
        if (span <= 0 || value() <= minimum())
            return;
        const double done = std::min(1.0, double(qint64(value()) - minimum()) / double(span));
        QRectF chunk = frame.adjusted(1, 1, -1, -1);
        const double full = chunk.width();
        chunk.setWidth(full * done);
        if (layoutDirection() == Qt::RightToLeft)
            chunk.moveRight(frame.right() - 1);
        p.setPen(Qt::NoPen);
        p.setBrush(palette().color(group, QPalette::Highlight));
        p.drawRoundedRect(chunk, 1.5, 1.5);
    }
};

} // namespace

MessageStatusBar::MessageStatusBar(QWidget *parent)
    : QStatusBar(parent)
{
    setObjectName(QStringLiteral("statusBar"));
    connect(this, &QStatusBar::messageChanged, this, [this](const QString &message) {
        setToolTip(message);
        update();
    });
}

QRect MessageStatusBar::messageArea() const
{
    const bool rtl = layoutDirection() == Qt::RightToLeft;
    int left = 6;
    int right = width() - 6;
    // While a message shows, the visible children are the permanent widgets (and the size grip).
    const auto children = findChildren<QWidget *>(Qt::FindDirectChildrenOnly);
    for (const QWidget *child : children) {
        if (!child->isVisible() || child->isWindow())
            continue;
        if (rtl)
            left = std::max(left, child->geometry().right() + 8);
        else
            right = std::min(right, child->x() - 8);
    }
    return QRect(left, 0, std::max(0, right - left), height());
}

QString MessageStatusBar::shownMessage() const
{
    return fontMetrics().elidedText(currentMessage(), Qt::ElideRight, messageArea().width());
}

void MessageStatusBar::paintEvent(QPaintEvent *event)
{
    if (currentMessage().isEmpty()) {
        QStatusBar::paintEvent(event);
        return;
    }
    QPainter painter(this);
    QStyleOption option;
    option.initFrom(this);
    style()->drawPrimitive(QStyle::PE_PanelStatusBar, &option, &painter, this);
    const auto children = findChildren<QWidget *>(Qt::FindDirectChildrenOnly);
    for (QWidget *child : children) {
        if (!child->isVisible() || child->isWindow())
            continue;
        QStyleOption frame;
        frame.rect = child->geometry().adjusted(-2, -1, 2, 1);
        frame.palette = palette();
        frame.state = QStyle::State_None;
        style()->drawPrimitive(QStyle::PE_FrameStatusBarItem, &frame, &painter, child);
    }
    painter.setPen(palette().windowText().color());
    painter.drawText(messageArea(), Qt::AlignLeading | Qt::AlignVCenter | Qt::TextSingleLine,
                     shownMessage());
}

RunStatusBar::RunStatusBar(const RunSession *session, std::function<qsizetype()> idleTaskCount,
                           QStatusBar *bar)
    : QObject(bar)
    , m_session(session)
    , m_idleTaskCount(std::move(idleTaskCount))
    , m_progressLabel(new QLabel(bar))
    , m_progressBar(new FlatProgressBar(bar))
    , m_elapsedLabel(new QLabel(bar))
    , m_concurrencyLabel(new QLabel(bar))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("runStatusBar"));
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));
    m_progressBar->setObjectName(QStringLiteral("progressBar"));
    m_progressBar->setTextVisible(false);
    m_progressBar->setFixedWidth(120);
    m_progressBar->setMaximumHeight(m_progressLabel->fontMetrics().height());
    m_elapsedLabel->setObjectName(QStringLiteral("elapsedLabel"));
    m_elapsedLabel->setToolTip(tr("Scenario time since the current run started"));
    m_concurrencyLabel->setObjectName(QStringLiteral("concurrencyLabel"));
    m_concurrencyLabel->setToolTip(tr("Tasks running and waiting right now"));
    // Fixed widths, so the bar does not jitter as the numbers change.
    const QFontMetrics fm = m_elapsedLabel->fontMetrics();
    m_elapsedLabel->setMinimumWidth(
            fm.horizontalAdvance(tr("t = %1").arg(UiHelpers::seconds(88888.88))));
    m_progressLabel->setMinimumWidth(fm.horizontalAdvance(
            tr("%1 / %2 done").arg(QStringLiteral("88,888")).arg(QStringLiteral("88,888"))));
    m_progressLabel->setToolTip(tr("Tasks done (ok) of all the session's runs, then those that "
                                   "failed or were cancelled"));
    m_concurrencyLabel->setMinimumWidth(
            fm.horizontalAdvance(tr("%1 running \u00b7 %2 waiting").arg(8888).arg(8888)));
    bar->addPermanentWidget(m_progressLabel);
    bar->addPermanentWidget(m_progressBar);
    bar->addPermanentWidget(m_elapsedLabel);
    bar->addPermanentWidget(m_concurrencyLabel);

    m_timer->setInterval(100);
    connect(m_timer, &QTimer::timeout, this, &RunStatusBar::refresh);
}

RunStatusBar::~RunStatusBar() = default;

void RunStatusBar::sessionStarting()
{
    refresh();
}

void RunStatusBar::sessionStarted()
{
    m_timer->start();
    refresh();
}

void RunStatusBar::sessionFinished()
{
    m_timer->stop();
    refresh();
}

void RunStatusBar::showLoaded()
{
    m_timer->stop();
    refresh();
}

void RunStatusBar::showReplay(const QList<std::shared_ptr<const RunProgress>> &runs, qint64 nowNs)
{
    m_replay = runs;
    m_replayNs = nowNs;
    refresh();
}

RunStatusBar::Progress RunStatusBar::progress() const
{
    Q_ASSERT(thread() == QThread::currentThread());
    Progress p;
    const bool replay = !m_replay.isEmpty();
    const auto runs = replay ? m_replay : m_session->runProgress();
    if (runs.isEmpty())
        return p;
    for (const auto &run : runs) {
        p.finished += run->finished();
        p.ok += run->ok();
        p.failed += run->failed();
        p.cancelled += run->cancelled();
    }
    const RunProgress &last = *runs.constLast();
    // A stopped comparison never runs its second half: its tasks are not "to do" any more.
    const bool stopped = !m_session->isRunning() && m_session->wasCancelled();
    p.total = last.record()->taskCount()
              * (stopped || replay ? runs.size() : m_session->plannedRuns());
    p.running = last.running();
    p.waiting = last.waiting();
    if (replay) {
        p.elapsedSeconds = std::max(0.0, last.record()->toScenarioSeconds(m_replayNs));
        return p;
    }
    // While running, the engine's clock; afterwards the last event, not the moment the engine
    // had joined its threads.
    const qint64 ns = last.isFinal() || !m_session->isRunning() ? last.lastNs()
                                                                : m_session->engine()->elapsedNs();
    p.elapsedSeconds = std::max(0.0, last.record()->toScenarioSeconds(ns));
    return p;
}

void RunStatusBar::refresh()
{
    const Progress p = progress();
    const bool hasRuns = !m_session->records().isEmpty();
    QString text = tr("%1 / %2 done")
                           .arg(UiHelpers::count(p.ok),
                                UiHelpers::count(hasRuns ? p.total : m_idleTaskCount()));
    if (p.failed > 0)
        text += QStringLiteral(" \u00b7 ") + tr("%1 failed").arg(UiHelpers::count(p.failed));
    if (p.cancelled > 0)
        text += QStringLiteral(" \u00b7 ") + tr("%1 cancelled").arg(UiHelpers::count(p.cancelled));
    m_progressLabel->setText(text);
    m_elapsedLabel->setText(tr("t = %1").arg(UiHelpers::seconds(p.elapsedSeconds)));
    m_concurrencyLabel->setText(tr("%1 running \u00b7 %2 waiting").arg(p.running).arg(p.waiting));
    // QProgressBar counts in int; a million-task comparison still fits. Its setValue() repaints
    // at once, and a synchronous repaint paints every dirty widget of the window with it (the
    // timeline of a 100,000-task run: tens of ms inside a progress batch). With updates off for
    // the change, the bar is repainted with the rest on the next turn.
    const qsizetype maximum = std::max<qsizetype>(p.total, 1);
    const int value = int(std::min(p.finished, maximum));
    // Only a change is painted: setUpdatesEnabled(true) asks for a repaint by itself.
    if (m_progressBar->maximum() != int(maximum) || m_progressBar->value() != value) {
        m_progressBar->setUpdatesEnabled(false);
        m_progressBar->setRange(0, int(maximum));
        m_progressBar->setValue(value);
        m_progressBar->setUpdatesEnabled(true);
    }
}
