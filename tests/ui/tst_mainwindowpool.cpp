#include "comparesummary.h"
#include "guioptions.h"
#include "mainwindow.h"
#include "mainwindowparts.h"
#include "runprogress.h"
#include "runrecord.h"
#include "runsession.h"
#include "testscenarios.h"
#include "timelinemath.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QToolBar>
#include <QToolButton>

#include <memory>

using namespace MainWindowParts;

using namespace Qt::StringLiterals;

namespace {

// Generous: the suite may share two cores with a compiler.
constexpr int runTimeoutMs = 30000;

} // namespace

// The pool, admission and gates in the main window: the toolbar's controls reach the engine, a
// scenario's values show in them, the summary states the pool, mean completion and each gate's
// peak, and the status bar counts failed and cancelled tasks apart from those done.
class tst_MainWindowPool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void controlsReachTheEngine();
    void scenarioShowsInTheControls();
    void scenarioFileArgumentKeepsPoolAndGates();
    void poolChoiceIsRemembered();
    void toolBarsFitANarrowWindow();
    void gatedComparisonSummary();
    void cpuVersusWaitPreset();
    void stopCountsCancelledApart();

private:
    std::unique_ptr<MainWindow> makeWindow(GuiOptions options = {});
    bool runToEnd(MainWindow &window, bool compare);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_MainWindowPool::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<MainWindow> tst_MainWindowPool::makeWindow(GuiOptions options)
{
    return showWindow(*m_dir, std::move(options));
}

bool tst_MainWindowPool::runToEnd(MainWindow &window, bool compare)
{
    QSignalSpy finished(&window, &MainWindow::sessionFinished);
    clickToolButton(window, compare ? compareAction(window) : runAction(window));
    if (!window.isRunning() && finished.isEmpty())
        return false;
    return finished.size() == 1 || finished.wait(runTimeoutMs);
}

void tst_MainWindowPool::controlsReachTheEngine()
{
    const auto window = makeWindow();
    window->setTimeScale(0.01);
    QSpinBox *threads = threadsSpin(*window);
    QComboBox *admission = admissionCombo(*window);
    QCOMPARE(threads->value(), 0);
    QCOMPARE(threads->text(), u"auto"_s);
    QCOMPARE(admission->currentText(), u"FIFO"_s);
    QVERIFY(!threads->accessibleName().isEmpty());
    QVERIFY(!admission->accessibleName().isEmpty());
    QVERIFY(admission->toolTip().contains(u"no thread is held"_s));

    threads->setFocus();
    threads->selectAll();
    QTest::keyClicks(threads, u"3"_s);
    QCOMPARE(threads->value(), 3);
    admission->setCurrentIndex(admission->findText(u"in-task"_s));
    QVERIFY(admission->toolTip().contains(u"holds a pool thread"_s));

    for (bool compare : {false, true}) {
        const Scenario scenario = window->scenario(compare);
        QCOMPARE(scenario.options.threads, 3);
        QCOMPARE(scenario.options.admission, Admission::InTask);
    }

    // The default five sleeps, limit 2, on a pool of 3: the engine got both choices.
    QVERIFY(runToEnd(*window, false));
    const RunRecord &record = *session(*window)->records().constFirst();
    QCOMPARE(record.options().threads, 3);
    QCOMPARE(record.options().admission, Admission::InTask);
    CompareSummary *summary = compareSummary(*window);
    QCOMPARE(summary->cellText(CompareSummary::PoolRow, 0), u"3 threads, in-task (a limit too)"_s);
    QCOMPARE(summary->cellText(CompareSummary::PeakRow, 0), u"2"_s);
    QCOMPARE(summary->gateCount(), 0);
    QCOMPARE(summaryTable(*window)->rowCount(), int(CompareSummary::RowCount));
    QCOMPARE(progressText(*window), u"5 / 5 done"_s);
}

