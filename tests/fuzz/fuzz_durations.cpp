// libFuzzer target: the quick durations parser accepts only what it documents and names the item
// it refuses.
#include "scenario.h"

#include <QString>

#include <cmath>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto tasks = ScenarioParser::parseDurations(text, &error);
    if (!tasks) {
        if (error.isEmpty() || error.size() > 400)
            std::abort(); // every refusal says why, briefly
        return 0;
    }
    if (tasks->isEmpty() || tasks->size() > ScenarioLimits::maxTasks)
        std::abort();
    for (const Task &t : *tasks) {
        if (!std::isfinite(t.duration) || t.duration < 0
            || t.duration > ScenarioLimits::maxDuration)
            std::abort();
    }
    if (tasks->size() != text.count(QLatin1Char(',')) + 1)
        std::abort(); // one task per item, none dropped silently
    return 0;
}
