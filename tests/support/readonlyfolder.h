#pragma once

#include <QByteArray>
#include <QString>

// A folder that cannot be written, for the tests of export targets. As root (who may write to any
// folder) a small tmpfs is mounted on `path` and remounted read-only (needs CAP_SYS_ADMIN; CI is
// root); otherwise the folder's permissions are dropped to read and search. `path` is made when
// missing; `fileName`, when given, is a file with `content` left in the folder beforehand. Undone
// by the destructor.
class ReadOnlyFolder
{
public:
    explicit ReadOnlyFolder(const QString &path, const QString &fileName = QString(),
                            const QByteArray &content = QByteArray());
    ~ReadOnlyFolder();
    ReadOnlyFolder(const ReadOnlyFolder &) = delete;
    ReadOnlyFolder &operator=(const ReadOnlyFolder &) = delete;

    // The folder is read-only (and holds the file).
    bool isReady() const { return m_ready; }
    // Read-only as a file system (the tmpfs), not by permissions: writes fail with EROFS.
    bool isReadOnlyFileSystem() const { return m_ready && m_mounted; }

private:
    QByteArray m_path;
    bool m_mounted = false;
    bool m_ready = false;
};
