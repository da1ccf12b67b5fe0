// The main window and recorded runs: MainWindow's members that show an opened run file (CSV or
// Chrome trace), predict the shown run under another limit ("What if: limit N") beside it, and
// turn it into a scenario of sleeps to replay.
#include "comparesummary.h"
#include "logpanel.h"
#include "mainwindow.h"
#include "runrecord.h"
#include "runreplay.h"
#include "runsession.h"
#include "taskeditor.h"
#include "timelineview.h"
#include "uihelpers.h"
#include "whatif.h"
#include "whatifbar.h"

#include <QAction>
#include <QFileInfo>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <utility>

namespace {

// A replay should take about this long at most, whatever the recorded run took.
constexpr double replaySeconds = 10.0;

// The time scale that plays `makespan` scenario seconds in replaySeconds at most: 1 for a short
// run, else rounded down to two significant digits so the time scale control reads plainly.
double replayTimeScale(double makespan)
{
    if (!(makespan > replaySeconds))
        return 1.0;
    const double exact = replaySeconds / makespan;
    // exact = digits / scale with two digits before the point (1e-9: 0.25 stays 25 / 100).
    const double scale = std::pow(10.0, 1 - std::floor(std::log10(exact)));
    return std::max(ScenarioLimits::minTimeScale, std::floor(exact * scale + 1e-9) / scale);
}

// The last moment anything happened in the run, in scenario seconds.
double makespanOf(const RunRecord &record)
{
    qint64 last = 0;
    for (qsizetype i = 0; i < record.taskCount(); ++i) {
        const TaskSample s = record.sample(i);
        last = std::max({last, s.startedNs, s.finishedNs});
    }
    return record.toScenarioSeconds(last);
}

bool isWhatIf(const RunRecord &record)
{
    return record.options().origin == RunOrigin::WhatIf;
}

} // namespace

void MainWindow::createWhatIf()
{
    m_replayAction = new QAction(tr("Repla&y as Scenario"), this);
    m_replayAction->setObjectName(QStringLiteral("replayAction"));
    m_replayAction->setToolTip(tr("Load the shown run's tasks into the editor as sleeps of their "
                                  "recorded durations, to run them again under a limit"));
    m_replayAction->setStatusTip(m_replayAction->toolTip());
    connect(m_replayAction, &QAction::triggered, this, &MainWindow::replayAsScenario);

    // A row above the bottom tabs (whose summary it fills), there only while a finished run is
    // shown. Not in the tab bar's corner: that squeezed the tabs into a scrolled strip.
    auto *pane = new QWidget; // replaceWidget() refuses a widget already in the splitter
    pane->setSizePolicy(m_tabs->sizePolicy()); // the splitter's stretch factor is in it
    m_rightSplitter->replaceWidget(m_rightSplitter->indexOf(m_tabs), pane);
    auto *column = new QVBoxLayout(pane);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    m_whatIf = new WhatIfBar(m_replayAction, pane);
    column->addWidget(m_whatIf);
    column->addWidget(m_tabs, 1);
    m_tabs->show(); // replaceWidget() hid it
    connect(m_whatIf, &WhatIfBar::predictRequested, this, &MainWindow::showWhatIf);
    connect(m_whatIf, &WhatIfBar::clearRequested, this, &MainWindow::clearWhatIf);
    // --what-if N after a run: the prediction is in the picture --screenshot takes next.
    connect(this, &MainWindow::sessionFinished, this, [this] {
        if (m_options.whatIfLimit > 0 && !m_session->wasCancelled())
            showWhatIf(std::exchange(m_options.whatIfLimit, 0));
    });
}

void MainWindow::showOpenedRuns(const QString &path, RunFile::Kind kind, const QString &warning)
{
    showLoadedRuns(path);
    const QString name = QFileInfo(path).fileName();
    if (kind == RunFile::Kind::Trace)
        setWindowTitle(tr("%1 (Chrome trace) \u2014 TaskLanes").arg(name));
    else if (kind == RunFile::Kind::Csv)
        setWindowTitle(tr("%1 (TaskLanes CSV) \u2014 TaskLanes").arg(name));
    if (!warning.isEmpty()) {
        const QString text = tr("Opened %1, but %2").arg(name, warning);
        m_log->appendNote(QStringLiteral("=== ") + text + QStringLiteral(" ==="));
        statusBar()->showMessage(text, 30000);
    }
    if (m_options.whatIfLimit > 0)
        showWhatIf(std::exchange(m_options.whatIfLimit, 0));
}

std::shared_ptr<const RunRecord> MainWindow::whatIfBase() const
{
    if (isRunning())
        return {};
    const auto records = m_session->records();
    if (records.isEmpty() || !records.constFirst()->isComplete())
        return {};
    // A sweep's runs on the timeline are not the session's; a replay's are its instants of them.
    const auto shown = m_replay ? m_replay->originals() : m_timeline->renderOptions().runs;
    if (shown.isEmpty() || shown.constFirst() != records.constFirst())
        return {};
    return records.constFirst();
}

bool MainWindow::isWhatIfShown() const
{
    const auto records = m_session->records();
    return records.size() == 2 && isWhatIf(*records.at(1));
}

void MainWindow::updateWhatIf()
{
    const auto base = whatIfBase();
    m_replayAction->setEnabled(bool(base));
    m_whatIf->setVisible(bool(base));
    if (!base)
        return;
    m_whatIf->setTaskCount(base->taskCount());
    m_whatIf->setWhatIfShown(isWhatIfShown());
}

bool MainWindow::showWhatIf(int limit)
{
    Q_ASSERT(thread() == QThread::currentThread());
    const auto base = whatIfBase();
    if (!base || limit < 1)
        return false;
    const auto records = m_session->records();
    if (isWhatIfShown() && records.at(1)->options().limit == limit)
        return true;
    const QString title = windowTitle();
    if (!m_session->showLoaded({base, WhatIf::predict(*base, limit)}))
        return false;
    showLoadedRuns(QString());
    setWindowTitle(title);
    m_whatIf->setLimit(limit);
    m_whatIf->setWhatIfShown(true);
    statusBar()->showMessage(tr("Limit %1 would take %2 instead of %3.")
                                     .arg(limit)
                                     .arg(m_summary->cellText(CompareSummary::MakespanRow, 1),
                                          m_summary->cellText(CompareSummary::MakespanRow, 0)),
                             30000);
    return true;
}

void MainWindow::clearWhatIf()
{
    const auto base = whatIfBase();
    if (!base || !isWhatIfShown())
        return;
    const QString title = windowTitle();
    if (!m_session->showLoaded({base}))
        return;
    showLoadedRuns(QString());
    setWindowTitle(title);
    statusBar()->showMessage(tr("Showing the recorded run alone."), 15000);
}

void MainWindow::replayAsScenario()
{
    const auto base = whatIfBase();
    if (!base)
        return;
    Scenario scenario = WhatIf::scenarioOf(*base);
    if (scenario.name.isEmpty())
        scenario.name = tr("replay");
    scenario.options.timeScale = replayTimeScale(makespanOf(*base));
    // Run then runs what the prediction shows; Compare runs it against unlimited.
    scenario.options.limit = m_whatIf->limit();
    loadScenario(scenario);
    // Short: the status bar's figures take the rest of its width.
    statusBar()->showMessage(tr("Loaded %n recorded task(s) as sleeps at %1: press Run (limit %2) "
                                "or Compare.",
                                "", int(scenario.tasks.size()))
                                     .arg(UiHelpers::timeScaleText(scenario.options.timeScale))
                                     .arg(scenario.options.limit),
                             30000);
}
