#pragma once

#include "schedule.h"

#include <QList>

#include <algorithm>
#include <vector>

// Extremes of running and waiting per block of steps of a concurrency step function, so a chart
// pixel column that covers thousands of steps costs a few block lookups.
struct StepBlocks
{
    static constexpr int size = 64; // steps per block

    std::vector<int> maxRunning, minRunning, maxWaiting, minWaiting;
    int peakRunning = 0;
    int peakWaiting = 0;

    void build(const QList<ConcurrencyStep> &steps);
    // Extends the blocks by the step that follows the ones added so far: built while the step
    // function is, the blocks cost no second pass over it (at a million tasks that pass was a
    // quarter of the final statistics' time, waiting on memory).
    void add(const ConcurrencyStep &step)
    {
        if (m_count % size == 0) {
            maxRunning.push_back(step.running);
            minRunning.push_back(step.running);
            maxWaiting.push_back(step.waiting);
            minWaiting.push_back(step.waiting);
        } else {
            maxRunning.back() = std::max(maxRunning.back(), step.running);
            minRunning.back() = std::min(minRunning.back(), step.running);
            maxWaiting.back() = std::max(maxWaiting.back(), step.waiting);
            minWaiting.back() = std::min(minWaiting.back(), step.waiting);
        }
        peakRunning = std::max(peakRunning, step.running);
        peakWaiting = std::max(peakWaiting, step.waiting);
        ++m_count;
    }
    void clear();
    bool isEmpty() const { return maxRunning.empty(); }

private:
    qsizetype m_count = 0; // steps added
};
