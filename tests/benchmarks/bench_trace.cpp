// Opening a large Chrome trace: 1,000,000 X slices (about 120 MB of JSON, Ray-like: 64 workers,
// names from a pool, a category and small args each) generated in a temporary folder, then opened
// with RunFile::open as `tasklanes-cli --open FILE` does. Targets (issue 14): at most 3 s, and a
// peak RSS of at most the file's size + 300 MB. Prints a table and "BENCH <name> <value> <unit>"
// lines. `--write PATH` only writes the trace to PATH. `--smoke` runs 10,000 slices; `--qjson`
// measures QJsonDocument::fromJson on the same file instead (the reader that was not chosen:
// docs/performance.md), in its own process so its peak is its own.

#include "runfile.h"
#include "runprogress.h"
#include "runrecord.h"
#include "schedule.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdio>
#include <sys/resource.h>

namespace {

// The process's peak resident set (VmHWM), in MB.
double peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

// CPU seconds the process has used (user + system): on a loaded machine, the part of the wall
// time that is this program's own.
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
           + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Starts the peak over from the current RSS (Linux 4.0+), so that generating the file does not
// count.
void resetPeakRss()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

bool generate(const QString &path, qsizetype slices)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QByteArray chunk;
    chunk.reserve(1 << 21);
    chunk += "{\"traceEvents\":[\n";
    const int workers = 64;
    for (int w = 0; w < workers; ++w)
        chunk += "{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":" + QByteArray::number(w)
                 + ",\"args\":{\"name\":\"worker " + QByteArray::number(w) + "\"}},\n";
    // Each worker runs its slices back to back, 100 to 1099.5 us each.
    std::vector<double> clock(workers, 0.0);
    for (qsizetype i = 0; i < slices; ++i) {
        const int w = int(i % workers);
        const double dur = 100.0 + double((i * 7919) % 1000) + 0.5;
        chunk += "{\"cat\":\"task\",\"name\":\"task::f" + QByteArray::number(i % 97)
                 + "\",\"ph\":\"X\",\"pid\":1,\"tid\":" + QByteArray::number(w)
                 + ",\"ts\":" + QByteArray::number(clock[size_t(w)], 'f', 3)
                 + ",\"dur\":" + QByteArray::number(dur, 'f', 1) + ",\"args\":{\"task_id\":\""
                 + QByteArray::number(i, 16).rightJustified(12, '0') + "\"}}";
        clock[size_t(w)] += dur;
        chunk += i + 1 < slices ? ",\n" : "\n";
        if (chunk.size() > (1 << 20)) {
            if (file.write(chunk) != chunk.size())
                return false;
            chunk.clear();
        }
    }
    chunk += "],\"displayTimeUnit\":\"ms\"}\n";
    return file.write(chunk) == chunk.size();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool smoke = app.arguments().contains(QStringLiteral("--smoke"));
    const bool qjson = app.arguments().contains(QStringLiteral("--qjson"));
    const qsizetype slices = smoke ? 10000 : 1000000;
    const char *suffix = smoke ? "10k" : "1m";

    // --file PATH: open that trace instead of generating one (for profiling).
    const qsizetype fileArg = app.arguments().indexOf(QStringLiteral("--file"));
    QTemporaryDir dir;
    const QString path = fileArg > 0 && fileArg + 1 < app.arguments().size()
                                 ? app.arguments().at(fileArg + 1)
                                 : dir.filePath(QStringLiteral("trace.json"));
    if (fileArg < 0 && (!dir.isValid() || !generate(path, slices))) {
        std::fprintf(stderr, "bench_trace: cannot write %s\n", qPrintable(path));
        return 1;
    }
    // --write PATH: only write the trace there (scripts/bench.sh times tasklanes-cli --open on it).
    if (const qsizetype writeArg = app.arguments().indexOf(QStringLiteral("--write"));
        writeArg > 0 && writeArg + 1 < app.arguments().size()) {
        const QString target = app.arguments().at(writeArg + 1);
        QFile::remove(target);
        return QFile::copy(path, target) ? 0 : 1;
    }
    const double fileMb = double(QFile(path).size()) / 1e6;
    resetPeakRss();

    QElapsedTimer timer;
    timer.start();
    const double cpuStart = cpuSeconds();
    qsizetype tasks = 0;
    double makespan = 0;
    double seconds = 0;
    double peak = 0;
    double cpu = 0;
    if (qjson) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return 1;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
        if (error.error != QJsonParseError::NoError)
            return 1;
        tasks = doc.object().value(QStringLiteral("traceEvents")).toArray().size();
    } else {
        QString error;
        const auto opened = RunFile::open(path, &error);
        if (!opened) {
            std::fprintf(stderr, "bench_trace: %s\n", qPrintable(error));
            return 1;
        }
        // The open alone, its time and its peak: statistics are the caller's.
        seconds = double(timer.nsecsElapsed()) / 1e9;
        cpu = cpuSeconds() - cpuStart;
        peak = peakRssMb();
        tasks = opened->runs.first()->taskCount();
        makespan = RunProgress::completed(opened->runs.first(), Schedule())->stats().makespan;
    }
    if (qjson) {
        seconds = double(timer.nsecsElapsed()) / 1e9;
        cpu = cpuSeconds() - cpuStart;
        peak = peakRssMb();
    }
    if (!qjson && tasks != slices) {
        std::fprintf(stderr, "bench_trace: %lld tasks, expected %lld\n", qlonglong(tasks),
                     qlonglong(slices));
        return 1;
    }

    const char *what = qjson ? "QJsonDocument::fromJson" : "RunFile::open";
    std::printf("%-44s %9.1f MB\n", "trace file", fileMb);
    std::printf("%-44s %9.3f s\n", what, seconds);
    std::printf("%-44s %9.3f s\n", "  of which CPU time (user + system)", cpu);
    std::printf("%-44s %9.1f MB\n", "peak RSS", peak);
    if (!qjson)
        std::printf("%-44s %9lld (makespan %.3f s)\n", "tasks", qlonglong(tasks), makespan);
    const char *prefix = qjson ? "trace_qjson" : "trace_open";
    std::printf("BENCH trace_open_file_mb_%s %.1f MB\n", suffix, fileMb);
    std::printf("BENCH %s_seconds_%s %.3f s\n", prefix, suffix, seconds);
    std::printf("BENCH %s_cpu_seconds_%s %.3f s\n", prefix, suffix, cpu);
    std::printf("BENCH %s_rss_mb_%s %.1f MB\n", prefix, suffix, peak);
    return 0;
}
