#include "traceevents.h"

#include <QFile>

#include <cmath>

// Byte-level helpers of the trace reader that need no JSON reader: where text stops being UTF-8
// or balanced, how deep it nests, microseconds as nanoseconds, the process's large mappings.

// Where the first byte that is not UTF-8 is; size when there is none.
qsizetype TraceEvents::firstInvalidUtf8(const char *text, qsizetype size)
{
    const auto *s = reinterpret_cast<const unsigned char *>(text);
    qsizetype i = 0;
    while (i < size) {
        const unsigned c = s[i];
        int more = 0;
        unsigned min = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xe0) == 0xc0) {
            more = 1;
            min = 0x80;
        } else if ((c & 0xf0) == 0xe0) {
            more = 2;
            min = 0x800;
        } else if ((c & 0xf8) == 0xf0) {
            more = 3;
            min = 0x10000;
        } else {
            return i;
        }
        unsigned code = c & (0x3f >> more);
        for (int k = 1; k <= more; ++k) {
            if (i + k >= size || (s[i + k] & 0xc0) != 0x80)
                return i;
            code = (code << 6) | (s[i + k] & 0x3f);
        }
        if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
            return i;
        i += more + 1;
    }
    return size;
}

// Microseconds to nanoseconds without losing Ray's sub-microsecond digits: 1.7e15 µs times 1000
// as a double would round to 256 ns.
qint64 TraceEvents::nanoseconds(double us)
{
    double whole = 0;
    const double fraction = std::modf(us, &whole);
    return qint64(whole) * 1000 + qint64(std::llround(fraction * 1000.0));
}

namespace {

// Walks the brackets of JSON text outside its strings: visit(offset, depth after the bracket,
// opening) for each { [ ] }; stops early when visit returns true, with that offset.
template<typename Visit>
qsizetype walkBrackets(const char *text, qsizetype size, Visit visit)
{
    qsizetype depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < size; ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (visit(i, ++depth, true))
                return i;
        } else if (c == '}' || c == ']') {
            if (visit(i, --depth, false))
                return i;
        }
    }
    return -1;
}

} // namespace

// Objects and lists nested deeper than `limit` in json (a value's raw text), outside strings:
// the offset in json where that happens, or -1. The reader skips what it does not read without
// counting its depth, so values it skips or keeps raw are checked here.
qsizetype TraceEvents::deeperThan(std::string_view json, size_t limit)
{
    return walkBrackets(json.data(), qsizetype(json.size()),
                        [limit](qsizetype, qsizetype depth, bool opening) {
                            return opening && size_t(depth) > limit;
                        });
}

// For structure errors simdjson reports without a place (unbalanced lists and objects): where
// text follows the end of the first top-level list or object, or the end of the text when that
// never closes (truncated). *trailing says which.
qsizetype TraceEvents::structureProblemAt(const char *text, qsizetype size, bool *trailing)
{
    *trailing = false;
    const qsizetype end = walkBrackets(text, size, [](qsizetype, qsizetype depth, bool opening) {
        return !opening && depth == 0;
    });
    if (end < 0)
        return size;
    qsizetype j = end + 1;
    while (j < size && (text[j] == ' ' || text[j] == '\n' || text[j] == '\r' || text[j] == '\t'))
        ++j;
    *trailing = j < size;
    return *trailing ? j : size;
}

// The process's anonymous mappings of 16 MiB or more (Linux), as (start, end).
std::vector<std::pair<quintptr, quintptr>> TraceEvents::largeAnonymousMappings()
{
    std::vector<std::pair<quintptr, quintptr>> found;
#ifdef Q_OS_LINUX
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return found;
    for (const QByteArray &line : maps.readAll().split('\n')) {
        // "start-end perms offset dev inode [path]": anonymous when the inode is 0 and no path.
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() != 5 || f.at(4) != "0" || !f.at(1).startsWith("rw"))
            continue;
        const qsizetype dash = f.at(0).indexOf('-');
        bool ok1 = false, ok2 = false;
        const quintptr start = f.at(0).left(dash).toULongLong(&ok1, 16);
        const quintptr end = f.at(0).mid(dash + 1).toULongLong(&ok2, 16);
        if (ok1 && ok2 && end - start >= (quintptr(16) << 20))
            found.emplace_back(start, end);
    }
#endif
    return found;
}
