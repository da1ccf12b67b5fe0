#pragma once

#include <QByteArray>
#include <QString>

// True when `content` was written to `path` in full (the file is replaced).
bool writeFile(const QString &path, const QByteArray &content);

// The whole content of `path`, empty when it cannot be read.
QByteArray readFile(const QString &path);
