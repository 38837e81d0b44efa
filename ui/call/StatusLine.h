#pragma once

#include <chrono>
#include <functional>
#include <wx/string.h>
#include <wx/timer.h>

class wxFrame;

namespace cc {
class CallSession;
}

namespace cc::ui {

/// The window's status line: a message to the agent ("Referral added to the notes: …") stays a few
/// seconds, then the save state takes the line back; a failing save takes it at once.
class StatusLine {
public:
    /// `expired` is called when a message has been read and the line may show the state again.
    StatusLine(wxFrame& frame, std::function<void()> expired);
    void say(const wxString& message);
    /// "Not saved yet", "Saving…", "All notes saved" or nothing, as the session's saves stand.
    void showSaveState(const CallSession& session);
    /// The notes were just edited: "Saving…", unless a message is still being read.
    void saving();
    /// The team server's state: shown while no call is on (a call's save state comes first).
    void setSync(const wxString& text) { sync_ = text; }

private:
    bool messageShowing() const;
    void put(const wxString& text);

    wxFrame& frame_;
    std::chrono::steady_clock::time_point messageAt_{};
    wxString sync_;
    wxTimer expiry_; ///< out of a call nothing else redraws the line: a message's end does
};

} // namespace cc::ui
