#include "readonlyfolder.h"

#include "testfiles.h"

#include <QDir>
#include <QFile>

#include <sys/mount.h>
#include <unistd.h>

ReadOnlyFolder::ReadOnlyFolder(const QString &path, const QString &fileName,
                               const QByteArray &content)
    : m_path(QFile::encodeName(path))
{
    if (!QDir().mkpath(path))
        return;
    const auto writeExisting = [&] {
        return fileName.isEmpty() || writeFile(path + u'/' + fileName, content);
    };
    if (::geteuid() != 0) {
        m_ready =
                writeExisting() && QFile::setPermissions(path, QFile::ReadOwner | QFile::ExeOwner);
        return;
    }
    const unsigned long flags = MS_NOSUID | MS_NODEV | MS_NOEXEC;
    if (::mount("tmpfs", m_path.constData(), "tmpfs", flags, "size=1m,mode=0755") != 0)
        return;
    m_mounted = true;
    m_ready = writeExisting()
              && ::mount(nullptr, m_path.constData(), nullptr, MS_REMOUNT | MS_RDONLY | flags,
                         nullptr)
                         == 0;
}

ReadOnlyFolder::~ReadOnlyFolder()
{
    if (m_mounted)
        ::umount2(m_path.constData(), MNT_DETACH);
    else
        QFile::setPermissions(QFile::decodeName(m_path),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}
