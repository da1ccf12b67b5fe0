#include "guioptions.h"
#include "lessoncard.h"
#include "lessons.h"
#include "mainwindow.h"
#include "mainwindowparts.h"
#include "presets.h"
#include "runrecord.h"
#include "runsession.h"
#include "timelineview.h"

#include <QAction>
#include <QLabel>
#include <QMenuBar>
#include <QScrollArea>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <algorithm>
#include <memory>

using namespace MainWindowParts;
using namespace Qt::StringLiterals;

namespace {

constexpr int runTimeoutMs = 30000;

LessonCard *card(const QObject &w)
{
    return part<LessonCard>(w, "lessonCard");
}

QAction *presetAction(const MainWindow &window, const QString &name)
{
    const auto menus = window.menuBar()->findChildren<QMenu *>();
    for (QMenu *menu : menus) {
        for (QAction *action : menu->actions()) {
            if (action->text() == name)
                return action;
        }
    }
    return nullptr;
}

// The outcome lines of the card, in order, as assistive technologies read them.
QStringList outcomeNames(const LessonCard &c)
{
    QStringList names;
    for (int k = 0;; ++k) {
        const auto *label = c.findChild<QLabel *>(u"lessonOutcome%1"_s.arg(k));
        if (!label)
            return names;
        names << label->accessibleName();
    }
}

bool allStartWith(const QStringList &names, const QString &prefix)
{
    return !names.isEmpty() && std::all_of(names.cbegin(), names.cend(), [&](const QString &n) {
        return n.startsWith(prefix);
    });
}

// Parses `tasklanes --preset limit-two` into `options`: true when it asks for a window.
bool parseLimitTwo(GuiOptions *options)
{
    QString message;
    return GuiCommandLine::parse({u"tasklanes"_s, u"--preset"_s, u"limit-two"_s}, options, &message)
           == GuiCommandLine::Outcome::Run;
}

} // namespace

// A preset in the window: its lesson card, its title, its predicted schedule before Run, the
// card's marks after a run, and all of it gone once the tasks are the user's own.
class tst_LessonCard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void presetShowsItsLessonAndPrediction();
    void everyPresetKeepsItsLesson();
    void runMarksTheOutcomes();
    void presetClearsThePreviousRuns();
    void editingTheTasksRemovesTheLesson();
    void foldingIsRemembered();
    void smallWindowStartsFolded();
    void cardLiesInsideTheWindow();
    void commandLinePreset();

private:
    std::unique_ptr<MainWindow> makeWindow(QSize size = QSize(1400, 900));
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_LessonCard::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<MainWindow> tst_LessonCard::makeWindow(QSize size)
{
    GuiOptions options;
    options.windowSize = size;
    return showWindow(*m_dir, options);
}

void tst_LessonCard::presetShowsItsLessonAndPrediction()
{
    const auto window = makeWindow();
    QVERIFY(card(*window)->isHidden()); // no preset yet: the tasks are the user's own
    QAction *preset = presetAction(*window, u"limit-two"_s);
    QVERIFY(preset);
    preset->trigger();

    QCOMPARE(window->windowTitle(), u"limit-two \u2014 TaskLanes"_s);
    QVERIFY(card(*window)->isVisible());
    QVERIFY(!card(*window)->isCollapsed());
    QCOMPARE(part<QLabel>(*window, "lessonTitle")->text(), Lessons::find(u"limit-two"_s)->title);
    QVERIFY(card(*window)->width() >= 240);
    QVERIFY2(timelineView(*window)->width() > card(*window)->width() * 2,
             "the card leaves the timeline most of the room");
    QVERIFY(allStartWith(outcomeNames(*card(*window)), u"not run yet: "_s));

    // Both runs' predicted schedules as ghosts, unlimited first, and nothing has run.
    const TimelineRenderOptions shown = timelineView(*window)->renderOptions();
    QCOMPARE(shown.runs.size(), 2);
    QCOMPARE(shown.predictions.size(), 2);
    QVERIFY(!shown.runs.at(0)->options().isLimited());
    QCOMPARE(shown.runs.at(1)->options().limit, 2);
    QCOMPARE(shown.predictions.at(0).makespan, 8.0);
    QCOMPARE(shown.predictions.at(1).makespan, 12.0);
    for (const auto &run : shown.runs) {
        QCOMPARE(run->taskCount(), 5);
        QCOMPARE(run->finishedCount(), 0);
        QVERIFY(!run->sample(0).hasStarted());
    }
    QVERIFY(session(*window)->records().isEmpty());
}