void tst_MainWindowPool::scenarioShowsInTheControls()
{
    const auto window = makeWindow();
    QVERIFY(gatesLabel(*window)->isHidden());

    Scenario gated = makeScenario({1, 1, 1}, 0, 0.5, 7);
    gated.options.admission = Admission::InTask;
    gated.options.gates = {Gate{u"io"_s, 1}, Gate{u"cpu"_s, 2}};
    gated.tasks[0].setGate(u"io"_s);
    gated.tasks[1].setGate(u"cpu"_s);
    window->loadScenario(gated);
    QCOMPARE(threadsSpin(*window)->value(), 7);
    QCOMPARE(threadsSpin(*window)->text(), u"7"_s);
    QCOMPARE(admissionCombo(*window)->currentText(), u"in-task"_s);
    QVERIFY(!gatesLabel(*window)->isHidden());
    QCOMPARE(gatesLabel(*window)->text(), u"Gates: io 1, cpu 2"_s);

    // What Run and Save would use keeps the gates and the tasks' gate names.
    const Scenario back = window->scenario(false);
    QCOMPARE(back.options.threads, 7);
    QCOMPARE(back.options.admission, Admission::InTask);
    QCOMPARE(back.options.gates, gated.options.gates);
    QCOMPARE(back.options.limit, 0);
    QCOMPARE(back.tasks.at(0).gate(), u"io"_s);
    QCOMPARE(back.tasks.at(1).gate(), u"cpu"_s);
    // Compare with gates and the limit off compares against the gates alone, as the CLI does.
    QCOMPARE(window->scenario(true).options.limit, 0);

    // Another scenario replaces all of it.
    window->loadScenario(makeScenario({2, 3}, 2, 0.5));
    QCOMPARE(threadsSpin(*window)->text(), u"auto"_s);
    QCOMPARE(admissionCombo(*window)->currentText(), u"FIFO"_s);
    QVERIFY(gatesLabel(*window)->isHidden());
    QVERIFY(window->scenario(false).options.gates.isEmpty());
    // Without gates Compare compares against N, limited or not.
    limitCheck(*window)->setChecked(false);
    QCOMPARE(window->scenario(true).options.limit, 2);
}

void tst_MainWindowPool::scenarioFileArgumentKeepsPoolAndGates()
{
    const QString path = m_dir->filePath(u"pooled.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"version": 1, "name": "pooled", "threads": 4, "admission": "in-task",
                 "gates": {"io": 1}, "time_scale": 0.01,
                 "tasks": [{"kind": "sleep", "duration": 1, "gate": "io"},
                           {"kind": "sleep", "duration": 1, "gate": "io"},
                           {"kind": "sleep", "duration": 1}]})");
    file.close();

    GuiOptions options;
    QString message;
    // --compare needs a limit or a gate, as in the CLI.
    QCOMPARE(GuiCommandLine::parse({u"tasklanes"_s, u"--compare"_s, path}, &options, &message),
             GuiCommandLine::Outcome::Run);
    const auto window = makeWindow(options);
    QCOMPARE(threadsSpin(*window)->value(), 4);
    QCOMPARE(admissionCombo(*window)->currentText(), u"in-task"_s);
    QCOMPARE(gatesLabel(*window)->text(), u"Gates: io 1"_s);
    QVERIFY(!limitCheck(*window)->isChecked());

    QVERIFY(runToEnd(*window, false));
    const RunRecord &record = *session(*window)->records().constFirst();
    QCOMPARE(record.options().gates, (QList<Gate>{Gate{u"io"_s, 1}}));
    QCOMPARE(record.options().threads, 4);
    // One io task at a time: its gate's peak is exactly its limit.
    QCOMPARE(compareSummary(*window)->cellText(CompareSummary::gateRow(0), 0), u"peak 1 of 1"_s);
}

void tst_MainWindowPool::poolChoiceIsRemembered()
{
    {
        const auto window = makeWindow();
        threadsSpin(*window)->setValue(12);
        admissionCombo(*window)->setCurrentIndex(admissionCombo(*window)->findText(u"in-task"_s));
        window->close();
    }
    const auto window = makeWindow();
    QCOMPARE(threadsSpin(*window)->value(), 12);
    QCOMPARE(window->scenario(false).options.admission, Admission::InTask);
}

