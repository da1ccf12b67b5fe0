#pragma once

#include <QString>

#include <functional>

class QIODevice;

// Writes `path` so that nothing is lost: a regular file (new or existing) is written through
// QSaveFile, so a failed write leaves an existing file exactly as it was. An existing file that
// is not regular (a device, a FIFO, /dev/stdout) is written in place, because QSaveFile would
// silently replace it with a regular file; a failed write there is still reported.
// `writer` writes the content and returns false when it failed. On failure *error names the path
// and the reason.
bool writeFileSafely(const QString &path, const std::function<bool(QIODevice &)> &writer,
                     QString *error);

// Writes all of `data`. A file size limit or a nearly full disk first accepts part of a write
// without an error (QFileDevice returns the short count); only the next write fails and sets the
// reason, so the rest is written again. False once the device fails.
bool writeAll(QIODevice &device, const QByteArray &data);
