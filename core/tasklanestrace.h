#pragma once

#include "csvimport.h"

#include <QString>

#include <optional>

namespace TraceEvents {
struct Data;
}

// A trace written by TraceExport, read back as the runs it came from (one or two): their options
// from each process's tasklanes_run metadata (or, in traces written before it existed, from
// process_name and process_labels), each task from its thread's wait and run slices and their
// args, its attempts from its retry marks. Internal to TraceImport.
namespace TaskLanesTrace {

enum class Marks {
    None, // not TaskLanes' trace
    Legacy, // process_labels and run/wait slices with a task number: probably TaskLanes'
    Explicit, // tasklanes_run metadata or otherData.generator "TaskLanes"
};
Marks recognise(const TraceEvents::Data &data);

// The runs, or nothing with *error naming the process (run) and task at fault.
std::optional<CsvImport::Runs> build(const TraceEvents::Data &data, const QString &name,
                                     QString *error);

} // namespace TaskLanesTrace
