#include "scenario.h"
#include "testrun.h"

#include <QTest>

#include <algorithm>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

// The parsers turn user input into a scenario; every rejection must name the bad value (and, for
// a duration list, the item's 1-based position) so a user can find it in a long list.
class tst_ScenarioParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void taskTextsAreSharedAndCopiedOnWrite();
    void validDurations_data();
    void validDurations();
    void badDurations_data();
    void badDurations();
    void hugeInputFailsFast_data();
    void hugeInputFailsFast();
    void hugeOptionsFailFast();
    void maxTaskCountAccepted();

    void parseLimit_data();
    void parseLimit();
    void parseTimeScale_data();
    void parseTimeScale();
    void parseThreads_data();
    void parseThreads();

    void formatSeconds_data();
    void formatSeconds();
    void runOptions_data();
    void runOptions();
    void taskKindNames();
};

namespace {

QString repeated(const QString &unit, qsizetype times)
{
    return unit.repeated(times);
}

// A hostile value's rejection is held to a baseline measured in the same test: one linear pass
// over it (splitting it at its commas, the least a parser does). Both in this thread's CPU time,
// which a loaded machine does not stretch the way it stretches wall time, and each the cheapest of
// three tries, so a page fault or a cold cache in one try does not decide. The factor leaves room
// for sanitizers, which slow a parser's loop more than split()'s copying; a rejection that is not
// linear in the value's size misses it by orders of magnitude.
constexpr qint64 linearPasses = 50;

template<typename Work>
qint64 cheapestCpuNs(Work work)
{
    qint64 best = std::numeric_limits<qint64>::max();
    for (int round = 0; round < 3; ++round) {
        const qint64 start = threadCpuNs();
        work();
        best = std::min(best, threadCpuNs() - start);
    }
    return best;
}

qint64 linearPassNs(const QString &input)
{
    return cheapestCpuNs([&input] { QVERIFY(!input.split(u',').isEmpty()); });
}

void verifyMentions(const QString &error, const QStringList &expected)
{
    QVERIFY2(!error.isEmpty(), "a rejection must come with a message");
    for (const QString &part : expected) {
        QVERIFY2(error.contains(part),
                 qPrintable(u"message \"%1\" should contain \"%2\""_s.arg(error, part)));
    }
}

} // namespace

void tst_ScenarioParser::validDurations_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QList<double>>("expected");

    QTest::newRow("article") << u"5,1,8,3,4"_s << QList<double>{5, 1, 8, 3, 4};
    QTest::newRow("spaces") << u" 5 , 1 ,8 ,  3,4  "_s << QList<double>{5, 1, 8, 3, 4};
    QTest::newRow("tabs") << u"\t2\t,\t3"_s << QList<double>{2, 3};
    QTest::newRow("decimals") << u"0.25,1.5,.5"_s << QList<double>{0.25, 1.5, 0.5};
    QTest::newRow("zero") << u"0"_s << QList<double>{0};
    QTest::newRow("single") << u"7"_s << QList<double>{7};
    QTest::newRow("max duration") << u"86400"_s << QList<double>{86400};
    QTest::newRow("exponent") << u"1e2,2.5E1"_s << QList<double>{100, 25};
}

void tst_ScenarioParser::validDurations()
{
    QFETCH(QString, input);
    QFETCH(QList<double>, expected);

    QString error;
    const auto tasks = ScenarioParser::parseDurations(input, &error);
    QVERIFY2(tasks.has_value(), qPrintable(error));
    QCOMPARE(tasks->size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const Task &task = tasks->at(i);
        QCOMPARE(task.duration, expected.at(i));
        QCOMPARE(task.kind, TaskKind::Sleep);
        QVERIFY(task.message().isNull());
        // Quick-form tasks are labelled by their duration.
        QCOMPARE(task.displayLabel(), ::formatSeconds(expected.at(i)) + u" s"_s);
    }
}

