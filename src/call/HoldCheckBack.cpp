#include "call/HoldCheckBack.h"

namespace cc {

std::optional<Duration> HoldCheckBack::poll(Duration holdLength) {
    if (first_ <= Duration{0} || holdLength < first_) return std::nullopt;
    Duration threshold = first_;
    if (every_ > Duration{0}) threshold += ((holdLength - first_) / every_) * every_;
    if (last_ && *last_ >= threshold) return std::nullopt;
    last_ = threshold;
    return threshold;
}

} // namespace cc
