#include "call/StatusLine.h"

#include "session/CallSession.h"

#include <wx/frame.h>
#include <wx/intl.h>
#include <wx/statusbr.h>

namespace cc::ui {

StatusLine::StatusLine(wxFrame& frame, std::function<void()> expired) : frame_(frame) {
    expiry_.Bind(wxEVT_TIMER, [expired = std::move(expired)](wxTimerEvent&) { expired(); });
}

void StatusLine::say(const wxString& message) {
    frame_.wxFrame::SetStatusText(message);
    messageAt_ = std::chrono::steady_clock::now();
    expiry_.StartOnce(4100);
}

bool StatusLine::messageShowing() const {
    return std::chrono::steady_clock::now() - messageAt_ < std::chrono::seconds(4);
}

void StatusLine::put(const wxString& text) {
    if (frame_.GetStatusBar() && frame_.GetStatusBar()->GetStatusText() != text)
        frame_.wxFrame::SetStatusText(text);
}

void StatusLine::showSaveState(const CallSession& session) {
    wxString status;
    if (session.saveFailing())
        status = _("Not saved yet: retrying every second");
    else if (session.unsaved())
        status = _("Saving…");
    else if (session.inCall())
        status = _("All notes saved");
    else
        status = sync_;
    if (session.saveFailing() || !messageShowing()) put(status);
}

void StatusLine::saving() {
    if (!messageShowing()) put(_("Saving…"));
}

} // namespace cc::ui
