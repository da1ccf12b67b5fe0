#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <functional>

// tasklanes-cli as a user runs it: the real binary under QProcess.

// The tasklanes-cli this build made.
QString cliPath();

struct CliOptions
{
    enum class Environment {
        Inherited, // as the test runs (ctest sets LANGUAGE=en)
        English, // C.UTF-8 locale and no LANGUAGE: messages and the log in English
        NoDisplay, // no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM: the CLI must cope alone
    };
    Environment environment = Environment::Inherited;
    // Runs in the child between fork and exec (resource limits and the like).
    std::function<void()> childSetup;
    int finishTimeoutMs = 120000;

    static CliOptions english(std::function<void()> childSetup = {});
    static CliOptions noDisplay();
};

struct CliRun
{
    bool finished = false; // ended within the timeout (it is killed otherwise)
    int exitCode = -1; // -1 when it crashed or was killed
    qint64 ms = 0; // start to end, for messages
    QByteArray outBytes;
    QString out; // outBytes as UTF-8
    QString err;
};

CliRun runCli(const QStringList &arguments, const CliOptions &options = {});

// Exit code, time, and the start of both streams, for a failure message.
QString describe(const CliRun &run);

// The environment of CliOptions::english(), for tests that drive a QProcess themselves (to
// signal it while it runs).
QProcessEnvironment englishEnvironment();

// The JSON object in json (--stats output); empty, with a warning naming the error, when json is
// not an object.
QJsonObject parseObject(const QByteArray &json);
