#pragma once

#include "scenario.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class RunRecord;
struct Preset;

// Which run of a preset a claim is about. Unlimited: the preset's options without the limit and
// gates (the preset's own run when it has neither); Limited: the preset's options as they are;
// Both: the two runs of a comparison.
enum class LessonRun : quint8 { Unlimited, Limited, Both };

// One claim of a lesson that a run can reproduce or not.
struct LessonOutcome
{
    enum class Kind : quint8 {
        Results, // the results line is `expected`, each item as RunReport::formatResult writes it
        PrintedOrder, // the results in completion order, as print() shows them, are `expected`
        MakespanAbout, // the makespan is `seconds`, within `tolerance`
        MakespanNotSerial, // the same, and far below the serial time ("8 s, not 21 s")
        LimitedSlower, // Both: the limited run takes longer than the unlimited one
        LimitedFaster, // Both: the limited run takes less time than the unlimited one
        SameMakespan, // Both: the two makespans differ by at most `tolerance` (a fraction)
        EarlierCompletion, // Both: the limited run's mean completion is the earlier
        Peak, // at most `count` tasks at once, and `count` reached (of `gate` when named)
        NoRejections, // no 429 answer
        Rejections, // at least one 429 answer
    };
    Kind kind = Kind::Results;
    LessonRun run = LessonRun::Unlimited;
    QString claim; // in the user interface language: "printed 111, 222, 333"
    QStringList expected;
    double seconds = 0.0;
    double tolerance = 0.0;
    int count = 0;
    QString gate;
};

struct OutcomeCheck
{
    enum class State : quint8 { NotRun, Reproduced, NotReproduced };
    State state = State::NotRun;
    // What the run showed ("measured 8.01 s"), or for NotRun what would check it.
    QString measured;
};

// What a preset teaches: a title, two or three sentences, the same in Python asyncio (3.9 and
// later) and the outcomes a run of it should reproduce.
struct Lesson
{
    QString preset;
    QString title;
    QString text;
    QString code;
    QList<LessonOutcome> outcomes;
    // The preset's tasks and options, by which its runs are recognised: a run of other tasks, or
    // under another limit, pool or gates, is not the run a claim is about.
    QList<Task> tasks;
    RunOptions options;

    // One check per outcome, from the records of a session (a single run or a comparison). A claim
    // whose run is not among them (or did not complete) is NotRun.
    QList<OutcomeCheck> evaluate(const QList<std::shared_ptr<const RunRecord>> &records) const;
};

namespace Lessons {
// Every preset has one (cpu-vs-wait's is sized by the cores, like the preset).
Lesson forPreset(const Preset &preset);
std::optional<Lesson> find(const QString &presetName);
// True when two task lists are the same batch (kind, duration, texts, retries, timeout).
bool sameTasks(const QList<Task> &a, const QList<Task> &b);
} // namespace Lessons
