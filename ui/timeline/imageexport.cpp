#include "imageexport.h"

#include "runprogress.h"
#include "runrecord.h"
#include "safefile.h"
#include "timelinelayout.h"
#include "timelinerenderer.h"

#include <QBuffer>
#include <QFileInfo>
#include <QFontMetrics>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QSvgGenerator>

#include <cmath>
#include <functional>

namespace {

constexpr int margin = 12; // px around the title and the summary
constexpr int cellPadding = 10; // px on each side of a table cell

struct Cell
{
    Cell(const QString &cellText = {}, const QColor &cellColor = {}, bool cellBold = false)
        : text(cellText)
        , color(cellColor)
        , bold(cellBold)
    {
    }
    QString text;
    QColor color; // invalid: the palette's text colour
    bool bold = false;
};

// The summary as rows of cells: a header row, then one row per measure. Column 0 names the
// measure, then one column per run, then the difference for a comparison of two finished runs.
struct SummaryTable
{
    QList<QList<Cell>> rows;
    int columns = 0;
};

QColor goodColor(const TimelinePalette &p)
{
    return p.darkVariant ? QColor(0x57, 0xd1, 0x7a) : QColor(0x1a, 0x7f, 0x37);
}

QColor badColor(const TimelinePalette &p)
{
    return p.darkVariant ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28);
}

// As the window's summary writes durations.
QString seconds(double s)
{
    return TimelineMath::formatDurationExact(s);
}

QString minus()
{
    return QString(QChar(0x2212));
}

// Statistics come from the runs' models when the options carry them (the session's), so the
// picture shows the figures the window and the CLI show.
SummaryTable summaryTable(const ImageExport::Runs &runs, const QList<Schedule> &predictions,
                          const QList<std::shared_ptr<const RunProgress>> &progress,
                          const TimelinePalette &palette)
{
    SummaryTable table;
    if (runs.isEmpty())
        return table;
    QList<RunStats> stats;
    QList<bool> complete;
    for (qsizetype r = 0; r < runs.size(); ++r) {
        const bool done = runs.at(r)->isComplete() && r < predictions.size();
        complete.append(done);
        const RunProgress *model = r < progress.size() && progress.at(r)
                                                   && progress.at(r)->record() == runs.at(r)
                                                   && progress.at(r)->isFinal()
                                           ? progress.at(r).get()
                                           : nullptr;
        if (!done)
            stats.append(RunStats());
        else if (model)
            stats.append(model->stats());
        else
            stats.append(RunProgress::completed(runs.at(r), predictions.at(r))->stats());
    }
    const bool diff = runs.size() == 2 && complete.at(0) && complete.at(1);
    table.columns = int(1 + runs.size() + (diff ? 1 : 0));

    QList<Cell> header{Cell{}};
    for (const auto &run : runs)
        header.append(Cell{run->options().displayName(), {}, true});
    if (diff)
        header.append(Cell{ImageExport::tr("Difference (%1 %2 %3)")
                                   .arg(runs.at(1)->options().displayName(), minus(),
                                        runs.at(0)->options().displayName()),
                           {},
                           true});
    table.rows.append(header);

    enum class Better { Lower, Higher };
    struct Measure
    {
        QString name;
        std::function<double(const RunStats &)> value;
        std::function<QString(double)> format;
        Better better;
        bool bold;
    };
    const auto secs = [](double s) { return seconds(s); };
    const auto times = [](double x) {
        return ImageExport::tr("%1\u00d7").arg(QString::number(x, 'f', 2));
    };
    const QList<Measure> measures = {
            {ImageExport::tr("Makespan (measured)"), [](const RunStats &s) { return s.makespan; },
             secs, Better::Lower, true},
            {ImageExport::tr("Makespan (predicted)"),
             [](const RunStats &s) { return s.predictedMakespan; }, secs, Better::Lower, false},
            {ImageExport::tr("Speedup"), [](const RunStats &s) { return s.speedup; }, times,
             Better::Higher, true},
            {ImageExport::tr("Peak concurrency"),
             [](const RunStats &s) { return double(s.peakConcurrency); },
             [](double x) { return QString::number(qint64(x)); }, Better::Lower, true},
            {ImageExport::tr("Mean wait"), [](const RunStats &s) { return s.meanWait; }, secs,
             Better::Lower, false},
            {ImageExport::tr("Max wait"), [](const RunStats &s) { return s.maxWait; }, secs,
             Better::Lower, false},
            {ImageExport::tr("Mean completion"), [](const RunStats &s) { return s.meanCompletion; },
             secs, Better::Lower, false},
    };
    for (const Measure &m : measures) {
        QList<Cell> row{Cell{m.name}};
        for (qsizetype r = 0; r < runs.size(); ++r) {
            if (!complete.at(r))
                row.append(Cell{ImageExport::tr("running\u2026"), palette.mutedText});
            else
                row.append(Cell{m.format(m.value(stats.at(r))), {}, m.bold});
        }
        if (diff) {
            const double a = m.value(stats.at(0));
            const double b = m.value(stats.at(1));
            // Differences below the displayed precision are "same", not a colour.
            const double delta = std::abs(b - a) < 0.005 ? 0.0 : b - a;
            if (delta == 0.0) {
                row.append(Cell{ImageExport::tr("same"), palette.mutedText});
            } else {
                const bool good = (m.better == Better::Lower) == (delta < 0);
                const QString sign = delta > 0 ? QStringLiteral("+") : minus();
                row.append(Cell{sign + m.format(std::abs(delta)),
                                good ? goodColor(palette) : badColor(palette), true});
            }
        }
        table.rows.append(row);
    }
    QList<Cell> okRow{Cell{ImageExport::tr("Tasks ok")}};
    for (qsizetype r = 0; r < runs.size(); ++r) {
        const RunStats &s = stats.at(r);
        okRow.append(complete.at(r) ? Cell{ImageExport::tr("%1 / %2").arg(s.ok).arg(s.tasks),
                                           s.ok < s.tasks ? badColor(palette) : QColor()}
                                    : Cell{QString()});
    }
    if (diff)
        okRow.append(Cell{});
    table.rows.append(okRow);
    return table;
}

