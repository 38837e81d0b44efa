#pragma once

#include "core/Clock.h"

#include <optional>
#include <string>

namespace cc {

/// One thing that happened during a call, in the order it happened: a state change, a hold check-back
/// nudge, a transfer, a restore after a crash. Later features add their own kinds (script steps,
/// prompts, referrals); `kind` is a stable lowercase word kept in the store.
struct TimelineEvent {
    WallTime at;        ///< wall-clock time, for people
    Duration offset{0}; ///< steady time since the call began, for the timeline axis
    std::string kind;
    std::string detail;

    bool operator==(const TimelineEvent&) const = default;
};

/// A transfer or escalation: to whom, when and why.
struct Transfer {
    WallTime at;
    std::string to;
    std::string reason;

    bool operator==(const Transfer&) const = default;
};

/// One line of the agent's notes, stamped with the wall-clock time it was first written.
struct NoteLine {
    std::optional<WallTime> at; ///< unset while the line is empty
    std::string text;

    bool operator==(const NoteLine&) const = default;
};

/// The fields an agent fills in beside the free-text notes.
struct CallFields {
    std::string callerName;
    std::string callbackNumber;
    std::string caseNumber;
    std::string reason;
    std::string outcome; ///< an outcome id from data/outcomes.toml, or empty

    bool operator==(const CallFields&) const = default;
};

} // namespace cc
