#pragma once

#include "schedule.h"
#include "stepblocks.h"

#include <QList>

#include <vector>

class RunRecord;

// Each gate's running tasks over time for one run, as the chart draws them (a line per gate under
// its limit). While the run goes on they follow the record's published events, in O(new events)
// a frame; once its data is final they are computed once by core's gateConcurrencySteps(), with
// block extremes, so a paint reads a few blocks per pixel column at any task count.
class GateSteps
{
public:
    struct Gate
    {
        // Live: one entry per start or finish (several may share a time, the last holds the value
        // from then on); final: gateConcurrencySteps(). waiting stays 0.
        QList<ConcurrencyStep> steps;
        StepBlocks blocks; // final only
    };

    // Brings the steps up to date with r; final: the run's data is final (RunProgress::isFinal()).
    void sync(const RunRecord &r, bool final);
    bool isFinal() const { return m_final; }
    // In RunOptions::gates order; empty for a run without gates.
    const std::vector<Gate> &gates() const { return m_gates; }

private:
    std::vector<Gate> m_gates;
    std::vector<int> m_gateOf; // live: the gate index of each task, -1 for none
    qsizetype m_seenEvents = 0;
    bool m_final = false;
};
