#include "notes/AutosavePolicy.h"

#include <algorithm>

namespace cc {

void AutosavePolicy::changed(SteadyTime now) {
    if (!firstChange_) firstChange_ = now;
    lastChange_ = now;
}

void AutosavePolicy::saved() {
    firstChange_.reset();
}

std::optional<SteadyTime> AutosavePolicy::dueAt() const {
    if (!firstChange_) return std::nullopt;
    return std::min(lastChange_ + quiet_, *firstChange_ + maxDelay_);
}

bool AutosavePolicy::due(SteadyTime now) const {
    const auto at = dueAt();
    return at && now >= *at;
}

} // namespace cc
