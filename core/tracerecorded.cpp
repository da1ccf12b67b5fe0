#include "hugepages.h"
#include "runrecord.h"
#include "traceevents.h"
#include "traceimport.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <optional>
#include <tuple>

// The generic side of TraceImport: slices nested, selected and made into a recorded run; the
// report's warning; the kind of a file from its first bytes.

using namespace TraceEvents;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TraceImport", text);
}

QByteArray viewBytes(std::string_view s)
{
    return QByteArray::fromRawData(s.data(), qsizetype(s.size()));
}

} // namespace

// Nesting by containment, per thread: sorted by start and longer first, a slice is inside every
// slice on the stack that has not ended when it starts and ends no earlier than it does. Slices
// that only touch (one ends when the next starts) are siblings.
void TraceEvents::nest(std::vector<Slice, HugePages::Allocator<Slice>> &slices)
{
    std::sort(slices.begin(), slices.end(), [](const Slice &a, const Slice &b) {
        if (a.thread != b.thread)
            return a.thread < b.thread;
        if (a.startNs != b.startNs)
            return a.startNs < b.startNs;
        if (a.endNs != b.endNs)
            return a.endNs > b.endNs;
        return a.event < b.event;
    });
    std::vector<qint64> stack;
    quint32 thread = 0;
    for (Slice &s : slices) {
        if (s.thread != thread) {
            stack.clear();
            thread = s.thread;
        }
        while (!stack.empty() && (stack.back() <= s.startNs || stack.back() < s.endNs))
            stack.pop_back();
        s.depth = qint32(stack.size());
        stack.push_back(s.endNs);
    }
}

std::optional<CsvImport::Runs> TraceEvents::recordedRun(const Data &data,
                                                        const TraceImport::Options &options,
                                                        const QRegularExpression &select,
                                                        const QString &name,
                                                        TraceImport::Report &report, QString *error)
{
    // Whether each name or category matches, worked out once per distinct text.
    std::vector<qint8> matches(size_t(data.names.size()), -1);
    auto matchesSelect = [&](quint32 text) {
        qint8 &m = matches[text];
        if (m < 0)
            m = select.match(data.names.at(text)).hasMatch() ? 1 : 0;
        return m == 1;
    };
    const bool selecting = !options.select.isEmpty();
    std::vector<quint32> selected;
    int deepest = 0;
    for (size_t i = 0; i < data.slices.size(); ++i) {
        const Slice &s = data.slices[i];
        deepest = std::max(deepest, int(s.depth));
        if (s.depth != options.depth) {
            ++report.skippedOtherDepth;
            continue;
        }
        if (selecting && !matchesSelect(s.name) && !(s.category && matchesSelect(s.category))) {
            ++report.skippedNotSelected;
            continue;
        }
        selected.push_back(quint32(i));
    }
    if (selected.empty()) {
        if (options.depth > deepest)
            *error = tr("no slice at nesting depth %1 (the deepest is %2)")
                             .arg(options.depth)
                             .arg(deepest);
        else
            *error = tr("no slice at depth %1 has a name or category that matches \"%2\"")
                             .arg(options.depth)
                             .arg(options.select);
        return std::nullopt;
    }
    if (qsizetype(selected.size()) > ScenarioLimits::maxTasks) {
        *error = tr("%1 slices would become tasks, more than %2: take fewer with a selection or "
                    "another depth")
                         .arg(selected.size())
                         .arg(ScenarioLimits::maxTasks);
        return std::nullopt;
    }

    // Lanes: the threads that hold a task, in the order of their sort indices, then of their
    // first appearance.
    std::vector<int> lane(data.threads.size(), 0);
    std::vector<quint32> used;
    for (quint32 i : selected) {
        const quint32 t = data.slices[i].thread;
        if (!lane[t]) {
            lane[t] = -1;
            used.push_back(t);
        }
    }
    std::sort(used.begin(), used.end(), [&](quint32 a, quint32 b) {
        const Thread &ta = data.threads[a];
        const Thread &tb = data.threads[b];
        const Process &pa = data.processes[size_t(ta.process)];
        const Process &pb = data.processes[size_t(tb.process)];
        return std::tie(pa.sortIndex, pa.firstEvent, ta.sortIndex, ta.firstEvent)
               < std::tie(pb.sortIndex, pb.firstEvent, tb.sortIndex, tb.firstEvent);
    });
    QStringList workerNames;
    workerNames.reserve(qsizetype(used.size()));
    for (size_t k = 0; k < used.size(); ++k) {
        lane[used[k]] = int(k + 1);
        const Thread &t = data.threads[used[k]];
        const Process &p = data.processes[size_t(t.process)];
        workerNames << (p.name.isEmpty() ? p.id : p.name) + QStringLiteral(" / ")
                               + (t.name.isEmpty() ? t.id : t.name);
    }

    std::sort(selected.begin(), selected.end(), [&](quint32 a, quint32 b) {
        const Slice &sa = data.slices[a];
        const Slice &sb = data.slices[b];
        if (sa.startNs != sb.startNs)
            return sa.startNs < sb.startNs;
        const int la = lane[sa.thread], lb = lane[sb.thread];
        return la != lb ? la < lb : sa.event < sb.event;
    });
    report.tasks = qsizetype(selected.size());
    const qint64 runStart = data.slices[selected.front()].startNs;

    Scenario scenario;
    scenario.name = name;
    scenario.options.limit = 0;
    scenario.options.timeScale = 1.0;
    scenario.options.threads = std::clamp(int(used.size()), 1, ScenarioLimits::maxThreads);
    scenario.options.origin = RunOrigin::Recorded;
    scenario.tasks.reserve(qsizetype(selected.size()));
    // Tasks of the same name share one label block.
    std::vector<std::optional<Task>> prototypes(size_t(data.names.size()));
    // Details: "cat: C; args: {...}", "cat: C" or "args: {...}", one buffer sized up front.
    std::vector<QByteArray> prefixes(size_t(data.names.size()));
    auto prefix = [&](const Slice &s) -> const QByteArray & {
        QByteArray &p = prefixes[s.category];
        if (s.category && p.isEmpty())
            p = "cat: " + data.names.at(s.category).toUtf8();
        return p;
    };
    qsizetype detailBytes = 0;
    for (quint32 i : selected) {
        const Slice &s = data.slices[i];
        detailBytes += prefix(s).size() + qsizetype(s.argsSize) + 8;
    }
    auto details = std::make_shared<TaskDetails>();
    details->text.reserve(detailBytes);
    HugePages::advise(details->text.data(), size_t(details->text.capacity()));
    details->ends.reserve(selected.size());
    for (quint32 i : selected) {
        const Slice &s = data.slices[i];
        std::optional<Task> &prototype = prototypes[s.name];
        if (!prototype) {
            prototype.emplace();
            prototype->kind = TaskKind::Trace;
            prototype->setLabel(data.names.at(s.name));
        }
        Task task = *prototype;
        task.duration = double(s.endNs - s.startNs) / 1e9;
        scenario.tasks.append(std::move(task));

        const QByteArray &cat = prefix(s);
        details->text += cat;
        if (s.argsSize) {
            details->text += cat.isEmpty() ? "args: " : "; args: ";
            details->text += viewBytes(data.args(s));
        }
        details->ends.push_back(quint32(details->text.size()));
    }
    auto record = std::make_shared<RunRecord>(std::move(scenario));
    for (qsizetype k = 0; k < qsizetype(selected.size()); ++k) {
        const Slice &s = data.slices[selected[size_t(k)]];
        TaskSample sample;
        sample.submittedNs = s.startNs - runStart;
        sample.startedNs = sample.submittedNs;
        sample.finishedNs = s.endNs - runStart;
        sample.worker = lane[s.thread];
        sample.status = TaskStatus::Ok;
        record->setLoaded(k, sample, QVariant());
    }
    record->setWorkerNames(std::move(workerNames));
    record->setTaskDetails(std::move(details));
    record->finishLoading();
    return CsvImport::Runs{std::move(record)};
}

