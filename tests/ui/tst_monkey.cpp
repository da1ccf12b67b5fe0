#include "mainwindow.h"
#include "mainwindowparts.h"
#include "monkeyactions.h"
#include "monkeychecks.h"
#include "monkeyguard.h"
#include "runengine.h"
#include "runprogress.h"
#include "sweep.h"
#include "timelinerenderoptions.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace MainWindowParts;

// Issue 16: a random but reproducible user on the real main window. For TASKLANES_MONKEY_SECONDS
// (default 20) it types valid and hostile text into every field and cell, toggles every control,
// runs, stops, compares, sweeps, zooms, exports, opens good and damaged files, drives the what-if
// and replay bars, resizes, closes and reopens the window. After every action it checks that no
// run is left going after Stop, that every run shown keeps its invariants (counts add up, never
// more running than the limit or the pool allow, the statistics' rules), and that every export is
// complete or absent; a watchdog aborts when the event loop stalls. TASKLANES_MONKEY_SEED replays
// a failure; the last actions are printed with it.
class tst_Monkey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void monkey();
};

namespace {

// Allowed stall of the event loop (CPU time of the GUI thread between two turns, and wall time
// for a thread blocked on something), and the time a run has to end after Stop.
constexpr int stallMs = 5000;
constexpr int hangMs = 60000;
constexpr int stopMs = 10000;

int environmentNumber(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok ? value : fallback;
}

quint32 monkeySeed()
{
    bool ok = false;
    const quint32 seed = qEnvironmentVariable("TASKLANES_MONKEY_SEED").toUInt(&ok);
    return ok ? seed : QRandomGenerator::global()->generate();
}

// Every run the window shows: the session's, the sweep's, and the timeline's (a replay's
// instant, a what-if prediction).
QList<std::shared_ptr<const RunProgress>> shownRuns(MainWindow &window)
{
    QList<std::shared_ptr<const RunProgress>> runs = session(window)->runProgress();
    if (RunSession *sweeping = sweepController(window)->runner()->session())
        runs += sweeping->runProgress();
    for (const auto &run : timelineView(window)->renderOptions().progress) {
        if (run && !runs.contains(run))
            runs << run;
    }
    return runs;
}

QString invariantProblem(MainWindow &window)
{
    for (const auto &run : shownRuns(window)) {
        if (!run)
            continue;
        const QString problem = MonkeyChecks::runProblem(*run);
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}

bool anythingRunning(MainWindow &window)
{
    RunSession *sweeping = sweepController(window)->runner()->session();
    return window.isRunning() || session(window)->isRunning()
           || session(window)->engine()->isRunning() || (sweeping && sweeping->isRunning());
}

// After Stop nothing may still run once the window has had stopMs to wind down.
QString stopProblem(MainWindow &window)
{
    QElapsedTimer waited;
    waited.start();
    while (anythingRunning(window) && waited.elapsed() < stopMs)
        QTest::qWait(10);
    if (anythingRunning(window))
        return QStringLiteral("still running %1 ms after Stop").arg(waited.elapsed());
    return {};
}

QString summary(const MonkeyActions &monkey, qint64 actions, quint32 seed, double seconds)
{
    QStringList kinds;
    for (auto it = monkey.counts().cbegin(); it != monkey.counts().cend(); ++it)
        kinds << it.key() + QLatin1Char(' ') + QString::number(it.value());
    return QStringLiteral("monkey: %1 actions (by kind: %2), seed %3, %4 s")
            .arg(actions)
            .arg(kinds.join(QStringLiteral(", ")))
            .arg(seed)
            .arg(seconds, 0, 'f', 1);
}

} // namespace

void tst_Monkey::initTestCase()
{
    // Quit closes the window; the monkey opens another instead of ending the application.
    QApplication::setQuitOnLastWindowClosed(false);
}

void tst_Monkey::monkey()
{
    const quint32 seed = monkeySeed();
    const int seconds = environmentNumber("TASKLANES_MONKEY_SECONDS", 20);
    std::printf("monkey seed: %u (replay with TASKLANES_MONKEY_SEED=%u)\n", seed, seed);
    std::fflush(stdout);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ActionRing ring(seed);
    Watchdog watchdog(stallMs, hangMs, ring);
    DialogCloser closer;
    MonkeyActions monkey(seed, ring, dir.path());
    const auto printRing = [&ring] { std::fputs(qPrintable(ring.text()), stderr); };

    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < qint64(seconds) * 1000) {
        monkey.step();
        QTest::qWait(1);
        QString problem = monkey.takeProblem();
        MainWindow &window = monkey.window();
        if (problem.isEmpty() && monkey.stopped())
            problem = stopProblem(window);
        if (problem.isEmpty())
            problem = invariantProblem(window);
        if (!problem.isEmpty()) {
            printRing();
            QFAIL(qPrintable(problem));
        }
    }

    // The end is one more Stop, and the window closes with nothing left running.
    ring.record(QStringLiteral("end"), QStringLiteral("Stop, then close"));
    MainWindow &window = monkey.window();
    window.stop();
    const QString problem = stopProblem(window);
    if (!problem.isEmpty()) {
        printRing();
        QFAIL(qPrintable(problem));
    }
    monkey.closeWindow();

    const double elapsed = double(clock.elapsed()) / 1000.0;
    std::printf("%s\n", qPrintable(summary(monkey, ring.count(), seed, elapsed)));
    std::printf("monkey: %d windows, %d dialogs closed, longest event loop gap %lld ms, slowest "
                "action %s\n",
                monkey.windowsCreated(), closer.closed(),
                static_cast<long long>(watchdog.longestGapMs()), qPrintable(monkey.slowest()));
    std::fflush(stdout);
}

QTEST_MAIN(tst_Monkey)
#include "tst_monkey.moc"
