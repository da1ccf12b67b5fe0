#include "presets.h"

#include "scenariofile.h"

#include <QCoreApplication>
#include <QFile>
#include <QThread>

#include <algorithm>

namespace {

const char *const presetFiles[] = {"one-task",       "five-parallel",       "limit-two",
                                   "gather-results", "delayed-print",       "hidden-limit",
                                   "api-capacity",   "api-latency-vs-limit"};

// The descriptions in those files, for lupdate: Presets::all() translates them when it loads them.
[[maybe_unused]] const char *const presetDescriptions[] = {
        QT_TRANSLATE_NOOP("Presets", "A single 2 s task: one start, one finish."),
        QT_TRANSLATE_NOOP("Presets",
                          "Five sleeps of 5, 1, 8, 3 and 4 s all at once: done in 8 s, not 21 s."),
        QT_TRANSLATE_NOOP("Presets",
                          "The same five sleeps, at most two at a time (a semaphore of 2): 12 s."),
        QT_TRANSLATE_NOOP("Presets", "Sleep 10 s, ask the local endpoint for our IP, sleep 1 s: "
                                     "results come back in submission order."),
        QT_TRANSLATE_NOOP("Presets", "Messages 333, 222 and 111 after 3, 2 and 1 s: printed 111, "
                                     "222, 333; results still in submission order."),
        QT_TRANSLATE_NOOP("Presets",
                          "Ten 1 s blocking calls with no limit, on Python's default executor: a "
                          "pool of min(32, cores + 4) threads. On 2 cores that is 6 threads, so "
                          "\"unlimited\" takes 2 s, not 1 s: the pool is a limit too."),
        QT_TRANSLATE_NOOP("Presets",
                          "24 calls of 1 s to a server that serves 4 at full speed and answers 429 "
                          "Too Many Requests above 8 in flight; each call retries 3 times with "
                          "backoff. Unlimited, the calls crowd the server, are refused and back "
                          "off: slower than a limit of 4 (6 s), which is never refused."),
        QT_TRANSLATE_NOOP("Presets",
                          "40 calls of 0.2 s to a large server (64 at full speed) 1 s away: the "
                          "time is latency, not work, so every higher limit pays off, up to no "
                          "limit at all (1.2 s)."),
};

// Python's default executor (concurrent.futures.ThreadPoolExecutor): min(32, cores + 4) threads.
int pythonDefaultExecutorThreads()
{
    return std::min(32, std::max(1, QThread::idealThreadCount()) + 4);
}

Preset cpuVersusWait()
{
    // Twice as many CPU-bound tasks as cores, and as many sleeps. Unlimited, the CPU tasks share
    // the cores and all finish late; behind a "cpu" gate sized to the cores they run at full
    // speed, half of them finish early, and the makespan is the same. The sleeps are not gated:
    // they use no core, so a global limit would only queue them behind the CPU work.
    const int cores = std::max(1, QThread::idealThreadCount());
    Preset p;
    p.name = QStringLiteral("cpu-vs-wait");
    p.description = QCoreApplication::translate(
                            "Presets", "%1 CPU-bound tasks of 1 s behind a \"cpu\" gate of %2 "
                                       "(the cores), %1 sleeps of 1 s with no limit: compare to "
                                       "see the same makespan, earlier results and no "
                                       "oversubscription.")
                            .arg(2 * cores)
                            .arg(cores);
    p.scenario.name = p.name;
    p.scenario.options.gates = {Gate{QStringLiteral("cpu"), cores}};
    for (int k = 0; k < 2 * cores; ++k) {
        Task t;
        t.kind = TaskKind::Cpu;
        t.duration = 1.0;
        t.setGate(QStringLiteral("cpu"));
        t.setLabel(QCoreApplication::translate("Presets", "cpu %1").arg(k + 1));
        p.scenario.tasks.append(t);
    }
    for (int k = 0; k < 2 * cores; ++k) {
        Task t;
        t.kind = TaskKind::Sleep;
        t.duration = 1.0;
        t.setLabel(QCoreApplication::translate("Presets", "sleep %1").arg(k + 1));
        p.scenario.tasks.append(t);
    }
    return p;
}

} // namespace

QList<Preset> Presets::all()
{
    QList<Preset> presets;
    for (const char *name : presetFiles) {
        QFile file(QStringLiteral(":/presets/%1.json").arg(QLatin1String(name)));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("preset %s missing from resources", name);
        QString error;
        const auto loaded = ScenarioFile::parse(file.readAll(), &error);
        if (!loaded)
            qFatal("preset %s is invalid: %s", name, qPrintable(error));
        Preset p{loaded->scenario.name,
                 QCoreApplication::translate("Presets", qPrintable(loaded->description)),
                 loaded->scenario};
        if (p.name == u"hidden-limit")
            p.scenario.options.threads = pythonDefaultExecutorThreads();
        presets.append(std::move(p));
    }
    presets.append(cpuVersusWait());
    return presets;
}

std::optional<Preset> Presets::find(const QString &name)
{
    for (const Preset &p : all()) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}