void tst_MainWindowPool::toolBarsFitANarrowWindow()
{
    const auto window = makeWindow();
    auto *runBar = window->findChild<QToolBar *>(u"runToolBar"_s);
    auto *poolBar = window->findChild<QToolBar *>(u"poolToolBar"_s);
    QVERIFY(runBar && poolBar);
    QCOMPARE(threadsSpin(*window)->parentWidget()->parentWidget(), poolBar);
    // Wide: one row. Narrow: the pool's toolbar on a row of its own, and no control of either
    // toolbar pushed into an overflow menu or past the window's edge.
    for (const QSize size : {QSize(1920, 1080), QSize(1024, 700)}) {
        window->resize(size);
        QTRY_COMPARE(window->size(), size);
        const bool oneRow = size.width() > 1500;
        // The toolbars are laid out again on the next turn of the event loop.
        QTRY_COMPARE(poolBar->geometry().top() == runBar->geometry().top(), oneRow);
        for (QToolBar *bar : {runBar, poolBar}) {
            for (QAction *a : bar->actions()) {
                QWidget *w = bar->widgetForAction(a);
                QVERIFY2(w && w->isVisible(), qPrintable(a->iconText()));
                QVERIFY2(w->geometry().right() <= bar->contentsRect().right(),
                         qPrintable(a->iconText()));
            }
            QVERIFY(bar->geometry().right() < window->width());
        }
    }
}

void tst_MainWindowPool::gatedComparisonSummary()
{
    const auto window = makeWindow();
    // Three 1 s sleeps behind an "io" gate of 1 and one ungated: unlimited, then gated.
    Scenario scenario = makeScenario({1, 1, 1, 1}, 0, 0.01);
    scenario.options.gates = {Gate{u"io"_s, 1}};
    for (int i = 0; i < 3; ++i)
        scenario.tasks[i].setGate(u"io"_s);
    window->loadScenario(scenario);
    QVERIFY(!limitCheck(*window)->isChecked());
    QVERIFY(runToEnd(*window, true));

    const auto runs = session(*window)->runProgress();
    QCOMPARE(runs.size(), 2);
    QVERIFY(runs.at(0)->record()->options().gates.isEmpty());
    QCOMPARE(runs.at(1)->record()->options().gates, scenario.options.gates);
    QCOMPARE(runs.at(1)->record()->options().limit, 0);

    CompareSummary *summary = compareSummary(*window);
    QVERIFY(summary->hasDifference());
    QCOMPARE(summaryTable(*window)->horizontalHeaderItem(2)->text(), u"gated"_s);
    QCOMPARE(summary->gateCount(), 1);
    QCOMPARE(summaryTable(*window)->rowCount(), CompareSummary::RowCount + 1);
    QCOMPARE(summaryTable(*window)->item(CompareSummary::gateRow(0), 0)->text(), u"Gate io"_s);
    QCOMPARE(summary->cellText(CompareSummary::gateRow(0), 0), u"no gate"_s);
    QCOMPARE(summary->cellText(CompareSummary::gateRow(0), 1), u"peak 1 of 1"_s);
    QCOMPARE(summary->cellText(CompareSummary::PoolRow, 0), u"4 threads, FIFO"_s);
    QCOMPARE(summary->cellText(CompareSummary::PoolRow, 1), u"4 threads, FIFO"_s);
    QCOMPARE(summary->cellText(CompareSummary::PoolRow, 2), u"same"_s);

    // Mean completion is the runs' own figure. A sleep never ends early, so every task completes
    // at least its duration after its submission, and the gated io tasks one after another.
    for (int r = 0; r < 2; ++r) {
        const RunStats &stats = runs.at(r)->stats();
        QCOMPARE(summary->cellText(CompareSummary::MeanCompletionRow, r),
                 TimelineMath::formatDurationExact(stats.meanCompletion));
        QCOMPARE(stats.completions, 4);
        QVERIFY2(stats.meanCompletion >= stats.meanWait, qPrintable(QString::number(r)));
    }
    QVERIFY(runs.at(0)->stats().meanCompletion >= 1.0 - 1e-6);
    QVERIFY(runs.at(1)->stats().meanCompletion >= (1.0 + 2.0 + 3.0 + 1.0) / 4 - 1e-6);
    QVERIFY(!summary->cellText(CompareSummary::MeanCompletionRow, 2).isEmpty());
    QCOMPARE(summaryDetail(*window).contains(u"stopped"_s), false);
}

