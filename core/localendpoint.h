#pragma once

#include "scenario.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class QThread;
struct EndpointRegistry;

// A small HTTP endpoint on 127.0.0.1 with an ephemeral port, so that HTTP examples work offline.
// Scenarios refer to it as "local:/path". It serves, after an optional ?delay=S (seconds):
//   /ip            the caller's address as text (like the article's IP service)
//   /echo?text=T   T as text
//   /status/N      HTTP status N with a short body
//   /bytes?n=N     N bytes of "x"
//   /hang          accepts and never answers (for timeouts)
//   /work?s=S      S seconds of service from a modelled server (ServerModel): processor sharing
//                  over `capacity`, 429 Too Many Requests above `max_in_flight`, and `latency`
//                  before every answer of that server
// Each run registers a server of its own (addServer()) and reaches it under /srv/ID/...; the
// paths at the root are a server with the default model (full speed, no cap, no latency).
// It runs in its own thread for the rest of the process, created on first use from the main thread.
// Any local process may connect, so a client is held to a head of at most maxRequestHeadBytes
// sent within the head timeout; what follows the head is read and dropped.
class LocalEndpoint : public QObject
{
    Q_OBJECT
public:
    // The process-wide endpoint, started on first use. Call from the application's thread.
    static LocalEndpoint *instance();
    ~LocalEndpoint() override;

    quint16 port() const { return m_port; }
    bool isListening() const { return m_port != 0; }
    QString errorString() const { return m_error; }
    // "http://127.0.0.1:PORT"
    QString baseUrl() const;

    // A fresh server with its own counters; timeScale turns the model's scenario seconds
    // (latency) into real ones. Returns its id (>= 1). Thread-safe.
    int addServer(const ServerModel &model, double timeScale);
    // "http://127.0.0.1:PORT/srv/ID": the local base of a run served by server `id`.
    QString serverBaseUrl(int id) const;

    struct Counters
    {
        int peakInService = 0; // most /work requests in service at once
        qint64 accepted = 0; // /work requests that entered service
        qint64 rejected = 0; // answered 429 Too Many Requests
    };
    // The counters of server `id` (all 0 for an unknown id). Thread-safe.
    Counters serverCounters(int id) const;

    // Stops server `id` as a remote server dies: its open connections are closed at once, without
    // an answer (requests in service, in their latency or delay, hanging), and every later request
    // to it is closed as soon as its head is read. The port stays open for the other servers, so
    // clients see "connection closed" rather than "connection refused"; both are connection
    // failures a task retries. Returns once the connections are closed; false for an unknown id
    // or the root's server (0). Thread-safe, but not from the endpoint's own thread.
    bool stopServer(int id);

    // A request's head (request line and headers) larger than this closes the connection.
    static constexpr qsizetype maxRequestHeadBytes = 64 * 1024;
    // Time a client has from connecting to the end of its request's head; then its connection is
    // closed, so that a client that never sends, or sends a byte now and then, does not keep its
    // socket for the rest of the process. The whole head counts, not the gaps between its bytes.
    // No limit once the head is in: /hang and ?delay= answer late on purpose.
    static constexpr int defaultHeadTimeoutMs = 10000;
    // Applies to the connections accepted from then on (tests shorten it). Thread-safe.
    void setHeadTimeout(int ms);

    // Maps "local:/ip?delay=0.5" to the real URL; the delay and /work's service time s are
    // scenario time, so they are multiplied by timeScale. Other URLs are returned unchanged.
    static QUrl resolve(const QString &url, const QString &localBase, double timeScale);
    static bool isLocal(const QString &url) { return url.startsWith(QStringLiteral("local:")); }

private:
    explicit LocalEndpoint(QObject *parent);

    QThread *m_thread = nullptr;
    std::unique_ptr<EndpointRegistry> m_registry;
    quint16 m_port = 0;
    QString m_error;
};
