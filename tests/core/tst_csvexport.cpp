#include "csvexport.h"
#include "runengine.h"
#include "runrecord.h"
#include "runsession.h"
#include "safefile.h"
#include "testcsv.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

// The CSV a run exports, read back with an independent RFC 4180 parser.
class tst_CsvExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parserSelfCheck();
    void fields_data();
    void fields();
    void hostileLabelsRoundTrip();
    void timesAndEmptyCells();
    void compareExportOrder();
    void engineRunExport();
    void writeFileToFolder();
    void writeFileFailures_data();
    void writeFileFailures();
    void failedWriteLeavesExistingFileIntact();
    void diskFull();
    void fifoIsWrittenInPlace();
};

namespace {

const QString expectedHeader =
        u"run,task,label,kind,gate,gate_limit,duration_s,retries,backoff_s,time_scale,pool_threads,"
        "admission,server_capacity,server_max_in_flight,server_latency_s,seed,submitted_s,picked_s,started_s,finished_s,wait_s,run_s,thread,attempts,status,result"_s;
constexpr int columns = CsvColumn::Count;
using namespace CsvColumn; // column indices: row[Status] and so on

QByteArray exportToBytes(const QList<std::shared_ptr<const RunRecord>> &runs)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (!CsvExport::write(buffer, runs))
        return QByteArray();
    return buffer.data();
}

qint64 ns(double scenarioSeconds, double timeScale)
{
    return qint64(std::llround(scenarioSeconds * timeScale * 1e9));
}

Task labelled(const QString &label, double duration, const QString &message = QString())
{
    Task t;
    t.setLabel(label);
    t.duration = duration;
    t.setMessage(message);
    return t;
}

const QStringList hostileLabels{
        u"a,b"_s,      u"say \"hi\""_s,  u"line1\nline2"_s,
        u"cr\r\nlf"_s, u"=SUM(A1:A2)"_s, u"+1"_s,
        u"-1"_s,       u"@cmd"_s,        u"\tTab"_s,
        u"\rCR"_s,     u"mid=dle"_s,     u"plain \u00FCn\u00EFc\u00F6de \u2713"_s};

QString asSpreadsheetText(const QString &text)
{
    static const QString prefixes = u"=+-@\t\r"_s;
    return !text.isEmpty() && prefixes.contains(text.front()) ? u"'"_s + text : text;
}

// Unlimited, time scale 1: every hostile label as a 1 s task that ran from i/10 to i/10 + 1.
std::shared_ptr<RunRecord> hostileRecord()
{
    Scenario s;
    for (const QString &label : hostileLabels)
        s.tasks.append(labelled(label, 1));
    auto record = std::make_shared<RunRecord>(s);
    for (qsizetype i = 0; i < record->taskCount(); ++i) {
        record->markSubmitted(i, 0);
        record->markStarted(i, ns(double(i) / 10, 1.0), int(i) + 1);
        record->markFinished(i, ns(double(i) / 10 + 1, 1.0), TaskStatus::Ok);
    }
    return record;
}

} // namespace

void tst_CsvExport::parserSelfCheck()
{
    // The test's parser is itself tested, so a wrong parser cannot make a wrong writer pass.
    QString error;
    auto rows = parseCsv("a,\"b,c\",\"d\"\"e\",\"f\r\ng\"\r\n,,\r\n", &error);
    QVERIFY2(rows.has_value(), qPrintable(error));
    QCOMPARE(*rows, (QList<QStringList>{{u"a"_s, u"b,c"_s, u"d\"e"_s, u"f\r\ng"_s},
                                        {QString(), QString(), QString()}}));
    QVERIFY(!parseCsv("a,b\n", &error)); // LF row end
    QVERIFY(!parseCsv("a,b", &error)); // unterminated
    QVERIFY(!parseCsv("a\"b\r\n", &error)); // quote in an unquoted field
    QVERIFY(!parseCsv("\"a\"b\r\n", &error)); // text after the closing quote
    QVERIFY(!parseCsv("\"a\r\n", &error)); // unclosed quote
    QVERIFY(!parseCsv("\xff\xfe\r\n", &error)); // not UTF-8
}

