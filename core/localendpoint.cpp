#include "localendpoint.h"

#include "tsanannotations.h"

#include <QCoreApplication>
#include <QEvent>
#include <QEventLoop>
#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <future>
#include <map>
#include <mutex>
#include <unistd.h>
#include <utility>
#include <vector>

// The servers the runs registered, shared between the threads that add them and read their
// counters and the endpoint's thread that serves them.
struct EndpointRegistry
{
    struct Server
    {
        ServerModel model;
        double timeScale = 1.0;
        // Written by the endpoint's thread only, read by any.
        std::atomic<int> peakInService{0};
        std::atomic<qint64> accepted{0};
        std::atomic<qint64> rejected{0};
        std::atomic<bool> stopped{false}; // LocalEndpoint::stopServer()
    };

    std::shared_ptr<Server> find(int id) const
    {
        std::lock_guard lock(mutex);
        const auto it = servers.find(id);
        return it == servers.end() ? nullptr : it->second;
    }

    mutable std::mutex mutex;
    std::map<int, std::shared_ptr<Server>> servers; // 0: the root's default server
    int nextId = 1;
    std::atomic<int> headTimeoutMs{LocalEndpoint::defaultHeadTimeoutMs};
    // The endpoint thread's server, to queue calls to it; set before the constructor returns.
    QObject *context = nullptr;
};

namespace {

using Clock = std::chrono::steady_clock;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 503:
        return "Service Unavailable";
    default:
        return status < 400 ? "OK" : "Error";
    }
}

void send(QTcpSocket *socket, int status, const QByteArray &body,
          const QByteArray &extraHeaders = {})
{
    const QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
                            + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                            + QByteArray::number(body.size()) + "\r\n" + extraHeaders
                            + "Connection: close\r\n\r\n";
    socket->write(head + body);
    socket->disconnectFromHost();
}

// Sends after `ms` milliseconds (the server's latency), unless the client went away before.
void sendAfter(int ms, QTcpSocket *socket, int status, const QByteArray &body,
               const QByteArray &extraHeaders = {})
{
    if (ms <= 0) {
        send(socket, status, body, extraHeaders);
        return;
    }
    QPointer<QTcpSocket> guard(socket);
    QTimer::singleShot(ms, Qt::PreciseTimer, socket, [guard, status, body, extraHeaders] {
        if (guard)
            send(guard, status, body, extraHeaders);
    });
}

// One server's /work requests in service, shared by processor sharing: with k in service each
// advances at min(1, capacity / k). Lives in the endpoint's thread. On every arrival and
// departure the remaining work is brought up to date and one timer is armed for the earliest
// completion: no polling.
class WorkProcessor
{
public:
    explicit WorkProcessor(std::shared_ptr<EndpointRegistry::Server> server)
        : m_server(std::move(server))
    {
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { update(); });
    }

    int latencyMs() const
    {
        const double ms = m_server->model.latency * m_server->timeScale * 1000.0;
        return ms > 0 ? int(std::lround(std::min(ms, 3600.0 * 1000.0))) : 0;
    }

    // A request for `work` real seconds of service.
    void arrive(QTcpSocket *socket, double work)
    {
        advance();
        const int maxInFlight = m_server->model.maxInFlight;
        if (maxInFlight > 0 && qsizetype(m_jobs.size()) >= maxInFlight) {
            m_server->rejected.fetch_add(1, std::memory_order_relaxed);
            const QByteArray retryAfter =
                    "Retry-After: " + QByteArray::number(retryAfterSeconds()) + "\r\n";
            sendAfter(latencyMs(), socket, 429, "too many requests", retryAfter);
            arm();
            return;
        }
        m_server->accepted.fetch_add(1, std::memory_order_relaxed);
        m_jobs.push_back({QPointer<QTcpSocket>(socket), work});
        const int inService = int(m_jobs.size());
        if (inService > m_server->peakInService.load(std::memory_order_relaxed))
            m_server->peakInService.store(inService, std::memory_order_relaxed);
        // A client that gives up (timeout, cancel) leaves the service: it no longer slows others.
        QObject::connect(socket, &QTcpSocket::disconnected, &m_timer, [this, socket] {
            advance();
            m_jobs.erase(std::remove_if(m_jobs.begin(), m_jobs.end(),
                                        [socket](const Job &j) { return j.socket == socket; }),
                         m_jobs.end());
            arm();
        });
        update();
    }

