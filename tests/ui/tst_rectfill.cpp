#include "imagedifference.h"
#include "rectfill.h"
#include "runrecord.h"
#include "schedule.h"
#include "testscenarios.h"
#include "timelinerenderer.h"

#include <QImage>
#include <QPainter>
#include <QPicture>
#include <QRandomGenerator>
#include <QTest>

#include <memory>

// RectFill gives the pixels QPainter::drawRects gives, by whichever way it fills: a banded region
// on a raster painter, merged rows or plain rectangles on others.
class tst_RectFill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameAsDrawRects_data();
    void sameAsDrawRects();
    void bandsAreValidRegionRows();
    void thinLanesSameOnEveryPainter_data();
    void thinLanesSameOnEveryPainter();
};

namespace {

enum class Shape { Rows, Columns, Lanes, Overlapping };

// Rectangles of one kind, in a 400x300 picture, some of them past its edges.
std::vector<QRect> rectsOf(Shape shape, int count, quint32 seed)
{
    QRandomGenerator rng(seed);
    std::vector<QRect> rects;
    switch (shape) {
    case Shape::Rows: // one-pixel rows in y-x order, apart in a row: a thin lane's bars
        for (int y = -3; y < 305 && int(rects.size()) < count; y += 1 + int(rng.bounded(2))) {
            int x = int(rng.bounded(30)) - 10;
            for (int k = int(rng.bounded(4)); k >= 0; --k) {
                const int w = 1 + int(rng.bounded(40));
                rects.emplace_back(x, y, w, 1);
                x += w + 1 + int(rng.bounded(60));
            }
        }
        break;
    case Shape::Columns: // a step area: columns down to a baseline, side by side
        for (int x = -5; int(rects.size()) < count; ++x) {
            const int w = 1 + int(rng.bounded(6));
            const int top = 120 + int(rng.bounded(150));
            rects.emplace_back(x, top, w, 290 - top);
            x += w - 1;
        }
        break;
    case Shape::Lanes: // bars of lanes a few pixels tall, merged rows among one-pixel ones
        for (int i = 0; i < count; ++i) {
            const int y = int(rng.bounded(300));
            rects.emplace_back(int(rng.bounded(420)) - 10, y, 1 + int(rng.bounded(50)),
                               1 + int(rng.bounded(i % 3 == 0 ? 12 : 1)));
        }
        std::sort(rects.begin(), rects.end(), [](const QRect &a, const QRect &b) {
            return a.top() != b.top() ? a.top() < b.top() : a.left() < b.left();
        });
        break;
    case Shape::Overlapping:
        for (int i = 0; i < count; ++i)
            rects.emplace_back(int(rng.bounded(400)) - 20, int(rng.bounded(300)) - 20,
                               1 + int(rng.bounded(90)), 1 + int(rng.bounded(70)));
        break;
    }
    return rects;
}

QImage background()
{
    QImage image(400, 300, QImage::Format_ARGB32_Premultiplied);
    image.fill(QColor(250, 250, 245));
    return image;
}

constexpr qint64 nsPerSecond = 1000000000;

} // namespace

void tst_RectFill::sameAsDrawRects_data()
{
    QTest::addColumn<int>("shape");
    QTest::addColumn<int>("count");
    QTest::addColumn<QColor>("color");
    const QColor opaque(0x25, 0x63, 0xeb);
    const QColor translucent(0x25, 0x63, 0xeb, 0x55);
    for (const auto &[name, shape] :
         {std::pair{"rows", Shape::Rows}, std::pair{"columns", Shape::Columns},
          std::pair{"lanes", Shape::Lanes}, std::pair{"overlapping", Shape::Overlapping}}) {
        for (const int count : {5, 300}) {
            QTest::addRow("%s, %d, opaque", name, count) << int(shape) << count << opaque;
            QTest::addRow("%s, %d, translucent", name, count) << int(shape) << count << translucent;
        }
    }
}

