#pragma once

#include "call/CallTimer.h"

#include <wx/colour.h>
#include <wx/string.h>

namespace cc::ui {

/// How a call state looks wherever it is shown (the timer panel, the tray icon): calm colours, so the
/// state is readable at a glance and nothing turns red because a call is long.
struct StateLook {
    wxColour background; ///< invalid for Idle: the theme's own
    wxColour text;
};

StateLook lookFor(CallState state);
/// "Ready", "Talking", "On hold"...: the state's name as the agent reads it.
wxString stateLabel(CallState state);
/// The time the big clock shows in each state: the ring, the talk, this hold, the wrap-up; when idle,
/// the last call's handle time.
Duration shownDuration(const CallTimer& timer);

} // namespace cc::ui