private:
    struct Job
    {
        QPointer<QTcpSocket> socket;
        double remaining = 0.0; // real seconds at full speed
    };

    double rate() const
    {
        const double capacity = m_server->model.capacity;
        if (capacity <= 0 || m_jobs.empty())
            return 1.0;
        return std::min(1.0, capacity / double(m_jobs.size()));
    }

    void advance()
    {
        const Clock::time_point now = Clock::now();
        const double elapsed = std::chrono::duration<double>(now - m_last).count();
        m_last = now;
        if (m_jobs.empty() || elapsed <= 0)
            return;
        const double done = elapsed * rate();
        for (Job &j : m_jobs)
            j.remaining -= done;
    }

    // Completes what is done, then arms the timer for the next completion.
    void update()
    {
        advance();
        // Timers have millisecond resolution: a job within a fraction of one is done.
        constexpr double tolerance = 2e-4;
        std::vector<QPointer<QTcpSocket>> done;
        const auto finished = std::stable_partition(m_jobs.begin(), m_jobs.end(), [](const Job &j) {
            return j.remaining > tolerance && j.socket;
        });
        for (auto it = finished; it != m_jobs.end(); ++it)
            done.push_back(it->socket);
        m_jobs.erase(finished, m_jobs.end());
        for (const QPointer<QTcpSocket> &socket : done) {
            if (socket)
                sendAfter(latencyMs(), socket, 200, "ok");
        }
        arm();
    }

    void arm()
    {
        if (m_jobs.empty()) {
            m_timer.stop();
            return;
        }
        double least = m_jobs.front().remaining;
        for (const Job &j : m_jobs)
            least = std::min(least, j.remaining);
        const double seconds = std::max(0.0, least) / rate();
        m_timer.start(int(std::min(std::ceil(seconds * 1000.0), 86400.0 * 1000.0 * 24)));
    }

    // Whole scenario seconds until the next request leaves the service (informative).
    qint64 retryAfterSeconds() const
    {
        double least = 0.0;
        if (!m_jobs.empty()) {
            least = m_jobs.front().remaining;
            for (const Job &j : m_jobs)
                least = std::min(least, j.remaining);
        }
        const double scenario = std::max(0.0, least) / rate() / m_server->timeScale;
        return std::max<qint64>(1, qint64(std::ceil(std::min(scenario, 86400.0))));
    }

    std::shared_ptr<EndpointRegistry::Server> m_server;
    std::vector<Job> m_jobs;
    QTimer m_timer;
    Clock::time_point m_last = Clock::now();
};

// LocalEndpoint::stopServer()'s request to the endpoint's thread. An event made and annotated
// before it is posted, like the engine's: a queued functor's captures would be written after the
// release, inside QMetaObject::invokeMethod().
class CloseServerEvent : public QEvent
{
public:
    CloseServerEvent(int id, std::promise<void> *closed)
        : QEvent(eventType())
        , m_id(id)
        , m_closed(closed)
    {
    }

    static QEvent::Type eventType()
    {
        static const auto type = QEvent::Type(QEvent::registerEventType());
        return type;
    }

    int m_id = 0;
    std::promise<void> *m_closed = nullptr;
};

class EndpointServer : public QTcpServer
{
public:
    explicit EndpointServer(const EndpointRegistry *registry)
        : m_registry(registry)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection())
                serve(socket);
        });
        // QTcpServer stops accepting after an error it does not deem temporary, such as running
        // out of file descriptors (EMFILE): every later request of the process would wait in the
        // listen queue for good. Nor would resumeAccepting() do: its socket engine keeps the first
        // error it sets, and when that is EMFILE, every later batch of connections (which ends in
        // EAGAIN) stops it again, until the next retry (40 sequential requests: 39 s instead of
        // 2). The listening socket is handed to a fresh engine instead, its queue kept, once
        // descriptors may be free again.
        connect(this, &QTcpServer::acceptError, this, [this] { recoverLater(); });
    }

protected:
    bool event(QEvent *event) override
    {
        if (event->type() != CloseServerEvent::eventType())
            return QTcpServer::event(event);
        Tsan::acquire(event);
        const auto *close = static_cast<CloseServerEvent *>(event);
        closeConnectionsOf(close->m_id);
        close->m_closed->set_value();
        return true;
    }

