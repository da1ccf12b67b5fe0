#pragma once

#include <QString>

#include <optional>

// Light and dark palettes for the whole application. System leaves the platform's style and
// palette alone (and restores them after Light or Dark); Light and Dark use Fusion, which follows
// a custom palette faithfully on every platform.
//
// High contrast, on top of any theme: black on white (white on black for Dark, or for System when
// the platform's palette is dark), with Fusion. The timeline follows through its widget palette
// (TimelinePalette::isHighContrast()), and so it also follows a platform whose own palette is a
// high-contrast one: Qt 6.4 reports no contrast preference of its own (on Linux nothing at all),
// so System keeps that palette as it is.
namespace AppTheme {

enum class Theme { System, Light, Dark };

void apply(Theme theme);
Theme current();
// Applies the current theme again, with or without high contrast.
void setHighContrast(bool on);
bool highContrast();

QString name(Theme theme); // "system", "light", "dark"
std::optional<Theme> fromName(const QString &name);

} // namespace AppTheme
