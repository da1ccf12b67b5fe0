#include "scenario.h"

#include "hugepages.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace {

// For ScenarioParser:: functions, where lupdate takes the context from the namespace; the free
// functions below spell it out, as lupdate cannot see what context a wrapper would give them.
QString tr(const char *text)
{
    return QCoreApplication::translate("ScenarioParser", text);
}

// Long or hostile input must not turn into a 10 MB error message.
QString quoted(QStringView text)
{
    constexpr qsizetype maxShown = 24;
    QString shown = text.size() > maxShown ? text.left(maxShown).toString() + QStringLiteral("...")
                                           : text.toString();
    return QLatin1Char('"') + shown + QLatin1Char('"');
}

// No sensible number is longer; QStringView::toDouble takes about a second on 10 MB of digits.
constexpr qsizetype maxNumberLength = 64;

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

// Strict decimal syntax: digits with an optional fraction and exponent. Rejects hex, "nan",
// "inf", locale forms and anything QString::toDouble would accept loosely.
bool isDecimalNumber(QStringView s)
{
    qsizetype i = 0;
    if (i < s.size() && (s[i] == QLatin1Char('+') || s[i] == QLatin1Char('-')))
        ++i;
    qsizetype digits = 0;
    while (i < s.size() && isAsciiDigit(s[i])) {
        ++i;
        ++digits;
    }
    if (i < s.size() && s[i] == QLatin1Char('.')) {
        ++i;
        while (i < s.size() && isAsciiDigit(s[i])) {
            ++i;
            ++digits;
        }
    }
    if (digits == 0)
        return false;
    if (i < s.size() && (s[i] == QLatin1Char('e') || s[i] == QLatin1Char('E'))) {
        ++i;
        if (i < s.size() && (s[i] == QLatin1Char('+') || s[i] == QLatin1Char('-')))
            ++i;
        qsizetype expDigits = 0;
        while (i < s.size() && isAsciiDigit(s[i])) {
            ++i;
            ++expDigits;
        }
        if (expDigits == 0)
            return false;
    }
    return i == s.size();
}

// Explains why a non-number is not one, when there is a more useful reason than "not a number".
QString notANumberReason(QStringView item)
{
    // Only a short prefix matters here; lower-casing a 10 MB item costs most of a second.
    const QString lower = item.left(16).toString().toLower();
    if (lower == u"nan" || lower == u"inf" || lower == u"+inf" || lower == u"-inf"
        || lower == u"infinity")
        return QCoreApplication::translate("ScenarioParser", "is not a finite number");
    if (lower.startsWith(u"0x") || lower.startsWith(u"-0x"))
        return QCoreApplication::translate("ScenarioParser",
                                           "is not a decimal number (hexadecimal is not accepted)");
    for (QChar c : item) {
        if (c.isDigit() && !isAsciiDigit(c))
            return QCoreApplication::translate("ScenarioParser",
                                               "contains non-ASCII digits (use 0-9)");
        if (c == QChar(0xFF0C) || c == QChar(0x3001) || c == QChar(0xFE50))
            return QCoreApplication::translate("ScenarioParser",
                                               "contains a full-width comma (use \",\")");
        if (c == QChar(0xFF0E))
            return QCoreApplication::translate("ScenarioParser",
                                               "contains a full-width period (use \".\")");
    }
    return QCoreApplication::translate("ScenarioParser", "is not a number");
}

std::optional<qint64> parseInteger(QStringView text, QString *error, const QString &what)
{
    const QStringView t = text.trimmed();
    if (t.isEmpty()) {
        *error = QCoreApplication::translate("ScenarioParser", "%1 is empty").arg(what);
        return std::nullopt;
    }
    qsizetype i = (t[0] == QLatin1Char('+') || t[0] == QLatin1Char('-')) ? 1 : 0;
    bool digitsOnly = i < t.size();
    for (qsizetype k = i; k < t.size(); ++k)
        digitsOnly = digitsOnly && isAsciiDigit(t[k]);
    if (!digitsOnly) {
        *error = QCoreApplication::translate("ScenarioParser", "%1 %2 is not a whole number")
                         .arg(what, quoted(t));
        return std::nullopt;
    }
    bool ok = false;
    const qint64 value = t.size() > 12 ? 0 : t.toLongLong(&ok);
    if (!ok) {
        *error = QCoreApplication::translate("ScenarioParser", "%1 %2 is too large")
                         .arg(what, quoted(t));
        return std::nullopt;
    }
    return value;
}

} // namespace

