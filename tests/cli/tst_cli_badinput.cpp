#include "clirun.h"
#include "drain.h"
#include "readonlyfolder.h"
#include "testfiles.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <functional>
#include <memory>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

// The bad-input and fault catalogue of tasklanes-cli, through the real binary. tst_cli covers the
// plain command-line values (durations, limit, time scale, threads) and tst_cli_scenarios a few
// malformed scenario files; this adds what they do not: inputs too large for one argument (read
// with @FILE), more malformed values and scenario files, export paths that cannot be written or
// are not regular files, and SIGINT at random moments of a large run.
class tst_CliBadInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void refused_data();
    void refused();
    void exportFailsAfterTheRun_data();
    void exportFailsAfterTheRun();
    void exportWrittenInPlace_data();
    void exportWrittenInPlace();
    void fileSizeLimitLeavesExistingCsvIntact();
    void interruptLargeRunAtRandomMoments();

private:
    QTemporaryDir m_dir;
    int m_inputsTried = 0;
};

namespace {

// The log and messages are checked in English.
const CliOptions english = CliOptions::english();

const QString csvHeader =
        u"run,task,label,kind,gate,gate_limit,duration_s,retries,backoff_s,time_scale,pool_threads,"
        "admission,server_capacity,server_max_in_flight,server_latency_s,seed,submitted_s,picked_s,started_s,finished_s,wait_s,run_s,thread,attempts,status,result"_s;

QByteArray repeated(const QByteArray &unit, int times)
{
    QByteArray out;
    out.reserve(unit.size() * times);
    for (int i = 0; i < times; ++i)
        out += unit;
    return out;
}

// Special contents for the input file of a case.
const QByteArray sparse65MB = "<sparse 65 MB>";
const QByteArray sparse100MB = "<sparse 100 MB>";
const QByteArray makeFolder = "<folder>";
const QByteArray makeNothing = "<nothing>";

bool prepareInput(const QString &path, const QByteArray &content)
{
    if (content == makeNothing || content.isNull())
        return true;
    if (content == makeFolder)
        return QDir().mkdir(path);
    if (content == sparse65MB || content == sparse100MB) {
        QFile f(path);
        const QByteArray head = R"({"version": 1, "tasks": [{"kind": "sleep", "duration": 1}]})";
        return f.open(QIODevice::WriteOnly) && f.write(head) == head.size()
               && f.resize((content == sparse65MB ? 65 : 100) * 1024 * 1024);
    }
    return writeFile(path, content);
}

} // namespace

void tst_CliBadInput::initTestCase()
{
    QVERIFY2(QFileInfo(cliPath()).isExecutable(), qPrintable(cliPath()));
    QVERIFY(m_dir.isValid());
}

void tst_CliBadInput::cleanupTestCase()
{
    qInfo("%d command lines tried", m_inputsTried);
}

