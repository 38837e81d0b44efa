#pragma once

#include "call/CallTimer.h"

namespace cc {

/// What the agent can do to the call in a state. The window's buttons and the tray menu both ask
/// here, so neither offers what the timer would refuse.
struct CallControls {
    bool start = false;  ///< start a call, or answer the ringing one (a call in wrap-up is finished first)
    bool answer = false; ///< the start control reads "Answer"
    bool hold = false;   ///< hold, or resume
    bool resume = false; ///< the hold control reads "Resume"
    bool end = false;
    bool done = false; ///< wrap-up can be finished
};

CallControls controlsFor(CallState state);

} // namespace cc
