// The window as a newcomer first meets it: the results a run returns, a file that will not open,
// the URL of an http task, a durations list half typed, a limit below 1, long status messages,
// command-line values that are not remembered, and the layout at 1024x700.

#include "clirun.h"
#include "mainwindowparts.h"
#include "runrecord.h"
#include "runreport.h"
#include "runstatusbar.h"
#include "taskmodel.h"

#include <QApplication>
#include <QHeaderView>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>

#include <memory>

using namespace MainWindowParts;
using namespace Qt::StringLiterals;

namespace {

constexpr int runTimeoutMs = 30000;

void typeDurations(MainWindow &window, const QString &text)
{
    QLineEdit *edit = durationsEdit(window);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

GuiOptions parsed(const QStringList &arguments)
{
    GuiOptions options;
    QString message;
    const auto outcome =
            GuiCommandLine::parse(QStringList{u"tasklanes"_s} + arguments, &options, &message);
    if (outcome != GuiCommandLine::Outcome::Run)
        qWarning("unexpected outcome: %s", qPrintable(message));
    return options;
}

} // namespace

class tst_MainWindowFirstUse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void resultsLineFirstAsTheCliPrintsIt();
    void badFileOpensTheWindowWithTheError();
    void urlColumnEditsHttpTasks();
    void halfTypedListKeepsTheTable();
    void limitBelowOneIsExplained();
    void kindColumnFitsItsEditor();
    void longStatusMessageIsElided();
    void commandLineValuesAreNotRemembered();
    void compareFitsAt1024x700();

private:
    std::unique_ptr<MainWindow> makeWindow(GuiOptions options = {})
    {
        return showWindow(*m_dir, std::move(options));
    }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_MainWindowFirstUse::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_MainWindowFirstUse::resultsLineFirstAsTheCliPrintsIt()
{
    const QStringList arguments{u"--durations"_s, u"5,1,8,3,4"_s,    u"--limit"_s,
                                u"2"_s,           u"--time-scale"_s, u"0.01"_s};
    const CliRun cli = runCli(arguments, CliOptions::english());
    QVERIFY2(cli.finished && cli.exitCode == 0, qPrintable(describe(cli)));
    QString cliResults;
    const QStringList lines = cli.out.split(u'\n');
    for (const QString &line : lines) {
        if (line.startsWith(u"results: ["_s))
            cliResults = line.trimmed();
    }
    QVERIFY2(!cliResults.isEmpty(), qPrintable(cli.out));

    const auto window = makeWindow(parsed(arguments));
    window->resize(1024, 900);
    QSignalSpy finished(window.get(), &MainWindow::sessionFinished);
    QVERIFY(window->startRun(false));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, runTimeoutMs);
    bottomTabs(*window)->setCurrentWidget(resultsPanel(*window));
    QCoreApplication::processEvents();

    // What the run returned, each result formatted as the CLI formats it, in submission order.
    const RunRecord &record = *session(*window)->records().constFirst();
    QStringList results;
    for (qsizetype i = 0; i < record.taskCount(); ++i)
        results << RunReport::formatResult(record.result(i));
    const QString expected = u"results: [%1]"_s.arg(results.join(u", "_s));
    QCOMPARE(cliResults, expected);
    auto *line = part<QLabel>(*resultsPanel(*window), "resultsLine0");
    QCOMPARE(line->text(), expected);
    QVERIFY(line->isVisible());
    QVERIFY(line->font().bold());

    // First the results, then the completion order, then the table with every row in view.
    auto *order = part<QLabel>(*resultsPanel(*window), "completionLine0");
    QTableView *table = resultsTable(*window);
    const auto top = [&](QWidget *w) { return w->mapTo(resultsPanel(*window), QPoint()).y(); };
    QVERIFY(top(line) < top(order));
    QVERIFY(top(order) + order->height() <= top(table));
    QVERIFY2(order->height() < 3 * order->fontMetrics().height(),
             qPrintable(u"order strip %1 px"_s.arg(order->height())));
    const int rowsShown =
            table->viewport()->height() / table->verticalHeader()->defaultSectionSize();
    QVERIFY2(rowsShown >= 5, qPrintable(u"%1 rows in view"_s.arg(rowsShown)));
}

