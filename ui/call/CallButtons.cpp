#include "call/CallButtons.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>

namespace cc::ui {

namespace {
/// A call button is for the mouse; the keyboard has Ctrl+N/H/E/D. Tab and Shift+Tab pass it by, so an
/// agent tabbing out of the notes never lands on End and ends the call with the space bar.
class MouseButton : public wxButton {
public:
    using wxButton::wxButton;
    bool AcceptsFocusFromKeyboard() const override { return false; }
};
} // namespace

CallButtons::CallButtons(wxWindow* parent, Actions actions) : wxPanel(parent, wxID_ANY) {
    auto make = [this](const wxString& label, const wxString& tip, std::function<void()> action) {
        auto* b = new MouseButton(this, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
        b->SetToolTip(tip);
        b->SetName(label);
        b->Bind(wxEVT_BUTTON, [action = std::move(action)](wxCommandEvent&) { action(); });
        return b;
    };
    start_ = make(_("Start"), _("Start a call, or answer a ringing one (Ctrl+N)"), std::move(actions.start));
    hold_ =
        make(_("Hold"), _("Put the caller on hold, or take them off hold (Ctrl+H)"), std::move(actions.hold));
    end_ = make(_("End"), _("The call is over: start wrap-up (Ctrl+E)"), std::move(actions.end));
    done_ = make(_("Done"), _("Wrap-up is done: save the call (Ctrl+D)"), std::move(actions.done));
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    for (wxButton* b : {start_, hold_, end_, done_})
        row->Add(b, 1, wxRIGHT, FromDIP(4));
    SetSizer(row);
}

void CallButtons::show(const CallControls& can) {
    start_->SetLabel(can.answer ? _("Answer") : _("Start"));
    start_->Enable(can.start);
    hold_->SetLabel(can.resume ? _("Resume") : _("Hold"));
    hold_->Enable(can.hold);
    end_->Enable(can.end);
    done_->Enable(can.done);
    Layout();
}

} // namespace cc::ui