private:
    void closeConnectionsOf(int id)
    {
        const QList<QTcpSocket *> sockets = findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly);
        for (QTcpSocket *socket : sockets) {
            if (socket->property(serverProperty).toInt() == id)
                socket->abort();
        }
    }

    static constexpr int acceptRetryMs = 1000;

    void recoverLater()
    {
        QTimer::singleShot(acceptRetryMs, this, [this] { recover(); });
    }

    void recover()
    {
        const int fresh = ::dup(int(socketDescriptor()));
        if (fresh < 0) {
            recoverLater(); // still out of descriptors
            return;
        }
        close();
        if (!setSocketDescriptor(fresh)) {
            ::close(fresh);
            qWarning("tasklanes: the local endpoint stopped listening: %s",
                     qPrintable(errorString()));
        }
    }

    static constexpr const char *serverProperty = "tasklanesServer"; // set once the head is read

    // What a connection has sent until its head is complete.
    struct Head
    {
        QByteArray bytes;
        bool complete = false;
    };

    void serve(QTcpSocket *socket)
    {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        auto *headTimer = new QTimer(socket);
        headTimer->setSingleShot(true);
        connect(headTimer, &QTimer::timeout, socket, &QTcpSocket::abort);
        headTimer->start(m_registry->headTimeoutMs.load(std::memory_order_relaxed));
        auto head = std::make_shared<Head>();
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, headTimer, head] {
            if (head->complete) {
                socket->readAll(); // a body, or more: nothing the endpoint reads
                return;
            }
            const qsizetype searchFrom = std::max<qsizetype>(0, head->bytes.size() - 3);
            head->bytes +=
                    socket->read(LocalEndpoint::maxRequestHeadBytes + 1 - head->bytes.size());
            const qsizetype end = head->bytes.indexOf("\r\n\r\n", searchFrom);
            if (end < 0) {
                if (head->bytes.size() > LocalEndpoint::maxRequestHeadBytes)
                    socket->abort();
                return;
            }
            head->complete = true;
            headTimer->stop();
            const QByteArray request = std::exchange(head->bytes, {});
            socket->readAll();
            const QList<QByteArray> requestLine = request.left(request.indexOf("\r\n")).split(' ');
            const QUrl url(QString::fromLatin1(requestLine.value(1)));
            const QUrlQuery query(url);
            const double delay = query.queryItemValue(QStringLiteral("delay")).toDouble();
            QString path = url.path();
            int serverId = 0;
            if (path.startsWith(u"/srv/")) {
                const qsizetype slash = path.indexOf(u'/', 5);
                bool ok = false;
                serverId = QStringView(path).mid(5, slash < 0 ? -1 : slash - 5).toInt(&ok);
                if (!ok || serverId < 1 || slash < 0) {
                    send(socket, 404, "not found");
                    return;
                }
                path = path.mid(slash);
            }
            const auto entry = m_registry->find(serverId);
            if (entry && entry->stopped.load(std::memory_order_acquire)) {
                socket->abort();
                return;
            }
            socket->setProperty(serverProperty, serverId);
            WorkProcessor *server = processor(serverId);
            if (!server) {
                send(socket, 404, "no such server");
                return;
            }
            if (path == u"/hang")
                return;
            const int delayMs =
                    std::isfinite(delay) && delay > 0 ? int(std::min(delay, 3600.0) * 1000) : 0;
            QPointer<QTcpSocket> guard(socket);
            QTimer::singleShot(delayMs, socket, [this, guard, path, query, serverId] {
                if (guard)
                    answer(guard, path, query, serverId);
            });
        });
    }

    WorkProcessor *processor(int id)
    {
        const auto it = m_processors.find(id);
        if (it != m_processors.end())
            return it->second.get();
        auto server = m_registry->find(id);
        if (!server)
            return nullptr;
        return m_processors.emplace(id, std::make_unique<WorkProcessor>(std::move(server)))
                .first->second.get();
    }

    void answer(QTcpSocket *socket, const QString &path, const QUrlQuery &query, int serverId)
    {
        WorkProcessor *server = processor(serverId);
        int status = 200;
        QByteArray body;
        if (path == u"/work") {
            const auto entry = m_registry->find(serverId);
            bool ok = false;
            const double s = query.queryItemValue(QStringLiteral("s")).toDouble(&ok);
            if (!ok || !std::isfinite(s) || s < 0
                || s > ScenarioLimits::maxDuration * entry->timeScale * (1 + 1e-9)) {
                sendAfter(server->latencyMs(), socket, 400, "bad s: seconds from 0 to 86400");
                return;
            }
            server->arrive(socket, s);
            return;
        }
        if (path == u"/ip") {
            QHostAddress peer = socket->peerAddress();
            bool ok = false;
            const QHostAddress v4(peer.toIPv4Address(&ok));
            body = (ok ? v4 : peer).toString().toUtf8();
        } else if (path == u"/echo") {
            body = query.queryItemValue(QStringLiteral("text"), QUrl::FullyDecoded).toUtf8();
        } else if (path.startsWith(u"/status/")) {
            status = path.mid(8).toInt();
            if (status < 100 || status > 599)
                status = 400;
            body = "status " + QByteArray::number(status);
        } else if (path == u"/bytes") {
            const qint64 n = std::clamp<qint64>(
                    query.queryItemValue(QStringLiteral("n")).toLongLong(), 0, 16 * 1024 * 1024);
            body = QByteArray(n, 'x');
        } else {
            status = 404;
            body = "not found";
        }
        sendAfter(server->latencyMs(), socket, status, body);
    }

    const EndpointRegistry *m_registry;
    std::map<int, std::unique_ptr<WorkProcessor>> m_processors; // created on first request
};

} // namespace

