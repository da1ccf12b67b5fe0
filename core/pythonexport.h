#pragma once

#include <QByteArray>
#include <QString>

struct Scenario;

// A scenario as a Python program that needs only the standard library and runs it the way the
// article does: asyncio.gather(), an asyncio.Semaphore for the limit and one per gate, sleeps as
// asyncio.sleep() (time.sleep() on a ThreadPoolExecutor of the pool's size when the pool limits
// the run), cpu tasks on a ProcessPoolExecutor, http tasks through urllib on the thread pool with
// the engine's retries, and a local server with the scenario's ServerModel for local: URLs. It
// prints the CLI's start and finish lines, its results line and the makespan in scenario
// seconds. The text is resources/python/scenario.py.in with the parts the scenario needs.
namespace PythonExport {

// The program. fileName is the name its header tells the reader to run.
QByteArray program(const Scenario &scenario, const QString &fileName);
// Writes the program to path through writeFileSafely(); false with *error naming the path. A
// scenario without a name is called after the file.
bool save(const QString &path, const Scenario &scenario, QString *error);

} // namespace PythonExport