void tst_MainWindowFirstUse::badFileOpensTheWindowWithTheError()
{
    const QString missing = m_dir->filePath(u"nonexistent.csv"_s);
    const GuiOptions options = parsed({missing});
    QVERIFY(!options.fileError.isEmpty());
    const auto window = makeWindow(options);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window->findChild<QMessageBox *>(u"fileErrorDialog"_s)) && box->isVisible());
    QVERIFY2(box->informativeText().contains(u"nonexistent.csv"_s),
             qPrintable(box->informativeText()));
    QVERIFY(window->statusBar()->currentMessage().contains(u"nonexistent.csv"_s));
    // The window works with its usual tasks meanwhile; nothing ran.
    QVERIFY(!window->isRunning());
    QCOMPARE(taskEditor(*window)->model()->rowCount(), 5);
    box->accept();
    QTRY_VERIFY(!window->findChild<QMessageBox *>(u"fileErrorDialog"_s));

    // A scenario that is not JSON says so too.
    const QString broken = m_dir->filePath(u"broken.json"_s);
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ not json");
    file.close();
    QVERIFY(!parsed({broken}).fileError.isEmpty());
}

void tst_MainWindowFirstUse::urlColumnEditsHttpTasks()
{
    const auto window = makeWindow();
    TaskModel *model = taskEditor(*window)->model();
    QTableView *table = taskTable(*window);
    QCOMPARE(model->headerData(TaskModel::UrlColumn, Qt::Horizontal).toString(), u"URL"_s);
    const QModelIndex url = model->index(0, TaskModel::UrlColumn);
    // Only an http task fetches a URL.
    QVERIFY(!(url.flags() & Qt::ItemIsEditable));
    QVERIFY(!model->setData(url, u"https://example.com/"_s));

    // Switching to http without a URL is an error shown inline.
    QVERIFY(model->setData(model->index(0, TaskModel::KindColumn), u"http"_s));
    QVERIFY(url.flags() & Qt::ItemIsEditable);
    QVERIFY(!runAction(*window)->isEnabled());
    QVERIFY(problemLabel(*window)->isVisible());
    QVERIFY2(problemLabel(*window)->text().contains(u"URL"_s),
             qPrintable(problemLabel(*window)->text()));
    QVERIFY(url.data(Qt::BackgroundRole).isValid());

    // Typed into the cell as a user would: a bad value is named.
    table->setCurrentIndex(url);
    table->setFocus();
    QTest::keyClick(table, 'f');
    auto *cellEditor = table->viewport()->findChild<QLineEdit *>();
    QVERIFY(cellEditor);
    QTest::keyClicks(cellEditor, u"tp://files.example"_s);
    QTest::keyClick(cellEditor, Qt::Key_Return);
    QTRY_COMPARE(url.data().toString(), u"ftp://files.example"_s);
    QVERIFY2(problemLabel(*window)->text().contains(u"\"ftp://files.example\""_s),
             qPrintable(problemLabel(*window)->text()));
    QVERIFY(!runAction(*window)->isEnabled());

    for (const QString &good : {u"https://example.com/ip"_s, u"local:/ip?delay=0.1"_s}) {
        QVERIFY(model->setData(url, good));
        QVERIFY2(taskEditor(*window)->isValid(), qPrintable(taskEditor(*window)->problem()));
        QCOMPARE(model->tasks().constFirst().url(), good);
    }
    QVERIFY(model->setData(url, u"http://"_s));
    QVERIFY(!taskEditor(*window)->isValid());
    QVERIFY(model->setData(url, u"https://example.com/ip"_s));
    QVERIFY(runAction(*window)->isEnabled());
    // The URL stays with the task and reaches the scenario a run would start.
    QCOMPARE(window->scenario(false).tasks.constFirst().url(), u"https://example.com/ip"_s);
    QCOMPARE(window->scenario(false).tasks.constFirst().kind, TaskKind::Http);
}

