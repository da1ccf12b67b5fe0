#include "stepblocks.h"

#include <algorithm>
#include <limits>

void StepBlocks::build(const QList<ConcurrencyStep> &steps)
{
    m_count = steps.size();
    const qsizetype n = steps.size();
    const qsizetype blocks = (n + size - 1) / size;
    maxRunning.assign(size_t(blocks), 0);
    minRunning.assign(size_t(blocks), 0);
    maxWaiting.assign(size_t(blocks), 0);
    minWaiting.assign(size_t(blocks), 0);
    peakRunning = 0;
    peakWaiting = 0;
    for (qsizetype b = 0; b < blocks; ++b) {
        int maxR = 0, minR = std::numeric_limits<int>::max();
        int maxW = 0, minW = std::numeric_limits<int>::max();
        const qsizetype end = std::min(n, (b + 1) * size);
        for (qsizetype k = b * size; k < end; ++k) {
            const ConcurrencyStep &s = steps.at(k);
            maxR = std::max(maxR, s.running);
            minR = std::min(minR, s.running);
            maxW = std::max(maxW, s.waiting);
            minW = std::min(minW, s.waiting);
        }
        maxRunning[size_t(b)] = maxR;
        minRunning[size_t(b)] = minR;
        maxWaiting[size_t(b)] = maxW;
        minWaiting[size_t(b)] = minW;
        peakRunning = std::max(peakRunning, maxR);
        peakWaiting = std::max(peakWaiting, maxW);
    }
}

void StepBlocks::clear()
{
    m_count = 0;
    peakRunning = 0;
    peakWaiting = 0;
    maxRunning.clear();
    minRunning.clear();
    maxWaiting.clear();
    minWaiting.clear();
}
