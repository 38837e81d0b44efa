#include "app/PackSwitch.h"

namespace cc::ui {

PackSwitch::PackSwitch(std::int64_t inUse, std::function<bool()> betweenCalls,
                       std::function<void(std::int64_t)> use)
    : inUse_(inUse), betweenCalls_(std::move(betweenCalls)), use_(std::move(use)), retry_(this) {
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { tryNow(); });
}

void PackSwitch::ready(std::int64_t version) {
    if (version <= inUse_ || version <= pending_) return;
    pending_ = version;
    tryNow();
}

void PackSwitch::tryNow() {
    if (pending_ <= inUse_) return;
    if (!betweenCalls_()) {
        if (!retry_.IsRunning()) retry_.Start(2000);
        return;
    }
    retry_.Stop();
    inUse_ = pending_;
    use_(inUse_);
}

} // namespace cc::ui
