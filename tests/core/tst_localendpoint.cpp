#include "localendpoint.h"
#include "presets.h"
#include "runengine.h"
#include "runrecord.h"
#include "testrun.h"
#include "testscenarios.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
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

struct RawReply
{
    int status = 0;
    QByteArray head;
    QByteArray body;
    qint64 doneMs = -1; // when the server closed the connection, since the requests were sent
};

// Sends every request at once on raw sockets (no client-side limit per host) and waits for all
// answers.
QList<RawReply> getAll(const QStringList &paths, int timeoutMs = 30000)
{
    const quint16 port = LocalEndpoint::instance()->port();
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    QList<QByteArray> data(paths.size());
    QList<RawReply> replies(paths.size());
    QElapsedTimer clock;
    clock.start();
    int done = 0;
    for (qsizetype i = 0; i < paths.size(); ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        QTcpSocket *raw = socket.get();
        QObject::connect(raw, &QTcpSocket::readyRead, raw,
                         [&data, raw, i] { data[i] += raw->readAll(); });
        QObject::connect(raw, &QTcpSocket::disconnected, raw, [&, raw, i] {
            data[i] += raw->readAll();
            replies[i].doneMs = clock.elapsed();
            ++done;
        });
        raw->connectToHost(QHostAddress::LocalHost, port);
        raw->write("GET " + paths.at(i).toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        sockets.push_back(std::move(socket));
    }
    if (!QTest::qWaitFor([&] { return done == paths.size(); }, timeoutMs))
        qWarning("not every request was answered");
    for (qsizetype i = 0; i < paths.size(); ++i) {
        const QByteArray &d = data.at(i);
        const qsizetype end = d.indexOf("\r\n\r\n");
        replies[i].head = d.left(end);
        replies[i].body = end < 0 ? QByteArray() : d.mid(end + 4);
        replies[i].status = d.split(' ').value(1).toInt();
    }
    return replies;
}

QByteArray header(const RawReply &r, const QByteArray &name)
{
    for (const QByteArray &line : r.head.split('\n')) {
        if (line.trimmed().toLower().startsWith(QByteArray(name.toLower() + ':')))
            return line.mid(name.size() + 1).trimmed();
    }
    return {};
}

QString srv(int id, const QString &path)
{
    return u"/srv/%1%2"_s.arg(id).arg(path);
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

    // Issue 13: the modelled server behind local:/work.
    void resolveScalesWork();
    void workBadSeconds_data();
    void workBadSeconds();
    void unknownServer();
    void processorSharing();
    void rejectsAboveMaxInFlight();
    void peakNeverAboveMax();
    void latencyBeforeEveryAnswer();
    void apiCapacityPreset();
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

void tst_LocalEndpoint::resolveScalesWork()
{
    const QString base = u"http://127.0.0.1:4567/srv/3"_s;
    const QUrl work = LocalEndpoint::resolve(u"local:/work?s=2"_s, base, 0.25);
    QCOMPARE(work.path(), u"/srv/3/work"_s);
    QCOMPARE(QUrlQuery(work).queryItemValue(u"s"_s), u"0.5"_s);
    // A bad s is left for the endpoint to refuse.
    QCOMPARE(QUrlQuery(LocalEndpoint::resolve(u"local:/work?s=x"_s, base, 0.25))
                     .queryItemValue(u"s"_s),
             u"x"_s);
    // s means nothing to other paths.
    QCOMPARE(QUrlQuery(LocalEndpoint::resolve(u"local:/echo?s=2"_s, base, 0.25))
                     .queryItemValue(u"s"_s),
             u"2"_s);
}

void tst_LocalEndpoint::workBadSeconds_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("missing") << QString();
    QTest::newRow("text") << u"?s=x"_s;
    QTest::newRow("negative") << u"?s=-1"_s;
    QTest::newRow("infinite") << u"?s=inf"_s;
    QTest::newRow("nan") << u"?s=nan"_s;
    QTest::newRow("more than a day") << u"?s=86401"_s;
}

void tst_LocalEndpoint::workBadSeconds()
{
    QFETCH(QString, query);
    const int id = LocalEndpoint::instance()->addServer({}, 1.0);
    const QList<RawReply> r = getAll({srv(id, u"/work"_s + query), u"/work"_s + query});
    QCOMPARE(r.at(0).status, 400);
    QCOMPARE(r.at(1).status, 400);
    QCOMPARE(LocalEndpoint::instance()->serverCounters(id).accepted, 0);
}

void tst_LocalEndpoint::unknownServer()
{
    const QList<RawReply> r = getAll({u"/srv/999999/ip"_s, u"/srv/x/ip"_s, u"/work?s=0.01"_s});
    QCOMPARE(r.at(0).status, 404);
    QCOMPARE(r.at(1).status, 404);
    QCOMPARE(r.at(2).status, 200); // the root's server: full speed, no cap
    QCOMPARE(r.at(2).body, QByteArray("ok"));
}

void tst_LocalEndpoint::processorSharing()
{
    // Capacity 1: two requests of 0.2 s share it, so each needs 0.4 s; alone, one needs 0.2 s.
    ServerModel model;
    model.capacity = 1;
    const int id = LocalEndpoint::instance()->addServer(model, 1.0);
    const QList<RawReply> two = getAll({srv(id, u"/work?s=0.2"_s), srv(id, u"/work?s=0.2"_s)});
    for (const RawReply &r : two) {
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("ok"));
        QVERIFY2(r.doneMs >= 380, qPrintable(u"answered after %1 ms"_s.arg(r.doneMs)));
        QVERIFY2(r.doneMs < 10000, qPrintable(u"answered after %1 ms"_s.arg(r.doneMs)));
    }
    const LocalEndpoint::Counters c = LocalEndpoint::instance()->serverCounters(id);
    QCOMPARE(c.accepted, 2);
    QCOMPARE(c.rejected, 0);
    QCOMPARE(c.peakInService, 2);

    // A capacity of 2 serves both at full speed: each takes its own 0.2 s.
    model.capacity = 2;
    const int wide = LocalEndpoint::instance()->addServer(model, 1.0);
    const QList<RawReply> apart =
            getAll({srv(wide, u"/work?s=0.2"_s), srv(wide, u"/work?s=0.2"_s)});
    for (const RawReply &r : apart) {
        QCOMPARE(r.status, 200);
        QVERIFY2(r.doneMs >= 180, qPrintable(u"answered after %1 ms"_s.arg(r.doneMs)));
    }
}