QFont boldFont(QFont font)
{
    font.setBold(true);
    return font;
}

QList<int> columnWidths(const SummaryTable &table, const QFont &font)
{
    const QFontMetrics fm(font);
    const QFontMetrics bold(boldFont(font));
    QList<int> widths(table.columns, 0);
    for (const QList<Cell> &row : table.rows) {
        for (int c = 0; c < row.size() && c < table.columns; ++c) {
            const Cell &cell = row.at(c);
            widths[c] =
                    std::max(widths.at(c), (cell.bold ? bold : fm).horizontalAdvance(cell.text));
        }
    }
    for (int &w : widths)
        w += 2 * cellPadding;
    return widths;
}

int rowHeight(const QFont &font)
{
    return QFontMetrics(font).height() + 8;
}

int summaryHeight(const SummaryTable &table, const QFont &font)
{
    return table.rows.isEmpty() ? 0 : 2 * margin + int(table.rows.size()) * rowHeight(font);
}

QString defaultTitle(const ImageExport::Runs &runs)
{
    if (runs.isEmpty())
        return ImageExport::tr("TaskLanes: no runs");
    QStringList names;
    for (const auto &run : runs)
        names << run->options().displayName();
    const QString runNames = names.join(ImageExport::tr(" vs "));
    const qsizetype tasks = runs.constFirst()->taskCount();
    QString title = tasks == 1 ? ImageExport::tr("%1 \u00b7 1 task").arg(runNames)
                               : ImageExport::tr("%1 \u00b7 %2 tasks").arg(runNames).arg(tasks);
    const QString scenario = runs.constFirst()->scenario().name;
    if (!scenario.isEmpty())
        title = ImageExport::tr("%1: %2").arg(scenario, title);
    return title;
}

int titleHeight(const QFont &font)
{
    return QFontMetrics(boldFont(font)).height() + 2 * margin - 4;
}

