#include "clirunner.h"
#include "translations.h"

#ifdef TASKLANES_CLI_IMAGES
#include "imageexport.h"
#include "runprogress.h"

#include <QGuiApplication>
#endif
#include <QCoreApplication>

#include <cstdio>
#include <memory>

namespace {

// Painting text needs a QGuiApplication. Only a run that writes a picture pays for one, on the
// offscreen platform unless QT_QPA_PLATFORM says otherwise, so no display is needed.
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char **argv)
{
#ifdef TASKLANES_CLI_IMAGES
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "--")
            break;
        if (arg == "--png" || arg == "--svg" || arg.startsWith("--png=")
            || arg.startsWith("--svg=")) {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            return std::make_unique<QGuiApplication>(argc, argv);
        }
    }
#endif
    return std::make_unique<QCoreApplication>(argc, argv);
}

#ifdef TASKLANES_CLI_IMAGES
bool writeImage(CliRunner::ImageFormat format, const QString &path,
                const QList<std::shared_ptr<const RunProgress>> &progress, QString *error)
{
    ImageExportOptions options;
    options.timeline.font = QGuiApplication::font();
    options.timeline.progress = progress;
    ImageExport::Runs runs;
    QList<Schedule> predictions;
    for (const auto &run : progress) {
        runs.append(run->record());
        predictions.append(run->prediction());
    }
    return format == CliRunner::ImageFormat::Svg
                   ? ImageExport::writeSvg(path, runs, predictions, options, error)
                   : ImageExport::writePng(path, runs, predictions, options, error);
}
#endif

} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> application = makeApplication(argc, argv);
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("tasklanes-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TASKLANES_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("TaskLanes"));
    QString error;
    if (!Translations::installFromArguments(app, QCoreApplication::arguments(), &error)) {
        std::fprintf(stderr, "tasklanes-cli: %s\n", error.toLocal8Bit().constData());
        return CliRunner::ExitUsage;
    }
    CliRunner runner;
#ifdef TASKLANES_CLI_IMAGES
    runner.setImageWriter(writeImage);
#endif
    return runner.exec(QCoreApplication::arguments());
}
