#pragma once

#include <QtGlobal>

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Byte strings numbered 0, 1, 2… in the order they were first seen: a reader's table of the
// names, processes and threads it meets millions of times but holds only a few hundred of.
// An open-addressing table over std::hash<std::string_view>, looked up with the reader's own
// bytes. It replaced QHash<QByteArray, quint32> in the trace reader: there, the three million
// lookups of a 1,000,000-slice trace (a name, a category and a thread per slice, each a
// QByteArray key and Qt 6.4's SipHash) kept the open at 1.6-2.3 s; with ByteIndex it takes
// 0.86-0.99 s (bench_trace, BENCH trace_open_seconds_1m, docs/performance.md).
class ByteIndex
{
public:
    // The number of `key`, adding it as the next number when it is new; `added` says which.
    quint32 insert(std::string_view key, bool *added = nullptr)
    {
        if ((m_keys.size() + 1) * 4 > m_slots.size() * 3)
            grow();
        const size_t hash = std::hash<std::string_view>()(key);
        for (size_t slot = hash & (m_slots.size() - 1);; slot = (slot + 1) & (m_slots.size() - 1)) {
            const quint32 stored = m_slots[slot];
            if (stored == 0) {
                m_keys.emplace_back(key);
                m_hashes.push_back(hash);
                m_slots[slot] = quint32(m_keys.size());
                if (added)
                    *added = true;
                return quint32(m_keys.size() - 1);
            }
            if (m_hashes[stored - 1] == hash && m_keys[stored - 1] == key) {
                if (added)
                    *added = false;
                return stored - 1;
            }
        }
    }

private:
    void grow()
    {
        std::vector<quint32> slots(std::max<size_t>(16, m_slots.size() * 2), 0);
        for (size_t i = 0; i < m_keys.size(); ++i) {
            size_t slot = m_hashes[i] & (slots.size() - 1);
            while (slots[slot] != 0)
                slot = (slot + 1) & (slots.size() - 1);
            slots[slot] = quint32(i + 1);
        }
        m_slots = std::move(slots);
    }

    std::vector<quint32> m_slots; // a key's number + 1; 0 for an empty slot
    std::vector<std::string> m_keys;
    std::vector<size_t> m_hashes;
};
