#include "retry.h"
#include "runengine.h"
#include "runrecord.h"
#include "schedule.h"
#include "taskrunner.h"
#include "testrun.h"
#include "testscenarios.h"
#include "tsanannotations.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <atomic>
#include <memory>
#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace {

// A scripted HTTP/1.1 server. It lives in its own thread so that it answers while the engine's
// pool threads sit in their own event loops. Paths:
//   /hello                        200, a body with surrounding white space and non-ASCII text
//   /reply?status=S&ms=M&body=B   status S (default 200), body B, after M ms
//   /big?len=N                    N characters cycling through a..z
//   /hang                         reads the request and never answers
//   /reset?rst=1                  Content-Length 1000, 10 bytes, then abort() (rst=1: a TCP RST)
//   /endless                      streams a body until the client goes away
//   /gate?n=N&id=X                holds each request until N are held (or 5 s), then answers X
//   /flaky?id=X&fail=N&status=S   the first N requests for X answer S, the next ones 200
//   "recovered"
class ScriptedServer final : public QTcpServer
{
public:
    static constexpr qint64 endlessServerCap = 256 * 1024 * 1024;

    std::atomic<int> inFlight{0};
    std::atomic<int> maxInFlight{0};
    std::atomic<int> maxGateHeld{0};
    std::atomic<qint64> endlessSent{0};
    std::atomic<bool> endlessClosedByClient{false};
    std::atomic<bool> endlessHitCap{false};

    ScriptedServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection())
                serve(socket);
        });
    }
    // Deleted in the server thread after the test thread last touched it (cleanupTestCase), an
    // edge ThreadSanitizer cannot see through Qt's event queue.
    ~ScriptedServer() override { Tsan::acquire(this); }

    void resetStats()
    {
        maxInFlight = 0;
        maxGateHeld = 0;
        endlessSent = 0;
        endlessClosedByClient = false;
        endlessHitCap = false;
    }