void tst_CliBadInput::refused_data()
{
    QTest::addColumn<QStringList>("arguments"); // @IN@: the input file, @DIR@: a scratch folder
    QTest::addColumn<QByteArray>("input"); // content of @IN@ (or a special value above)
    QTest::addColumn<QStringList>("mentions"); // each must appear in the one-line message

    const QByteArray none = makeNothing;
    auto row = [&](const char *name, const QStringList &args, const QByteArray &input,
                   const QStringList &mentions) {
        QTest::newRow(name) << args << input << mentions;
    };
    const QStringList durationsFile = {u"--durations"_s, u"@@IN@"_s};

    // Durations too large for one argument (Linux caps one at 128 KiB): through @FILE.
    row("durations: 1,000,001 items", durationsFile, repeated("0,", 1000000) + "0",
        {u"too many tasks: 1000001"_s});
    row("durations: 5,000,000 items (10 MB)", durationsFile, repeated("1,", 5000000) + "1",
        {u"too many tasks"_s});
    row("durations: one 10 MB number", durationsFile, QByteArray(10 * 1024 * 1024, '1'),
        {u"item 1"_s});
    row("durations: 10 MB of letters", durationsFile, QByteArray(10 * 1024 * 1024, 'x'),
        {u"item 1"_s, u"not a number"_s});
    row("durations: 10 MB item after a valid one", durationsFile,
        "5," + QByteArray(10 * 1024 * 1024, '7'), {u"item 2"_s});
    row("durations: list file over 64 MB", durationsFile, sparse65MB, {u"too large"_s});
    row("durations: endless device", QStringList{u"--durations"_s, u"@/dev/zero"_s}, none,
        {u"/dev/zero"_s, u"too large"_s});
    row("durations: empty file", durationsFile, QByteArray(""), {u"no durations"_s});
    row("durations: missing file", durationsFile, none, {u"cannot read"_s, u"@IN@"_s});
    row("durations: file is a folder", durationsFile, makeFolder, {u"folder"_s});
    row("durations: @ alone", QStringList{u"--durations"_s, u"@"_s}, none, {u"file name"_s});
    row("durations: invalid UTF-8", durationsFile, QByteArray("1,\xff\xfe,2"), {u"item 2"_s});
    row("durations: NUL byte", durationsFile, QByteArray("1,2\0003", 5), {u"item 2"_s});
    row("durations: ,, in a file", durationsFile, QByteArray(",,"), {u"item 1 is empty"_s});
    row("durations: trailing comma", QStringList{u"--durations"_s, u"5,1,"_s}, none,
        {u"item 3 is empty"_s});
    row("durations: semicolons", QStringList{u"--durations"_s, u"5;1"_s}, none, {u"\"5;1\""_s});
    row("durations: decimal comma", QStringList{u"--durations"_s, u"1,5 2"_s}, none, {u"item 2"_s});
    row("durations: inner space", QStringList{u"--durations"_s, u"1 000"_s}, none,
        {u"\"1 000\""_s});
    row("durations: unit", QStringList{u"--durations"_s, u"5s"_s}, none, {u"\"5s\""_s});
    row("durations: -0", QStringList{u"--durations"_s, u"-0"_s}, none, {u"negative"_s});
    row("durations: -inf", QStringList{u"--durations"_s, u"1,-inf"_s}, none,
        {u"item 2"_s, u"finite"_s});
    row("durations: Infinity", QStringList{u"--durations"_s, u"Infinity"_s}, none, {u"finite"_s});
    row("durations: hex float", QStringList{u"--durations"_s, u"0x1p3"_s}, none,
        {u"hexadecimal"_s});
    row("durations: just above a day", QStringList{u"--durations"_s, u"86400.001"_s}, none,
        {u"\"86400.001\""_s});
    row("durations: devanagari digit", QStringList{u"--durations"_s, u"\u0967"_s}, none,
        {u"non-ASCII digits"_s});
    row("durations: ideographic comma", QStringList{u"--durations"_s, u"5\u30011"_s}, none,
        {u"full-width comma"_s});
    row("durations: full-width period", QStringList{u"--durations"_s, u"1\uFF0E5"_s}, none,
        {u"full-width period"_s});

    // Limit, time scale, threads: the values tst_cli does not try.
    const QList<std::pair<QString, QStringList>> options = {
            {u"--limit"_s,
             {QString(), u" "_s, u"1e3"_s, u"0x10"_s, u"\u0663"_s, u"+-1"_s,
              u"9223372036854775808"_s, u"-2147483649"_s, u"1000001"_s}},
            {u"--time-scale"_s,
             {QString(), u"inf"_s, u"-inf"_s, u"-0.5"_s, u"-0"_s, u"1e-300"_s, u"1e300"_s,
              u"0x1p-3"_s, u"1,5"_s, u"0.00001"_s, u"1001"_s}},
            {u"--threads"_s,
             {QString(), u"2147483648"_s, u"99999999999999999999"_s, u"-2147483649"_s, u"1.0"_s,
              u"1025"_s, u"\uFF14"_s}},
    };
    for (const auto &[option, values] : options) {
        for (const QString &v : values) {
            QTest::addRow("%s '%s'", qPrintable(option), qPrintable(v))
                    << QStringList{option, v} << none
                    << QStringList{option.mid(2).replace(u'-', u' '),
                                   v.trimmed().isEmpty() ? QString() : (u'"' + v.trimmed() + u'"')};
        }
    }

    // Scenario files: what tst_scenariofile checks in the parser, here end to end.
    const QStringList scenario = {u"--scenario"_s, u"@IN@"_s};
    const QByteArray okTask = R"({"kind": "sleep", "duration": 1})";
    auto file = [](const QByteArray &tasks,
                   const QByteArray &extra = "\"version\": 1") -> QByteArray {
        return "{" + extra + ", \"tasks\": " + tasks + "}";
    };
    row("scenario: empty file", scenario, QByteArray(""), {u"JSON"_s});
    row("scenario: truncated", scenario, file("[" + okTask + "]").chopped(3), {u"JSON"_s});
    row("scenario: binary garbage", scenario, QByteArray("\x89PNG\r\n\x1a\n\0\0\0", 11),
        {u"JSON"_s});
    row("scenario: UTF-16", scenario, QByteArray("\xff\xfe{\0}\0", 6), {u"JSON"_s});
    row("scenario: trailing garbage", scenario, file("[" + okTask + "]") + "}", {u"JSON"_s});
    row("scenario: top level array", scenario, "[" + okTask + "]", {u"top level"_s});
    row("scenario: deeply nested", scenario, QByteArray(100000, '[') + QByteArray(100000, ']'),
        {u"@IN@"_s});
    row("scenario: deeply nested in a task", scenario,
        file("[{\"kind\": \"sleep\", \"duration\": 1, \"label\": " + QByteArray(50000, '[')
             + QByteArray(50000, ']') + "}]"),
        {u"@IN@"_s});
    row("scenario: 100 MB file", scenario, sparse100MB, {u"too large"_s});
    row("scenario: missing file", scenario, none, {u"cannot open"_s, u"@IN@"_s});
    row("scenario: a folder", scenario, makeFolder, {u"folder"_s});
    row("scenario: endless device", QStringList{u"--scenario"_s, u"/dev/zero"_s}, none,
        {u"/dev/zero"_s});
    row("scenario: version missing", scenario, QByteArray(R"({"tasks": [)" + okTask + "]}"),
        {u"version"_s});
    row("scenario: version as text", scenario, file("[" + okTask + "]", R"("version": "1")"),
        {u"version"_s});
    row("scenario: version 99", scenario, file("[" + okTask + "]", R"("version": 99)"),
        {u"unsupported version 99"_s});
    row("scenario: tasks missing", scenario, QByteArray(R"({"version": 1})"), {u"\"tasks\""_s});
    row("scenario: tasks an object", scenario, file(okTask), {u"\"tasks\""_s, u"object"_s});
    row("scenario: tasks empty", scenario, file("[]"), {u"\"tasks\" is empty"_s});
    row("scenario: task a number", scenario, file("[" + okTask + ", 5]"), {u"task 2"_s});
    row("scenario: kind missing", scenario, file(R"([{"duration": 1}])"),
        {u"task 1"_s, u"\"kind\" is missing"_s});
    row("scenario: kind unknown", scenario, file(R"([{"kind": "walk", "duration": 1}])"),
        {u"task 1"_s, u"\"walk\""_s});
    row("scenario: kind null", scenario, file(R"([{"kind": null, "duration": 1}])"),
        {u"task 1"_s, u"\"kind\""_s});
    row("scenario: duration missing", scenario, file(R"([{"kind": "sleep"}])"),
        {u"task 1"_s, u"\"duration\" is missing"_s});
    row("scenario: duration negative", scenario, file(R"([{"kind": "sleep", "duration": -1}])"),
        {u"task 1"_s, u"\"duration\""_s});
    row("scenario: duration a string", scenario, file(R"([{"kind": "cpu", "duration": "1"}])"),
        {u"task 1"_s, u"\"duration\""_s});
    row("scenario: duration an object", scenario, file(R"([{"kind": "sleep", "duration": {}}])"),
        {u"task 1"_s, u"\"duration\""_s});
    row("scenario: label a number", scenario,
        file(R"([{"kind": "sleep", "duration": 1, "label": 5}])"), {u"task 1"_s, u"\"label\""_s});
    row("scenario: timeout text", scenario,
        file(R"([{"kind": "http", "url": "local:/ip", "timeout": "soon"}])"),
        {u"task 1"_s, u"\"timeout\""_s});
    row("scenario: url not http", scenario,
        file(R"([{"kind": "http", "url": "file:///etc/passwd"}])"), {u"task 1"_s, u"\"url\""_s});
    row("scenario: limit true", scenario,
        file("[" + okTask + "]", R"("version": 1, "limit": true)"), {u"\"limit\""_s});
    row("scenario: limit 2^31", scenario,
        file("[" + okTask + "]", R"("version": 1, "limit": 2147483648)"), {u"\"limit\""_s});
    row("scenario: time_scale 0", scenario,
        file("[" + okTask + "]", R"("version": 1, "time_scale": 0)"), {u"\"time_scale\""_s});
    row("scenario: threads -1", scenario,
        file("[" + okTask + "]", R"("version": 1, "threads": -1)"), {u"\"threads\""_s});
    row("scenario: server capacity 0", scenario,
        file("[" + okTask + "]", R"("version": 1, "server": {"capacity": 0})"),
        {u"\"server\""_s, u"\"capacity\" is 0"_s});
    row("scenario: server max_in_flight -1", scenario,
        file("[" + okTask + "]", R"("version": 1, "server": {"max_in_flight": -1})"),
        {u"\"max_in_flight\""_s, u"-1"_s});
    row("scenario: server latency text", scenario,
        file("[" + okTask + "]", R"("version": 1, "server": {"latency": "1"})"),
        {u"\"latency\""_s});
    row("scenario: seed negative", scenario,
        file("[" + okTask + "]", R"("version": 1, "seed": -3)"), {u"\"seed\""_s, u"-3"_s});
    row("scenario: work s=x", scenario, file(R"([{"kind": "http", "url": "local:/work?s=x"}])"),
        {u"task 1"_s, u"s=x"_s});
    row("scenario: work s negative", scenario,
        file(R"([{"kind": "http", "url": "local:/work?s=-2"}])"), {u"task 1"_s, u"s=-2"_s});
    row("scenario: work duration differs", scenario,
        file(R"([{"kind": "http", "url": "local:/work?s=1", "duration": 2}])"),
        {u"task 1"_s, u"\"duration\" 2"_s, u"s=1"_s});
    row("scenario: retries negative", scenario,
        file(R"([{"kind": "http", "url": "local:/ip", "retries": -1}])"),
        {u"task 1"_s, u"\"retries\""_s, u"-1"_s});
    row("scenario: retries on a sleep", scenario,
        file(R"([{"kind": "sleep", "duration": 1, "retries": 2}])"),
        {u"task 1"_s, u"\"retries\""_s});
    row("scenario: backoff too long", scenario,
        file(R"([{"kind": "http", "url": "local:/ip", "backoff": 1e9}])"),
        {u"task 1"_s, u"\"backoff\""_s});
    row("scenario and durations", QStringList{u"--scenario"_s, u"@IN@"_s, u"--durations"_s, u"1"_s},
        file("[" + okTask + "]"), {u"only one of"_s});
    row("unknown preset", QStringList{u"--preset"_s, u"../../etc/passwd"_s}, none,
        {u"unknown preset"_s});

    // Export paths refused before anything runs.
    row("csv: empty path", QStringList{u"--csv"_s, QString()}, none, {u"--csv"_s, u"file name"_s});
    row("csv: under a regular file", QStringList{u"--csv"_s, u"@IN@/out.csv"_s}, QByteArray("x"),
        {u"--csv"_s, u"not a folder"_s});
    row("csv: read-only file system", QStringList{u"--csv"_s, u"@RO@/out.csv"_s}, none,
        {u"--csv"_s, u"not writable"_s});
    row("csv: existing file on a read-only file system",
        QStringList{u"--csv"_s, u"@RO@/existing.csv"_s}, none, {u"--csv"_s, u"not writable"_s});
    row("trace: empty path", QStringList{u"--trace"_s, QString()}, none,
        {u"--trace"_s, u"file name"_s});
    row("trace: stdout", QStringList{u"--trace"_s, u"-"_s}, none, {u"--trace"_s, u"file name"_s});
    row("trace: a folder", QStringList{u"--trace"_s, u"@DIR@"_s}, none,
        {u"--trace"_s, u"folder"_s});
    row("trace: read-only file system", QStringList{u"--trace"_s, u"@RO@/t.json"_s}, none,
        {u"--trace"_s, u"not writable"_s});
    row("save-scenario: read-only file system", QStringList{u"--save-scenario"_s, u"@RO@/s.json"_s},
        none, {u"--save-scenario"_s, u"@RO@/s.json"_s});
}

void tst_CliBadInput::refused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(QStringList, mentions);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString in = dir.filePath(u"input"_s);
    QVERIFY(prepareInput(in, input));
    const QString readOnly = dir.filePath(u"ro"_s);
    std::unique_ptr<ReadOnlyFolder> mount;
    if (arguments.join(u' ').contains(u"@RO@"_s)) {
        mount = std::make_unique<ReadOnlyFolder>(readOnly, u"existing.csv"_s, "old\r\n");
        if (!mount->isReadOnlyFileSystem())
            QSKIP("cannot mount a read-only tmpfs here (needs root): the path under a regular "
                  "file case covers a location that cannot be written");
    }
    auto expand = [&](QString s) {
        return s.replace(u"@IN@"_s, in)
                .replace(u"@DIR@"_s, dir.path())
                .replace(u"@RO@"_s, readOnly);
    };
    for (QString &a : arguments)
        a = expand(a);
    for (QString &m : mentions)
        m = expand(m);
    // Every case also asks for a CSV (unless it is about exports) and a fast scale, so that a
    // missed rejection shows as a run and an output file rather than a stalled suite.
    const QString csv = dir.filePath(u"out.csv"_s);
    if (!arguments.contains(u"--csv"_s) && !arguments.contains(u"--save-scenario"_s))
        arguments = QStringList{u"--csv"_s, csv} + arguments;
    if (!arguments.contains(u"--time-scale"_s))
        arguments = QStringList{u"--time-scale"_s, u"0.001"_s} + arguments;
    const QStringList before = QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);

    const CliRun o = runCli(arguments, english);
    ++m_inputsTried;
    QVERIFY2(o.finished, qPrintable(describe(o)));
    QVERIFY2(o.exitCode == 2, qPrintable(describe(o)));
    // One line on stderr, short, naming the bad value.
    QVERIFY2(o.err.endsWith(u'\n') && o.err.count(u'\n') == 1, qPrintable(describe(o)));
    QVERIFY2(o.err.size() < 600, qPrintable(u"the message must stay short: "_s + o.err.left(600)));
    for (const QString &m : std::as_const(mentions))
        QVERIFY2(o.err.contains(m), qPrintable(u"should mention "_s + m + u":\n"_s + describe(o)));
    // Nothing ran, nothing was written.
    QVERIFY2(o.out.isEmpty(), qPrintable(describe(o)));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), before);
    if (mount) {
        QCOMPARE(QDir(readOnly).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList{u"existing.csv"_s});
    }
    QVERIFY2(o.ms < 20000, qPrintable(u"took %1 ms"_s.arg(o.ms)));
}

