#include "call/TransferDialog.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/valtext.h>

namespace cc::ui {

TransferDialog::TransferDialog(wxWindow* parent)
    : wxDialog(parent, wxID_ANY, _("Add a transfer or escalation")) {
    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(6, 6)));
    grid->AddGrowableCol(1);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&To")), 0, wxALIGN_CENTRE_VERTICAL);
    to_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(220, -1)));
    to_->SetName(_("Transferred to"));
    to_->SetToolTip(_("The team, person or organisation the call went to"));
    to_->SetValidator(wxTextValidator(wxFILTER_EMPTY));
    grid->Add(to_, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Why")), 0, wxALIGN_CENTRE_VERTICAL);
    reason_ = new wxTextCtrl(this, wxID_ANY);
    reason_->SetName(_("Reason for the transfer"));
    reason_->SetToolTip(_("Why the call was transferred or escalated"));
    grid->Add(reason_, 1, wxEXPAND);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, 1, wxEXPAND | wxALL, FromDIP(10));
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizerAndFit(sizer);
    to_->SetFocus();
}

std::string TransferDialog::to() const {
    return std::string(to_->GetValue().Strip(wxString::both).utf8_str());
}
std::string TransferDialog::reason() const {
    return std::string(reason_->GetValue().Strip(wxString::both).utf8_str());
}

} // namespace cc::ui