// The editor and the controls hold each preset as it is: its runs are the lesson's runs.
void tst_LessonCard::everyPresetKeepsItsLesson()
{
    const auto window = makeWindow();
    for (const Preset &p : Presets::all()) {
        presetAction(*window, p.name)->trigger();
        QVERIFY2(card(*window)->isVisible(), qPrintable(p.name));
        QCOMPARE(card(*window)->lesson()->preset, p.name);
        const Scenario s = window->scenario(false);
        QVERIFY2(Lessons::sameTasks(s.tasks, p.scenario.tasks), qPrintable(p.name));
        QCOMPARE(s.options.limit, p.scenario.options.limit);
        QCOMPARE(s.options.gates, p.scenario.options.gates);
        QCOMPARE(s.options.threads, p.scenario.options.threads);
        QVERIFY(s.options.server == p.scenario.options.server);
    }
}

void tst_LessonCard::runMarksTheOutcomes()
{
    const auto window = makeWindow();
    presetAction(*window, u"limit-two"_s)->trigger();
    window->setTimeScale(0.05);
    QStringList names;
    // Once more if a loaded machine stretched a run past a claim's tolerance.
    for (int attempt = 0; attempt < 2 && !allStartWith(names, u"reproduced: "_s); ++attempt) {
        QVERIFY(window->startRun(true));
        QTRY_VERIFY_WITH_TIMEOUT(!window->isRunning(), runTimeoutMs);
        names = outcomeNames(*card(*window));
    }
    QVERIFY2(allStartWith(names, u"reproduced: "_s), qPrintable(names.join(u"; "_s)));
    const auto *first = part<QLabel>(*window, "lessonOutcome0");
    QVERIFY2(first->text().contains(u"\u2713"_s), qPrintable(first->text()));
    QVERIFY(first->accessibleDescription().startsWith(u"measured "_s));

    // A single run of the limit: the comparison's claim waits for Compare.
    QVERIFY(window->startRun(false));
    QTRY_VERIFY_WITH_TIMEOUT(!window->isRunning(), runTimeoutMs);
    const QStringList single = outcomeNames(*card(*window));
    QCOMPARE(single.size(), names.size());
    QVERIFY2(single.filter(u"not run yet: "_s).size() == 1, qPrintable(single.join(u"; "_s)));
}

void tst_LessonCard::presetClearsThePreviousRuns()
{
    const auto window = makeWindow();
    window->setTimeScale(0.01);
    QVERIFY(window->startRun(false));
    QTRY_VERIFY_WITH_TIMEOUT(!window->isRunning(), runTimeoutMs);
    QCOMPARE(session(*window)->records().size(), 1);

    presetAction(*window, u"delayed-print"_s)->trigger();
    QVERIFY(session(*window)->records().isEmpty());
    QVERIFY(logView(*window)->toPlainText().trimmed().isEmpty());
    const TimelineRenderOptions shown = timelineView(*window)->renderOptions();
    QCOMPARE(shown.runs.size(), 1); // no limit: one run to predict
    QCOMPARE(shown.runs.at(0)->taskCount(), 3);
    QCOMPARE(shown.runs.at(0)->finishedCount(), 0);
    QCOMPARE(shown.predictions.at(0).makespan, 3.0);
}

void tst_LessonCard::editingTheTasksRemovesTheLesson()
{
    const auto window = makeWindow();
    presetAction(*window, u"five-parallel"_s)->trigger();
    QVERIFY(card(*window)->isVisible());
    // Another limit keeps it: only other tasks make it another batch.
    limitCheck(*window)->setChecked(true);
    QVERIFY(card(*window)->isVisible());

    QLineEdit *edit = durationsEdit(*window);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, u"5,1,8"_s);
    QTRY_VERIFY(card(*window)->isHidden());
    QCOMPARE(window->windowTitle(), u"TaskLanes"_s);
}