void tst_CsvExport::fields_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("quoted");
    QTest::addColumn<QString>("asText");

    QTest::newRow("plain") << u"5 s"_s << u"5 s"_s << u"5 s"_s;
    QTest::newRow("empty") << QString() << QString() << QString();
    QTest::newRow("comma") << u"a,b"_s << u"\"a,b\""_s << u"\"a,b\""_s;
    QTest::newRow("quote") << u"say \"hi\""_s << u"\"say \"\"hi\"\"\""_s << u"\"say \"\"hi\"\"\""_s;
    QTest::newRow("LF") << u"a\nb"_s << u"\"a\nb\""_s << u"\"a\nb\""_s;
    QTest::newRow("CR") << u"a\rb"_s << u"\"a\rb\""_s << u"\"a\rb\""_s;
    QTest::newRow("formula") << u"=1+2"_s << u"=1+2"_s << u"'=1+2"_s;
    QTest::newRow("plus") << u"+1"_s << u"+1"_s << u"'+1"_s;
    QTest::newRow("minus") << u"-1"_s << u"-1"_s << u"'-1"_s;
    QTest::newRow("at") << u"@x"_s << u"@x"_s << u"'@x"_s;
    QTest::newRow("tab") << u"\tx"_s << u"\tx"_s << u"'\tx"_s;
    QTest::newRow("leading CR") << u"\rx"_s << u"\"\rx\""_s << u"\"'\rx\""_s;
    QTest::newRow("formula with comma") << u"=A1,B1"_s << u"\"=A1,B1\""_s << u"\"'=A1,B1\""_s;
    QTest::newRow("inner equals") << u"a=b"_s << u"a=b"_s << u"a=b"_s;
}

void tst_CsvExport::fields()
{
    QFETCH(QString, text);
    QFETCH(QString, quoted);
    QFETCH(QString, asText);
    QCOMPARE(CsvExport::quoteField(text), quoted);
    QCOMPARE(CsvExport::textField(text), asText);
}

void tst_CsvExport::hostileLabelsRoundTrip()
{
    const auto record = hostileRecord();
    const QByteArray bytes = exportToBytes({record});
    QVERIFY(!bytes.isEmpty());
    QVERIFY(bytes.startsWith(QByteArray(expectedHeader.toUtf8() + "\r\n")));
    QVERIFY(bytes.contains("\"say \"\"hi\"\"\""));

    const QList<QStringList> rows = csvRows(bytes);
    QCOMPARE(rows.size(), hostileLabels.size() + 1);
    QCOMPARE(rows.at(0).join(u','), expectedHeader);
    for (qsizetype i = 0; i < hostileLabels.size(); ++i) {
        const QStringList &row = rows.at(i + 1);
        QCOMPARE(row.size(), columns);
        QCOMPARE(row.at(Run), u"unlimited"_s);
        QCOMPARE(row.at(TaskNumber), QString::number(i + 1));
        QCOMPARE(row.at(Label), asSpreadsheetText(hostileLabels.at(i)));
        QCOMPARE(row.at(Kind), u"sleep"_s);
        QCOMPARE(row.at(Status), u"ok"_s);
        QCOMPARE(row.at(Result), u"1"_s);
    }
}

