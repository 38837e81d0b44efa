#pragma once

#include "core/Clock.h"

#include <optional>

namespace cc {

/// When unsaved changes must reach the disk: after `quiet` without a keystroke, and never later than
/// `maxDelay` after the first unsaved change, so steady typing is saved too. Both default so that
/// every change is on disk within 1 s of the keystroke that made it.
class AutosavePolicy {
public:
    explicit AutosavePolicy(Duration quiet = std::chrono::milliseconds{300},
                            Duration maxDelay = std::chrono::milliseconds{900})
        : quiet_(quiet), maxDelay_(maxDelay) {}

    void changed(SteadyTime now);
    void saved();
    bool dirty() const { return firstChange_.has_value(); }
    /// When the pending changes must be saved, or nothing when there are none.
    std::optional<SteadyTime> dueAt() const;
    bool due(SteadyTime now) const;

private:
    Duration quiet_;
    Duration maxDelay_;
    std::optional<SteadyTime> firstChange_;
    SteadyTime lastChange_{};
};

} // namespace cc