void tst_ScenarioParser::badDurations_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("expected"); // substrings of the message

    QTest::newRow("empty") << QString() << QStringList{u"no durations"_s};
    QTest::newRow("blank") << u"   "_s << QStringList{u"no durations"_s};
    QTest::newRow("only commas") << u",,"_s << QStringList{u"item 1 is empty"_s};
    QTest::newRow("empty middle") << u"5,,1"_s << QStringList{u"item 2 is empty"_s};
    QTest::newRow("empty last") << u"5,1,"_s << QStringList{u"item 3 is empty"_s};
    QTest::newRow("blank item") << u"5, ,1"_s << QStringList{u"item 2 is empty"_s};
    QTest::newRow("word") << u"abc"_s << QStringList{u"item 1 \"abc\" is not a number"_s};
    QTest::newRow("word third") << u"5,1,x"_s << QStringList{u"item 3 \"x\" is not a number"_s};
    QTest::newRow("unit suffix") << u"5,2s"_s << QStringList{u"item 2"_s, u"\"2s\""_s};
    QTest::newRow("two dots") << u"1.2.3"_s << QStringList{u"item 1"_s, u"\"1.2.3\""_s};
    QTest::newRow("inner space") << u"5 1"_s << QStringList{u"item 1"_s, u"\"5 1\""_s};
    QTest::newRow("negative") << u"-1"_s << QStringList{u"item 1 \"-1\" is negative"_s};
    QTest::newRow("negative second")
            << u"3,-0.5"_s << QStringList{u"item 2 \"-0.5\" is negative"_s};
    QTest::newRow("negative zero") << u"-0"_s << QStringList{u"item 1 \"-0\" is negative"_s};
    QTest::newRow("hex") << u"0x10"_s << QStringList{u"item 1 \"0x10\""_s, u"hexadecimal"_s};
    QTest::newRow("overflow") << u"1e400"_s << QStringList{u"item 1 \"1e400\""_s, u"too large"_s};
    QTest::newRow("nan") << u"nan"_s << QStringList{u"item 1 \"nan\""_s, u"finite"_s};
    QTest::newRow("NaN second") << u"1,NaN"_s << QStringList{u"item 2 \"NaN\""_s, u"finite"_s};
    QTest::newRow("inf") << u"inf"_s << QStringList{u"item 1 \"inf\""_s, u"finite"_s};
    QTest::newRow("-inf") << u"-inf"_s << QStringList{u"item 1 \"-inf\""_s, u"finite"_s};
    QTest::newRow("infinity") << u"2,infinity"_s << QStringList{u"item 2 \"infinity\""_s};
    QTest::newRow("above max") << u"1e6"_s
                               << QStringList{u"item 1 \"1e6\" is too large"_s, u"86400"_s};
    QTest::newRow("just above max")
            << u"1,86400.5"_s << QStringList{u"item 2 \"86400.5\" is too large"_s};
    QTest::newRow("absurdly long number") << (u"1,0."_s + QString(100, u'0') + u"1"_s)
                                          << QStringList{u"item 2 \"0.000"_s, u"too long"_s};
    QTest::newRow("too many") << (repeated(u"0,"_s, 1000000) + u"0"_s)
                              << QStringList{u"too many tasks"_s, u"1000001"_s, u"1000000"_s};
    QTest::newRow("full-width digit")
            << u"\uFF15"_s << QStringList{u"item 1 \"\uFF15\""_s, u"non-ASCII digits"_s};
    QTest::newRow("arabic-indic digit")
            << u"1,\u0663"_s << QStringList{u"item 2 \"\u0663\""_s, u"non-ASCII digits"_s};
    QTest::newRow("full-width comma")
            << u"5\uFF0C1"_s << QStringList{u"item 1 \"5\uFF0C1\""_s, u"full-width comma"_s};
}

void tst_ScenarioParser::badDurations()
{
    QFETCH(QString, input);
    QFETCH(QStringList, expected);

    QString error;
    const auto tasks = ScenarioParser::parseDurations(input, &error);
    QVERIFY(!tasks.has_value());
    verifyMentions(error, expected);
    QVERIFY2(error.size() < 200, qPrintable(error));
}

void tst_ScenarioParser::hugeInputFailsFast_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("expected");

    constexpr qsizetype tenMegabytes = 10 * 1024 * 1024;
    QTest::newRow("10 MB of digits")
            << QString(tenMegabytes, u'1') << QStringList{u"item 1 \"111"_s, u"too long"_s};
    QTest::newRow("10 MB of letters")
            << QString(tenMegabytes, u'x') << QStringList{u"item 1 \"xxx"_s, u"not a number"_s};
    QTest::newRow("10 MB list") << repeated(u"1,"_s, tenMegabytes / 2)
                                << QStringList{u"too many tasks"_s};
    QTest::newRow("10 MB item after a valid one")
            << (u"5,"_s + QString(tenMegabytes, u'z')) << QStringList{u"item 2 \"zzz"_s};
}

