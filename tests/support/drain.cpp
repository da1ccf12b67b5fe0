#include "drain.h"

#include <QFile>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

Drain::Drain(int fd)
    : m_thread([this, fd] {
        char chunk[65536];
        for (;;) {
            const ssize_t n = ::read(fd, chunk, sizeof chunk);
            if (n > 0)
                m_data.append(chunk, qsizetype(n));
            else if (n == 0 || errno != EINTR)
                return;
        }
    })
{
}

Drain::~Drain()
{
    if (m_thread.joinable())
        m_thread.join();
}

QByteArray Drain::take()
{
    if (m_thread.joinable())
        m_thread.join();
    return m_data;
}

FifoDrain::FifoDrain(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    if (::mkfifo(native.constData(), 0600) != 0)
        return;
    m_readFd = ::open(native.constData(), O_RDONLY | O_NONBLOCK);
    if (m_readFd < 0)
        return;
    m_keeper = ::open(native.constData(), O_WRONLY | O_NONBLOCK);
    if (m_keeper < 0 || ::fcntl(m_readFd, F_SETFL, 0) != 0)
        return;
    m_drain = std::make_unique<Drain>(m_readFd);
}

FifoDrain::~FifoDrain()
{
    take();
}

QByteArray FifoDrain::take()
{
    if (m_keeper >= 0) {
        ::close(m_keeper);
        m_keeper = -1;
    }
    QByteArray data;
    if (m_drain) {
        data = m_drain->take();
        m_drain.reset();
    }
    if (m_readFd >= 0) {
        ::close(m_readFd);
        m_readFd = -1;
    }
    return data;
}
