#include "session/AgentBreak.h"

#include "store/CallStore.h"

#include <algorithm>

namespace cc {

void AgentBreak::start(WallTime now, const std::string& reason) {
    startedAt_ = now;
    try {
        logId_ = store_.startBreak(now, reason);
    } catch (const std::exception&) {
        logId_ = 0; // the break still happens; only the log misses it
    }
}

void AgentBreak::end(WallTime now) {
    if (logId_) {
        try {
            store_.endBreak(logId_, now);
        } catch (const std::exception&) {
        }
    }
    logId_ = 0;
    startedAt_.reset();
}

Duration AgentBreak::length(WallTime now) const {
    if (!startedAt_) return Duration{0};
    return std::max(Duration{0}, std::chrono::duration_cast<Duration>(now - *startedAt_));
}

} // namespace cc
