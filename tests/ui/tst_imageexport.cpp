#include "articlecomparison.h"
#include "imageexport.h"
#include "runrecord.h"
#include "runsession.h"
#include "testfiles.h"
#include "testrun.h"
#include "testscenarios.h"
#include "timelinepalette.h"

#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QImageReader>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// PNG and SVG pictures of runs, painted headless (ctest runs this on the offscreen platform).
class tst_ImageExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pngOfComparison();
    void svgIsVector();
    void singleRunHasNoDifference();
    void darkPalette();
    void explicitSizes();
    void largeRunStaysBounded();
    void failedWriteNamesPathAndKeepsFile();

private:
    QList<std::shared_ptr<const RunRecord>> m_runs;
    QList<Schedule> m_predictions;
    QTemporaryDir m_dir;
};

namespace {

// Pixels of exactly this colour (bars are drawn without antialiasing).
qsizetype countColour(const QImage &image, const QColor &colour)
{
    const QRgb wanted = colour.rgb();
    qsizetype n = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            n += (line[x] & 0xffffff) == (wanted & 0xffffff) ? 1 : 0;
    }
    return n;
}

std::shared_ptr<const RunRecord> syntheticRun(qsizetype tasks, int limit)
{
    QList<double> durations;
    durations.reserve(tasks);
    for (qsizetype i = 0; i < tasks; ++i)
        durations.append(1 + double(i % 7));
    const Scenario s = makeScenario(durations, limit, 0.001);
    const Schedule plan = predictSchedule(s.tasks, s.options);
    auto record = std::make_shared<RunRecord>(s);
    for (qsizetype i = 0; i < tasks; ++i) {
        TaskSample sample;
        sample.submittedNs = 0;
        sample.startedNs = record->toNanoseconds(plan.start.at(i));
        sample.finishedNs = record->toNanoseconds(plan.finish.at(i));
        sample.worker = 1 + int(i % std::max(1, limit));
        sample.status = TaskStatus::Ok;
        record->setLoaded(i, sample, QVariant());
    }
    record->finishLoading();
    return record;
}

} // namespace

void tst_ImageExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // QSvgRenderer (SVG Tiny) cannot resolve the hatch <pattern>s browsers draw; not our concern.
    QLoggingCategory::setFilterRules(u"qt.svg.warning=false"_s);
    RunSession session;
    QVERIFY(runArticleComparison(session));
    m_runs = session.records();
    m_predictions = session.predictions();
    QCOMPARE(m_runs.size(), 2);
}

void tst_ImageExport::pngOfComparison()
{
    ImageExportOptions options;
    options.timeline.font = QGuiApplication::font();
    const QSize size = ImageExport::imageSize(m_runs, m_predictions, options);
    QCOMPARE(size.width(), 1200);
    // Title, two runs of five readable lanes with their charts, and the summary.
    QVERIFY2(size.height() > 400 && size.height() < 1500,
             qPrintable(QString::number(size.height())));

    const QString path = m_dir.filePath(u"comparison.png"_s);
    QString error;
    QVERIFY2(ImageExport::writePng(path, m_runs, m_predictions, options, &error),
             qPrintable(error));
    QImageReader reader(path);
    QCOMPARE(reader.format(), QByteArray("png"));
    const QImage image = reader.read();
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), size);

    // Not blank: the background, the run bars of both runs and text in other colours.
    const TimelinePalette pal = TimelinePalette::light();
    const qsizetype runPixels = countColour(image, pal.run);
    QVERIFY2(runPixels > 10000, qPrintable(QString::number(runPixels)));
    QVERIFY(countColour(image, pal.background) < qsizetype(size.width()) * size.height());
    // Both runs' bars: blue in the upper and in the lower half of the timeline.
    const QImage top = image.copy(0, 0, size.width(), size.height() / 3);
    const QImage middle = image.copy(0, size.height() / 3, size.width(), size.height() / 3);
    QVERIFY(countColour(top, pal.run) > 1000);
    QVERIFY(countColour(middle, pal.run) > 1000);
    // The summary's "better"/"worse" colours: the difference column is there.
    QVERIFY(countColour(image, QColor(0xc6, 0x28, 0x28)) > 20);

    // Twice the pixels at a device pixel ratio of 2, the same picture.
    options.devicePixelRatio = 2.0;
    const QImage sharp = ImageExport::renderImage(m_runs, m_predictions, options);
    QCOMPARE(sharp.size(), size * 2);
}

void tst_ImageExport::svgIsVector()
{
    ImageExportOptions options;
    options.timeline.font = QGuiApplication::font();
    const QString path = m_dir.filePath(u"comparison.svg"_s);
    QString error;
    QVERIFY2(ImageExport::writeSvg(path, m_runs, m_predictions, options, &error),
             qPrintable(error));
    const QByteArray svg = readFile(path);
    QVERIFY(svg.startsWith("<?xml"));
    QVERIFY(svg.contains("<svg"));
    QVERIFY(svg.contains("<rect") || svg.contains("<path"));
    QVERIFY(!svg.contains("<image"));
    // Text stays text: run names, the legend and the summary are searchable in the file.
    for (const char *text :
         {"unlimited", "limit 2", "Makespan (measured)", "Difference", "Speedup"})
        QVERIFY2(svg.contains(text), text);

    QSvgRenderer renderer(path);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.viewBox().size(), ImageExport::imageSize(m_runs, m_predictions, options));

    // writeFile picks the format by suffix.
    const QString other = m_dir.filePath(u"picked.SVG"_s);
    QVERIFY2(ImageExport::writeFile(other, m_runs, m_predictions, options, &error),
             qPrintable(error));
    QVERIFY(readFile(other).startsWith("<?xml"));
    const QString png = m_dir.filePath(u"picked.png"_s);
    QVERIFY2(ImageExport::writeFile(png, m_runs, m_predictions, options, &error),
             qPrintable(error));
    QVERIFY(readFile(png).startsWith("\x89PNG"));
}

