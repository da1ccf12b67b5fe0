#include "scenariofile.h"
#include "testrun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Scenario)

namespace {

Task task(TaskKind kind, double duration, const QString &label = QString(),
          const QString &message = QString())
{
    Task t;
    t.kind = kind;
    t.duration = duration;
    t.setLabel(label);
    t.setMessage(message);
    return t;
}

Task http(const QString &url, double timeout, double duration = 0, const QString &label = QString())
{
    Task t;
    t.kind = TaskKind::Http;
    t.setUrl(url);
    t.timeout = timeout;
    t.duration = duration;
    t.setLabel(label);
    return t;
}

void verifySame(const Scenario &actual, const Scenario &expected)
{
    QCOMPARE(actual.name, expected.name);
    QCOMPARE(actual.options.limit, expected.options.limit);
    QCOMPARE(actual.options.timeScale, expected.options.timeScale);
    QCOMPARE(actual.options.threads, expected.options.threads);
    QVERIFY(actual.options.server == expected.options.server);
    QCOMPARE(actual.options.seed, expected.options.seed);
    QCOMPARE(actual.tasks.size(), expected.tasks.size());
    for (qsizetype i = 0; i < expected.tasks.size(); ++i) {
        const Task &a = actual.tasks.at(i);
        const Task &e = expected.tasks.at(i);
        const QByteArray where = "task " + QByteArray::number(i + 1);
        QVERIFY2(a.kind == e.kind, where.constData());
        QVERIFY2(a.duration == e.duration, where.constData());
        QVERIFY2(a.timeout == e.timeout, where.constData());
        QVERIFY2(a.label() == e.label(), where.constData());
        QVERIFY2(a.url() == e.url(), where.constData());
        QVERIFY2(a.message() == e.message(), where.constData());
        QVERIFY2(a.retries == e.retries, where.constData());
        QVERIFY2(a.backoff() == e.backoff(), where.constData());
        // A null message means "return the duration", an empty one "return an empty text".
        QVERIFY2(a.message().isNull() == e.message().isNull(), where.constData());
    }
}

// A valid file around `tasks`, with `extra` top-level members ("version" and "tasks" can be
// replaced by giving them in extra).
QByteArray file(const QByteArray &tasks, const QByteArray &extra = QByteArray())
{
    QByteArray json = "{";
    if (!extra.contains("\"version\""))
        json += "\"version\": 1, ";
    json += extra;
    if (!extra.contains("\"tasks\""))
        json += QByteArray(extra.isEmpty() ? "" : ", ") + "\"tasks\": " + tasks;
    json += "}";
    return json;
}

const QByteArray okTask = R"({"kind": "sleep", "duration": 1})";

// The first task is fine, the second is `bad`: the message must say "task 2".
QByteArray secondTask(const QByteArray &bad)
{
    return file("[" + okTask + ", " + bad + "]");
}

} // namespace

// Scenario files: what is saved loads back the same, and every malformed file is refused with a
// message that names the field (and the task) so a user can fix it.
class tst_ScenarioFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void serializedForm();
    void defaults();

    void malformed_data();
    void malformed();
    void serverAndRetries();
    void hugeFileRefusedQuickly();
    void hugeBufferRefused();
    void loadErrorsNameThePath();

    void saveAndLoad();
    void saveToMissingFolderFails();
};

