#pragma once

#include "schedule.h"

#include <QList>

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
    void clear();
    bool isEmpty() const { return maxRunning.empty(); }
};
