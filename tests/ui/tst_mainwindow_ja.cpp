#include "comparesummary.h"
#include "guioptions.h"
#include "logpanel.h"
#include "mainwindow.h"
#include "mainwindowparts.h"
#include "resultspanel.h"
#include "translations.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

#include <memory>

using namespace MainWindowParts;

// The main window with the Japanese translation installed, as `tasklanes --lang ja` shows it.
class tst_MainWindowJa : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void langOption();
    void actionsInJapanese();
    void toolBarButtonsFit();
    void compareRunInJapanese();
    void qtStandardTextInJapanese();

private:
    std::unique_ptr<MainWindow> makeWindow();

    QTemporaryDir m_dir;
};

void tst_MainWindowJa::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCOMPARE(Translations::install(*qApp, QStringLiteral("ja")), QStringLiteral("ja"));
}

void tst_MainWindowJa::cleanupTestCase()
{
    Translations::install(*qApp, QStringLiteral("en"));
}

std::unique_ptr<MainWindow> tst_MainWindowJa::makeWindow()
{
    GuiOptions options;
    options.settingsFile = m_dir.filePath(QStringLiteral("settings.ini"));
    auto window = std::make_unique<MainWindow>(options);
    window->resize(1400, 900); // the size of a first start and of the README's screenshot
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qWarning("window not exposed");
    return window;
}

void tst_MainWindowJa::langOption()
{
    // The parser accepts what main() has already installed, and names a bad value.
    GuiOptions options;
    QString message;
    QCOMPARE(GuiCommandLine::parse(
                     {QStringLiteral("tasklanes"), QStringLiteral("--lang"), QStringLiteral("ja")},
                     &options, &message),
             GuiCommandLine::Outcome::Run);
    QCOMPARE(GuiCommandLine::parse({QStringLiteral("tasklanes"), QStringLiteral("--lang=de")},
                                   &options, &message),
             GuiCommandLine::Outcome::ExitUsage);
    QVERIFY2(message.contains(QStringLiteral("\"de\"")), qPrintable(message));
    QString error;
    QVERIFY(!Translations::installFromArguments(
            *qApp, {QStringLiteral("tasklanes"), QStringLiteral("--lang"), QStringLiteral("de")},
            &error));
    QVERIFY(Translations::installFromArguments(
            *qApp, {QStringLiteral("tasklanes"), QStringLiteral("--lang"), QStringLiteral("ja")},
            &error));
}

void tst_MainWindowJa::actionsInJapanese()
{
    const auto window = makeWindow();
    auto action = [&](const char *name) {
        auto *a = window->findChild<QAction *>(QLatin1String(name));
        return a ? a->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
    };
    QCOMPARE(action("runAction"), QStringLiteral("実行(&R)"));
    QCOMPARE(action("stopAction"), QStringLiteral("停止(&S)"));
    QCOMPARE(action("compareAction"), QStringLiteral("比較(&C)"));

    const QList<QAction *> menus = window->menuBar()->actions();
    QVERIFY(!menus.isEmpty());
    QCOMPARE(menus.constFirst()->text(), QStringLiteral("ファイル(&F)"));
    QStringList titles;
    for (QAction *menu : menus)
        titles << menu->text();
    QCOMPARE(titles.join(QLatin1Char(' ')),
             QStringLiteral("ファイル(&F) 実行(&R) タスク(&T) 表示(&V) ヘルプ(&H)"));

    auto *limit = window->findChild<QCheckBox *>(QStringLiteral("limitCheck"));
    QVERIFY(limit);
    QCOMPARE(limit->text(), QStringLiteral("並列数を制限(&L)"));
    auto *tabs = window->findChild<QTabWidget *>(QStringLiteral("bottomTabs"));
    QVERIFY(tabs);
    QCOMPARE(tabs->tabText(1), QStringLiteral("結果(&S)"));
}

void tst_MainWindowJa::toolBarButtonsFit()
{
    const auto window = makeWindow();
    auto *bar = window->findChild<QToolBar *>(QStringLiteral("runToolBar"));
    QVERIFY(bar);
    // Buttons beside their icons read "実行", not "実行(R)": the mnemonic belongs to menus.
    auto *run = window->findChild<QAction *>(QStringLiteral("runAction"));
    auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(run));
    QVERIFY(button);
    QCOMPARE(button->text(), QStringLiteral("実行"));
    // Every action of the bar has a visible button: none was pushed into the overflow menu, and
    // each button is wide enough for its text.
    for (QAction *a : bar->actions()) {
        if (a->isSeparator())
            continue;
        QWidget *w = bar->widgetForAction(a);
        QVERIFY2(w && w->isVisible(), qPrintable(a->iconText()));
        QVERIFY2(w->geometry().right() <= bar->contentsRect().right(), qPrintable(a->iconText()));
        if (auto *b = qobject_cast<QToolButton *>(w)) {
            QVERIFY2(b->width() >= b->fontMetrics().horizontalAdvance(b->text()),
                     qPrintable(b->text()));
        }
    }
}

// A whole comparison: the summary, results and log tabs in Japanese. With TASKLANES_JA_SHOTS set
// to a folder, each tab is saved there as a PNG, to look at the layout.
void tst_MainWindowJa::compareRunInJapanese()
{
    const auto window = makeWindow();
    QComboBox *scale = timeScaleCombo(*window);
    scale->setCurrentIndex(scale->findData(0.01));
    QCOMPARE(scale->currentText(), QStringLiteral("1 秒 = 10 ms"));
    QSignalSpy finished(window.get(), &MainWindow::sessionFinished);
    QVERIFY(window->startRun(true));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);

    CompareSummary *summary = compareSummary(*window);
    QVERIFY2(summary->headline().startsWith(QStringLiteral("2並列は")),
             qPrintable(summary->headline()));
    QCOMPARE(summaryTable(*window)->horizontalHeaderItem(1)->text(), QStringLiteral("制限なし"));
    QCOMPARE(summary->cellText(CompareSummary::SerialRow, 0), QStringLiteral("21 秒"));
    QCOMPARE(resultsPanel(*window)->resultsText(1), QStringLiteral("結果: [5, 1, 8, 3, 4]"));
    const QString log = logPanel(*window)->text();
    QVERIFY2(log.contains(QStringLiteral("=== 2並列 ===")) && log.contains(QStringLiteral("開始")),
             qPrintable(log.left(400)));
    QCOMPARE(progressText(*window), QStringLiteral("10 / 10 完了"));

    const QString shots = qEnvironmentVariable("TASKLANES_JA_SHOTS");
    if (shots.isEmpty())
        return;
    QTabWidget *tabs = bottomTabs(*window);
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QVERIFY(window->grab().save(QDir(shots).filePath(QStringLiteral("tab%1.png").arg(i))));
    }
}

void tst_MainWindowJa::qtStandardTextInJapanese()
{
    // Qt's own translation (standard dialogs, QCommandLineParser), when the system has it.
    const QString qtbase =
            QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_ja.qm");
    if (!QFile::exists(qtbase))
        QSKIP("qtbase_ja.qm is not installed");
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("キャンセル"));
}

QTEST_MAIN(tst_MainWindowJa)
#include "tst_mainwindow_ja.moc"
