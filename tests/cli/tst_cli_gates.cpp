#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

// Gates, admission and the pool through the real tasklanes-cli: bad values are refused with exit
// 2 and one line naming the value, before anything runs; the CSV has the picked_s and gate
// columns; a comparison with gates but no limit is "unlimited" against "gated".
class tst_CliGates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refused_data();
    void refused();
    void inTaskPickedBeforeStarted();
    void compareGatedWithoutLimit();
    void headerStatesThePool();

private:
    QTemporaryDir m_dir;
};

namespace {

const QString cliPath = QStringLiteral(TASKLANES_CLI_PATH);

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

Outcome runCli(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.insert(u"LANG"_s, u"C.UTF-8"_s);
    env.remove(u"LANGUAGE"_s);
    process.setProcessEnvironment(env);
    process.start(cliPath, arguments);
    Outcome o;
    if (!process.waitForStarted(30000) || !process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished(10000);
        return o;
    }
    o.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    o.out = QString::fromUtf8(process.readAllStandardOutput());
    o.err = QString::fromUtf8(process.readAllStandardError());
    return o;
}

// The CSV's rows as maps from column name to cell (the CLI's cells need no quoting).
QList<QHash<QString, QString>> csvRows(const QString &text)
{
    QList<QHash<QString, QString>> rows;
    const QStringList lines = text.trimmed().split(u"\r\n"_s);
    if (lines.isEmpty())
        return rows;
    const QStringList header = lines.first().split(u',');
    for (qsizetype k = 1; k < lines.size(); ++k) {
        const QStringList cells = lines.at(k).split(u',');
        QHash<QString, QString> row;
        for (qsizetype c = 0; c < header.size() && c < cells.size(); ++c)
            row.insert(header.at(c), cells.at(c));
        rows.append(row);
    }
    return rows;
}

QByteArray scenarioJson(const QByteArray &gates, const QByteArray &taskGate)
{
    return R"({"version": 1, "gates": )" + gates
           + R"(, "tasks": [{"kind": "sleep", "duration": 1, "gate": )" + taskGate
           + R"(}, {"kind": "sleep", "duration": 1}]})";
}

} // namespace

void tst_CliGates::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::exists(cliPath));
}

void tst_CliGates::refused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("scenario"); // written to a file and passed with --scenario
    QTest::addColumn<QString>("named"); // the value the message names

    const QStringList base = {u"--durations"_s, u"1,1"_s, u"--time-scale"_s, u"0.001"_s};
    QTest::newRow("--gate x") << base + QStringList{u"--gate"_s, u"x"_s} << QByteArray()
                              << u"\"x\""_s;
    QTest::newRow("--gate cpu=0") << base + QStringList{u"--gate"_s, u"cpu=0"_s} << QByteArray()
                                  << u"\"0\""_s;
    QTest::newRow("--gate cpu=") << base + QStringList{u"--gate"_s, u"cpu="_s} << QByteArray()
                                 << u"gate"_s;
    QTest::newRow("--gate 10,000 characters")
            << base + QStringList{u"--gate"_s, QString(10000, u'g') + u"=2"_s} << QByteArray()
            << u"10000"_s;
    QTest::newRow("--admission maybe")
            << base + QStringList{u"--admission"_s, u"maybe"_s} << QByteArray() << u"\"maybe\""_s;
    QTest::newRow("\"admission\": 3")
            << QStringList()
            << QByteArray(
                       R"({"version": 1, "admission": 3, "tasks": [{"kind": "sleep", "duration": 1}]})")
            << u"admission"_s;
    QTest::newRow("unknown gate in a task")
            << QStringList() << scenarioJson(R"({"cpu": 2})", R"("api")") << u"\"api\""_s;
    QTest::newRow("gate of 0 in a file")
            << QStringList() << scenarioJson(R"({"cpu": 0})", R"("cpu")") << u"\"cpu\""_s;
    QTest::newRow("gate name of 10,000 characters in a file")
            << QStringList() << scenarioJson("{\"" + QByteArray(10000, 'g') + "\": 2}", R"("g")")
            << u"10000"_s;
    QTest::newRow("compare with neither limit nor gate")
            << base + QStringList{u"--compare"_s} << QByteArray() << u"--compare"_s;
}