void tst_ScenarioFile::roundTrip_data()
{
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<QString>("description");

    Scenario article;
    for (double d : {5.0, 1.0, 8.0, 3.0, 4.0})
        article.tasks.append(task(TaskKind::Sleep, d));
    QTest::newRow("article, unlimited") << article << QString();

    Scenario limited = article;
    limited.name = u"limit-two"_s;
    limited.options.limit = 2;
    QTest::newRow("limit 2") << limited << u"The same five, two at a time."_s;

    Scenario everything;
    everything.name = u"quotes \"here\", a back\\slash, 日本語 and 🚀"_s;
    everything.options.limit = 3;
    everything.options.timeScale = 0.01;
    everything.options.threads = 4;
    everything.tasks = {
            task(TaskKind::Sleep, 3, u"say \"hi\"\tthen\nleave"_s, u"333"_s),
            task(TaskKind::Cpu, 0.1, u"計算 タスク ✓"_s),
            http(u"local:/ip?delay=0.5"_s, 2.5, 0, u"global ip"_s),
            http(u"http://127.0.0.1:8080/x?a=1&b=%20c"_s, 10),
            http(u"https://example.org/"_s, 0.25, 2),
            task(TaskKind::Sleep, 1.0 / 3.0, QString(), u""_s),
            task(TaskKind::Sleep, 0, QString(), u"line one\nline \"two\" \\ \u0001"_s),
            task(TaskKind::Cpu, 86400),
    };
    QTest::newRow("every field") << everything << u"Descriptions \"quoted\" and ünïcödé."_s;

    Scenario extremes;
    extremes.options.limit = ScenarioLimits::maxLimit;
    extremes.options.timeScale = ScenarioLimits::minTimeScale;
    extremes.options.threads = ScenarioLimits::maxThreads;
    extremes.tasks = {task(TaskKind::Sleep, 0), task(TaskKind::Sleep, 1e-6)};
    QTest::newRow("extremes") << extremes << QString();

    Scenario slow;
    slow.options.timeScale = ScenarioLimits::maxTimeScale;
    slow.options.limit = 1;
    slow.tasks = {task(TaskKind::Sleep, 0.1)};
    QTest::newRow("slowest time scale") << slow << QString();

    Scenario server;
    server.options.server = {4, 8, 0.02};
    server.options.seed = 4294967295u;
    Task work = http(u"local:/work?s=1.5"_s, 10, 1.5);
    work.retries = 3;
    work.setBackoff(0.25);
    Task plain = http(u"local:/work?s=0"_s, 5);
    plain.retries = ScenarioLimits::maxRetries;
    server.tasks = {work, plain, http(u"local:/ip"_s, 10)};
    QTest::newRow("server, seed, retries") << server << QString();

    Scenario latencyOnly;
    latencyOnly.options.server.latency = 1;
    latencyOnly.options.seed = 0;
    latencyOnly.tasks = {http(u"local:/echo?text=a"_s, 10)};
    QTest::newRow("latency only, seed 0") << latencyOnly << QString();
}

void tst_ScenarioFile::roundTrip()
{
    QFETCH(Scenario, scenario);
    QFETCH(QString, description);

    const QByteArray json = ScenarioFile::serialize(scenario, description);
    QString error;
    const auto loaded = ScenarioFile::parse(json, &error);
    QVERIFY2(loaded, qPrintable(error + u"\n"_s + QString::fromUtf8(json)));
    verifySame(loaded->scenario, scenario);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(loaded->description, description);
    // And once more: serializing what was loaded gives the same bytes.
    QCOMPARE(ScenarioFile::serialize(loaded->scenario, loaded->description), json);
}

void tst_ScenarioFile::serializedForm()
{
    Scenario s;
    s.name = u"gather"_s;
    s.tasks = {task(TaskKind::Sleep, 10), http(u"local:/ip"_s, 10, 0, u"global ip"_s)};
    const QByteArray json = ScenarioFile::serialize(s);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    const QJsonObject root = doc.object();
    QCOMPARE(root.value(u"version"_s).toInt(), ScenarioFile::currentVersion);
    QVERIFY2(root.contains(u"limit"_s) && root.value(u"limit"_s).isNull(),
             "an unlimited scenario says so: \"limit\": null");
    QCOMPARE(root.value(u"time_scale"_s).toDouble(), 1.0);
    QVERIFY(!root.contains(u"threads"_s));
    QCOMPARE(root.value(u"tasks"_s).toArray().size(), qsizetype(2));
}