void tst_RectFill::sameAsDrawRects()
{
    QFETCH(int, shape);
    QFETCH(int, count);
    QFETCH(QColor, color);
    for (quint32 seed = 1; seed <= 5; ++seed) {
        const std::vector<QRect> rects = rectsOf(Shape(shape), count, seed);
        // Nested clips and a translation, as the renderer paints the plot of a scrolled view.
        const auto paint = [&](QPaintDevice *device, bool rectFill) {
            QPainter p(device);
            p.translate(3, -2);
            p.setClipRect(QRect(-1, 4, 396, 290));
            p.save();
            p.setClipRect(QRect(6, 0, 380, 299), Qt::IntersectClip);
            p.setPen(QPen(Qt::red, 3));
            p.setBrush(Qt::green);
            if (rectFill) {
                RectFill fill;
                fill.fill(p, rects, color);
                // The painter's state is as it was.
                if (p.pen() != QPen(Qt::red, 3) || p.brush() != QBrush(Qt::green)
                    || p.clipBoundingRect().toRect() != QRect(6, 4, 380, 290))
                    return false;
            } else {
                p.setPen(Qt::NoPen);
                p.setBrush(color);
                p.drawRects(rects.data(), int(rects.size()));
            }
            p.restore();
            return true;
        };
        QImage expected = background();
        QVERIFY(paint(&expected, false));
        QImage raster = background();
        QVERIFY(paint(&raster, true));
        QCOMPARE(imageDifference(raster, expected), QString());
        // Another painter (a recorded picture, replayed): drawRects, rows merged where they repeat.
        QPicture picture;
        QVERIFY(paint(&picture, true));
        QImage replayed = background();
        {
            QPainter p(&replayed);
            picture.play(&p);
        }
        QCOMPARE(imageDifference(replayed, expected), QString());
    }
}

void tst_RectFill::bandsAreValidRegionRows()
{
    for (const Shape shape : {Shape::Rows, Shape::Columns, Shape::Lanes, Shape::Overlapping}) {
        for (quint32 seed = 1; seed <= 20; ++seed) {
            // As many as band() takes: columns and large overlapping rectangles cut into many.
            const int count = shape == Shape::Rows || shape == Shape::Lanes ? 300 : 60;
            const std::vector<QRect> rects = rectsOf(shape, count, seed);
            std::vector<QRect> banded;
            bool overlap = true;
            QVERIFY(RectFill::band(rects, &banded, &overlap));
            // What QRegion::setRects asks: y-x order, one top and bottom per band, apart in a band.
            for (size_t i = 1; i < banded.size(); ++i) {
                const QRect &a = banded[i - 1];
                const QRect &b = banded[i];
                if (a.top() == b.top()) {
                    QCOMPARE(a.bottom(), b.bottom());
                    QVERIFY2(b.left() > a.right() + 1, "touching or overlapping in a band");
                } else {
                    QVERIFY2(b.top() > a.bottom(), "bands overlap");
                }
            }
            // The same pixels as the rectangles, and overlap said when two share one.
            QImage covered(500, 400, QImage::Format_Grayscale8);
            covered.fill(0);
            qint64 area = 0;
            for (const QRect &r : rects) {
                area += qint64(r.width()) * r.height();
                for (int y = r.top(); y <= r.bottom(); ++y) {
                    for (int x = r.left(); x <= r.right(); ++x)
                        covered.scanLine(y + 50)[x + 50] = 1;
                }
            }
            qint64 union_ = 0;
            for (int y = 0; y < covered.height(); ++y) {
                for (int x = 0; x < covered.width(); ++x)
                    union_ += covered.scanLine(y)[x];
            }
            qint64 bandedArea = 0;
            for (const QRect &r : banded) {
                bandedArea += qint64(r.width()) * r.height();
                for (int y = r.top(); y <= r.bottom(); ++y) {
                    for (int x = r.left(); x <= r.right(); ++x)
                        QCOMPARE(covered.scanLine(y + 50)[x + 50], uchar(1));
                }
            }
            QCOMPARE(bandedArea, union_);
            QCOMPARE(overlap, union_ != area);
            QCOMPARE(RectFill::isRows(rects), shape == Shape::Rows);
        }
    }
    // A staircase of columns down to one baseline: each column is cut at every step below its
    // top, 1,000 * 1,000 / 2 rectangles in all, more than RectFill would sort.
    std::vector<QRect> staircase;
    for (int i = 0; i < 1000; ++i)
        staircase.emplace_back(i, i, 1, 1000 - i);
    std::vector<QRect> banded;
    bool overlap = false;
    QVERIFY(!RectFill::band(staircase, &banded, &overlap));
}