void tst_ScenarioParser::hugeInputFailsFast()
{
    QFETCH(QString, input);
    QFETCH(QStringList, expected);

    QString error;
    std::optional<QList<Task>> tasks;
    const qint64 ns = cheapestCpuNs([&] { tasks = ScenarioParser::parseDurations(input, &error); });
    const qint64 passNs = linearPassNs(input);
    qInfo("rejected %lld characters in %.2f ms of CPU, one pass over them %.2f ms",
          qlonglong(input.size()), ns / 1e6, passNs / 1e6);
    QVERIFY(!tasks.has_value());
    verifyMentions(error, expected);
    // The message shows a prefix of the value, never the 10 MB.
    QVERIFY2(error.size() < 200, qPrintable(error.left(300)));
    QVERIFY2(ns < linearPasses * passNs, "a hostile argument must be rejected fast");
}

void tst_ScenarioParser::hugeOptionsFailFast()
{
    const QString digits(10 * 1024 * 1024, u'7');
    QString limitError;
    QString threadsError;
    QString timeScaleError;
    bool refused = false;
    const qint64 ns = cheapestCpuNs([&] {
        refused = !ScenarioParser::parseLimit(digits, &limitError)
                  && !ScenarioParser::parseThreads(digits, &threadsError)
                  && !ScenarioParser::parseTimeScale(digits, &timeScaleError);
    });
    QVERIFY(refused);
    QVERIFY(limitError.size() < 200);
    QVERIFY(threadsError.size() < 200);
    QVERIFY(timeScaleError.size() < 200);
    QVERIFY(timeScaleError.contains(u"\"777"_s));
    const qint64 passNs = linearPassNs(digits);
    qInfo("three 10 MB options rejected in %.2f ms of CPU, one pass over one %.2f ms", ns / 1e6,
          passNs / 1e6);
    QVERIFY(ns < 3 * linearPasses * passNs);
}

void tst_ScenarioParser::maxTaskCountAccepted()
{
    // The boundary itself is allowed: exactly maxTasks items.
    const QString input = repeated(u"0,"_s, ScenarioLimits::maxTasks - 1) + u"0"_s;
    QString error;
    const auto tasks = ScenarioParser::parseDurations(input, &error);
    QVERIFY2(tasks.has_value(), qPrintable(error));
    QCOMPARE(tasks->size(), ScenarioLimits::maxTasks);
}

void tst_ScenarioParser::parseLimit_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("value");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("1") << u"1"_s << true << 1 << QStringList();
    QTest::newRow("8") << u"8"_s << true << 8 << QStringList();
    QTest::newRow("spaces") << u" 2 "_s << true << 2 << QStringList();
    QTest::newRow("max") << u"1000000"_s << true << 1000000 << QStringList();
    QTest::newRow("0") << u"0"_s << false << 0 << QStringList{u"limit"_s, u"\"0\""_s};
    QTest::newRow("-1") << u"-1"_s << false << 0 << QStringList{u"limit"_s, u"\"-1\""_s};
    QTest::newRow("two") << u"two"_s << false << 0
                         << QStringList{u"limit"_s, u"\"two\""_s, u"whole number"_s};
    QTest::newRow("1.5") << u"1.5"_s << false << 0 << QStringList{u"\"1.5\""_s, u"whole number"_s};
    QTest::newRow("int overflow") << u"2147483648"_s << false << 0
                                  << QStringList{u"\"2147483648\""_s};
    QTest::newRow("huge") << u"99999999999999999999"_s << false << 0
                          << QStringList{u"\"99999999999999999999\""_s};
    QTest::newRow("above max") << u"1000001"_s << false << 0 << QStringList{u"\"1000001\""_s};
    QTest::newRow("empty") << QString() << false << 0 << QStringList{u"limit"_s, u"empty"_s};
    QTest::newRow("full-width") << u"\uFF12"_s << false << 0 << QStringList{u"\"\uFF12\""_s};
}

