#include "clirun.h"
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

const CliOptions english = CliOptions::english();

// Real seconds per scenario second for each preset: the Python program's overhead (a thread
// hand-off per blocking call, a connection per request) must stay well inside 15 % of the
// prediction on a loaded machine, and the whole test under a minute. Measured on a 2-core VM
// at a load average of 10: the http presets were 20 % over at 0.1 and 5 % at 0.2.
double timeScaleFor(const QString &preset)
{
    static const QHash<QString, double> scales = {
            {u"one-task"_s, 0.1},      {u"five-parallel"_s, 0.05},
            {u"limit-two"_s, 0.05},    {u"gather-results"_s, 0.05},
            {u"delayed-print"_s, 0.1}, {u"hidden-limit"_s, 0.25},
            {u"api-capacity"_s, 0.25}, {u"api-latency-vs-limit"_s, 0.25},
            {u"cpu-vs-wait"_s, 0.05},
    };
    return scales.value(preset, 0.1);
}

constexpr double makespanTolerance = 0.15;
constexpr int makespanAttempts = 3; // a miss on a loaded machine is run again, twice

struct PythonRun
{
    bool finished = false;
    int exitCode = -1;
    QString out;
    QString err;

    QString describe() const
    {
        return u"exit %1\n--- stdout\n%2--- stderr\n%3"_s.arg(exitCode).arg(out.left(3000),
                                                                            err.left(2000));
    }
};

PythonRun runPython(const QString &python, const QStringList &arguments)
{
    QProcess process;
    process.setProcessEnvironment(englishEnvironment());
    process.start(python, arguments);
    PythonRun run;
    run.finished = process.waitForStarted(30000) && process.waitForFinished(120000);
    if (!run.finished) {
        process.kill();
        process.waitForFinished(10000);
    }
    if (run.finished && process.exitStatus() == QProcess::NormalExit)
        run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// The "results: [...]" line of a run's output, empty when there is none.
QString resultsLine(const QString &output)
{
    static const QRegularExpression re(u"^results: \\[.*\\]$"_s,
                                       QRegularExpression::MultilineOption);
    return re.match(output).captured(0);
}

// "makespan: 8.012 s", the program's last line; -1 when it is missing.
double printedMakespan(const QString &output)
{
    static const QRegularExpression re(u"^makespan: ([0-9]+\\.[0-9]{3}) s$"_s,
                                       QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = re.match(output);
    return m.hasMatch() ? m.captured(1).toDouble() : -1.0;
}

// A start or finish line of the program, as the CLI prints them.
struct LogEvent
{
    bool start = false;
    int task = 0;
};

QList<LogEvent> logEvents(const QString &output)
{
    static const QRegularExpression re(
            u"^ *[0-9]+\\.[0-9]{3}  (start|finish|failed) +#([0-9]+)  "_s,
            QRegularExpression::MultilineOption);
    QList<LogEvent> events;
    for (auto it = re.globalMatch(output); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        events.append({m.captured(1) == u"start", m.captured(2).toInt()});
    }
    return events;
}

// The most of `tasks` (task numbers) running at once in the printed order of events.
int peakRunning(const QList<LogEvent> &events, const QList<int> &tasks)
{
    int running = 0;
    int peak = 0;
    for (const LogEvent &e : events) {
        if (!tasks.contains(e.task))
            continue;
        running += e.start ? 1 : -1;
        peak = std::max(peak, running);
    }
    return peak;
}

} // namespace

// tasklanes-cli --export-python: the program it writes, run by the system's python3, gives the
// results the CLI gives and takes the makespan the CLI predicts.
class tst_CliPython : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void presets_data();
    void presets();
    void gateLimitAndMessages();
    void failingHttp();
    void badPath_data();
    void badPath();

private:
    // Exports the scenario the CLI arguments describe to `path` and checks that Python
    // compiles it.
    bool exportProgram(const QStringList &source, const QString &path);
    // The CLI's run of `source` at `scale`: its results line and predicted makespan.
    bool runCliFor(const QStringList &source, double scale, QString *results, double *predicted,
                   int expectedExit = 0);
    // Writes `file` as NAME.json, exports it to `program` (NAME.py) and runs the CLI on it at
    // 0.05 s per second: its results line.
    bool writeAndRun(const QString &name, const QJsonObject &file, QString *program,
                     QString *cliResults, int expectedExit = 0);

    QTemporaryDir m_dir;
    QString m_python;
};

void tst_CliPython::initTestCase()
{
    QVERIFY(QFile::exists(cliPath()));
    QVERIFY(m_dir.isValid());
    // The distribution's python3 first: a version manager's shim on the PATH (pyenv) takes seconds
    // to start each time.
    m_python = QStandardPaths::findExecutable(u"python3"_s, {u"/usr/bin"_s});
    if (m_python.isEmpty())
        m_python = QStandardPaths::findExecutable(u"python3"_s);
    if (m_python.isEmpty())
        QSKIP("python3 is not on the PATH (Debian: apt-get install python3); the exported "
              "programs cannot be run");
}

