#include "hugepages.h"
#include "radixsort.h"
#include "runrecord.h"
#include "testscenarios.h"

#include <QRandomGenerator>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <limits>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

// The one record of a run: what the engine writes and every view, exporter and statistic reads.
class tst_RunRecord : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusNames();
    void hugePageArrays();
    void samplesFollowTheTaskLifecycle();
    void eventsInPublicationOrder();
    void completionOrder();
    void resultDerivation();
    void timeConversion();
    void concurrentWritersPublishAGaplessPrefix();
    void loadedRun();
    void loadedLargeRunKeepsTiesInTaskOrder();
    void radixSortIsStable();
};

namespace {

QList<QPair<int, bool>> publishedEvents(const RunRecord &record)
{
    QList<QPair<int, bool>> events;
    for (qsizetype k = 0; k < record.publishedEventCount(); ++k) {
        const RunEvent e = record.event(k);
        events.append({e.task, e.finish});
    }
    return events;
}

} // namespace

void tst_RunRecord::statusNames()
{
    const QList<QPair<TaskStatus, QString>> names{{TaskStatus::Pending, u"pending"_s},
                                                  {TaskStatus::Running, u"running"_s},
                                                  {TaskStatus::Ok, u"ok"_s},
                                                  {TaskStatus::Failed, u"failed"_s},
                                                  {TaskStatus::Cancelled, u"cancelled"_s}};
    for (const auto &[status, name] : names) {
        QCOMPARE(taskStatusName(status), name);
        QCOMPARE(taskStatusFromName(name), std::optional<TaskStatus>(status));
    }
    QVERIFY(!taskStatusFromName(u"done").has_value());
    QVERIFY(!isTerminal(TaskStatus::Pending));
    QVERIFY(!isTerminal(TaskStatus::Running));
    QVERIFY(isTerminal(TaskStatus::Ok));
    QVERIFY(isTerminal(TaskStatus::Failed));
    QVERIFY(isTerminal(TaskStatus::Cancelled));
}

void tst_RunRecord::samplesFollowTheTaskLifecycle()
{
    RunRecord record(makeScenario({2, 3}));
    QCOMPARE(record.taskCount(), 2);
    QCOMPARE(record.finishedCount(), 0);
    QVERIFY(!record.isComplete());

    TaskSample s = record.sample(0);
    QCOMPARE(s.status, TaskStatus::Pending);
    QVERIFY(!s.hasStarted());
    QVERIFY(!s.hasFinished());
    QCOMPARE(s.worker, 0);

    record.markSubmitted(0, 100);
    record.markSubmitted(1, 100);
    record.markStarted(0, 250, 3);
    s = record.sample(0);
    QCOMPARE(s.status, TaskStatus::Running);
    QCOMPARE(s.submittedNs, 100);
    QCOMPARE(s.startedNs, 250);
    QCOMPARE(s.finishedNs, -1);
    QCOMPARE(s.worker, 3);
    QVERIFY(!record.result(0).isValid()); // no result while running

    record.markFinished(0, 900, TaskStatus::Ok);
    s = record.sample(0);
    QCOMPARE(s.status, TaskStatus::Ok);
    QCOMPARE(s.finishedNs, 900);
    QCOMPARE(record.finishedCount(), 1);
    QVERIFY(!record.isComplete());

    // Cancelled before it ever started: finished, but no start and no worker.
    record.markFinished(1, 950, TaskStatus::Cancelled);
    s = record.sample(1);
    QCOMPARE(s.status, TaskStatus::Cancelled);
    QVERIFY(!s.hasStarted());
    QCOMPARE(s.finishedNs, 950);
    QCOMPARE(s.worker, 0);
    QCOMPARE(record.finishedCount(), 2);
    QVERIFY(record.isComplete());
}

void tst_RunRecord::eventsInPublicationOrder()
{
    RunRecord record(makeScenario({1, 2, 3}));
    record.markStarted(2, 10, 1);
    record.markStarted(0, 20, 2);
    // Nothing is readable until the engine publishes.
    QCOMPARE(record.publishedEventCount(), 0);
    QCOMPARE(record.publishEvents(), 2);
    QCOMPARE(record.publishedEventCount(), 2);

    record.markFinished(0, 30, TaskStatus::Ok);
    record.markStarted(1, 30, 2);
    record.markFinished(2, 40, TaskStatus::Ok);
    QCOMPARE(record.publishedEventCount(), 2);
    QCOMPARE(record.publishEvents(), 5);
    QCOMPARE(record.publishEvents(), 5); // idempotent

    const QList<QPair<int, bool>> expected{
            {2, false}, {0, false}, {0, true}, {1, false}, {2, true}};
    QCOMPARE(publishedEvents(record), expected);
}

void tst_RunRecord::completionOrder()
{
    RunRecord record(makeScenario({5, 1, 8, 3, 4}));
    for (qsizetype i = 0; i < 5; ++i)
        record.markStarted(i, 0, int(i) + 1);
    for (qsizetype i : {1, 3, 4, 0, 2})
        record.markFinished(i, 10 * (i + 1), TaskStatus::Ok);
    // Only published events count.
    QVERIFY(record.completionOrder().isEmpty());
    record.publishEvents();
    QCOMPARE(record.completionOrder(), (QList<qsizetype>{1, 3, 4, 0, 2}));
}

