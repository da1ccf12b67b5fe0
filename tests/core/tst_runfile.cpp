#include "csvexport.h"
#include "runfile.h"
#include "runrecord.h"
#include "testfiles.h"
#include "testrun.h"
#include "traceexport.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

using namespace Qt::StringLiterals;

// Any run file opened by its content: CSV or trace, gzip or not; what is not a run is refused with
// a message naming the file and the reason.
class tst_RunFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void csv();
    void trace();
    void gzipped();
    void concatenatedGzip();
    void corruptGzip();
    void truncatedGzip();
    void gunzipCap();
    void scenarioFile();
    void emptyFile();
    void folder();
    void devZero();
    void overTheCap();
    void notARunFile();
    void warning();
    void sniff();

private:
    QString write(const QString &name, const QByteArray &content);
    QString openError(const QString &path);

    QTemporaryDir m_dir;
    QByteArray m_trace;
    QByteArray m_csv;
};

namespace {

QByteArray gzip(const QByteArray &data)
{
    z_stream z{};
    if (deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return QByteArray();
    QByteArray out(int(deflateBound(&z, uLong(data.size()))) + 64, Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(out.size() - qsizetype(z.avail_out));
    deflateEnd(&z);
    return rc == Z_STREAM_END ? out : QByteArray();
}

} // namespace

QString tst_RunFile::write(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    return writeFile(path, content) ? path : QString();
}

QString tst_RunFile::openError(const QString &path)
{
    QString error;
    const auto opened = RunFile::open(path, &error);
    if (opened)
        return u"opened"_s;
    return error;
}

void tst_RunFile::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const auto run = idealRun({5, 1, 8, 3, 4}, 2);
    QBuffer trace(&m_trace);
    trace.open(QIODevice::WriteOnly);
    QVERIFY(TraceExport::write(trace, {run}));
    QBuffer csv(&m_csv);
    csv.open(QIODevice::WriteOnly);
    QVERIFY(CsvExport::write(csv, {run}));
}

void tst_RunFile::csv()
{
    QString error;
    const auto opened = RunFile::open(write(u"runs.csv"_s, m_csv), &error);
    QVERIFY2(opened, qPrintable(error));
    QCOMPARE(opened->kind, RunFile::Kind::Csv);
    QCOMPARE(opened->runs.size(), 1);
    QCOMPARE(opened->runs.first()->taskCount(), 5);
    QCOMPARE(opened->runs.first()->scenario().name, u"runs"_s);
    QCOMPARE(opened->warning, QString());
}

void tst_RunFile::trace()
{
    QString error;
    const auto opened = RunFile::open(write(u"trace.json"_s, m_trace), &error);
    QVERIFY2(opened, qPrintable(error));
    QCOMPARE(opened->kind, RunFile::Kind::Trace);
    QCOMPARE(opened->runs.first()->taskCount(), 5);
    QCOMPARE(opened->runs.first()->options().limit, 2);
    QVERIFY(opened->report.writtenByTaskLanes);
}

void tst_RunFile::gzipped()
{
    // By content, whatever the name says.
    for (const QString &name : {u"trace.json.gz"_s, u"trace-gz.json"_s, u"runs.csv.gz"_s}) {
        const QByteArray content = gzip(name.contains(u"csv"_s) ? m_csv : m_trace);
        QString error;
        const auto opened = RunFile::open(write(name, content), &error);
        QVERIFY2(opened, qPrintable(error));
        QCOMPARE(opened->runs.first()->taskCount(), 5);
        QCOMPARE(opened->kind, name.contains(u"csv"_s) ? RunFile::Kind::Csv : RunFile::Kind::Trace);
    }
    QString error;
    const auto opened = RunFile::open(m_dir.filePath(u"trace.json.gz"_s), &error);
    QCOMPARE(opened->runs.first()->scenario().name, u"trace"_s);
    const auto data = RunFile::readAll(m_dir.filePath(u"trace.json.gz"_s), 1 << 30, &error);
    QVERIFY2(data, qPrintable(error));
    QCOMPARE(*data, m_trace);
}

void tst_RunFile::concatenatedGzip()
{
    const qsizetype half = m_trace.size() / 2;
    const QByteArray two = gzip(m_trace.left(half)) + gzip(m_trace.mid(half));
    QString error;
    const auto data = RunFile::gunzip(two, 1 << 30, &error);
    QVERIFY2(data, qPrintable(error));
    QCOMPARE(*data, m_trace);
}

void tst_RunFile::corruptGzip()
{
    QByteArray content = gzip(m_trace);
    QVERIFY(content.size() > 200);
    for (qsizetype i = 100; i < 140; ++i)
        content[i] = char(content[i] ^ 0x5a);
    const QString error = openError(write(u"corrupt.json.gz"_s, content));
    QVERIFY2(error.contains(u"corrupt.json.gz"_s), qPrintable(error));
    QVERIFY2(error.contains(u"corrupt gzip data at byte "_s), qPrintable(error));
}

void tst_RunFile::truncatedGzip()
{
    const QByteArray content = gzip(m_trace);
    const QString error = openError(write(u"cut.json.gz"_s, content.left(content.size() / 2)));
    QVERIFY2(error.contains(u"the gzip data ends early, at byte %1"_s.arg(content.size() / 2)),
             qPrintable(error));
}

void tst_RunFile::gunzipCap()
{
    // A small bomb: 64 MiB of zeros in about 64 KiB.
    const QByteArray bomb = gzip(QByteArray(64 << 20, '\0'));
    QString error;
    QVERIFY(!RunFile::gunzip(bomb, 1 << 20, &error));
    QVERIFY2(error.contains(u"decompresses to more than 1.0 MiB"_s), qPrintable(error));
    QVERIFY(!RunFile::gunzip(QByteArray("\x1f\x8b not really"), 1 << 20, &error));
    QVERIFY2(error.contains(u"at byte"_s), qPrintable(error));
}

void tst_RunFile::scenarioFile()
{
    const QString error =
            openError(write(u"scenario.json"_s, R"({"version":3,"tasks":[{"duration":1}]})"));
    QVERIFY2(error.contains(u"is a scenario file, not a recorded run"_s), qPrintable(error));
    QCOMPARE(RunFile::sniff(m_dir.filePath(u"scenario.json"_s)), RunFile::Kind::Scenario);
}

void tst_RunFile::emptyFile()
{
    for (const QByteArray &content : {QByteArray(), QByteArray(" \n\t\n")}) {
        const QString error = openError(write(u"empty.json"_s, content));
        QVERIFY2(error.contains(u"empty.json"_s) && error.contains(u"the file is empty"_s),
                 qPrintable(error));
    }
    const QString error = openError(write(u"empty.gz"_s, gzip(QByteArray())));
    QVERIFY2(error.contains(u"the file is empty"_s), qPrintable(error));
}

void tst_RunFile::folder()
{
    const QString error = openError(m_dir.path());
    QVERIFY2(error.contains(u"it is a folder"_s), qPrintable(error));
    QCOMPARE(RunFile::sniff(m_dir.path()), RunFile::Kind::Unknown);
}

void tst_RunFile::devZero()
{
    if (!QFile::exists(u"/dev/zero"_s))
        QSKIP("no /dev/zero");
    QElapsedTimer timer;
    timer.start();
    const QString error = openError(u"/dev/zero"_s);
    QVERIFY2(error.contains(u"neither a TaskLanes CSV nor a Chrome trace"_s), qPrintable(error));
    // Refused after its first bytes: not by reading gigabytes of zeros.
    QString readError;
    QVERIFY(!RunFile::readAll(u"/dev/zero"_s, 4 << 20, &readError));
    QVERIFY2(readError.contains(u"too large (more than 4.0 MiB)"_s), qPrintable(readError));
}

void tst_RunFile::overTheCap()
{
    // A sparse file just over the cap: refused by its size, before any byte is read.
    QFile big(m_dir.filePath(u"huge.json"_s));
    QVERIFY(big.open(QIODevice::WriteOnly));
    if (!big.resize(TraceImport::maxFileBytes + 1))
        QSKIP("no sparse files here");
    big.close();
    const QString error = openError(big.fileName());
    QVERIFY2(error.contains(u"it is too large (2048 MiB, at most 2048 MiB)"_s), qPrintable(error));
    big.remove();
}

void tst_RunFile::notARunFile()
{
    const QString error = openError(write(u"notes.txt"_s, "just some notes\n"));
    QVERIFY2(error.contains(u"neither a TaskLanes CSV nor a Chrome trace"_s), qPrintable(error));
    const QString bad = openError(write(u"bad.json"_s, R"([{"ph":"X","ts":1}])"));
    QVERIFY2(bad.contains(u"bad.json"_s) && bad.contains(u"\"dur\" is missing"_s), qPrintable(bad));
}

void tst_RunFile::warning()
{
    QString error;
    const auto opened = RunFile::open(
            write(u"counters.json"_s,
                  R"([{"ph":"X","name":"a","ts":0,"dur":5},{"ph":"C","name":"c","ts":1,"args":{"v":1}}])"),
            &error);
    QVERIFY2(opened, qPrintable(error));
    QCOMPARE(opened->warning, u"skipped 1 counter event (C)"_s);
}

void tst_RunFile::sniff()
{
    QCOMPARE(RunFile::sniff(write(u"s.json"_s, m_trace)), RunFile::Kind::Trace);
    QCOMPARE(RunFile::sniff(write(u"s.json.gz"_s, gzip(m_trace))), RunFile::Kind::Trace);
    QCOMPARE(RunFile::sniff(write(u"s.csv"_s, m_csv)), RunFile::Kind::Csv);
    QCOMPARE(RunFile::sniff(write(u"s.csv.gz"_s, gzip(m_csv))), RunFile::Kind::Csv);
    QCOMPARE(RunFile::sniff(m_dir.filePath(u"missing"_s)), RunFile::Kind::Unknown);
}

QTEST_GUILESS_MAIN(tst_RunFile)
#include "tst_runfile.moc"
