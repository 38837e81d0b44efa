#pragma once

#include "call/CallControls.h"

#include <functional>
#include <wx/panel.h>

class wxButton;

namespace cc::ui {

/// The call's row of buttons: Start (Answer while ringing), Hold (Resume on hold), End and Done, each
/// enabled only when its step can be taken. The keyboard has the same steps on Ctrl+N/H/E/D.
class CallButtons : public wxPanel {
public:
    struct Actions {
        std::function<void()> start, hold, end, done;
    };
    CallButtons(wxWindow* parent, Actions actions);
    /// Labels and enables the buttons for what the call allows now.
    void show(const CallControls& can);

private:
    wxButton* start_;
    wxButton* hold_;
    wxButton* end_;
    wxButton* done_;
};

} // namespace cc::ui
