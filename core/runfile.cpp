#include "runfile.h"

#include "csvexport.h"
#include "hugepages.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <zlib.h>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RunFile", text);
}

// Room left after the data for the JSON reader, which reads up to 64 bytes past the end
// (simdjson's padding): reading the file with it saves a copy of the whole text.
constexpr qsizetype padding = 64;
constexpr qsizetype chunk = qsizetype(1) << 20;

bool isGzip(QByteArrayView data)
{
    return data.size() >= 2 && uchar(data[0]) == 0x1f && uchar(data[1]) == 0x8b;
}

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / double(1 << 20), 'f', bytes < (10 << 20) ? 1 : 0);
}

// Decides from the first bytes read (at most `chunk`) whether reading on is worth it: false stops
// a device such as /dev/zero after its first megabyte instead of at the cap.
using HeadCheck = bool (*)(QByteArrayView head);

// At most maxBytes + 1 bytes of path (one more tells "too large" from "exactly at the cap"), in a
// buffer with `padding` spare bytes after its end. Refuses folders and regular files over the cap
// before reading; devices without a size stop at the cap, or after the head when `check` says so.
std::optional<QByteArray> readBounded(const QString &path, qint64 maxBytes, HeadCheck check,
                                      QString *why)
{
    const QFileInfo info(path);
    if (info.isDir()) {
        *why = tr("it is a folder");
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *why = file.errorString();
        return std::nullopt;
    }
    const qint64 size = file.isSequential() ? 0 : file.size();
    if (size > maxBytes) {
        *why = tr("it is too large (%1 MiB, at most %2 MiB)")
                       .arg(megabytes(size), megabytes(maxBytes));
        return std::nullopt;
    }
    QByteArray data;
    // A regular file in one allocation (one byte more to see its end); others grow by doubling.
    data.reserve(qsizetype(size > 0 ? size + 1 : chunk) + padding);
    HugePages::advise(data.data(), size_t(data.capacity()));
    qint64 total = 0;
    for (;;) {
        qint64 room = data.capacity() - padding - total;
        if (room <= 0) {
            data.reserve(qsizetype(std::min(maxBytes + 1, std::max(2 * total, total + chunk)))
                         + padding);
            HugePages::advise(data.data(), size_t(data.capacity()));
            room = data.capacity() - padding - total;
        }
        const qint64 want = std::min({room, qint64(chunk), maxBytes + 1 - total});
        if (want <= 0)
            break;
        data.resize(qsizetype(total + want));
        const qint64 got = file.read(data.data() + total, want);
        if (got < 0) {
            *why = file.errorString();
            return std::nullopt;
        }
        const bool first = total == 0;
        total += got;
        data.resize(qsizetype(total));
        if (got == 0)
            break;
        if (first && check && !check(data))
            return data;
    }
    if (total > maxBytes) {
        *why = tr("it is too large (more than %1 MiB)").arg(megabytes(maxBytes));
        return std::nullopt;
    }
    return data;
}

// The first non-blank byte of data (after a UTF-8 byte order mark), -1 when there is none.
int firstByte(QByteArrayView data)
{
    qsizetype i = data.startsWith("\xef\xbb\xbf") ? 3 : 0;
    while (i < data.size()
           && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t'))
        ++i;
    return i < data.size() ? int(uchar(data[i])) : -1;
}

RunFile::Kind kindOf(QByteArrayView data)
{
    const int first = firstByte(data);
    if (first == '[' || (first == '{' && TraceImport::looksLikeTrace(data)))
        return RunFile::Kind::Trace;
    if (first == '{')
        return RunFile::Kind::Scenario; // an object without traceEvents: a scenario file
    const QByteArray header = CsvExport::header().toUtf8();
    const QByteArrayView text = data.startsWith("\xef\xbb\xbf") ? data.sliced(3) : data;
    // The header's first columns: CSVs of an earlier generation share them.
    const QByteArray start =
            header.left(header.indexOf(",started") > 0 ? header.indexOf(",started") : 20);
    if (text.startsWith(start))
        return RunFile::Kind::Csv;
    return RunFile::Kind::Unknown;
}

} // namespace

