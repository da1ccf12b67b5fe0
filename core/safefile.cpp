#include "safefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace {

// Free functions: lupdate sees their text only with the context spelled out.
QString failure(const QString &path, const QString &reason)
{
    return QCoreApplication::translate("SafeFile", "cannot write \"%1\": %2")
            .arg(QDir::toNativeSeparators(path), reason);
}

} // namespace

bool writeFileSafely(const QString &path, const std::function<bool(QIODevice &)> &writer,
                     QString *error)
{
    Q_ASSERT(error);
    if (path.isEmpty()) {
        *error = QCoreApplication::translate("SafeFile", "no file name given");
        return false;
    }
    const QFileInfo info(path);
    if (info.exists() && info.isDir()) {
        *error = failure(path, QCoreApplication::translate("SafeFile", "it is a folder"));
        return false;
    }
    if (info.exists() && !info.isFile()) {
        QFile target(path);
        if (!target.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
            *error = failure(path, target.errorString());
            return false;
        }
        const bool written = writer(target);
        const bool flushed = target.flush();
        if (!written || !flushed || target.error() != QFileDevice::NoError) {
            *error = failure(path, target.errorString());
            return false;
        }
        return true;
    }
    const QFileInfo folder(info.absolutePath());
    if (!folder.exists()) {
        *error = failure(path,
                         QCoreApplication::translate("SafeFile", "the folder \"%1\" does not exist")
                                 .arg(QDir::toNativeSeparators(folder.filePath())));
        return false;
    }
    if (!folder.isDir()) {
        *error = failure(path, QCoreApplication::translate("SafeFile", "\"%1\" is not a folder")
                                       .arg(QDir::toNativeSeparators(folder.filePath())));
        return false;
    }
    QSaveFile file(path);
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = failure(path, file.errorString());
        return false;
    }
    if (!writer(file) || file.error() != QFileDevice::NoError) {
        const QString reason =
                file.error() != QFileDevice::NoError
                        ? file.errorString()
                        : QCoreApplication::translate("SafeFile",
                                                      "the data could not be written completely");
        file.cancelWriting();
        *error = failure(path, reason);
        return false;
    }
    if (!file.commit()) {
        *error = failure(path, file.errorString());
        return false;
    }
    return true;
}

bool writeAll(QIODevice &device, const QByteArray &data)
{
    qint64 done = 0;
    while (done < data.size()) {
        const qint64 n = device.write(data.constData() + done, data.size() - done);
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}