void tst_CliBadInput::exportFailsAfterTheRun_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("target");
    for (const QString &option : {u"--csv"_s, u"--trace"_s}) {
        QTest::addRow("%s to a full device", qPrintable(option)) << option << u"full"_s;
        QTest::addRow("%s into /proc", qPrintable(option)) << option << u"proc"_s;
    }
}

void tst_CliBadInput::exportFailsAfterTheRun()
{
    // Targets that look writable beforehand: the run happens, then the write fails, is reported
    // with the path and the reason, and the exit status is 2.
    QFETCH(QString, option);
    QFETCH(QString, target);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString path;
    QString reason;
    if (target == u"full") {
        // A private node for the "full" device (1, 7), never the system's /dev/full.
        path = dir.filePath(u"full"_s);
        if (::mknod(QFile::encodeName(path).constData(), S_IFCHR | 0666, makedev(1, 7)) != 0)
            QSKIP("cannot create a device node here (needs root)");
        reason = u"No space left on device"_s;
    } else {
        path = u"/proc/tasklanes-cli-%1.out"_s.arg(QCoreApplication::applicationPid());
    }
    const CliRun o = runCli(
            {u"--durations"_s, u"1,2"_s, u"--time-scale"_s, u"0.001"_s, option, path, u"--quiet"_s},
            english);
    ++m_inputsTried;
    QVERIFY2(o.finished && o.exitCode == 2, qPrintable(describe(o)));
    QVERIFY2(o.outBytes.contains("results: [1, 2]"), qPrintable(describe(o)));
    QVERIFY2(o.err.contains(path) && o.err.contains(reason), qPrintable(describe(o)));
    if (target == u"full") {
        struct stat st = {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QVERIFY2(S_ISCHR(st.st_mode), "the device node must stay a device node");
    } else {
        QVERIFY(!QFileInfo::exists(path));
    }
}

void tst_CliBadInput::exportWrittenInPlace_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("target");
    for (const QString &option : {u"--csv"_s, u"--trace"_s}) {
        QTest::addRow("%s to a FIFO", qPrintable(option)) << option << u"fifo"_s;
        QTest::addRow("%s to /dev/stdout", qPrintable(option)) << option << u"/dev/stdout"_s;
        QTest::addRow("%s to /dev/stderr", qPrintable(option)) << option << u"/dev/stderr"_s;
    }
}