void tst_RunRecord::resultDerivation()
{
    Scenario s = makeScenario({5, 0.25, 2, 3, 1});
    s.tasks[2].setMessage(u"hello"_s);
    s.tasks[4].setMessage(u"never shown"_s);
    RunRecord record(std::move(s));
    for (qsizetype i = 0; i < 4; ++i)
        record.markStarted(i, 0, 1);
    record.markFinished(0, 1, TaskStatus::Ok);
    record.markFinished(1, 1, TaskStatus::Ok);
    record.markFinished(2, 1, TaskStatus::Ok);
    record.markFinished(3, 1, TaskStatus::Failed, u"disk on fire"_s);
    QVERIFY(!record.result(4).isValid()); // pending
    record.markFinished(4, 1, TaskStatus::Cancelled);

    // A sleep returns its duration, as a number (the article's `return sec`).
    QCOMPARE(record.result(0).typeId(), int(QMetaType::Double));
    QCOMPARE(record.result(0).toDouble(), 5.0);
    QCOMPARE(record.result(1).toDouble(), 0.25);
    // A message is the result.
    QCOMPARE(record.result(2).typeId(), int(QMetaType::QString));
    QCOMPARE(record.result(2).toString(), u"hello"_s);
    // A failure keeps its error text.
    QCOMPARE(record.result(3).toString(), u"disk on fire"_s);
    // A cancelled task has no value, even when it has a message.
    QCOMPARE(record.result(4).typeId(), int(QMetaType::QString));
    QCOMPARE(record.result(4).toString(), u"cancelled"_s);
}

void tst_RunRecord::timeConversion()
{
    RunRecord record(makeScenario({8}, 0, 0.01));
    // 8 scenario seconds at 0.01 real seconds per scenario second are 80 ms.
    QCOMPARE(record.toNanoseconds(8.0), qint64(80'000'000));
    QCOMPARE(record.toScenarioSeconds(80'000'000), 8.0);
    QCOMPARE(record.toScenarioSeconds(record.toNanoseconds(1.234567)), 1.234567);
}

void tst_RunRecord::concurrentWritersPublishAGaplessPrefix()
{
    constexpr int writers = 4;
    constexpr int perWriter = 5000;
    constexpr qsizetype n = writers * perWriter;
    RunRecord record(makeScenario(QList<double>(n, 0.0)));

    std::atomic<bool> go{false};
    std::vector<std::unique_ptr<QThread>> threads;
    for (int w = 0; w < writers; ++w) {
        threads.emplace_back(QThread::create([&record, &go, w] {
            while (!go.load())
                QThread::yieldCurrentThread();
            for (int k = 0; k < perWriter; ++k) {
                const qsizetype i = qsizetype(w) * perWriter + k;
                record.markStarted(i, k, w + 1);
                record.markFinished(i, k + 1, TaskStatus::Ok);
            }
        }));
        threads.back()->start();
    }
    go.store(true);

    // The reader publishes while the writers run: the prefix only grows, and every published
    // event is a real one.
    // Failures are collected, not returned on, so the writers are always joined first.
    qsizetype last = 0;
    bool prefixOk = true;
    while (record.finishedCount() < n) {
        const qsizetype published = record.publishEvents();
        prefixOk = prefixOk && published >= last;
        for (qsizetype k = last; k < published; ++k) {
            const RunEvent e = record.event(k);
            prefixOk = prefixOk && e.task >= 0 && e.task < n;
        }
        last = std::max(last, published);
    }
    for (auto &t : threads)
        t->wait();
    QVERIFY(prefixOk);
    QCOMPARE(record.publishEvents(), 2 * n);

    // Each task appears exactly once as a start and once as a finish, the start first.
    std::vector<int> seen(size_t(n), 0);
    for (qsizetype k = 0; k < 2 * n; ++k) {
        const RunEvent e = record.event(k);
        int &state = seen[size_t(e.task)];
        QCOMPARE(state, e.finish ? 1 : 0);
        state += 1;
    }
    for (qsizetype i = 0; i < n; ++i) {
        QCOMPARE(seen[size_t(i)], 2);
        QCOMPARE(record.status(i), TaskStatus::Ok);
    }
    QCOMPARE(record.completionOrder().size(), n);
}

