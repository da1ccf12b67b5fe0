// The sweep chart: best and knee marks, hover text, click to choose, live points, and the retry
// marks and rows of a run whose requests were retried.
#include "comparesummary.h"
#include "runprogress.h"
#include "runrecord.h"
#include "schedule.h"
#include "sweep.h"
#include "sweepview.h"
#include "testrun.h"
#include "timelinepalette.h"
#include "timelinerenderer.h"
#include "timelinetooltip.h"
#include "timelineview.h"

#include <QApplication>
#include <QImage>
#include <QPalette>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

namespace {

SweepPoint point(int limit, double makespan, double meanCompletion, qsizetype failed = 0)
{
    SweepPoint p;
    p.limit = limit;
    p.makespan = makespan;
    p.predictedMakespan = makespan * 0.95;
    p.meanCompletion = meanCompletion;
    p.meanWait = meanCompletion / 3;
    p.maxWait = meanCompletion / 2;
    p.ok = 20 - failed;
    p.failed = failed;
    p.retries = failed * 2;
    return p;
}

// A measured sweep: the makespan halves from 1 to 2, then stays; limit 6 fails 3 tasks.
QList<SweepPoint> measuredPoints()
{
    return {point(1, 20.0, 10.5), point(2, 10.0, 6.0), point(3, 10.0, 5.5),
            point(4, 10.0, 5.4),  point(5, 10.0, 5.4), point(6, 9.9, 5.3, 3)};
}

// Whether the image has a pixel of this colour (to a few levels) inside rect.
bool hasColour(const QImage &image, const QRect &rect, const QColor &colour)
{
    for (int y = std::max(0, rect.top()); y <= std::min(image.height() - 1, rect.bottom()); ++y) {
        for (int x = std::max(0, rect.left()); x <= std::min(image.width() - 1, rect.right());
             ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) <= 8 && std::abs(c.green() - colour.green()) <= 8
                && std::abs(c.blue() - colour.blue()) <= 8)
                return true;
        }
    }
    return false;
}

} // namespace

class TestSweepView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyStateInvitesASweep();
    void bestAndKneeAreMarked();
    void hoverTextHasTheLimitsFigures();
    void clickChoosesTheLimit();
    void pointsArriveLive();
    void paintsAtSmallAndLargeSizesInBothThemes();
    void keyboardChoosesALimit();
    void retryMarksAndTooltipRows();
    void summaryHasRetryRows();
};

void TestSweepView::emptyStateInvitesASweep()
{
    SweepView view;
    view.resize(600, 300);
    QCOMPARE(view.bestLimit(), 0);
    QVERIFY(view.accessibleDescription().contains(QStringLiteral("Sweep the limits")));
    QVERIFY(!view.accessibleName().isEmpty());
    QCOMPARE(view.limitAt(QPoint(300, 150)), 0);
    QVERIFY(!view.grab().isNull());
}

void TestSweepView::bestAndKneeAreMarked()
{
    SweepView view;
    view.resize(700, 360);
    const QList<SweepPoint> points = measuredPoints();
    view.setPoints(points);
    // 10 s from limit 2 on: raising the limit past 2 buys nothing.
    QCOMPARE(view.bestLimit(), 2);
    QCOMPARE(view.bestLimit(), Sweep::bestLimit(points));
    QCOMPARE(view.kneeLimit(), Sweep::kneeLimit(points));
    QVERIFY(view.kneeLimit() > 0);
    QVERIFY2(view.accessibleDescription().contains(QStringLiteral("Best limit 2")),
             qPrintable(view.accessibleDescription()));
    QVERIFY(view.accessibleDescription().contains(
            QStringLiteral("Knee at limit %1").arg(view.kneeLimit())));

    // The band at the best limit is drawn in the "best" colour.
    const QImage image = view.grab().toImage();
    const QPoint at = view.pointPosition(2);
    QVERIFY(!at.isNull());
    const TimelinePalette pal = TimelinePalette::forPalette(view.palette());
    QVERIFY(hasColour(image, QRect(at.x() - 1, 0, 3, view.height()), pal.now));
    // The failures at limit 6: a red cross near its point.
    const QPoint six = view.pointPosition(6);
    QVERIFY(hasColour(image, QRect(six.x() - 8, six.y() - 8, 17, 17), pal.failed));
}

