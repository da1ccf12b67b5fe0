// GUI soak (issue 16): `--comparisons N` (or TASKLANES_SOAK_COMPARISONS; default 300) comparisons
// of 200 tasks, back to back in one main window, driven as a user drives it: paste the durations,
// set the limit, click Compare, wait for both runs. At 1 s = 10 ms a comparison takes a few hundred
// ms. Fails when a comparison goes wrong, or when memory, threads or open files grow
// (soakmonitor.h says how). Prints "SOAK <name> <value> <unit>" lines.

#include "mainwindowparts.h"
#include "runrecord.h"
#include "soakmonitor.h"
#include "taskmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QSignalSpy>

#include <cstdio>

using namespace MainWindowParts;

namespace {

constexpr int taskCount = 200;
constexpr int comparisonTimeoutMs = 120000;

// 200 sleeps of 0.05 to 0.525 s; three sets in turn, so that the task table, the timeline's lanes
// and the prediction are rebuilt for every comparison.
QString durationsFor(int comparison)
{
    QStringList durations;
    for (int k = 0; k < taskCount; ++k)
        durations << QString::number(0.05 + ((k * 7 + comparison % 3) % 20) * 0.025, 'g', 4);
    return durations.join(QLatin1Char(','));
}

// Select all and paste, as a user replaces the list (typing 1,000 characters would make the soak
// about the line edit).
void pasteDurations(MainWindow &window, const QString &text)
{
    QLineEdit *edit = durationsEdit(window);
    QGuiApplication::clipboard()->setText(text);
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_V, Qt::ControlModifier);
}

void clickCompare(MainWindow &window)
{
    const auto bars = window.findChildren<QToolBar *>();
    for (QToolBar *bar : bars) {
        if (auto *button =
                    qobject_cast<QToolButton *>(bar->widgetForAction(compareAction(window)))) {
            QTest::mouseClick(button, Qt::LeftButton);
            return;
        }
    }
    qFatal("no tool button for Compare");
}

// One comparison at limit 4, 8 or 16; what went wrong, or nothing.
QString compareOnce(MainWindow &window, int comparison)
{
    pasteDurations(window, durationsFor(comparison));
    if (taskEditor(window)->model()->rowCount() != taskCount)
        return QStringLiteral("comparison %1: the pasted durations made %2 tasks, not %3")
                .arg(comparison)
                .arg(taskEditor(window)->model()->rowCount())
                .arg(taskCount);
    const int limit = 4 << (comparison % 3);
    limitSpin(window)->setValue(limit);

    QSignalSpy finished(&window, &MainWindow::sessionFinished);
    clickCompare(window);
    if (!window.isRunning())
        return QStringLiteral("comparison %1: Compare did not start").arg(comparison);
    if (!finished.wait(comparisonTimeoutMs))
        return QStringLiteral("comparison %1 did not finish within %2 s")
                .arg(comparison)
                .arg(comparisonTimeoutMs / 1000);
    const auto records = session(window)->records();
    const QString done = QStringLiteral("%1 / %1 done").arg(2 * taskCount);
    if (records.size() != 2 || records.at(1)->options().limit != limit
        || progressText(window) != done)
        return QStringLiteral("comparison %1 at limit %2 ended with %3 runs and \"%4\", not 2 "
                              "runs and \"%5\"")
                .arg(comparison)
                .arg(limit)
                .arg(records.size())
                .arg(progressText(window), done);
    return QString();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QString error;
    const auto comparisons =
            SoakOptions::count(QApplication::arguments(), QStringLiteral("--comparisons"),
                               "TASKLANES_SOAK_COMPARISONS", 300, &error);
    if (!comparisons) {
        std::fprintf(stderr, "soak_gui: %s\n", qPrintable(error));
        return 2;
    }
    const QTemporaryDir dir;
    if (!dir.isValid())
        qFatal("no temporary folder");
    const auto window = showWindow(dir);
    QComboBox *scale = timeScaleCombo(*window);
    scale->setCurrentIndex(scale->findData(0.01));
    if (scale->currentData().toDouble() != 0.01)
        qFatal("no time scale of 1 s = 10 ms");

    SoakMonitor monitor("gui", QStringLiteral("comparison"), *comparisons, stdout);
    QElapsedTimer clock;
    clock.start();
    for (int comparison = 1; comparison <= *comparisons; ++comparison) {
        const QString problem = compareOnce(*window, comparison);
        if (!problem.isEmpty()) {
            monitor.fail(problem);
            break;
        }
        if (!monitor.afterRun(comparison))
            break;
    }
    return monitor.finish(double(clock.nsecsElapsed()) / 1e9);
}