QString taskKindName(TaskKind kind)
{
    switch (kind) {
    case TaskKind::Sleep:
        return QStringLiteral("sleep");
    case TaskKind::Cpu:
        return QStringLiteral("cpu");
    case TaskKind::Http:
        return QStringLiteral("http");
    case TaskKind::Trace:
        return QStringLiteral("trace");
    }
    return QString();
}

std::optional<TaskKind> taskKindFromName(QStringView name)
{
    for (TaskKind kind : {TaskKind::Sleep, TaskKind::Cpu, TaskKind::Http, TaskKind::Trace}) {
        if (name == taskKindName(kind))
            return kind;
    }
    return std::nullopt;
}

const QString &Task::nullText()
{
    static const QString null;
    return null;
}

Task::Text &Task::text()
{
    if (!m_text)
        m_text = new Text;
    return *m_text; // detaches a block shared with a copy
}

void Task::setLabel(const QString &label)
{
    if (m_text || !label.isNull())
        text().label = label;
}

void Task::setMessage(const QString &message)
{
    if (m_text || !message.isNull())
        text().message = message;
}

void Task::setUrl(const QString &url)
{
    if (m_text || !url.isNull())
        text().url = url;
}

void Task::setBackoff(double seconds)
{
    if (m_text || seconds != defaultBackoff)
        text().backoff = seconds;
}

bool Task::isServerWork() const
{
    if (kind != TaskKind::Http)
        return false;
    const QString &u = url();
    return u == u"local:/work" || u.startsWith(u"local:/work?");
}

void Task::setGate(const QString &gate)
{
    if (m_text || !gate.isNull())
        text().gate = gate;
}

QString admissionName(Admission admission)
{
    return admission == Admission::InTask ? QStringLiteral("in-task") : QStringLiteral("fifo");
}

std::optional<Admission> admissionFromName(QStringView name)
{
    for (Admission a : {Admission::Fifo, Admission::InTask}) {
        if (name == admissionName(a))
            return a;
    }
    return std::nullopt;
}

QString Task::displayLabel() const
{
    if (!label().isEmpty())
        return label();
    if (kind == TaskKind::Http)
        return QStringLiteral("GET ") + url();
    if (kind == TaskKind::Cpu)
        return QStringLiteral("cpu ") + formatSeconds(duration) + QStringLiteral(" s");
    return formatSeconds(duration) + QStringLiteral(" s");
}

int RunOptions::gateIndex(QStringView name) const
{
    for (qsizetype g = 0; g < gates.size(); ++g) {
        if (gates.at(g).name == name)
            return int(g);
    }
    return -1;
}

int RunOptions::effectiveThreads(qsizetype taskCount) const
{
    const int tasks = int(std::clamp<qsizetype>(taskCount, 1, ScenarioLimits::maxTasks));
    if (threads > 0)
        return threads;
    return std::min(tasks, ScenarioLimits::autoUnlimitedThreads);
}

int RunOptions::slotCount(qsizetype taskCount) const
{
    const int pool = effectiveThreads(taskCount);
    return isLimited() ? std::min(limit, pool) : pool;
}

bool RunOptions::poolLimits(qsizetype taskCount) const
{
    return effectiveThreads(taskCount) < taskCount;
}

RunOptions RunOptions::unlimited() const
{
    RunOptions o = *this;
    o.limit = 0;
    o.gates.clear();
    return o;
}

QString RunOptions::runName() const
{
    if (origin == RunOrigin::Recorded)
        return QStringLiteral("recorded");
    if (origin == RunOrigin::WhatIf)
        return QStringLiteral("what-if-limit-%1").arg(limit);
    if (isLimited())
        return QStringLiteral("limit-%1").arg(limit);
    return hasGates() ? QStringLiteral("gated") : QStringLiteral("unlimited");
}