bool tst_CliPython::exportProgram(const QStringList &source, const QString &path)
{
    const CliRun e = runCli(source + QStringList{u"--export-python"_s, path}, english);
    if (!e.finished || e.exitCode != 0 || !QFile::exists(path)) {
        qWarning("%s", qPrintable(describe(e)));
        return false;
    }
    if (e.out.contains(u"results:"_s)) {
        qWarning("--export-python ran the tasks:\n%s", qPrintable(describe(e)));
        return false;
    }
    const PythonRun c = runPython(m_python, {u"-m"_s, u"py_compile"_s, path});
    if (!c.finished || c.exitCode != 0) {
        qWarning("py_compile: %s", qPrintable(c.describe()));
        return false;
    }
    return true;
}

bool tst_CliPython::writeAndRun(const QString &name, const QJsonObject &file, QString *program,
                                QString *cliResults, int expectedExit)
{
    const QString scenario = m_dir.filePath(name + u".json"_s);
    *program = m_dir.filePath(name + u".py"_s);
    double predicted = 0;
    return writeFile(scenario, QJsonDocument(file).toJson())
           && exportProgram({u"--scenario"_s, scenario}, *program)
           && runCliFor({u"--scenario"_s, scenario}, 0.05, cliResults, &predicted, expectedExit);
}

bool tst_CliPython::runCliFor(const QStringList &source, double scale, QString *results,
                              double *predicted, int expectedExit)
{
    const CliRun r = runCli(
            source + QStringList{u"--time-scale"_s, QString::number(scale), u"--stats"_s, u"-"_s},
            english);
    if (!r.finished || r.exitCode != expectedExit) {
        qWarning("%s", qPrintable(describe(r)));
        return false;
    }
    *results = resultsLine(r.err); // the log goes to stderr when the statistics take stdout
    const QJsonArray runs = parseObject(r.outBytes).value(u"runs"_s).toArray();
    *predicted = runs.isEmpty()
                         ? -1.0
                         : runs.at(0).toObject().value(u"predicted_makespan_s"_s).toDouble(-1);
    return !results->isEmpty() && *predicted > 0;
}

void tst_CliPython::presets_data()
{
    QTest::addColumn<QString>("preset");
    const CliRun list = runCli({u"--list-presets"_s}, english);
    QVERIFY2(list.finished && list.exitCode == 0, qPrintable(describe(list)));
    const QStringList lines = list.out.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(lines.size() >= 9);
    for (const QString &line : lines) {
        const QString name = line.section(u' ', 0, 0);
        QTest::newRow(qPrintable(name)) << name;
    }
}

void tst_CliPython::presets()
{
    QFETCH(QString, preset);
    const QString program = m_dir.filePath(preset + u".py"_s);
    QVERIFY(exportProgram({u"--preset"_s, preset}, program));
    const double scale = timeScaleFor(preset);
    QString cliResults;
    double predicted = 0;
    QVERIFY(runCliFor({u"--preset"_s, preset}, scale, &cliResults, &predicted));
    // CPU work takes what the machine's cores give it: only the results are compared.
    const bool cpu = readFile(program).contains("Task(\"cpu\"");

    QList<double> makespans;
    for (int attempt = 1; attempt <= makespanAttempts; ++attempt) {
        const PythonRun py =
                runPython(m_python, {program, u"--time-scale"_s, QString::number(scale)});
        QVERIFY2(py.finished && py.exitCode == 0, qPrintable(py.describe()));
        QCOMPARE(resultsLine(py.out), cliResults);
        const double makespan = printedMakespan(py.out);
        QVERIFY2(makespan > 0, qPrintable(py.describe()));
        makespans << makespan;
        if (cpu || std::abs(makespan - predicted) <= makespanTolerance * predicted)
            break;
    }
    QStringList measured;
    for (double m : makespans)
        measured << QString::number(m, 'f', 3);
    qInfo("%s at time scale %g: python makespan %s s, predicted %.3f s%s", qPrintable(preset),
          scale, qPrintable(measured.join(u", "_s)), predicted, cpu ? " (cpu: not compared)" : "");
    if (!cpu) {
        QVERIFY2(std::abs(makespans.constLast() - predicted) <= makespanTolerance * predicted,
                 qPrintable(u"%1: python makespans %2 s, predicted %3 s (within %4 %)"_s.arg(
                         preset, measured.join(u", "_s), QString::number(predicted),
                         QString::number(makespanTolerance * 100))));
    }
}

