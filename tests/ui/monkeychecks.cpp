#include "monkeychecks.h"

#include "csvimport.h"
#include "runfile.h"
#include "runprogress.h"
#include "runrecord.h"
#include "testcsv.h"
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QXmlStreamReader>

#include <cmath>

namespace {

// Sums of many floating-point terms: a rounding's worth of slack, relative to the values.
bool atMost(double a, double b)
{
    return a <= b + 1e-9 * std::max({1.0, std::abs(a), std::abs(b)});
}

// The most tasks the run may have running at once: its limit, and for runs the engine ran (or a
// prediction's) its pool as well. 0: no bound known (a recorded run from another system).
int runningBound(const RunRecord &record)
{
    const RunOptions &options = record.options();
    if (options.origin == RunOrigin::Recorded)
        return options.isLimited() ? options.limit : 0;
    return options.slotCount(record.taskCount());
}

QString countsProblem(const RunProgress &run, qsizetype tasks)
{
    const qsizetype waiting = run.waiting();
    const qsizetype running = run.running();
    const qsizetype done = run.finished();
    const QString counts =
            QStringLiteral("waiting %1 + running %2 + done %3 (submitted %4, tasks %5)")
                    .arg(waiting)
                    .arg(running)
                    .arg(done)
                    .arg(run.submitted())
                    .arg(tasks);
    if (waiting < 0 || running < 0 || done < 0 || run.submitted() > tasks)
        return QStringLiteral("counts out of range: ") + counts;
    if (waiting + running + done != run.submitted())
        return QStringLiteral("counts do not add up to the submitted tasks: ") + counts;
    if (run.isFinal() && (waiting != 0 || running != 0 || done != tasks))
        return QStringLiteral("a final run has tasks not done: ") + counts;
    return {};
}

QString stepsProblem(const RunProgress &run, qsizetype tasks, int bound)
{
    const QList<ConcurrencyStep> &steps = run.steps();
    for (qsizetype i = 0; i < steps.size(); ++i) {
        // Live steps may share an instant: only the last of them holds from then on.
        if (i + 1 < steps.size() && steps.at(i + 1).ns == steps.at(i).ns)
            continue;
        const ConcurrencyStep &s = steps.at(i);
        if (s.running < 0 || s.waiting < 0 || s.running + s.waiting > tasks
            || (bound > 0 && s.running > bound))
            return QStringLiteral("step %1 at %2 ns: running %3, waiting %4 (tasks %5, at most "
                                  "%6 may run)")
                    .arg(i)
                    .arg(s.ns)
                    .arg(s.running)
                    .arg(s.waiting)
                    .arg(tasks)
                    .arg(bound);
    }
    if (bound > 0 && run.maxRunning() > bound)
        return QStringLiteral("peak running %1 above the %2 that may run")
                .arg(run.maxRunning())
                .arg(bound);
    return {};
}

QString statsProblem(const RunProgress &run, qsizetype tasks, int bound)
{
    const RunStats &st = run.stats();
    const QString figures =
            QStringLiteral("tasks %1 ok %2 failed %3 cancelled %4, speedup %5, peak %6, makespan "
                           "%7, busy %8, mean wait %9, max wait %10")
                    .arg(st.tasks)
                    .arg(st.ok)
                    .arg(st.failed)
                    .arg(st.cancelled)
                    .arg(st.speedup)
                    .arg(st.peakConcurrency)
                    .arg(st.makespan)
                    .arg(st.busy)
                    .arg(st.meanWait)
                    .arg(st.maxWait);
    const bool holds =
            st.tasks == tasks && st.ok + st.failed + st.cancelled == tasks && st.ok >= 0
            && st.failed >= 0 && st.cancelled >= 0 && atMost(st.speedup, st.peakConcurrency)
            && st.meanWait >= 0.0 && atMost(st.meanWait, st.maxWait)
            && atMost(st.maxWait, st.makespan) && atMost(st.busy, st.makespan * st.peakConcurrency)
            && st.peakConcurrency == run.maxRunning() && (bound <= 0 || st.peakConcurrency <= bound)
            && !std::isnan(st.speedup) && !std::isnan(st.makespan);
    if (!holds)
        return QStringLiteral("statistics break their rules (at most %1 may run): ").arg(bound)
               + figures;
    const QList<Gate> &gates = run.record()->options().gates;
    for (qsizetype g = 0; g < st.gatePeaks.size() && g < gates.size(); ++g) {
        if (run.record()->options().origin != RunOrigin::Recorded
            && st.gatePeaks.at(g) > gates.at(g).limit)
            return QStringLiteral("gate %1 peaked at %2 above its limit %3")
                    .arg(gates.at(g).name)
                    .arg(st.gatePeaks.at(g))
                    .arg(gates.at(g).limit);
    }
    return {};
}

QString sameRuns(const CsvImport::Runs &read,
                 const QList<std::shared_ptr<const RunRecord>> &exported)
{
    if (read.size() != exported.size())
        return QStringLiteral("read back %1 runs, exported %2")
                .arg(read.size())
                .arg(exported.size());
    for (qsizetype r = 0; r < read.size(); ++r) {
        if (read.at(r)->taskCount() != exported.at(r)->taskCount())
            return QStringLiteral("run %1 read back with %2 tasks, exported with %3")
                    .arg(r)
                    .arg(read.at(r)->taskCount())
                    .arg(exported.at(r)->taskCount());
    }
    return {};
}

QString writtenProblem(MonkeyChecks::Export kind, const QString &path,
                       const QList<std::shared_ptr<const RunRecord>> &exported, bool finished)
{
    using MonkeyChecks::Export;
    QString error;
    switch (kind) {
    case Export::Csv: {
        if (!parseCsv(readFile(path), &error))
            return QStringLiteral("not RFC 4180: ") + error;
        if (!finished)
            return {};
        const auto runs = CsvImport::readFile(path, &error);
        return runs ? sameRuns(*runs, exported) : QStringLiteral("core cannot read it: ") + error;
    }
    case Export::Trace: {
        if (!finished) {
            QJsonParseError parse;
            const QJsonDocument json = QJsonDocument::fromJson(readFile(path), &parse);
            return json.isObject() ? QString()
                                   : QStringLiteral("not a JSON object: ") + parse.errorString();
        }
        const auto opened = RunFile::open(path, &error);
        return opened ? sameRuns(opened->runs, exported)
                      : QStringLiteral("RunFile cannot open it: ") + error;
    }
    case Export::Png: {
        const QImage image(path);
        return image.isNull() || image.width() < 1 ? QStringLiteral("not a PNG") : QString();
    }
    case Export::Svg: {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return file.errorString();
        QXmlStreamReader xml(&file);
        bool svgRoot = false;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement && !svgRoot)
                svgRoot = xml.name() == u"svg";
        }
        if (xml.hasError())
            return QStringLiteral("not well-formed XML: ") + xml.errorString();
        return svgRoot ? QString() : QStringLiteral("no <svg> root element");
    }
    }
    return {};
}

} // namespace