namespace {
const char *const limitedName = QT_TRANSLATE_NOOP("RunOptions", "limit %1");
const char *const unlimitedName = QT_TRANSLATE_NOOP("RunOptions", "unlimited");
const char *const gatedName = QT_TRANSLATE_NOOP("RunOptions", "gated");
const char *const recordedName = QT_TRANSLATE_NOOP("RunOptions", "recorded");
const char *const whatIfName = QT_TRANSLATE_NOOP("RunOptions", "what-if limit %1");

QString gatesText(const QList<Gate> &gates)
{
    QStringList parts;
    for (const Gate &g : gates)
        parts << g.name + QLatin1Char(' ') + QString::number(g.limit);
    return parts.join(QStringLiteral(", "));
}
} // namespace

QString RunOptions::plainName() const
{
    if (origin == RunOrigin::Recorded)
        return QString::fromLatin1(recordedName);
    if (origin == RunOrigin::WhatIf)
        return QString::fromLatin1(whatIfName).arg(limit);
    if (isLimited())
        return QString::fromLatin1(limitedName).arg(limit);
    return QString::fromLatin1(hasGates() ? gatedName : unlimitedName);
}

QString RunOptions::displayName() const
{
    if (origin == RunOrigin::Recorded)
        return QCoreApplication::translate("RunOptions", recordedName);
    if (origin == RunOrigin::WhatIf)
        return QCoreApplication::translate("RunOptions", whatIfName).arg(limit);
    if (isLimited())
        return QCoreApplication::translate("RunOptions", limitedName).arg(limit);
    return QCoreApplication::translate("RunOptions", hasGates() ? gatedName : unlimitedName);
}

QString RunOptions::plainPoolText(qsizetype taskCount) const
{
    const int pool = effectiveThreads(taskCount);
    if (origin == RunOrigin::Recorded)
        return pool == 1 ? QStringLiteral("recorded on 1 thread")
                         : QStringLiteral("recorded on %1 threads").arg(pool);
    if (origin == RunOrigin::WhatIf)
        return QStringLiteral("%1: recorded durations, FIFO in recorded start order")
                .arg(plainName());
    QString text =
            pool == 1 ? QStringLiteral("%1 on a pool of 1 thread").arg(plainName())
                      : QStringLiteral("%1 on a pool of %2 threads").arg(plainName()).arg(pool);
    if (admission != Admission::Fifo)
        text += QStringLiteral(", %1 admission").arg(admissionName(admission));
    if (hasGates())
        text += QStringLiteral(", gates ") + gatesText(gates);
    return text;
}

QString RunOptions::poolText(qsizetype taskCount) const
{
    const int pool = effectiveThreads(taskCount);
    // Neither ran on a pool of ours: a recording's lanes are its threads, a what-if has no pool.
    if (origin == RunOrigin::Recorded)
        return pool == 1 ? QCoreApplication::translate("RunOptions", "recorded on 1 thread")
                         : QCoreApplication::translate("RunOptions", "recorded on %1 threads")
                                   .arg(pool);
    if (origin == RunOrigin::WhatIf)
        return QCoreApplication::translate("RunOptions",
                                           "%1: recorded durations, FIFO in recorded start order")
                .arg(displayName());
    QString text = pool == 1
                           ? QCoreApplication::translate("RunOptions", "%1 on a pool of 1 thread")
                                     .arg(displayName())
                           : QCoreApplication::translate("RunOptions", "%1 on a pool of %2 threads")
                                     .arg(displayName())
                                     .arg(pool);
    if (admission != Admission::Fifo)
        text += QCoreApplication::translate("RunOptions", ", %1 admission")
                        .arg(admissionName(admission));
    if (hasGates())
        text += QCoreApplication::translate("RunOptions", ", gates %1").arg(gatesText(gates));
    if (poolLimits(taskCount)) {
        QString bound;
        if (isLimited() && limit < pool)
            bound = admission == Admission::InTask
                            ? QCoreApplication::translate("RunOptions",
                                                          "tasks waited for a thread, then for "
                                                          "a permit, and the permit bound")
                            : QCoreApplication::translate("RunOptions",
                                                          "the permit bound the waits");
        else
            bound = QCoreApplication::translate("RunOptions", "the threads bound the waits");
        text += QCoreApplication::translate("RunOptions",
                                            "; the pool is a limit too (%1 tasks): %2")
                        .arg(taskCount)
                        .arg(bound);
    }
    return text;
}