private:
    void serve(QTcpSocket *socket)
    {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        auto head = std::make_shared<QByteArray>();
        auto dispatched = std::make_shared<bool>(false);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, head, dispatched] {
            const QByteArray data = socket->readAll();
            if (*dispatched)
                return;
            *head += data;
            if (!head->contains("\r\n\r\n"))
                return;
            *dispatched = true;
            const QList<QByteArray> requestLine = head->left(head->indexOf("\r\n")).split(' ');
            handle(socket, QUrl(QString::fromLatin1(requestLine.value(1))));
        });
    }

    static QByteArray reason(int status)
    {
        switch (status) {
        case 200:
            return "OK";
        case 404:
            return "Not Found";
        case 429:
            return "Too Many Requests";
        case 500:
            return "Internal Server Error";
        case 503:
            return "Service Unavailable";
        default:
            return "Status";
        }
    }

    static void respond(QTcpSocket *socket, int status, const QByteArray &body)
    {
        const QByteArray response =
                "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status)
                + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
        socket->write(response);
        socket->disconnectFromHost();
    }

    void handle(QTcpSocket *socket, const QUrl &url)
    {
        const QUrlQuery query(url);
        const QString path = url.path();
        if (path == u"/hang")
            return;
        if (path == u"/reset") {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n"
                          "Connection: close\r\n\r\n0123456789");
            socket->flush();
            const bool rst = query.queryItemValue(u"rst"_s) == u"1";
            // A moment later, so that the client is surely in the middle of the body.
            QTimer::singleShot(50, socket, [socket, rst] {
                if (rst) {
                    const struct linger hard = {1, 0};
                    ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard,
                                 sizeof hard);
                }
                socket->abort();
            });
            return;
        }
        if (path == u"/endless") {
            streamForever(socket);
            return;
        }
        if (path == u"/gate") {
            hold(socket, query.queryItemValue(u"n"_s).toInt(),
                 query.queryItemValue(u"id"_s).toUtf8());
            return;
        }

        int status = 200;
        QByteArray body;
        if (path == u"/flaky") {
            int &seen = m_flaky[query.queryItemValue(u"id"_s)];
            if (++seen <= query.queryItemValue(u"fail"_s).toInt()) {
                status = query.queryItemValue(u"status"_s).toInt();
                body = "try again";
            } else {
                body = "recovered";
            }
        } else if (path == u"/hello") {
            body = u"\r\n  héllo, タスク  \n"_s.toUtf8();
        } else if (path == u"/big") {
            const int len = query.queryItemValue(u"len"_s).toInt();
            for (int i = 0; i < len; ++i)
                body += char('a' + i % 26);
        } else if (path == u"/reply") {
            if (query.hasQueryItem(u"status"_s))
                status = query.queryItemValue(u"status"_s).toInt();
            body = query.queryItemValue(u"body"_s, QUrl::FullyDecoded).toUtf8();
        } else {
            status = 404;
            body = "no such path";
        }
        const int now = ++inFlight;
        int seen = maxInFlight.load();
        while (now > seen && !maxInFlight.compare_exchange_weak(seen, now)) { }
        const int ms = query.queryItemValue(u"ms"_s).toInt();
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(ms, Qt::PreciseTimer, this, [this, guard, status, body] {
            --inFlight;
            if (guard)
                respond(guard, status, body);
        });
    }

    QHash<QString, int> m_flaky; // requests seen per /flaky id, in the server's thread

    void streamForever(QTcpSocket *socket)
    {
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n");
        const QByteArray chunk(64 * 1024, 'y');
        auto refill = [this, socket, chunk] {
            if (socket->state() != QAbstractSocket::ConnectedState)
                return;
            while (socket->bytesToWrite() < 256 * 1024) {
                if (endlessSent >= endlessServerCap) {
                    endlessHitCap = true;
                    socket->disconnectFromHost();
                    return;
                }
                socket->write(chunk);
                endlessSent += chunk.size();
            }
        };
        connect(socket, &QTcpSocket::bytesWritten, socket, refill);
        connect(socket, &QTcpSocket::disconnected, this, [this] {
            if (!endlessHitCap)
                endlessClosedByClient = true;
        });
        refill();
    }

    void hold(QTcpSocket *socket, int n, const QByteArray &id)
    {
        m_gate.append({socket, id});
        maxGateHeld = std::max(maxGateHeld.load(), int(m_gate.size()));
        if (m_gate.size() >= n) {
            releaseGate();
        } else if (m_gate.size() == 1) {
            // If the client never sends all N at once, answer anyway: the test then fails on
            // maxGateHeld rather than hanging.
            QTimer::singleShot(5000, this, [this] { releaseGate(); });
        }
    }

    void releaseGate()
    {
        for (const auto &[socket, id] : std::as_const(m_gate)) {
            if (socket)
                respond(socket, 200, id);
        }
        m_gate.clear();
    }

    QList<std::pair<QPointer<QTcpSocket>, QByteArray>> m_gate;
};

double realRunSeconds(const RunRecord &record, qsizetype index)
{
    const TaskSample s = record.sample(index);
    return double(s.finishedNs - s.startedNs) / 1e9;
}

enum class Match { Exact, Prefix, Contains, NotEmpty };

} // namespace

Q_DECLARE_METATYPE(TaskStatus)
Q_DECLARE_METATYPE(Match)

// HTTP tasks against a server started by the test: every way a request can end, and that one
// failing request never disturbs the other tasks of its run.
class tst_HttpTask : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void outcome_data();
    void outcome();
    void endlessBodyIsCapped();
    void limitHoldsForHttp();
    void unlimitedIsNotCappedPerHost();
    void resultsInSubmissionOrder();
    void retries_data();
    void retries();
    void cancelDuringBackoffIsQuick();
    void backoffFollowsRetryDelay();

private:
    QString url(const QString &pathAndQuery) const
    {
        return u"http://127.0.0.1:%1%2"_s.arg(m_server->serverPort()).arg(pathAndQuery);
    }

    QThread m_thread;
    ScriptedServer *m_server = nullptr;
    quint16 m_refusedPort = 0;
};

