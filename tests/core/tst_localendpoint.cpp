#include "localendpoint.h"
#include "runengine.h"
#include "runrecord.h"
#include "testrun.h"
#include "testscenarios.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

struct Response
{
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    bool finished = false;
};

Response get(const QUrl &url)
{
    QNetworkAccessManager manager;
    std::unique_ptr<QNetworkReply> reply(manager.get(QNetworkRequest(url)));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    Response r;
    r.finished = reply->isFinished() || finished.wait(20000);
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.error = reply->error();
    return r;
}

} // namespace

// The embedded endpoint behind "local:" URLs: what each path answers, and that a scenario's delay
// is scenario time, scaled like every other duration.
class tst_LocalEndpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolve_data();
    void resolve();
    void isLocal_data();
    void isLocal();

    void listensOnLoopback();
    void paths_data();
    void paths();
    void delayIsHonoured();
    void delayIsScaledInARun();
    void hangTimesOutInARun();
};

void tst_LocalEndpoint::resolve_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<double>("timeScale");
    QTest::addColumn<QString>("expected"); // without the delay item
    QTest::addColumn<QString>("delay"); // empty: no delay item expected

    const QString base = u"http://127.0.0.1:4567"_s;
    QTest::newRow("ip") << u"local:/ip"_s << 1.0 << base + u"/ip"_s << QString();
    QTest::newRow("ip, scale ignored without delay")
            << u"local:/ip"_s << 0.01 << base + u"/ip"_s << QString();
    QTest::newRow("delay at 1") << u"local:/ip?delay=0.5"_s << 1.0 << base + u"/ip"_s << u"0.5"_s;
    QTest::newRow("delay scaled") << u"local:/ip?delay=2"_s << 0.01 << base + u"/ip"_s << u"0.02"_s;
    QTest::newRow("delay slowed down")
            << u"local:/ip?delay=2"_s << 3.0 << base + u"/ip"_s << u"6"_s;
    QTest::newRow("other items kept")
            << u"local:/echo?text=hi&delay=4"_s << 0.5 << base + u"/echo?text=hi"_s << u"2"_s;
    QTest::newRow("http unchanged") << u"http://example.org/ip?delay=3"_s << 0.01
                                    << u"http://example.org/ip?delay=3"_s << QString();
    QTest::newRow("https unchanged")
            << u"https://example.org/x"_s << 0.5 << u"https://example.org/x"_s << QString();
}

void tst_LocalEndpoint::resolve()
{
    QFETCH(QString, url);
    QFETCH(double, timeScale);
    QFETCH(QString, expected);
    QFETCH(QString, delay);

    QUrl resolved = LocalEndpoint::resolve(url, u"http://127.0.0.1:4567"_s, timeScale);
    QVERIFY(resolved.isValid());
    if (!delay.isEmpty() && LocalEndpoint::isLocal(url)) {
        QUrlQuery query(resolved);
        QCOMPARE(query.queryItemValue(u"delay"_s).toDouble(), delay.toDouble());
        query.removeAllQueryItems(u"delay"_s);
        resolved.setQuery(query);
    }
    QCOMPARE(resolved.toString(), expected);
}

void tst_LocalEndpoint::isLocal_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("local");

    QTest::newRow("local") << u"local:/ip"_s << true;
    QTest::newRow("http") << u"http://127.0.0.1/ip"_s << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("local in path") << u"http://x/local:/ip"_s << false;
}

void tst_LocalEndpoint::isLocal()
{
    QFETCH(QString, url);
    QFETCH(bool, local);
    QCOMPARE(LocalEndpoint::isLocal(url), local);
}

void tst_LocalEndpoint::listensOnLoopback()
{
    LocalEndpoint *endpoint = LocalEndpoint::instance();
    QVERIFY(endpoint);
    QVERIFY2(endpoint->isListening(), qPrintable(endpoint->errorString()));
    QVERIFY(endpoint->port() != 0);
    QCOMPARE(endpoint->baseUrl(), u"http://127.0.0.1:%1"_s.arg(endpoint->port()));
    QCOMPARE(LocalEndpoint::instance(), endpoint); // one per process
}

