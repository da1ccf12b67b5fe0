#include "runreplay.h"

#include "runprogress.h"
#include "runrecord.h"

// Placeholder until the replay lands (helper "replay").
struct RunReplay::Run
{
};
RunReplay::RunReplay(QList<std::shared_ptr<const RunRecord>> runs, QList<Schedule> predictions)
    : m_originals(std::move(runs))
    , m_predictions(std::move(predictions))
    , m_view(m_originals)
{
}
RunReplay::~RunReplay() = default;
qint64 RunReplay::endNs() const
{
    return 0;
}
double RunReplay::scenarioSecondsPerNs() const
{
    return 1e-9;
}
void RunReplay::seek(qint64 ns)
{
    m_position = ns;
}
QList<std::shared_ptr<const RunProgress>> RunReplay::progress() const
{
    return {};
}
