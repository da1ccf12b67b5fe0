#include "mainwindowparts.h"
#include "runrecord.h"
#include "testrun.h"
#include "testscenarios.h"
#include "timelineview.h"

#include <QAccessible>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace MainWindowParts;
using namespace Qt::StringLiterals;

namespace {

// Generous: the suite may share two cores with a compiler.
constexpr int runTimeoutMs = 30000;

// The first table named `name` under root (depth first), as a screen reader would look it up.
QAccessibleInterface *findTable(QAccessibleInterface *root, const QString &name, int depth = 0)
{
    if (!root || depth > 16)
        return nullptr;
    if (root->role() == QAccessible::Table && root->text(QAccessible::Name) == name)
        return root;
    for (int i = 0; i < root->childCount(); ++i) {
        if (QAccessibleInterface *found = findTable(root->child(i), name, depth + 1))
            return found;
    }
    return nullptr;
}

// A unique id handed out now: ids are handed out in sequence, so the gap between two probes
// bounds the interfaces registered in between.
QAccessible::Id probeId(QWidget &parent)
{
    auto *probe = new QWidget(&parent);
    const QAccessible::Id id = QAccessible::uniqueId(QAccessible::queryAccessibleInterface(probe));
    delete probe;
    return id;
}

} // namespace

class tst_TimelineAccessible : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void compareShowsTaskRows();
    void selectionIsMirrored();
    void hugeRunIsLazy();
    void liveRowsFollowTheRun();

private:
    // A window that ran (options) to its end.
    std::unique_ptr<MainWindow> runWindow(GuiOptions options, int runs);
    // The article's batch, 5,1,8,3,4, unlimited and under limit 2.
    std::unique_ptr<MainWindow> articleComparison();
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_TimelineAccessible::initTestCase()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<MainWindow> tst_TimelineAccessible::runWindow(GuiOptions options, int runs)
{
    options.autorun = true;
    auto window = showWindow(*m_dir, std::move(options));
    RunSession *s = session(*window);
    const auto done = [&] {
        const auto records = s->records();
        return records.size() == runs && !window->isRunning()
               && std::all_of(records.cbegin(), records.cend(),
                              [](const auto &r) { return r->isComplete(); });
    };
    if (!QTest::qWaitFor(done, runTimeoutMs))
        qWarning("the run did not finish");
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("window not active");
    return window;
}

std::unique_ptr<MainWindow> tst_TimelineAccessible::articleComparison()
{
    GuiOptions options;
    options.tasks = sleepTasks({5, 1, 8, 3, 4});
    options.limit = 2;
    options.timeScale = 0.01;
    options.compare = true;
    return runWindow(options, 2);
}

