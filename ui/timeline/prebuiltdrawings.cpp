#include "prebuiltdrawings.h"

#include "timelinerenderer.h"
#include "timelineruns.h"

PrebuiltDrawings::Work PrebuiltDrawings::work(const std::shared_ptr<PrebuiltDrawings> &mailbox)
{
    return [weak = std::weak_ptr<PrebuiltDrawings>(mailbox)](
                   const std::shared_ptr<const RunRecord> &record, const Schedule &prediction) {
        if (weak.expired())
            return;
        std::shared_ptr<FinishedRunDrawing> drawing =
                TimelineRenderer::buildDrawing(*record, prediction);
        if (const auto box = weak.lock()) {
            std::lock_guard lock(box->m_mutex);
            box->m_ready.emplace_back(record, std::move(drawing));
        }
    };
}

void PrebuiltDrawings::adoptInto(TimelineRenderer &renderer)
{
    std::lock_guard lock(m_mutex);
    for (auto &[record, drawing] : m_ready) {
        if (const auto r = record.lock())
            renderer.adoptDrawing(r, std::move(*drawing));
    }
    m_ready.clear();
}