namespace {

// Whether to read on after the first bytes (see HeadCheck): a run file, compressed, or blanks.
bool worthReading(QByteArrayView head)
{
    return isGzip(head) || firstByte(head) < 0 || kindOf(head) != RunFile::Kind::Unknown;
}

std::optional<QByteArray> inflateBounded(QByteArrayView data, qint64 maxBytes, HeadCheck check,
                                         QString *error)
{
    z_stream z{};
    // 15 + 32: a gzip or zlib header, detected.
    if (inflateInit2(&z, 15 + 32) != Z_OK) {
        *error = tr("cannot start decompressing");
        return std::nullopt;
    }
    struct End
    {
        z_stream *z;
        ~End() { inflateEnd(z); }
    } end{&z};

    QByteArray out;
    out.reserve(qsizetype(std::min<qint64>(maxBytes + 1, std::max<qint64>(4 * data.size(), chunk)))
                + padding);
    qint64 consumed = 0; // input bytes before the current call's
    for (;;) {
        const qint64 inputLeft = data.size() - consumed;
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data() + consumed));
        z.avail_in = uInt(std::min<qint64>(inputLeft, qint64(1) << 30));
        const uInt given = z.avail_in;
        if (out.capacity() - out.size() < chunk + padding) {
            if (out.size() > maxBytes) {
                *error = tr("it decompresses to more than %1 MiB").arg(megabytes(maxBytes));
                return std::nullopt;
            }
            out.reserve(qsizetype(std::min<qint64>(maxBytes + 1, 2 * qint64(out.size()) + chunk))
                        + chunk + padding);
            HugePages::advise(out.data(), size_t(out.capacity()));
        }
        const qsizetype before = out.size();
        const qsizetype room = out.capacity() - before - padding;
        out.resize(before + room);
        z.next_out = reinterpret_cast<Bytef *>(out.data() + before);
        z.avail_out = uInt(std::min<qsizetype>(room, qsizetype(1) << 30));
        const uInt offered = z.avail_out;
        const int rc = inflate(&z, Z_NO_FLUSH);
        out.resize(before + qsizetype(offered - z.avail_out));
        consumed += given - z.avail_in;
        if (out.size() > maxBytes) {
            *error = tr("it decompresses to more than %1 MiB").arg(megabytes(maxBytes));
            return std::nullopt;
        }
        if (check && (out.size() >= 4096 || rc == Z_STREAM_END)) {
            if (!check(out))
                return out;
            check = nullptr;
        }
        if (rc == Z_STREAM_END) {
            // Another gzip member may follow (concatenated files decompress to one text).
            if (consumed >= data.size())
                break;
            if (!isGzip(data.sliced(consumed))) {
                *error = tr("data that is not gzip after the compressed stream, at byte %1")
                                 .arg(consumed);
                return std::nullopt;
            }
            inflateReset(&z);
            continue;
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            *error = tr("corrupt gzip data at byte %1 (%2)")
                             .arg(consumed)
                             .arg(QString::fromUtf8(z.msg ? z.msg : "inflate failed"));
            return std::nullopt;
        }
        if (rc == Z_BUF_ERROR && consumed >= data.size()) {
            *error = tr("the gzip data ends early, at byte %1 (truncated)").arg(consumed);
            return std::nullopt;
        }
    }
    return out;
}

std::optional<QByteArray> readRunFile(const QString &path, qint64 maxBytes, HeadCheck check,
                                      QString *error)
{
    const QString shown = QDir::toNativeSeparators(path);
    QString why;
    auto data = readBounded(path, maxBytes, check, &why);
    if (data && isGzip(*data)) {
        const QByteArray compressed = std::move(*data);
        data = inflateBounded(compressed, maxBytes, check, &why);
    }
    if (!data) {
        *error = tr("cannot read \"%1\": %2").arg(shown, why);
        return std::nullopt;
    }
    return data;
}

} // namespace

