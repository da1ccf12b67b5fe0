#include "monkeyguard.h"

#include <QApplication>
#include <QDateTime>
#include <QDialog>
#include <QMenu>
#include <QTimer>
#include <QWidget>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#endif

namespace {

// The ring's last text as bytes, for handlers that may not allocate: replaced whole under the
// mutex by the GUI thread, read under it (or, in a signal handler, without it) by dumpCurrent().
std::mutex ringMutex;
std::string ringBytes;
QtMessageHandler previousHandler = nullptr;
struct sigaction previousActions[NSIG];
const int crashSignals[] = {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL};

void writeAll(const std::string &bytes)
{
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(STDERR_FILENO, bytes.data() + done, bytes.size() - done);
        if (n <= 0)
            return;
        done += size_t(n);
    }
}

// Set once the process is going down: the watchdog then leaves the crash handler's slow stack
// trace alone.
std::atomic<bool> dying{false};

void onCrashSignal(int signal)
{
    dying = true;
    static volatile std::sig_atomic_t dumped = 0;
    if (!dumped) {
        dumped = 1;
        writeAll(ringBytes);
    }
    // The previous handler (QTest's, which prints a stack) or the default: the crash goes on.
    sigaction(signal, &previousActions[signal], nullptr);
    raise(signal);
}

void onMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtFatalMsg) {
        dying = true;
        ActionRing::dumpCurrent();
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
}

// Control characters and lone surrogates would garble the terminal: shown escaped, long texts cut.
QString printable(const QString &text)
{
    constexpr int maxShown = 100;
    QString out;
    for (qsizetype i = 0; i < text.size() && out.size() < maxShown; ++i) {
        const QChar c = text.at(i);
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.isSurrogate())
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    if (out.size() >= maxShown && text.size() > maxShown)
        out += QStringLiteral("\u2026 (%1 chars)").arg(text.size());
    return out;
}

} // namespace

ActionRing::ActionRing(quint32 seed)
    : m_seed(seed)
    , m_startMs(steadyMs())
{
    snapshot();
    previousHandler = qInstallMessageHandler(onMessage);
    for (int signal : crashSignals) {
        struct sigaction action = {};
        action.sa_handler = onCrashSignal;
        sigemptyset(&action.sa_mask);
        sigaction(signal, &action, &previousActions[signal]);
    }
#if defined(__SANITIZE_ADDRESS__)
    __sanitizer_set_death_callback(&ActionRing::dumpCurrent);
#endif
}

ActionRing::~ActionRing()
{
#if defined(__SANITIZE_ADDRESS__)
    __sanitizer_set_death_callback(nullptr);
#endif
    for (int signal : crashSignals)
        sigaction(signal, &previousActions[signal], nullptr);
    qInstallMessageHandler(previousHandler);
}

void ActionRing::record(const QString &kind, const QString &detail)
{
    ++m_count;
    const double seconds = double(steadyMs() - m_startMs) / 1000.0;
    QString line = QStringLiteral("#%1 %2s %3").arg(m_count).arg(seconds, 0, 'f', 2).arg(kind);
    if (!detail.isEmpty())
        line += QLatin1Char(' ') + printable(detail);
    m_lines.push_back(line);
    while (m_lines.size() > size_t(capacity))
        m_lines.pop_front();
    snapshot();
}

void ActionRing::note(const QString &text)
{
    m_lines.push_back(QStringLiteral("    ") + printable(text));
    while (m_lines.size() > size_t(capacity))
        m_lines.pop_front();
    snapshot();
}

QString ActionRing::text() const
{
    QString out = QStringLiteral("monkey: the last %1 of %2 actions (seed %3; replay with "
                                 "TASKLANES_MONKEY_SEED=%3):\n")
                          .arg(m_lines.size())
                          .arg(m_count)
                          .arg(m_seed);
    for (const QString &line : m_lines)
        out += QStringLiteral("  ") + line + QLatin1Char('\n');
    return out;
}

void ActionRing::dumpCurrent()
{
    std::unique_lock lock(ringMutex, std::try_to_lock);
    writeAll(ringBytes);
}

void ActionRing::snapshot()
{
    std::string bytes = text().toStdString();
    std::lock_guard lock(ringMutex);
    ringBytes.swap(bytes);
}

qint64 cpuMs(clockid_t clock)
{
    timespec t = {};
    clock_gettime(clock, &t);
    return qint64(t.tv_sec) * 1000 + t.tv_nsec / 1000000;
}

Watchdog::Watchdog(int stallMs, int hangMs, ActionRing &ring, QObject *parent)
    : QObject(parent)
    , m_stallMs(stallMs)
    , m_hangMs(hangMs)
    , m_ring(ring)
    , m_timer(new QTimer(this))
{
    pthread_getcpuclockid(pthread_self(), &m_guiClock);
    m_lastBeat = steadyMs();
    m_lastBeatCpu = cpuMs(m_guiClock);
    m_timer->setInterval(50);
    connect(m_timer, &QTimer::timeout, this, &Watchdog::beat);
    m_timer->start();
    m_thread = std::thread([this] { watch(); });
}

Watchdog::~Watchdog()
{
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void Watchdog::beat()
{
    const qint64 now = steadyMs();
    const qint64 gap = now - m_lastBeat.load();
    m_longestGap = std::max(m_longestGap.load(), gap);
    m_lastBeat = now;
    m_lastBeatCpu = cpuMs(m_guiClock);
    if (gap >= 1000)
        m_ring.note(QStringLiteral("the event loop was blocked for %1 ms").arg(gap));
}

void Watchdog::watch()
{
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, std::chrono::milliseconds(100), [this] { return m_quit; })) {
        const qint64 stale = steadyMs() - m_lastBeat.load();
        const qint64 busy = cpuMs(m_guiClock) - m_lastBeatCpu.load();
        if ((busy > m_stallMs || stale > m_hangMs) && !dying) {
            // The message handler prints the action ring first.
            qFatal("monkey: the event loop has not run for %lld ms, %lld ms of them busy in the "
                   "GUI thread (allowed: %d ms busy, %d ms in all); the last action above "
                   "blocked it",
                   static_cast<long long>(stale), static_cast<long long>(busy), m_stallMs,
                   m_hangMs);
        }
    }
}

DialogCloser::DialogCloser(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(40);
    connect(m_timer, &QTimer::timeout, this, &DialogCloser::closeOpen);
    m_timer->start();
}

QString closeFrontmost()
{
    if (QWidget *popup = QApplication::activePopupWidget())
        popup->close();
    QWidget *modal = QApplication::activeModalWidget();
    if (!modal)
        return {};
    const QString closed = QLatin1String(modal->metaObject()->className()) + QStringLiteral(" \"")
                           + modal->windowTitle() + QLatin1Char('"');
    if (auto *dialog = qobject_cast<QDialog *>(modal))
        dialog->done(QDialog::Rejected);
    else
        modal->close();
    return closed;
}

void DialogCloser::closeOpen()
{
    const QString closed = closeFrontmost();
    if (closed.isEmpty())
        return;
    ++m_closed;
    m_titles << closed;
}
