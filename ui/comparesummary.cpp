#include "comparesummary.h"

#include "runprogress.h"
#include "runrecord.h"
#include "runreport.h"
#include "timelinemath.h"
#include "uihelpers.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <utility>

namespace {

enum class Better { Lower, Higher, Neither };

QString percent(double value)
{
    return QString::number(value, 'f', std::abs(value) < 10 ? 1 : 0);
}

} // namespace

CompareSummary::CompareSummary(QWidget *parent)
    : QWidget(parent)
    , m_headline(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("compareSummary"));
    m_headline->setObjectName(QStringLiteral("summaryHeadline"));
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_headline->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_headline->setFont(big);
    m_detail->setObjectName(QStringLiteral("summaryDetail"));
    m_detail->setWordWrap(true);
    m_detail->setForegroundRole(QPalette::PlaceholderText);

    m_table->setObjectName(QStringLiteral("summaryTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Read-only, but Tab reaches it so the keyboard and a screen reader can walk its cells.
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setFocusPolicy(Qt::TabFocus);
    m_table->setTabKeyNavigation(false);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 7);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    // As tall as its rows when there is room (its maximum height, set with the rows), scrolled
    // when there is not.
    m_table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    // The table as tall as its rows (no scroll bar of its own), and all of it in a scroll area:
    // in a short panel (a 1024x700 window) the panel scrolls, rather than squeezing the headline
    // to its first line.
    m_table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("summaryContent"));
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addWidget(m_headline);
    layout->addWidget(m_detail);
    layout->addWidget(m_table, 1);
    layout->addStretch(0);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("summaryScroll"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Not a Tab stop of its own: Tab reaches the table, and the area scrolls to it.
    scroll->setFocusPolicy(Qt::NoFocus);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    rebuild();
}

CompareSummary::~CompareSummary() = default;

void CompareSummary::clear()
{
    setRuns({});
}

void CompareSummary::setRuns(const QList<std::shared_ptr<const RunProgress>> &runs)
{
    m_runs.clear();
    m_stats.clear();
    m_complete.clear();
    m_predicted.clear();
    m_serial.clear();
    m_gates.clear();
    m_hasRetries = false;
    for (const auto &run : runs) {
        m_hasRetries = m_hasRetries || run->record()->totalRetries() > 0
                       || run->record()->totalRejected() > 0;
        m_runs.append(run->record());
        m_complete.append(run->isFinal());
        m_predicted.append(run->prediction().makespan);
        double serial = 0.0;
        for (qsizetype t = 0; t < run->record()->taskCount(); ++t)
            serial += run->record()->task(t).duration;
        m_serial.append(serial);
        m_stats.append(run->stats());
        if (m_gates.isEmpty())
            m_gates = run->record()->options().gates;
    }
    rebuild();
    // The table's geometry now, not from its zero timer in a later turn: at the start of a run
    // that turn comes while the run's threads hold both cores, and the scroll bars it repaints
    // waited 10-35 ms there for Qt's fill threads (bench_render, live_ui_max_stall_ms_100k).
    m_table->horizontalHeader()->doItemsLayout();
    m_table->verticalHeader()->doItemsLayout();
    m_table->doItemsLayout();
}

bool CompareSummary::hasDifference() const
{
    return m_stats.size() == 2 && m_complete.at(0) && m_complete.at(1);
}

QString CompareSummary::headline() const
{
    return m_headline->text();
}

QString CompareSummary::cellText(Row row, int column) const
{
    const QTableWidgetItem *item = m_table->item(int(row), column + 1);
    return item ? item->text() : QString();
}

void CompareSummary::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuild(); // the better/worse colours depend on the palette
}

