// libFuzzer target: the Chrome trace reader (TraceImport::parse) on arbitrary bytes, through
// RunFile::gunzip when they start like gzip, as RunFile::open reads them. Either runs come back,
// complete and non-empty, or nothing and a message; never a crash, a hang or an overflow.
#include "runfile.h"
#include "runrecord.h"
#include "traceimport.h"

#include <cstdlib>

namespace {

void check(const QByteArray &json, const TraceImport::Options &options)
{
    QString error;
    TraceImport::Report report;
    const auto runs = TraceImport::parse(json, options, QStringLiteral("fuzz"), &error, &report);
    if (!runs) {
        if (error.isEmpty())
            std::abort();
        return;
    }
    if (runs->isEmpty() || runs->size() > CsvImport::maxRuns)
        std::abort();
    for (const auto &record : *runs) {
        if (!record->isComplete() || record->taskCount() < 1)
            std::abort();
        for (qsizetype i = 0; i < record->taskCount(); ++i) {
            const TaskSample s = record->sample(i);
            if (s.hasStarted() && s.finishedNs < s.startedNs)
                std::abort();
        }
    }
    (void)report.warning();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    if (size >= 2 && data[0] == 0x1f && data[1] == 0x8b) {
        QString error;
        const auto inflated = RunFile::gunzip(bytes, 16 << 20, &error);
        if (!inflated) {
            if (error.isEmpty())
                std::abort();
            return 0;
        }
        bytes = *inflated;
    }
    check(bytes, TraceImport::Options());
    // The generic reader on the same bytes (also for TaskLanes' traces), one level down.
    TraceImport::Options deeper;
    deeper.depth = 1;
    deeper.select = QStringLiteral("a|run");
    check(bytes, deeper);
    return 0;
}
