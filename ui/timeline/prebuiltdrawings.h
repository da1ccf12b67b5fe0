#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

class RunRecord;
class TimelineRenderer;
struct FinishedRunDrawing;
struct Schedule;

// Finished runs' drawing data built off the window's thread (RunSession::addFinishWork), waiting
// for the view's next paint. The work holds the mailbox weakly: after the view is gone it builds
// nothing.
class PrebuiltDrawings
{
public:
    using Work = std::function<void(const std::shared_ptr<const RunRecord> &, const Schedule &)>;
    static Work work(const std::shared_ptr<PrebuiltDrawings> &mailbox);
    // Hands what is ready to the renderer; on the renderer's thread.
    void adoptInto(TimelineRenderer &renderer);

private:
    std::mutex m_mutex;
    std::vector<std::pair<std::weak_ptr<const RunRecord>, std::shared_ptr<FinishedRunDrawing>>>
            m_ready;
};