void tst_ImageExport::singleRunHasNoDifference()
{
    ImageExportOptions options;
    options.timeline.font = QGuiApplication::font();
    const QList<std::shared_ptr<const RunRecord>> one{m_runs.at(1)};
    const QList<Schedule> plan{m_predictions.at(1)};
    const QString path = m_dir.filePath(u"single.svg"_s);
    QString error;
    QVERIFY2(ImageExport::writeSvg(path, one, plan, options, &error), qPrintable(error));
    const QByteArray svg = readFile(path);
    QVERIFY(svg.contains("limit 2"));
    QVERIFY(svg.contains("Makespan (predicted)"));
    QVERIFY(!svg.contains("Difference"));
    QVERIFY(ImageExport::imageSize(one, plan, options).height()
            < ImageExport::imageSize(m_runs, m_predictions, options).height());
}

void tst_ImageExport::darkPalette()
{
    ImageExportOptions options;
    options.timeline.font = QGuiApplication::font();
    options.timeline.palette = TimelinePalette::dark();
    const QImage image = ImageExport::renderImage(m_runs, m_predictions, options);
    const TimelinePalette dark = TimelinePalette::dark();
    QCOMPARE(QColor(image.pixel(2, 2)), dark.background);
    QVERIFY(countColour(image, dark.run) > 10000);
}

void tst_ImageExport::explicitSizes()
{
    ImageExportOptions options;
    options.timeline.font = QGuiApplication::font();
    options.width = 640;
    options.timelineHeight = 300;
    options.showSummary = false;
    const QSize size = ImageExport::imageSize(m_runs, m_predictions, options);
    QCOMPARE(size.width(), 640);
    const QImage image = ImageExport::renderImage(m_runs, m_predictions, options);
    QCOMPARE(image.size(), size);
    QVERIFY(size.height() > 300 && size.height() < 400); // the timeline and the title only
}

void tst_ImageExport::largeRunStaysBounded()
{
    // 200,000 tasks: lanes aggregate, the picture keeps its maximum height and paints quickly.
    const QList<std::shared_ptr<const RunRecord>> runs{syntheticRun(200000, 64)};
    const QList<Schedule> plan{
            predictSchedule(runs.constFirst()->scenario().tasks, runs.constFirst()->options())};
    ImageExportOptions options;
    options.timeline.font = QGuiApplication::font();
    options.maxTimelineHeight = 1500;
    const QSize size = ImageExport::imageSize(runs, plan, options);
    QVERIFY(size.height() <= 1500 + 400);
    // Quickly: the cost grows no faster than the tasks. The baseline is the same picture of a run
    // ten times smaller, in CPU time of this thread (a loaded machine or ASan slows both alike);
    // a painter that grows with the square of the tasks would cost a hundred times it.
    const QList<std::shared_ptr<const RunRecord>> small{syntheticRun(20000, 64)};
    const QList<Schedule> smallPlan{
            predictSchedule(small.constFirst()->scenario().tasks, small.constFirst()->options())};
    ImageExport::renderImage(small, smallPlan, options); // fonts and caches warmed up
    qint64 before = threadCpuNs();
    QVERIFY(!ImageExport::renderImage(small, smallPlan, options).isNull());
    const qint64 baselineNs = threadCpuNs() - before;
    before = threadCpuNs();
    const QImage image = ImageExport::renderImage(runs, plan, options);
    const qint64 largeNs = threadCpuNs() - before;
    QVERIFY(!image.isNull());
    qInfo("200,000 tasks: %.1f ms of CPU, 20,000 tasks: %.1f ms (%.1f times)", largeNs / 1e6,
          baselineNs / 1e6, double(largeNs) / double(std::max<qint64>(1, baselineNs)));
    QVERIFY2(largeNs < 20 * baselineNs,
             qPrintable(QStringLiteral("%1 ms against %2 ms for 20,000 tasks")
                                .arg(largeNs / 1000000)
                                .arg(baselineNs / 1000000)));
    // Short tasks over hours: a thin diagonal of run bars above a triangle of waits.
    QVERIFY(countColour(image, TimelinePalette::light().run) > 1000);
    QVERIFY(countColour(image, TimelinePalette::light().wait) > 100000);
}

void tst_ImageExport::failedWriteNamesPathAndKeepsFile()
{
    ImageExportOptions options;
    options.timeline.font = QGuiApplication::font();
    QString error;
    const QString missing = m_dir.filePath(u"no-such-folder/out.png"_s);
    QVERIFY(!ImageExport::writePng(missing, m_runs, m_predictions, options, &error));
    QVERIFY2(error.contains(u"out.png"_s), qPrintable(error));
    QVERIFY(!ImageExport::writeSvg(m_dir.path(), m_runs, m_predictions, options, &error));
    QVERIFY2(error.contains(m_dir.path()), qPrintable(error));

    // /dev/full takes the write in place and fails it: reported, not silently truncated.
    if (QFile::exists(u"/dev/full"_s)) {
        QVERIFY(!ImageExport::writeSvg(u"/dev/full"_s, m_runs, m_predictions, options, &error));
        QVERIFY2(error.contains(u"/dev/full"_s), qPrintable(error));
    }
}

QTEST_MAIN(tst_ImageExport)
#include "tst_imageexport.moc"