void tst_LessonCard::foldingIsRemembered()
{
    {
        const auto window = makeWindow();
        presetAction(*window, u"one-task"_s)->trigger();
        const int open = card(*window)->width();
        QTest::mouseClick(part<QToolButton>(*window, "lessonToggle"), Qt::LeftButton);
        QVERIFY(card(*window)->isCollapsed());
        QTRY_VERIFY(card(*window)->width() < open / 4);
        QVERIFY(part<QToolButton>(*window, "lessonToggle")->accessibleName().contains(u"Show"_s));
        window->close();
    }
    const auto again = makeWindow();
    presetAction(*again, u"one-task"_s)->trigger();
    QVERIFY(card(*again)->isCollapsed());
    QTest::mouseClick(part<QToolButton>(*again, "lessonToggle"), Qt::LeftButton);
    QVERIFY(!card(*again)->isCollapsed());
    QTRY_VERIFY(card(*again)->width() >= 240);
}

void tst_LessonCard::smallWindowStartsFolded()
{
    const auto window = makeWindow(QSize(1024, 700));
    presetAction(*window, u"gather-results"_s)->trigger();
    QVERIFY(card(*window)->isVisible());
    QVERIFY(card(*window)->isCollapsed());
    QVERIFY(card(*window)->width() < 60);
}

// Open at full HD from the command line, as a screenshot starts: the card and its text are inside
// the window, beside the timeline.
void tst_LessonCard::cardLiesInsideTheWindow()
{
    GuiOptions options;
    QVERIFY(parseLimitTwo(&options));
    options.settingsFile = m_dir->filePath(u"settings.ini"_s);
    options.windowSize = QSize(1920, 1080);
    MainWindow window(options);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    LessonCard *c = card(window);
    QVERIFY(!c->isCollapsed());
    const QRect inWindow(c->mapTo(&window, QPoint(0, 0)), c->size());
    QVERIFY2(window.rect().contains(inWindow), qPrintable(u"%1,%2 %3x%4"_s.arg(inWindow.x())
                                                                  .arg(inWindow.y())
                                                                  .arg(inWindow.width())
                                                                  .arg(inWindow.height())));
    QCOMPARE(c->width(), LessonCard::openWidth);
    // Nothing of the card's text is cut off at its right edge.
    const auto *scroll = part<QScrollArea>(window, "lessonScroll");
    QVERIFY(scroll->widget()->width() <= scroll->viewport()->width());
    QVERIFY(timelineView(window)->width() > 800);
}

void tst_LessonCard::commandLinePreset()
{
    GuiOptions options;
    QVERIFY(parseLimitTwo(&options));
    QCOMPARE(options.presetName, u"limit-two"_s);
    QCOMPARE(options.limit, 2);
    QVERIFY2(options.compare, "a preset with a limit is compared");

    options = {};
    QString message;
    QCOMPARE(GuiCommandLine::parse({u"tasklanes"_s, u"--preset"_s, u"no-such"_s}, &options,
                                   &message),
             GuiCommandLine::Outcome::ExitUsage);
    QVERIFY2(message.startsWith(u"--preset: unknown preset \"no-such\""_s), qPrintable(message));
    QVERIFY(!message.contains(QLatin1Char('\n')));

    options = {};
    QCOMPARE(GuiCommandLine::parse({u"tasklanes"_s, u"--preset"_s, u"delayed-print"_s,
                                    u"--time-scale"_s, u"0.01"_s},
                                   &options, &message),
             GuiCommandLine::Outcome::Run);
    QVERIFY(!options.compare);
    options.settingsFile = m_dir->filePath(u"settings.ini"_s);
    options.windowSize = QSize(1400, 900);
    options.autorun = true;
    MainWindow window(options);
    window.show();
    QCOMPARE(window.windowTitle(), u"delayed-print \u2014 TaskLanes"_s);
    QCOMPARE(window.timeScale(), 0.01);
    QTRY_VERIFY_WITH_TIMEOUT(session(window)->records().size() == 1 && !window.isRunning(),
                             runTimeoutMs);
    QTRY_VERIFY(outcomeNames(*card(window)).filter(u"reproduced: "_s).size() >= 1);
}

QTEST_MAIN(tst_LessonCard)
#include "tst_lessoncard.moc"
