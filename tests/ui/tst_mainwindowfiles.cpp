#include "articlecomparison.h"
#include "comparesummary.h"
#include "csvexport.h"
#include "fileactions.h"
#include "logpanel.h"
#include "mainwindow.h"
#include "mainwindowparts.h"
#include "resultspanel.h"
#include "runrecord.h"
#include "runreport.h"
#include "runsession.h"
#include "taskeditor.h"
#include "taskmodel.h"
#include "timelinepalette.h"
#include "timelinerenderer.h"
#include "timelineview.h"
#include "uihelpers.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <memory>

using namespace MainWindowParts;

using namespace Qt::StringLiterals;

// The main window and files: Open Run (a CSV shown in every view), recent files, drag and drop,
// Export Image and Export Trace, the About box and the theme toggle.
class tst_MainWindowFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void openRunShowsEveryView();
    void openRunRejectsMalformedFile();
    void openRunRefusedWhileRunning();
    void csvOnTheCommandLine();
    void recentFiles();
    void missingRecentFileIsRemoved();
    void dropRunAndScenario();
    void exportImageAndTrace();
    void saveDialogs();
    void fileMenuHasTheActions();
    void aboutShowsVersion();
    void themeToggle();

private:
    std::unique_ptr<MainWindow> makeWindow(GuiOptions options = {});
    QString writeScenario(const QString &name, const QByteArray &json);

    std::unique_ptr<QTemporaryDir> m_dir;
    QTemporaryDir m_data;
    QString m_comparisonCsv;
    QList<std::shared_ptr<const RunRecord>> m_runs;
};

namespace {

// Closes the next modal dialog once it shows and hands back its text.
std::shared_ptr<QString> closeNextDialog()
{
    auto text = std::make_shared<QString>();
    auto *timer = new QTimer(qApp);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, text] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            *text = box->text();
            box->done(QMessageBox::Ok);
            timer->deleteLater();
        }
    });
    timer->start();
    return text;
}

// Answers the next save dialog with `fileName` (relative to the folder it shows) once it shows.
void answerNextFileDialog(const QString &fileName)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, fileName] {
        if (auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget())) {
            timer->deleteLater();
            // Typed, as a user would: selectFile() leaves a focused name field as it is.
            auto *name = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s);
            QVERIFY(name);
            name->setText(fileName);
            static_cast<QDialog *>(dialog)->accept();
            if (dialog->isVisible()) // refused the name: the test fails instead of hanging
                dialog->reject();
        }
    });
    timer->start();
}

QMenu *fileMenu(MainWindow &window)
{
    const auto actions = window.menuBar()->actions();
    for (QAction *action : actions) {
        if (action->menu() && action->text().remove(QLatin1Char('&')) == u"File")
            return action->menu();
    }
    return nullptr;
}

} // namespace

void tst_MainWindowFiles::initTestCase()
{
    QCoreApplication::setApplicationVersion(QStringLiteral(TASKLANES_VERSION));
    QVERIFY(m_data.isValid());
    RunSession session;
    QVERIFY(runArticleComparison(session));
    QString error;
    m_runs = session.records();
    m_comparisonCsv = m_data.filePath(u"comparison.csv"_s);
    QVERIFY2(CsvExport::writeFile(m_comparisonCsv, m_runs, &error), qPrintable(error));
}

void tst_MainWindowFiles::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<MainWindow> tst_MainWindowFiles::makeWindow(GuiOptions options)
{
    return showWindow(*m_dir, std::move(options));
}

QString tst_MainWindowFiles::writeScenario(const QString &name, const QByteArray &json)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(json);
    return path;
}

