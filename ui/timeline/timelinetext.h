#pragma once

#include <QFont>
#include <QGlyphRun>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

class QPainter;
class QPoint;

// Texts the timeline draws on every paint (lane and tick labels, headers), shaped once. Each
// QPainter::drawText, QFontMetrics::horizontalAdvance and elidedText call shapes its text again
// with HarfBuzz: a 10,000-task frame shaped its ~25 lane labels four times each, about a fifth of
// the frame (bench_render, render_ms_10k). One cache per renderer, used on the renderer's thread.
class TimelineText
{
public:
    // As QPainter::drawText(baseline, text), in the painter's font and pen. On a raster painter
    // the text's glyphs are kept; other painters (SVG) get drawText, so the text stays text.
    void draw(QPainter &p, const QPoint &baseline, const QString &text);
    // QFontMetrics(font).horizontalAdvance(text).
    int advance(const QFont &font, const QString &text);
    // QFontMetrics(font).elidedText(text, mode, width).
    QString elided(const QFont &font, const QString &text, Qt::TextElideMode mode, int width);

private:
    struct Shaped
    {
        QList<QGlyphRun> runs;
        qreal ascent = 0; // the glyphs' baseline below the runs' origin
    };
    struct ElideKey
    {
        QString text;
        int mode;
        int width;
        bool operator==(const ElideKey &other) const
        {
            return mode == other.mode && width == other.width && text == other.text;
        }
        friend size_t qHash(const ElideKey &k, size_t seed = 0)
        {
            return qHashMulti(seed, k.text, k.mode, k.width);
        }
    };
    // One font's texts: drawn on a device of `dpi` in `direction`, or measured (dpi 0).
    struct Texts
    {
        QFont font;
        int dpi = 0;
        Qt::LayoutDirection direction = Qt::LeftToRight;
        QHash<QString, Shaped> shaped;
        QHash<QString, int> advances;
        QHash<ElideKey, QString> elided;
    };
    Texts &texts(const QFont &font, int dpi, Qt::LayoutDirection direction);

    // A few fonts at most (the labels', the headers' bold): found by comparing fonts, as making
    // a font's key (QFont::key) costs more than shaping a short label.
    std::vector<std::unique_ptr<Texts>> m_fonts;
};