void tst_MainWindowFirstUse::halfTypedListKeepsTheTable()
{
    const auto window = makeWindow();
    TaskModel *model = taskEditor(*window)->model();
    const QString before = model->durationsText();
    QCOMPARE(model->rowCount(), 5);
    auto *fieldError = part<QLabel>(*taskEditor(*window), "durationsError");

    // "1" of "1e9,3" parsed on its own; the table does not stay at that one task.
    typeDurations(*window, u"1e9,3"_s);
    QCOMPARE(model->rowCount(), 5);
    QCOMPARE(model->durationsText(), before);
    QVERIFY(fieldError->isVisible());
    QVERIFY2(fieldError->text().contains(u"Item 1 \"1e9\""_s), qPrintable(fieldError->text()));
    QVERIFY(!runAction(*window)->isEnabled());

    // Every bad item is listed with its position, not only the first.
    typeDurations(*window, u"1e9,3,x,-2,4"_s);
    QCOMPARE(model->rowCount(), 5);
    const QString text = fieldError->text();
    QVERIFY2(text.contains(u"\"1e9\""_s) && text.contains(u"item 3 \"x\""_s)
                     && text.contains(u"item 4 \"-2\""_s) && !text.contains(u"item 2"_s)
                     && !text.contains(u"item 5"_s),
             qPrintable(text));

    // A list being extended keeps what it had; a good list becomes the table.
    typeDurations(*window, u"2,7,"_s);
    QCOMPARE(model->durationsText(), u"2,7"_s);
    QVERIFY(!runAction(*window)->isEnabled());
    QTest::keyClicks(durationsEdit(*window), u"1"_s);
    QCOMPARE(model->durationsText(), u"2,7,1"_s);
    QVERIFY(runAction(*window)->isEnabled());
    QVERIFY(!fieldError->isVisible());
}

void tst_MainWindowFirstUse::limitBelowOneIsExplained()
{
    const auto window = makeWindow();
    QSpinBox *spin = limitSpin(*window);
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, u"0"_s);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().contains(u"0 is below the smallest limit, 1"_s),
             qPrintable(QToolTip::text()));
    QVERIFY(spin->value() >= 1);
    QToolTip::hideText();
}

void tst_MainWindowFirstUse::kindColumnFitsItsEditor()
{
    const auto window = makeWindow();
    QTableView *table = taskTable(*window);
    const QFont original = QApplication::font();
    for (const double scale : {1.0, 1.5}) {
        QFont font = original;
        font.setPointSizeF(original.pointSizeF() * scale);
        taskEditor(*window)->setFont(font);
        QComboBox probe;
        probe.setFont(table->font());
        probe.addItems({u"sleep"_s, u"cpu"_s, u"http"_s});
        const int kind = table->horizontalHeader()->sectionSize(TaskModel::KindColumn);
        QVERIFY2(kind >= probe.sizeHint().width(),
                 qPrintable(u"scale %1: column %2 px, combo %3 px"_s.arg(scale).arg(kind).arg(
                         probe.sizeHint().width())));
        // The editor the delegate opens is as wide.
        const QModelIndex cell = taskEditor(*window)->model()->index(0, TaskModel::KindColumn);
        table->setCurrentIndex(cell);
        table->edit(cell);
        QComboBox *editor = nullptr;
        QTRY_VERIFY((editor = table->viewport()->findChild<QComboBox *>()));
        QVERIFY(editor->width() >= editor->sizeHint().width());
        table->closePersistentEditor(cell);
        table->setFocus();
        QTRY_VERIFY(!table->viewport()->findChild<QComboBox *>());
    }
}

void tst_MainWindowFirstUse::longStatusMessageIsElided()
{
    const auto window = makeWindow();
    window->resize(1024, 700);
    QCoreApplication::processEvents();
    auto *bar = qobject_cast<MessageStatusBar *>(window->statusBar());
    QVERIFY(bar);
    const QString message =
            u"Finished limit 2: results: [%1]"_s.arg(QStringList(200, u"8.2"_s).join(u", "_s));
    bar->showMessage(message);
    QCoreApplication::processEvents();
    auto *progress = part<QLabel>(*window, "progressLabel");
    const QRect area = bar->messageArea();
    QVERIFY2(area.right() < progress->x(),
             qPrintable(u"message to %1, progress from %2"_s.arg(area.right()).arg(progress->x())));
    const QString shown = bar->shownMessage();
    QVERIFY(shown.endsWith(QChar(0x2026)));
    QVERIFY(bar->fontMetrics().horizontalAdvance(shown) <= area.width());
    QCOMPARE(bar->toolTip(), message);
    // The pixels between the message's room and the progress label are the bar's own.
    const QImage image = bar->grab().toImage();
    const QRgb background = image.pixel(area.right() + 2, 1);
    for (int x = area.right() + 1; x < progress->x() - 1; ++x) {
        for (int y = 0; y < image.height(); ++y)
            QCOMPARE(image.pixel(x, y), background);
    }
    // A short one is shown whole.
    bar->showMessage(u"Ready"_s);
    QCOMPARE(bar->shownMessage(), u"Ready"_s);
}

