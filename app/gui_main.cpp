#include "guioptions.h"
#include "mainwindow.h"
#include "translations.h"

#include <QApplication>

#include <cstdio>
#include <string_view>

namespace {

// --help and --version print and quit, and --screenshot paints offscreen: none of them needs a
// display, so without one (a terminal over ssh, a package check, CI) they get the offscreen
// platform instead of Qt's abort "could not connect to display". QT_QPA_PLATFORM still wins.
void chooseOffscreenWhenNoDisplayIsNeeded(int argc, char *argv[])
{
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        return;
    const bool haveDisplay =
            qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg(argv[i]);
        const bool printsOnly = arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v"
                                || arg == "--version";
        const bool paintsOnly = arg == "--screenshot" || arg.rfind("--screenshot=", 0) == 0;
        if (printsOnly || (paintsOnly && !haveDisplay)) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
            return;
        }
    }
}

} // namespace

int main(int argc, char *argv[])
{
    chooseOffscreenWhenNoDisplayIsNeeded(argc, argv);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("TaskLanes"));
    QApplication::setApplicationDisplayName(QStringLiteral("TaskLanes"));
    QApplication::setApplicationVersion(QStringLiteral(TASKLANES_VERSION));
    QApplication::setOrganizationName(QStringLiteral("TaskLanes"));
    QApplication::setDesktopFileName(QStringLiteral("org.tasklanes.TaskLanes"));

    QString message;
    if (!Translations::installFromArguments(app, QApplication::arguments(), &message)) {
        std::fprintf(stderr, "tasklanes: %s\n", message.toLocal8Bit().constData());
        return 2;
    }
    GuiOptions options;
    switch (GuiCommandLine::parse(QApplication::arguments(), &options, &message)) {
    case GuiCommandLine::Outcome::ExitOk:
        std::fputs(message.toLocal8Bit().constData(), stdout);
        return 0;
    case GuiCommandLine::Outcome::ExitUsage:
        std::fprintf(stderr, "tasklanes: %s\n", message.toLocal8Bit().constData());
        return 2;
    case GuiCommandLine::Outcome::Run:
        break;
    }

    MainWindow window(options);
    window.show();
    return app.exec();
}