int timelineHeight(const ImageExport::Runs &runs, const QList<Schedule> &predictions,
                   const ImageExportOptions &options)
{
    if (options.timelineHeight > 0)
        return options.timelineHeight;
    TimelineRenderOptions o = options.timeline;
    o.runs = runs;
    o.predictions = predictions;
    return ImageExport::preferredTimelineHeight(o, options.width, options.maxTimelineHeight);
}

// The SVG's user units are pixels at the resolution a QImage paints with, so text measured with
// the font's metrics takes the same room in both formats.
int paintResolution()
{
    return QImage(1, 1, QImage::Format_RGB32).logicalDpiX();
}

} // namespace

QSize ImageExport::imageSize(const Runs &runs, const QList<Schedule> &predictions,
                             const ImageExportOptions &options)
{
    const QFont &font = options.timeline.font;
    int height = titleHeight(font) + timelineHeight(runs, predictions, options);
    if (options.showSummary)
        height += summaryHeight(summaryTable(runs, predictions, options.timeline.progress,
                                             options.timeline.palette),
                                font);
    return QSize(std::max(1, options.width), height);
}

void ImageExport::paint(QPainter &painter, const Runs &runs, const QList<Schedule> &predictions,
                        const ImageExportOptions &options)
{
    const TimelinePalette &pal = options.timeline.palette;
    const QFont &font = options.timeline.font;
    const QSize size = imageSize(runs, predictions, options);
    painter.save();
    painter.fillRect(QRect(QPoint(0, 0), size), pal.background);

    // Title
    const int titleH = titleHeight(font);
    painter.setFont(boldFont(font));
    painter.setPen(pal.text);
    painter.drawText(QRect(margin, 0, size.width() - 2 * margin, titleH),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     options.title.isEmpty() ? defaultTitle(runs) : options.title);

    // Timeline: every lane fitted into its part, no selection or hover.
    TimelineRenderOptions o = options.timeline;
    o.runs = runs;
    o.predictions = predictions;
    o.fitAllLanes = true;
    o.laneHeight = 0.0;
    o.scrollY = 0;
    o.selectedRun = o.selectedTask = o.hoverRun = o.hoverLane = -1;
    o.liveNowNs = -1;
    const int timelineH = timelineHeight(runs, predictions, options);
    const QRect timelineRect(0, titleH, size.width(), timelineH);
    painter.save();
    painter.setClipRect(timelineRect);
    paintTimeline(painter, timelineRect, o);
    painter.restore();

    if (options.showSummary) {
        const SummaryTable table = summaryTable(runs, predictions, options.timeline.progress, pal);
        const QList<int> widths = columnWidths(table, font);
        const int rowH = rowHeight(font);
        int y = timelineRect.bottom() + 1 + margin;
        int tableWidth = 0;
        for (int w : widths)
            tableWidth += w;
        painter.setPen(Qt::NoPen);
        for (int r = 0; r < table.rows.size(); ++r) {
            const QRect rowRect(margin, y + r * rowH, tableWidth, rowH);
            if (r == 0)
                painter.fillRect(rowRect, pal.panel);
            else if (r % 2 == 0)
                painter.fillRect(rowRect, pal.laneAlternate);
        }
        painter.setPen(pal.separator);
        painter.drawLine(margin, y + rowH, margin + tableWidth - 1, y + rowH);
        painter.drawRect(QRect(margin, y, tableWidth - 1, int(table.rows.size()) * rowH - 1));
        for (int r = 0; r < table.rows.size(); ++r) {
            const QList<Cell> &row = table.rows.at(r);
            int x = margin;
            for (int c = 0; c < row.size() && c < table.columns; ++c) {
                const Cell &cell = row.at(c);
                painter.setFont(cell.bold ? boldFont(font) : font);
                painter.setPen(cell.color.isValid() ? cell.color : pal.text);
                const QRect textRect(x + cellPadding, y + r * rowH, widths.at(c) - 2 * cellPadding,
                                     rowH);
                painter.drawText(textRect,
                                 (c == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter,
                                 cell.text);
                x += widths.at(c);
            }
        }
    }
    painter.restore();
}

QImage ImageExport::renderImage(const Runs &runs, const QList<Schedule> &predictions,
                                const ImageExportOptions &options)
{
    const QSize size = imageSize(runs, predictions, options);
    const qreal dpr = std::max<qreal>(options.devicePixelRatio, 0.1);
    QImage image(QSize(qCeil(size.width() * dpr), qCeil(size.height() * dpr)),
                 QImage::Format_RGB32);
    image.setDevicePixelRatio(dpr);
    image.fill(options.timeline.palette.background);
    QPainter painter(&image);
    paint(painter, runs, predictions, options);
    painter.end();
    return image;
}

bool ImageExport::writePng(const QString &path, const Runs &runs,
                           const QList<Schedule> &predictions, const ImageExportOptions &options,
                           QString *error)
{
    const QImage image = renderImage(runs, predictions, options);
    return writeFileSafely(
            path,
            [&image](QIODevice &device) {
                QImageWriter writer(&device, "png");
                return writer.write(image);
            },
            error);
}

bool ImageExport::writeSvg(const QString &path, const Runs &runs,
                           const QList<Schedule> &predictions, const ImageExportOptions &options,
                           QString *error)
{
    // Painted into memory first: QSvgGenerator reports no write errors, writeFileSafely does.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const QSize size = imageSize(runs, predictions, options);
    {
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setResolution(paintResolution());
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(0, 0), size));
        generator.setTitle(options.title.isEmpty() ? defaultTitle(runs) : options.title);
        generator.setDescription(tr("TaskLanes timeline"));
        QPainter painter(&generator);
        paint(painter, runs, predictions, options);
    }
    // QSvgGenerator writes drawn text as it is: a label's control character (a task label may
    // hold any) made the file ill-formed XML (found by tst_monkey). In UTF-8 such bytes are only
    // ever those characters, and XML 1.0 allows none but tab, line feed and carriage return.
    QByteArray svg = buffer.data();
    svg.removeIf([](char c) { return uchar(c) < 0x20 && c != '\t' && c != '\n' && c != '\r'; });
    return writeFileSafely(
            path, [&svg](QIODevice &device) { return writeAll(device, svg); }, error);
}