void tst_CliBadInput::exportWrittenInPlace()
{
    // Existing targets that are not regular files are written directly, never replaced by a file.
    QFETCH(QString, option);
    QFETCH(QString, target);
    const QStringList common = {u"--durations"_s, u"3,1,2"_s, u"--time-scale"_s, u"0.001"_s,
                                u"--quiet"_s};
    QByteArray written;
    if (target == u"fifo") {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"pipe"_s);
        const QByteArray native = QFile::encodeName(path);
        FifoDrain drain(path);
        QVERIFY(drain.isOpen());
        const CliRun o = runCli(common + QStringList{option, path}, english);
        written = drain.take();
        QVERIFY2(o.finished && o.exitCode == 0, qPrintable(describe(o)));
        struct stat st = {};
        QCOMPARE(::stat(native.constData(), &st), 0);
        QVERIFY2(S_ISFIFO(st.st_mode), "the FIFO must stay a FIFO");
    } else {
        const CliRun o = runCli(common + QStringList{option, target}, english);
        QVERIFY2(o.finished && o.exitCode == 0, qPrintable(describe(o)));
        written = target == u"/dev/stdout" ? o.outBytes : o.err.toUtf8();
        // QProcess gave the child pipes: /dev/stdout must still be a link, not a new file.
        QVERIFY(QFileInfo(target).isSymLink());
    }
    ++m_inputsTried;
    if (option == u"--csv") {
        const qsizetype start = written.indexOf(csvHeader.toUtf8());
        QVERIFY2(start >= 0, written.constData());
        const QByteArray csv = written.mid(start);
        QVERIFY(csv.contains(",1,3 s,sleep,,,3,,,0.001,"));
        QVERIFY(csv.contains(",3,2 s,sleep,,,2,,,0.001,"));
        QCOMPARE(csv.count("\r\n"), 4);
    } else {
        QVERIFY2(written.contains("{\"traceEvents\":[") && written.contains("\"displayTimeUnit\""),
                 written.left(500).constData());
        QCOMPARE(written.count("\"name\":\"run\""), 3);
    }
}