QString CompareSummary::makeHeadline() const
{
    if (m_runs.isEmpty())
        return tr(
                "Run the tasks, or compare unlimited against limited, to see what each achieved.");
    for (qsizetype r = 0; r < m_runs.size(); ++r) {
        if (!m_complete.at(r))
            return tr("Running %1\u2026").arg(m_runs.at(r)->options().displayName());
    }
    const bool cancelled = std::any_of(m_stats.cbegin(), m_stats.cend(),
                                       [](const RunStats &s) { return s.cancelled > 0; });
    QString text;
    if (m_stats.size() == 2) {
        const RunStats &a = m_stats.at(0);
        const RunStats &b = m_stats.at(1);
        const QString nameB = m_runs.at(1)->options().displayName();
        const QString nameA = m_runs.at(0)->options().displayName();
        if (b.makespan >= a.makespan) {
            text = tr("%1 took %2 instead of %3 (%4\u00d7 as long) but never ran more than %5 "
                      "at once; %6 peaked at %7.")
                           .arg(nameB, TimelineMath::formatDuration(b.makespan),
                                TimelineMath::formatDuration(a.makespan),
                                QString::number(a.makespan > 0 ? b.makespan / a.makespan : 0.0, 'f',
                                                2))
                           .arg(b.peakConcurrency)
                           .arg(nameA)
                           .arg(a.peakConcurrency);
        } else {
            text = tr("%1 took %2, %3 less than %4, running at most %5 at once (%4: %6).")
                           .arg(nameB, TimelineMath::formatDuration(b.makespan),
                                TimelineMath::formatDuration(a.makespan - b.makespan), nameA)
                           .arg(b.peakConcurrency)
                           .arg(a.peakConcurrency);
        }
    } else {
        const RunStats &s = m_stats.constFirst();
        text = tr("%1: %2 for %3 of work, a speedup of %4\u00d7, at most %5 running at once.")
                       .arg(m_runs.constFirst()->options().displayName(),
                            TimelineMath::formatDuration(s.makespan),
                            TimelineMath::formatDuration(s.serial),
                            QString::number(s.speedup, 'f', 2))
                       .arg(s.peakConcurrency);
    }
    if (cancelled)
        text = tr("Cancelled. %1").arg(text);
    return text;
}