bool ImageExport::writeFile(const QString &path, const Runs &runs,
                            const QList<Schedule> &predictions, const ImageExportOptions &options,
                            QString *error)
{
    if (QFileInfo(path).suffix().compare(u"svg", Qt::CaseInsensitive) == 0)
        return writeSvg(path, runs, predictions, options, error);
    return writePng(path, runs, predictions, options, error);
}

void ImageExport::paintTimeline(QPainter &painter, const QRect &rect,
                                const TimelineRenderOptions &options)
{
    TimelineRenderer renderer;
    renderer.paint(painter, rect, options);
}

int ImageExport::preferredTimelineHeight(const TimelineRenderOptions &options, int width,
                                         int maxHeight)
{
    TimelineRenderer renderer;
    TimelineRenderOptions o = options;
    o.laneHeight = TimelineRenderer::naturalLaneHeight(o.font);
    o.fitAllLanes = false;
    o.scrollY = 0;
    const QRect rect(0, 0, std::max(1, width), 10000);
    const qint64 h = qint64(renderer.contentRect(rect, o).top()) + renderer.contentHeight(rect, o)
                     + TimelineLayout::padding;
    return int(std::min<qint64>(h, maxHeight));
}

QImage ImageExport::renderTimelineImage(const TimelineRenderOptions &options, const QSize &size,
                                        qreal devicePixelRatio)
{
    TimelineRenderOptions o = options;
    o.fitAllLanes = true;
    QImage image(size * devicePixelRatio, QImage::Format_RGB32);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(options.palette.background);
    QPainter painter(&image);
    paintTimeline(painter, QRect(QPoint(0, 0), size), o);
    painter.end();
    return image;
}