void tst_ScenarioFile::defaults()
{
    QString error;
    const auto loaded = ScenarioFile::parse(
            R"({"version": 1, "tasks": [{"kind": "http", "url": "local:/ip"},
                                        {"kind": "cpu", "duration": 2, "label": null},
                                        {"kind": "sleep", "duration": 1, "timeout": 3}]})",
            &error);
    QVERIFY2(loaded, qPrintable(error));
    const Scenario &s = loaded->scenario;
    QVERIFY(s.name.isEmpty());
    QCOMPARE(s.options.limit, 0);
    QCOMPARE(s.options.timeScale, 1.0);
    QCOMPARE(s.options.threads, 0);
    QCOMPARE(s.tasks.size(), 3);
    QCOMPARE(s.tasks.at(0).timeout, 10.0);
    QCOMPARE(s.tasks.at(0).duration, 0.0);
    QVERIFY(s.tasks.at(1).label().isEmpty());
    QVERIFY(s.tasks.at(1).message().isNull());
    QVERIFY(s.tasks.at(2).kind == TaskKind::Sleep);
}

void tst_ScenarioFile::malformed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("mentions");

    QTest::newRow("empty file") << QByteArray() << QStringList{u"not valid JSON"_s};
    QTest::newRow("not JSON") << QByteArray("kind=sleep duration=5")
                              << QStringList{u"not valid JSON"_s};
    QTest::newRow("truncated") << file("[" + okTask).chopped(1) << QStringList{u"not valid JSON"_s};
    QTest::newRow("trailing garbage") << file("[" + okTask + "]") + "}" << QStringList{u"JSON"_s};
    QTest::newRow("top level array")
            << QByteArray("[" + okTask + "]") << QStringList{u"top level"_s};
    QTest::newRow("deeply nested arrays")
            << QByteArray(100000, '[') + QByteArray(100000, ']') << QStringList{u"JSON"_s};
    QTest::newRow("deeply nested in a task")
            << secondTask(R"({"kind": "sleep", "duration": 1, "label": )" + QByteArray(100000, '[')
                          + QByteArray(100000, ']') + "}")
            << QStringList{u"JSON"_s};

    QTest::newRow("version missing") << QByteArray(R"({"tasks": [)" + okTask + "]}")
                                     << QStringList{u"\"version\""_s, u"missing"_s};
    QTest::newRow("version 2") << file("[" + okTask + "]", R"("version": 2)")
                               << QStringList{u"version"_s, u"2"_s};
    QTest::newRow("version 0") << file("[" + okTask + "]", R"("version": 0)")
                               << QStringList{u"version"_s, u"0"_s};
    QTest::newRow("version as text") << file("[" + okTask + "]", R"("version": "1")")
                                     << QStringList{u"\"version\""_s, u"a string"_s};

    QTest::newRow("unknown top-level field")
            << file("[" + okTask + "]", R"("limt": 2)") << QStringList{u"\"limt\""_s};
    QTest::newRow("name a number") << file("[" + okTask + "]", R"("name": 5)")
                                   << QStringList{u"\"name\""_s, u"a number"_s};
    QTest::newRow("limit two") << file("[" + okTask + "]", R"("limit": "two")")
                               << QStringList{u"\"limit\""_s, u"a string"_s};
    QTest::newRow("limit 0") << file("[" + okTask + "]", R"("limit": 0)")
                             << QStringList{u"\"limit\""_s, u"0"_s};
    QTest::newRow("limit negative")
            << file("[" + okTask + "]", R"("limit": -3)") << QStringList{u"\"limit\""_s, u"-3"_s};
    QTest::newRow("limit fraction")
            << file("[" + okTask + "]", R"("limit": 1.5)") << QStringList{u"\"limit\""_s, u"1.5"_s};
    QTest::newRow("limit too large")
            << file("[" + okTask + "]", R"("limit": 1e12)") << QStringList{u"\"limit\""_s};
    QTest::newRow("limit true") << file("[" + okTask + "]", R"("limit": true)")
                                << QStringList{u"\"limit\""_s, u"a boolean"_s};
    QTest::newRow("threads 0") << file("[" + okTask + "]", R"("threads": 0)")
                               << QStringList{u"\"threads\""_s};
    QTest::newRow("threads 5000") << file("[" + okTask + "]", R"("threads": 5000)")
                                  << QStringList{u"\"threads\""_s, u"5000"_s};
    QTest::newRow("time_scale 0") << file("[" + okTask + "]", R"("time_scale": 0)")
                                  << QStringList{u"\"time_scale\""_s, u"out of range"_s};
    QTest::newRow("time_scale negative") << file("[" + okTask + "]", R"("time_scale": -1)")
                                         << QStringList{u"\"time_scale\""_s, u"out of range"_s};
    QTest::newRow("time_scale 1e6") << file("[" + okTask + "]", R"("time_scale": 1e6)")
                                    << QStringList{u"\"time_scale\""_s, u"out of range"_s};
    QTest::newRow("time_scale text") << file("[" + okTask + "]", R"("time_scale": "fast")")
                                     << QStringList{u"\"time_scale\""_s, u"a string"_s};

    QTest::newRow("tasks missing")
            << QByteArray(R"({"version": 1})") << QStringList{u"\"tasks\""_s, u"missing"_s};
    QTest::newRow("tasks object") << file(okTask) << QStringList{u"\"tasks\""_s, u"an object"_s};
    QTest::newRow("tasks empty") << file("[]") << QStringList{u"\"tasks\""_s, u"empty"_s};
    QTest::newRow("task not an object")
            << secondTask("5") << QStringList{u"task 2"_s, u"a number"_s};

    QTest::newRow("kind missing") << secondTask(R"({"duration": 1})")
                                  << QStringList{u"task 2"_s, u"\"kind\""_s, u"missing"_s};
    QTest::newRow("kind unknown") << secondTask(R"({"kind": "sleeep", "duration": 1})")
                                  << QStringList{u"task 2"_s, u"kind"_s, u"\"sleeep\""_s};
    QTest::newRow("kind a number") << secondTask(R"({"kind": 1, "duration": 1})")
                                   << QStringList{u"task 2"_s, u"\"kind\""_s, u"a number"_s};
    QTest::newRow("unknown field") << secondTask(R"({"kind": "sleep", "duraton": 1})")
                                   << QStringList{u"task 2"_s, u"\"duraton\""_s};
    QTest::newRow("duration missing") << secondTask(R"({"kind": "sleep"})")
                                      << QStringList{u"task 2"_s, u"\"duration\""_s, u"missing"_s};
    QTest::newRow("cpu duration missing") << secondTask(R"({"kind": "cpu", "label": "x"})")
                                          << QStringList{u"task 2"_s, u"\"duration\""_s};
    QTest::newRow("duration null") << secondTask(R"({"kind": "sleep", "duration": null})")
                                   << QStringList{u"task 2"_s, u"\"duration\""_s};
    QTest::newRow("duration text") << secondTask(R"({"kind": "sleep", "duration": "5"})")
                                   << QStringList{u"task 2"_s, u"\"duration\""_s, u"a string"_s};
    QTest::newRow("duration negative")
            << secondTask(R"({"kind": "sleep", "duration": -1})")
            << QStringList{u"task 2"_s, u"\"duration\""_s, u"out of range"_s};
    QTest::newRow("duration 1e6") << secondTask(R"({"kind": "sleep", "duration": 1e6})")
                                  << QStringList{u"task 2"_s, u"\"duration\""_s, u"out of range"_s};
    QTest::newRow("duration huge exponent")
            << secondTask(R"({"kind": "sleep", "duration": 1e400})") << QStringList{u"JSON"_s};
    QTest::newRow("duration array") << secondTask(R"({"kind": "sleep", "duration": [5]})")
                                    << QStringList{u"task 2"_s, u"\"duration\""_s, u"an array"_s};
    QTest::newRow("url missing") << secondTask(R"({"kind": "http", "timeout": 3})")
                                 << QStringList{u"task 2"_s, u"\"url\""_s, u"missing"_s};
    QTest::newRow("url empty") << secondTask(R"({"kind": "http", "url": ""})")
                               << QStringList{u"task 2"_s, u"\"url\""_s};
    QTest::newRow("url a number") << secondTask(R"({"kind": "http", "url": 80})")
                                  << QStringList{u"task 2"_s, u"\"url\""_s, u"a number"_s};
    QTest::newRow("url ftp") << secondTask(R"({"kind": "http", "url": "ftp://example.org/"})")
                             << QStringList{u"task 2"_s, u"\"url\""_s, u"ftp://example.org/"_s};
    QTest::newRow("url without host") << secondTask(R"({"kind": "http", "url": "http:///x"})")
                                      << QStringList{u"task 2"_s, u"\"url\""_s};
    QTest::newRow("url plain words") << secondTask(R"({"kind": "http", "url": "my server"})")
                                     << QStringList{u"task 2"_s, u"\"url\""_s};
    QTest::newRow("timeout 0") << secondTask(
            R"({"kind": "http", "url": "local:/ip", "timeout": 0})")
                               << QStringList{u"task 2"_s, u"\"timeout\""_s, u"out of range"_s};
    QTest::newRow("timeout text") << secondTask(
            R"({"kind": "http", "url": "local:/ip", "timeout": "10"})")
                                  << QStringList{u"task 2"_s, u"\"timeout\""_s};
    QTest::newRow("label a number") << secondTask(R"({"kind": "sleep", "duration": 1, "label": 7})")
                                    << QStringList{u"task 2"_s, u"\"label\""_s, u"a number"_s};
    QTest::newRow("message an array")
            << secondTask(R"({"kind": "sleep", "duration": 1, "message": ["a"]})")
            << QStringList{u"task 2"_s, u"\"message\""_s, u"an array"_s};

    // Issue 13: the server, the seed, retries and backoff.
    QTest::newRow("capacity 0") << file("[" + okTask + "]", R"("server": {"capacity": 0})")
                                << QStringList{u"\"server\""_s, u"\"capacity\" is 0"_s};
    QTest::newRow("capacity negative") << file("[" + okTask + "]", R"("server": {"capacity": -2})")
                                       << QStringList{u"\"capacity\" is -2"_s};
    QTest::newRow("capacity text") << file("[" + okTask + "]", R"("server": {"capacity": "4"})")
                                   << QStringList{u"\"capacity\""_s, u"a string"_s};
    QTest::newRow("max_in_flight -1")
            << file("[" + okTask + "]", R"("server": {"max_in_flight": -1})")
            << QStringList{u"\"max_in_flight\""_s, u"-1"_s};
    QTest::newRow("max_in_flight 0")
            << file("[" + okTask + "]", R"("server": {"max_in_flight": 0})")
            << QStringList{u"\"max_in_flight\""_s, u"not 0"_s};
    QTest::newRow("max_in_flight fraction")
            << file("[" + okTask + "]", R"("server": {"max_in_flight": 2.5})")
            << QStringList{u"\"max_in_flight\""_s, u"2.5"_s};
    QTest::newRow("latency negative") << file("[" + okTask + "]", R"("server": {"latency": -1})")
                                      << QStringList{u"\"latency\""_s, u"-1"_s};
    QTest::newRow("server unknown field") << file("[" + okTask + "]", R"("server": {"capacty": 4})")
                                          << QStringList{u"\"server\""_s, u"\"capacty\""_s};
    QTest::newRow("server a number") << file("[" + okTask + "]", R"("server": 4)")
                                     << QStringList{u"\"server\""_s, u"a number"_s};
    QTest::newRow("seed negative")
            << file("[" + okTask + "]", R"("seed": -1)") << QStringList{u"\"seed\""_s, u"-1"_s};
    QTest::newRow("seed 2^32") << file("[" + okTask + "]", R"("seed": 4294967296)")
                               << QStringList{u"\"seed\""_s, u"4294967296"_s};
    QTest::newRow("work s=x") << secondTask(R"({"kind": "http", "url": "local:/work?s=x"})")
                              << QStringList{u"task 2"_s, u"s=x"_s};
    QTest::newRow("work without s") << secondTask(R"({"kind": "http", "url": "local:/work"})")
                                    << QStringList{u"task 2"_s, u"local:/work"_s};
    QTest::newRow("work s negative") << secondTask(R"({"kind": "http", "url": "local:/work?s=-1"})")
                                     << QStringList{u"task 2"_s, u"s=-1"_s};
    QTest::newRow("work s too long")
            << secondTask(R"({"kind": "http", "url": "local:/work?s=90000"})")
            << QStringList{u"task 2"_s, u"s=90000"_s};
    QTest::newRow("work s inf") << secondTask(R"({"kind": "http", "url": "local:/work?s=inf"})")
                                << QStringList{u"task 2"_s, u"s=inf"_s};
    QTest::newRow("work duration differs")
            << secondTask(R"({"kind": "http", "url": "local:/work?s=1", "duration": 2})")
            << QStringList{u"task 2"_s, u"\"duration\" 2"_s, u"s=1"_s};
    QTest::newRow("retries negative")
            << secondTask(R"({"kind": "http", "url": "local:/ip", "retries": -1})")
            << QStringList{u"task 2"_s, u"\"retries\""_s, u"-1"_s};
    QTest::newRow("retries fraction")
            << secondTask(R"({"kind": "http", "url": "local:/ip", "retries": 1.5})")
            << QStringList{u"task 2"_s, u"\"retries\""_s, u"1.5"_s};
    QTest::newRow("retries on a sleep")
            << secondTask(R"({"kind": "sleep", "duration": 1, "retries": 2})")
            << QStringList{u"task 2"_s, u"\"retries\""_s, u"http"_s};
    QTest::newRow("backoff on a cpu task")
            << secondTask(R"({"kind": "cpu", "duration": 1, "backoff": 2})")
            << QStringList{u"task 2"_s, u"\"backoff\""_s, u"http"_s};
    QTest::newRow("backoff negative")
            << secondTask(R"({"kind": "http", "url": "local:/ip", "backoff": -0.5})")
            << QStringList{u"task 2"_s, u"\"backoff\""_s, u"-0.5"_s};
    QTest::newRow("backoff too long")
            << secondTask(R"({"kind": "http", "url": "local:/ip", "backoff": 4000})")
            << QStringList{u"task 2"_s, u"\"backoff\""_s, u"4000"_s};
}

void tst_ScenarioFile::serverAndRetries()
{
    QString error;
    const auto loaded = ScenarioFile::parse(
            R"({"version": 1, "server": {"capacity": 2.5, "max_in_flight": 8, "latency": 0.1},
                "seed": 42,
                "tasks": [{"kind": "http", "url": "local:/work?s=1.5", "retries": 1000},
                          {"kind": "http", "url": "local:/work?s=2", "duration": 2,
                           "retries": 3, "backoff": 0},
                          {"kind": "http", "url": "local:/ip"}]})",
            &error);
    QVERIFY2(loaded, qPrintable(error));
    const Scenario &s = loaded->scenario;
    QCOMPARE(s.options.server.capacity, 2.5);
    QCOMPARE(s.options.server.maxInFlight, 8);
    QCOMPARE(s.options.server.latency, 0.1);
    QCOMPARE(s.options.seed, 42u);
    QVERIFY(s.tasks.at(0).isServerWork());
    QCOMPARE(s.tasks.at(0).duration, 1.5); // the service time is the task's duration
    QCOMPARE(int(s.tasks.at(0).retries), ScenarioLimits::maxRetries); // 1000 is capped
    QCOMPARE(s.tasks.at(0).backoff(), Task::defaultBackoff);
    QCOMPARE(s.tasks.at(1).duration, 2.0);
    QCOMPARE(int(s.tasks.at(1).retries), 3);
    QCOMPARE(s.tasks.at(1).backoff(), 0.0);
    QVERIFY(!s.tasks.at(2).isServerWork());
    QCOMPARE(int(s.tasks.at(2).retries), 0);

    // Without the keys: today's endpoint and the default seed.
    const auto plain = ScenarioFile::parse(file("[" + okTask + "]"), &error);
    QVERIFY2(plain, qPrintable(error));
    QVERIFY(plain->scenario.options.server.isDefault());
    QCOMPARE(plain->scenario.options.seed, RunOptions().seed);
    QVERIFY(!ScenarioFile::serialize(plain->scenario).contains("\"server\""));
    QVERIFY(!ScenarioFile::serialize(plain->scenario).contains("\"seed\""));
}

