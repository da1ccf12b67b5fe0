#include "scenariofile.h"

#include "safefile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>

namespace {

// For ScenarioFile:: functions, where lupdate takes the context from the namespace; the free
// functions below spell it out, as lupdate cannot see what context a wrapper would give them.
QString tr(const char *text)
{
    return QCoreApplication::translate("ScenarioFile", text);
}

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QCoreApplication::translate("ScenarioFile", "a boolean");
    case QJsonValue::Double:
        return QCoreApplication::translate("ScenarioFile", "a number");
    case QJsonValue::String:
        return QCoreApplication::translate("ScenarioFile", "a string");
    case QJsonValue::Array:
        return QCoreApplication::translate("ScenarioFile", "an array");
    case QJsonValue::Object:
        return QCoreApplication::translate("ScenarioFile", "an object");
    case QJsonValue::Undefined:
        break;
    }
    return QCoreApplication::translate("ScenarioFile", "missing");
}

// Reads an optional number field; false (and *error set) when present with a wrong type or value.
bool readNumber(const QJsonObject &o, const QString &key, const QString &where, double min,
                double max, std::optional<double> *out, QString *error)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull()) {
        *out = std::nullopt;
        return true;
    }
    if (!v.isDouble()) {
        *error = QCoreApplication::translate("ScenarioFile", "%1\"%2\" must be a number, not %3")
                         .arg(where, key, typeName(v));
        return false;
    }
    const double d = v.toDouble();
    if (!std::isfinite(d) || d < min || d > max) {
        *error = QCoreApplication::translate("ScenarioFile",
                                             "%1\"%2\" is %3, out of range (%4 to %5)")
                         .arg(where, key, QString::number(d), formatSeconds(min),
                              formatSeconds(max));
        return false;
    }
    *out = d;
    return true;
}

bool readString(const QJsonObject &o, const QString &key, const QString &where, QString *out,
                QString *error)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString()) {
        *error = QCoreApplication::translate("ScenarioFile", "%1\"%2\" must be a string, not %3")
                         .arg(where, key, typeName(v));
        return false;
    }
    *out = v.toString();
    return true;
}

std::optional<int> readCount(const QJsonObject &o, const QString &key, int max, QString *error)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return 0;
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d != std::floor(d) || d < 1 || d > max) {
        *error = QCoreApplication::translate(
                         "ScenarioFile",
                         "\"%1\" must be null or a whole number from 1 to %2, not %3")
                         .arg(key, QString::number(max),
                              v.isDouble() ? QString::number(d) : typeName(v));
        return std::nullopt;
    }
    return int(d);
}

const QStringList &knownTopLevelKeys()
{
    static const QStringList keys = {
            QStringLiteral("version"), QStringLiteral("name"),       QStringLiteral("description"),
            QStringLiteral("limit"),   QStringLiteral("time_scale"), QStringLiteral("threads"),
            QStringLiteral("tasks"),   QStringLiteral("admission"),  QStringLiteral("gates"),
            QStringLiteral("server"),  QStringLiteral("seed")};
    return keys;
}

const QStringList &knownTaskKeys()
{
    static const QStringList keys = {
            QStringLiteral("kind"),    QStringLiteral("duration"), QStringLiteral("label"),
            QStringLiteral("message"), QStringLiteral("url"),      QStringLiteral("timeout"),
            QStringLiteral("gate"),    QStringLiteral("retries"),  QStringLiteral("backoff")};
    return keys;
}

