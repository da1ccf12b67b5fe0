#include "lessons.h"

#include "presets.h"
#include "runrecord.h"
#include "runreport.h"
#include "schedule.h"

#include <QCoreApplication>

#include <cmath>

namespace {

QString secs(double s)
{
    return QCoreApplication::translate("Lessons", "%1 s").arg(QString::number(s, 'f', 2));
}

bool sameOptions(const RunOptions &a, const RunOptions &b)
{
    return a.limit == b.limit && a.gates == b.gates && a.threads == b.threads
           && a.admission == b.admission && a.server == b.server;
}

// A run of the lesson's tasks under the given options, measured.
struct MeasuredRun
{
    std::shared_ptr<const RunRecord> record;
    RunStats stats;
};

// The last record that is the lesson's run under `options` (a session holds one of each).
std::optional<MeasuredRun> findRun(const QList<std::shared_ptr<const RunRecord>> &records,
                                   const Lesson &lesson, const RunOptions &options)
{
    for (auto it = records.crbegin(); it != records.crend(); ++it) {
        const auto &record = *it;
        if (!record || record->options().origin != RunOrigin::Ran
            || !sameOptions(record->options(), options)
            || !Lessons::sameTasks(record->scenario().tasks, lesson.tasks))
            continue;
        const Schedule prediction = predictSchedule(record->scenario().tasks, record->options());
        return MeasuredRun{record, computeStats(*record, prediction)};
    }
    return std::nullopt;
}

// How print() shows a result: text without quotes, seconds as written.
QString printed(const QVariant &result)
{
    if (result.typeId() == QMetaType::Double)
        return formatSeconds(result.toDouble());
    return result.toString();
}

QString notRunText(const Lesson &lesson, LessonRun run)
{
    const bool limitedPreset = lesson.options.isLimited() || lesson.options.hasGates();
    switch (run) {
    case LessonRun::Unlimited:
        return limitedPreset ? QCoreApplication::translate("Lessons",
                                                           "needs the unlimited run: press Compare")
                             : QCoreApplication::translate("Lessons", "press Run to check");
    case LessonRun::Limited:
        return QCoreApplication::translate("Lessons", "needs the %1 run: press Run or Compare")
                .arg(lesson.options.displayName());
    case LessonRun::Both:
        break;
    }
    return QCoreApplication::translate("Lessons", "needs both runs: press Compare");
}

OutcomeCheck verdict(bool reproduced, const QString &measured)
{
    return {reproduced ? OutcomeCheck::State::Reproduced : OutcomeCheck::State::NotReproduced,
            measured};
}

OutcomeCheck checkOne(const LessonOutcome &o, const MeasuredRun &run)
{
    const RunStats &st = run.stats;
    const RunRecord &record = *run.record;
    switch (o.kind) {
    case LessonOutcome::Kind::Results: {
        const QString expected = QCoreApplication::translate("RunReport", "results: [%1]")
                                         .arg(o.expected.join(QStringLiteral(", ")));
        const QString line = RunReport::resultsLine(record);
        return verdict(line == expected,
                       QCoreApplication::translate("Lessons", "measured %1").arg(line));
    }
    case LessonOutcome::Kind::PrintedOrder: {
        QStringList order;
        for (qsizetype i : record.completionOrder())
            order << printed(record.result(i));
        return verdict(order == o.expected, QCoreApplication::translate("Lessons", "printed %1")
                                                    .arg(order.join(QStringLiteral(", "))));
    }
    case LessonOutcome::Kind::MakespanAbout:
        return verdict(
                std::abs(st.makespan - o.seconds) <= o.tolerance,
                QCoreApplication::translate("Lessons", "measured %1").arg(secs(st.makespan)));
    case LessonOutcome::Kind::MakespanNotSerial:
        return verdict(std::abs(st.makespan - o.seconds) <= o.tolerance
                               && st.makespan < st.serial - o.tolerance,
                       QCoreApplication::translate("Lessons", "measured %1 (serial %2)")
                               .arg(secs(st.makespan), secs(st.serial)));
    case LessonOutcome::Kind::Peak: {
        int peak = st.peakConcurrency;
        if (!o.gate.isEmpty()) {
            const int g = record.options().gateIndex(o.gate);
            peak = g >= 0 && g < st.gatePeaks.size() ? st.gatePeaks.at(g) : 0;
        }
        return verdict(
                peak == o.count,
                QCoreApplication::translate("Lessons", "measured at most %1 at once").arg(peak));
    }
    case LessonOutcome::Kind::NoRejections:
    case LessonOutcome::Kind::Rejections: {
        const bool none = st.rejected == 0;
        return verdict(o.kind == LessonOutcome::Kind::NoRejections ? none : !none,
                       QCoreApplication::translate("Lessons", "measured %n rejection(s) (429)", "",
                                                   int(st.rejected)));
    }
    default:
        break;
    }
    return {};
}

OutcomeCheck checkBoth(const LessonOutcome &o, const MeasuredRun &unlimited,
                       const MeasuredRun &limited)
{
    const RunStats &u = unlimited.stats;
    const RunStats &l = limited.stats;
    const QString name = limited.record->options().displayName();
    const QString makespans = QCoreApplication::translate("Lessons", "measured unlimited %1, %2 %3")
                                      .arg(secs(u.makespan), name, secs(l.makespan));
    switch (o.kind) {
    case LessonOutcome::Kind::LimitedSlower:
        return verdict(l.makespan > u.makespan * 1.1, makespans);
    case LessonOutcome::Kind::LimitedFaster:
        return verdict(l.makespan * 1.1 < u.makespan, makespans);
    case LessonOutcome::Kind::SameMakespan:
        return verdict(std::abs(l.makespan - u.makespan)
                               <= o.tolerance * std::max(l.makespan, u.makespan),
                       makespans);
    case LessonOutcome::Kind::EarlierCompletion:
        return verdict(
                l.meanCompletion < u.meanCompletion,
                QCoreApplication::translate("Lessons", "mean completion: unlimited %1, %2 %3")
                        .arg(secs(u.meanCompletion), name, secs(l.meanCompletion)));
    default:
        break;
    }
    return {};
}

} // namespace

