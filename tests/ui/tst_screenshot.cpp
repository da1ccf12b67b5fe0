// End to end: the real tasklanes binary under xvfb-run, as the README's screenshot is made.

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class tst_Screenshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compareScreenshot();
    void badValuesExitWithUsage_data();
    void badValuesExitWithUsage();
    void unwritableScreenshotFails();
    void helpAndVersionWithoutDisplay_data();
    void helpAndVersionWithoutDisplay();
    void badOptionWithoutDisplay();
    void badFileWithScreenshotExits();

private:
    // No display of any kind, nor a platform chosen: a terminal over ssh, a package check.
    QProcessEnvironment noDisplay(const QTemporaryDir &dir) const;
    QProcessEnvironment environment(const QTemporaryDir &dir) const;
};

QProcessEnvironment tst_Screenshot::environment(const QTemporaryDir &dir) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // a real X server, not offscreen
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    return env;
}

QProcessEnvironment tst_Screenshot::noDisplay(const QTemporaryDir &dir) const
{
    QProcessEnvironment env = environment(dir);
    for (const QString &name : {QStringLiteral("DISPLAY"), QStringLiteral("WAYLAND_DISPLAY")})
        env.remove(name);
    return env;
}

void tst_Screenshot::compareScreenshot()
{
    const QString xvfbRun = QStandardPaths::findExecutable(QStringLiteral("xvfb-run"));
    if (xvfbRun.isEmpty())
        QSKIP("xvfb-run is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString shot = dir.filePath(QStringLiteral("shot.png"));

    QProcess app;
    app.setProcessEnvironment(environment(dir));
    app.start(xvfbRun,
              {QStringLiteral("-a"), QStringLiteral("-s"), QStringLiteral("-screen 0 1600x1000x24"),
               QStringLiteral(TASKLANES_APP), QStringLiteral("--durations"),
               QStringLiteral("5,1,8,3,4"), QStringLiteral("--limit"), QStringLiteral("2"),
               QStringLiteral("--compare"), QStringLiteral("--time-scale"), QStringLiteral("0.05"),
               QStringLiteral("--screenshot"), shot});
    QVERIFY2(app.waitForFinished(120000), "the app did not quit after the screenshot");
    QVERIFY2(app.exitStatus() == QProcess::NormalExit && app.exitCode() == 0,
             app.readAllStandardError().constData());

    QVERIFY(QFileInfo::exists(shot));
    QImage image(shot);
    QVERIFY(!image.isNull());
    QVERIFY2(image.width() >= 1000 && image.height() >= 700,
             qPrintable(QStringLiteral("%1x%2").arg(image.width()).arg(image.height())));
    // Not blank: a window with text, tables and a timeline has many colours, everywhere.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY2(colours.size() > 50, QByteArray::number(colours.size()).constData());
    for (const QRect &quarter :
         {QRect(0, 0, image.width() / 2, image.height() / 2),
          QRect(image.width() / 2, image.height() / 2, image.width() / 2, image.height() / 2)}) {
        QSet<QRgb> local;
        for (int y = quarter.top(); y < quarter.bottom(); y += 4) {
            for (int x = quarter.left(); x < quarter.right(); x += 4)
                local.insert(image.pixel(x, y));
        }
        QVERIFY(local.size() > 5);
    }
}

void tst_Screenshot::badValuesExitWithUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named");
    QTest::newRow("durations") << QStringList{QStringLiteral("--durations"),
                                              QStringLiteral("5,x,1")}
                               << QStringLiteral("\"x\"");
    QTest::newRow("limit") << QStringList{QStringLiteral("--limit"), QStringLiteral("0")}
                           << QStringLiteral("\"0\"");
    QTest::newRow("time scale") << QStringList{QStringLiteral("--time-scale"),
                                               QStringLiteral("fast")}
                                << QStringLiteral("\"fast\"");
    QTest::newRow("theme") << QStringList{QStringLiteral("--theme"), QStringLiteral("pink")}
                           << QStringLiteral("\"pink\"");
    QTest::newRow("unknown") << QStringList{QStringLiteral("--frobnicate")}
                             << QStringLiteral("frobnicate");
}

void tst_Screenshot::badValuesExitWithUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    QTemporaryDir dir;
    QProcess app;
    QProcessEnvironment env = environment(dir);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(TASKLANES_APP), arguments);
    QVERIFY(app.waitForFinished(30000));
    QCOMPARE(app.exitCode(), 2);
    const QString error = QString::fromUtf8(app.readAllStandardError());
    QVERIFY2(error.contains(named), qPrintable(error));
}

void tst_Screenshot::unwritableScreenshotFails()
{
    QTemporaryDir dir;
    QProcess app;
    QProcessEnvironment env = environment(dir);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(TASKLANES_APP),
              {QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("no/such/dir/x.png"))});
    QVERIFY(app.waitForFinished(30000));
    QCOMPARE(app.exitCode(), 2);
    QVERIFY(QString::fromUtf8(app.readAllStandardError())
                    .contains(QStringLiteral("does not exist")));
}

void tst_Screenshot::helpAndVersionWithoutDisplay_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("printed");
    QTest::newRow("help") << QStringLiteral("--help") << QStringLiteral("Usage:");
    QTest::newRow("-h") << QStringLiteral("-h") << QStringLiteral("--time-scale <F>");
    QTest::newRow("version") << QStringLiteral("--version") << QStringLiteral("TaskLanes ");
}

void tst_Screenshot::helpAndVersionWithoutDisplay()
{
    QFETCH(QString, option);
    QFETCH(QString, printed);
    QTemporaryDir dir;
    QProcess app;
    app.setProcessEnvironment(noDisplay(dir));
    app.start(QStringLiteral(TASKLANES_APP), {option});
    QVERIFY(app.waitForFinished(30000));
    const QString out = QString::fromUtf8(app.readAllStandardOutput());
    const QString err = QString::fromUtf8(app.readAllStandardError());
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QVERIFY2(app.exitCode() == 0, qPrintable(err));
    QVERIFY2(out.contains(printed), qPrintable(out));
    QVERIFY2(err.isEmpty(), qPrintable(err));
}

void tst_Screenshot::badOptionWithoutDisplay()
{
    QTemporaryDir dir;
    QProcess app;
    app.setProcessEnvironment(noDisplay(dir));
    app.start(QStringLiteral(TASKLANES_APP), {QStringLiteral("--limit"), QStringLiteral("x")});
    QVERIFY(app.waitForFinished(30000));
    QCOMPARE(app.exitCode(), 2);
    const QString error = QString::fromUtf8(app.readAllStandardError());
    QVERIFY2(error.startsWith(QStringLiteral("tasklanes: --limit")), qPrintable(error));
    QCOMPARE(error.count(QLatin1Char('\n')), 1);
}

void tst_Screenshot::badFileWithScreenshotExits()
{
    // Nobody would see the window's message: one line on stderr instead.
    QTemporaryDir dir;
    QProcess app;
    app.setProcessEnvironment(noDisplay(dir));
    const QString missing = dir.filePath(QStringLiteral("missing.csv"));
    app.start(QStringLiteral(TASKLANES_APP),
              {missing, QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("x.png"))});
    QVERIFY(app.waitForFinished(30000));
    QCOMPARE(app.exitCode(), 2);
    const QString error = QString::fromUtf8(app.readAllStandardError());
    QVERIFY2(error.contains(QStringLiteral("missing.csv")), qPrintable(error));
    QCOMPARE(error.count(QLatin1Char('\n')), 1);
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("x.png"))));
}

QTEST_GUILESS_MAIN(tst_Screenshot)
#include "tst_screenshot.moc"
