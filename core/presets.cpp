#include "presets.h"

#include "scenariofile.h"

#include <QCoreApplication>
#include <QFile>
#include <QThread>

namespace {

const char *const presetFiles[] = {"one-task", "five-parallel", "limit-two", "gather-results",
                                   "delayed-print"};

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
};

Preset cpuVersusWait()
{
    // Twice as many CPU-bound tasks as cores, and as many sleeps: unlimited, the CPU tasks share
    // the cores and each takes longer; a limit near the core count runs them at full speed while
    // the sleeps would gain from more parallelism.
    const int cores = std::max(1, QThread::idealThreadCount());
    Preset p;
    p.name = QStringLiteral("cpu-vs-wait");
    p.description = QCoreApplication::translate(
                            "Presets", "%1 CPU-bound tasks of 1 s and %1 sleeps of 1 s "
                                       "on %2 cores, limit %2: compare to see why CPU work "
                                       "wants a limit near the core count.")
                            .arg(2 * cores)
                            .arg(cores);
    p.scenario.name = p.name;
    p.scenario.options.limit = cores;
    for (int k = 0; k < 2 * cores; ++k) {
        Task t;
        t.kind = TaskKind::Cpu;
        t.duration = 1.0;
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
        presets.append({loaded->scenario.name,
                        QCoreApplication::translate("Presets", qPrintable(loaded->description)),
                        loaded->scenario});
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
