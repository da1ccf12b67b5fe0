#pragma once

#include "scenario.h"

#include <QList>
#include <QString>

// The article's examples as ready-made scenarios (resources/presets/*.json), plus cpu-vs-wait,
// which is sized for the machine it runs on.
struct Preset
{
    QString name;
    QString description;
    Scenario scenario;
};

namespace Presets {
QList<Preset> all();
std::optional<Preset> find(const QString &name);
} // namespace Presets
