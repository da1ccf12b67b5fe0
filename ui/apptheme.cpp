#include "apptheme.h"

#include "timelinepalette.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace {

struct Original
{
    bool saved = false;
    QString styleName;
    QPalette palette;
};

Original &original()
{
    static Original o;
    return o;
}

AppTheme::Theme &currentTheme()
{
    static AppTheme::Theme theme = AppTheme::Theme::System;
    return theme;
}

bool &highContrastOn()
{
    static bool on = false;
    return on;
}

QPalette darkPalette()
{
    const QColor window(0x2d, 0x2f, 0x33);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabledText(0x6d, 0x71, 0x78);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x28, 0x2a, 0x2e));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8f, 0x94, 0x9c));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x38, 0x3b, 0x40));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xff));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7b, 0xd9));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x53));
    p.setColor(QPalette::Midlight, QColor(0x3e, 0x41, 0x46));
    p.setColor(QPalette::Mid, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1b, 0x1d));
    p.setColor(QPalette::Shadow, QColor(0x10, 0x10, 0x10));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4d, 0x53));
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    return p;
}

// Pure black and white with saturated accents: every text at 21:1, highlights at 7:1 or more.
QPalette highContrastPalette(bool dark)
{
    const QColor back = dark ? QColor(0, 0, 0) : QColor(0xff, 0xff, 0xff);
    const QColor front = dark ? QColor(0xff, 0xff, 0xff) : QColor(0, 0, 0);
    const QColor disabled(0x80, 0x80, 0x80);
    QPalette p(front, back);
    // Fusion draws frames and shadows from these: strong, not greyed.
    for (auto role : {QPalette::Mid, QPalette::Dark, QPalette::Shadow})
        p.setColor(role, front);
    for (auto role : {QPalette::Light, QPalette::Midlight})
        p.setColor(role, back);
    p.setColor(QPalette::Text, front);
    p.setColor(QPalette::ButtonText, front);
    p.setColor(QPalette::Base, back);
    p.setColor(QPalette::AlternateBase, back);
    p.setColor(QPalette::Button, back);
    p.setColor(QPalette::ToolTipBase, back);
    p.setColor(QPalette::ToolTipText, front);
    p.setColor(QPalette::PlaceholderText, front);
    p.setColor(QPalette::BrightText, dark ? QColor(0xff, 0xff, 0x00) : QColor(0xcc, 0x00, 0x00));
    p.setColor(QPalette::Link, dark ? QColor(0x66, 0xcc, 0xff) : QColor(0x00, 0x00, 0xcc));
    p.setColor(QPalette::LinkVisited, dark ? QColor(0xff, 0x99, 0xff) : QColor(0x66, 0x00, 0x99));
    p.setColor(QPalette::Highlight, dark ? QColor(0xff, 0xff, 0x00) : QColor(0x00, 0x00, 0xcc));
    p.setColor(QPalette::HighlightedText, dark ? QColor(0, 0, 0) : QColor(0xff, 0xff, 0xff));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

} // namespace

void AppTheme::apply(Theme theme)
{
    Original &o = original();
    if (!o.saved) {
        if (theme == Theme::System && !highContrastOn())
            return; // nothing changed yet, nothing to restore
        o.saved = true;
        o.styleName = QApplication::style()->name();
        o.palette = QApplication::palette();
    }
    currentTheme() = theme;
    if (highContrastOn()) {
        const bool dark = theme == Theme::Dark
                          || (theme == Theme::System && TimelinePalette::isDark(o.palette));
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(highContrastPalette(dark));
        return;
    }
    switch (theme) {
    case Theme::System:
        QApplication::setStyle(QStyleFactory::create(o.styleName));
        QApplication::setPalette(o.palette);
        return;
    case Theme::Light:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    case Theme::Dark:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        return;
    }
}

AppTheme::Theme AppTheme::current()
{
    return currentTheme();
}

void AppTheme::setHighContrast(bool on)
{
    if (highContrastOn() == on)
        return;
    highContrastOn() = on;
    apply(currentTheme());
}

bool AppTheme::highContrast()
{
    return highContrastOn();
}

QString AppTheme::name(Theme theme)
{
    switch (theme) {
    case Theme::System:
        return QStringLiteral("system");
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    }
    return QString();
}

std::optional<AppTheme::Theme> AppTheme::fromName(const QString &name)
{
    for (Theme theme : {Theme::System, Theme::Light, Theme::Dark}) {
        if (name.compare(AppTheme::name(theme), Qt::CaseInsensitive) == 0)
            return theme;
    }
    return std::nullopt;
}
