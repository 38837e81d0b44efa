#include "call/CallControls.h"

#include "support/FakeClock.h"

#include <doctest/doctest.h>

using namespace cc;

namespace {
// A timer brought to `state` the way calls get there.
CallTimer timerIn(const Clock& clock, CallState state) {
    CallTimer t(clock);
    switch (state) {
    case CallState::Idle: break;
    case CallState::Ringing: t.signalIncoming(); break;
    case CallState::Talking: t.start(); break;
    case CallState::OnHold:
        t.start();
        t.hold();
        break;
    case CallState::WrapUp:
        t.start();
        t.end();
        break;
    }
    REQUIRE(t.state() == state);
    return t;
}
} // namespace

TEST_CASE("each control is offered exactly when the timer would take it") {
    test::FakeClock clock;
    for (const CallState state :
         {CallState::Idle, CallState::Ringing, CallState::Talking, CallState::OnHold, CallState::WrapUp}) {
        CAPTURE(static_cast<int>(state));
        const CallControls c = controlsFor(state);
        {
            CallTimer t = timerIn(clock, state);
            // Start in wrap-up finishes the call first, as the session does.
            if (state == CallState::WrapUp) t.finish();
            CHECK(c.start == t.start().has_value());
        }
        {
            CallTimer t = timerIn(clock, state);
            CHECK(c.hold == (state == CallState::OnHold ? t.resume() : t.hold()).has_value());
        }
        {
            CallTimer t = timerIn(clock, state);
            CHECK(c.end == t.end().has_value());
        }
        {
            CallTimer t = timerIn(clock, state);
            CHECK(c.done == (state == CallState::WrapUp && t.finish().has_value()));
        }
        CHECK(c.answer == (state == CallState::Ringing));
        CHECK(c.resume == (state == CallState::OnHold));
    }
}
