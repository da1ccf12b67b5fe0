#pragma once

#include <QtGlobal>

// The retries' backoff, shared by the engine (which sleeps it) and the prediction (which
// simulates it), so both wait the same time before the same attempt.
//
// Scenario seconds a task waits before retry number `retry` (1 for the first retry):
// backoff * 2^(retry - 1), times a jitter in [0.5, 1) drawn from (seed, task, retry) alone, so a
// run with the same seed waits the same delays and no two tasks retry in lock step.
double retryDelay(double backoff, quint32 seed, qsizetype task, int retry);
