#include "clirunner.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tasklanes-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TASKLANES_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("TaskLanes"));
    CliRunner runner;
    return runner.exec(QCoreApplication::arguments());
}