void tst_CsvExport::timesAndEmptyCells()
{
    // Limit 2 at time scale 0.5; times in the file are scenario seconds (real / 0.5).
    const double scale = 0.5;
    Scenario s;
    s.options.limit = 2;
    s.options.timeScale = scale;
    s.tasks = {labelled(QString(), 2), labelled(u"msg"_s, 0.25, u"x,\"y\""_s),
               labelled(QString(), 1.5), labelled(u"-neg"_s, 3, u"=HYPERLINK(\"http://x\")"_s),
               labelled(QString(), 4)};
    auto record = std::make_shared<RunRecord>(s);
    for (qsizetype i = 0; i < record->taskCount(); ++i)
        record->markSubmitted(i, 0);
    record->markStarted(0, ns(0, scale), 1);
    record->markStarted(1, ns(0.000001, scale), 2);
    record->markFinished(1, ns(0.25, scale), TaskStatus::Ok);
    record->markStarted(2, ns(0.25, scale), 2);
    record->markFinished(0, ns(2, scale), TaskStatus::Ok);
    record->markFinished(2, ns(1.75, scale), TaskStatus::Failed, u"err, bad"_s);
    record->markStarted(3, ns(2.125, scale), 1);
    record->markFinished(3, ns(3.5, scale), TaskStatus::Cancelled);
    record->markFinished(4, ns(3.5, scale), TaskStatus::Cancelled); // never started

    const QList<QStringList> rows = csvRows(exportToBytes({record}));
    QCOMPARE(rows.size(), 6);
    // No gate; a pool of 5 (one thread per task); fifo, so picked_s is started_s; one attempt
    // each (none for the task that never started).
    const QList<QStringList> expected{
            {u"limit-2"_s,  u"1"_s,        u"2 s"_s,      u"sleep"_s,    QString(),
             QString(),     u"2"_s,        QString(),     QString(),     u"0.5"_s,
             u"5"_s,        u"fifo"_s,     QString(),     QString(),     u"0"_s,
             u"1"_s,        u"0.000000"_s, u"0.000000"_s, u"0.000000"_s, u"2.000000"_s,
             u"0.000000"_s, u"2.000000"_s, u"1"_s,        u"1"_s,        u"ok"_s,
             u"2"_s},
            {u"limit-2"_s,  u"2"_s,        u"msg"_s,      u"sleep"_s,    QString(),
             QString(),     u"0.25"_s,     QString(),     QString(),     u"0.5"_s,
             u"5"_s,        u"fifo"_s,     QString(),     QString(),     u"0"_s,
             u"1"_s,        u"0.000000"_s, u"0.000001"_s, u"0.000001"_s, u"0.250000"_s,
             u"0.000001"_s, u"0.249999"_s, u"2"_s,        u"1"_s,        u"ok"_s,
             u"x,\"y\""_s},
            {u"limit-2"_s,  u"3"_s,        u"1.5 s"_s,    u"sleep"_s,    QString(),
             QString(),     u"1.5"_s,      QString(),     QString(),     u"0.5"_s,
             u"5"_s,        u"fifo"_s,     QString(),     QString(),     u"0"_s,
             u"1"_s,        u"0.000000"_s, u"0.250000"_s, u"0.250000"_s, u"1.750000"_s,
             u"0.250000"_s, u"1.500000"_s, u"2"_s,        u"1"_s,        u"failed"_s,
             u"err, bad"_s},
            {u"limit-2"_s,  u"4"_s,        u"'-neg"_s,    u"sleep"_s,    QString(),
             QString(),     u"3"_s,        QString(),     QString(),     u"0.5"_s,
             u"5"_s,        u"fifo"_s,     QString(),     QString(),     u"0"_s,
             u"1"_s,        u"0.000000"_s, u"2.125000"_s, u"2.125000"_s, u"3.500000"_s,
             u"2.125000"_s, u"1.375000"_s, u"1"_s,        u"1"_s,        u"cancelled"_s,
             u"cancelled"_s},
            {u"limit-2"_s,   u"5"_s,        u"4 s"_s,  u"sleep"_s, QString(),     QString(),
             u"4"_s,         QString(),     QString(), u"0.5"_s,   u"5"_s,        u"fifo"_s,
             QString(),      QString(),     u"0"_s,    u"1"_s,     u"0.000000"_s, QString(),
             QString(),      QString(),     QString(), QString(),  QString(),     QString(),
             u"cancelled"_s, u"cancelled"_s},
    };
    for (qsizetype r = 0; r < expected.size(); ++r)
        QCOMPARE(rows.at(r + 1), expected.at(r));

    // A message that looks like a formula is neutralised too.
    Scenario f;
    f.tasks = {labelled(u"t"_s, 1, u"=HYPERLINK(\"http://x\")"_s)};
    auto formula = std::make_shared<RunRecord>(f);
    formula->markSubmitted(0, 0);
    formula->markStarted(0, 0, 1);
    formula->markFinished(0, ns(1, 1), TaskStatus::Ok);
    const QList<QStringList> frows = csvRows(exportToBytes({formula}));
    QCOMPARE(frows.size(), 2);
    QCOMPARE(frows.at(1).at(Result), u"'=HYPERLINK(\"http://x\")"_s);
    QCOMPARE(frows.at(1).at(TimeScale), u"1"_s);
}

