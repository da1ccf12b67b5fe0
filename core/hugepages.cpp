#include "hugepages.h"

#include <QtGlobal>

#include <cstdint>
#include <cstdlib>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace HugePages {

void advise(void *data, std::size_t bytes)
{
#if defined(Q_OS_LINUX) && defined(MADV_HUGEPAGE)
    if (!data || bytes < minBytes)
        return;
    static const std::size_t smallPage = std::size_t(sysconf(_SC_PAGESIZE));
    const auto begin = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t first = (begin + smallPage - 1) / smallPage * smallPage;
    const std::uintptr_t last = (begin + bytes) / smallPage * smallPage;
    if (last > first)
        madvise(reinterpret_cast<void *>(first), last - first, MADV_HUGEPAGE); // advice only
#else
    Q_UNUSED(data);
    Q_UNUSED(bytes);
#endif
}

void *allocate(std::size_t bytes)
{
    if (bytes < minBytes)
        return ::operator new(bytes == 0 ? 1 : bytes);
    const std::size_t rounded = (bytes + pageBytes - 1) / pageBytes * pageBytes;
    void *p = std::aligned_alloc(pageBytes, rounded);
    if (!p)
        throw std::bad_alloc();
    advise(p, rounded);
    return p;
}

void release(void *data, std::size_t bytes) noexcept
{
    if (!data)
        return;
    if (bytes < minBytes)
        ::operator delete(data);
    else
        std::free(data);
}

} // namespace HugePages