void tst_ScenarioFile::malformed()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, mentions);

    // Small inputs: a refusal that hung would be stopped by the test's own timeout.
    QString error;
    const auto loaded = ScenarioFile::parse(json, &error);
    QVERIFY2(!loaded, "a malformed file must be refused");
    QVERIFY2(!error.isEmpty(), "a refusal must say why");
    for (const QString &part : std::as_const(mentions)) {
        QVERIFY2(error.contains(part),
                 qPrintable(u"message \"%1\" should mention %2"_s.arg(error, part)));
    }
    QVERIFY2(error.size() < 300, qPrintable(u"a message for people, not: "_s + error.left(300)));
}

void tst_ScenarioFile::hugeFileRefusedQuickly()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"huge.json"_s);
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.write(file("[" + okTask + "]")) > 0);
        QVERIFY(f.resize(100 * 1024 * 1024)); // sparse: quick to make
    }
    const qint64 loadStart = threadCpuNs();
    QString error;
    const auto loaded = ScenarioFile::load(path, &error);
    const qint64 loadNs = threadCpuNs() - loadStart;
    QVERIFY(!loaded);
    QVERIFY2(error.contains(u"too large"_s), qPrintable(error));
    QVERIFY2(error.contains(path), qPrintable(error));
    // The baseline, measured here: reading the file once. CPU time, which a loaded machine does
    // not stretch the way it stretches wall time.
    const qint64 readStart = threadCpuNs();
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().size(), 100 * 1024 * 1024);
    }
    const qint64 readNs = threadCpuNs() - readStart;
    qInfo("refused in %.3f ms of CPU, reading it takes %.3f ms", loadNs / 1e6, readNs / 1e6);
    QVERIFY2(loadNs * 10 < readNs, "the size is checked before anything is read");
}