void tst_CsvExport::compareExportOrder()
{
    Scenario s;
    s.tasks = {labelled(QString(), 5), labelled(QString(), 1), labelled(QString(), 8)};
    auto unlimited = std::make_shared<RunRecord>(s);
    s.options.limit = 2;
    auto limited = std::make_shared<RunRecord>(s);
    for (auto *r : {unlimited.get(), limited.get()}) {
        for (qsizetype i = 0; i < 3; ++i) {
            r->markSubmitted(i, 0);
            r->markStarted(i, ns(double(i), 1), 1);
        }
        // Finished in reverse order: rows still follow the task number.
        for (qsizetype i = 2; i >= 0; --i)
            r->markFinished(i, ns(10 - double(i), 1), TaskStatus::Ok);
    }
    const QList<QStringList> rows = csvRows(exportToBytes({unlimited, limited}));
    QCOMPARE(rows.size(), 7);
    const QStringList runs{u"unlimited"_s, u"unlimited"_s, u"unlimited"_s,
                           u"limit-2"_s,   u"limit-2"_s,   u"limit-2"_s};
    for (qsizetype r = 0; r < 6; ++r) {
        QCOMPARE(rows.at(r + 1).at(Run), runs.at(r));
        QCOMPARE(rows.at(r + 1).at(TaskNumber), QString::number(r % 3 + 1));
        QCOMPARE(rows.at(r + 1).at(Result), QStringList({u"5"_s, u"1"_s, u"8"_s}).at(r % 3));
    }
}

void tst_CsvExport::engineRunExport()
{
    // A real comparison through the session, exported: the numbers agree with each other.
    RunSession session;
    QSignalSpy finished(&session, &RunSession::finished);
    Scenario s;
    for (double d : {5.0, 1.0, 8.0, 3.0, 4.0})
        s.tasks.append(labelled(QString(), d));
    s.options.limit = 2;
    s.options.timeScale = 0.01;
    QVERIFY(session.start(s, true));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);

    const QList<QStringList> rows = csvRows(exportToBytes(session.records()));
    QCOMPARE(rows.size(), 11);
    static const QRegularExpression sixDecimals(u"^\\d+\\.\\d{6}$"_s);
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const QStringList &row = rows.at(r);
        QCOMPARE(row.size(), columns);
        QCOMPARE(row.at(Run), r <= 5 ? u"unlimited"_s : u"limit-2"_s);
        QCOMPARE(row.at(TaskNumber), QString::number((r - 1) % 5 + 1));
        QCOMPARE(row.at(TimeScale), u"0.01"_s);
        QCOMPARE(row.at(Status), u"ok"_s);
        QCOMPARE(row.at(Result), row.at(Duration));
        for (int c : {Submitted, Started, Finished, Wait, RunTime})
            QVERIFY2(sixDecimals.match(row.at(c)).hasMatch(), qPrintable(row.at(c)));
        const double submitted = row.at(Submitted).toDouble();
        const double started = row.at(Started).toDouble();
        const double finishedAt = row.at(Finished).toDouble();
        QVERIFY(submitted <= started && started <= finishedAt);
        QVERIFY(std::abs(row.at(Wait).toDouble() - (started - submitted)) <= 2e-6);
        QVERIFY(std::abs(row.at(RunTime).toDouble() - (finishedAt - started)) <= 2e-6);
        // A sleep lasts at least its duration.
        QVERIFY(row.at(RunTime).toDouble() >= row.at(Duration).toDouble() - 1e-6);
        const int thread = row.at(Thread).toInt();
        QVERIFY(thread >= 1 && thread <= (r <= 5 ? 5 : 2));
    }
}

void tst_CsvExport::writeFileToFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto record = hostileRecord();
    const QByteArray expected = exportToBytes({record});
    const QString path = dir.filePath(u"out.csv"_s);
    QString error;
    QVERIFY2(CsvExport::writeFile(path, {record}, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), expected);
    file.close();

    // Overwriting an existing, longer file leaves exactly the new content.
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(expected.size() * 3, 'x'));
    file.close();
    QVERIFY2(CsvExport::writeFile(path, {record}, &error), qPrintable(error));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), expected);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"out.csv"_s});
}

void tst_CsvExport::writeFileFailures_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::addColumn<QString>("expectedReason");

    QTest::newRow("missing folder") << u"missing/out.csv"_s << u"does not exist"_s;
    QTest::newRow("a folder") << u"folder"_s << u"folder"_s;
    QTest::newRow("under a file") << u"existing.csv/out.csv"_s << u"existing.csv"_s;
}

