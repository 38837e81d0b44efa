#pragma once

#include "call/CallTimer.h"
#include "call/Timeline.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cc {

/// Everything saved about one call.
struct CallRecord {
    std::int64_t id = 0;
    std::string uuid; ///< the store's own name for the call, given when it is first saved
    WallTime startedAt;
    std::optional<WallTime> finishedAt;
    CallState state = CallState::Idle;
    bool finished = false;
    bool missed = false;
    std::vector<Segment> segments;
    CallFields fields;
    std::vector<Transfer> transfers;
    std::vector<NoteLine> notes;
    std::vector<TimelineEvent> events;
    WallTime savedAt;
    int maskedCount = 0;    ///< card numbers, security codes and SSNs masked before saving
    bool difficult = false; ///< flagged by the agent: a hard call, for the after-call prompt and review
    bool training = false;  ///< a practice call: left out of the agent's stats
};

/// A line of a call list: enough to show it without loading its notes.
struct CallSummary {
    std::int64_t id = 0;
    WallTime startedAt;
    bool finished = false;
    bool missed = false;
    Duration talk{0}, hold{0}, wrapUp{0};
    std::string callerName;
    std::string caseNumber;
    std::string outcome;
    int maskedCount = 0;
    bool difficult = false;
    bool training = false;
    int referrals = 0; ///< referrals given to the caller (knowledge-base cards inserted)

    Duration handleTime() const { return talk + hold + wrapUp; }
};

} // namespace cc