void tst_MainWindowFirstUse::commandLineValuesAreNotRemembered()
{
    const QString settingsFile = m_dir->filePath(u"settings.ini"_s);
    {
        const auto window = makeWindow();
        window->setTimeScale(0.5);
        window->close();
    }
    {
        const auto window = makeWindow(
                parsed({u"--time-scale"_s, u"0.05"_s, u"--limit"_s, u"7"_s, u"--durations"_s,
                        u"9,9"_s, u"--theme"_s, u"dark"_s, u"--size"_s, u"900x600"_s}));
        QCOMPARE(window->timeScale(), 0.05);
        QCOMPARE(limitSpin(*window)->value(), 7);
        window->close();
    }
    {
        QSettings settings(settingsFile, QSettings::IniFormat);
        QCOMPARE(settings.value(u"scenario/timeScale"_s).toDouble(), 0.5);
        QVERIFY(settings.value(u"scenario/limit"_s).toInt() != 7);
        QVERIFY(settings.value(u"view/theme"_s).toString() != u"dark"_s);
    }
    const auto window = makeWindow();
    QCOMPARE(window->timeScale(), 0.5);
    QCOMPARE(durationsEdit(*window)->text(), u"5,1,8,3,4"_s);
    QVERIFY(limitSpin(*window)->value() != 7);
    QVERIFY(window->size() != QSize(900, 600));
    window->close();

    // What the user changes in a window opened with options is remembered.
    {
        const auto changed = makeWindow(parsed({u"--time-scale"_s, u"0.05"_s}));
        changed->setTimeScale(0.1);
        changed->close();
    }
    QSettings settings(settingsFile, QSettings::IniFormat);
    QCOMPARE(settings.value(u"scenario/timeScale"_s).toDouble(), 0.1);
}

void tst_MainWindowFirstUse::compareFitsAt1024x700()
{
    const auto window =
            makeWindow(parsed({u"--size"_s, u"1024x700"_s, u"--time-scale"_s, u"0.01"_s}));
    QCOMPARE(window->size(), QSize(1024, 700));
    auto *splitter = part<QSplitter>(*window, "mainSplitter");
    const double editorShare = double(splitter->sizes().constFirst()) / window->width();
    QVERIFY2(editorShare <= 0.31, qPrintable(u"task panel %1 %"_s.arg(editorShare * 100)));
    // The table's columns are still readable: each at least as wide as its header's text.
    QTableView *table = taskTable(*window);
    QHeaderView *header = table->horizontalHeader();
    for (int c = 0; c < TaskModel::ColumnCount; ++c) {
        const QString title = table->model()->headerData(c, Qt::Horizontal).toString();
        QVERIFY2(header->sectionSize(c) >= header->fontMetrics().horizontalAdvance(title),
                 qPrintable(u"column %1: %2 px"_s.arg(title).arg(header->sectionSize(c))));
    }
    // What every task has is in view; URL and Message, which few tasks have, may scroll.
    const int duration = TaskModel::DurationColumn;
    QVERIFY2(header->sectionViewportPosition(duration) + header->sectionSize(duration)
                     <= table->viewport()->width(),
             qPrintable(u"durations end at %1 of %2 px"_s
                                .arg(header->sectionViewportPosition(duration)
                                     + header->sectionSize(duration))
                                .arg(table->viewport()->width())));

    QSignalSpy finished(window.get(), &MainWindow::sessionFinished);
    QVERIFY(window->startRun(true));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, runTimeoutMs);
    QCoreApplication::processEvents();
    TimelineView *timeline = timelineView(*window);
    timeline->fit();
    QCOMPARE(session(*window)->records().size(), 2);
    // Every lane of both runs lies inside the view: nothing to scroll to.
    QVERIFY(timeline->taskRect(0, 0).top() >= 0);
    const QRect last = timeline->taskRect(1, 4);
    QVERIFY2(last.bottom() <= timeline->height(),
             qPrintable(u"last lane ends at %1, view %2 px"_s.arg(last.bottom())
                                .arg(timeline->height())));
    QVERIFY(timeline->minimumSizeHint().height() <= timeline->height());
}

QTEST_MAIN(tst_MainWindowFirstUse)
#include "tst_mainwindowfirstuse.moc"
