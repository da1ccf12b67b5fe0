#include "clirun.h"

#include <QElapsedTimer>
#include <QJsonDocument>

#include <utility>

using namespace Qt::StringLiterals;

QString cliPath()
{
    return QStringLiteral(TASKLANES_CLI_PATH);
}

QProcessEnvironment englishEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.insert(u"LANG"_s, u"C.UTF-8"_s);
    env.remove(u"LANGUAGE"_s);
    return env;
}

CliOptions CliOptions::english(std::function<void()> childSetup)
{
    CliOptions options;
    options.environment = Environment::English;
    options.childSetup = std::move(childSetup);
    return options;
}

CliOptions CliOptions::noDisplay()
{
    CliOptions options;
    options.environment = Environment::NoDisplay;
    return options;
}

namespace {

QProcessEnvironment environmentFor(CliOptions::Environment kind)
{
    switch (kind) {
    case CliOptions::Environment::Inherited:
        break;
    case CliOptions::Environment::English:
        return englishEnvironment();
    case CliOptions::Environment::NoDisplay: {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QString::fromLatin1(name));
        return env;
    }
    }
    return QProcessEnvironment::systemEnvironment();
}

} // namespace

CliRun runCli(const QStringList &arguments, const CliOptions &options)
{
    QProcess process;
    process.setProcessEnvironment(environmentFor(options.environment));
    if (options.childSetup)
        process.setChildProcessModifier(options.childSetup);
    QElapsedTimer timer;
    timer.start();
    process.start(cliPath(), arguments);
    CliRun run;
    run.finished =
            process.waitForStarted(30000) && process.waitForFinished(options.finishTimeoutMs);
    if (!run.finished) {
        process.kill();
        process.waitForFinished(10000);
    }
    run.ms = timer.elapsed();
    if (run.finished && process.exitStatus() == QProcess::NormalExit)
        run.exitCode = process.exitCode();
    run.outBytes = process.readAllStandardOutput();
    run.out = QString::fromUtf8(run.outBytes);
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString describe(const CliRun &run)
{
    return u"exit %1 after %2 ms\n--- stdout\n%3--- stderr\n%4"_s.arg(run.exitCode)
            .arg(run.ms)
            .arg(run.out.left(2000), run.err.left(2000));
}

QJsonObject parseObject(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s at %d", qPrintable(error.errorString()), error.offset);
    return doc.object();
}