std::optional<QList<Task>> ScenarioParser::parseDurations(QStringView text, QString *error)
{
    Q_ASSERT(error);
    if (text.trimmed().isEmpty()) {
        *error = tr("no durations given (expected a list like 5,1,8,3,4)");
        return std::nullopt;
    }
    // Count first, so that a 10 MB argument fails fast instead of allocating millions of tasks.
    const qsizetype items = text.count(QLatin1Char(',')) + 1;
    if (items > ScenarioLimits::maxTasks) {
        *error = tr("too many tasks: %1 (at most %2)")
                         .arg(QString::number(items), QString::number(ScenarioLimits::maxTasks));
        return std::nullopt;
    }

    QList<Task> tasks = HugePages::makeList<Task>(items);
    qsizetype position = 0;
    for (QStringView raw : text.tokenize(QLatin1Char(','))) {
        ++position;
        const QStringView item = raw.trimmed();
        // Built only on the error path: a million items must not cost a million tr() calls.
        const auto where = [position] { return tr("item %1").arg(position); };
        if (item.isEmpty()) {
            *error = tr("%1 is empty").arg(where());
            return std::nullopt;
        }
        if (!isDecimalNumber(item)) {
            *error = where() + QLatin1Char(' ') + quoted(item) + QLatin1Char(' ')
                     + notANumberReason(item);
            return std::nullopt;
        }
        if (item.size() > maxNumberLength) {
            *error = tr("%1 %2 is too long (at most %3 characters)")
                             .arg(where(), quoted(item), QString::number(maxNumberLength));
            return std::nullopt;
        }
        bool ok = false;
        const double value = item.toDouble(&ok);
        if (!ok || !std::isfinite(value)) {
            *error =
                    tr("%1 %2 is too large (at most %3 s)")
                            .arg(where(), quoted(item), formatSeconds(ScenarioLimits::maxDuration));
            return std::nullopt;
        }
        if (value < 0 || item.startsWith(QLatin1Char('-'))) {
            *error = tr("%1 %2 is negative").arg(where(), quoted(item));
            return std::nullopt;
        }
        if (value > ScenarioLimits::maxDuration) {
            *error =
                    tr("%1 %2 is too large (at most %3 s)")
                            .arg(where(), quoted(item), formatSeconds(ScenarioLimits::maxDuration));
            return std::nullopt;
        }
        Task task;
        task.kind = TaskKind::Sleep;
        task.duration = value;
        tasks.append(std::move(task));
    }
    return tasks;
}

std::optional<QString> ScenarioParser::durationsArgumentText(const QString &argument,
                                                             QString *error)
{
    Q_ASSERT(error);
    if (!argument.startsWith(QLatin1Char('@')))
        return argument;
    // The messages keep the context they were translated in when only the CLI read files.
    if (argument.size() == 1) {
        *error = QCoreApplication::translate("CliRunner", "%1 needs a file name")
                         .arg(QStringLiteral("--durations @"));
        return std::nullopt;
    }
    QFile file(argument.mid(1));
    const bool folder = QFileInfo(file.fileName()).isDir();
    if (folder || !file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("CliRunner", "--durations: cannot read \"%1\": %2")
                         .arg(file.fileName(),
                              folder ? QCoreApplication::translate("CliRunner", "it is a folder")
                                     : file.errorString());
        return std::nullopt;
    }
    // Bounded read: a device such as /dev/zero has no size and never ends.
    constexpr qint64 maxListBytes = 64 * 1024 * 1024;
    const QByteArray bytes =
            file.size() > maxListBytes ? QByteArray() : file.read(maxListBytes + 1);
    if (file.size() > maxListBytes || bytes.size() > maxListBytes) {
        *error = QCoreApplication::translate("CliRunner",
                                             "--durations: \"%1\" is too large (at most %2 bytes)")
                         .arg(file.fileName(), QString::number(maxListBytes));
        return std::nullopt;
    }
    return QString::fromUtf8(bytes);
}