void tst_MainWindowFiles::openRunShowsEveryView()
{
    const auto window = makeWindow();
    const QList<Task> editorTasks = taskEditor(*window)->tasks();
    QVERIFY(!exportImageAction(*window)->isEnabled());
    QString error;
    QVERIFY2(fileActions(*window)->openRun(m_comparisonCsv, &error), qPrintable(error));

    // Timeline: both runs, fitted to the comparison's 12 s.
    const TimelineRenderOptions shown = timelineView(*window)->renderOptions();
    QCOMPARE(shown.runs.size(), 2);
    QCOMPARE(shown.runs.at(1)->runName(), u"limit-2"_s);
    QVERIFY(timelineView(*window)->visibleEnd() >= 12.0);
    // Summary: both runs and their difference, the same numbers as for the live runs.
    CompareSummary *summary = compareSummary(*window);
    QCOMPARE(summary->runCount(), 2);
    QVERIFY(summary->hasDifference());
    QCOMPARE(summary->cellText(CompareSummary::PredictedRow, 0), u"8 s"_s);
    QCOMPARE(summary->cellText(CompareSummary::PredictedRow, 1), u"12 s"_s);
    QCOMPARE(summary->cellText(CompareSummary::PeakRow, 1), u"2"_s);
    QCOMPARE(summary->cellText(CompareSummary::TasksRow, 0), u"5 / 5"_s);
    QVERIFY(summary->headline().contains(u"limit 2"_s));
    QCOMPARE(bottomTabs(*window)->currentWidget(), summary);
    // Results in submission order, completion order from the times, and the log.
    QCOMPARE(resultsPanel(*window)->runCount(), 2);
    QCOMPARE(resultsPanel(*window)->resultsText(0), u"results: [5, 1, 8, 3, 4]"_s);
    QCOMPARE(resultsPanel(*window)->completionText(1), RunReport::completionLine(*m_runs.at(1)));
    QCOMPARE(logPanel(*window)->lineCount(), 2 + 2 * 10); // a header and 10 lines per run
    // Status bar and title; the editor keeps its tasks; exports are possible.
    QCOMPARE(progressText(*window), u"10 / 10 done"_s);
    // The clock shows the last run's makespan, as after a live session.
    qint64 lastFinish = 0;
    for (qsizetype i = 0; i < m_runs.at(1)->taskCount(); ++i)
        lastFinish = std::max(lastFinish, m_runs.at(1)->sample(i).finishedNs);
    const double makespan = m_runs.at(1)->toScenarioSeconds(lastFinish);
    QVERIFY(makespan >= 12.0);
    QCOMPARE(elapsedText(*window), u"t = %1"_s.arg(UiHelpers::seconds(makespan)));
    QCOMPARE(concurrencyText(*window), u"0 running \u00b7 0 waiting"_s);
    QVERIFY(window->windowTitle().contains(u"comparison.csv"_s));
    QCOMPARE(taskEditor(*window)->tasks().size(), editorTasks.size());
    QVERIFY(exportAction(*window)->isEnabled());
    QVERIFY(exportImageAction(*window)->isEnabled());
    QVERIFY(exportTraceAction(*window)->isEnabled());

    // A run afterwards replaces the loaded runs, as any new run does.
    window->setTimeScale(0.01);
    QVERIFY(window->startRun(false));
    QSignalSpy done(window.get(), &MainWindow::sessionFinished);
    QVERIFY(done.wait(30000));
    QCOMPARE(session(*window)->records().size(), 1);
}

void tst_MainWindowFiles::openRunRejectsMalformedFile()
{
    const auto window = makeWindow();
    QFile original(m_comparisonCsv);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = original.readAll().split('\n');
    lines[2].replace(",ok,", ",done,");
    const QString bad = m_dir->filePath(u"bad.csv"_s);
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(lines.join('\n'));
    file.close();

    QString error;
    QVERIFY(!fileActions(*window)->openRun(bad, &error));
    QVERIFY2(error.contains(u"line 3: status \"done\""_s), qPrintable(error));
    QVERIFY(session(*window)->records().isEmpty()); // nothing loaded
    QVERIFY(recentFileList(*window).isEmpty());

    // Interactively the reason is shown in a dialog.
    const auto text = closeNextDialog();
    QVERIFY(!fileActions(*window)->openFileInteractively(bad));
    QVERIFY2(text->contains(u"line 3"_s), qPrintable(*text));
}

void tst_MainWindowFiles::openRunRefusedWhileRunning()
{
    const auto window = makeWindow();
    QString error;
    taskEditor(*window)->setTasks(*ScenarioParser::parseDurations(u"30,30", &error));
    window->setTimeScale(1.0);
    QVERIFY(window->startRun(false));
    QVERIFY(!openRunAction(*window)->isEnabled());
    QVERIFY(!fileActions(*window)->openRun(m_comparisonCsv, &error));
    QVERIFY2(error.contains(u"stop"_s), qPrintable(error));
    window->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!window->isRunning(), 10000);
    QVERIFY(openRunAction(*window)->isEnabled());
    QVERIFY2(fileActions(*window)->openRun(m_comparisonCsv, &error), qPrintable(error));
}