void tst_RectFill::thinLanesSameOnEveryPainter_data()
{
    QTest::addColumn<bool>("workers");
    QTest::addColumn<bool>("live");
    QTest::newRow("task lanes") << false << false;
    QTest::newRow("task lanes, live") << false << true;
    QTest::newRow("600 worker lanes") << true << false;
}

void tst_RectFill::thinLanesSameOnEveryPainter()
{
    // 20,000 tasks in 560 pixels: lanes thinner than a pixel, painted as one-pixel rows. A raster
    // painter fills them as regions, a recorded picture as merged rectangles: the same pixels.
    QFETCH(bool, workers);
    QFETCH(bool, live);
    const int tasks = 20000;
    QList<double> durations;
    for (int i = 0; i < tasks; ++i)
        durations << 0.001 * (1 + (i * 7919) % 10);
    const Scenario scenario = makeScenario(durations, workers ? 600 : 8);
    auto record = std::make_shared<RunRecord>(scenario);
    const Schedule prediction = predictSchedule(scenario.tasks, scenario.options);
    const double now = prediction.makespan * (live ? 0.6 : 2.0);
    std::vector<double> slotFree(size_t(prediction.slotCount), 0.0);
    for (int i = 0; i < tasks; ++i) {
        record->markSubmitted(i, (i % 3) * 1000);
        const auto slot =
                size_t(std::min_element(slotFree.begin(), slotFree.end()) - slotFree.begin());
        slotFree[slot] = prediction.finish.at(i);
        if (prediction.start.at(i) > now)
            continue;
        record->markStarted(i, qint64(prediction.start.at(i) * nsPerSecond), int(slot) + 1);
        if (prediction.finish.at(i) <= now)
            record->markFinished(i, qint64(prediction.finish.at(i) * nsPerSecond),
                                 i % 97 == 5 ? TaskStatus::Failed : TaskStatus::Ok);
    }
    record->publishEvents();
    QCOMPARE(record->isComplete(), !live);

    TimelineRenderOptions o;
    o.runs = {record};
    o.predictions = {prediction};
    o.fitAllLanes = true;
    o.laneMode = workers ? TimelineLaneMode::Workers : TimelineLaneMode::Tasks;
    o.liveNowNs = live ? qint64(now * nsPerSecond) : -1;
    o.visibleStart = 0;
    o.visibleEnd = prediction.makespan * 1.03;
    QImage raster(900, 560, QImage::Format_ARGB32_Premultiplied);
    TimelineRenderer renderer;
    {
        QPainter p(&raster);
        renderer.paint(p, raster.rect(), o);
    }
    QPicture picture;
    {
        TimelineRenderer other;
        QPainter p(&picture);
        other.paint(p, raster.rect(), o);
    }
    QImage replayed(raster.size(), raster.format());
    {
        QPainter p(&replayed);
        picture.play(&p);
    }
    // Below the legend: a replayed picture draws the legend's crosses (wide lines) a pixel apart.
    int legendBottom = 0;
    while (legendBottom < raster.height()
           && renderer.hitTest(QPoint(raster.width() / 2, legendBottom), raster.rect(), o).area
                      == TimelineHit::Area::Legend)
        ++legendBottom;
    QVERIFY(legendBottom > 0 && legendBottom < 100);
    const QRect below(0, legendBottom, raster.width(), raster.height() - legendBottom);
    QCOMPARE(imageDifference(replayed.copy(below), raster.copy(below)), QString());
}

QTEST_MAIN(tst_RectFill)

#include "tst_rectfill.moc"
