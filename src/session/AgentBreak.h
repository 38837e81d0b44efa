#pragma once

#include "core/Clock.h"

#include <cstdint>
#include <optional>
#include <string>

namespace cc {

class CallStore;

/// A break the agent takes (after a difficult call): its running clock and its line in the agent's own
/// break log. The log stays on this PC; a log that cannot be written never stops the break.
class AgentBreak {
public:
    explicit AgentBreak(CallStore& store) : store_(store) {}

    void start(WallTime now, const std::string& reason);
    /// Back from the break; nothing if none was taken.
    void end(WallTime now);
    bool on() const { return startedAt_.has_value(); }
    /// How long the break has lasted, 0 when there is none.
    Duration length(WallTime now) const;
    std::optional<WallTime> startedAt() const { return startedAt_; }

private:
    CallStore& store_;
    std::optional<WallTime> startedAt_;
    std::int64_t logId_ = 0; ///< its row in the break log, 0 if it could not be written
};

} // namespace cc