void tst_LocalEndpoint::paths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("ip") << u"/ip"_s << 200 << QByteArray("127.0.0.1");
    QTest::newRow("echo") << u"/echo?text=hello%20world"_s << 200 << QByteArray("hello world");
    QTest::newRow("echo unicode") << u"/echo?text=%E3%82%BF%E3%82%B9%E3%82%AF"_s << 200
                                  << u"タスク"_s.toUtf8();
    QTest::newRow("echo empty") << u"/echo"_s << 200 << QByteArray();
    QTest::newRow("status 503") << u"/status/503"_s << 503 << QByteArray("status 503");
    QTest::newRow("status 404") << u"/status/404"_s << 404 << QByteArray("status 404");
    QTest::newRow("status 201") << u"/status/201"_s << 201 << QByteArray("status 201");
    QTest::newRow("status out of range") << u"/status/99"_s << 400 << QByteArray("status 400");
    QTest::newRow("bytes") << u"/bytes?n=5"_s << 200 << QByteArray("xxxxx");
    QTest::newRow("bytes negative") << u"/bytes?n=-5"_s << 200 << QByteArray();
    QTest::newRow("unknown path") << u"/nope"_s << 404 << QByteArray("not found");
}

void tst_LocalEndpoint::paths()
{
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QByteArray, body);

    const Response r = get(QUrl(LocalEndpoint::instance()->baseUrl() + path));
    QVERIFY(r.finished);
    QCOMPARE(r.status, status);
    QCOMPARE(r.body, body);
}

void tst_LocalEndpoint::delayIsHonoured()
{
    QElapsedTimer timer;
    timer.start();
    const Response r = get(QUrl(LocalEndpoint::instance()->baseUrl() + u"/ip?delay=0.3"_s));
    QVERIFY(r.finished);
    QCOMPARE(r.body, QByteArray("127.0.0.1"));
    QVERIFY2(timer.elapsed() >= 270, qPrintable(u"answered after %1 ms"_s.arg(timer.elapsed())));
}

void tst_LocalEndpoint::delayIsScaledInARun()
{
    // 4 scenario seconds at time scale 0.05 is 0.2 real seconds, not 4.
    Scenario scenario;
    scenario.options.timeScale = 0.05;
    scenario.tasks = {httpTask(u"local:/ip?delay=4"_s)};
    const auto record = runToEnd(scenario);
    QVERIFY(record);
    QCOMPARE(record->status(0), TaskStatus::Ok);
    QCOMPARE(record->result(0), QVariant(u"127.0.0.1"_s));
    const TaskSample s = record->sample(0);
    const double seconds = double(s.finishedNs - s.startedNs) / 1e9;
    QVERIFY2(seconds >= 0.18 && seconds < 2.0, qPrintable(u"took %1 s"_s.arg(seconds)));
    QVERIFY2(record->toScenarioSeconds(s.finishedNs - s.startedNs) >= 3.6,
             "in scenario time the request takes its 4 s");
}

void tst_LocalEndpoint::hangTimesOutInARun()
{
    Scenario scenario;
    scenario.options.timeScale = 0.05;
    scenario.tasks = {httpTask(u"local:/hang"_s, 0.3), httpTask(u"local:/echo?text=fine"_s)};
    const auto record = runToEnd(scenario);
    QVERIFY(record);
    QCOMPARE(record->status(0), TaskStatus::Failed);
    QVERIFY2(record->result(0).toString().startsWith(u"timeout"_s),
             qPrintable(record->result(0).toString()));
    QCOMPARE(record->status(1), TaskStatus::Ok);
    QCOMPARE(record->result(1), QVariant(u"fine"_s));
}

QTEST_GUILESS_MAIN(tst_LocalEndpoint)
#include "tst_localendpoint.moc"