QString TraceImport::Report::warning() const
{
    QStringList parts;
    for (auto it = skippedPhases.cbegin(); it != skippedPhases.cend(); ++it) {
        const QString &ph = it.key();
        const qsizetype n = it.value();
        QString what;
        if (ph == u"C")
            what = n == 1 ? tr("counter event") : tr("counter events");
        else if (ph == u"i" || ph == u"I" || ph == u"R")
            what = n == 1 ? tr("instant event") : tr("instant events");
        else if (ph == u"s" || ph == u"t" || ph == u"f")
            what = n == 1 ? tr("flow event") : tr("flow events");
        else if (ph == u"b" || ph == u"e" || ph == u"n" || ph == u"S" || ph == u"T" || ph == u"p"
                 || ph == u"F")
            what = n == 1 ? tr("async event") : tr("async events");
        else if (ph == u"N" || ph == u"O" || ph == u"D")
            what = n == 1 ? tr("object event") : tr("object events");
        else if (ph == u"P")
            what = n == 1 ? tr("sample event") : tr("sample events");
        else
            what = n == 1 ? tr("event") : tr("events");
        parts << tr("%1 %2 (%3)").arg(n).arg(what, ph.isEmpty() ? tr("no phase") : ph);
    }
    if (unmatchedBegins)
        parts << tr("%1 B without E").arg(unmatchedBegins);
    if (unmatchedEnds)
        parts << tr("%1 E without B").arg(unmatchedEnds);
    if (parts.isEmpty())
        return QString();
    return tr("skipped %1").arg(parts.join(QStringLiteral(", ")));
}

bool TraceImport::looksLikeTrace(QByteArrayView head)
{
    qsizetype i = 0;
    // A UTF-8 byte order mark, then blanks.
    if (head.startsWith("\xef\xbb\xbf"))
        i = 3;
    auto skipBlanks = [&] {
        while (i < head.size()
               && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t'))
            ++i;
    };
    skipBlanks();
    if (i >= head.size())
        return false;
    if (head[i] == '[')
        return true;
    if (head[i] != '{')
        return false;
    // An object: a trace when a top-level key is "traceEvents". Keys before it (metadata) are
    // skipped by walking the text to depth 1; the head may end before the key is found.
    int depth = 0;
    bool inString = false;
    qsizetype stringStart = 0;
    for (; i < head.size(); ++i) {
        const char c = head[i];
        if (inString) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                inString = false;
                if (depth == 1 && head.sliced(stringStart, i - stringStart) == "traceEvents") {
                    // A key when a colon follows.
                    qsizetype j = i + 1;
                    while (j < head.size()
                           && (head[j] == ' ' || head[j] == '\n' || head[j] == '\r'
                               || head[j] == '\t'))
                        ++j;
                    if (j < head.size() && head[j] == ':')
                        return true;
                }
            }
            continue;
        }
        if (c == '"') {
            inString = true;
            stringStart = i + 1;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth <= 0)
                return false;
        }
    }
    return false;
}
