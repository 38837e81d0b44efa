#include "WxUserServices.h"

namespace cc::ui {

void WxUserServices::notify(Level level, const std::string& message) {
    if (sink_) sink_(level, message);
    else queued_.emplace_back(level, message);
}

void WxUserServices::attach(Sink sink) {
    sink_ = std::move(sink);
    for (const auto& [level, message] : queued_) sink_(level, message);
    queued_.clear();
}

} // namespace cc::ui