void tst_HttpTask::initTestCase()
{
    // Listens before its thread starts, and is deleted when that thread ends: no queued call into
    // the running thread, whose hand-off ThreadSanitizer cannot see through the distro's Qt.
    m_server = new ScriptedServer;
    QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0), qPrintable(m_server->errorString()));
    m_server->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_server, &QObject::deleteLater);
    m_thread.setObjectName(u"test-http-server"_s);
    m_thread.start();

    // A port nothing listens on: bind one, note it, close it.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    m_refusedPort = closed.serverPort();
    closed.close();
}

void tst_HttpTask::cleanupTestCase()
{
    Tsan::release(m_server); // acquired by ~ScriptedServer
    m_thread.quit();
    QVERIFY(m_thread.wait(10000));
}

void tst_HttpTask::init()
{
    m_server->resetStats();
}

void tst_HttpTask::outcome_data()
{
    QTest::addColumn<QString>("target"); // {server} and {refused} are replaced by real bases
    QTest::addColumn<double>("timeout");
    QTest::addColumn<TaskStatus>("status");
    QTest::addColumn<Match>("match");
    QTest::addColumn<QString>("result");
    QTest::addColumn<double>("minSeconds"); // real seconds the task must have taken at least
    QTest::addColumn<double>("maxSeconds");

    const QString big = [] {
        QString s;
        for (int i = 0; i < 200; ++i)
            s += QLatin1Char(char('a' + i % 26));
        return s;
    }();

    QTest::newRow("200 body trimmed") << u"{server}/hello"_s << 10.0 << TaskStatus::Ok
                                      << Match::Exact << u"héllo, タスク"_s << 0.0 << 30.0;
    QTest::newRow("200 first 200 chars") << u"{server}/big?len=5000"_s << 10.0 << TaskStatus::Ok
                                         << Match::Exact << big << 0.0 << 30.0;
    QTest::newRow("200 empty body") << u"{server}/reply"_s << 10.0 << TaskStatus::Ok << Match::Exact
                                    << u""_s << 0.0 << 30.0;
    QTest::newRow("slow server") << u"{server}/reply?ms=400&body=late"_s << 10.0 << TaskStatus::Ok
                                 << Match::Exact << u"late"_s << 0.38 << 30.0;
    QTest::newRow("404") << u"{server}/reply?status=404&body=gone"_s << 10.0 << TaskStatus::Failed
                         << Match::Exact << u"HTTP 404 Not Found"_s << 0.0 << 30.0;
    QTest::newRow("500") << u"{server}/reply?status=500"_s << 10.0 << TaskStatus::Failed
                         << Match::Exact << u"HTTP 500 Internal Server Error"_s << 0.0 << 30.0;
    QTest::newRow("refused port") << u"{refused}/"_s << 10.0 << TaskStatus::Failed
                                  << Match::Contains << u"refused"_s << 0.0 << 9.0;
    QTest::newRow("never answers") << u"{server}/hang"_s << 0.3 << TaskStatus::Failed
                                   << Match::Prefix << u"timeout after 0.3 s"_s << 0.29 << 5.0;
    QTest::newRow("closed mid-body") << u"{server}/reset"_s << 10.0 << TaskStatus::Failed
                                     << Match::Contains << u"closed"_s << 0.0 << 9.0;
    QTest::newRow("reset mid-body") << u"{server}/reset?rst=1"_s << 10.0 << TaskStatus::Failed
                                    << Match::NotEmpty << QString() << 0.0 << 9.0;
    QTest::newRow("invalid url: no scheme") << u"not a url"_s << 10.0 << TaskStatus::Failed
                                            << Match::Prefix << u"invalid URL"_s << 0.0 << 9.0;
    QTest::newRow("invalid url: ftp") << u"ftp://127.0.0.1/x"_s << 10.0 << TaskStatus::Failed
                                      << Match::Prefix << u"invalid URL"_s << 0.0 << 9.0;
    QTest::newRow("invalid url: no host") << u"http://"_s << 10.0 << TaskStatus::Failed
                                          << Match::NotEmpty << QString() << 0.0 << 9.0;
    QTest::newRow("dns failure") << u"http://nonexistent.invalid/"_s << 20.0 << TaskStatus::Failed
                                 << Match::Contains << u"nonexistent.invalid"_s << 0.0 << 30.0;
}

