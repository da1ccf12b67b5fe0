#include "monkeyactions.h"

#include "mainwindowparts.h"
#include "monkeychecks.h"
#include "monkeyguard.h"
#include "presets.h"
#include "runengine.h"
#include "runrecord.h"
#include "sweep.h"
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

const QStringList labels = {QStringLiteral("fetch"), QStringLiteral("resize images"),
                            QStringLiteral("task \u03b1"), QStringLiteral("")};
const QStringList messages = {QStringLiteral("done"), QStringLiteral("hello, world"),
                              QStringLiteral("")};

} // namespace

MonkeyActions::MonkeyActions(quint32 seed, ActionRing &ring, const QString &folder)
    : m_input(seed)
    , m_ring(ring)
    , m_folder(folder)
{
    QDir(folder).mkpath(QStringLiteral("exports"));
}

MonkeyActions::~MonkeyActions()
{
    closeWindow();
}

const QList<MonkeyActions::Kind> &MonkeyActions::kinds()
{
    // Run and wait weigh most, so that runs get to their end between the other actions.
    static const QList<Kind> all = {
            {"durations", 10, &MonkeyActions::typeDurations},
            {"cell", 10, &MonkeyActions::editCell},
            {"rows", 4, &MonkeyActions::editRows},
            {"spin", 5, &MonkeyActions::editSpinBox},
            {"toggle", 7, &MonkeyActions::toggleControl},
            {"run", 12, &MonkeyActions::run},
            {"stop", 5, &MonkeyActions::stop},
            {"wait", 9, &MonkeyActions::waitForRun},
            {"preset", 2, &MonkeyActions::loadPreset},
            {"timeline", 9, &MonkeyActions::playWithTimeline},
            {"sweep", 4, &MonkeyActions::sweep},
            {"export", 5, &MonkeyActions::exportFile},
            {"open", 5, &MonkeyActions::openFile},
            {"whatif", 4, &MonkeyActions::whatIf},
            {"replay", 4, &MonkeyActions::replay},
            {"action", 3, &MonkeyActions::triggerAnyAction},
            {"tabs", 3, &MonkeyActions::browseTabs},
            {"resize", 2, &MonkeyActions::resize},
            {"window", 1, &MonkeyActions::recreateWindow},
    };
    return all;
}

MainWindow &MonkeyActions::window()
{
    if (m_window && !m_window->isVisible()) {
        note(QStringLiteral("the window was closed: a new one"));
        closeWindow();
    }
    if (!m_window) {
        GuiOptions options;
        options.settingsFile = QDir(m_folder).filePath(QStringLiteral("settings.ini"));
        m_window = std::make_unique<MainWindow>(options);
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get()))
            note(QStringLiteral("window not exposed"));
        m_window->activateWindow();
        m_window->setTimeScale(m_input.fastTimeScale());
        ++m_windows;
    }
    return *m_window;
}

void MonkeyActions::closeWindow()
{
    if (!m_window)
        return;
    m_window->close();
    m_window.reset();
}

QString MonkeyActions::step()
{
    m_stopped = false;
    int total = 0;
    for (const Kind &kind : kinds())
        total += kind.weight;
    int draw = m_input.below(total);
    for (const Kind &kind : kinds()) {
        draw -= kind.weight;
        if (draw >= 0)
            continue;
        window(); // before the action is recorded: a new window is not part of it
        m_kind = QLatin1String(kind.name);
        ++m_counts[m_kind];
        QElapsedTimer took;
        took.start();
        (this->*kind.perform)();
        const qint64 ms = took.elapsed();
        if (ms > m_slowestMs) {
            m_slowestMs = ms;
            m_slowest = m_kind + QLatin1Char(' ') + m_detail.left(80);
        }
        if (ms >= 1000)
            note(QStringLiteral("took %1 ms").arg(ms));
        return m_kind;
    }
    return {};
}

void MonkeyActions::record(const QString &detail)
{
    m_detail = detail;
    m_ring.record(m_kind, detail);
}

void MonkeyActions::note(const QString &text)
{
    m_ring.note(text);
}

