#include "taskrunner.h"

#include "localendpoint.h"
#include "retry.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThread>
#include <QTimer>

#include <ctime>
#include <mutex>
#include <numeric>
#include <thread>
#include <vector>

namespace {

using Clock = TaskContext::Clock;

Clock::duration scaled(double scenarioSeconds, double timeScale)
{
    return std::chrono::duration_cast<Clock::duration>(
            std::chrono::duration<double>(scenarioSeconds * timeScale));
}

TaskOutcome runSleep(const Task &task, TaskContext &context, Clock::time_point started)
{
    const Clock::duration length = scaled(task.duration, context.timeScale());
    if (length.count() > 0 && !context.sleepUntil(started + length))
        return {TaskStatus::Cancelled, {}};
    return {TaskStatus::Ok, {}};
}

// The unit of CPU work: an integer mix the compiler cannot fold away.
quint64 spin(quint64 iterations, quint64 seed)
{
    quint64 x = seed | 1;
    for (quint64 i = 0; i < iterations; ++i) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
    }
    return x;
}

std::atomic<quint64> g_sink{0};

TaskOutcome runCpu(const Task &task, TaskContext &context)
{
    const double total = task.duration * context.timeScale() * cpuIterationsPerSecond();
    // Chunks of about a millisecond on an idle core, so cancel is noticed quickly.
    const quint64 chunk = std::max<quint64>(1, quint64(cpuIterationsPerSecond() / 1000.0));
    quint64 remaining = quint64(std::max(0.0, total));
    quint64 x = 0;
    while (remaining > 0) {
        if (context.isCancelled())
            return {TaskStatus::Cancelled, {}};
        const quint64 n = std::min(chunk, remaining);
        x += spin(n, x + remaining);
        remaining -= n;
    }
    g_sink.fetch_add(x, std::memory_order_relaxed);
    return {TaskStatus::Ok, {}};
}

// One HTTP request's end: the outcome it would give the task, and whether another attempt may
// fix it (429, 503 or a connection failure; not a timeout, a cancel, or another status).
struct Attempt
{
    TaskOutcome outcome;
    int status = 0;
    bool retryable = false;
};

bool isConnectionFailure(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
        return true;
    default:
        return false;
    }
}

Attempt attemptHttp(QNetworkAccessManager &manager, const QUrl &url, const Task &task,
                    TaskContext &context, Clock::time_point deadline)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("TaskLanes"));
    QNetworkReply *reply = manager.get(request);
    // Qt's read buffer is unlimited by default: its HTTP thread would pull an endless body into
    // memory as fast as the server sends it (256 MB in under 3 s in a sanitizer build, where this
    // thread reads slowly). Bounded, the excess stays in the socket and the cap below holds.
    reply->setReadBufferSize(256 * 1024);

    QEventLoop loop;
    QByteArray body;
    bool capped = false;
    bool timedOut = false;
    bool cancelled = false;
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, [&] {
        body += reply->read(httpBodyCap - body.size());
        if (body.size() >= httpBodyCap && !capped) {
            capped = true;
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer poll;
    poll.setInterval(5);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (reply->isFinished())
            return;
        if (context.isCancelled()) {
            cancelled = true;
            reply->abort();
        } else if (Clock::now() >= deadline) {
            timedOut = true;
            reply->abort();
        }
    });
    poll.start();
    if (!reply->isFinished())
        loop.exec();
    poll.stop();
    if (!capped && reply->isOpen())
        body += reply->read(httpBodyCap - body.size());

    Attempt attempt;
    TaskOutcome &outcome = attempt.outcome;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    attempt.status = status;
    // Qt 6.4 reports NoError when the server closes the connection before the Content-Length it
    // announced. The header is left only on replies Qt did not decompress, so it counts the bytes
    // read here.
    bool lengthOk = false;
    const qlonglong announced =
            reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&lengthOk);
    const bool truncated = lengthOk && !capped && body.size() < announced;
    if (cancelled) {
        outcome = {TaskStatus::Cancelled, {}};
    } else if (timedOut) {
        outcome = {TaskStatus::Failed,
                   QCoreApplication::translate("TaskRunner", "timeout after %1 s (real time)")
                           .arg(formatSeconds(task.timeout))};
    } else if (status >= 400) {
        const QString reason =
                reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        outcome = {TaskStatus::Failed,
                   QStringLiteral("HTTP %1 %2").arg(status).arg(reason).trimmed()};
        attempt.retryable = status == 429 || status == 503;
    } else if (reply->error() != QNetworkReply::NoError && !capped) {
        outcome = {TaskStatus::Failed, reply->errorString()};
        attempt.retryable = status == 0 && isConnectionFailure(reply->error());
    } else if (truncated) {
        outcome = {
                TaskStatus::Failed,
                QCoreApplication::translate("TaskRunner", "connection closed after %1 of %2 bytes")
                        .arg(QString::number(body.size()), QString::number(announced))};
    } else {
        QString text = QString::fromUtf8(body).trimmed();
        if (text.size() > httpResultChars)
            text.truncate(httpResultChars);
        outcome = {TaskStatus::Ok, text.isNull() ? QStringLiteral("") : text};
    }
    delete reply;
    // This pool thread has no running event loop: objects the manager scheduled for deletion
    // would otherwise leak.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return attempt;
}