void tst_MainWindowFiles::csvOnTheCommandLine()
{
    GuiOptions options;
    QString message;
    QCOMPARE(GuiCommandLine::parse({u"tasklanes"_s, m_comparisonCsv}, &options, &message),
             GuiCommandLine::Outcome::Run);
    QCOMPARE(options.runs.size(), 2);
    const auto window = makeWindow(options);
    QCOMPARE(session(*window)->records().size(), 2);
    QCOMPARE(compareSummary(*window)->runCount(), 2);
    QCOMPARE(timelineView(*window)->renderOptions().runs.size(), 2);
    QVERIFY(window->windowTitle().contains(u"comparison.csv"_s));
    QVERIFY(!window->isRunning());

    GuiOptions bad;
    const QString broken = m_dir->filePath(u"broken.csv"_s);
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(CsvExport::header().toUtf8()
               + "\r\nunlimited,1,5 s,sleep,,,5,,,1,5,fifo,,,0,1,0,,x,5,0,5,1,1,ok,5\r\n");
    file.close();
    // A bad file opens the window, which names the problem (a file manager starts it so).
    QCOMPARE(GuiCommandLine::parse({u"tasklanes"_s, broken}, &bad, &message),
             GuiCommandLine::Outcome::Run);
    QVERIFY2(bad.fileError.contains(u"line 2: started_s \"x\" is not a number"_s),
             qPrintable(bad.fileError));
    QVERIFY(bad.runs.isEmpty());
    QCOMPARE(GuiCommandLine::parse({u"tasklanes"_s, u"--autorun"_s, m_comparisonCsv}, &bad,
                                   &message),
             GuiCommandLine::Outcome::ExitUsage);
}

void tst_MainWindowFiles::recentFiles()
{
    const QString a = writeScenario(u"a.json"_s,
                                    R"({"version": 1, "limit": 3, "time_scale": 0.5,
                                        "tasks": [{"kind": "sleep", "duration": 2}]})");
    {
        const auto window = makeWindow();
        QMenu *recent = recentMenu(*window);
        QVERIFY(recent);
        QVERIFY(!recent->isEnabled());
        QString error;
        QVERIFY2(fileActions(*window)->openScenario(a, &error), qPrintable(error));
        QVERIFY2(fileActions(*window)->openRun(m_comparisonCsv, &error), qPrintable(error));
        QCOMPARE(recentFileList(*window), (QStringList{m_comparisonCsv, a}));
        QVERIFY(recent->isEnabled());
        const auto actions = recent->actions();
        QCOMPARE(actions.size(), 2 + 2); // two files, a separator, Clear
        QCOMPARE(actions.at(0)->text(), u"&1 comparison.csv"_s);
        QCOMPARE(actions.at(1)->text(), u"&2 a.json"_s);
        QCOMPARE(actions.at(1)->toolTip(), a);

        // Reopening moves a file to the top instead of listing it twice.
        QVERIFY2(fileActions(*window)->openScenario(a, &error), qPrintable(error));
        QCOMPARE(recentFileList(*window), (QStringList{a, m_comparisonCsv}));

        // Choosing an entry opens it (queued: the menu is rebuilt while it opens).
        window->loadScenario(Scenario{});
        recent->actions().at(0)->trigger();
        QTRY_COMPARE(taskEditor(*window)->tasks().size(), 1);
        QCOMPARE(limitSpin(*window)->value(), 3);
    }
    // Remembered across starts, at most eight.
    {
        const auto window = makeWindow();
        QCOMPARE(recentFileList(*window), (QStringList{a, m_comparisonCsv}));
        for (int i = 0; i < 10; ++i) {
            const QString path =
                    writeScenario(u"s%1.json"_s.arg(i),
                                  R"({"version": 1, "tasks": [{"kind": "sleep", "duration": 1}]})");
            QString error;
            QVERIFY2(fileActions(*window)->openScenario(path, &error), qPrintable(error));
        }
        QCOMPARE(recentFileList(*window).size(), FileActions::maxRecentFiles);
        QCOMPARE(recentFileList(*window).constFirst(), m_dir->filePath(u"s9.json"_s));
        QVERIFY(!recentFileList(*window).contains(a));

        // Clear empties the list.
        recentMenu(*window)->actions().constLast()->trigger();
        QTRY_VERIFY(recentFileList(*window).isEmpty());
        QVERIFY(!recentMenu(*window)->isEnabled());
    }
    QSettings settings(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
    QVERIFY(settings.value(u"recent/files"_s).toStringList().isEmpty());
}