void tst_LocalEndpoint::rejectsAboveMaxInFlight()
{
    ServerModel model;
    model.maxInFlight = 2;
    const int id = LocalEndpoint::instance()->addServer(model, 1.0);
    const QList<RawReply> r =
            getAll({srv(id, u"/work?s=1"_s), srv(id, u"/work?s=1"_s), srv(id, u"/work?s=1"_s)});
    int ok = 0;
    int refused = 0;
    for (const RawReply &reply : r) {
        if (reply.status == 200) {
            ++ok;
        } else {
            QCOMPARE(reply.status, 429);
            QVERIFY2(reply.head.startsWith("HTTP/1.1 429 Too Many Requests"),
                     reply.head.constData());
            bool isNumber = false;
            QVERIFY2(header(reply, "Retry-After").toInt(&isNumber) >= 1 && isNumber,
                     reply.head.constData());
            ++refused;
        }
    }
    QCOMPARE(ok, 2);
    QCOMPARE(refused, 1);
    const LocalEndpoint::Counters c = LocalEndpoint::instance()->serverCounters(id);
    QCOMPARE(c.accepted, 2);
    QCOMPARE(c.rejected, 1);
    QCOMPARE(c.peakInService, 2);
}

void tst_LocalEndpoint::peakNeverAboveMax()
{
    ServerModel model;
    model.capacity = 4;
    model.maxInFlight = 8;
    const int id = LocalEndpoint::instance()->addServer(model, 1.0);
    QStringList paths;
    for (int i = 0; i < 24; ++i)
        paths << srv(id, u"/work?s=1"_s);
    const QList<RawReply> r = getAll(paths);
    int ok = 0;
    for (const RawReply &reply : r) {
        QVERIFY2(reply.status == 200 || reply.status == 429, reply.head.constData());
        ok += reply.status == 200;
    }
    const LocalEndpoint::Counters c = LocalEndpoint::instance()->serverCounters(id);
    QVERIFY2(c.peakInService <= 8, qPrintable(QString::number(c.peakInService)));
    QVERIFY(c.peakInService >= 1);
    QCOMPARE(c.accepted, qint64(ok));
    QCOMPARE(c.accepted + c.rejected, qint64(24));
    QVERIFY(c.accepted >= 8); // nobody is refused before 8 are in service
}