void tst_TimelineAccessible::compareShowsTaskRows()
{
    const auto window = articleComparison();

    QAccessibleInterface *timeline =
            findTable(QAccessible::queryAccessibleInterface(window.get()), u"Timeline"_s);
    QVERIFY(timeline);
    QAccessibleTableInterface *table = timeline->tableInterface();
    QVERIFY(table);
    QCOMPARE(timeline->childCount(), 2 + 10);
    QCOMPARE(table->rowCount(), 12);

    // "limit 2, #5 4 s, waited 8.01 s, ran 8.01 s to 12.02 s, ok, result 4"
    static const QRegularExpression taskRow(u"^(unlimited|limit 2), #(\\d) (\\d) s, waited "
                                            u"([\\d.]+) (s|ms|µs|ns), ran .+ to .+, ok, "
                                            u"result (\\d)$"_s);
    int taskRows = 0;
    QStringList headers;
    for (int i = 0; i < timeline->childCount(); ++i) {
        QAccessibleInterface *row = timeline->child(i);
        QVERIFY(row);
        QCOMPARE(timeline->indexOfChild(row), i);
        QCOMPARE(row->parent(), timeline);
        const QString name = row->text(QAccessible::Name);
        if (row->role() == QAccessible::RowHeader) {
            headers << name;
            continue;
        }
        QCOMPARE(row->role(), QAccessible::Cell);
        const QRegularExpressionMatch m = taskRow.match(name);
        QVERIFY2(m.hasMatch(), qPrintable(name));
        ++taskRows;
        const int task = m.captured(2).toInt();
        const QList<int> durations{5, 1, 8, 3, 4};
        QCOMPARE(m.captured(3).toInt(), durations.at(task - 1));
        QCOMPARE(m.captured(6).toInt(), durations.at(task - 1)); // a sleep returns its duration
        // Under limit 2, task 5 cannot start before a slot frees at 8 s (tasks 2 and 4 end then).
        if (m.captured(1) == u"limit 2" && task == 5) {
            QCOMPARE(m.captured(5), u"s"_s);
            QVERIFY2(m.captured(4).toDouble() >= 7.99, qPrintable(name));
        }
    }
    QCOMPARE(taskRows, 10);
    QCOMPARE(headers.size(), 2);
    QVERIFY2(headers.at(0).startsWith(u"unlimited: 5 tasks, makespan "_s),
             qPrintable(headers.at(0)));
    QVERIFY2(headers.at(1).startsWith(u"limit 2: 5 tasks, makespan "_s), qPrintable(headers.at(1)));
    QVERIFY(headers.at(1).contains(u"peak 2 running"_s));
    // The table's description sums up both runs, as their header rows do.
    QCOMPARE(timeline->text(QAccessible::Description), headers.join(u"; "_s));
}

void tst_TimelineAccessible::selectionIsMirrored()
{
    const auto window = articleComparison();
    TimelineView *view = timelineView(*window);
    QAccessibleInterface *timeline = QAccessible::queryAccessibleInterface(view);
    QAccessibleTableInterface *table = timeline->tableInterface();
    QVERIFY(table);

    // The view's selection, by keys, is the table's selected row. (The offscreen platform has no
    // active accessibility, so the Selection and Focus events Qt would pass on are not seen here.)
    view->setSelectedTask(-1, -1);
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());
    QTest::keyClick(view, Qt::Key_Down);
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(view->selectedRun(), 0);
    QCOMPARE(view->selectedTask(), 1);
    QCOMPARE(table->selectedRows(), QList<int>{2}); // the header, task 1, task 2
    QAccessibleInterface *second = timeline->child(2);
    QVERIFY(second->tableCellInterface()->isSelected());
    QVERIFY(second->state().selected);
    QVERIFY(second->state().focused);
    QVERIFY(second->text(QAccessible::Name).startsWith(u"unlimited, #2 1 s, waited"_s));
    QCOMPARE(timeline->focusChild(), second);
    // End crosses into the comparison's second run.
    QTest::keyClick(view, Qt::Key_End);
    QCOMPARE(view->selectedRun(), 1);
    QCOMPARE(view->selectedTask(), 4);
    QCOMPARE(table->selectedRows(), QList<int>{11});

    // A reader's selection is the view's, as if the user had clicked the task.
    QSignalSpy chosen(view, &TimelineView::taskSelected);
    QVERIFY(table->selectRow(6 + 1 + 2)); // limit 2's header is row 6; its task 3
    QCOMPARE(view->selectedRun(), 1);
    QCOMPARE(view->selectedTask(), 2);
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.constLast().at(0).toInt(), 1);
    QCOMPARE(chosen.constLast().at(1).toInt(), 2);
    QVERIFY(!table->selectRow(6)); // a run's header is no task
    QCOMPARE(view->selectedTask(), 2);
    // A row's press action selects too.
    QAccessibleInterface *fifth = timeline->child(5);
    QVERIFY(fifth->actionInterface());
    QVERIFY(fifth->actionInterface()->actionNames().contains(
            QAccessibleActionInterface::pressAction()));
    fifth->actionInterface()->doAction(QAccessibleActionInterface::pressAction());
    QCOMPARE(view->selectedRun(), 0);
    QCOMPARE(view->selectedTask(), 4);
    QCOMPARE(chosen.size(), 2);
    QVERIFY(table->unselectRow(5));
    QCOMPARE(view->selectedTask(), -1);
    QVERIFY(table->selectedRows().isEmpty());
}

