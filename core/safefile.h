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
