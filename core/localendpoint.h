#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

class QThread;

// A small HTTP endpoint on 127.0.0.1 with an ephemeral port, so that HTTP examples work offline.
// Scenarios refer to it as "local:/path". It serves, after an optional ?delay=S (seconds):
//   /ip            the caller's address as text (like the article's IP service)
//   /echo?text=T   T as text
//   /status/N      HTTP status N with a short body
//   /bytes?n=N     N bytes of "x"
//   /hang          accepts and never answers (for timeouts)
// It runs in its own thread for the rest of the process, created on first use from the main thread.
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

    // Maps "local:/ip?delay=0.5" to the real URL; the delay is scenario time, so it is multiplied
    // by timeScale. Other URLs are returned unchanged.
    static QUrl resolve(const QString &url, const QString &localBase, double timeScale);
    static bool isLocal(const QString &url) { return url.startsWith(QStringLiteral("local:")); }

private:
    explicit LocalEndpoint(QObject *parent);

    QThread *m_thread = nullptr;
    quint16 m_port = 0;
    QString m_error;
};
