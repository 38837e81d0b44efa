#pragma once

#include <chrono>
#include <wx/string.h>

class wxFrame;

namespace cc {
class CallSession;
}

namespace cc::ui {

/// The window's status line: a message to the agent ("Referral added to the notes: …") stays a few
/// seconds, then the save state takes the line back; a failing save takes it at once.
class StatusLine {
public:
    explicit StatusLine(wxFrame& frame) : frame_(frame) {}
    void say(const wxString& message);
    /// "Not saved yet", "Saving…", "All notes saved" or nothing, as the session's saves stand.
    void showSaveState(const CallSession& session);
    /// The notes were just edited: "Saving…", unless a message is still being read.
    void saving();

private:
    bool messageShowing() const;
    void put(const wxString& text);

    wxFrame& frame_;
    std::chrono::steady_clock::time_point messageAt_{};
};

} // namespace cc::ui
