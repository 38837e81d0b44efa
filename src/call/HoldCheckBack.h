#pragma once

#include "core/Clock.h"

#include <optional>

namespace cc {

/// Decides when a hold has lasted long enough to nudge the agent to check back with the customer:
/// first after `first`, then every `every`. It never acts; the session turns a nudge into a visible line
/// and a timeline event.
class HoldCheckBack {
public:
    explicit HoldCheckBack(Duration first = std::chrono::seconds{60},
                           Duration every = std::chrono::seconds{60})
        : first_(first), every_(every) {}

    /// Called with the current hold length whenever the app ticks. Returns the threshold just passed
    /// (1:00, 2:00, ...) the first time it is passed in this hold segment, otherwise nothing.
    std::optional<Duration> poll(Duration holdLength);

    /// The most recent threshold passed in this hold segment, for the line the window keeps showing.
    std::optional<Duration> lastNudge() const { return last_; }

    /// A new hold segment begins, or the customer was taken off hold.
    void reset() { last_.reset(); }

    void setIntervals(Duration first, Duration every) {
        first_ = first;
        every_ = every;
    }

private:
    Duration first_;
    Duration every_;
    std::optional<Duration> last_;
};

} // namespace cc