void tst_MainWindowFiles::missingRecentFileIsRemoved()
{
    const QString gone = writeScenario(
            u"gone.json"_s, R"({"version": 1, "tasks": [{"kind": "sleep", "duration": 1}]})");
    const auto window = makeWindow();
    QString error;
    QVERIFY2(fileActions(*window)->openScenario(gone, &error), qPrintable(error));
    QVERIFY2(fileActions(*window)->openRun(m_comparisonCsv, &error), qPrintable(error));
    QVERIFY(QFile::remove(gone));

    const auto text = closeNextDialog();
    recentMenu(*window)->actions().at(1)->trigger();
    QTRY_VERIFY(!text->isEmpty());
    QVERIFY2(text->contains(u"gone.json"_s) && text->contains(u"removed"_s), qPrintable(*text));
    QCOMPARE(recentFileList(*window), QStringList{m_comparisonCsv});
    QCOMPARE(recentMenu(*window)->actions().constFirst()->text(), u"&1 comparison.csv"_s);
}

void tst_MainWindowFiles::dropRunAndScenario()
{
    const auto window = makeWindow();
    auto drop = [&](const QString &path, bool *entered) {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        const QPoint at = window->rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window.get(), &enter);
        *entered = enter.isAccepted();
        if (!*entered)
            return;
        QDropEvent dropEvent(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window.get(), &dropEvent);
        QVERIFY(dropEvent.isAccepted());
    };

    bool entered = false;
    drop(m_dir->filePath(u"notes.txt"_s), &entered);
    QVERIFY(!entered); // only scenarios and runs

    drop(m_comparisonCsv, &entered);
    QVERIFY(entered);
    QTRY_COMPARE(session(*window)->records().size(), 2);
    QCOMPARE(compareSummary(*window)->runCount(), 2);

    const QString scenario =
            writeScenario(u"dropped.JSON"_s, R"({"version": 1, "limit": null, "time_scale": 0.1,
                                  "tasks": [{"kind": "sleep", "duration": 4}, {"kind": "sleep", "duration": 6},
                                            {"kind": "sleep", "duration": 1}]})");
    drop(scenario, &entered);
    QVERIFY(entered);
    QTRY_COMPARE(durationsEdit(*window)->text(), u"4,6,1"_s);
    QVERIFY(!limitCheck(*window)->isChecked());
    QCOMPARE(recentFileList(*window), (QStringList{scenario, m_comparisonCsv}));
}

void tst_MainWindowFiles::exportImageAndTrace()
{
    const auto window = makeWindow();
    QString error;
    QVERIFY(!fileActions(*window)->exportImage(m_dir->filePath(u"nothing.png"_s), &error));
    QVERIFY(error.contains(u"nothing to export"_s));
    QVERIFY2(fileActions(*window)->openRun(m_comparisonCsv, &error), qPrintable(error));

    const QString png = m_dir->filePath(u"shown.png"_s);
    QVERIFY2(fileActions(*window)->exportImage(png, &error), qPrintable(error));
    QImageReader reader(png);
    QCOMPARE(reader.format(), QByteArray("png"));
    const QImage image = reader.read();
    QVERIFY(image.width() >= 1000);
    QVERIFY(image.height() > 400);

    const QString svg = m_dir->filePath(u"shown.svg"_s);
    QVERIFY2(fileActions(*window)->exportImage(svg, &error), qPrintable(error));
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    const QByteArray vector = svgFile.readAll();
    QVERIFY(vector.contains("<rect") || vector.contains("<path"));
    QVERIFY(!vector.contains("<image"));

    const QString trace = m_dir->filePath(u"shown.json"_s);
    QVERIFY2(fileActions(*window)->exportTrace(trace, &error), qPrintable(error));
    QFile traceFile(trace);
    QVERIFY(traceFile.open(QIODevice::ReadOnly));
    const QJsonDocument doc = QJsonDocument::fromJson(traceFile.readAll());
    QVERIFY(doc.isObject());
    QVERIFY(doc.object().value(u"traceEvents"_s).isArray());

    // A failed export names the path.
    QVERIFY(!fileActions(*window)->exportImage(m_dir->filePath(u"missing/x.png"_s), &error));
    QVERIFY2(error.contains(u"x.png"_s), qPrintable(error));
    QVERIFY(!fileActions(*window)->exportTrace(m_dir->filePath(u"missing/x.json"_s), &error));
    QVERIFY2(error.contains(u"x.json"_s), qPrintable(error));
}