void TestSweepView::hoverTextHasTheLimitsFigures()
{
    SweepView view;
    view.resize(700, 360);
    view.setPoints(measuredPoints());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QPoint at = view.pointPosition(6);
    QTest::mouseMove(&view, at);
    QCOMPARE(view.limitAt(at), 6);
    QCOMPARE(view.limitAt(at + QPoint(3, 40)), 6); // anywhere in its column
    const QString text = view.toolTipText(view.limitAt(at));
    for (const QString &part :
         {QStringLiteral("Limit 6"), QStringLiteral("makespan"), QStringLiteral("9.9 s"),
          QStringLiteral("predicted"), QStringLiteral("mean completion"), QStringLiteral("5.3 s"),
          QStringLiteral("mean wait"), QStringLiteral("max wait"), QStringLiteral("ok"),
          QStringLiteral("failed"), QStringLiteral("retries")})
        QVERIFY2(text.contains(part), qPrintable(part + QStringLiteral(" in ") + text));
    QVERIFY(view.toolTipText(7).isEmpty());
}

void TestSweepView::clickChoosesTheLimit()
{
    SweepView view;
    view.resize(700, 360);
    view.setPoints(measuredPoints());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy chosen(&view, &SweepView::limitChosen);
    QTest::mouseClick(&view, Qt::LeftButton, {}, view.pointPosition(3));
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.at(0).at(0).toInt(), 3);
    QCOMPARE(view.chosenLimit(), 3);
    QTest::mouseClick(&view, Qt::LeftButton, {}, view.pointPosition(5));
    QCOMPARE(chosen.count(), 2);
    QCOMPARE(chosen.at(1).at(0).toInt(), 5);
    // Outside the chart: nothing.
    QTest::mouseClick(&view, Qt::LeftButton, {}, QPoint(2, 2));
    QCOMPARE(chosen.count(), 2);
}

void TestSweepView::pointsArriveLive()
{
    SweepView view;
    view.resize(700, 360);
    view.setPlannedLimits({1, 2, 4, 8});
    QVERIFY(view.points().isEmpty());
    QVERIFY(!view.grab().isNull());
    view.appendPoint(point(2, 10, 6));
    view.appendPoint(point(1, 20, 11));
    QCOMPARE(view.points().size(), 2);
    QCOMPARE(view.points().at(0).limit, 1);
    QCOMPARE(view.bestLimit(), 2);
    // The x axis already spans the planned limits: limit 2 sits left of the middle.
    QVERIFY(view.pointPosition(2).x() < view.width() / 2);
    view.appendPoint(point(2, 9, 6)); // the same limit again replaces it
    QCOMPARE(view.points().size(), 2);
    QCOMPARE(view.points().at(1).makespan, 9.0);
}

void TestSweepView::paintsAtSmallAndLargeSizesInBothThemes()
{
    for (const QSize size : {QSize(320, 160), QSize(1024, 260), QSize(1900, 500)}) {
        SweepView view;
        view.resize(size);
        view.setPoints(measuredPoints());
        QVERIFY(!view.grab().isNull());
        QPalette dark = view.palette();
        dark.setColor(QPalette::Window, QColor(0x2d, 0x2f, 0x33));
        view.setPalette(dark);
        const QImage image = view.grab().toImage();
        QCOMPARE(image.pixelColor(1, 1), TimelinePalette::dark().background);
        // Every point inside the widget.
        for (const SweepPoint &p : view.points())
            QVERIFY(view.rect().contains(view.pointPosition(p.limit)));
    }
    // A predicted sweep of many limits.
    SweepView view;
    view.resize(900, 300);
    QList<SweepPoint> many;
    for (int limit = 1; limit <= 64; ++limit) {
        SweepPoint p = point(limit, 100.0 / limit + 2, 50.0 / limit + 1);
        p.predicted = true;
        many << p;
    }
    view.setPoints(many);
    QVERIFY(!view.grab().isNull());
    QVERIFY(view.bestLimit() > 1);
}

void TestSweepView::keyboardChoosesALimit()
{
    SweepView view;
    view.resize(700, 360);
    view.setPoints(measuredPoints());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy chosen(&view, &SweepView::limitChosen);
    view.setFocus();
    QTest::keyClick(&view, Qt::Key_Home);
    QTest::keyClick(&view, Qt::Key_Right);
    QTest::keyClick(&view, Qt::Key_Return);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.at(0).at(0).toInt(), 2);
}

