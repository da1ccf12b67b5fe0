#pragma once

// ThreadSanitizer sees std::atomic, std::mutex, pthread_create/join and fd reads and writes, but
// not the hand-offs inside the distribution's uninstrumented Qt: QThreadPool's job queue and
// waitForDone(), QSemaphore and QMutex (futexes), QThread::wait() and the posted-event queue. Code
// that hands data over through one of those declares the edge here; without -fsanitize=thread
// these compile to nothing.
//
// Tsan::release(p) on one thread, then Tsan::acquire(p) on another: everything the first did
// before the release happens before everything the second does after the acquire. Releases on
// the same address accumulate, so one acquire after a join sees every thread that released.
#ifndef TASKLANES_TSAN
#if defined(__SANITIZE_THREAD__)
#define TASKLANES_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define TASKLANES_TSAN 1
#endif
#endif
#endif

#ifdef TASKLANES_TSAN
#include <sanitizer/tsan_interface.h>
#endif

namespace Tsan {

#ifdef TASKLANES_TSAN
inline void release(const void *address)
{
    __tsan_release(const_cast<void *>(address));
}
inline void acquire(const void *address)
{
    __tsan_acquire(const_cast<void *>(address));
}
#else
inline void release(const void *) { }
inline void acquire(const void *) { }
#endif

} // namespace Tsan
