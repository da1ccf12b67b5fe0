#pragma once

#include "scenario.h"

#include <QByteArray>
#include <QString>

#include <optional>

// Scenario files: JSON, versioned.
//   {"version": 1, "name": "...", "description": "...", "limit": null | N, "time_scale": 1.0,
//    "threads": null | N, "server": {"capacity": C, "max_in_flight": M, "latency": L},
//    "seed": N,
//    "tasks": [{"kind": "sleep"|"cpu"|"http", "duration": S, "label": "...", "message": "...",
//               "url": "local:/ip", "timeout": S, "retries": R, "backoff": B}, ...]}
// Every malformed file is rejected with a message naming the field and the task index.
namespace ScenarioFile {

constexpr int currentVersion = 1;
constexpr qint64 maxFileBytes = 64 * 1024 * 1024;

struct Loaded
{
    Scenario scenario;
    QString description;
};

std::optional<Loaded> parse(const QByteArray &json, QString *error);
std::optional<Loaded> load(const QString &path, QString *error);
QByteArray serialize(const Scenario &scenario, const QString &description = QString());
bool save(const QString &path, const Scenario &scenario, QString *error);

} // namespace ScenarioFile