void tst_ScenarioFile::hugeBufferRefused()
{
    QByteArray json = file("[" + okTask + "]");
    json += QByteArray(ScenarioFile::maxFileBytes, ' ');
    QString error;
    QVERIFY(!ScenarioFile::parse(json, &error));
    QVERIFY2(error.contains(u"too large"_s), qPrintable(error));
}

void tst_ScenarioFile::loadErrorsNameThePath()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;

    const QString missing = dir.filePath(u"missing.json"_s);
    QVERIFY(!ScenarioFile::load(missing, &error));
    QVERIFY2(error.contains(missing), qPrintable(error));

    QVERIFY(!ScenarioFile::load(dir.path(), &error));
    QVERIFY2(error.contains(dir.path()) && error.contains(u"folder"_s), qPrintable(error));

    const QString bad = dir.filePath(u"bad.json"_s);
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(secondTask(R"({"kind": "sleep", "duration": "5"})"));
    f.close();
    QVERIFY(!ScenarioFile::load(bad, &error));
    QVERIFY2(error.contains(bad) && error.contains(u"task 2"_s) && error.contains(u"duration"_s),
             qPrintable(error));
}

void tst_ScenarioFile::saveAndLoad()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"saved.json"_s);
    Scenario s;
    s.name = u"delayed print"_s;
    s.options.limit = 2;
    s.options.timeScale = 0.5;
    s.tasks = {task(TaskKind::Sleep, 3, QString(), u"333"_s), http(u"local:/ip"_s, 4)};
    QString error;
    QVERIFY2(ScenarioFile::save(path, s, &error), qPrintable(error));
    auto loaded = ScenarioFile::load(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    verifySame(loaded->scenario, s);

    // Saving again replaces the file.
    s.tasks.removeLast();
    QVERIFY2(ScenarioFile::save(path, s, &error), qPrintable(error));
    loaded = ScenarioFile::load(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    verifySame(loaded->scenario, s);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"saved.json"_s});
}

void tst_ScenarioFile::saveToMissingFolderFails()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"no/such/folder/s.json"_s);
    Scenario s;
    s.tasks = {task(TaskKind::Sleep, 1)};
    QString error;
    QVERIFY(!ScenarioFile::save(path, s, &error));
    QVERIFY2(!error.isEmpty(), "a failed save must say why");
    QVERIFY2(error.contains(u"does not exist"_s), qPrintable(error));
    QVERIFY(!QFileInfo::exists(dir.filePath(u"no"_s)));
    QVERIFY(QDir(dir.path()).isEmpty());
}

QTEST_GUILESS_MAIN(tst_ScenarioFile)
#include "tst_scenariofile.moc"
