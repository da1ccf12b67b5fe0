// libFuzzer target: the TaskLanes CSV reader (CsvImport::parse, Open Run's CSV path) on arbitrary
// bytes. Either complete, non-empty runs come back or nothing and a message naming the problem;
// what it accepts, written again with CsvExport, reads back to the same file: one write and read
// may normalise (the formula guard's documented ambiguity, number spelling), a second may not.
#include "csvexport.h"
#include "csvimport.h"
#include "runrecord.h"

#include <QBuffer>

#include <cstdlib>

namespace {

QByteArray written(const CsvImport::Runs &runs)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!CsvExport::write(buffer, runs))
        std::abort();
    return bytes;
}

void checkRuns(const CsvImport::Runs &runs)
{
    if (runs.isEmpty() || runs.size() > CsvImport::maxRuns)
        std::abort();
    for (const auto &record : runs) {
        if (!record->isComplete() || record->taskCount() < 1)
            std::abort();
        for (qsizetype i = 0; i < record->taskCount(); ++i) {
            const TaskSample s = record->sample(i);
            if (s.hasStarted() && (s.startedNs < s.submittedNs || s.finishedNs < s.startedNs))
                std::abort();
        }
    }
}

CsvImport::Runs reread(const QByteArray &bytes)
{
    QString error;
    const auto runs = CsvImport::parse(bytes, &error);
    if (!runs)
        std::abort();
    checkRuns(*runs);
    return *runs;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto runs = CsvImport::parse(bytes, &error);
    if (!runs) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    checkRuns(*runs);
    const QByteArray once = written(reread(written(*runs)));
    const CsvImport::Runs again = reread(once);
    if (again.size() != runs->size())
        std::abort();
    for (qsizetype r = 0; r < again.size(); ++r) {
        if (again.at(r)->taskCount() != runs->at(r)->taskCount())
            std::abort();
    }
    if (written(again) != once)
        std::abort();
    return 0;
}
