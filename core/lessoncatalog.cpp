// The lessons' texts, Python code and claims, one function per preset.
#include "lessons.h"
#include "presets.h"
#include "runreport.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace {

using Kind = LessonOutcome::Kind;

LessonOutcome outcome(Kind kind, LessonRun run, const QString &claim)
{
    LessonOutcome o;
    o.kind = kind;
    o.run = run;
    o.claim = claim;
    return o;
}

// "results: [5, 1, 8, 3, 4]", the CLI's line, for the results the article's code returns.
LessonOutcome results(LessonRun run, const QVariantList &values)
{
    QStringList items;
    for (const QVariant &v : values)
        items << RunReport::formatResult(v);
    LessonOutcome o = outcome(Kind::Results, run,
                              QCoreApplication::translate("RunReport", "results: [%1]")
                                      .arg(items.join(QStringLiteral(", "))));
    o.expected = items;
    return o;
}

LessonOutcome printedOrder(LessonRun run, const QString &claim, const QStringList &printed)
{
    LessonOutcome o = outcome(Kind::PrintedOrder, run, claim);
    o.expected = printed;
    return o;
}

// Timers, thread starts and a loaded machine add to a run: a tenth of the makespan, and at least
// a quarter of a second, still tells "about 8 s" from 12 s or 21 s.
double tolerance(double seconds)
{
    return std::max(0.25, seconds * 0.1);
}

LessonOutcome makespan(Kind kind, LessonRun run, const QString &claim, double seconds)
{
    LessonOutcome o = outcome(kind, run, claim);
    o.seconds = seconds;
    o.tolerance = tolerance(seconds);
    return o;
}

LessonOutcome peak(LessonRun run, const QString &claim, int count, const QString &gate = {})
{
    LessonOutcome o = outcome(Kind::Peak, run, claim);
    o.count = count;
    o.gate = gate;
    return o;
}

QString code(const char *python)
{
    return QString::fromUtf8(python).trimmed() + QLatin1Char('\n');
}

void oneTask(Lesson &l)
{
    l.title = QCoreApplication::translate("Lessons", "One task: start, wait, finish");
    l.text = QCoreApplication::translate(
            "Lessons", "A coroutine hands a blocking call to a worker thread with "
                       "run_in_executor and awaits it, leaving the event loop free. One task "
                       "of 2 s: one start, one finish, and its result is its argument.");
    l.code = code(R"py(
import asyncio
import time


async def sleeping(sec):
    loop = asyncio.get_running_loop()
    print(f"start:  {sec} s")
    await loop.run_in_executor(None, time.sleep, sec)
    print(f"finish: {sec} s")
    return sec


async def main():
    print([await sleeping(2)])  # [2]


asyncio.run(main())
)py");
    l.outcomes = {results(LessonRun::Unlimited, {2.0}),
                  makespan(Kind::MakespanAbout, LessonRun::Unlimited,
                           QCoreApplication::translate("Lessons", "done in about 2 s"), 2.0)};
}

void fiveParallel(Lesson &l)
{
    l.title = QCoreApplication::translate("Lessons", "gather: five waits at once");
    l.text = QCoreApplication::translate(
            "Lessons", "asyncio.gather starts every coroutine at once and waits for all of "
                       "them. Five blocking sleeps of 5, 1, 8, 3 and 4 s run side by side on the "
                       "executor's threads, so the batch takes as long as the longest. They "
                       "finish shortest first, yet gather returns the results in the order given.");
    l.code = code(R"py(
import asyncio
import time


async def sleeping(sec):
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, time.sleep, sec)
    print(f"finish: {sec} s")
    return sec


async def main():
    results = await asyncio.gather(*(sleeping(s) for s in [5, 1, 8, 3, 4]))
    print(results)  # [5, 1, 8, 3, 4] after 8 s, not 21 s


asyncio.run(main())
)py");
    l.outcomes = {makespan(Kind::MakespanNotSerial, LessonRun::Unlimited,
                           QCoreApplication::translate("Lessons", "8 s, not 21 s"), 8.0),
                  printedOrder(LessonRun::Unlimited,
                               QCoreApplication::translate(
                                       "Lessons", "finished 1, 3, 4, 5, 8: shortest first"),
                               {QStringLiteral("1"), QStringLiteral("3"), QStringLiteral("4"),
                                QStringLiteral("5"), QStringLiteral("8")}),
                  results(LessonRun::Unlimited, {5.0, 1.0, 8.0, 3.0, 4.0})};
}

