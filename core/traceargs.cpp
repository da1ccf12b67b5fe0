#include "traceevents.h"

// ArgsReader: the small JSON objects a trace event carries (its args, TaskLanes' run metadata),
// read with the same simdjson On-Demand reader that traceimport.cpp chose for the events.
#include <simdjson.h>

using namespace TraceEvents;

namespace od = simdjson::ondemand;

namespace {

std::string_view trimmed(std::string_view s)
{
    while (!s.empty()
           && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

} // namespace

// ArgsReader: small objects, with the same reader.
struct ArgsReader::Parser
{
    od::parser parser;
    simdjson::padded_string buffer;
};

ArgsReader::ArgsReader()
    : m_parser(std::make_unique<Parser>())
{
}
ArgsReader::~ArgsReader() = default;

bool ArgsReader::read(std::string_view json)
{
    m_fields.clear();
    if (json.empty())
        return false;
    if (m_parser->buffer.size() < json.size())
        m_parser->buffer = simdjson::padded_string(std::max(json.size(), size_t(256)));
    std::copy(json.begin(), json.end(), m_parser->buffer.data());
    od::document doc;
    if (m_parser->parser
                .iterate(m_parser->buffer.data(), json.size(),
                         m_parser->buffer.size() + simdjson::SIMDJSON_PADDING)
                .get(doc))
        return false;
    od::object object;
    if (doc.get_object().get(object))
        return false;
    for (auto f : object) {
        od::field field;
        std::string_view key;
        if (std::move(f).get(field) || field.unescaped_key().get(key))
            return false;
        Field out;
        out.key = QString::fromUtf8(key.data(), qsizetype(key.size()));
        od::value v = field.value();
        od::json_type type;
        if (v.type().get(type))
            return false;
        std::string_view raw;
        if (type == od::json_type::object) {
            od::object o;
            if (v.get_object().get(o) || o.raw_json().get(raw))
                return false;
        } else if (type == od::json_type::array) {
            od::array a;
            if (v.get_array().get(a) || a.raw_json().get(raw))
                return false;
        } else {
            raw = trimmed(v.raw_json_token());
            if (type == od::json_type::string) {
                std::string_view text;
                if (v.get_string().get(text))
                    return false;
                out.text = QString::fromUtf8(text.data(), qsizetype(text.size()));
                out.isString = true;
            } else if (type == od::json_type::number) {
                out.isNumber = !v.get_double().get(out.number) && std::isfinite(out.number);
            }
        }
        out.raw = std::string(trimmed(raw));
        m_fields.push_back(std::move(out));
    }
    const char *rest = nullptr;
    return doc.current_location().get(rest) != simdjson::SUCCESS; // nothing after the object
}

const ArgsReader::Field *ArgsReader::field(QStringView key) const
{
    for (const Field &f : m_fields) {
        if (f.key == key)
            return &f;
    }
    return nullptr;
}

std::optional<QString> ArgsReader::string(QStringView key) const
{
    const Field *f = field(key);
    return f && f->isString ? std::optional<QString>(f->text) : std::nullopt;
}

std::optional<double> ArgsReader::number(QStringView key) const
{
    const Field *f = field(key);
    return f && f->isNumber ? std::optional<double>(f->number) : std::nullopt;
}