void tst_HttpTask::outcome()
{
    QFETCH(QString, target);
    QFETCH(double, timeout);
    QFETCH(TaskStatus, status);
    QFETCH(Match, match);
    QFETCH(QString, result);
    QFETCH(double, minSeconds);
    QFETCH(double, maxSeconds);

    target.replace(u"{server}"_s, url(QString()));
    target.replace(u"{refused}"_s, u"http://127.0.0.1:%1"_s.arg(m_refusedPort));

    // The task under test between neighbours that must come out intact.
    Scenario scenario;
    scenario.options.timeScale = 0.05;
    scenario.tasks = {sleepTask(1, QString(), u"before"_s), httpTask(target, timeout),
                      httpTask(url(u"/reply?body=neighbour"_s)), sleepTask(2)};
    const auto record = runToEnd(scenario);
    QVERIFY(record);

    const TaskSample sample = record->sample(1);
    const QVariant value = record->result(1);
    QCOMPARE(sample.status, status);
    QCOMPARE(value.typeId(), QMetaType::QString);
    const QString text = value.toString();
    switch (match) {
    case Match::Exact:
        QCOMPARE(text, result);
        break;
    case Match::Prefix:
        QVERIFY2(text.startsWith(result), qPrintable(text));
        break;
    case Match::Contains:
        QVERIFY2(text.contains(result, Qt::CaseInsensitive), qPrintable(text));
        break;
    case Match::NotEmpty:
        QVERIFY2(!text.trimmed().isEmpty(), "a failure must say why");
        QVERIFY2(!text.contains(u"0123456789"_s), qPrintable(text));
        break;
    }
    const double seconds = realRunSeconds(*record, 1);
    QVERIFY2(seconds >= minSeconds, qPrintable(u"took %1 s"_s.arg(seconds)));
    QVERIFY2(seconds <= maxSeconds, qPrintable(u"took %1 s"_s.arg(seconds)));

    QCOMPARE(record->status(0), TaskStatus::Ok);
    QCOMPARE(record->result(0), QVariant(u"before"_s));
    QCOMPARE(record->status(2), TaskStatus::Ok);
    QCOMPARE(record->result(2), QVariant(u"neighbour"_s));
    QCOMPARE(record->status(3), TaskStatus::Ok);
    QCOMPARE(record->result(3), QVariant(2.0));
}

void tst_HttpTask::endlessBodyIsCapped()
{
    Scenario scenario;
    scenario.options.timeScale = 0.05;
    scenario.tasks = {httpTask(url(u"/endless"_s), 60), sleepTask(1)};
    const auto record = runToEnd(scenario);
    QVERIFY(record);

    QCOMPARE(record->status(0), TaskStatus::Ok);
    QCOMPARE(record->result(0).toString(), QString(httpResultChars, QLatin1Char('y')));
    QCOMPARE(record->status(1), TaskStatus::Ok);
    QVERIFY2(realRunSeconds(*record, 0) < 30, "the task must stop reading, not wait for a timeout");
    // The client hung up after its cap, long before the server's own limit.
    QTRY_VERIFY_WITH_TIMEOUT(m_server->endlessClosedByClient.load(), 10000);
    QVERIFY(!m_server->endlessHitCap.load());
    QVERIFY2(m_server->endlessSent.load() < ScriptedServer::endlessServerCap / 4,
             qPrintable(u"server sent %1 bytes"_s.arg(m_server->endlessSent.load())));
}

void tst_HttpTask::limitHoldsForHttp()
{
    Scenario scenario;
    scenario.options.limit = 2;
    scenario.options.timeScale = 0.05;
    for (int i = 0; i < 6; ++i)
        scenario.tasks.append(httpTask(url(u"/reply?ms=150&body=%1"_s.arg(i))));
    const auto record = runToEnd(scenario);
    QVERIFY(record);

    for (int i = 0; i < 6; ++i) {
        QCOMPARE(record->status(i), TaskStatus::Ok);
        QCOMPARE(record->result(i), QVariant(QString::number(i)));
    }
    QCOMPARE(peakRunning(*record), 2);
    QVERIFY2(m_server->maxInFlight.load() <= 2,
             qPrintable(u"the server saw %1 requests at once"_s.arg(m_server->maxInFlight.load())));
}

