#pragma once

#include "core/Clock.h"
#include "sync/Floor.h"

#include <functional>
#include <optional>

namespace cc {

class AgentBreak;
class CallSession;

/// Turns the call as the session has it, and the agent's break, into the state a companion publishes
/// to the floor, and publishes only when that changes (a call's state, a break taken or ended). The
/// hold so far is the calls' earlier holds: a lead's view adds the one going on. The sync thread adds
/// the heartbeat.
class FloorPublisher {
public:
    using Publish = std::function<void(FloorState state, SteadyTime since,
                                       std::optional<SteadyTime> callSince, Duration hold)>;
    /// `openedAt`: when the companion started, the start of its first "not on a call".
    FloorPublisher(Publish publish, SteadyTime openedAt);

    /// After each change and tick of the window.
    void update(const CallSession& session, const AgentBreak& agentBreak, SteadyTime now, WallTime wallNow);

private:
    Publish publish_;
    std::optional<FloorState> last_;
    SteadyTime idleSince_;
};

} // namespace cc