void tst_CliBadInput::fileSizeLimitLeavesExistingCsvIntact()
{
    // A write that fails half way into a regular file (the file size limit: EFBIG, like a full
    // disk): the earlier CSV stays byte for byte, no temporary file is left, exit status 2.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"run.csv"_s);
    const QByteArray original = repeated("an earlier run,1,2,3\r\n", 200);
    QVERIFY(writeFile(path, original));
    QString durations = u"1"_s;
    for (int i = 1; i < 5000; ++i)
        durations += u",0"_s;
    const CliRun o = runCli({u"--durations"_s, durations, u"--time-scale"_s, u"0.001"_s,
                             u"--quiet"_s, u"--csv"_s, path},
                            CliOptions::english([] {
                                // In the child, between fork and exec.
                                ::signal(SIGXFSZ, SIG_IGN);
                                rlimit limit = {};
                                ::getrlimit(RLIMIT_FSIZE, &limit);
                                limit.rlim_cur = 32 * 1024;
                                ::setrlimit(RLIMIT_FSIZE, &limit);
                            }));
    ++m_inputsTried;
    QVERIFY2(o.finished && o.exitCode == 2, qPrintable(describe(o)));
    QVERIFY2(o.err.contains(path) && o.err.contains(u"File too large"_s), qPrintable(describe(o)));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), original);
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
             QStringList{u"run.csv"_s});
}