QList<OutcomeCheck> Lesson::evaluate(const QList<std::shared_ptr<const RunRecord>> &records) const
{
    const auto unlimited = findRun(records, *this, options.unlimited());
    const auto limited = findRun(records, *this, options);
    const QString stopped =
            QCoreApplication::translate("Lessons", "the run was stopped before its end");
    QList<OutcomeCheck> checks;
    for (const LessonOutcome &o : outcomes) {
        const std::optional<MeasuredRun> *runs[2] = {&unlimited, &limited};
        const int first = o.run == LessonRun::Limited ? 1 : 0;
        const int last = o.run == LessonRun::Unlimited ? 0 : 1;
        OutcomeCheck check{OutcomeCheck::State::NotRun, QString()};
        for (int r = first; r <= last && check.measured.isEmpty(); ++r) {
            if (!*runs[r])
                check.measured = notRunText(*this, o.run);
            else if (!(*runs[r])->stats.completed)
                check.measured = stopped;
        }
        if (check.measured.isEmpty()) {
            check = o.run == LessonRun::Both ? checkBoth(o, **runs[0], **runs[1])
                                             : checkOne(o, **runs[first]);
        }
        checks.append(check);
    }
    return checks;
}

std::optional<Lesson> Lessons::find(const QString &presetName)
{
    const auto preset = Presets::find(presetName);
    if (!preset)
        return std::nullopt;
    return forPreset(*preset);
}

bool Lessons::sameTasks(const QList<Task> &a, const QList<Task> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const Task &x = a.at(i);
        const Task &y = b.at(i);
        if (x.kind != y.kind || x.duration != y.duration || x.retries != y.retries
            || x.timeout != y.timeout || x.backoff() != y.backoff() || x.label() != y.label()
            || x.message() != y.message() || x.url() != y.url() || x.gate() != y.gate())
            return false;
    }
    return true;
}