void tst_HttpTask::unlimitedIsNotCappedPerHost()
{
    // QNetworkAccessManager runs at most 6 requests per host; the user's limit (here none) must be
    // the only one. The server answers only once all 8 requests are open at the same time.
    constexpr int n = 8;
    Scenario scenario;
    scenario.options.timeScale = 0.05;
    for (int i = 0; i < n; ++i)
        scenario.tasks.append(httpTask(url(u"/gate?n=%1&id=%2"_s.arg(n).arg(i)), 30));
    const auto record = runToEnd(scenario);
    QVERIFY(record);

    QCOMPARE(m_server->maxGateHeld.load(), n);
    QCOMPARE(peakRunning(*record), n);
    for (int i = 0; i < n; ++i) {
        QCOMPARE(record->status(i), TaskStatus::Ok);
        QCOMPARE(record->result(i), QVariant(QString::number(i)));
    }
}

void tst_HttpTask::resultsInSubmissionOrder()
{
    // The first submitted answers last; results still come back in submission order.
    Scenario scenario;
    scenario.options.timeScale = 0.05;
    for (int i = 0; i < 5; ++i) {
        scenario.tasks.append(httpTask(url(u"/reply?ms=%1&body=r%2"_s.arg((5 - i) * 60).arg(i))));
        scenario.tasks.append(sleepTask(0.5 * (i + 1)));
    }
    const auto record = runToEnd(scenario);
    QVERIFY(record);

    for (int i = 0; i < 5; ++i) {
        QCOMPARE(record->status(2 * i), TaskStatus::Ok);
        QCOMPARE(record->result(2 * i), QVariant(u"r%1"_s.arg(i)));
        QCOMPARE(record->status(2 * i + 1), TaskStatus::Ok);
        QCOMPARE(record->result(2 * i + 1), QVariant(0.5 * (i + 1)));
    }
    QCOMPARE(record->completionOrder().size(), scenario.tasks.size());
}

void tst_HttpTask::retries_data()
{
    QTest::addColumn<QString>("target"); // {server}, {refused} and {id} are replaced
    QTest::addColumn<int>("retries");
    QTest::addColumn<TaskStatus>("status");
    QTest::addColumn<QString>("result"); // prefix
    QTest::addColumn<int>("attempts");
    QTest::addColumn<int>("rejected");

    const TaskStatus ok = TaskStatus::Ok;
    const TaskStatus failed = TaskStatus::Failed;
    QTest::newRow("429 twice, then ok")
            << u"{server}/flaky?id={id}&fail=2&status=429"_s << 3 << ok << u"recovered"_s << 3 << 2;
    QTest::newRow("503 once, then ok")
            << u"{server}/flaky?id={id}&fail=1&status=503"_s << 1 << ok << u"recovered"_s << 2 << 0;
    QTest::newRow("429 every time") << u"{server}/reply?status=429"_s << 3 << failed
                                    << u"HTTP 429 Too Many Requests after 4 attempts"_s << 4 << 4;
    QTest::newRow("503 every time") << u"{server}/reply?status=503"_s << 2 << failed
                                    << u"HTTP 503 Service Unavailable after 3 attempts"_s << 3 << 0;
    QTest::newRow("429 without retries") << u"{server}/reply?status=429"_s << 0 << failed
                                         << u"HTTP 429 Too Many Requests"_s << 1 << 1;
    QTest::newRow("refused") << u"{refused}/x"_s << 2 << failed << QString() << 3 << 0;
    QTest::newRow("404 is not retried")
            << u"{server}/reply?status=404"_s << 3 << failed << u"HTTP 404 Not Found"_s << 1 << 0;
    QTest::newRow("500 is not retried") << u"{server}/reply?status=500"_s << 3 << failed
                                        << u"HTTP 500 Internal Server Error"_s << 1 << 0;
}

