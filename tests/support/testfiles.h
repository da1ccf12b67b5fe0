#pragma once

#include <QByteArray>
#include <QString>

// True when `content` was written to `path` in full (the file is replaced).
bool writeFile(const QString &path, const QByteArray &content);
