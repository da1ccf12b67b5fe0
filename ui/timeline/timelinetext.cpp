#include "timelinetext.h"

#include <QFontMetrics>
#include <QPaintEngine>
#include <QPainter>
#include <QTextLayout>

namespace {

// Enough for a frame's texts in a few fonts; past it a cache starts again rather than grow with
// every label a long pan shows.
constexpr qsizetype maxTexts = 1024;
constexpr qsizetype maxFonts = 8;

// Characters drawText does not lay out on one line as QTextLayout would.
bool plainLine(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\n' || u == u'\r' || u == u'\t' || u == 0x2028 || u == 0x2029)
            return false;
    }
    return true;
}

template<typename Hash>
void bound(Hash &hash)
{
    if (hash.size() >= maxTexts)
        hash.clear();
}

} // namespace

TimelineText::Texts &TimelineText::texts(const QFont &font, int dpi, Qt::LayoutDirection direction)
{
    for (const auto &t : m_fonts) {
        if (t->dpi == dpi && t->direction == direction && t->font == font)
            return *t;
    }
    if (qsizetype(m_fonts.size()) >= maxFonts)
        m_fonts.clear();
    auto t = std::make_unique<Texts>();
    t->font = font;
    t->dpi = dpi;
    t->direction = direction;
    m_fonts.push_back(std::move(t));
    return *m_fonts.back();
}

void TimelineText::draw(QPainter &p, const QPoint &baseline, const QString &text)
{
    if (text.isEmpty())
        return;
    const QPaintEngine *engine = p.paintEngine();
    if (!engine || engine->type() != QPaintEngine::Raster || !plainLine(text)) {
        p.drawText(baseline, text);
        return;
    }
    // The painter's font is resolved for its device: its pixel size depends on the device's DPI.
    const QFont &font = p.font();
    Texts &t = texts(font, p.device()->logicalDpiY(), p.layoutDirection());
    auto found = t.shaped.constFind(text);
    if (found == t.shaped.constEnd()) {
        bound(t.shaped);
        // As drawText lays it out: one line, in the painter's direction, from the left.
        QTextLayout layout(text, font, p.device());
        QTextOption option;
        option.setWrapMode(QTextOption::NoWrap);
        option.setAlignment(Qt::AlignLeft | Qt::AlignAbsolute);
        option.setTextDirection(p.layoutDirection());
        layout.setTextOption(option);
        layout.beginLayout();
        QTextLine line = layout.createLine();
        line.setLineWidth(0);
        layout.endLayout();
        Shaped shaped;
        shaped.runs = layout.glyphRuns();
        shaped.ascent = line.ascent();
        found = t.shaped.insert(text, shaped);
    }
    const QPointF origin(baseline.x(), baseline.y() - found->ascent);
    for (const QGlyphRun &run : found->runs)
        p.drawGlyphRun(origin, run);
}

int TimelineText::advance(const QFont &font, const QString &text)
{
    Texts &t = texts(font, 0, Qt::LeftToRight);
    auto found = t.advances.constFind(text);
    if (found != t.advances.constEnd())
        return *found;
    bound(t.advances);
    const int w = QFontMetrics(font).horizontalAdvance(text);
    t.advances.insert(text, w);
    return w;
}

QString TimelineText::elided(const QFont &font, const QString &text, Qt::TextElideMode mode,
                             int width)
{
    Texts &t = texts(font, 0, Qt::LeftToRight);
    const ElideKey key{text, int(mode), width};
    auto found = t.elided.constFind(key);
    if (found != t.elided.constEnd())
        return *found;
    bound(t.elided);
    const QString e = QFontMetrics(font).elidedText(text, mode, width);
    t.elided.insert(key, e);
    return e;
}