void tst_CliGates::refused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, scenario);
    QFETCH(QString, named);
    if (!scenario.isNull()) {
        const QString path = m_dir.filePath(u"scenario.json"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(scenario);
        f.close();
        arguments << u"--scenario"_s << path << u"--time-scale"_s << u"0.001"_s;
    }
    const Outcome o = runCli(arguments);
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.out.isEmpty(), qPrintable(o.out.left(500))); // nothing ran
    const QStringList lines = o.err.trimmed().split(u'\n');
    QCOMPARE(lines.size(), 1);
    QVERIFY2(o.err.contains(named), qPrintable(o.err.left(500)));
    QVERIFY2(o.err.size() < 400, "a hostile value does not make a huge message");
}

void tst_CliGates::inTaskPickedBeforeStarted()
{
    const Outcome o = runCli({u"--durations"_s, u"1,1,1,1,1,1"_s, u"--limit"_s, u"2"_s,
                              u"--threads"_s, u"3"_s, u"--admission"_s, u"in-task"_s,
                              u"--time-scale"_s, u"0.01"_s, u"--csv"_s, u"-"_s});
    QCOMPARE(o.exitCode, 0);
    const auto rows = csvRows(o.out);
    QCOMPARE(rows.size(), 6);
    bool earlier = false;
    std::vector<std::pair<double, int>> running;
    std::vector<std::pair<double, int>> holding;
    for (const auto &row : rows) {
        QCOMPARE(row.value(u"admission"_s), u"in-task"_s);
        QCOMPARE(row.value(u"pool_threads"_s), u"3"_s);
        const double picked = row.value(u"picked_s"_s).toDouble();
        const double started = row.value(u"started_s"_s).toDouble();
        const double finished = row.value(u"finished_s"_s).toDouble();
        QVERIFY(picked <= started);
        earlier = earlier || picked < started;
        running.emplace_back(started, +1);
        running.emplace_back(finished, -1);
        holding.emplace_back(picked, +1);
        holding.emplace_back(finished, -1);
    }
    QVERIFY2(earlier, "some task was picked by a thread before its permit came");
    for (auto *edges : {&running, &holding}) {
        std::sort(edges->begin(), edges->end());
        int n = 0;
        int peak = 0;
        for (const auto &[t, d] : *edges)
            peak = std::max(peak, n += d);
        QVERIFY(peak <= (edges == &running ? 2 : 3));
    }
}

void tst_CliGates::compareGatedWithoutLimit()
{
    const QString path = m_dir.filePath(u"gated.json"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(scenarioJson(R"({"one": 1})", R"("one")"));
    f.close();
    const Outcome o = runCli({u"--scenario"_s, path, u"--compare"_s, u"--time-scale"_s, u"0.01"_s,
                              u"--csv"_s, u"-"_s});
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    const auto rows = csvRows(o.out);
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.at(0).value(u"run"_s), u"unlimited"_s);
    QCOMPARE(rows.at(0).value(u"gate"_s), QString()); // the unlimited run drops every gate
    QCOMPARE(rows.at(2).value(u"run"_s), u"gated"_s);
    QCOMPARE(rows.at(2).value(u"gate"_s), u"one"_s);
    QCOMPARE(rows.at(2).value(u"gate_limit"_s), u"1"_s);
    QVERIFY2(o.err.contains(u"gate one peak"_s), qPrintable(o.err));
}

void tst_CliGates::headerStatesThePool()
{
    const Outcome o = runCli({u"--durations"_s, u"5,1,8,3,4"_s, u"--limit"_s, u"2"_s,
                              u"--compare"_s, u"--time-scale"_s, u"0.005"_s});
    QCOMPARE(o.exitCode, 0);
    QVERIFY2(o.out.contains(u"unlimited on a pool of 5 threads"_s), qPrintable(o.out));
    QVERIFY2(o.out.contains(u"limit 2 on a pool of 5 threads"_s), qPrintable(o.out));
    const Outcome small = runCli({u"--durations"_s, u"1,1,1,1"_s, u"--limit"_s, u"3"_s,
                                  u"--threads"_s, u"2"_s, u"--time-scale"_s, u"0.005"_s});
    QCOMPARE(small.exitCode, 0);
    QVERIFY2(small.out.contains(u"the pool is a limit too"_s), qPrintable(small.out));
    QVERIFY2(small.out.contains(u"the threads bound the waits"_s), qPrintable(small.out));
}

QTEST_GUILESS_MAIN(tst_CliGates)
#include "tst_cli_gates.moc"
