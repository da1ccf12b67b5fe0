// The actions of tst_monkey on files and recorded runs: exports, Open Run of good, damaged and
// garbage files, the what-if bar and the replay bar (monkeyactions.cpp has the rest).
#include "mainwindowparts.h"
#include "monkeyactions.h"
#include "monkeychecks.h"
#include "monkeyguard.h"
#include "presets.h"
#include "runengine.h"
#include "runrecord.h"
#include "taskmodel.h"
#include "testfiles.h"
#include "translations.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHelpEvent>
#include <QItemSelectionModel>
#include <QSlider>
#include <QTabBar>
#include <QWheelEvent>

#include <algorithm>
#include <limits>

using namespace MainWindowParts;

namespace {

QString describe(bool ok, const QString &error)
{
    return ok ? QStringLiteral("ok") : QStringLiteral("refused: ") + error.left(120);
}

} // namespace

void MonkeyActions::exportFile()
{
    using MonkeyChecks::Export;
    const int which = m_input.below(4);
    const int where = m_input.below(10);
    static const Export kinds[] = {Export::Csv, Export::Png, Export::Svg, Export::Trace};
    static const char *const suffixes[] = {"csv", "png", "svg", "json"};
    static const char *const actions[] = {"exportAction", "exportImageAction", "exportImageAction",
                                          "exportTraceAction"};
    const Export kind = kinds[which];
    // Mostly a plain name; sometimes a name in unicode, or a folder that does not exist.
    QString name =
            QStringLiteral("export-%1.%2").arg(++m_files).arg(QLatin1String(suffixes[which]));
    if (where == 0)
        name = QStringLiteral("missing/") + name;
    else if (where == 1)
        name = QStringLiteral("\u30bf\u30b9\u30af \U0001F9F5 ") + name;
    const QString path = QDir(m_folder).filePath(QStringLiteral("exports/") + name);
    QAction *action = MainWindowParts::action(*m_window, actions[which]);
    record(name + (action->isEnabled() ? QString() : QStringLiteral(" (disabled)")));
    if (!action->isEnabled())
        return;
    const auto records = session(*m_window)->records();
    const bool finished = !m_window->isRunning();
    FileActions *files = fileActions(*m_window);
    QString error;
    bool written = false;
    switch (kind) {
    case Export::Csv:
        written = files->exportCsv(path, &error);
        break;
    case Export::Png:
    case Export::Svg:
        written = files->exportImage(path, &error);
        break;
    case Export::Trace:
        written = files->exportTrace(path, &error);
        break;
    }
    note(describe(written, error));
    const QString problem = MonkeyChecks::exportProblem(kind, path, written, records, finished);
    if (!problem.isEmpty())
        fail(problem);
    else if (written && finished && (kind == Export::Csv || kind == Export::Trace))
        m_goodFiles << path;
    if (where != 0 && !written)
        fail(QStringLiteral("export to a writable folder failed: ") + error);
}

void MonkeyActions::openFile()
{
    const bool bad = m_goodFiles.isEmpty() || m_input.chance(0.4);
    const QString good = m_goodFiles.isEmpty() ? QString() : m_input.pick(m_goodFiles);
    const int how = m_input.below(10);
    QString path = good;
    if (bad) {
        static const char *const suffixes[] = {"csv", "json", "json.gz", "txt"};
        path = QDir(m_folder).filePath(
                QStringLiteral("bad-%1.%2").arg(++m_files).arg(QLatin1String(suffixes[how % 4])));
        writeFile(path,
                  m_input.damaged(good.isEmpty() ? QByteArray("run,task\n1,2\n") : readFile(good)));
    }
    record(QStringLiteral("%1 %2 %3")
                   .arg(how < 7 ? QStringLiteral("Open Run")
                                : QStringLiteral("Open (dialog on error)"),
                        bad ? QStringLiteral("damaged") : QStringLiteral("good"),
                        QFileInfo(path).fileName()));
    const bool busy = m_window->isRunning();
    if (how < 7) {
        QString error;
        const bool opened = fileActions(*m_window)->openRun(path, &error);
        note(describe(opened, error));
        if (!bad && !busy && !opened)
            fail(QStringLiteral("a good export did not open again: ") + error);
    } else {
        note(fileActions(*m_window)->openFileInteractively(path) ? QStringLiteral("opened")
                                                                 : QStringLiteral("refused"));
    }
}

void MonkeyActions::whatIf()
{
    auto *bar = m_window->findChild<QWidget *>(QStringLiteral("whatIfBar"));
    const int what = m_input.below(5);
    const QString text = m_input.spinText(1000);
    if (!bar || !bar->isVisible()) {
        record(QStringLiteral("bar hidden"));
        return;
    }
    switch (what) {
    case 0:
    case 1: {
        auto *spin = part<QSpinBox>(*m_window, "whatIfSpin");
        record(QStringLiteral("limit ") + text);
        typeInto(spin, spin->findChild<QLineEdit *>(), text);
        break;
    }
    case 2:
        record(QStringLiteral("Predict"));
        click(part<QWidget>(*m_window, "whatIfButton"));
        break;
    case 3:
        record(QStringLiteral("Clear"));
        click(part<QWidget>(*m_window, "clearWhatIfButton"));
        break;
    default:
        record(QStringLiteral("Replay as Scenario"));
        click(part<QWidget>(*m_window, "replayButton"));
        break;
    }
}

void MonkeyActions::replay()
{
    auto *bar = m_window->findChild<QWidget *>(QStringLiteral("replayBar"));
    const int what = m_input.below(8);
    const int value = m_input.below(10001);
    static const double seconds[] = {-1.0, 0.0, 0.5,
                                     3.0,  1e9, std::numeric_limits<double>::quiet_NaN()};
    const double at = seconds[value % 6];
    if (!bar || !bar->isVisible()) {
        record(QStringLiteral("bar hidden"));
        return;
    }
    switch (what) {
    case 0:
        record(QStringLiteral("play/pause"));
        click(part<QWidget>(*m_window, "replayPlayButton"));
        break;
    case 1:
        record(QStringLiteral("to start"));
        click(part<QWidget>(*m_window, "replayStartButton"));
        break;
    case 2:
        record(QStringLiteral("to end"));
        click(part<QWidget>(*m_window, "replayEndButton"));
        break;
    case 3: {
        auto *slider = part<QSlider>(*m_window, "replaySlider");
        record(QStringLiteral("slider %1").arg(value));
        slider->setFocus();
        slider->setValue(value * (slider->maximum() - slider->minimum()) / 10000
                         + slider->minimum());
        break;
    }
    case 4: {
        auto *combo = part<QComboBox>(*m_window, "replaySpeedCombo");
        record(QStringLiteral("speed item %1").arg(value % combo->count()));
        combo->setCurrentIndex(value % combo->count());
        break;
    }
    case 5:
        record(QStringLiteral("Space on the timeline"));
        timelineView(*m_window)->setFocus();
        QTest::keyClick(timelineView(*m_window), Qt::Key_Space);
        break;
    default:
        record(QStringLiteral("seek %1 s").arg(at));
        m_window->seekReplay(at);
        break;
    }
}
