#include "knowledge/KnowledgeEntryDialog.h"

#include <wx/button.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace cc::ui {

wxString knowledgeFieldLabel(std::string_view field) {
    if (field == "title") return _("&Title");
    if (field == "keywords") return _("&Keywords");
    if (field == "category") return _("Ca&tegory");
    if (field == "handled_by") return _("&Handled by");
    if (field == "phone") return _("&Phone");
    if (field == "url") return _("&Web address");
    if (field == "email") return _("E&mail");
    if (field == "hours") return _("H&ours");
    if (field == "what_to_say") return _("What to &say");
    if (field == "body") return _("&Details");
    if (field == "last_verified") return _("&Verified on");
    return _("So&urce");
}

KnowledgeEntryDialog::KnowledgeEntryDialog(wxWindow* parent, const wxString& title,
                                           const KnowledgeEntry& entry, bool canDelete)
    : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      original_(entry) {
    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(6, 4)));
    grid->AddGrowableCol(1);
    for (const auto& name : kKnowledgeFields) {
        const bool tall = name == "body" || name == "what_to_say";
        grid->Add(new wxStaticText(this, wxID_ANY, knowledgeFieldLabel(name)), 0,
                  tall ? static_cast<int>(wxTOP) : static_cast<int>(wxALIGN_CENTRE_VERTICAL), 4);
        auto* ctrl = new wxTextCtrl(this, wxID_ANY, wxString::FromUTF8(*knowledgeField(entry, name)),
                                    wxDefaultPosition, FromDIP(wxSize(320, tall ? 60 : -1)),
                                    tall ? wxTE_MULTILINE : 0);
        ctrl->SetName(wxStripMenuCodes(knowledgeFieldLabel(name)));
        ctrl->SetToolTip(name == "last_verified"
                             ? _("The date someone last checked this entry, as 2026-11-23")
                         : name == "keywords" ? _("Words callers use, separated by semicolons")
                                              : wxStripMenuCodes(knowledgeFieldLabel(name)));
        grid->Add(ctrl, 1, wxEXPAND);
        fields_[std::string(name)] = ctrl;
    }
    problem_ = new wxStaticText(this, wxID_ANY, wxString());
    problem_->SetForegroundColour(wxColour(0xC6, 0x28, 0x28));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    if (canDelete) {
        auto* del = new wxButton(this, wxID_DELETE, _("&Delete"));
        del->SetToolTip(_("Remove this entry from the knowledge base"));
        del->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
            if (wxMessageBox(_("Delete this entry from the knowledge base?"), _("Delete entry"),
                             wxYES_NO | wxNO_DEFAULT, this) == wxYES)
                EndModal(wxID_DELETE);
        });
        buttons->Add(del);
    }
    buttons->AddStretchSpacer();
    buttons->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, 1, wxEXPAND | wxALL, FromDIP(10));
    sizer->Add(problem_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));
    sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizerAndFit(sizer);
    fields_["title"]->SetFocus();

    Bind(
        wxEVT_BUTTON,
        [this](wxCommandEvent& e) {
            std::string field;
            if (auto why = validate(this->entry(), &field)) {
                problem_->SetLabel(wxString::FromUTF8(*why));
                if (fields_.count(field)) fields_[field]->SetFocus();
                Layout();
                return;
            }
            e.Skip();
        },
        wxID_OK);
}

KnowledgeEntry KnowledgeEntryDialog::entry() const {
    KnowledgeEntry e = original_;
    for (const auto& [name, ctrl] : fields_)
        *knowledgeField(e, name) = ctrl->GetValue().Strip(wxString::both).utf8_string();
    return e;
}

} // namespace cc::ui
