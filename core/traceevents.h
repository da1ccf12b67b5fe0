#pragma once

#include "hugepages.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <string_view>
#include <vector>

// What TraceImport reads from a trace before it decides which runs it holds: compact slices on
// their threads, texts interned once, args kept as views into the JSON text (which outlives this).
// Internal to traceimport.cpp and tasklanestrace.cpp.
namespace TraceEvents {

struct Process
{
    QString id; // the raw pid, as text
    QString name; // process_name metadata, empty when none
    QString labels; // process_labels metadata (TaskLanes' traces)
    std::string_view taskLanesRun; // args of a tasklanes_run metadata event, empty when none
    int sortIndex = 0;
    qsizetype firstEvent = 0;
};

struct Thread
{
    QString id; // the raw tid, as text
    QString name; // thread_name metadata, empty when none
    int process = 0;
    int sortIndex = 0;
    qsizetype firstEvent = 0;
};

// One complete slice: an X event, or a B matched with its E. Times are the trace's microseconds
// times 1000 (nanoseconds of the trace's clock).
struct Slice
{
    qint64 startNs = 0;
    qint64 endNs = 0;
    quint32 thread = 0;
    quint32 name = 0; // index in Data::names
    quint32 category = 0; // index in Data::names (0: none)
    quint32 event = 0; // index of its X (or B) event
    quint32 argsBegin = 0; // raw JSON of args in the trace's text
    quint32 argsSize = 0; // 0: no args
    qint32 depth = 0; // nesting depth in its thread, by containment
};

// An instant of category "retry" (TaskLanes' retry marks).
struct Instant
{
    quint32 thread = 0;
    qint64 ns = 0;
};

struct Data
{
    const char *text = nullptr;
    QList<QString> names; // interned names and categories; names[0] is the empty string
    std::vector<Process> processes;
    std::vector<Thread> threads;
    std::vector<Slice, HugePages::Allocator<Slice>> slices;
    std::vector<Instant> retries;
    bool taskLanesGenerator = false; // otherData.generator is "TaskLanes"

    std::string_view args(const Slice &s) const
    {
        return s.argsSize ? std::string_view(text + s.argsBegin, s.argsSize) : std::string_view();
    }
};

} // namespace TraceEvents

#include "traceimport.h"

#include <memory>
#include <optional>

class QRegularExpression;

namespace TraceEvents {

// Nesting depth of every slice, by containment per thread (tracerecorded.cpp); sorts the slices
// by thread, start, longer first.
void nest(std::vector<Slice, HugePages::Allocator<Slice>> &slices);

// The generic reading (tracerecorded.cpp): the slices at options.depth that `select` matches, one
// task each, as one recorded run.
std::optional<CsvImport::Runs> recordedRun(const Data &data, const TraceImport::Options &options,
                                           const QRegularExpression &select, const QString &name,
                                           TraceImport::Report &report, QString *error);

// Reads one small JSON object (an event's args) into its top-level fields, in order. Uses the
// same JSON reader as the trace (traceimport.cpp) and reuses its buffers from call to call.
class ArgsReader
{
public:
    ArgsReader();
    ~ArgsReader();
    ArgsReader(const ArgsReader &) = delete;
    ArgsReader &operator=(const ArgsReader &) = delete;

    // False when json is not an object.
    bool read(std::string_view json);

    struct Field
    {
        QString key;
        QString text; // strings only
        double number = 0.0; // numbers only
        bool isString = false;
        bool isNumber = false;
        std::string raw; // the value's JSON text
    };
    const std::vector<Field> &fields() const { return m_fields; }
    const Field *field(QStringView key) const;
    std::optional<QString> string(QStringView key) const;
    std::optional<double> number(QStringView key) const;

private:
    struct Parser;
    std::unique_ptr<Parser> m_parser;
    std::vector<Field> m_fields;
};

} // namespace TraceEvents
