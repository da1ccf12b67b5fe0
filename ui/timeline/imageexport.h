#pragma once

#include "schedule.h"
#include "timelinerenderoptions.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>

class QImage;
class QPainter;
class QRect;
class QSize;
class RunRecord;

// How an exported picture looks. `timeline` supplies the lane mode, time window (empty: fit),
// palette and font; its runs, predictions, selection and hover are ignored.
struct ImageExportOptions
{
    TimelineRenderOptions timeline;
    int width = 1200; // device independent pixels (PNG) or SVG user units
    // Height of the timeline part; 0 gives every lane a readable height, up to maxTimelineHeight
    // (beyond that lanes are fitted and large runs aggregate per pixel row).
    int timelineHeight = 0;
    int maxTimelineHeight = 3000;
    qreal devicePixelRatio = 1.0; // PNG only: 2 gives a sharp picture on high-DPI slides
    bool showSummary = true; // the table of makespan, speedup, peak and waits under the timeline
    QString title; // empty: "unlimited vs limit 2 · 5 tasks"
};

// A picture of runs for slides and bug reports: a title, the timeline with its axis, legend and
// concurrency chart (both runs of a comparison on one axis), and a compact table of what each run
// achieved (makespan measured and predicted, speedup, peak concurrency, mean and max wait) with
// the difference for a comparison. Painted through QPainter, so the SVG is vector: rectangles,
// paths and text, never an embedded bitmap. Files are written through writeFileSafely(): a failed
// export leaves an existing file as it was.
class ImageExport
{
    Q_DECLARE_TR_FUNCTIONS(ImageExport)
public:
    using Runs = QList<std::shared_ptr<const RunRecord>>;

    // The picture's size for these runs (device independent pixels).
    static QSize imageSize(const Runs &runs, const QList<Schedule> &predictions,
                           const ImageExportOptions &options);
    // Paints the picture at (0, 0) with the size imageSize() gives.
    static void paint(QPainter &painter, const Runs &runs, const QList<Schedule> &predictions,
                      const ImageExportOptions &options);
    static QImage renderImage(const Runs &runs, const QList<Schedule> &predictions,
                              const ImageExportOptions &options);

    static bool writePng(const QString &path, const Runs &runs, const QList<Schedule> &predictions,
                         const ImageExportOptions &options, QString *error);
    static bool writeSvg(const QString &path, const Runs &runs, const QList<Schedule> &predictions,
                         const ImageExportOptions &options, QString *error);
    // PNG or SVG by the file's suffix (.svg is SVG, anything else PNG).
    static bool writeFile(const QString &path, const Runs &runs, const QList<Schedule> &predictions,
                          const ImageExportOptions &options, QString *error);

    // The timeline alone, painted by a fresh renderer (nothing is kept): fits the time range when
    // options leave it empty; with fitAllLanes every lane fits into rect (no scrolling).
    static void paintTimeline(QPainter &painter, const QRect &rect,
                              const TimelineRenderOptions &options);
    // Height at which every lane gets TimelineRenderer::naturalLaneHeight() (capped at
    // maxHeight), for a timeline of the given width; sizes the picture's timeline part.
    static int preferredTimelineHeight(const TimelineRenderOptions &options, int width,
                                       int maxHeight = 8192);
    // An opaque image of the timeline alone, of the given size (device independent pixels),
    // every lane fitted.
    static QImage renderTimelineImage(const TimelineRenderOptions &options, const QSize &size,
                                      qreal devicePixelRatio = 1.0);
};
