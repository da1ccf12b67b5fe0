#include "pythonexport.h"

#include "localendpoint.h"
#include "safefile.h"
#include "scenario.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QList>
#include <QSet>

#include <algorithm>

namespace {

// A Python string literal. Printable text stays as it is (the file is UTF-8, Python's default);
// control characters, which could end a line of the source, are escaped.
QByteArray pyString(const QString &text)
{
    QByteArray out = "\"";
    for (const char32_t c : text.toUcs4()) {
        switch (c) {
        case U'\\':
            out += "\\\\";
            continue;
        case U'"':
            out += "\\\"";
            continue;
        case U'\n':
            out += "\\n";
            continue;
        case U'\r':
            out += "\\r";
            continue;
        case U'\t':
            out += "\\t";
            continue;
        default:
            break;
        }
        const bool control = c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029
                             || (c >= 0xd800 && c <= 0xdfff);
        if (control)
            out += "\\u" + QByteArray::number(uint(c), 16).rightJustified(4, '0');
        else
            out += QString::fromUcs4(&c, 1).toUtf8();
    }
    return out + '"';
}

// Text for a comment: anything that would end the line becomes a space.
QByteArray commentText(const QString &text)
{
    QString line = text;
    for (QChar &c : line) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator)
            c = QLatin1Char(' ');
    }
    return line.toUtf8();
}

// A number as Python reads it back exactly: "5", "0.25", else all 17 digits.
QByteArray pyNumber(double value)
{
    const QString shortest = formatSeconds(value);
    if (shortest.toDouble() == value)
        return shortest.toUtf8();
    return QByteArray::number(value, 'g', 17);
}

QByteArray taskLine(const Task &task)
{
    const bool http = task.kind == TaskKind::Http;
    // A recorded slice replays as a sleep of its duration, as in the engine.
    const char *kind = http ? "http" : task.kind == TaskKind::Cpu ? "cpu" : "sleep";
    QByteArray line = QByteArray("    Task(\"") + kind + "\", " + pyNumber(task.duration) + ", "
                      + pyString(task.displayLabel());
    if (!http && !task.message().isNull())
        line += ", message=" + pyString(task.message());
    if (!task.gate().isEmpty())
        line += ", gate=" + pyString(task.gate());
    if (http) {
        line += ", url=" + pyString(task.url());
        if (task.timeout != Task().timeout)
            line += ", timeout=" + pyNumber(task.timeout);
        const int retries = std::min<int>(task.retries, ScenarioLimits::maxRetries);
        if (retries > 0)
            line += ", retries=" + QByteArray::number(retries);
        if (task.backoff() != Task::defaultBackoff)
            line += ", backoff=" + pyNumber(task.backoff());
    }
    return line + "),";
}

QByteArray gatesDict(const QList<Gate> &gates)
{
    QByteArrayList items;
    for (const Gate &g : gates)
        items << pyString(g.name) + ": " + QByteArray::number(g.limit);
    return '{' + items.join(", ") + '}';
}

QByteArray serverDict(const ServerModel &server)
{
    return "{\"capacity\": " + pyNumber(std::max(0.0, server.capacity))
           + ", \"max_in_flight\": " + QByteArray::number(std::max(0, server.maxInFlight))
           + ", \"latency\": " + pyNumber(std::max(0.0, server.latency)) + '}';
}

// How the header tells the reader to run it: quoted for the shell when it needs to be.
QByteArray shellWord(const QString &fileName)
{
    const bool plain =
            !fileName.isEmpty() && std::all_of(fileName.cbegin(), fileName.cend(), [](QChar c) {
                return c.isLetterOrNumber() || QStringView(u"._-+,@%/").contains(c);
            });
    if (plain)
        return commentText(fileName);
    QString quoted = fileName;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return commentText(QLatin1Char('\'') + quoted + QLatin1Char('\''));
}

QByteArray notes(const Scenario &scenario)
{
    if (scenario.options.admission != Admission::InTask)
        return {};
    return "#\n# TaskLanes runs this scenario with in-task admission: a task that waits for its "
           "permit holds\n# a pool thread. An asyncio task waits without a thread, so here the "
           "tasks are admitted in\n# FIFO order, as with TaskLanes' fifo admission.\n";
}