void tst_CliPython::gateLimitAndMessages()
{
    // Five sleeps behind a global limit of 2; three of them (and a cpu task) share a gate of 1.
    // The messages need the CLI's escaping.
    const QJsonObject file{
            {u"version"_s, 1},
            {u"name"_s, u"gated \"messages\""_s},
            {u"limit"_s, 2},
            {u"time_scale"_s, 0.05},
            {u"gates"_s, QJsonObject{{u"io"_s, 1}}},
            {u"tasks"_s,
             QJsonArray{QJsonObject{{u"kind"_s, u"sleep"_s},
                                    {u"duration"_s, 2},
                                    {u"gate"_s, u"io"_s},
                                    {u"message"_s, u"say \"hi\"\\n, a\\b\nnext line\r"_s}},
                        QJsonObject{{u"kind"_s, u"sleep"_s}, {u"duration"_s, 1.5}},
                        QJsonObject{{u"kind"_s, u"sleep"_s},
                                    {u"duration"_s, 1},
                                    {u"gate"_s, u"io"_s},
                                    {u"label"_s, u"日本語 @POOL@"_s},
                                    {u"message"_s, u"日本語"_s}},
                        QJsonObject{{u"kind"_s, u"cpu"_s},
                                    {u"duration"_s, 0.5},
                                    {u"gate"_s, u"io"_s},
                                    {u"message"_s, u""_s}},
                        QJsonObject{{u"kind"_s, u"sleep"_s}, {u"duration"_s, 0.25}}}}};
    QString program, cliResults;
    QVERIFY(writeAndRun(u"gated"_s, file, &program, &cliResults));
    QCOMPARE(cliResults,
             uR"(results: ["say \"hi\"\\n, a\\b\nnext line\r", 1.5, "日本語", "", 0.25])"_s);

    const PythonRun py = runPython(m_python, {program});
    QVERIFY2(py.finished && py.exitCode == 0, qPrintable(py.describe()));
    QCOMPARE(resultsLine(py.out), cliResults);
    const QList<LogEvent> events = logEvents(py.out);
    QCOMPARE(events.size(), 10);
    QCOMPARE(peakRunning(events, {1, 2, 3, 4, 5}), 2);
    QCOMPARE(peakRunning(events, {1, 3, 4}), 1);
    QVERIFY2(py.out.contains(u"#3  日本語 @POOL@  -> \"日本語\""_s), qPrintable(py.describe()));
}

void tst_CliPython::failingHttp()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const QString refused = u"http://127.0.0.1:%1/ip"_s.arg(closed.serverPort());
    closed.close();
    const QJsonObject file{{u"version"_s, 1},
                           {u"time_scale"_s, 0.05},
                           {u"tasks"_s, QJsonArray{QJsonObject{{u"kind"_s, u"http"_s},
                                                               {u"url"_s, refused},
                                                               {u"timeout"_s, 5},
                                                               {u"label"_s, u"nobody home"_s}},
                                                   QJsonObject{{u"kind"_s, u"http"_s},
                                                               {u"url"_s, refused},
                                                               {u"timeout"_s, 5},
                                                               {u"retries"_s, 2},
                                                               {u"backoff"_s, 0.2}},
                                                   QJsonObject{{u"kind"_s, u"http"_s},
                                                               {u"url"_s, u"local:/status/503"_s},
                                                               {u"retries"_s, 1},
                                                               {u"backoff"_s, 0.2}},
                                                   QJsonObject{{u"kind"_s, u"http"_s},
                                                               {u"url"_s, u"local:/status/404"_s}},
                                                   QJsonObject{{u"kind"_s, u"http"_s},
                                                               {u"url"_s, u"local:/hang"_s},
                                                               {u"timeout"_s, 0.5}},
                                                   QJsonObject{{u"kind"_s, u"sleep"_s},
                                                               {u"duration"_s, 1},
                                                               {u"message"_s, u"still here"_s}}}}};
    QString program, cliResults;
    QVERIFY(writeAndRun(u"failing"_s, file, &program, &cliResults, 1));
    QVERIFY2(cliResults.startsWith(u"results: [\"Connection refused\", \"Connection refused after "
                                   "3 attempts\", \"HTTP 503 Service Unavailable after 2 "
                                   "attempts\", \"HTTP 404 Not Found\", \"timeout after 0.5 s"_s),
             qPrintable(cliResults));

    const PythonRun py = runPython(m_python, {program});
    QVERIFY2(py.finished, qPrintable(py.describe()));
    QCOMPARE(py.exitCode, 1); // like the CLI: a task failed
    QCOMPARE(resultsLine(py.out), cliResults);
    QVERIFY2(py.out.contains(u"failed    #2  GET "_s + refused
                             + u"  -> Connection refused after 3 attempts\n"_s),
             qPrintable(py.describe()));
}

void tst_CliPython::badPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("missing folder") << u"no-such-folder/scenario.py"_s;
    QTest::newRow("a folder") << u"."_s;
}

void tst_CliPython::badPath()
{
    QFETCH(QString, path);
    const QString target = path == u"." ? m_dir.path() : m_dir.filePath(path);
    const CliRun r = runCli({u"--preset"_s, u"limit-two"_s, u"--export-python"_s, target}, english);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.out.isEmpty(), qPrintable(describe(r)));
    const QStringList lines = r.err.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.constFirst().startsWith(u"tasklanes-cli: --export-python: "_s),
             qPrintable(lines.constFirst()));
    QVERIFY2(lines.constFirst().contains(QDir::toNativeSeparators(target))
                     || lines.constFirst().contains(target),
             qPrintable(lines.constFirst()));
}

QTEST_GUILESS_MAIN(tst_CliPython)
#include "tst_cli_python.moc"