LocalEndpoint *LocalEndpoint::instance()
{
    static QPointer<LocalEndpoint> endpoint;
    Q_ASSERT(QCoreApplication::instance());
    Q_ASSERT(QThread::currentThread() == QCoreApplication::instance()->thread());
    if (!endpoint)
        endpoint = new LocalEndpoint(QCoreApplication::instance());
    return endpoint;
}

LocalEndpoint::LocalEndpoint(QObject *parent)
    : QObject(parent)
    , m_registry(std::make_unique<EndpointRegistry>())
{
    m_registry->servers.emplace(0, std::make_shared<EndpointRegistry::Server>());
    // The server is created, listens, serves and is destroyed in the endpoint's own thread, so
    // nothing crosses threads through Qt's event queue (which ThreadSanitizer cannot see through
    // the distro's uninstrumented Qt): only the port, through a std::promise, which TSan sees.
    std::promise<void> ready;
    m_thread = QThread::create([this, &ready] {
        EndpointServer server(m_registry.get());
        if (server.listen(QHostAddress::LocalHost, 0))
            m_port = server.serverPort();
        else
            m_error = server.errorString();
        m_registry->context = &server;
        // Ready once the loop runs, not before: a caller may exhaust the process's descriptors
        // next (tst_serverabuse), and UBSan's check of the exec() call needs a pipe to read the
        // object. The timer is this thread's own; the promise still carries the hand-off. The
        // loop runs until the destructor's quit(), which ends every event loop of this thread.
        QEventLoop loop;
        QTimer::singleShot(0, &loop, [&ready] { ready.set_value(); });
        loop.exec();
    });
    m_thread->setObjectName(QStringLiteral("tasklanes-endpoint"));
    m_thread->start();
    ready.get_future().wait();
}

LocalEndpoint::~LocalEndpoint()
{
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

QString LocalEndpoint::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

int LocalEndpoint::addServer(const ServerModel &model, double timeScale)
{
    auto server = std::make_shared<EndpointRegistry::Server>();
    server->model = model;
    server->timeScale = timeScale > 0 ? timeScale : 1.0;
    std::lock_guard lock(m_registry->mutex);
    const int id = m_registry->nextId++;
    m_registry->servers.emplace(id, std::move(server));
    return id;
}

bool LocalEndpoint::stopServer(int id)
{
    const auto server = m_registry->find(id);
    if (id < 1 || !server)
        return false;
    server->stopped.store(true, std::memory_order_release);
    std::promise<void> closed;
    auto *event = new CloseServerEvent(id, &closed);
    Tsan::release(event);
    QCoreApplication::postEvent(m_registry->context, event);
    closed.get_future().wait();
    return true;
}

void LocalEndpoint::setHeadTimeout(int ms)
{
    m_registry->headTimeoutMs.store(std::max(1, ms), std::memory_order_relaxed);
}

QString LocalEndpoint::serverBaseUrl(int id) const
{
    return baseUrl() + QStringLiteral("/srv/%1").arg(id);
}

LocalEndpoint::Counters LocalEndpoint::serverCounters(int id) const
{
    Counters c;
    if (const auto server = m_registry->find(id)) {
        c.peakInService = server->peakInService.load(std::memory_order_relaxed);
        c.accepted = server->accepted.load(std::memory_order_relaxed);
        c.rejected = server->rejected.load(std::memory_order_relaxed);
    }
    return c;
}

QUrl LocalEndpoint::resolve(const QString &url, const QString &localBase, double timeScale)
{
    if (!isLocal(url))
        return QUrl(url);
    QUrl resolved(localBase + url.mid(6));
    QUrlQuery query(resolved);
    bool changed = false;
    for (const QString &key : {QStringLiteral("delay"), QStringLiteral("s")}) {
        if (!query.hasQueryItem(key) || (key == u"s" && !resolved.path().endsWith(u"/work")))
            continue;
        bool ok = false;
        const double seconds = query.queryItemValue(key).toDouble(&ok);
        if (!ok && key == u"s")
            continue; // left as written: /work answers 400 for a bad s
        query.removeAllQueryItems(key);
        query.addQueryItem(key, QString::number(seconds * timeScale, 'g', 9));
        changed = true;
    }
    if (changed)
        resolved.setQuery(query);
    return resolved;
}
