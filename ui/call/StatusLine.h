#pragma once

#include <chrono>
#include <functional>
#include <wx/string.h>
#include <wx/timer.h>

class wxStaticText;
class wxWindow;

namespace cc {
class CallSession;
}

namespace cc::ui {

/// The window's status line: a message to the agent ("Referral added to the notes: …") stays a few
/// seconds, then the save state takes the line back; a failing save takes it at once. A label at the
/// foot of the window, not a status bar: a long message wraps onto a second line in a narrow window
/// or at a large font instead of being cut.
class StatusLine {
public:
    /// `expired` is called when a message has been read and the line may show the state again.
    explicit StatusLine(std::function<void()> expired);
    /// Makes the line in `parent`; `resized` is called when the line's height changes (it wrapped).
    wxWindow* create(wxWindow* parent, std::function<void()> resized);
    void say(const wxString& message);
    /// "Not saved yet", "Saving…", "All notes saved" or nothing, as the session's saves stand.
    void showSaveState(const CallSession& session);
    /// The notes were just edited: "Saving…", unless a message is still being read.
    void saving();
    /// The team server's state: shown while no call is on (a call's save state comes first).
    void setSync(const wxString& text) { sync_ = text; }
    /// The text shown (whole, before wrapping).
    const wxString& text() const { return text_; }
    /// Wraps the text to the line's width again (the window was resized).
    void rewrap();

private:
    bool messageShowing() const;
    void put(const wxString& text);

    wxStaticText* label_ = nullptr;
    std::function<void()> resized_;
    wxString text_;
    std::chrono::steady_clock::time_point messageAt_{};
    wxString sync_;
    wxTimer expiry_; ///< out of a call nothing else redraws the line: a message's end does
};

} // namespace cc::ui