std::optional<QByteArray> RunFile::gunzip(QByteArrayView data, qint64 maxBytes, QString *error)
{
    Q_ASSERT(error);
    return inflateBounded(data, maxBytes, nullptr, error);
}

std::optional<QByteArray> RunFile::readAll(const QString &path, qint64 maxBytes, QString *error)
{
    Q_ASSERT(error);
    return readRunFile(path, maxBytes, nullptr, error);
}

std::optional<RunFile::Opened> RunFile::open(const QString &path,
                                             const TraceImport::Options &options, QString *error)
{
    Q_ASSERT(error);
    const QString shown = QDir::toNativeSeparators(path);
    // The larger cap first; a CSV over its own cap is refused once its kind is known.
    auto data = readRunFile(path, std::max(TraceImport::maxFileBytes, CsvImport::maxFileBytes),
                            worthReading, error);
    if (!data)
        return std::nullopt;
    if (firstByte(*data) < 0) {
        *error = tr("cannot read \"%1\": the file is empty").arg(shown);
        return std::nullopt;
    }
    Opened opened;
    opened.kind = kindOf(*data);
    const QString name = QFileInfo(path).completeBaseName().section(u'.', 0, 0);
    QString why;
    switch (opened.kind) {
    case Kind::Scenario:
        *error = tr("\"%1\" is a scenario file, not a recorded run: open it as a scenario "
                    "(tasklanes-cli --scenario FILE, or File > Open Scenario)")
                         .arg(shown);
        return std::nullopt;
    case Kind::Unknown:
        *error = tr("\"%1\" is neither a TaskLanes CSV nor a Chrome trace (JSON)").arg(shown);
        return std::nullopt;
    case Kind::Csv: {
        if (data->size() > CsvImport::maxFileBytes) {
            *error = tr("cannot read \"%1\": it is too large (%2 MiB, at most %3 MiB)")
                             .arg(shown, megabytes(data->size()),
                                  megabytes(CsvImport::maxFileBytes));
            return std::nullopt;
        }
        auto runs = CsvImport::parse(*data, name, &why);
        if (!runs) {
            *error = QStringLiteral("%1: %2").arg(shown, why);
            return std::nullopt;
        }
        opened.runs = std::move(*runs);
        return opened;
    }
    case Kind::Trace: {
        QByteArray json = std::move(*data);
        data.reset();
        auto runs = TraceImport::parse(json, options, name, &why, &opened.report);
        json = QByteArray(); // the text goes before anyone builds views of the runs
        if (!runs) {
            *error = QStringLiteral("%1: %2").arg(shown, why);
            return std::nullopt;
        }
        opened.runs = std::move(*runs);
        opened.warning = opened.report.warning();
        return opened;
    }
    }
    return std::nullopt;
}

RunFile::Kind RunFile::sniff(const QString &path)
{
    QFile file(path);
    if (QFileInfo(path).isDir() || !file.open(QIODevice::ReadOnly))
        return Kind::Unknown;
    QByteArray head = file.read(64 * 1024);
    if (isGzip(head)) {
        // Enough of the text to see its kind: a truncated stream is fine here.
        z_stream z{};
        if (inflateInit2(&z, 15 + 32) != Z_OK)
            return Kind::Unknown;
        QByteArray out(64 * 1024, Qt::Uninitialized);
        z.next_in = reinterpret_cast<Bytef *>(head.data());
        z.avail_in = uInt(head.size());
        z.next_out = reinterpret_cast<Bytef *>(out.data());
        z.avail_out = uInt(out.size());
        const int rc = inflate(&z, Z_SYNC_FLUSH);
        out.resize(out.size() - qsizetype(z.avail_out));
        inflateEnd(&z);
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
            return Kind::Unknown;
        head = out;
    }
    if (firstByte(head) < 0)
        return Kind::Unknown;
    return kindOf(head);
}