void tst_ScenarioParser::parseLimit()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QFETCH(int, value);
    QFETCH(QStringList, expected);

    QString error;
    const auto result = ScenarioParser::parseLimit(input, &error);
    QCOMPARE(result.has_value(), valid);
    if (valid)
        QCOMPARE(*result, value);
    else
        verifyMentions(error, expected);
}

void tst_ScenarioParser::parseTimeScale_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("value");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("1") << u"1"_s << true << 1.0 << QStringList();
    QTest::newRow("0.05") << u"0.05"_s << true << 0.05 << QStringList();
    QTest::newRow("0.02") << u" 0.02 "_s << true << 0.02 << QStringList();
    QTest::newRow("0") << u"0"_s << false << 0.0 << QStringList{u"time scale"_s, u"\"0\""_s};
    QTest::newRow("negative") << u"-1"_s << false << 0.0 << QStringList{u"\"-1\""_s};
    QTest::newRow("nan") << u"nan"_s << false << 0.0 << QStringList{u"\"nan\""_s};
    QTest::newRow("inf") << u"inf"_s << false << 0.0 << QStringList{u"\"inf\""_s};
    QTest::newRow("1e-9") << u"1e-9"_s << false << 0.0 << QStringList{u"\"1e-9\""_s};
    QTest::newRow("1e9") << u"1e9"_s << false << 0.0 << QStringList{u"\"1e9\""_s};
    QTest::newRow("word") << u"fast"_s << false << 0.0 << QStringList{u"\"fast\""_s};
    QTest::newRow("empty") << QString() << false << 0.0 << QStringList{u"time scale"_s};
}

void tst_ScenarioParser::parseTimeScale()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QFETCH(double, value);
    QFETCH(QStringList, expected);

    QString error;
    const auto result = ScenarioParser::parseTimeScale(input, &error);
    QCOMPARE(result.has_value(), valid);
    if (valid)
        QCOMPARE(*result, value);
    else
        verifyMentions(error, expected);
}

void tst_ScenarioParser::parseThreads_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("value");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("4") << u"4"_s << true << 4 << QStringList();
    QTest::newRow("1") << u"1"_s << true << 1 << QStringList();
    QTest::newRow("max") << u"1024"_s << true << 1024 << QStringList();
    QTest::newRow("0") << u"0"_s << false << 0 << QStringList{u"threads"_s, u"\"0\""_s};
    QTest::newRow("-3") << u"-3"_s << false << 0 << QStringList{u"\"-3\""_s};
    QTest::newRow("100000") << u"100000"_s << false << 0 << QStringList{u"\"100000\""_s};
    QTest::newRow("word") << u"many"_s << false << 0 << QStringList{u"\"many\""_s};
    QTest::newRow("fraction") << u"2.5"_s << false << 0 << QStringList{u"\"2.5\""_s};
}

void tst_ScenarioParser::parseThreads()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QFETCH(int, value);
    QFETCH(QStringList, expected);

    QString error;
    const auto result = ScenarioParser::parseThreads(input, &error);
    QCOMPARE(result.has_value(), valid);
    if (valid)
        QCOMPARE(*result, value);
    else
        verifyMentions(error, expected);
}

void tst_ScenarioParser::formatSeconds_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QString>("expected");

    QTest::newRow("5") << 5.0 << u"5"_s;
    QTest::newRow("0.25") << 0.25 << u"0.25"_s;
    QTest::newRow("1.5") << 1.5 << u"1.5"_s;
    QTest::newRow("0") << 0.0 << u"0"_s;
    QTest::newRow("86400") << 86400.0 << u"86400"_s;
    QTest::newRow("6 decimals") << 12.000001 << u"12.000001"_s;
    QTest::newRow("rounded to 6 decimals") << 0.1234567 << u"0.123457"_s;
    QTest::newRow("below a microsecond") << 1e-7 << u"0"_s;
    QTest::newRow("tiny negative is 0") << -1e-7 << u"0"_s;
}

void tst_ScenarioParser::formatSeconds()
{
    QFETCH(double, seconds);
    QFETCH(QString, expected);
    QCOMPARE(::formatSeconds(seconds), expected);
}