void MonkeyActions::fail(const QString &problem)
{
    note(QStringLiteral("FAILED: ") + problem);
    if (m_problem.isEmpty())
        m_problem = problem;
}

bool MonkeyActions::isShown(const QWidget *widget) const
{
    return widget && widget->isVisible() && widget->isEnabled();
}

void MonkeyActions::click(QWidget *widget)
{
    if (isShown(widget))
        QTest::mouseClick(widget, Qt::LeftButton);
}

// Typed key by key when short (as a user types, every keystroke an edit), else pasted in one go.
void MonkeyActions::typeInto(QWidget *target, QLineEdit *edit, const QString &text)
{
    target->setFocus();
    edit->selectAll();
    // QTest types ASCII only (it asserts on anything else); the rest is pasted.
    const bool typeable = std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() < 0x7f;
    });
    if (text.size() <= 24 && typeable && m_input.chance(0.5))
        QTest::keyClicks(target, text);
    else
        edit->insert(text);
    switch (m_input.below(4)) {
    case 0:
        QTest::keyClick(target, Qt::Key_Return);
        break;
    case 1:
        QTest::keyClick(target, Qt::Key_Tab);
        break;
    case 2:
        QTest::keyClick(target, Qt::Key_Escape);
        break;
    default:
        break;
    }
}

// Runs should end within a few hundred milliseconds: most actions that start one pick a fast
// scale first, the rest keep whatever the controls say (a preset's 1 s, say).
// As a user clicks it: only when its tool button is shown (a narrow window or a hidden toolbar
// may hide it).
void MonkeyActions::clickToolButton(QAction *action)
{
    const auto bars = m_window->findChildren<QToolBar *>();
    for (QToolBar *bar : bars) {
        QWidget *button = bar->widgetForAction(action);
        if (isShown(button)) {
            QTest::mouseClick(button, Qt::LeftButton);
            return;
        }
    }
    note(QStringLiteral("its button is not shown"));
}

void MonkeyActions::maybeFastScale()
{
    if (m_input.chance(0.8))
        m_window->setTimeScale(m_input.fastTimeScale());
}

void MonkeyActions::typeDurations()
{
    const QString text = m_input.chance(0.7) ? m_input.durationList() : m_input.hostileText();
    record(text);
    typeInto(durationsEdit(*m_window), durationsEdit(*m_window), text);
}

void MonkeyActions::editCell()
{
    QTableView *table = taskTable(*m_window);
    QAbstractItemModel *model = table->model();
    const int rowDraw = m_input.below(100000);
    const int column = m_input.below(TaskModel::ColumnCount);
    const int finish = m_input.below(10);
    QString text;
    switch (column) {
    case TaskModel::LabelColumn:
        text = m_input.fieldText(labels);
        break;
    case TaskModel::KindColumn:
        text = QString::number(m_input.below(5));
        break;
    case TaskModel::DurationColumn:
        text = m_input.duration();
        break;
    default:
        text = m_input.chance(0.5) ? m_input.url() : m_input.fieldText(messages);
        break;
    }
    if (model->rowCount() == 0) {
        record(QStringLiteral("no rows"));
        return;
    }
    const QModelIndex index = model->index(rowDraw % model->rowCount(), column);
    record(QStringLiteral("row %1 column %2: %3").arg(index.row()).arg(column).arg(text));
    table->setFocus();
    table->setCurrentIndex(index);
    table->edit(index);
    const auto editors = table->viewport()->findChildren<QWidget *>();
    QWidget *editor = nullptr;
    for (QWidget *w : editors) {
        if (w->isVisible() && (qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w)))
            editor = w;
    }
    if (!editor) {
        note(QStringLiteral("no editor opened"));
        return;
    }
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setCurrentIndex(text.toInt() % std::max(1, combo->count()));
    } else {
        auto *line = static_cast<QLineEdit *>(editor);
        line->selectAll();
        line->insert(text);
    }
    // Commit with Return or Tab, abandon with Escape, or leave it open for Run to commit.
    if (finish < 6)
        QTest::keyClick(editor, Qt::Key_Return);
    else if (finish < 7)
        QTest::keyClick(editor, Qt::Key_Tab);
    else if (finish < 9)
        QTest::keyClick(editor, Qt::Key_Escape);
}

