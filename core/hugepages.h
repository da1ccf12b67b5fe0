#pragma once

#include <QList>

#include <cstddef>
#include <memory>
#include <new>
#include <vector>

// Large arrays (a run's record, the sort buffers of its statistics) are touched once, right after
// allocation. Faulting them in 4 KiB pages costs ~14 ms per 4 MiB on the
// virtual machines we measured (3.4 us per page), against ~0.5 ms with transparent huge pages.
// These helpers ask for huge pages where the kernel offers them on request (Linux, THP in
// "madvise" or "always" mode); elsewhere they are plain allocations and no-ops.
namespace HugePages {

constexpr std::size_t pageBytes = std::size_t(2) << 20; // one huge page on x86-64 and arm64
// Arrays smaller than this are left to malloc: a huge page would be mostly unused.
constexpr std::size_t minBytes = std::size_t(1) << 20;

// Advises the kernel to back the whole pages inside [data, data + bytes) with huge pages; used by
// allocate(). Harmless on memory already touched, or too small.
void advise(void *data, std::size_t bytes);

// Memory for `bytes`, aligned to a huge page and advised when large, else plain operator new.
void *allocate(std::size_t bytes);
void release(void *data, std::size_t bytes) noexcept;

// An array of n default-constructed T in such memory, destroyed and freed by its deleter.
template<typename T>
struct ArrayDeleter
{
    std::size_t count = 0;
    void operator()(T *p) const noexcept
    {
        for (std::size_t i = 0; i < count; ++i)
            p[i].~T();
        release(p, count * sizeof(T));
    }
};
template<typename T>
using Array = std::unique_ptr<T[], ArrayDeleter<T>>;

// For std::vector: the run's big scratch arrays (sort buffers) get huge pages without any call
// site asking for them.
template<typename T>
struct Allocator
{
    using value_type = T;
    Allocator() = default;
    template<typename U>
    Allocator(const Allocator<U> &) noexcept
    {
    }
    T *allocate(std::size_t n) { return static_cast<T *>(HugePages::allocate(n * sizeof(T))); }
    void deallocate(T *p, std::size_t n) noexcept { release(p, n * sizeof(T)); }
    template<typename U>
    bool operator==(const Allocator<U> &) const noexcept
    {
        return true;
    }
    template<typename U>
    bool operator!=(const Allocator<U> &) const noexcept
    {
        return false;
    }
};
template<typename T>
using Vector = std::vector<T, Allocator<T>>;

// An empty QList with room for `capacity` items, its buffer advised before anything touches it:
// how the big lists (a run's steps, its prediction, the parsed tasks) are made. The pages of the
// reserve that stay unused are never touched, so they cost address space only.
template<typename T>
QList<T> makeList(qsizetype capacity)
{
    QList<T> list;
    list.reserve(capacity);
    advise(list.data(), std::size_t(list.capacity()) * sizeof(T));
    return list;
}

template<typename T>
Array<T> makeArray(std::size_t count)
{
    T *p = static_cast<T *>(allocate(count * sizeof(T)));
    for (std::size_t i = 0; i < count; ++i)
        new (p + i) T();
    return Array<T>(p, ArrayDeleter<T>{count});
}

} // namespace HugePages