void tst_LocalEndpoint::latencyBeforeEveryAnswer()
{
    // 0.6 scenario seconds at time scale 0.5: 0.3 s before every answer, 429s included.
    ServerModel model;
    model.latency = 0.6;
    model.maxInFlight = 1;
    const int id = LocalEndpoint::instance()->addServer(model, 0.5);
    const QList<RawReply> r = getAll({srv(id, u"/ip"_s), srv(id, u"/work?s=0.5"_s),
                                      srv(id, u"/work?s=0.5"_s), srv(id, u"/status/404"_s)});
    QCOMPARE(r.at(0).body, QByteArray("127.0.0.1"));
    QCOMPARE(r.at(3).status, 404);
    int refused = 0;
    for (const RawReply &reply : r) {
        refused += reply.status == 429;
        QVERIFY2(reply.doneMs >= 280, qPrintable(u"answered after %1 ms"_s.arg(reply.doneMs)));
    }
    QCOMPARE(refused, 1);
    // The served one: its 0.5 s of service, then the latency.
    for (const RawReply &reply : r.mid(1, 2)) {
        if (reply.status == 200)
            QVERIFY2(reply.doneMs >= 760, qPrintable(u"answered after %1 ms"_s.arg(reply.doneMs)));
    }
}

void tst_LocalEndpoint::apiCapacityPreset()
{
    // The preset's point: unlimited, calls crowd the server and are refused and retried; a limit
    // of 4 never reaches the server's max, so nothing is refused.
    const auto preset = Presets::find(u"api-capacity"_s);
    QVERIFY(preset);
    Scenario scenario = preset->scenario;
    scenario.options.timeScale = 0.25;
    QCOMPARE(scenario.options.limit, 4); // Compare's limited run
    const int presetLimit = scenario.options.limit;
    scenario.options.limit = 0;

    RunEngine engine;
    const auto unlimited = runToEnd(engine, scenario);
    QVERIFY(unlimited);
    QVERIFY(engine.serverId() > 0);
    const LocalEndpoint::Counters u = LocalEndpoint::instance()->serverCounters(engine.serverId());
    QVERIFY2(u.peakInService <= 8, qPrintable(QString::number(u.peakInService)));
    QVERIFY(u.rejected > 0);
    QVERIFY(unlimited->totalRejected() > 0);
    QVERIFY(unlimited->totalRetries() > 0);
    // Every 429 the server sent reached a task.
    QCOMPARE(qint64(unlimited->totalRejected()), u.rejected);

    scenario.options.limit = presetLimit;
    const int firstServer = engine.serverId();
    const auto limited = runToEnd(engine, scenario);
    QVERIFY(limited);
    QVERIFY(engine.serverId() != firstServer); // a fresh server, fresh counters
    const LocalEndpoint::Counters l = LocalEndpoint::instance()->serverCounters(engine.serverId());
    QCOMPARE(l.rejected, 0);
    QVERIFY(l.peakInService <= 4);
    QCOMPARE(l.accepted, qint64(24));
    QCOMPARE(limited->totalRejected(), 0);
    QCOMPARE(limited->totalRetries(), 0);
    for (qsizetype i = 0; i < limited->taskCount(); ++i) {
        QCOMPARE(limited->status(i), TaskStatus::Ok);
        QCOMPARE(limited->attempts(i), 1);
    }
}

QTEST_GUILESS_MAIN(tst_LocalEndpoint)
#include "tst_localendpoint.moc"