void MonkeyActions::editRows()
{
    TaskEditor *editor = taskEditor(*m_window);
    QTableView *table = taskTable(*m_window);
    const int which = m_input.below(5);
    const int rowDraw = m_input.below(100000);
    const int rows = table->model()->rowCount();
    if (rows > 0)
        table->setCurrentIndex(table->model()->index(rowDraw % rows, 0));
    QAction *action = nullptr;
    switch (which) {
    case 0:
        action = editor->addAction();
        break;
    case 1:
        action = editor->removeAction();
        break;
    case 2:
        action = editor->moveUpAction();
        break;
    case 3:
        action = editor->moveDownAction();
        break;
    default: // every row selected, then removed
        table->selectAll();
        action = editor->removeAction();
        break;
    }
    record(action->text().remove(QLatin1Char('&'))
           + (action->isEnabled() ? QString() : QStringLiteral(" (disabled)")));
    if (action->isEnabled())
        action->trigger();
}

void MonkeyActions::editSpinBox()
{
    static const char *const names[] = {"limitSpin", "threadsSpin", "whatIfSpin"};
    const char *name = names[m_input.below(3)];
    auto *spin = part<QSpinBox>(*m_window, name);
    const int how = m_input.below(4);
    const QString text = m_input.spinText(spin->maximum());
    const int steps = m_input.below(40) - 20;
    if (!isShown(spin)) {
        record(QLatin1String(name) + QStringLiteral(" hidden"));
        return;
    }
    spin->setFocus();
    switch (how) {
    case 0:
    case 1: {
        record(QLatin1String(name) + QStringLiteral(" typed ") + text);
        auto *line = spin->findChild<QLineEdit *>();
        typeInto(spin, line, text);
        break;
    }
    case 2:
        record(QLatin1String(name) + QStringLiteral(" keys %1").arg(steps));
        for (int i = 0; i < std::abs(steps); ++i)
            QTest::keyClick(spin, steps > 0 ? Qt::Key_PageUp : Qt::Key_Down);
        break;
    default: {
        record(QLatin1String(name) + QStringLiteral(" wheel %1").arg(steps));
        const QPoint at = spin->rect().center();
        QWheelEvent wheel(at, spin->mapToGlobal(at), QPoint(), QPoint(0, 120 * steps), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(spin, &wheel);
        break;
    }
    }
}

void MonkeyActions::toggleControl()
{
    const int which = m_input.below(8);
    const int index = m_input.below(12);
    switch (which) {
    case 0:
        record(QStringLiteral("limit check"));
        click(limitCheck(*m_window));
        break;
    case 1:
        record(QStringLiteral("predict only"));
        click(predictOnlyCheck(*m_window));
        break;
    case 2:
    case 3: {
        QComboBox *combo = which == 2 ? timeScaleCombo(*m_window) : admissionCombo(*m_window);
        record(combo->objectName() + QStringLiteral(" item %1").arg(index % combo->count()));
        if (isShown(combo))
            combo->setCurrentIndex(index % combo->count());
        break;
    }
    case 4: {
        QComboBox *combo = timeScaleCombo(*m_window);
        record(QStringLiteral("time scale keys"));
        combo->setFocus();
        QTest::keyClick(combo, index % 2 ? Qt::Key_Down : Qt::Key_Up);
        break;
    }
    case 5: {
        const char *name = index % 2 ? "taskLanesAction" : "workerLanesAction";
        record(QLatin1String(name));
        action(*m_window, name)->trigger();
        break;
    }
    default: {
        static const char *const themes[] = {"theme-light", "theme-dark", "theme-system"};
        const char *name = themes[index % 3];
        auto *theme = m_window->findChild<QAction *>(QLatin1String(name));
        record(QLatin1String(name) + (theme ? QString() : QStringLiteral(" (none)")));
        if (theme)
            theme->trigger();
        break;
    }
    }
}

void MonkeyActions::run()
{
    const bool compare = m_input.chance(0.35);
    const int how = m_input.below(4);
    maybeFastScale();
    QAction *action = compare ? compareAction(*m_window) : runAction(*m_window);
    record(QStringLiteral("%1 by %2%3 at scale %4")
                   .arg(compare ? QStringLiteral("Compare") : QStringLiteral("Run"))
                   .arg(how == 0   ? QStringLiteral("button")
                        : how == 1 ? QStringLiteral("shortcut")
                                   : QStringLiteral("action"))
                   .arg(action->isEnabled() ? QString() : QStringLiteral(" (disabled)"))
                   .arg(m_window->timeScale()));
    if (how == 0) {
        clickToolButton(action);
    } else if (how == 1) {
        m_window->activateWindow();
        QTest::keySequence(m_window.get(), action->shortcut());
    } else if (action->isEnabled()) {
        action->trigger();
    }
}

void MonkeyActions::stop()
{
    const int how = m_input.below(3);
    record(how == 0 ? QStringLiteral("Escape") : QStringLiteral("Stop"));
    m_stopped = true;
    if (how == 0) {
        pressEscapeInWindow();
    } else if (stopAction(*m_window)->isEnabled()) {
        stopAction(*m_window)->trigger();
    }
}

// Escape as a user presses it: to the window in front. A user's first Escape closes an open
// menu or dialog (a task's details, opened by a double click and not yet closed by the closer),
// and a window is active again before the key that follows a closed dialog; a key sent at once
// would reach neither the menu nor the window's Stop shortcut, which a modal dialog blocks and
// whose window's activation is a queued event. Once the window is in front, Escape must stop
// whatever runs.
void MonkeyActions::pressEscapeInWindow()
{
    // A few rounds: a dialog may have opened another; one that will not close ends them, and
    // the check below then does not apply.
    for (int round = 0; round < 4; ++round) {
        const QString closed = closeFrontmost();
        if (closed.isEmpty())
            break;
        note(QStringLiteral("Escape closes %1 first").arg(closed));
    }
    m_window->activateWindow();
    if (!QTest::qWaitForWindowActive(m_window.get(), 2000))
        note(QStringLiteral("the window did not become active"));
    const bool wasRunning = m_window->isRunning();
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    SweepRunner *sweeping = sweepController(*m_window)->runner();
    const bool stopping = session(*m_window)->wasCancelled() || sweeping->wasCancelled()
                          || !m_window->isRunning();
    if (wasRunning && !stopping && m_window->isActiveWindow() && !QApplication::activePopupWidget()
        && !QApplication::activeModalWidget()) {
        const QWidget *focus = QApplication::focusWidget();
        fail(QStringLiteral("Escape in the active window did not stop the run (focus: %1)")
                     .arg(focus ? QLatin1String(focus->metaObject()->className())
                                : QLatin1String("none")));
    }
}

void MonkeyActions::waitForRun()
{
    const int ms = 200 + m_input.below(1800);
    record(QStringLiteral("up to %1 ms").arg(ms));
    QElapsedTimer waited;
    waited.start();
    while (m_window->isRunning() && waited.elapsed() < ms)
        QTest::qWait(10);
    note(m_window->isRunning() ? QStringLiteral("still running") : QStringLiteral("idle"));
}

void MonkeyActions::loadPreset()
{
    const QList<Preset> all = Presets::all();
    const Preset &preset = m_input.pick(all);
    record(preset.name);
    m_window->loadScenario(preset.scenario);
    maybeFastScale();
}

void MonkeyActions::playWithTimeline()
{
    TimelineView *timeline = timelineView(*m_window);
    const int what = m_input.below(7);
    const QPoint at(m_input.below(std::max(1, timeline->width())),
                    m_input.below(std::max(1, timeline->height())));
    const QPoint to(m_input.below(std::max(1, timeline->width())),
                    m_input.below(std::max(1, timeline->height())));
    static const Qt::KeyboardModifiers mods[] = {Qt::NoModifier, Qt::ControlModifier,
                                                 Qt::ShiftModifier, Qt::AltModifier};
    const Qt::KeyboardModifiers mod = mods[m_input.below(4)];
    static const Qt::Key keys[] = {Qt::Key_Plus,   Qt::Key_Minus, Qt::Key_F,      Qt::Key_0,
                                   Qt::Key_Left,   Qt::Key_Right, Qt::Key_Home,   Qt::Key_End,
                                   Qt::Key_Up,     Qt::Key_Down,  Qt::Key_PageUp, Qt::Key_PageDown,
                                   Qt::Key_Escape, Qt::Key_Space, Qt::Key_Return, Qt::Key_Tab};
    const Qt::Key key = keys[m_input.below(16)];
    const int clicks = 1 + m_input.below(40);
    const int delta = (m_input.chance(0.5) ? 120 : -120) * (m_input.chance(0.1) ? 1000 : 1);
    timeline->setFocus();
    switch (what) {
    case 0: { // a burst of wheel turns: zoom to the extremes
        record(QStringLiteral("wheel %1 x %2 at %3,%4")
                       .arg(delta)
                       .arg(clicks)
                       .arg(at.x())
                       .arg(at.y()));
        for (int i = 0; i < clicks; ++i) {
            QWheelEvent wheel(at, timeline->mapToGlobal(at), QPoint(), QPoint(0, delta),
                              Qt::NoButton, mod, Qt::NoScrollPhase, false);
            QApplication::sendEvent(timeline, &wheel);
        }
        break;
    }
    case 1:
        record(QStringLiteral("key %1 x %2").arg(QKeySequence(key).toString()).arg(clicks));
        for (int i = 0; i < clicks; ++i)
            QTest::keyClick(timeline, key, mod);
        break;
    case 2:
        record(QStringLiteral("drag %1,%2 to %3,%4")
                       .arg(at.x())
                       .arg(at.y())
                       .arg(to.x())
                       .arg(to.y()));
        QTest::mousePress(timeline, Qt::LeftButton, mod, at);
        QTest::mouseMove(timeline, (at + to) / 2);
        QTest::mouseMove(timeline, to);
        QTest::mouseRelease(timeline, Qt::LeftButton, mod, to);
        break;
    case 3:
        record(QStringLiteral("click %1,%2").arg(at.x()).arg(at.y()));
        QTest::mouseClick(timeline, clicks % 2 ? Qt::LeftButton : Qt::RightButton, mod, at);
        break;
    case 4:
        record(QStringLiteral("double click %1,%2").arg(at.x()).arg(at.y()));
        QTest::mouseDClick(timeline, Qt::LeftButton, mod, at);
        break;
    default: {
        record(QStringLiteral("hover and tooltip %1,%2").arg(at.x()).arg(at.y()));
        QTest::mouseMove(timeline, at);
        QHelpEvent help(QEvent::ToolTip, at, timeline->mapToGlobal(at));
        QApplication::sendEvent(timeline, &help);
        break;
    }
    }
}

void MonkeyActions::sweep()
{
    const int what = m_input.below(6);
    const QString limits = m_input.sweepLimits();
    const int key = m_input.below(6);
    const QPoint at(m_input.below(800), m_input.below(400));
    switch (what) {
    case 0:
        record(QStringLiteral("limits ") + limits);
        typeInto(sweepLimitsEdit(*m_window), sweepLimitsEdit(*m_window), limits);
        break;
    case 1:
    case 2: {
        maybeFastScale();
        QAction *action = sweepAction(*m_window);
        record(QStringLiteral("Sweep %1%2")
                       .arg(sweepLimitsEdit(*m_window)->text().left(40),
                            action->isEnabled() ? QString() : QStringLiteral(" (disabled)")));
        if (action->isEnabled())
            action->trigger();
        break;
    }
    case 3:
        record(QStringLiteral("Run chosen limit"));
        click(runChosenLimitButton(*m_window));
        break;
    default: {
        SweepView *view = sweepView(*m_window);
        static const Qt::Key keys[] = {Qt::Key_Left, Qt::Key_Right,  Qt::Key_Home,
                                       Qt::Key_End,  Qt::Key_Return, Qt::Key_Space};
        record(QStringLiteral("sweep chart key %1, click %2,%3")
                       .arg(QKeySequence(keys[key]).toString())
                       .arg(at.x())
                       .arg(at.y()));
        if (!view->isVisible())
            break;
        view->setFocus();
        QTest::keyClick(view, keys[key]);
        const QPoint inside(at.x() % std::max(1, view->width()),
                            at.y() % std::max(1, view->height()));
        QTest::mouseMove(view, inside);
        QTest::mouseClick(view, Qt::LeftButton, Qt::NoModifier, inside);
        break;
    }
    }
}

void MonkeyActions::triggerAnyAction()
{
    QList<QAction *> usable;
    const auto all = m_window->findChildren<QAction *>();
    for (QAction *action : all) {
        if (!action->isSeparator() && !action->menu() && action->isEnabled()
            && !action->text().isEmpty())
            usable << action;
    }
    const int draw = m_input.below(100000);
    if (usable.isEmpty()) {
        record(QStringLiteral("none enabled"));
        return;
    }
    QAction *action = usable.at(draw % usable.size());
    record(action->text().remove(QLatin1Char('&')));
    // Dialogs (open, save, about) block here until the closer rejects them.
    action->trigger();
}

void MonkeyActions::browseTabs()
{
    QTabWidget *tabs = bottomTabs(*m_window);
    const int tab = m_input.below(tabs->count());
    const int row = m_input.below(100000);
    record(QStringLiteral("tab %1, row %2").arg(tab).arg(row));
    const QRect rect = tabs->tabBar()->tabRect(tab);
    if (tabs->tabBar()->isVisible() && !rect.isEmpty())
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, Qt::NoModifier, rect.center());
    QTableView *results = resultsTable(*m_window);
    if (results->isVisible() && results->model() && results->model()->rowCount() > 0) {
        const QModelIndex index = results->model()->index(row % results->model()->rowCount(), 0);
        results->scrollTo(index);
        const QRect cell = results->visualRect(index);
        if (!cell.isEmpty())
            QTest::mouseClick(results->viewport(), Qt::LeftButton, Qt::NoModifier, cell.center());
    }
    QPlainTextEdit *log = logView(*m_window);
    if (log->isVisible())
        QTest::mouseClick(log->viewport(), Qt::LeftButton, Qt::NoModifier,
                          QPoint(row % std::max(1, log->viewport()->width()),
                                 row % std::max(1, log->viewport()->height())));
}

