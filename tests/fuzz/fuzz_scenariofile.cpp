// libFuzzer target: the scenario reader never crashes, and what it accepts survives a round trip
// (options, gates, server, seed, and each task's kind, texts, gate, retries, backoff and timeout).
#include "scenariofile.h"

#include <QByteArray>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto loaded = ScenarioFile::parse(json, &error);
    if (!loaded) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    const Scenario &a = loaded->scenario;
    const auto again = ScenarioFile::parse(ScenarioFile::serialize(a, loaded->description), &error);
    if (!again)
        std::abort();
    const Scenario &b = again->scenario;
    if (a.tasks.size() != b.tasks.size() || a.options.limit != b.options.limit
        || a.options.threads != b.options.threads || a.options.timeScale != b.options.timeScale
        || a.options.admission != b.options.admission || a.options.gates != b.options.gates
        || !(a.options.server == b.options.server) || a.options.seed != b.options.seed
        || a.name != b.name)
        std::abort();
    for (qsizetype i = 0; i < a.tasks.size(); ++i) {
        const Task &x = a.tasks.at(i);
        const Task &y = b.tasks.at(i);
        if (x.kind != y.kind || x.duration != y.duration || x.label() != y.label()
            || x.message() != y.message() || x.url() != y.url() || x.gate() != y.gate()
            || x.retries != y.retries || x.backoff() != y.backoff() || x.timeout != y.timeout)
            std::abort();
    }
    return 0;
}
