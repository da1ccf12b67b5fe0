#pragma once

#include <QString>

#include <optional>

// Light and dark palettes for the whole application. System leaves the platform's style and
// palette alone (and restores them after Light or Dark); Light and Dark use Fusion, which follows
// a custom palette faithfully on every platform.
namespace AppTheme {

enum class Theme { System, Light, Dark };

void apply(Theme theme);
Theme current();

QString name(Theme theme); // "system", "light", "dark"
std::optional<Theme> fromName(const QString &name);

} // namespace AppTheme
