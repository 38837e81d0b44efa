#include "call/CallStateLook.h"

#include <wx/gdicmn.h>
#include <wx/intl.h>

namespace cc::ui {

StateLook lookFor(CallState s) {
    switch (s) {
    case CallState::Ringing: return {wxColour(0x15, 0x65, 0xC0), *wxWHITE};
    case CallState::Talking: return {wxColour(0x2E, 0x7D, 0x32), *wxWHITE};
    case CallState::OnHold: return {wxColour(0xF9, 0xA8, 0x25), *wxBLACK};
    case CallState::WrapUp: return {wxColour(0x5E, 0x35, 0xB1), *wxWHITE};
    case CallState::Idle: break;
    }
    return {wxNullColour, wxNullColour};
}

wxString stateLabel(CallState s) {
    switch (s) {
    // TRANSLATORS: the call state when no call is in progress: the agent is free for the next one.
    case CallState::Idle: return _("Ready");
    case CallState::Ringing: return _("Ringing");
    case CallState::Talking: return _("Talking");
    case CallState::OnHold: return _("On hold");
    // TRANSLATORS: after-call work: the agent finishes notes once the caller has hung up.
    case CallState::WrapUp: return _("Wrap-up");
    }
    return {};
}

Duration shownDuration(const CallTimer& timer) {
    switch (timer.state()) {
    case CallState::Idle: return timer.handleTime();
    case CallState::Ringing: return timer.ringTime();
    case CallState::Talking: return timer.talkTime();
    case CallState::OnHold: return timer.currentHold();
    case CallState::WrapUp: return timer.wrapUpTime();
    }
    return Duration{0};
}

} // namespace cc::ui