void MonkeyActions::resize()
{
    static const QSize sizes[] = {{1, 1},      {60, 40},    {320, 240},   {640, 480},
                                  {1024, 700}, {1400, 900}, {2560, 1600}, {4000, 300}};
    const QSize size = sizes[m_input.below(8)];
    const int state = m_input.below(8);
    record(QStringLiteral("%1x%2%3")
                   .arg(size.width())
                   .arg(size.height())
                   .arg(state == 0   ? QStringLiteral(" maximized")
                        : state == 1 ? QStringLiteral(" minimized")
                                     : QString()));
    if (state == 0) {
        m_window->showMaximized();
    } else if (state == 1) {
        m_window->showMinimized();
    } else {
        m_window->showNormal();
        m_window->resize(size);
    }
    QTest::qWait(5);
}

// Closing the window, a run going on or not, and opening a new one (in Japanese, sometimes: the
// language is chosen at start-up, so a new window is where it can change).
void MonkeyActions::recreateWindow()
{
    const bool during = m_input.chance(0.6);
    const int ms = m_input.below(150);
    const bool japanese = m_input.chance(0.2);
    record(QStringLiteral("close%1, new window%2")
                   .arg(during ? QStringLiteral(" during a run") : QString(),
                        japanese ? QStringLiteral(" in Japanese") : QString()));
    if (during && runAction(*m_window)->isEnabled()) {
        maybeFastScale();
        runAction(*m_window)->trigger();
        QTest::qWait(ms);
    }
    closeWindow();
    Translations::install(*qApp, japanese ? QStringLiteral("ja") : QStringLiteral("en"));
    window();
}