void tst_MainWindowFiles::saveDialogs()
{
    // Every save goes through one dialog: a name without a suffix gets the filter's, the folder
    // is remembered, success is said in the status bar and a failure in a message box.
    const auto window = makeWindow();
    QString error;
    QVERIFY2(fileActions(*window)->openRun(m_comparisonCsv, &error), qPrintable(error));
    const auto remembered = [this](const QString &key) {
        return QSettings(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat)
                .value(key)
                .toString();
    };
    const QString folder = QFileInfo(m_dir->path()).absoluteFilePath();

    answerNextFileDialog(m_dir->filePath(u"runs"_s));
    exportAction(*window)->trigger();
    QVERIFY(QFile::exists(m_dir->filePath(u"runs.csv"_s)));
    QVERIFY2(window->statusBar()->currentMessage().startsWith(u"Exported 10 row(s)"_s),
             qPrintable(window->statusBar()->currentMessage()));

    QCOMPARE(remembered(u"export/folder"_s), folder);

    answerNextFileDialog(
            m_dir->filePath(u"picture.txt"_s)); // the suffix decides the format: a PNG is added
    exportImageAction(*window)->trigger();
    QImageReader png(m_dir->filePath(u"picture.txt.png"_s));
    QCOMPARE(png.format(), QByteArray("png"));

    answerNextFileDialog(m_dir->filePath(u"trace"_s));
    exportTraceAction(*window)->trigger();
    QVERIFY(QFile::exists(m_dir->filePath(u"trace.json"_s)));
    QVERIFY(window->statusBar()->currentMessage().contains(u"perfetto"_s));

    answerNextFileDialog(m_dir->filePath(u"mine"_s));
    action(*window, "saveScenarioAction")->trigger();
    QVERIFY(QFile::exists(m_dir->filePath(u"mine.json"_s)));
    QVERIFY(window->statusBar()->currentMessage().startsWith(u"Saved"_s));
    QCOMPARE(remembered(u"scenario/folder"_s), folder);

    // A file that cannot be written: its folder does not exist.
    const QString missing = m_dir->filePath(u"missing/dir/runs.csv"_s);
    answerNextFileDialog(missing);
    const auto text = closeNextDialog();
    exportAction(*window)->trigger();
    QTRY_VERIFY2(text->contains(u"could not be written"_s), qPrintable(*text));
    QVERIFY(!QFile::exists(missing));
}

void tst_MainWindowFiles::fileMenuHasTheActions()
{
    const auto window = makeWindow();
    QMenu *file = fileMenu(*window);
    QVERIFY(file);
    const auto actions = file->actions();
    for (QAction *wanted : {openRunAction(*window), exportImageAction(*window),
                            exportTraceAction(*window), exportAction(*window)})
        QVERIFY2(actions.contains(wanted), qPrintable(wanted->text()));
    QVERIFY(actions.contains(recentMenu(*window)->menuAction()));
    QCOMPARE(openRunAction(*window)->text(), u"Open &Run\u2026"_s);
    QCOMPARE(exportImageAction(*window)->text(), u"Export &Image\u2026"_s);
    QCOMPARE(exportTraceAction(*window)->text(), u"Export &Trace\u2026"_s);
    QVERIFY(window->acceptDrops());
}

void tst_MainWindowFiles::aboutShowsVersion()
{
    const auto window = makeWindow();
    QAction *about = nullptr;
    const auto menus = window->menuBar()->actions();
    for (QAction *menu : menus) {
        if (!menu->menu())
            continue;
        const auto actions = menu->menu()->actions();
        for (QAction *action : actions) {
            if (action->menuRole() == QAction::AboutRole)
                about = action;
        }
    }
    QVERIFY(about);
    const auto text = closeNextDialog();
    about->trigger();
    QTRY_VERIFY(!text->isEmpty());
    QVERIFY2(text->contains(QStringLiteral("TaskLanes " TASKLANES_VERSION)), qPrintable(*text));
}

void tst_MainWindowFiles::themeToggle()
{
    const auto window = makeWindow();
    auto *dark = window->findChild<QAction *>(u"theme-dark"_s);
    auto *light = window->findChild<QAction *>(u"theme-light"_s);
    QVERIFY(dark && light);
    dark->trigger();
    QTRY_VERIFY(timelineView(*window)->renderOptions().palette.darkVariant);
    QVERIFY(TimelinePalette::isDark(window->palette()));
    light->trigger();
    QTRY_VERIFY(!timelineView(*window)->renderOptions().palette.darkVariant);
    QVERIFY(!TimelinePalette::isDark(window->palette()));
}

QTEST_MAIN(tst_MainWindowFiles)
#include "tst_mainwindowfiles.moc"
