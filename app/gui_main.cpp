#include "guioptions.h"
#include "mainwindow.h"
#include "translations.h"

#include <QApplication>

#include <cstdio>
#include <optional>
#include <string_view>

namespace {

// --screenshot paints offscreen: without a display (a terminal over ssh, a package check, CI) it
// gets the offscreen platform instead of Qt's abort "could not connect to display".
// QT_QPA_PLATFORM still wins.
void chooseOffscreenWhenNoDisplayIsNeeded(int argc, char *argv[])
{
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || qEnvironmentVariableIsSet("DISPLAY")
        || qEnvironmentVariableIsSet("WAYLAND_DISPLAY"))
        return;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg(argv[i]);
        if (arg == "--screenshot" || arg.rfind("--screenshot=", 0) == 0) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
            return;
        }
    }
}

void setApplicationNames()
{
    QCoreApplication::setApplicationName(QStringLiteral("TaskLanes"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TASKLANES_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("TaskLanes"));
}

// The command line is read by a core application, before any display is opened: --help,
// --version and a bad option print and quit like any program's, with or without a display.
// Returns the exit code when the program is done.
std::optional<int> parseCommandLine(int argc, char *argv[], GuiOptions *options)
{
    QCoreApplication app(argc, argv);
    setApplicationNames();
    QString message;
    if (!Translations::installFromArguments(app, QCoreApplication::arguments(), &message)) {
        std::fprintf(stderr, "tasklanes: %s\n", message.toLocal8Bit().constData());
        return 2;
    }
    switch (GuiCommandLine::parse(QCoreApplication::arguments(), options, &message)) {
    case GuiCommandLine::Outcome::ExitOk:
        std::fputs(message.toLocal8Bit().constData(), stdout);
        return 0;
    case GuiCommandLine::Outcome::ExitUsage:
        std::fprintf(stderr, "tasklanes: %s\n", message.toLocal8Bit().constData());
        return 2;
    case GuiCommandLine::Outcome::Run:
        break;
    }
    return std::nullopt;
}

} // namespace

int main(int argc, char *argv[])
{
    GuiOptions options;
    if (const auto exitCode = parseCommandLine(argc, argv, &options))
        return *exitCode;

    chooseOffscreenWhenNoDisplayIsNeeded(argc, argv);
    QApplication app(argc, argv);
    setApplicationNames();
    QApplication::setApplicationDisplayName(QStringLiteral("TaskLanes"));
    QApplication::setDesktopFileName(QStringLiteral("org.tasklanes.TaskLanes"));
    QString ignored; // the language was checked with the rest of the command line
    Translations::installFromArguments(app, QApplication::arguments(), &ignored);

    MainWindow window(options);
    window.show();
    return app.exec();
}