void CompareSummary::rebuild()
{
    m_headline->setText(makeHeadline());

    QStringList stopped;
    for (qsizetype r = 0; r < m_stats.size(); ++r) {
        if (m_complete.at(r) && !m_stats.at(r).completed)
            stopped << tr("%1 was stopped: %2")
                               .arg(m_runs.at(r)->options().displayName(),
                                    RunReport::whatRan(m_stats.at(r)));
    }
    QStringList detail;
    QStringList causes;
    for (qsizetype r = 0; r < m_stats.size(); ++r) {
        const RunStats &s = m_stats.at(r);
        if (!m_complete.at(r) || !s.completed || s.predictedMakespan <= 0)
            continue;
        const double off = (s.makespan - s.predictedMakespan) / s.predictedMakespan * 100.0;
        QString item = tr("%1 %2 %").arg(m_runs.at(r)->options().displayName(),
                                         (off >= 0 ? QStringLiteral("+") : QString(QChar(0x2212)))
                                                 + percent(std::abs(off)));
        detail << item;
        // Why, as the CLI says it: overhead for sleeps, other load or CPU speed for CPU work.
        causes << RunReport::deviationCause(*m_runs.at(r), s);
    }
    // One cause shared by every run is said once, at the end.
    const bool oneCause = causes.size() > 1 && causes.count(causes.constFirst()) == causes.size();
    for (qsizetype k = 0; k < detail.size() && !oneCause; ++k) {
        if (!causes.at(k).isEmpty())
            detail[k] += QLatin1Char(' ') + causes.at(k);
    }
    if (!detail.isEmpty()) {
        QString text = detail.join(QStringLiteral(", "));
        if (oneCause && !causes.constFirst().isEmpty())
            text += QLatin1Char(' ') + causes.constFirst();
        stopped << tr("Measured against the ideal schedule: %1.").arg(text);
    }
    m_detail->setText(stopped.join(QLatin1Char('\n')));
    m_detail->setVisible(!stopped.isEmpty());

    const bool diff = hasDifference();
    const int runs = int(m_runs.size());
    const int rows = RowCount + int(m_gates.size()) + (m_hasRetries ? 2 : 0);
    m_table->clear();
    m_table->setRowCount(runs == 0 ? 0 : rows);
    m_table->setColumnCount(runs == 0 ? 0 : 1 + runs + (diff ? 1 : 0));
    m_table->setVisible(runs > 0);
    if (runs == 0)
        return;

    QStringList columns{QString()};
    for (const auto &run : m_runs)
        columns << run->options().displayName();
    if (diff) {
        // Two lines, so a narrow window does not cut the header (right-aligned) at its start.
        columns << tr("Difference\n(%1 \u2212 %2)")
                           .arg(m_runs.at(1)->options().displayName(),
                                m_runs.at(0)->options().displayName());
    }
    m_table->setHorizontalHeaderLabels(columns);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    // The difference column as wide as its header and its "+13.50 s (+329 %)" cells: the runs'
    // short figures give way first in a narrow window.
    if (diff)
        m_table->horizontalHeader()->setSectionResizeMode(1 + runs, QHeaderView::ResizeToContents);
    // A recording was measured elsewhere and a what-if is a prediction: "measured" would mislead.
    const bool allRan = std::all_of(m_runs.cbegin(), m_runs.cend(), [](const auto &run) {
        return run->options().origin == RunOrigin::Ran;
    });
    QStringList names = {allRan ? tr("Makespan (measured)") : tr("Makespan"),
                         tr("Makespan (predicted)"),
                         tr("Serial time (sum of durations)"),
                         tr("Speedup"),
                         tr("Peak concurrency"),
                         tr("Mean wait"),
                         tr("Max wait"),
                         tr("Mean completion"),
                         tr("Tasks ok"),
                         tr("Pool")};
    QStringList tips = {
            tr("From the first submission to the last finish"),
            tr("The ideal FIFO schedule with no overhead"),
            tr("How long the tasks take one after another"),
            tr("Serial time divided by the measured makespan"),
            tr("The most tasks running at the same moment"),
            tr("Average time a task waited between submission and start"),
            tr("Longest time a task waited between submission and start"),
            tr("Average time from submission to finish, over the tasks that ran to their end: the "
               "latency a limit trades against the makespan"),
            tr("Tasks that finished without failing or being cancelled"),
            tr("The pool threads the tasks ran on, and where a task takes its permit"),
    };
    for (const Gate &gate : std::as_const(m_gates)) {
        names << tr("Gate %1").arg(gate.name);
        tips << tr("The most tasks of gate %1 running at once, against its limit").arg(gate.name);
    }
    if (m_hasRetries) {
        names << tr("Retries") << tr("Rejected (429)");
        tips << tr("Requests made again after a failed attempt, over every task")
             << tr("Answers 429 Too Many Requests: the server refused the request");
    }
    Q_ASSERT(names.size() == rows && tips.size() == rows);
    for (int row = 0; row < rows; ++row) {
        auto *item = new QTableWidgetItem(names.at(row));
        item->setToolTip(tips.at(row));
        item->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        m_table->setItem(row, 0, item);
    }
    // One run: a compact table, values next to their names instead of across the whole width.
    int namesWidth = 0;
    for (const QString &name : names)
        namesWidth = std::max(namesWidth, m_table->fontMetrics().horizontalAdvance(name));
    m_table->setMaximumWidth(runs == 1 ? namesWidth + 240 : QWIDGETSIZE_MAX);
    // As tall as its rows, so the table never shows an empty area or a needless scroll bar.
    m_table->setMaximumHeight(m_table->horizontalHeader()->sizeHint().height()
                              + rows * m_table->verticalHeader()->defaultSectionSize()
                              + 2 * m_table->frameWidth() + 2);

    auto setCell = [this](int row, int column, const QString &text, const QColor &color = {},
                          bool bold = false) -> QTableWidgetItem * {
        auto *item = new QTableWidgetItem(text);
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (color.isValid())
            item->setForeground(color);
        if (bold) {
            QFont font = m_table->font();
            font.setBold(true);
            item->setFont(font);
        }
        m_table->setItem(row, column + 1, item);
        return item;
    };
    const QColor placeholder = palette().color(QPalette::PlaceholderText);

    for (int r = 0; r < runs; ++r) {
        if (!m_complete.at(r)) {
            for (int row = 0; row < rows; ++row)
                setCell(row, r, row == 0 ? tr("running\u2026") : QString(), placeholder);
            // Known before the run: its prediction and its serial time.
            setCell(PredictedRow, r, TimelineMath::formatDurationExact(m_predicted.at(r)));
            setCell(SerialRow, r, TimelineMath::formatDurationExact(m_serial.at(r)));
            continue;
        }
        const RunStats &s = m_stats.at(r);
        const RunOptions &o = m_runs.at(r)->options();
        setCell(MakespanRow, r, TimelineMath::formatDurationExact(s.makespan), {}, true);
        setCell(PredictedRow, r, TimelineMath::formatDurationExact(s.predictedMakespan));
        setCell(SerialRow, r, TimelineMath::formatDurationExact(s.serial));
        setCell(SpeedupRow, r, tr("%1\u00d7").arg(QString::number(s.speedup, 'f', 2)), {}, true);
        setCell(PeakRow, r, QString::number(s.peakConcurrency), {}, true);
        setCell(MeanWaitRow, r, TimelineMath::formatDurationExact(s.meanWait));
        setCell(MaxWaitRow, r, TimelineMath::formatDurationExact(s.maxWait));
        setCell(MeanCompletionRow, r, TimelineMath::formatDurationExact(s.meanCompletion), {}, true)
                ->setToolTip(tr("Over the %1 tasks that ran to their end")
                                     .arg(UiHelpers::count(s.completions)));
        QTableWidgetItem *tasks =
                setCell(TasksRow, r, tr("%1 / %2").arg(s.ok).arg(s.tasks),
                        s.ok < s.tasks ? UiHelpers::badColor(palette()) : QColor());
        if (!s.completed)
            tasks->setToolTip(RunReport::whatRan(s));
        const qsizetype taskCount = m_runs.at(r)->taskCount();
        const QString admission = o.admission == Admission::InTask ? tr("in-task") : tr("FIFO");
        const int threads = o.effectiveThreads(taskCount);
        QString pool = threads == 1 ? tr("1 thread, %1").arg(admission)
                                    : tr("%1 threads, %2").arg(threads).arg(admission);
        if (o.origin == RunOrigin::Recorded)
            pool = threads == 1 ? tr("1 thread in the recording")
                                : tr("%1 threads in the recording").arg(threads);
        else if (o.origin == RunOrigin::WhatIf)
            pool = tr("none: the limit alone");
        else if (o.poolLimits(taskCount))
            pool = tr("%1 (a limit too)").arg(pool);
        setCell(PoolRow, r, pool)->setToolTip(o.poolText(taskCount));
        for (int g = 0; g < m_gates.size(); ++g) {
            const int own = o.gateIndex(m_gates.at(g).name);
            if (own < 0 || own >= s.gatePeaks.size()) {
                setCell(gateRow(g), r, tr("no gate"), placeholder);
                continue;
            }
            const int peak = s.gatePeaks.at(own);
            const int limit = o.gates.at(own).limit;
            setCell(gateRow(g), r, tr("peak %1 of %2").arg(peak).arg(limit),
                    peak > limit ? UiHelpers::badColor(palette()) : QColor());
        }
        if (m_hasRetries) {
            const RunRecord &record = *m_runs.at(r);
            setCell(retriesRow(), r, UiHelpers::count(record.totalRetries()));
            setCell(rejectedRow(), r, UiHelpers::count(record.totalRejected()),
                    record.totalRejected() > 0 ? UiHelpers::badColor(palette()) : QColor());
        }
    }
    if (!diff)
        return;

    const RunStats &a = m_stats.at(0);
    const RunStats &b = m_stats.at(1);
    const QPalette pal = palette();
    auto colourFor = [&](double delta, Better better) {
        if (better == Better::Neither || std::abs(delta) < 1e-9)
            return QColor();
        const bool good = (better == Better::Lower) == (delta < 0);
        return good ? UiHelpers::goodColor(pal) : UiHelpers::badColor(pal);
    };
    auto secondsDiff = [&](int row, double x, double y, Better better, bool withPercent) {
        QString text = TimelineMath::formatSignedDuration(y - x, true);
        if (withPercent && x > 0 && std::abs(y - x) >= 0.005)
            text += QStringLiteral("  (%1%2 %)")
                            .arg(y >= x ? QStringLiteral("+") : QString(QChar(0x2212)),
                                 percent(std::abs(y - x) / x * 100.0));
        // Differences below the displayed precision are "same", not a colour.
        const double shown = std::abs(y - x) < 0.005 ? 0.0 : y - x;
        if (shown == 0.0)
            setCell(row, 2, tr("same"), pal.color(QPalette::PlaceholderText));
        else
            setCell(row, 2, text, colourFor(shown, better), true);
    };
    secondsDiff(MakespanRow, a.makespan, b.makespan, Better::Lower, true);
    secondsDiff(PredictedRow, a.predictedMakespan, b.predictedMakespan, Better::Lower, true);
    secondsDiff(SerialRow, a.serial, b.serial, Better::Neither, false);
    const double speedupDelta = b.speedup - a.speedup;
    if (std::abs(speedupDelta) < 0.005) {
        setCell(SpeedupRow, 2, tr("same"), pal.color(QPalette::PlaceholderText));
    } else {
        setCell(SpeedupRow, 2,
                (speedupDelta > 0 ? QStringLiteral("+") : QString(QChar(0x2212)))
                        + tr("%1\u00d7").arg(QString::number(std::abs(speedupDelta), 'f', 2)),
                colourFor(speedupDelta, Better::Higher), true);
    }
    const int peakDelta = b.peakConcurrency - a.peakConcurrency;
    if (peakDelta == 0) {
        setCell(PeakRow, 2, tr("same"), placeholder);
    } else {
        setCell(PeakRow, 2,
                (peakDelta > 0 ? QStringLiteral("+") : QString(QChar(0x2212)))
                        + QString::number(std::abs(peakDelta)),
                colourFor(peakDelta, Better::Lower), true);
    }
    secondsDiff(MeanWaitRow, a.meanWait, b.meanWait, Better::Lower, false);
    secondsDiff(MaxWaitRow, a.maxWait, b.maxWait, Better::Lower, false);
    secondsDiff(MeanCompletionRow, a.meanCompletion, b.meanCompletion, Better::Lower, true);
    const qsizetype okDelta = b.ok - a.ok;
    if (cellText(PoolRow, 0) == cellText(PoolRow, 1))
        setCell(PoolRow, 2, tr("same"), placeholder);
    if (okDelta == 0) {
        setCell(TasksRow, 2, tr("same"), placeholder);
    } else {
        setCell(TasksRow, 2,
                (okDelta > 0 ? QStringLiteral("+") : QString(QChar(0x2212)))
                        + QString::number(std::abs(okDelta)),
                colourFor(double(okDelta), Better::Higher), true);
    }
    if (m_hasRetries) {
        const auto countDiff = [&](Row row, qsizetype x, qsizetype y) {
            if (x == y) {
                setCell(row, 2, tr("same"), placeholder);
                return;
            }
            setCell(row, 2,
                    (y > x ? QStringLiteral("+") : QString(QChar(0x2212)))
                            + UiHelpers::count(std::abs(y - x)),
                    colourFor(double(y - x), Better::Lower), true);
        };
        countDiff(retriesRow(), m_runs.at(0)->totalRetries(), m_runs.at(1)->totalRetries());
        countDiff(rejectedRow(), m_runs.at(0)->totalRejected(), m_runs.at(1)->totalRejected());
    }
}