void tst_MainWindowPool::cpuVersusWaitPreset()
{
    const auto window = makeWindow();
    QAction *preset = nullptr;
    const auto menus = window->menuBar()->findChildren<QMenu *>();
    for (QMenu *menu : menus) {
        for (QAction *action : menu->actions()) {
            if (action->text() == u"cpu-vs-wait")
                preset = action;
        }
    }
    QVERIFY(preset);
    preset->trigger();
    const int cores = std::max(1, QThread::idealThreadCount());
    QCOMPARE(gatesLabel(*window)->text(), u"Gates: cpu %1"_s.arg(cores));
    QVERIFY(!limitCheck(*window)->isChecked());
    window->setTimeScale(0.01);
    QVERIFY(runToEnd(*window, true));

    const auto records = session(*window)->records();
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(1)->options().gates, (QList<Gate>{Gate{u"cpu"_s, cores}}));
    CompareSummary *summary = compareSummary(*window);
    QCOMPARE(summary->cellText(CompareSummary::gateRow(0), 0), u"no gate"_s);
    // How many CPU tasks ran at once depends on the machine; never more than the gate's limit.
    const QString gated = summary->cellText(CompareSummary::gateRow(0), 1);
    const QRegularExpressionMatch match =
            QRegularExpression(u"^peak (\\d+) of (\\d+)$"_s).match(gated);
    QVERIFY2(match.hasMatch(), qPrintable(gated));
    QCOMPARE(match.captured(2).toInt(), cores);
    QVERIFY2(match.captured(1).toInt() >= 1 && match.captured(1).toInt() <= cores,
             qPrintable(gated));
    QVERIFY(summary->cellText(CompareSummary::MeanCompletionRow, 1).endsWith(u" s"_s));
    QCOMPARE(progressText(*window), u"%1 / %1 done"_s.arg(2 * 4 * cores));
}

void tst_MainWindowPool::stopCountsCancelledApart()
{
    const auto window = makeWindow();
    // Unlimited: a request that fails at once, a 0 s sleep, and two 60 s sleeps that only a
    // stop ends.
    Scenario scenario = makeScenario({0, 60, 60}, 0, 1.0);
    scenario.tasks.prepend(httpTask(u"local:/status/500"_s));
    window->loadScenario(scenario);
    QVERIFY(window->startRun(false));
    QTRY_COMPARE_WITH_TIMEOUT(progressText(*window), u"1 / 4 done \u00b7 1 failed"_s, runTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(concurrencyText(*window).startsWith(u"2 running"_s), runTimeoutMs);
    stopAction(*window)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!window->isRunning(), runTimeoutMs);

    QCOMPARE(progressText(*window), u"1 / 4 done \u00b7 1 failed \u00b7 2 cancelled"_s);
    QCOMPARE(compareSummary(*window)->cellText(CompareSummary::TasksRow, 0), u"1 / 4"_s);
    const QString detail = summaryDetail(*window);
    QVERIFY2(detail.contains(u"unlimited was stopped: 2 of 4 ran; 2 cancelled (2 of them while "
                             "running). The statistics cover what ran."_s),
             qPrintable(detail));
}

QTEST_MAIN(tst_MainWindowPool)
#include "tst_mainwindowpool.moc"