void tst_CsvExport::writeFileFailures()
{
    QFETCH(QString, relativePath);
    QFETCH(QString, expectedReason);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir(u"folder"_s));
    const QByteArray original = "run,task\r\nprevious,1\r\n";
    {
        QFile existing(dir.filePath(u"existing.csv"_s));
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write(original);
    }
    const QStringList before = QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);

    const QString path = dir.filePath(relativePath);
    QString error;
    QVERIFY(!CsvExport::writeFile(path, {hostileRecord()}, &error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    QVERIFY2(error.contains(expectedReason), qPrintable(error));

    // Nothing created, nothing damaged.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), before);
    QVERIFY(QFileInfo(dir.filePath(u"folder"_s)).isDir());
    QVERIFY(QDir(dir.filePath(u"folder"_s)).isEmpty());
    QFile existing(dir.filePath(u"existing.csv"_s));
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QCOMPARE(existing.readAll(), original);

    QVERIFY(!CsvExport::writeFile(QString(), {hostileRecord()}, &error));
    QVERIFY(!error.isEmpty());
}

void tst_CsvExport::failedWriteLeavesExistingFileIntact()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"run.csv"_s);
    const QByteArray original = exportToBytes({hostileRecord()});
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(original);
    }
    // The writer gets half way and fails, as a full disk would make it.
    QString error;
    const bool ok = writeFileSafely(
            path,
            [](QIODevice &device) {
                device.write(QByteArray(100000, 'z'));
                return false;
            },
            &error);
    QVERIFY(!ok);
    QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), original);
    // And no temporary file is left behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
             QStringList{u"run.csv"_s});
}

void tst_CsvExport::diskFull()
{
    // A private node for the "full" device (1, 7): every write fails with ENOSPC. Never the
    // system's /dev/full.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"full"_s);
    const QByteArray native = QFile::encodeName(path);
    if (::mknod(native.constData(), S_IFCHR | 0666, makedev(1, 7)) != 0)
        QSKIP(qPrintable(u"cannot create a device node here: %1"_s.arg(
                QString::fromLocal8Bit(std::strerror(errno)))));

    QString error;
    QVERIFY(!CsvExport::writeFile(path, {hostileRecord()}, &error));
    qInfo("reported: %s", qPrintable(error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    struct stat st = {};
    QCOMPARE(::stat(native.constData(), &st), 0);
    QVERIFY2(S_ISCHR(st.st_mode), "the device node must not be replaced by a regular file");
}

void tst_CsvExport::fifoIsWrittenInPlace()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"pipe"_s);
    const QByteArray native = QFile::encodeName(path);
    QCOMPARE(::mkfifo(native.constData(), 0600), 0);

    // Big enough (a few hundred kB) that the writer blocks on a full pipe until the reader drains.
    Scenario s;
    for (int i = 0; i < 3000; ++i)
        s.tasks.append(labelled(u"task, number \"%1\""_s.arg(i), 1));
    auto record = std::make_shared<RunRecord>(s);
    for (qsizetype i = 0; i < record->taskCount(); ++i) {
        record->markSubmitted(i, 0);
        record->markStarted(i, ns(double(i), 1), 1);
        record->markFinished(i, ns(double(i) + 1, 1), TaskStatus::Ok);
    }
    const QByteArray expected = exportToBytes({record});
    QVERIFY(expected.size() > 256 * 1024);

    // The read end is opened non-blocking so the reader can never hang, whatever the writer does:
    // it drains until the writer has returned and the pipe is empty.
    const int fd = ::open(native.constData(), O_RDONLY | O_NONBLOCK);
    QVERIFY(fd >= 0);
    std::atomic<bool> writerDone{false};
    QByteArray received;
    std::unique_ptr<QThread> reader(QThread::create([&] {
        char chunk[65536];
        for (;;) {
            const ssize_t n = ::read(fd, chunk, sizeof chunk);
            if (n > 0) {
                received.append(chunk, n);
                continue;
            }
            if (n < 0 && errno != EAGAIN && errno != EINTR)
                return;
            if (writerDone.load() && n == 0)
                return; // the writer has closed and everything is read
            pollfd p{fd, POLLIN, 0};
            ::poll(&p, 1, 20);
        }
    }));
    reader->start();

    QString error;
    const bool written = CsvExport::writeFile(path, {record}, &error);
    writerDone.store(true);
    QVERIFY(reader->wait(10000));
    ::close(fd);
    QVERIFY2(written, qPrintable(error));
    QCOMPARE(received.size(), expected.size());
    QCOMPARE(received, expected);

    struct stat st = {};
    QCOMPARE(::stat(native.constData(), &st), 0);
    QVERIFY2(S_ISFIFO(st.st_mode), "the FIFO must not be replaced by a regular file");
}

QTEST_GUILESS_MAIN(tst_CsvExport)
#include "tst_csvexport.moc"