// The parts of the template a scenario needs, by the names of its ##if lines.
QSet<QByteArray> features(const Scenario &scenario)
{
    const RunOptions &o = scenario.options;
    QSet<QByteArray> on;
    bool sleeps = false;
    for (const Task &t : scenario.tasks) {
        switch (t.kind) {
        case TaskKind::Cpu:
            on << "cpu";
            break;
        case TaskKind::Http:
            on << "http";
            if (LocalEndpoint::isLocal(t.url()))
                on << "local";
            break;
        case TaskKind::Sleep:
        case TaskKind::Trace:
            sleeps = true;
            break;
        }
    }
    if (o.isLimited())
        on << "limit";
    if (o.hasGates())
        on << "gates";
    if (o.isLimited() || o.hasGates())
        on << "permits";
    if (sleeps && o.poolLimits(scenario.tasks.size()))
        on << "pool";
    if (on.contains("http") || on.contains("pool"))
        on << "threads";
    if (on.contains("threads") || on.contains("cpu"))
        on << "workers";
    return on;
}

// The line with each @KEY@ replaced by its value, in one pass: a value (a label, say) that holds
// "@POOL@" stays as it is.
QByteArray substitute(const QByteArray &line, const QHash<QByteArray, QByteArray> &values)
{
    QByteArray out;
    qsizetype from = 0;
    for (;;) {
        const qsizetype open = line.indexOf('@', from);
        const qsizetype close = open < 0 ? -1 : line.indexOf('@', open + 1);
        if (close < 0)
            return out + line.mid(from);
        const auto it = values.constFind(line.mid(open + 1, close - open - 1));
        if (it == values.cend()) {
            out += line.mid(from, close - from); // the second '@' may open a key
            from = close;
            continue;
        }
        out += line.mid(from, open - from) + it.value();
        from = close + 1;
    }
}

// Keeps the lines of the ##if/##elif/##else/##endif blocks whose feature is on (blocks nest) and
// replaces each @KEY@ in them.
QByteArray expand(const QByteArray &text, const QSet<QByteArray> &on,
                  const QHash<QByteArray, QByteArray> &values)
{
    struct Block
    {
        bool parentActive;
        bool taken; // a branch of this block was kept
        bool active;
    };
    QList<Block> blocks;
    const auto active = [&blocks] { return blocks.isEmpty() || blocks.constLast().active; };
    QByteArray out;
    out.reserve(text.size() + values.value("TASKS").size());
    const QByteArrayList lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.startsWith("##")) {
            const QByteArray name = line.mid(line.indexOf(' ') + 1).trimmed();
            if (line.startsWith("##if ")) {
                const bool keep = active() && on.contains(name);
                blocks.append({active(), keep, keep});
            } else if (line.startsWith("##elif ") && !blocks.isEmpty()) {
                Block &b = blocks.last();
                b.active = b.parentActive && !b.taken && on.contains(name);
                b.taken = b.taken || b.active;
            } else if (line.startsWith("##else") && !blocks.isEmpty()) {
                Block &b = blocks.last();
                b.active = b.parentActive && !b.taken;
                b.taken = true;
            } else if (line.startsWith("##endif") && !blocks.isEmpty()) {
                blocks.removeLast();
            } else {
                qFatal("scenario.py.in, line %lld: bad directive", qlonglong(i + 1));
            }
            continue;
        }
        if (!active())
            continue;
        out += substitute(line, values);
        if (i + 1 < lines.size())
            out += '\n';
    }
    Q_ASSERT(blocks.isEmpty());
    return out;
}

} // namespace

QByteArray PythonExport::program(const Scenario &scenario, const QString &fileName)
{
    QFile file(QStringLiteral(":/python/scenario.py.in"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("scenario.py.in missing from resources");
    RunOptions options = scenario.options;
    options.origin = RunOrigin::Ran;
    const qsizetype n = scenario.tasks.size();
    QByteArrayList tasks;
    tasks.reserve(n);
    for (const Task &t : scenario.tasks)
        tasks << taskLine(t);
    const QHash<QByteArray, QByteArray> values = {
            {"NAME", commentText(scenario.name)},
            {"SUMMARY",
             commentText((n == 1 ? QStringLiteral("1 task, ") : QStringLiteral("%1 tasks, ").arg(n))
                         + options.plainPoolText(n))},
            {"NOTES", notes(scenario)},
            {"FILE", shellWord(fileName)},
            {"TIME_SCALE", pyNumber(options.timeScale)},
            {"LIMIT", QByteArray::number(options.limit)},
            {"GATES", gatesDict(options.gates)},
            {"POOL", QByteArray::number(options.effectiveThreads(n))},
            {"SEED", QByteArray::number(options.seed)},
            {"SERVER", serverDict(options.server)},
            {"TASKS", tasks.join('\n')},
    };
    return expand(file.readAll(), features(scenario), values);
}

bool PythonExport::save(const QString &path, const Scenario &scenario, QString *error)
{
    Scenario named = scenario;
    if (named.name.isEmpty())
        named.name = QFileInfo(path).completeBaseName();
    const QByteArray data = program(named, QFileInfo(path).fileName());
    return writeFileSafely(
            path, [&data](QIODevice &d) { return writeAll(d, data); }, error);
}