void tst_HttpTask::retries()
{
    QFETCH(QString, target);
    QFETCH(int, retries);
    QFETCH(TaskStatus, status);
    QFETCH(QString, result);
    QFETCH(int, attempts);
    QFETCH(int, rejected);

    target.replace(u"{server}"_s, url(QString()));
    target.replace(u"{refused}"_s, u"http://127.0.0.1:%1"_s.arg(m_refusedPort));
    // The /flaky counts are per id: one per row, whatever ran before.
    target.replace(u"{id}"_s,
                   QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-').remove(u','));

    Scenario scenario;
    scenario.options.timeScale = 0.05;
    Task task = httpTask(target, 30);
    task.retries = quint8(retries);
    task.setBackoff(0.2); // 10 ms real, doubling
    scenario.tasks = {sleepTask(1), task};
    const auto record = runToEnd(scenario);
    QVERIFY(record);

    QCOMPARE(record->status(1), status);
    QVERIFY2(record->result(1).toString().startsWith(result),
             qPrintable(record->result(1).toString()));
    if (attempts > 1 && status == TaskStatus::Failed)
        QVERIFY2(record->result(1).toString().endsWith(u"after %1 attempts"_s.arg(attempts)),
                 qPrintable(record->result(1).toString()));
    QCOMPARE(record->attempts(1), attempts);
    QCOMPARE(record->retryTimes(1).size(), qsizetype(attempts - 1));
    QCOMPARE(record->rejectedCount(1), rejected);
    QCOMPARE(record->totalRetries(), qsizetype(attempts - 1));
    QCOMPARE(record->totalRejected(), qsizetype(rejected));
    // The retries happen inside the task: their ends lie in its run, in order.
    const TaskSample s = record->sample(1);
    qint64 previous = s.startedNs;
    for (qint64 at : record->retryTimes(1)) {
        QVERIFY(at >= previous);
        QVERIFY(at <= s.finishedNs);
        previous = at;
    }
    QCOMPARE(record->attempts(0), 1);
}

void tst_HttpTask::cancelDuringBackoffIsQuick()
{
    // A backoff of 50 to 100 s after the first 503: cancel must not wait for it.
    Scenario scenario;
    Task task = httpTask(url(u"/reply?status=503"_s), 600);
    task.retries = 5;
    task.setBackoff(100);
    scenario.tasks = {task};
    RunEngine engine;
    QSignalSpy finished(&engine, &RunEngine::finished);
    QVERIFY(engine.start(scenario));
    QTRY_VERIFY_WITH_TIMEOUT(engine.record()->totalRetries() == 1, 20000);
    QElapsedTimer clock;
    clock.start();
    engine.cancel();
    QVERIFY(finished.wait(20000) || finished.size() == 1);
    QVERIFY2(clock.elapsed() < 20000, "cancel waited for the backoff");
    QCOMPARE(engine.record()->status(0), TaskStatus::Cancelled);
    QCOMPARE(engine.record()->attempts(0), 2); // the first, and the retry it was waiting for
}

void tst_HttpTask::backoffFollowsRetryDelay()
{
    // The waits between attempts follow retryDelay(): the run lasts at least their sum.
    Scenario scenario;
    scenario.options.timeScale = 0.05;
    scenario.options.seed = 7;
    Task task = httpTask(url(u"/reply?status=503"_s), 60);
    task.retries = 3;
    task.setBackoff(2);
    scenario.tasks = {task};
    const auto record = runToEnd(scenario);
    QVERIFY(record);
    const QList<qint64> at = record->retryTimes(0);
    QCOMPARE(at.size(), qsizetype(3));
    const double measured = record->toScenarioSeconds(record->sample(0).finishedNs - at.first());
    // From the first failure to the last: the second and third waits at least.
    QVERIFY2(measured >= retryDelay(2, 7, 0, 2) + retryDelay(2, 7, 0, 3) - 0.05,
             qPrintable(u"%1 s"_s.arg(measured)));
}

QTEST_GUILESS_MAIN(tst_HttpTask)
#include "tst_httptask.moc"
