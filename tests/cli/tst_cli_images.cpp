#include "clirun.h"
#include "csvexport.h"
#include "csvimport.h"
#include "runrecord.h"
#include "runreport.h"
#include "testfiles.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

// tasklanes-cli --png / --svg through the real binary, with no display, and the CSV it writes
// reopened by "Open Run".
class tst_CliImages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void helpListsImageOptions();
    void comparisonPngSvgAndCsv();
    void badImagePath_data();
    void badImagePath();
    void writeFailureAfterTheRun();

private:
    QTemporaryDir m_dir;
};

namespace {

// No display and no platform chosen: the CLI must pick the offscreen platform itself.
const CliOptions noDisplay = CliOptions::noDisplay();

} // namespace

void tst_CliImages::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(cliPath()), qPrintable(cliPath()));
}

void tst_CliImages::helpListsImageOptions()
{
    // scripts/run.sh passes --png only when the help mentions it.
    const CliRun o = runCli({u"--help"_s}, noDisplay);
    QVERIFY2(o.finished, qPrintable(describe(o)));
    QCOMPARE(o.exitCode, 0);
    QVERIFY2(o.out.contains(u"--png <FILE>"_s), qPrintable(o.out));
    QVERIFY2(o.out.contains(u"--svg <FILE>"_s), qPrintable(o.out));
}

void tst_CliImages::comparisonPngSvgAndCsv()
{
    const QString png = m_dir.filePath(u"comparison.png"_s);
    const QString svg = m_dir.filePath(u"comparison.svg"_s);
    const QString csv = m_dir.filePath(u"comparison.csv"_s);
    const CliRun o = runCli({u"--durations"_s, u"5,1,8,3,4"_s, u"--limit"_s, u"2"_s, u"--compare"_s,
                             u"--time-scale"_s, u"0.01"_s, u"--quiet"_s, u"--png"_s, png,
                             u"--svg=%1"_s.arg(svg), u"--csv"_s, csv},
                            noDisplay);
    QVERIFY2(o.finished, qPrintable(describe(o)));
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    QVERIFY2(o.out.contains(u"PNG written to %1"_s.arg(png)), qPrintable(o.out));
    QVERIFY2(o.out.contains(u"SVG written to %1"_s.arg(svg)), qPrintable(o.out));

    QImageReader reader(png);
    QCOMPARE(reader.format(), QByteArray("png"));
    const QImage image = reader.read();
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), 1200);
    QVERIFY(image.height() > 400);
    // Not blank: many colours (bars, hatching, chart, text).
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));

    const QByteArray vector = readFile(svg);
    QVERIFY(vector.startsWith("<?xml"));
    QVERIFY(vector.contains("<rect") || vector.contains("<path"));
    QVERIFY(!vector.contains("<image"));
    QVERIFY(vector.contains("limit 2"));

    // The CSV the CLI wrote reopens: the same runs, statuses, times and results.
    QString error;
    const auto runs = CsvImport::readFile(csv, &error);
    QVERIFY2(runs, qPrintable(error));
    QCOMPARE(runs->size(), 2);
    QCOMPARE(runs->at(0)->runName(), u"unlimited"_s);
    QCOMPARE(runs->at(1)->runName(), u"limit-2"_s);
    for (const auto &run : *runs) {
        QVERIFY(run->isComplete());
        QCOMPARE(RunReport::resultsLine(*run), u"results: [5, 1, 8, 3, 4]"_s);
        for (qsizetype i = 0; i < run->taskCount(); ++i)
            QCOMPARE(run->status(i), TaskStatus::Ok);
    }
    QVERIFY(o.out.contains(u"[limit 2] results: [5, 1, 8, 3, 4]"_s));
    // Written again, byte for byte the file the CLI wrote, except the derived wait_s and run_s
    // that may differ in the last digit.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(CsvExport::write(buffer, *runs));
    const QList<QByteArray> original = readFile(csv).split('\n');
    const QList<QByteArray> again = buffer.data().split('\n');
    QCOMPARE(again.size(), original.size());
    for (qsizetype k = 1; k < original.size(); ++k) {
        QList<QByteArray> a = original.at(k).split(',');
        QList<QByteArray> b = again.at(k).split(',');
        QCOMPARE(b.size(), a.size());
        if (a.size() < CsvColumn::Count)
            continue;
        for (int c : {int(CsvColumn::Wait), int(CsvColumn::RunTime)}) {
            QVERIFY(std::abs(a.at(c).toDouble() - b.at(c).toDouble()) <= 1.5e-6);
            a[c] = b[c] = QByteArray();
        }
        QCOMPARE(b, a);
    }
}

void tst_CliImages::badImagePath_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("png folder missing") << QStringList{u"--png"_s, u"/nonexistent/dir/x.png"_s}
                                        << u"--png \"/nonexistent/dir/x.png\""_s;
    QTest::newRow("svg is a folder")
            << QStringList{u"--svg"_s, u"/tmp"_s} << u"--svg \"/tmp\" is a folder"_s;
    QTest::newRow("png empty") << QStringList{u"--png"_s, QString()}
                               << u"--png needs a file name"_s;
    QTest::newRow("png stdout") << QStringList{u"--png"_s, u"-"_s} << u"--png needs a file name"_s;
    QTest::newRow("svg missing value") << QStringList{u"--svg"_s} << u"Missing value after"_s;
}

void tst_CliImages::badImagePath()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun o = runCli(QStringList{u"--time-scale"_s, u"0.01"_s} + arguments, noDisplay);
    QVERIFY2(o.finished, qPrintable(describe(o)));
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains(message), qPrintable(o.err));
    QVERIFY2(!o.out.contains(u"results:"_s), qPrintable(o.out)); // refused before running
}

void tst_CliImages::writeFailureAfterTheRun()
{
    if (!QFile::exists(u"/dev/full"_s))
        QSKIP("no /dev/full");
    // A device passes the checks and is written in place; the full disk is reported, exit 2.
    const CliRun o = runCli({u"--durations"_s, u"1,2"_s, u"--time-scale"_s, u"0.01"_s, u"--quiet"_s,
                             u"--svg"_s, u"/dev/full"_s},
                            noDisplay);
    QVERIFY2(o.finished, qPrintable(describe(o)));
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains(u"/dev/full"_s), qPrintable(o.err));
    QVERIFY(o.out.contains(u"results: [1, 2]"_s));
}

QTEST_GUILESS_MAIN(tst_CliImages)
#include "tst_cli_images.moc"
