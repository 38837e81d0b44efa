#include "sync/FloorPublisher.h"

#include "session/AgentBreak.h"
#include "session/CallSession.h"

namespace cc {

FloorPublisher::FloorPublisher(Publish publish, SteadyTime openedAt)
    : publish_(std::move(publish)), idleSince_(openedAt) {}

void FloorPublisher::update(const CallSession& session, const AgentBreak& agentBreak, SteadyTime now,
                            WallTime wallNow) {
    const CallTimer& timer = session.timer();
    FloorState state = FloorState::Idle;
    SteadyTime since = idleSince_;
    std::optional<SteadyTime> callSince;
    Duration hold{0};
    if (session.inCall()) {
        switch (timer.state()) {
        case CallState::Ringing: state = FloorState::Ringing; break;
        case CallState::OnHold: state = FloorState::OnHold; break;
        case CallState::WrapUp: state = FloorState::WrapUp; break;
        default: state = FloorState::Talking; break;
        }
        since = now - timer.currentSegment();
        callSince = now - timer.sinceStart();
        hold = timer.totalHold();
    } else if (agentBreak.on()) {
        state = FloorState::Break;
        since = now - agentBreak.length(wallNow);
    }
    if (last_ == state) return; // the hold so far changes only with a state: a hold begins or ends
    if (last_ && state == FloorState::Idle) idleSince_ = since = now;
    last_ = state;
    publish_(state, since, callSince, hold);
}

} // namespace cc