void limitTwo(Lesson &l)
{
    l.title = QCoreApplication::translate("Lessons", "A semaphore of 2");
    l.text = QCoreApplication::translate(
            "Lessons", "asyncio.Semaphore(2) lets two coroutines past \"async with sem\" at a "
                       "time; the others wait for a permit. The same five sleeps run two by "
                       "two, each starting when another finishes: 12 s instead of 8 s. Compare "
                       "runs both and shows what the limit costs.");
    l.code = code(R"py(
import asyncio
import time


async def sleeping(sem, sec):
    async with sem:
        loop = asyncio.get_running_loop()
        print(f"start:  {sec} s")
        await loop.run_in_executor(None, time.sleep, sec)
        print(f"finish: {sec} s")
        return sec


async def main():
    sem = asyncio.Semaphore(2)  # made inside the running loop (Python 3.9)
    results = await asyncio.gather(*(sleeping(sem, s) for s in [5, 1, 8, 3, 4]))
    print(results)  # [5, 1, 8, 3, 4] after 12 s


asyncio.run(main())
)py");
    l.outcomes = {makespan(Kind::MakespanAbout, LessonRun::Limited,
                           QCoreApplication::translate("Lessons", "done in about 12 s"), 12.0),
                  peak(LessonRun::Limited,
                       QCoreApplication::translate("Lessons", "never more than 2 at once"), 2),
                  outcome(Kind::LimitedSlower, LessonRun::Both,
                          QCoreApplication::translate("Lessons", "slower than no limit: 12 s, "
                                                                 "not 8 s")),
                  results(LessonRun::Limited, {5.0, 1.0, 8.0, 3.0, 4.0})};
}

void gatherResults(Lesson &l)
{
    l.title = QCoreApplication::translate("Lessons", "Results come back in order");
    l.text = QCoreApplication::translate(
            "Lessons", "gather returns the results in the order the coroutines were passed, not "
                       "the order they finished. A sleep of 10 s, a call asking a server for our "
                       "IP address, a sleep of 1 s: the short sleep finishes first, its result "
                       "comes last. The HTTP call is one more blocking function in the executor.");
    l.code = code(R"py(
import asyncio
import time
import urllib.request


def sleep(sec):
    time.sleep(sec)
    return sec


def global_ip():
    # TaskLanes asks its own endpoint instead, which answers 127.0.0.1.
    with urllib.request.urlopen("https://api.ipify.org", timeout=10) as resp:
        return resp.read().decode()


async def call(func, *args):
    result = await asyncio.get_running_loop().run_in_executor(None, func, *args)
    print(result)
    return result


async def main():
    print(await asyncio.gather(call(sleep, 10), call(global_ip), call(sleep, 1)))


asyncio.run(main())
)py");
    l.outcomes = {
            results(LessonRun::Unlimited, {10.0, QStringLiteral("127.0.0.1"), 1.0}),
            printedOrder(LessonRun::Unlimited,
                         QCoreApplication::translate("Lessons", "printed 1, 127.0.0.1, 10"),
                         {QStringLiteral("1"), QStringLiteral("127.0.0.1"), QStringLiteral("10")}),
            makespan(Kind::MakespanNotSerial, LessonRun::Unlimited,
                     QCoreApplication::translate("Lessons", "10 s, not 13 s"), 10.0)};
}

void delayedPrint(Lesson &l)
{
    l.title = QCoreApplication::translate("Lessons", "Arguments for the executor");
    l.text = QCoreApplication::translate(
            "Lessons", "run_in_executor(None, func, *args) passes positional arguments to the "
                       "blocking function (keyword arguments need functools.partial). Messages "
                       "333, 222 and 111 after 3, 2 and 1 s print shortest first, while gather "
                       "still returns them in submission order.");
    l.code = code(R"py(
import asyncio
import time


def delayed_print(mes, sec):
    time.sleep(sec)
    print(mes)
    return mes


async def call(mes, sec):
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, delayed_print, mes, sec)


async def main():
    results = await asyncio.gather(call("333", 3), call("222", 2), call("111", 1))
    print(results)  # ['333', '222', '111']


asyncio.run(main())
)py");
    l.outcomes = {
            printedOrder(LessonRun::Unlimited,
                         QCoreApplication::translate("Lessons", "printed 111, 222, 333"),
                         {QStringLiteral("111"), QStringLiteral("222"), QStringLiteral("333")}),
            results(LessonRun::Unlimited,
                    {QStringLiteral("333"), QStringLiteral("222"), QStringLiteral("111")}),
            makespan(Kind::MakespanNotSerial, LessonRun::Unlimited,
                     QCoreApplication::translate("Lessons", "3 s, not 6 s"), 3.0)};
}