namespace MonkeyChecks {

QString runProblem(const RunProgress &run)
{
    const RunRecord &record = *run.record();
    const qsizetype tasks = record.taskCount();
    const int bound = runningBound(record);
    QString problem = countsProblem(run, tasks);
    if (problem.isEmpty())
        problem = stepsProblem(run, tasks, bound);
    if (problem.isEmpty() && run.isFinal())
        problem = statsProblem(run, tasks, bound);
    if (problem.isEmpty())
        return {};
    return QStringLiteral("run \"%1\" (%2 tasks, %3): %4")
            .arg(record.runName())
            .arg(tasks)
            .arg(run.isFinal() ? QStringLiteral("final") : QStringLiteral("live"), problem);
}

QString exportProblem(Export kind, const QString &path, bool written,
                      const QList<std::shared_ptr<const RunRecord>> &exported, bool finished)
{
    const QFileInfo info(path);
    if (written) {
        if (!info.isFile() || info.size() == 0)
            return QStringLiteral("reported written, but %1 is missing or empty").arg(path);
        const QString problem = writtenProblem(kind, path, exported, finished);
        return problem.isEmpty() ? QString() : path + QStringLiteral(": ") + problem;
    }
    const QStringList left = info.dir().entryList({info.fileName() + QLatin1Char('*')},
                                                  QDir::Files | QDir::Hidden | QDir::System);
    if (!left.isEmpty())
        return QStringLiteral("a failed export left %1").arg(left.join(QStringLiteral(", ")));
    return {};
}

} // namespace MonkeyChecks