// "gates": {"cpu": 2, "api": 4}; a size may be "cores", this machine's core count.
bool readGates(const QJsonObject &root, QList<Gate> *gates, QString *error)
{
    const QJsonValue v = root.value(QStringLiteral("gates"));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isObject()) {
        *error = QCoreApplication::translate("ScenarioFile", "\"gates\" must be an object such as "
                                                             "{\"cpu\": 2}, not %1")
                         .arg(typeName(v));
        return false;
    }
    const QJsonObject o = v.toObject();
    if (o.size() > ScenarioLimits::maxGates) {
        *error = QCoreApplication::translate("ScenarioFile", "too many gates: %1 (at most %2)")
                         .arg(QString::number(o.size()), QString::number(ScenarioLimits::maxGates));
        return false;
    }
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        QString why;
        if (!ScenarioParser::isValidGateName(it.key(), &why)) {
            *error = QStringLiteral("\"gates\": ") + why;
            return false;
        }
        const QJsonValue size = it.value();
        Gate gate;
        gate.name = it.key();
        if (size.isString() && size.toString() == u"cores") {
            gate.limit = std::max(1, QThread::idealThreadCount());
        } else {
            const double d = size.toDouble(-1);
            if (!size.isDouble() || d != std::floor(d) || d < 1 || d > ScenarioLimits::maxLimit) {
                *error = QCoreApplication::translate(
                                 "ScenarioFile",
                                 "gate \"%1\" must be a whole number from 1 to %2 or "
                                 "\"cores\", not %3")
                                 .arg(gate.name.left(ScenarioLimits::maxGateNameLength),
                                      QString::number(ScenarioLimits::maxLimit),
                                      size.isDouble() ? QString::number(d) : typeName(size));
                return false;
            }
            gate.limit = int(d);
        }
        gates->append(gate);
    }
    return true;
}

// "server": {"capacity": C, "max_in_flight": M, "latency": L}, each optional.
bool readServer(const QJsonObject &root, ServerModel *server, QString *error)
{
    const QJsonValue v = root.value(QStringLiteral("server"));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isObject()) {
        *error = QCoreApplication::translate("ScenarioFile",
                                             "\"server\" must be an object such as "
                                             "{\"capacity\": 4, \"max_in_flight\": 8}, not %1")
                         .arg(typeName(v));
        return false;
    }
    const QJsonObject o = v.toObject();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (it.key() != u"capacity" && it.key() != u"max_in_flight" && it.key() != u"latency") {
            *error = QCoreApplication::translate(
                             "ScenarioFile",
                             "\"server\": unknown field \"%1\" (capacity, max_in_flight, latency)")
                             .arg(it.key().left(64));
            return false;
        }
    }
    const QString where = QStringLiteral("\"server\": ");
    const QJsonValue capacity = o.value(QStringLiteral("capacity"));
    if (capacity.isDouble() && capacity.toDouble() <= 0) {
        *error = QCoreApplication::translate("ScenarioFile",
                                             "\"server\": \"capacity\" is %1, must be more than "
                                             "0 (leave it out or null for no limit)")
                         .arg(QString::number(capacity.toDouble()));
        return false;
    }
    std::optional<double> c, latency;
    if (!readNumber(o, QStringLiteral("capacity"), where, 0, ScenarioLimits::maxServerCapacity, &c,
                    error)
        || !readNumber(o, QStringLiteral("latency"), where, 0, ScenarioLimits::maxDuration,
                       &latency, error))
        return false;
    const QJsonValue m = o.value(QStringLiteral("max_in_flight"));
    if (!m.isUndefined() && !m.isNull()) {
        const double d = m.toDouble(-1);
        if (!m.isDouble() || d != std::floor(d) || d < 1 || d > ScenarioLimits::maxServerInFlight) {
            *error = QCoreApplication::translate(
                             "ScenarioFile",
                             "\"server\": \"max_in_flight\" must be null or a whole number "
                             "from 1 to %1, not %2")
                             .arg(QString::number(ScenarioLimits::maxServerInFlight),
                                  m.isDouble() ? QString::number(m.toDouble()) : typeName(m));
            return false;
        }
        server->maxInFlight = int(d);
    }
    server->capacity = c.value_or(0.0);
    server->latency = latency.value_or(0.0);
    return true;
}

// "seed": a whole number from 0 to 2^32 - 1 (the retries' jitter).
bool readSeed(const QJsonObject &root, quint32 *seed, QString *error)
{
    const QJsonValue v = root.value(QStringLiteral("seed"));
    if (v.isUndefined() || v.isNull())
        return true;
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d != std::floor(d) || d < 0 || d > 4294967295.0) {
        *error = QCoreApplication::translate(
                         "ScenarioFile",
                         "\"seed\" must be a whole number from 0 to 4294967295, not %1")
                         .arg(v.isDouble() ? QString::number(d, 'g', 17) : typeName(v));
        return false;
    }
    *seed = quint32(d);
    return true;
}