void hiddenLimit(Lesson &l, const Preset &preset)
{
    const int tasks = int(preset.scenario.tasks.size());
    const int threads = preset.scenario.options.effectiveThreads(tasks);
    const int atOnce = std::min(threads, tasks);
    const double seconds = std::ceil(double(tasks) / atOnce);
    l.title = QCoreApplication::translate("Lessons", "The executor's pool is a limit too");
    const QString first = QCoreApplication::translate(
                                  "Lessons", "run_in_executor(None, ...) uses the default "
                                             "ThreadPoolExecutor: min(32, cores + 4) threads, %1 "
                                             "here.")
                                  .arg(threads);
    const QString second =
            atOnce < tasks
                    ? QCoreApplication::translate("Lessons",
                                                  "Ten blocking calls of 1 s with no semaphore "
                                                  "still run %1 at a time and take %2 s, not 1 s.")
                              .arg(atOnce)
                              .arg(seconds)
                    : QCoreApplication::translate("Lessons",
                                                  "Ten blocking calls of 1 s fit and take 1 s; on "
                                                  "2 cores (6 threads) they would take 2 s.");
    l.text = first + QLatin1Char(' ') + second + QLatin1Char(' ')
             + QCoreApplication::translate("Lessons", "Give run_in_executor an executor of your "
                                                      "own when the pool must not limit.");
    l.code = code(R"py(
import asyncio
import os
import time


async def main():
    loop = asyncio.get_running_loop()
    threads = min(32, (os.cpu_count() or 1) + 4)  # the default executor's size
    start = time.perf_counter()
    await asyncio.gather(*(loop.run_in_executor(None, time.sleep, 1) for _ in range(10)))
    took = time.perf_counter() - start
    print(f"{threads} threads: {took:.1f} s")  # 6 threads on 2 cores: 2.0 s


asyncio.run(main())
)py");
    l.outcomes = {
            peak(LessonRun::Unlimited,
                 QCoreApplication::translate("Lessons", "never more than %1 at once: the "
                                                        "pool's threads")
                         .arg(atOnce),
                 atOnce),
            makespan(Kind::MakespanAbout, LessonRun::Unlimited,
                     QCoreApplication::translate("Lessons", "done in about %1 s").arg(seconds),
                     seconds)};
}

void apiCapacity(Lesson &l)
{
    l.title = QCoreApplication::translate("Lessons", "A limit that spares the server");
    l.text = QCoreApplication::translate(
            "Lessons", "This server serves 4 requests at full speed and answers 429 Too Many "
                       "Requests above 8 in flight. Unlimited, the 24 calls crowd it, are "
                       "refused and back off, and the batch ends later; behind "
                       "asyncio.Semaphore(4) no call is refused.");
    l.code = code(R"py(
import asyncio
import urllib.request
from concurrent.futures import ThreadPoolExecutor


def fetch():  # a server that serves 4 at full speed and answers 429 above 8
    with urllib.request.urlopen("http://127.0.0.1:8000/work?s=1", timeout=10) as resp:
        return resp.read().decode()


async def call(loop, pool, sem):
    async with sem:  # the permit is kept through the retries
        for backoff in (1, 2, 4, None):  # three retries, each waiting twice as long
            try:
                return await loop.run_in_executor(pool, fetch)
            except urllib.request.HTTPError as err:
                if err.code != 429 or backoff is None:
                    raise
                await asyncio.sleep(backoff)


async def main(limit):
    loop, sem = asyncio.get_running_loop(), asyncio.Semaphore(limit)
    with ThreadPoolExecutor(max_workers=24) as pool:
        await asyncio.gather(*(call(loop, pool, sem) for _ in range(24)))


asyncio.run(main(4))  # main(24) sends them all: refused, and slower
)py");
    l.outcomes = {
            makespan(Kind::MakespanAbout, LessonRun::Limited,
                     QCoreApplication::translate("Lessons", "done in about 6 s"), 6.12),
            outcome(Kind::NoRejections, LessonRun::Limited,
                    QCoreApplication::translate("Lessons", "no 429 under the limit")),
            outcome(Kind::Rejections, LessonRun::Unlimited,
                    QCoreApplication::translate("Lessons", "refused with 429, then backing off")),
            outcome(Kind::LimitedFaster, LessonRun::Both,
                    QCoreApplication::translate("Lessons", "the limit is faster than no "
                                                           "limit"))};
}

