#include "call/CallControls.h"

namespace cc {

CallControls controlsFor(CallState state) {
    CallControls c;
    c.start = state == CallState::Idle || state == CallState::Ringing || state == CallState::WrapUp;
    c.answer = state == CallState::Ringing;
    c.hold = state == CallState::Talking || state == CallState::OnHold;
    c.resume = state == CallState::OnHold;
    c.end = state == CallState::Talking || state == CallState::OnHold || state == CallState::Ringing;
    c.done = state == CallState::WrapUp;
    return c;
}

} // namespace cc
