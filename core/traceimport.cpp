#include "traceimport.h"

#include "byteindex.h"
#include "hugepages.h"
#include "runrecord.h"
#include "tasklanestrace.h"
#include "traceevents.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

// The JSON reader for traces, chosen here and only here: simdjson's On-Demand API. Measured on
// a trace of 1,000,000 X slices (124 MB; Release, tests/benchmarks/bench_trace.cpp, the 2-core
// VM of docs/performance.md): QJsonDocument::fromJson alone took 6.8 s and a peak RSS of
// 1,254 MB (the DOM of a million objects) before any slice was read from it; with On-Demand the
// whole open (parse, nest, select, build the run) takes 1.4-1.9 s at a 339 MB peak, the text
// included. It reads the text in place, keeps no DOM, and gives byte offsets for errors.
#include <simdjson.h>

using namespace TraceEvents;
namespace od = simdjson::ondemand;

namespace {

// About 127 years of microseconds (Ray's are since 1970): a start plus a duration, in
// nanoseconds, stays below qint64's end (9.2e18).
constexpr double maxMicroseconds = 4e15;
// Object and array nesting the reader follows; deeper is an error, not a stack overflow.
constexpr size_t maxJsonDepth = 256;

QString jsonProblem(simdjson::error_code code)
{
    switch (code) {
    case simdjson::EMPTY:
        return QCoreApplication::translate("TraceImport", "the file is empty");
    case simdjson::UTF8_ERROR:
        return QCoreApplication::translate("TraceImport", "the text is not valid UTF-8");
    case simdjson::UNCLOSED_STRING:
        return QCoreApplication::translate("TraceImport", "a string is never closed");
    case simdjson::DEPTH_ERROR:
        return QCoreApplication::translate("TraceImport",
                                           "objects and lists are nested more than %1 deep")
                .arg(maxJsonDepth);
    case simdjson::CAPACITY:
        return QCoreApplication::translate("TraceImport", "the text is too large");
    case simdjson::NUMBER_ERROR:
        return QCoreApplication::translate("TraceImport", "a number cannot be read");
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR:
        return QCoreApplication::translate("TraceImport", "a word that is not true, false or null");
    case simdjson::STRING_ERROR:
        return QCoreApplication::translate("TraceImport", "a string with a bad escape");
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
        return QCoreApplication::translate(
                "TraceImport",
                "the text ends before its lists and objects are closed (truncated?)");
    default:
        return QCoreApplication::translate("TraceImport", "not valid JSON (%1)")
                .arg(QString::fromUtf8(simdjson::error_message(code)));
    }
}

QString structureMessage(const char *text, qsizetype size)
{
    bool trailing = false;
    const qsizetype at = structureProblemAt(text, size, &trailing);
    return QCoreApplication::translate("TraceImport", "byte %1: %2")
            .arg(at)
            .arg(trailing ? QCoreApplication::translate("TraceImport",
                                                        "text after the end of the trace")
                          : jsonProblem(simdjson::INCOMPLETE_ARRAY_OR_OBJECT));
}

std::string_view trimmed(std::string_view s)
{
    while (!s.empty()
           && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

// simdjson allocates its index of the text itself (4 bytes per structural character: about
// 120 MB touched for a 120 MB trace). Faulting that in 4 KiB pages took 0.9 s of the 1.5 s open
// on the VM of docs/performance.md; the large mappings that parser.allocate() added are advised
// to use transparent huge pages (HugePages::advise), like the run record.
// Texts under 4 MiB are allocated plainly: their index is too small for it to matter, and the
// maps are not read for every small file (or fuzzer input).
template<typename Allocate>
bool allocateOnHugePages(qsizetype textBytes, Allocate allocate)
{
    if (textBytes < (qsizetype(4) << 20))
        return allocate();
    const auto before = largeAnonymousMappings();
    if (!allocate())
        return false;
    for (const auto &mapping : largeAnonymousMappings()) {
        if (std::find(before.begin(), before.end(), mapping) == before.end())
            HugePages::advise(reinterpret_cast<void *>(mapping.first),
                              mapping.second - mapping.first);
    }
    return true;
}

// Reads the events of a trace into Data, one pass over the text, nothing kept of the JSON but
// views of args.
class Reader
{
public:
    Reader(const char *text, qsizetype size, Data *data, TraceImport::Report *report)
        : m_text(text)
        , m_size(size)
        , m_data(*data)
        , m_report(*report)
    {
        m_data.text = text;
        m_data.names.append(QString());
        m_names.insert(std::string_view()); // number 0: the empty name
    }

    bool read(od::document &doc, QString *error)
    {
        m_doc = &doc;
        od::json_type type;
        if (const auto e = doc.type().get(type))
            return failJson(e, error);
        if (type == od::json_type::array) {
            od::array events;
            if (const auto e = doc.get_array().get(events))
                return failJson(e, error);
            if (!readEvents(events, error))
                return false;
        } else if (type == od::json_type::object) {
            od::object root;
            if (const auto e = doc.get_object().get(root))
                return failJson(e, error);
            bool hasEvents = false;
            for (auto f : root) {
                od::field field;
                std::string_view key;
                if (const auto e = std::move(f).get(field))
                    return failJson(e, error);
                if (const auto e = field.unescaped_key().get(key))
                    return failJson(e, error);
                if (key == "traceEvents") {
                    od::array events;
                    if (field.value().get_array().get(events))
                        return failAt(
                                location(),
                                QCoreApplication::translate(
                                        "TraceImport", "\"traceEvents\" is not a list of events"),
                                error);
                    hasEvents = true;
                    if (!readEvents(events, error))
                        return false;
                } else {
                    std::string_view raw;
                    if (!rawValue(field.value(), &raw, error))
                        return false;
                    if (key == "otherData" && m_args.read(raw))
                        m_data.taskLanesGenerator =
                                m_args.string(u"generator").value_or(QString()) == u"TaskLanes";
                }
            }
            if (!hasEvents)
                return failAt(0,
                              QCoreApplication::translate(
                                      "TraceImport",
                                      "not a trace: the object has no \"traceEvents\" list"),
                              error);
        } else {
            return failAt(0,
                          QCoreApplication::translate(
                                  "TraceImport",
                                  "not a trace: expected a list of events or an object with "
                                  "\"traceEvents\""),
                          error);
        }
        const char *rest = nullptr;
        if (!doc.current_location().get(rest))
            return failAt(
                    qsizetype(rest - m_text),
                    QCoreApplication::translate("TraceImport", "text after the end of the trace"),
                    error);
        if (m_report.events == 0)
            return failAt(m_size,
                          QCoreApplication::translate(
                                  "TraceImport", "no events: the list of trace events is empty"),
                          error);
        for (const std::vector<Open> &open : m_open)
            m_report.unmatchedBegins += qsizetype(open.size());
        return true;
    }

private:
    struct Open
    {
        qint64 startNs;
        quint32 name;
        quint32 category;
        quint32 event;
        quint32 argsBegin;
        quint32 argsSize;
    };

    qsizetype location()
    {
        const char *at = nullptr;
        if (m_doc && !m_doc->current_location().get(at))
            return qsizetype(at - m_text);
        return m_size;
    }

    bool failAt(qsizetype offset, const QString &problem, QString *error)
    {
        *error = QCoreApplication::translate("TraceImport", "byte %1: %2").arg(offset).arg(problem);
        return false;
    }
    bool failJson(simdjson::error_code code, QString *error)
    {
        if (code == simdjson::UTF8_ERROR)
            return failAt(firstInvalidUtf8(m_text, m_size), jsonProblem(code), error);
        if (code == simdjson::INCOMPLETE_ARRAY_OR_OBJECT || code == simdjson::TAPE_ERROR) {
            *error = structureMessage(m_text, m_size);
            return false;
        }
        if (m_inEvent)
            return failEvent(jsonProblem(code), error);
        return failAt(location(), jsonProblem(code), error);
    }
    bool failEvent(const QString &problem, QString *error)
    {
        *error = QCoreApplication::translate("TraceImport", "event %1 (byte %2): %3")
                         .arg(m_report.events)
                         .arg(m_eventStart)
                         .arg(problem);
        return false;
    }

    // The raw text of a value (its whole text for an object or a list, checked for depth: what
    // the reader does not read it skips without counting).
    bool rawValue(od::value &value, std::string_view *raw, QString *error)
    {
        od::json_type type;
        if (const auto e = value.type().get(type))
            return failJson(e, error);
        simdjson::error_code e = simdjson::SUCCESS;
        if (type == od::json_type::object) {
            od::object o;
            e = value.get_object().get(o);
            if (!e)
                e = o.raw_json().get(*raw);
        } else if (type == od::json_type::array) {
            od::array a;
            e = value.get_array().get(a);
            if (!e)
                e = a.raw_json().get(*raw);
        } else {
            *raw = value.raw_json_token();
        }
        if (e)
            return failJson(e, error);
        *raw = trimmed(*raw);
        if (type == od::json_type::object || type == od::json_type::array) {
            const qsizetype deep = deeperThan(*raw, maxJsonDepth - 3);
            if (deep >= 0)
                return failAt(qsizetype(raw->data() - m_text) + deep,
                              jsonProblem(simdjson::DEPTH_ERROR), error);
        }
        return true;
    }

    bool readEvents(od::array events, QString *error)
    {
        for (auto element : events) {
            m_eventStart = location();
            m_inEvent = true;
            od::value value;
            if (const auto e = std::move(element).get(value))
                return failJson(e, error);
            if (!readEvent(value, error))
                return false;
            m_inEvent = false;
            ++m_report.events;
        }
        return true;
    }

    quint32 intern(std::string_view text)
    {
        bool added = false;
        const quint32 index = m_names.insert(text, &added);
        if (added)
            m_data.names.append(QString::fromUtf8(text.data(), qsizetype(text.size())));
        return index;
    }

    // A pid or tid: a number (kept as written) or a string; 0 when missing.
    struct Id
    {
        std::string_view text = "0";
        char kind = 'n';
    };
    bool readId(od::value value, Id *id, const char *field, QString *error)
    {
        od::json_type type;
        if (const auto e = value.type().get(type))
            return failJson(e, error);
        if (type == od::json_type::string) {
            id->kind = 's';
            if (const auto e = value.get_string().get(id->text))
                return failJson(e, error);
            return true;
        }
        if (type == od::json_type::number) {
            id->kind = 'n';
            id->text = trimmed(value.raw_json_token());
            return true;
        }
        return failEvent(QCoreApplication::translate("TraceImport",
                                                     "\"%1\" is neither a number nor a string")
                                 .arg(QLatin1String(field)),
                         error);
    }

    int processOf(const Id &pid)
    {
        std::string &key = m_key; // reused: no allocation per event
        key.assign(1, pid.kind);
        key += pid.text;
        bool added = false;
        const quint32 index = m_processes.insert(key, &added);
        if (added) {
            Process p;
            p.id = QString::fromUtf8(pid.text.data(), qsizetype(pid.text.size()));
            p.firstEvent = m_report.events;
            m_data.processes.push_back(p);
        }
        return int(index);
    }
    quint32 threadOf(const Id &pid, const Id &tid)
    {
        std::string &key = m_key;
        key.assign(1, pid.kind);
        key += pid.text;
        key += '\0';
        key += tid.kind;
        key += tid.text;
        bool added = false;
        const quint32 index = m_threads.insert(key, &added);
        if (added) {
            Thread t;
            t.process = processOf(pid);
            t.id = QString::fromUtf8(tid.text.data(), qsizetype(tid.text.size()));
            t.firstEvent = m_report.events;
            m_data.threads.push_back(t);
            m_open.emplace_back();
        }
        return index;
    }

    // A timestamp or duration in microseconds, as nanoseconds.
    enum class Number { Missing, Ok, NotNumber };
    static bool readNumber(od::value value, double *number, Number *state)
    {
        od::json_type type;
        if (value.type().get(type) || type != od::json_type::number
            || value.get_double().get(*number) || !std::isfinite(*number))
            *state = Number::NotNumber;
        else
            *state = Number::Ok;
        return true;
    }
    bool checkTime(const char *field, Number state, double us, qint64 *ns, QString *error)
    {
        const QString f = QLatin1String(field);
        if (state == Number::Missing)
            return failEvent(QCoreApplication::translate("TraceImport", "\"%1\" is missing").arg(f),
                             error);
        if (state == Number::NotNumber)
            return failEvent(
                    QCoreApplication::translate("TraceImport", "\"%1\" is not a number").arg(f),
                    error);
        if (us < 0)
            return failEvent(QCoreApplication::translate("TraceImport", "\"%1\" is negative (%2)")
                                     .arg(f)
                                     .arg(us),
                             error);
        if (us > maxMicroseconds)
            return failEvent(
                    QCoreApplication::translate("TraceImport", "\"%1\" is too large (%2 µs)")
                            .arg(f)
                            .arg(us),
                    error);
        *ns = nanoseconds(us);
        return true;
    }

    enum class Key { Other, Ph, Name, Cat, Ts, Dur, Pid, Tid, Args };
    static Key keyOf(od::raw_json_string key)
    {
        // raw() is the key's text after its opening quote; the padding makes reading on safe.
        const char *k = key.raw();
        switch (k[0]) {
        case 'p':
            return key.unsafe_is_equal("ph")    ? Key::Ph
                   : key.unsafe_is_equal("pid") ? Key::Pid
                                                : Key::Other;
        case 'n':
            return key.unsafe_is_equal("name") ? Key::Name : Key::Other;
        case 'c':
            return key.unsafe_is_equal("cat") ? Key::Cat : Key::Other;
        case 't':
            return key.unsafe_is_equal("ts")    ? Key::Ts
                   : key.unsafe_is_equal("tid") ? Key::Tid
                                                : Key::Other;
        case 'd':
            return key.unsafe_is_equal("dur") ? Key::Dur : Key::Other;
        case 'a':
            return key.unsafe_is_equal("args") ? Key::Args : Key::Other;
        default:
            return Key::Other;
        }
    }

    bool readEvent(od::value value, QString *error)
    {
        od::object object;
        if (value.get_object().get(object))
            return failEvent(QCoreApplication::translate("TraceImport", "is not an object"), error);
        std::string_view ph, name, category, args;
        Id pid, tid;
        double ts = 0, dur = 0;
        Number tsState = Number::Missing, durState = Number::Missing;
        for (auto f : object) {
            od::field field;
            if (const auto e = std::move(f).get(field))
                return failJson(e, error);
            // Compared in place: unescaping a million events' keys would only fill memory.
            const Key key = keyOf(field.key());
            od::value v = field.value();
            if (key == Key::Ph) {
                if (v.get_string().get(ph))
                    return failEvent(
                            QCoreApplication::translate("TraceImport", "\"ph\" is not a string"),
                            error);
            } else if (key == Key::Name || key == Key::Cat) {
                std::string_view &text = key == Key::Name ? name : category;
                od::json_type type;
                if (const auto e = v.type().get(type))
                    return failJson(e, error);
                if (type == od::json_type::string) {
                    if (const auto e = v.get_string().get(text))
                        return failJson(e, error);
                } else if (!rawValue(v, &text, error)) {
                    return false;
                }
            } else if (key == Key::Ts) {
                readNumber(v, &ts, &tsState);
            } else if (key == Key::Dur) {
                readNumber(v, &dur, &durState);
            } else if (key == Key::Pid) {
                if (!readId(v, &pid, "pid", error))
                    return false;
            } else if (key == Key::Tid) {
                if (!readId(v, &tid, "tid", error))
                    return false;
            } else if (key == Key::Args) {
                if (!rawValue(v, &args, error))
                    return false;
            } else {
                std::string_view ignored;
                if (!rawValue(v, &ignored, error))
                    return false;
            }
        }
        if (ph.size() == 1) {
            switch (ph.front()) {
            case 'X':
                return completeEvent(pid, tid, name, category, args, ts, tsState, dur, durState,
                                     error);
            case 'B':
                return beginEvent(pid, tid, name, category, args, ts, tsState, error);
            case 'E':
                return endEvent(pid, tid, ts, tsState, error);
            case 'M':
                return metadataEvent(pid, tid, name, args);
            case 'i':
            case 'I':
                // Kept for TaskLanes' own runs (counted as skipped for others); a mark outside
                // the times a slice may have is not one.
                if (category == "retry" && tsState == Number::Ok && ts >= 0
                    && ts <= maxMicroseconds)
                    m_data.retries.push_back({threadOf(pid, tid), nanoseconds(ts)});
                break;
            default:
                break;
            }
        }
        ++m_report.skippedPhases[QString::fromUtf8(ph.data(), qsizetype(ph.size()))];
        return true;
    }

    quint32 argsOffset(std::string_view args) const
    {
        return args.empty() ? 0 : quint32(args.data() - m_text);
    }

    bool completeEvent(const Id &pid, const Id &tid, std::string_view name,
                       std::string_view category, std::string_view args, double ts, Number tsState,
                       double dur, Number durState, QString *error)
    {
        qint64 start = 0, length = 0;
        if (!checkTime("ts", tsState, ts, &start, error)
            || !checkTime("dur", durState, dur, &length, error))
            return false;
        Slice s;
        s.startNs = start;
        s.endNs = start + length;
        s.thread = threadOf(pid, tid);
        s.name = intern(name);
        s.category = intern(category);
        s.event = quint32(m_report.events);
        s.argsBegin = argsOffset(args);
        s.argsSize = quint32(args.size());
        m_data.slices.push_back(s);
        return true;
    }

    bool beginEvent(const Id &pid, const Id &tid, std::string_view name, std::string_view category,
                    std::string_view args, double ts, Number tsState, QString *error)
    {
        qint64 start = 0;
        if (!checkTime("ts", tsState, ts, &start, error))
            return false;
        const quint32 thread = threadOf(pid, tid);
        m_open[thread].push_back({start, intern(name), intern(category), quint32(m_report.events),
                                  argsOffset(args), quint32(args.size())});
        return true;
    }

    bool endEvent(const Id &pid, const Id &tid, double ts, Number tsState, QString *error)
    {
        qint64 end = 0;
        if (!checkTime("ts", tsState, ts, &end, error))
            return false;
        const quint32 thread = threadOf(pid, tid);
        std::vector<Open> &open = m_open[thread];
        if (open.empty()) {
            ++m_report.unmatchedEnds;
            return true;
        }
        const Open b = open.back();
        open.pop_back();
        if (end < b.startNs)
            return failEvent(
                    QCoreApplication::translate("TraceImport",
                                                "E at %1 µs ends before its B (event %2) begins")
                            .arg(double(end) / 1000.0)
                            .arg(b.event),
                    error);
        Slice s;
        s.startNs = b.startNs;
        s.endNs = end;
        s.thread = thread;
        s.name = b.name;
        s.category = b.category;
        s.event = b.event;
        s.argsBegin = b.argsBegin;
        s.argsSize = b.argsSize;
        m_data.slices.push_back(s);
        return true;
    }

    bool metadataEvent(const Id &pid, const Id &tid, std::string_view name, std::string_view args)
    {
        const bool process = name == "process_name" || name == "process_sort_index"
                             || name == "process_labels" || name == "tasklanes_run";
        const bool thread = name == "thread_name" || name == "thread_sort_index";
        if (!process && !thread)
            return true;
        if (name == "tasklanes_run") {
            m_data.processes[size_t(processOf(pid))].taskLanesRun = args;
            return true;
        }
        if (!m_args.read(args))
            return true; // metadata without its args names nothing: ignored, as viewers do
        if (process) {
            Process &p = m_data.processes[size_t(processOf(pid))];
            if (name == "process_name")
                p.name = m_args.string(u"name").value_or(QString());
            else if (name == "process_labels")
                p.labels = m_args.string(u"labels").value_or(QString());
            else
                p.sortIndex =
                        int(std::clamp(m_args.number(u"sort_index").value_or(0.0), -1e9, 1e9));
        } else {
            Thread &t = m_data.threads[threadOf(pid, tid)];
            if (name == "thread_name")
                t.name = m_args.string(u"name").value_or(QString());
            else
                t.sortIndex =
                        int(std::clamp(m_args.number(u"sort_index").value_or(0.0), -1e9, 1e9));
        }
        return true;
    }

    const char *m_text;
    qsizetype m_size;
    Data &m_data;
    TraceImport::Report &m_report;
    od::document *m_doc = nullptr;
    qsizetype m_eventStart = 0;
    bool m_inEvent = false;
    ByteIndex m_names;
    ByteIndex m_processes;
    ByteIndex m_threads;
    std::string m_key;
    std::vector<std::vector<Open>> m_open; // per thread: its B events waiting for their E
    ArgsReader m_args;
};

} // namespace

std::optional<CsvImport::Runs> TraceImport::parse(const QByteArray &json, const Options &options,
                                                  const QString &name, QString *error,
                                                  Report *report)
{
    Q_ASSERT(error);
    Report scratch;
    Report &r = report ? *report : scratch;
    r = Report();

    QRegularExpression select;
    if (!options.select.isEmpty()) {
        select.setPattern(options.select);
        if (!select.isValid()) {
            *error = QCoreApplication::translate(
                             "TraceImport",
                             "the selection \"%1\" is not a valid regular expression: %2 at "
                             "character %3")
                             .arg(options.select, select.errorString())
                             .arg(select.patternErrorOffset());
            return std::nullopt;
        }
        select.optimize();
    }
    if (options.depth < 0) {
        *error = QCoreApplication::translate("TraceImport", "the depth %1 is negative")
                         .arg(options.depth);
        return std::nullopt;
    }
    if (json.size() > maxFileBytes) {
        *error = QCoreApplication::translate("TraceImport",
                                             "the trace is too large (%1 MiB, at most %2 MiB)")
                         .arg(json.size() >> 20)
                         .arg(maxFileBytes >> 20);
        return std::nullopt;
    }

    // In place when the buffer has simdjson's padding after its end (RunFile reads it so);
    // otherwise one padded copy. The text lives until the runs are built (the tasks' args).
    simdjson::padded_string copy;
    const char *text = json.constData();
    const qsizetype room = json.capacity() - json.size();
    if (json.isEmpty() || room < qsizetype(simdjson::SIMDJSON_PADDING)) {
        copy = simdjson::padded_string(json.constData(), size_t(json.size()));
        text = copy.data();
    }
    Data data;
    // About one slice per 80 bytes of text (Ray's and Perfetto's events are 100 to 200 bytes):
    // reserved, not touched, so a trace of counters costs nothing here.
    data.slices.reserve(size_t(json.size() / 80));
    {
        // The parser and its index of the text are freed before the runs are built.
        od::parser parser{size_t(maxFileBytes)};
        if (!allocateOnHugePages(json.size(), [&] {
                return parser.allocate(std::max<size_t>(size_t(json.size()), 64), maxJsonDepth)
                       == simdjson::SUCCESS;
            })) {
            *error = QCoreApplication::translate("TraceImport",
                                                 "not enough memory to read the trace");
            return std::nullopt;
        }
        Reader reader(text, json.size(), &data, &r);
        od::document doc;
        const simdjson::padded_string_view view(text, size_t(json.size()),
                                                size_t(json.size()) + simdjson::SIMDJSON_PADDING);
        if (const auto e = parser.iterate(view).get(doc)) {
            if (e == simdjson::INCOMPLETE_ARRAY_OR_OBJECT || e == simdjson::TAPE_ERROR) {
                *error = structureMessage(text, json.size());
                return std::nullopt;
            }
            const qsizetype at = e == simdjson::UTF8_ERROR ? firstInvalidUtf8(text, json.size())
                                 : e == simdjson::EMPTY    ? 0
                                                           : json.size();
            *error = QCoreApplication::translate("TraceImport", "byte %1: %2")
                             .arg(at)
                             .arg(jsonProblem(e));
            return std::nullopt;
        }
        if (!reader.read(doc, error))
            return std::nullopt;
    }
    r.slices = qsizetype(data.slices.size());
    if (data.slices.empty()) {
        *error = QCoreApplication::translate(
                         "TraceImport",
                         "no complete slice (an X event with its dur, or a B with its E) in "
                         "%1 events")
                         .arg(r.events);
        return std::nullopt;
    }
    nest(data.slices);

    const bool defaults = options.depth == 0 && options.select.isEmpty();
    const TaskLanesTrace::Marks marks = TaskLanesTrace::recognise(data);
    if (defaults && marks != TaskLanesTrace::Marks::None) {
        QString why;
        auto runs = TaskLanesTrace::build(data, name, &why);
        if (runs) {
            r.writtenByTaskLanes = true;
            r.tasks = 0;
            for (const auto &run : std::as_const(*runs))
                r.tasks += run->taskCount();
            // Counters, flows and retry marks are TaskLanes' own: read, not skipped.
            for (const char *phase : {"C", "s", "f", "i"})
                r.skippedPhases.remove(QLatin1String(phase));
            return runs;
        }
        if (marks == TaskLanesTrace::Marks::Explicit) {
            *error = why;
            return std::nullopt;
        }
    }
    return recordedRun(data, options, select, name, r, error);
}