void apiLatency(Lesson &l)
{
    l.title = QCoreApplication::translate("Lessons", "When the time is latency");
    l.text = QCoreApplication::translate(
            "Lessons", "Each call needs 0.2 s of work on a large server 1 s away: it spends its "
                       "time waiting on the network, not on the server. With a limit of 8 the "
                       "40 calls go in five waves of 1.2 s; with no limit they wait all at once. "
                       "Sweep the limits to see the whole curve.");
    l.code = code(R"py(
import asyncio
import urllib.request
from concurrent.futures import ThreadPoolExecutor

URL = "http://127.0.0.1:8000/work?s=0.2"  # 0.2 s of work, 1 s away


def call(url):
    with urllib.request.urlopen(url, timeout=10) as resp:
        return resp.read().decode()


async def limited_call(pool, sem):
    async with sem:
        return await asyncio.get_running_loop().run_in_executor(pool, call, URL)


async def main(limit):
    sem = asyncio.Semaphore(limit)
    # Enough threads for every call: the default executor would be a limit of its own.
    with ThreadPoolExecutor(max_workers=40) as pool:
        await asyncio.gather(*(limited_call(pool, sem) for _ in range(40)))


asyncio.run(main(8))  # about 6 s; main(40): about 1.2 s
)py");
    l.outcomes = {makespan(Kind::MakespanAbout, LessonRun::Limited,
                           QCoreApplication::translate("Lessons", "about 6 s"), 6.0),
                  makespan(Kind::MakespanAbout, LessonRun::Unlimited,
                           QCoreApplication::translate("Lessons", "about 1.2 s"), 1.2),
                  outcome(Kind::LimitedSlower, LessonRun::Both,
                          QCoreApplication::translate("Lessons", "every call waits: the limit "
                                                                 "only slows the batch"))};
    // Forty connections opened at once add their setup to a batch of 1.2 s: a third of a second
    // still tells it from the limit's 6 s.
    l.outcomes[1].tolerance = 0.4;
}

void cpuVersusWait(Lesson &l, const Preset &preset)
{
    const Gate gate = preset.scenario.options.gates.value(0);
    const int cores = gate.limit;
    l.title = QCoreApplication::translate("Lessons", "CPU work: a gate the size of the cores");
    l.text = QCoreApplication::translate(
                     "Lessons", "%1 CPU-bound tasks on %2 cores: all at once, each gets part of "
                                "a core and all finish late. Behind a semaphore of %2 each runs "
                                "at full speed and half finish early, in the same total time; "
                                "the sleeps use no core and stay free. In Python, CPU work "
                                "needs a process pool: threads share one interpreter lock.")
                     .arg(2 * cores)
                     .arg(cores);
    l.code = code(R"py(
import asyncio
import os
import time
from concurrent.futures import ProcessPoolExecutor

CORES = os.cpu_count() or 1


def burn(sec):  # sec seconds of one core's time
    end = time.process_time() + sec
    while time.process_time() < end:
        pass
    return sec


async def cpu_task(pool, gate, sec):
    async with gate:
        return await asyncio.get_running_loop().run_in_executor(pool, burn, sec)


async def main():
    gate = asyncio.Semaphore(CORES)
    with ProcessPoolExecutor(max_workers=2 * CORES) as pool:
        await asyncio.gather(*(cpu_task(pool, gate, 1) for _ in range(2 * CORES)),
                             *(asyncio.sleep(1) for _ in range(2 * CORES)))


if __name__ == "__main__":
    asyncio.run(main())
)py");
    l.outcomes = {
            peak(LessonRun::Limited,
                 QCoreApplication::translate("Lessons", "never more than %1 CPU tasks at once")
                         .arg(cores),
                 cores, gate.name),
            outcome(Kind::EarlierCompletion, LessonRun::Both,
                    QCoreApplication::translate("Lessons", "earlier results behind the gate "
                                                           "(mean completion)")),
            outcome(Kind::SameMakespan, LessonRun::Both,
                    QCoreApplication::translate("Lessons", "the same makespan, within 25 %"))};
    l.outcomes.last().tolerance = 0.25;
}

} // namespace

Lesson Lessons::forPreset(const Preset &preset)
{
    Lesson l;
    l.preset = preset.name;
    l.tasks = preset.scenario.tasks;
    l.options = preset.scenario.options;
    const QString &n = preset.name;
    if (n == u"one-task")
        oneTask(l);
    else if (n == u"five-parallel")
        fiveParallel(l);
    else if (n == u"limit-two")
        limitTwo(l);
    else if (n == u"gather-results")
        gatherResults(l);
    else if (n == u"delayed-print")
        delayedPrint(l);
    else if (n == u"hidden-limit")
        hiddenLimit(l, preset);
    else if (n == u"api-capacity")
        apiCapacity(l);
    else if (n == u"api-latency-vs-limit")
        apiLatency(l);
    else if (n == u"cpu-vs-wait")
        cpuVersusWait(l, preset);
    return l;
}
