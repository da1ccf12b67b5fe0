#pragma once

#include "scenario.h"

#include <memory>

class RunRecord;

// "What if the limit were N?" for a finished run, recorded here or elsewhere: every task released
// at the start, taken FIFO in recorded start order, each taking its recorded duration (finish -
// start in scenario seconds; a task that never ran takes 0 and keeps its status). No pool beyond
// the limit, no cores, no server: the recorded durations already hold them.
namespace WhatIf {

// The recorded batch as a scenario of sleeps in recorded start order (tasks that never started
// last, in their order), labels kept, unlimited, time scale 1: what "Replay as scenario" loads and
// what --sweep --predict sweeps on an opened run. Tasks whose recorded duration is 0 get the
// smallest duration a scenario accepts.
Scenario scenarioOf(const RunRecord &recorded);

// Task index in `recorded` of each task of scenarioOf(recorded), in the same order.
QList<qsizetype> recordedOrder(const RunRecord &recorded);

// The prediction of `recorded` under `limit` (>= 1) as a finished run, on the same axis: same tasks
// in the same indices as `recorded`, options limit N with origin WhatIf (named "what-if limit N"),
// times from the FIFO list schedule. Its results are the recorded results.
std::shared_ptr<const RunRecord> predict(const RunRecord &recorded, int limit);

} // namespace WhatIf