void TestSweepView::retryMarksAndTooltipRows()
{
    // Task 0 of 5,1,8 at limit 2 made 4 requests: 3 refused with 429 and retried, at 1, 2, 3 s.
    constexpr qint64 s = 1000000000;
    Scenario scenario;
    for (double d : {5.0, 1.0, 8.0}) {
        Task t;
        t.duration = d;
        scenario.tasks << t;
    }
    scenario.options.limit = 2;
    auto record = std::make_shared<RunRecord>(scenario);
    record->markSubmitted(0, 0);
    record->markSubmitted(1, 0);
    record->markSubmitted(2, 0);
    record->markStarted(0, 0, 1);
    record->markStarted(1, 0, 2);
    record->markFinished(1, 1 * s, TaskStatus::Ok);
    record->markStarted(2, 1 * s, 2);
    for (int k = 1; k <= 3; ++k)
        record->markAttemptFailed(0, k * s, true, true);
    record->markFinished(0, 5 * s, TaskStatus::Ok);
    record->markFinished(2, 9 * s, TaskStatus::Ok);
    record->publishEvents();
    QCOMPARE(record->attempts(0), 4);
    QCOMPARE(record->totalRetries(), 3);

    TimelineView view;
    view.resize(900, 400);
    const Schedule prediction = predictSchedule(scenario.tasks, scenario.options);
    view.setRuns({record}, {prediction});
    view.fit();
    const QImage image = view.renderImage();
    QVERIFY(!image.isNull());

    // A mark in the failure colour inside task 0's bar (its run has no failure otherwise), none
    // in task 2's.
    TimelineRenderer renderer;
    const TimelineRenderOptions o = view.renderOptions();
    const QRect bar0 = renderer.taskBarRect(view.rect(), o, 0, 0);
    const QRect bar2 = renderer.taskBarRect(view.rect(), o, 0, 2);
    QVERIFY(!bar0.isEmpty());
    QVERIFY(hasColour(image, bar0.adjusted(0, -2, 0, 2), o.palette.failed));
    QVERIFY(!hasColour(image, bar2, o.palette.failed));

    TimelineHit hit;
    hit.area = TimelineHit::Area::Lane;
    hit.run = 0;
    hit.lane = 0;
    hit.task = 0;
    const QString tip = TimelineToolTip::text(renderer, o, hit, {});
    QVERIFY2(tip.contains(QStringLiteral("attempts</td><td>4")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("rejected (429)</td><td>3")), qPrintable(tip));
    hit.task = hit.lane = 2;
    QVERIFY(!TimelineToolTip::text(renderer, o, hit, {}).contains(QStringLiteral("attempts")));

    // Worker lanes draw them too.
    view.setLaneMode(TimelineLaneMode::Workers);
    QVERIFY(!view.renderImage().isNull());
}

void TestSweepView::summaryHasRetryRows()
{
    constexpr qint64 s = 1000000000;
    Scenario scenario;
    for (double d : {2.0, 1.0}) {
        Task t;
        t.duration = d;
        scenario.tasks << t;
    }
    auto retried = std::make_shared<RunRecord>(scenario);
    for (int i = 0; i < 2; ++i) {
        retried->markSubmitted(i, 0);
        retried->markStarted(i, 0, i + 1);
    }
    retried->markAttemptFailed(0, 1 * s / 2, true, true);
    retried->markAttemptFailed(0, 1 * s, false, true);
    retried->markFinished(0, 2 * s, TaskStatus::Ok);
    retried->markFinished(1, 1 * s, TaskStatus::Ok);
    retried->publishEvents();
    const auto plain = idealRun({2.0, 1.0}, 0);
    const Schedule prediction = predictSchedule(scenario.tasks, scenario.options);

    CompareSummary summary;
    summary.setRuns({RunProgress::completed(plain, prediction)});
    QVERIFY(!summary.hasRetryRows());
    summary.setRuns({RunProgress::completed(plain, prediction),
                     RunProgress::completed(retried, prediction)});
    QVERIFY(summary.hasRetryRows());
    QCOMPARE(summary.cellText(summary.retriesRow(), 0), QStringLiteral("0"));
    QCOMPARE(summary.cellText(summary.retriesRow(), 1), QStringLiteral("2"));
    QCOMPARE(summary.cellText(summary.rejectedRow(), 1), QStringLiteral("1"));
    QCOMPARE(summary.cellText(summary.retriesRow(), 2), QStringLiteral("+2"));
    auto *table = summary.findChild<QTableWidget *>(QStringLiteral("summaryTable"));
    QVERIFY(table);
    QCOMPARE(table->item(summary.retriesRow(), 0)->text(), QStringLiteral("Retries"));
    QCOMPARE(table->item(summary.rejectedRow(), 0)->text(), QStringLiteral("Rejected (429)"));
}

QTEST_MAIN(TestSweepView)
#include "tst_sweepview.moc"
