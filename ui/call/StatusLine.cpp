#include "call/StatusLine.h"

#include "session/CallSession.h"

#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/stattext.h>

namespace cc::ui {

StatusLine::StatusLine(std::function<void()> expired) {
    expiry_.Bind(wxEVT_TIMER, [expired = std::move(expired)](wxTimerEvent&) { expired(); });
}

wxWindow* StatusLine::create(wxWindow* parent, std::function<void()> resized) {
    label_ =
        new wxStaticText(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_NO_AUTORESIZE);
    label_->SetName(_("Status"));
    label_->SetMinSize(wxSize(-1, label_->GetCharHeight()));
    resized_ = std::move(resized);
    return label_;
}

void StatusLine::say(const wxString& message) {
    put(message);
    messageAt_ = std::chrono::steady_clock::now();
    expiry_.StartOnce(4100);
}

bool StatusLine::messageShowing() const {
    return std::chrono::steady_clock::now() - messageAt_ < std::chrono::seconds(4);
}

void StatusLine::put(const wxString& text) {
    if (text == text_) return;
    text_ = text;
    rewrap();
}

void StatusLine::rewrap() {
    if (!label_) return;
    const int width = label_->GetParent()->GetClientSize().x - label_->FromDIP(12);
    if (width <= 0) return;
    const int before = label_->GetMinSize().y;
    label_->SetLabel(text_);
    label_->Wrap(width);
    // One line at least, so the window does not jump as the line empties and fills.
    const int lines = std::max(1, static_cast<int>(label_->GetLabel().Freq('\n')) + 1);
    const int height = lines * label_->GetCharHeight();
    if (height != before) {
        label_->SetMinSize(wxSize(-1, height));
        if (resized_) resized_();
    }
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