// The service time s of a "local:/work?s=S" URL, or nothing and *error naming the value.
std::optional<double> workSeconds(const QString &url, const QString &where, QString *error)
{
    const QUrlQuery query(QUrl(url.mid(6)));
    const QString text = query.queryItemValue(QStringLiteral("s"), QUrl::FullyDecoded);
    bool ok = false;
    const double s = text.toDouble(&ok);
    if (!query.hasQueryItem(QStringLiteral("s")) || !ok || !std::isfinite(s) || s < 0
        || s > ScenarioLimits::maxDuration) {
        *error = where
                 + QCoreApplication::translate("ScenarioFile",
                                               "\"url\" \"%1\": s=%2 is not a service time in "
                                               "seconds (0 to %3)")
                           .arg(url.left(200),
                                query.hasQueryItem(QStringLiteral("s"))
                                        ? text.left(32)
                                        : QCoreApplication::translate("ScenarioFile", "(missing)"),
                                formatSeconds(ScenarioLimits::maxDuration));
        return std::nullopt;
    }
    return s;
}

} // namespace

std::optional<ScenarioFile::Loaded> ScenarioFile::parse(const QByteArray &json, QString *error)
{
    Q_ASSERT(error);
    if (json.size() > maxFileBytes) {
        *error = tr("the file is too large (%1 bytes, at most %2)")
                         .arg(QString::number(json.size()), QString::number(maxFileBytes));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("not valid JSON at byte %1: %2")
                         .arg(QString::number(parseError.offset), parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = tr("the top level must be an object with \"version\" and \"tasks\"");
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble()) {
        *error = tr("\"version\" must be the number %1, not %2")
                         .arg(QString::number(currentVersion), typeName(version));
        return std::nullopt;
    }
    if (version.toDouble() != currentVersion) {
        *error = tr("unsupported version %1 (this TaskLanes reads version %2)")
                         .arg(QString::number(version.toDouble()), QString::number(currentVersion));
        return std::nullopt;
    }
    // A misspelt option ("limt") must not silently run the scenario without it.
    for (auto it = root.constBegin(); it != root.constEnd(); ++it) {
        if (!knownTopLevelKeys().contains(it.key())) {
            *error = tr("unknown field \"%1\"").arg(it.key());
            return std::nullopt;
        }
    }
    Loaded loaded;
    Scenario &s = loaded.scenario;
    if (!readString(root, QStringLiteral("name"), QString(), &s.name, error)
        || !readString(root, QStringLiteral("description"), QString(), &loaded.description, error))
        return std::nullopt;
    const auto limit = readCount(root, QStringLiteral("limit"), ScenarioLimits::maxLimit, error);
    if (!limit)
        return std::nullopt;
    s.options.limit = *limit;
    const auto threads =
            readCount(root, QStringLiteral("threads"), ScenarioLimits::maxThreads, error);
    if (!threads)
        return std::nullopt;
    s.options.threads = *threads;
    std::optional<double> scale;
    if (!readNumber(root, QStringLiteral("time_scale"), QString(), ScenarioLimits::minTimeScale,
                    ScenarioLimits::maxTimeScale, &scale, error))
        return std::nullopt;
    s.options.timeScale = scale.value_or(1.0);
    const QJsonValue admission = root.value(QStringLiteral("admission"));
    if (!admission.isUndefined() && !admission.isNull()) {
        const auto a =
                admission.isString() ? admissionFromName(admission.toString()) : std::nullopt;
        if (!a) {
            *error = tr("\"admission\" must be \"fifo\" or \"in-task\", not %1")
                             .arg(admission.isString()
                                          ? QLatin1Char('"') + admission.toString().left(24)
                                                    + QLatin1Char('"')
                                  : admission.isDouble() ? QString::number(admission.toDouble())
                                                         : typeName(admission));
            return std::nullopt;
        }
        s.options.admission = *a;
    }
    if (!readGates(root, &s.options.gates, error) || !readServer(root, &s.options.server, error)
        || !readSeed(root, &s.options.seed, error))
        return std::nullopt;

    const QJsonValue tasksValue = root.value(QStringLiteral("tasks"));
    if (!tasksValue.isArray()) {
        *error = tr("\"tasks\" must be an array, not %1").arg(typeName(tasksValue));
        return std::nullopt;
    }
    const QJsonArray tasks = tasksValue.toArray();
    if (tasks.isEmpty()) {
        *error = tr("\"tasks\" is empty");
        return std::nullopt;
    }
    if (tasks.size() > ScenarioLimits::maxTasks) {
        *error = tr("too many tasks: %1 (at most %2)")
                         .arg(QString::number(tasks.size()),
                              QString::number(ScenarioLimits::maxTasks));
        return std::nullopt;
    }
    s.tasks.reserve(tasks.size());
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        const QString where = tr("task %1: ").arg(i + 1);
        if (!tasks.at(i).isObject()) {
            *error = where + tr("must be an object, not %1").arg(typeName(tasks.at(i)));
            return std::nullopt;
        }
        const QJsonObject o = tasks.at(i).toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (!knownTaskKeys().contains(it.key())) {
                *error = where + tr("unknown field \"%1\"").arg(it.key());
                return std::nullopt;
            }
        }
        Task t;
        QString kindName;
        if (!readString(o, QStringLiteral("kind"), where, &kindName, error))
            return std::nullopt;
        if (kindName.isEmpty()) {
            *error = where + tr("\"kind\" is missing (sleep, cpu or http)");
            return std::nullopt;
        }
        const auto kind = taskKindFromName(kindName);
        if (!kind) {
            *error = where + tr("unknown kind \"%1\" (sleep, cpu or http)").arg(kindName);
            return std::nullopt;
        }
        t.kind = *kind;
        std::optional<double> duration;
        std::optional<double> timeout;
        QString label;
        QString message;
        QString urlText;
        QString gateName;
        if (!readString(o, QStringLiteral("gate"), where, &gateName, error))
            return std::nullopt;
        if (!gateName.isEmpty() && s.options.gateIndex(gateName) < 0) {
            *error = where
                     + tr("unknown gate \"%1\" (not in \"gates\")")
                               .arg(gateName.left(ScenarioLimits::maxGateNameLength));
            return std::nullopt;
        }
        t.setGate(gateName);
        if (!readNumber(o, QStringLiteral("duration"), where, 0, ScenarioLimits::maxDuration,
                        &duration, error)
            || !readNumber(o, QStringLiteral("timeout"), where, 0.001, ScenarioLimits::maxDuration,
                           &timeout, error)
            || !readString(o, QStringLiteral("label"), where, &label, error)
            || !readString(o, QStringLiteral("message"), where, &message, error)
            || !readString(o, QStringLiteral("url"), where, &urlText, error))
            return std::nullopt;
        t.setLabel(label);
        t.setMessage(message);
        t.setUrl(urlText);
        if (t.kind == TaskKind::Http) {
            if (t.url().isEmpty()) {
                *error = where + tr("\"url\" is missing (an http task needs one)");
                return std::nullopt;
            }
            const QUrl url(t.url().startsWith(u"local:") ? t.url().mid(6) : t.url());
            const bool local = t.url().startsWith(u"local:/");
            if (!local
                && (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")
                    || url.host().isEmpty())) {
                *error = where
                         + tr("\"url\" \"%1\" is not an http(s) URL or local:/path").arg(t.url());
                return std::nullopt;
            }
            t.timeout = timeout.value_or(10.0);
            t.duration = duration.value_or(0.0);
            if (t.isServerWork()) {
                const auto work = workSeconds(t.url(), where, error);
                if (!work)
                    return std::nullopt;
                if (duration && *duration != *work) {
                    *error = where
                             + tr("\"duration\" %1 differs from the service time s=%2 of "
                                  "local:/work")
                                       .arg(QString::number(*duration), QString::number(*work));
                    return std::nullopt;
                }
                t.duration = *work;
            }
            const QJsonValue retries = o.value(QStringLiteral("retries"));
            if (!retries.isUndefined() && !retries.isNull()) {
                const double r = retries.toDouble(-1);
                if (!retries.isDouble() || r != std::floor(r) || r < 0) {
                    *error = where
                             + tr("\"retries\" must be a whole number from 0 to %1, not %2")
                                       .arg(QString::number(ScenarioLimits::maxRetries),
                                            retries.isDouble() ? QString::number(r)
                                                               : typeName(retries));
                    return std::nullopt;
                }
                // More than the cap is capped, as the prediction does: "retries": 1000 means
                // "keep trying", not a mistake.
                t.retries = quint8(std::min(r, double(ScenarioLimits::maxRetries)));
            }
            std::optional<double> backoff;
            if (!readNumber(o, QStringLiteral("backoff"), where, 0, ScenarioLimits::maxBackoff,
                            &backoff, error))
                return std::nullopt;
            if (backoff)
                t.setBackoff(*backoff);
        } else {
            for (const QString &key : {QStringLiteral("retries"), QStringLiteral("backoff")}) {
                if (o.contains(key)) {
                    *error = where
                             + tr("\"%1\" is only for http tasks (this one is %2)")
                                       .arg(key, taskKindName(t.kind));
                    return std::nullopt;
                }
            }
            if (!duration) {
                *error = where + tr("\"duration\" is missing");
                return std::nullopt;
            }
            t.duration = *duration;
        }
        s.tasks.append(std::move(t));
    }
    return loaded;
}