void tst_RunRecord::loadedRun()
{
    // A run read back from a file: entries set directly, then the events rebuilt by time.
    RunRecord record(makeScenario({5, 1, 8, 2}));
    auto sample = [](qint64 started, qint64 finished, TaskStatus status, int worker) {
        TaskSample s;
        s.submittedNs = 0;
        s.startedNs = started;
        s.finishedNs = finished;
        s.status = status;
        s.worker = worker;
        return s;
    };
    record.setLoaded(0, sample(0, 500, TaskStatus::Ok, 1), 5.0);
    record.setLoaded(1, sample(10, 110, TaskStatus::Ok, 2), 1.0);
    record.setLoaded(2, sample(120, 600, TaskStatus::Failed, 2), u"boom"_s);
    record.setLoaded(3, sample(-1, 600, TaskStatus::Cancelled, 0), QVariant());
    QCOMPARE(record.publishedEventCount(), 0);
    record.finishLoading();

    QCOMPARE(record.finishedCount(), 4);
    QVERIFY(record.isComplete());
    QCOMPARE(record.publishedEventCount(), 7); // 3 starts, 4 finishes
    const QList<QPair<int, bool>> expected{{0, false}, {1, false}, {1, true}, {2, false},
                                           {0, true},  {2, true},  {3, true}};
    QCOMPARE(publishedEvents(record), expected);
    QCOMPARE(record.completionOrder(), (QList<qsizetype>{1, 0, 2, 3}));

    QCOMPARE(record.sample(2).startedNs, 120);
    QCOMPARE(record.sample(2).worker, 2);
    QVERIFY(!record.sample(3).hasStarted());
    QCOMPARE(record.result(0).toDouble(), 5.0);
    QCOMPARE(record.result(2).toString(), u"boom"_s);
    QCOMPARE(record.result(3).toString(), u"cancelled"_s);
}

void tst_RunRecord::loadedLargeRunKeepsTiesInTaskOrder()
{
    // Past a few thousand events the order is radix-sorted: ties, many here, keep the order the
    // small runs' sort gives (by task, a task's start before its finish).
    const int n = 20000;
    RunRecord record(makeScenario(QList<double>(n, 1.0)));
    QRandomGenerator rng(7);
    struct Event
    {
        qint64 t;
        QPair<int, bool> event;
    };
    std::vector<Event> expected;
    for (int i = 0; i < n; ++i) {
        TaskSample s;
        s.submittedNs = 0;
        s.startedNs = qint64(rng.bounded(50)) * 1000000; // 50 instants for 40,000 events
        s.finishedNs = s.startedNs + qint64(rng.bounded(3)) * 1000000;
        s.status = TaskStatus::Ok;
        s.worker = 1 + i % 4;
        record.setLoaded(i, s, 1.0);
        expected.push_back({s.startedNs, {i, false}});
        expected.push_back({s.finishedNs, {i, true}});
    }
    std::stable_sort(expected.begin(), expected.end(),
                     [](const Event &a, const Event &b) { return a.t < b.t; });
    record.finishLoading();
    const QList<QPair<int, bool>> events = publishedEvents(record);
    QCOMPARE(events.size(), qsizetype(expected.size()));
    for (size_t k = 0; k < expected.size(); ++k)
        QCOMPARE(events.at(qsizetype(k)), expected[k].event);
}

void tst_RunRecord::radixSortIsStable()
{
    // Keys of every sign and spread, sorted as std::stable_sort does, small arrays and large.
    QRandomGenerator rng(11);
    for (const qint64 spread : {qint64(3), qint64(1) << 40, std::numeric_limits<qint64>::max()}) {
        for (const int n : {0, 1, 100, 5000, 30000}) {
            std::vector<std::pair<qint64, int>> v;
            for (int i = 0; i < n; ++i)
                v.push_back({qint64(rng.generate64() % quint64(spread)) - spread / 2, i});
            auto expected = v;
            std::stable_sort(expected.begin(), expected.end(),
                             [](const auto &a, const auto &b) { return a.first < b.first; });
            radixSortBy(v, [](const std::pair<qint64, int> &p) { return p.first; });
            QVERIFY(v == expected);
        }
    }
}

void tst_RunRecord::hugePageArrays()
{
    // Small arrays are plain allocations; large ones start on a huge-page boundary. Either way
    // every element is constructed once and destroyed once.
    static std::atomic<int> alive{0};
    struct Counted
    {
        Counted() { ++alive; }
        ~Counted() { --alive; }
        qint64 value = -1;
    };
    for (const size_t count : {size_t(0), size_t(3), size_t(200000)}) {
        {
            auto array = HugePages::makeArray<Counted>(count);
            QCOMPARE(alive.load(), int(count));
            for (size_t i = 0; i < count; ++i)
                QCOMPARE(array[i].value, qint64(-1));
            if (count * sizeof(Counted) >= HugePages::minBytes) {
                QCOMPARE(reinterpret_cast<quintptr>(array.get()) % HugePages::pageBytes,
                         quintptr(0));
            }
        }
        QCOMPARE(alive.load(), 0);
    }
    HugePages::advise(nullptr, 1 << 22); // no memory, no advice, no crash
    std::vector<char> small(100);
    HugePages::advise(small.data(), small.size());

    // A record of many tasks lives in such arrays and starts empty.
    Scenario s;
    s.tasks.resize(100000);
    RunRecord record(s);
    QCOMPARE(record.sample(99999).submittedNs, -1);
    QCOMPARE(record.status(12345), TaskStatus::Pending);
    QCOMPARE(record.publishedEventCount(), 0);
}

QTEST_GUILESS_MAIN(tst_RunRecord)
#include "tst_runrecord.moc"
