#include "localendpoint.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <cmath>
#include <future>

namespace {

class EndpointServer : public QTcpServer
{
public:
    EndpointServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection())
                serve(socket);
        });
    }

private:
    void serve(QTcpSocket *socket)
    {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            if (socket->property("answered").toBool())
                return;
            QByteArray request = socket->property("request").toByteArray() + socket->readAll();
            if (request.size() > 64 * 1024) {
                socket->abort();
                return;
            }
            socket->setProperty("request", request);
            if (!request.contains("\r\n\r\n"))
                return;
            socket->setProperty("answered", true);
            const QList<QByteArray> requestLine = request.left(request.indexOf("\r\n")).split(' ');
            const QUrl url(QString::fromLatin1(requestLine.value(1)));
            const QUrlQuery query(url);
            const double delay = query.queryItemValue(QStringLiteral("delay")).toDouble();
            const QString path = url.path();
            if (path == u"/hang")
                return;
            const int delayMs =
                    std::isfinite(delay) && delay > 0 ? int(std::min(delay, 3600.0) * 1000) : 0;
            QPointer<QTcpSocket> guard(socket);
            QTimer::singleShot(delayMs, socket, [guard, path, query] {
                if (guard)
                    answer(guard, path, query);
            });
        });
    }

    static void answer(QTcpSocket *socket, const QString &path, const QUrlQuery &query)
    {
        int status = 200;
        QByteArray body;
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
        const QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' '
                                + (status < 400 ? "OK" : "Error")
                                + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                                + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n";
        socket->write(head + body);
        socket->disconnectFromHost();
    }
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
{
    // The server is created, listens, serves and is destroyed in the endpoint's own thread, so
    // nothing crosses threads through Qt's event queue (which ThreadSanitizer cannot see through
    // the distro's uninstrumented Qt): only the port, through a std::promise, which TSan sees.
    std::promise<void> ready;
    m_thread = QThread::create([this, &ready] {
        EndpointServer server;
        if (server.listen(QHostAddress::LocalHost, 0))
            m_port = server.serverPort();
        else
            m_error = server.errorString();
        ready.set_value();
        // Until the destructor's quit(), which ends every event loop of this thread (and makes
        // exec() return at once if it comes first).
        QEventLoop loop;
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

QUrl LocalEndpoint::resolve(const QString &url, const QString &localBase, double timeScale)
{
    if (!isLocal(url))
        return QUrl(url);
    QUrl resolved(localBase + url.mid(6));
    QUrlQuery query(resolved);
    if (query.hasQueryItem(QStringLiteral("delay"))) {
        const double delay = query.queryItemValue(QStringLiteral("delay")).toDouble() * timeScale;
        query.removeAllQueryItems(QStringLiteral("delay"));
        query.addQueryItem(QStringLiteral("delay"), QString::number(delay, 'g', 9));
        resolved.setQuery(query);
    }
    return resolved;
}