std::optional<int> ScenarioParser::parseLimit(QStringView text, QString *error)
{
    const auto value = parseInteger(text, error, tr("limit"));
    if (!value)
        return std::nullopt;
    if (*value < 1 || *value > ScenarioLimits::maxLimit) {
        *error = tr("limit %1 is out of range (1 to %2)")
                         .arg(quoted(text.trimmed()), QString::number(ScenarioLimits::maxLimit));
        return std::nullopt;
    }
    return int(*value);
}

std::optional<int> ScenarioParser::parseThreads(QStringView text, QString *error)
{
    const auto value = parseInteger(text, error, tr("threads"));
    if (!value)
        return std::nullopt;
    if (*value < 1 || *value > ScenarioLimits::maxThreads) {
        *error = tr("threads %1 is out of range (1 to %2)")
                         .arg(quoted(text.trimmed()), QString::number(ScenarioLimits::maxThreads));
        return std::nullopt;
    }
    return int(*value);
}

std::optional<Admission> ScenarioParser::parseAdmission(QStringView text, QString *error)
{
    const auto admission = admissionFromName(text.trimmed());
    if (!admission)
        *error = tr("admission %1 is not fifo or in-task").arg(quoted(text));
    return admission;
}

bool ScenarioParser::isValidGateName(QStringView name, QString *error)
{
    if (name.isEmpty()) {
        *error = tr("a gate name is empty");
        return false;
    }
    if (name.size() > ScenarioLimits::maxGateNameLength) {
        *error = tr("gate name %1 is too long (%2 characters, at most %3)")
                         .arg(quoted(name), QString::number(name.size()),
                              QString::number(ScenarioLimits::maxGateNameLength));
        return false;
    }
    for (QChar c : name) {
        if (c.category() == QChar::Other_Control || c == QLatin1Char('=')
            || c == QLatin1Char(',')) {
            *error = tr("gate name %1 contains '=', ',' or a control character").arg(quoted(name));
            return false;
        }
    }
    return true;
}

std::optional<Gate> ScenarioParser::parseGate(QStringView text, QString *error)
{
    const qsizetype eq = text.lastIndexOf(QLatin1Char('='));
    if (eq < 0) {
        *error = tr("%1 is not NAME=N (for example cpu=2)").arg(quoted(text));
        return std::nullopt;
    }
    Gate gate;
    const QStringView name = text.left(eq).trimmed();
    if (!isValidGateName(name, error))
        return std::nullopt;
    gate.name = name.toString();
    const auto value = parseInteger(text.mid(eq + 1), error, tr("gate %1").arg(quoted(name)));
    if (!value)
        return std::nullopt;
    if (*value < 1 || *value > ScenarioLimits::maxLimit) {
        *error = tr("gate %1 limit %2 is out of range (1 to %3)")
                         .arg(quoted(name), quoted(text.mid(eq + 1).trimmed()),
                              QString::number(ScenarioLimits::maxLimit));
        return std::nullopt;
    }
    gate.limit = int(*value);
    return gate;
}

std::optional<double> ScenarioParser::parseTimeScale(QStringView text, QString *error)
{
    const QStringView t = text.trimmed();
    if (t.isEmpty()) {
        *error = tr("time scale is empty");
        return std::nullopt;
    }
    if (!isDecimalNumber(t)) {
        *error = tr("time scale %1 %2").arg(quoted(t), notANumberReason(t));
        return std::nullopt;
    }
    bool ok = false;
    const double value = t.size() > maxNumberLength ? 0.0 : t.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < ScenarioLimits::minTimeScale
        || value > ScenarioLimits::maxTimeScale) {
        *error = tr("time scale %1 is out of range (%2 to %3 real seconds per scenario second)")
                         .arg(quoted(t), formatSeconds(ScenarioLimits::minTimeScale),
                              formatSeconds(ScenarioLimits::maxTimeScale));
        return std::nullopt;
    }
    return value;
}

QString formatSeconds(double seconds)
{
    if (!std::isfinite(seconds))
        return QString::number(seconds);
    if (seconds == std::floor(seconds) && std::abs(seconds) < 1e15)
        return QString::number(qint64(seconds));
    QString text = QString::number(seconds, 'f', 6);
    while (text.endsWith(QLatin1Char('0')))
        text.chop(1);
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    if (text == u"-0")
        text = QStringLiteral("0");
    return text;
}
