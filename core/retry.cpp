#include "retry.h"

#include <cmath>

namespace {

// SplitMix64's finaliser: a well mixed 64-bit value from any input, cheap and portable.
quint64 mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

} // namespace

double retryDelay(double backoff, quint32 seed, qsizetype task, int retry)
{
    if (!(backoff > 0.0) || retry < 1)
        return 0.0;
    const quint64 h = mix(mix(mix(quint64(seed)) ^ quint64(task)) ^ quint64(retry));
    const double unit = double(h >> 11) / double(quint64(1) << 53); // [0, 1)
    return backoff * std::ldexp(1.0, std::min(retry - 1, 30)) * (0.5 + 0.5 * unit);
}