void tst_ScenarioParser::runOptions_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("threads");
    QTest::addColumn<qsizetype>("tasks");
    QTest::addColumn<int>("effectiveThreads");
    QTest::addColumn<int>("slots");
    QTest::addColumn<QString>("runName");

    QTest::newRow("unlimited, one thread per task")
            << 0 << 0 << qsizetype(5) << 5 << 5 << u"unlimited"_s;
    QTest::newRow("unlimited, automatic cap")
            << 0 << 0 << qsizetype(10000) << ScenarioLimits::autoUnlimitedThreads
            << ScenarioLimits::autoUnlimitedThreads << u"unlimited"_s;
    QTest::newRow("unlimited, no tasks") << 0 << 0 << qsizetype(0) << 1 << 1 << u"unlimited"_s;
    QTest::newRow("unlimited, explicit threads")
            << 0 << 3 << qsizetype(10) << 3 << 3 << u"unlimited"_s;
    // The pool is one thread per task, limited or not: the semaphore enforces the limit.
    QTest::newRow("limit 2") << 2 << 0 << qsizetype(5) << 5 << 2 << u"limit-2"_s;
    QTest::newRow("limit above task count") << 8 << 0 << qsizetype(3) << 3 << 3 << u"limit-8"_s;
    QTest::newRow("threads cap below limit") << 4 << 2 << qsizetype(10) << 2 << 2 << u"limit-4"_s;
    QTest::newRow("threads above limit") << 2 << 6 << qsizetype(10) << 6 << 2 << u"limit-2"_s;
    QTest::newRow("limit above max threads")
            << 5000 << 0 << qsizetype(5000) << ScenarioLimits::autoUnlimitedThreads
            << ScenarioLimits::autoUnlimitedThreads << u"limit-5000"_s;
}

void tst_ScenarioParser::runOptions()
{
    QFETCH(int, limit);
    QFETCH(int, threads);
    QFETCH(qsizetype, tasks);
    QFETCH(int, effectiveThreads);
    QFETCH(int, slots);
    QFETCH(QString, runName);

    RunOptions options;
    options.limit = limit;
    options.threads = threads;
    QCOMPARE(options.isLimited(), limit > 0);
    QCOMPARE(options.effectiveThreads(tasks), effectiveThreads);
    QCOMPARE(options.slotCount(tasks), slots);
    QCOMPARE(options.runName(), runName);
}

void tst_ScenarioParser::taskKindNames()
{
    for (TaskKind kind : {TaskKind::Sleep, TaskKind::Cpu, TaskKind::Http}) {
        const QString name = taskKindName(kind);
        QVERIFY(!name.isEmpty());
        QCOMPARE(taskKindFromName(name), std::optional<TaskKind>(kind));
    }
    QCOMPARE(taskKindName(TaskKind::Sleep), u"sleep"_s);
    QVERIFY(!taskKindFromName(u"nap").has_value());
}

void tst_ScenarioParser::taskTextsAreSharedAndCopiedOnWrite()
{
    // A million parsed tasks cost their size each: no text block unless a text is set.
    static_assert(sizeof(Task) <= 32, "Task grew: a million-task run pays for every byte");
    Task plain;
    QVERIFY(plain.label().isNull());
    QVERIFY(plain.message().isNull());
    QVERIFY(plain.url().isNull());
    plain.setMessage(QString()); // setting a null text keeps it null
    QVERIFY(plain.message().isNull());
    plain.setMessage(u""_s); // an empty message is a message (the result is "")
    QVERIFY(!plain.message().isNull());
    QVERIFY(plain.message().isEmpty());

    Task a;
    a.duration = 2;
    a.setLabel(u"first"_s);
    a.setUrl(u"local:/ip"_s);
    Task b = a; // shares the texts
    b.setLabel(u"second"_s);
    QCOMPARE(a.label(), u"first"_s);
    QCOMPARE(b.label(), u"second"_s);
    QCOMPARE(b.url(), u"local:/ip"_s);
    QVERIFY(b.message().isNull());
    QCOMPARE(a.displayLabel(), u"first"_s);
    a.setLabel(QString());
    QCOMPARE(a.displayLabel(), u"2 s"_s);
}

QTEST_GUILESS_MAIN(tst_ScenarioParser)
#include "tst_scenarioparser.moc"