TaskOutcome runHttp(const Task &task, qsizetype index, TaskContext &context)
{
    if (LocalEndpoint::isLocal(task.url()) && context.localBase().isEmpty())
        return {TaskStatus::Failed,
                QCoreApplication::translate("TaskRunner", "the local endpoint is not running")};
    const QUrl url = LocalEndpoint::resolve(task.url(), context.localBase(), context.timeScale());
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")) {
        return {TaskStatus::Failed,
                QCoreApplication::translate("TaskRunner", "invalid URL \"%1\"").arg(task.url())};
    }

    // One manager per task, in this pool thread: a shared manager would belong to another thread
    // and would queue requests beyond 6 per host, a limit the timeline must not show.
    QNetworkAccessManager manager;
    manager.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    // The timeout is the whole task's, its retries and their backoff included.
    const Clock::time_point deadline = Clock::now() + scaled(task.timeout, 1.0);
    const int retries = std::min<int>(task.retries, ScenarioLimits::maxRetries);
    // The task keeps its pool thread and its permits through its retries: it stays in here.
    for (int attempt = 1;; ++attempt) {
        const Attempt a = attemptHttp(manager, url, task, context, deadline);
        if (a.outcome.status != TaskStatus::Failed) {
            return a.outcome;
        }
        const bool again = a.retryable && attempt <= retries;
        const double delay =
                again ? retryDelay(task.backoff(), context.seed(), index, attempt) : 0.0;
        const Clock::time_point wakeUp = Clock::now() + scaled(delay, context.timeScale());
        // A backoff that would outlast the task's timeout is no retry: the task times out then.
        const bool outlasts = again && wakeUp >= deadline;
        if (a.retryable)
            context.attemptFailed(index, a.status == 429, again && !outlasts);
        if (outlasts) {
            if (!context.sleepUntil(deadline))
                return {TaskStatus::Cancelled, {}};
            return {TaskStatus::Failed,
                    QCoreApplication::translate("TaskRunner", "timeout after %1 s (real time)")
                            .arg(formatSeconds(task.timeout))};
        }
        if (!again) {
            if (attempt == 1)
                return a.outcome;
            return {TaskStatus::Failed,
                    QCoreApplication::translate("TaskRunner", "%1 after %n attempts", nullptr,
                                                attempt)
                            .arg(a.outcome.text)};
        }
        if (!context.sleepUntil(wakeUp))
            return {TaskStatus::Cancelled, {}};
    }
}

} // namespace

namespace {
std::atomic<double> g_cpuRate{0.0};

// This thread's processor time in seconds: what the calibration divides by, so that time the
// thread spent descheduled (other threads, other processes, the hypervisor) does not count. By
// wall time the same VM measured anything from 1.7e8 to 5.8e8 iterations a second, and a 1 s task
// then took 0.5 s or 1.5 s of processor.
double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

double measureCpuRate()
{
    // Grow the batch until it takes long enough to time reliably, then take the best of five.
    quint64 n = 1 << 16;
    double best = 0.0;
    for (int round = 0; round < 5; ++round) {
        for (;;) {
            const double t = threadCpuSeconds();
            g_sink.fetch_add(spin(n, n), std::memory_order_relaxed);
            const double s = threadCpuSeconds() - t;
            if (s >= 0.015) {
                best = std::max(best, double(n) / s);
                break;
            }
            n *= 2;
        }
    }
    return best;
}
} // namespace

double cpuIterationsPerSecond()
{
    static std::once_flag once;
    // A run's recalibration may have come first: then there is nothing to measure.
    std::call_once(once, [] {
        if (g_cpuRate.load(std::memory_order_relaxed) > 0.0)
            return;
        double expected = 0.0;
        g_cpuRate.compare_exchange_strong(expected, measureCpuRate());
    });
    return g_cpuRate.load(std::memory_order_relaxed);
}

double recalibrateCpuIterationsPerSecond()
{
    // Every core measured at once, as a run's cpu tasks find them (all busy), and their mean
    // taken. Measured once before the first run, not twice (cpuIterationsPerSecond() then finds
    // the figure set).
    const int cores = std::max(1, QThread::idealThreadCount());
    std::vector<double> rates(size_t(cores), 0.0);
    std::vector<std::thread> others;
    for (int c = 1; c < cores; ++c)
        others.emplace_back([&rates, c] { rates[size_t(c)] = measureCpuRate(); });
    rates[0] = measureCpuRate();
    for (std::thread &t : others)
        t.join();
    const double rate = std::accumulate(rates.begin(), rates.end(), 0.0) / double(cores);
    g_cpuRate.store(rate, std::memory_order_relaxed);
    return rate;
}

TaskOutcome runTask(const Task &task, qsizetype index, TaskContext &context,
                    Clock::time_point started)
{
    switch (task.kind) {
    case TaskKind::Sleep:
    case TaskKind::Trace: // a recorded slice replayed: it takes as long as it took
        return runSleep(task, context, started);
    case TaskKind::Cpu:
        return runCpu(task, context);
    case TaskKind::Http:
        return runHttp(task, index, context);
    }
    return {TaskStatus::Failed, QCoreApplication::translate("TaskRunner", "unknown task kind")};
}
