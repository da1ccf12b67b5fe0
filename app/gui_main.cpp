#include "guioptions.h"
#include "mainwindow.h"
#include "translations.h"

#include <QApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
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