void tst_TimelineAccessible::hugeRunIsLazy()
{
    constexpr int tasks = 100000;
    const std::shared_ptr<const RunRecord> run = idealRun(QList<double>(tasks, 0.001), 8);
    QWidget window;
    auto *view = new TimelineView(&window);
    view->setRuns({run}, {});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // Baseline: one pass over the record, what rows made eagerly would cost at the least.
    qint64 baselineNs = threadCpuNs();
    qint64 sum = 0;
    for (int i = 0; i < tasks; ++i)
        sum += run->sample(i).finishedNs;
    baselineNs = threadCpuNs() - baselineNs;
    QVERIFY(sum > 0);

    const QAccessible::Id before = probeId(window);
    QAccessibleInterface *timeline = QAccessible::queryAccessibleInterface(view);
    QVERIFY(timeline->child(2)->text(QAccessible::Name).startsWith(u"#2 "_s)); // warm up
    qint64 lazyNs = threadCpuNs();
    QCOMPARE(timeline->childCount(), tasks + 1);
    QStringList names;
    for (const int row : {1, 50000, tasks})
        names << timeline->child(row)->text(QAccessible::Name);
    lazyNs = threadCpuNs() - lazyNs;
    // The header sums the run up (its statistics take one pass over the record).
    QVERIFY(timeline->child(0)->text(QAccessible::Name).startsWith(u"limit 8: "_s));
    const QAccessible::Id after = probeId(window);

    QVERIFY2(names.at(0).startsWith(u"#1 "_s)
                     && names.at(0).contains(u", waited 0 s, ran 0 s to "_s),
             qPrintable(names.at(0)));
    QVERIFY2(names.at(1).startsWith(u"#50000 "_s), qPrintable(names.at(1)));
    QVERIFY2(names.at(2).startsWith(u"#100000 "_s), qPrintable(names.at(2)));
    // Five rows and the table at most between the probes: no interface per task.
    QVERIFY2(after - before < 20, qPrintable(u"%1 interfaces"_s.arg(after - before)));
    QVERIFY2(lazyNs < baselineNs,
             qPrintable(u"%1 ns for four rows, %2 ns for one pass"_s.arg(lazyNs).arg(baselineNs)));
    // The same row is the same interface.
    QCOMPARE(timeline->child(50000), timeline->child(50000));
}

void tst_TimelineAccessible::liveRowsFollowTheRun()
{
    // 60 tasks of 1 s, two at a time: about 1.5 s of live run at this scale. The rows read the
    // record when asked, so a reader sees the run go on without an event per task.
    GuiOptions options;
    options.tasks = sleepTasks(QList<double>(60, 1.0));
    options.limit = 2;
    options.timeScale = 0.05;
    options.autorun = true;
    const auto window = showWindow(*m_dir, std::move(options));
    QAccessibleInterface *timeline = QAccessible::queryAccessibleInterface(timelineView(*window));
    QTRY_VERIFY_WITH_TIMEOUT(window->isRunning(), runTimeoutMs);
    QAccessibleInterface *last = timeline->child(60);
    // The session launches the run's threads a turn or two after it starts: until then the
    // task is not submitted.
    QTRY_VERIFY2_WITH_TIMEOUT(last->text(QAccessible::Name).startsWith(u"#60 1 s, waiting"_s),
                              qPrintable(last->text(QAccessible::Name)), runTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!window->isRunning(), runTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(last->text(QAccessible::Name).endsWith(u", ok, result 1"_s),
                             runTimeoutMs);
    QVERIFY(timeline->child(0)->text(QAccessible::Name).contains(u"makespan"_s));
}

QTEST_MAIN(tst_TimelineAccessible)
#include "tst_timelineaccessible.moc"