std::optional<ScenarioFile::Loaded> ScenarioFile::load(const QString &path, QString *error)
{
    QFile file(path);
    const QFileInfo info(path);
    if (info.isDir()) {
        *error = tr("\"%1\" is a folder").arg(path);
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot open \"%1\": %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (info.isFile() && file.size() > maxFileBytes) {
        *error = tr("\"%1\" is too large (%2 bytes, at most %3)")
                         .arg(path, QString::number(file.size()), QString::number(maxFileBytes));
        return std::nullopt;
    }
    const QByteArray data = file.read(maxFileBytes + 1);
    auto loaded = parse(data, error);
    if (!loaded)
        *error = QStringLiteral("%1: %2").arg(path, *error);
    return loaded;
}

QByteArray ScenarioFile::serialize(const Scenario &scenario, const QString &description)
{
    QJsonObject root;
    root.insert(QStringLiteral("version"), currentVersion);
    if (!scenario.name.isEmpty())
        root.insert(QStringLiteral("name"), scenario.name);
    if (!description.isEmpty())
        root.insert(QStringLiteral("description"), description);
    root.insert(QStringLiteral("limit"),
                scenario.options.isLimited() ? QJsonValue(scenario.options.limit) : QJsonValue());
    root.insert(QStringLiteral("time_scale"), scenario.options.timeScale);
    if (scenario.options.threads > 0)
        root.insert(QStringLiteral("threads"), scenario.options.threads);
    if (scenario.options.admission != Admission::Fifo)
        root.insert(QStringLiteral("admission"), admissionName(scenario.options.admission));
    const ServerModel &server = scenario.options.server;
    if (!server.isDefault()) {
        QJsonObject o;
        if (server.capacity > 0)
            o.insert(QStringLiteral("capacity"), server.capacity);
        if (server.maxInFlight > 0)
            o.insert(QStringLiteral("max_in_flight"), server.maxInFlight);
        if (server.latency > 0)
            o.insert(QStringLiteral("latency"), server.latency);
        root.insert(QStringLiteral("server"), o);
    }
    if (scenario.options.seed != RunOptions().seed)
        root.insert(QStringLiteral("seed"), double(scenario.options.seed));
    if (scenario.options.hasGates()) {
        QJsonObject gates;
        for (const Gate &g : scenario.options.gates)
            gates.insert(g.name, g.limit);
        root.insert(QStringLiteral("gates"), gates);
    }
    QJsonArray tasks;
    for (const Task &t : scenario.tasks) {
        QJsonObject o;
        o.insert(QStringLiteral("kind"), taskKindName(t.kind));
        if (t.kind != TaskKind::Http || t.duration > 0)
            o.insert(QStringLiteral("duration"), t.duration);
        if (!t.label().isEmpty())
            o.insert(QStringLiteral("label"), t.label());
        if (!t.gate().isEmpty())
            o.insert(QStringLiteral("gate"), t.gate());
        if (!t.message().isNull())
            o.insert(QStringLiteral("message"), t.message());
        if (t.kind != TaskKind::Http && !t.url().isEmpty())
            o.insert(QStringLiteral("url"), t.url()); // kept: a file read and saved loses nothing
        if (t.kind == TaskKind::Http) {
            o.insert(QStringLiteral("url"), t.url());
            o.insert(QStringLiteral("timeout"), t.timeout);
            if (t.retries > 0)
                o.insert(QStringLiteral("retries"), int(t.retries));
            if (t.backoff() != Task::defaultBackoff)
                o.insert(QStringLiteral("backoff"), t.backoff());
        }
        tasks.append(o);
    }
    root.insert(QStringLiteral("tasks"), tasks);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool ScenarioFile::save(const QString &path, const Scenario &scenario, QString *error)
{
    const QByteArray data = serialize(scenario);
    return writeFileSafely(
            path, [&data](QIODevice &d) { return writeAll(d, data); }, error);
}