void tst_CliBadInput::interruptLargeRunAtRandomMoments()
{
    // SIGINT at random moments of a 10,000-task run: exit 130, every task in the CSV with exactly
    // one terminal status (ok or cancelled), times consistent, the limit respected.
    constexpr int tasks = 10000;
    constexpr int limit = 4;
    QString durations = u"1"_s;
    for (int i = 1; i < tasks; ++i)
        durations += i % 3 ? u",0.5"_s : u",2"_s;
    QRandomGenerator rng(20240613);
    for (int round = 0; round < 6; ++round) {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString csv = dir.filePath(u"run.csv"_s);
        QProcess process;
        process.setProcessEnvironment(englishEnvironment());
        // 0.5 to 2 ms a task, 4 at a time: about 3 s uninterrupted.
        process.start(cliPath(), {u"--durations"_s, durations, u"--limit"_s, QString::number(limit),
                                  u"--time-scale"_s, u"0.001"_s, u"--csv"_s, csv});
        QVERIFY(process.waitForStarted(10000));
        // Wait for the first start line, then a random moment of the first second.
        QByteArray out;
        while (!out.contains(" start ")) {
            QVERIFY2(process.waitForReadyRead(30000), "no start line");
            out += process.readAllStandardOutput();
        }
        const int delayMs = round == 0 ? 0 : int(rng.bounded(1000));
        QElapsedTimer wait;
        wait.start();
        while (wait.elapsed() < delayMs) {
            process.waitForReadyRead(10);
            out += process.readAllStandardOutput();
        }
        QCOMPARE(::kill(pid_t(process.processId()), SIGINT), 0);
        if (round % 2)
            QCOMPARE(::kill(pid_t(process.processId()), SIGINT), 0); // impatient: twice
        QVERIFY(process.waitForFinished(60000));
        ++m_inputsTried;
        out += process.readAllStandardOutput();
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(process.exitCode() == 130, qPrintable(err));
        QVERIFY(out.contains("results: ["));

        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QCOMPARE(lines.size(), tasks + 2); // header, rows, and the empty piece after the last CRLF
        QVERIFY(lines.constLast().isEmpty());
        QCOMPARE(QString::fromUtf8(lines.at(0).chopped(1)), csvHeader);
        int cancelled = 0;
        QList<QPair<double, int>> edges;
        for (int t = 1; t <= tasks; ++t) {
            const QByteArray &line = lines.at(t);
            QVERIFY(line.endsWith('\r'));
            const QList<QByteArray> cells = line.chopped(1).split(',');
            QCOMPARE(cells.size(), 26);
            QCOMPARE(cells.at(1).toInt(), t);
            const QByteArray status = cells.at(24); // the status column
            QVERIFY2(status == "ok" || status == "cancelled", line.constData());
            cancelled += status == "cancelled" ? 1 : 0;
            if (status == "ok")
                QVERIFY(!cells.at(18).isEmpty());
            if (!cells.at(18).isEmpty()) { // started_s, finished_s, submitted_s: 18, 19, 16
                const double started = cells.at(18).toDouble();
                const double finished = cells.at(19).toDouble();
                QVERIFY(cells.at(16).toDouble() <= started && started <= finished);
                edges.append({started, +1});
                edges.append({finished, -1});
            }
        }
        std::sort(edges.begin(), edges.end());
        int running = 0;
        for (const auto &e : std::as_const(edges)) {
            running += e.second;
            QVERIFY(running <= limit);
        }
        qInfo("SIGINT%s after %d ms: %d of %d tasks cancelled", round % 2 ? " twice" : "", delayMs,
              cancelled, tasks);
        QVERIFY2(cancelled > 0, "the interrupt must land while tasks are still pending");
    }
}

QTEST_GUILESS_MAIN(tst_CliBadInput)
#include "tst_cli_badinput.moc"
