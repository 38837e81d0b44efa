#include "call/DetailsPanel.h"

#include "app/KeyboardFocus.h"
#include "app/ListColumns.h"
#include "core/Format.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace cc::ui {

DetailsPanel::DetailsPanel(wxWindow* parent, const OutcomeList& outcomes, std::function<void()> onEdited,
                           std::function<void()> onAddTransfer)
    : wxPanel(parent, wxID_ANY), outcomes_(outcomes), onEdited_(std::move(onEdited)) {
    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(6, 6)));
    grid->AddGrowableCol(1);
    callerName_ = addField(this, grid, _("Caller &name"), _("The caller's name"));
    callbackNumber_ = addField(this, grid, _("Call&back number"), _("A number to call the caller back on"));
    caseNumber_ = addField(this, grid, _("&Case / ticket"), _("The case or ticket number for this call"));
    reason_ = addField(this, grid, _("&Reason"), _("Why the caller called, in a few words"));

    // The outcome on a row of its own, as wide as the page: beside the labels, "Resolved on the call"
    // was cut to "Resolved …" at a large font, and the agent could not read what they chose.
    auto* outcomeLabel = new wxStaticText(this, wxID_ANY, _("&Outcome"));
    outcome_ = new wxChoice(this, wxID_ANY);
    showFocusOn(outcome_, outcomeLabel);
    outcome_->SetName(_("Outcome"));
    outcome_->SetToolTip(_("How the call ended; the list comes from data/outcomes.toml"));
    outcome_->Append(_("(not set)"));
    for (const auto& o : outcomes_.outcomes())
        outcome_->Append(wxString::FromUTF8(o.label));
    outcome_->SetSelection(0);
    outcome_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        if (!loading_) onEdited_();
    });

    transfers_ =
        new wxListView(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    transfers_->SetName(_("Transfers and escalations"));
    transfers_->SetToolTip(_("Who the call was transferred or escalated to, when and why"));
    transfers_->AppendColumn(_("Time"), wxLIST_FORMAT_LEFT,
                             columnWidthFor(*transfers_, {_("Time"), "00:00"}));
    transfers_->AppendColumn(_("To"), wxLIST_FORMAT_LEFT, FromDIP(120));
    transfers_->AppendColumn(_("Why"), wxLIST_FORMAT_LEFT, FromDIP(150));

    addTransfer_ = new wxButton(this, wxID_ANY, _("Add &transfer…"));
    addTransfer_->SetToolTip(_("Record a transfer or escalation: to whom and why"));
    addTransfer_->Bind(wxEVT_BUTTON, [cb = std::move(onAddTransfer)](wxCommandEvent&) { cb(); });

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, 0, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(outcomeLabel, 0, wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(outcome_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
    sizer->Add(new wxStaticText(this, wxID_ANY, _("Transfers and escalations")), 0, wxLEFT | wxRIGHT,
               FromDIP(8));
    sizer->Add(transfers_, 1, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(addTransfer_, 0, wxALIGN_RIGHT | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
    SetSizer(sizer);
    Bind(wxEVT_IDLE, [this](wxIdleEvent& e) {
        if (IsShownOnScreen()) followFocus();
        e.Skip();
    });
}

void DetailsPanel::showFocusOn(wxWindow* field, wxStaticText* label) {
    labelOf_.emplace_back(field, label);
}

void DetailsPanel::followFocus() {
    // The theme's focus ring on a choice is a faint line, lost at a large font: the label of the field
    // with the keyboard is drawn bold in the selection colour, so a glance finds it (at wrap-up, the
    // outcome). GTK sends no focus event when a choice gets the keyboard (its inner button has it), so
    // the page looks where the keyboard is once the events of a key or a click are handled.
    wxStaticText* marked = nullptr;
    for (const auto& [field, label] : labelOf_)
        if (hasKeyboard(*field)) marked = label;
    if (marked == marked_) return;
    marked_ = marked;
    markLabel(marked);
}

void DetailsPanel::markLabel(wxStaticText* marked) {
    for (const auto& [field, label] : labelOf_) {
        const bool bold = label == marked;
        if (bold == (label->GetFont().GetWeight() == wxFONTWEIGHT_BOLD)) continue;
        label->SetFont(bold ? GetFont().Bold() : GetFont());
        label->SetForegroundColour(bold ? wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHT) : wxNullColour);
    }
    Layout();
}

wxTextCtrl* DetailsPanel::addField(wxWindow* parent, wxFlexGridSizer* grid, const wxString& label,
                                   const wxString& tip) {
    auto* labelText = new wxStaticText(parent, wxID_ANY, label);
    grid->Add(labelText, 0, wxALIGN_CENTRE_VERTICAL);
    auto* field = new wxTextCtrl(parent, wxID_ANY);
    showFocusOn(field, labelText);
    field->SetName(wxStripMenuCodes(label));
    field->SetToolTip(tip);
    field->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        if (!loading_) onEdited_();
    });
    grid->Add(field, 1, wxEXPAND);
    return field;
}

void DetailsPanel::fillCallerName(const std::string& name) {
    loading_ = true;
    callerName_->ChangeValue(wxString::FromUTF8(name));
    loading_ = false;
}

void DetailsPanel::load(const CallFields& fields, const std::vector<Transfer>& transfers) {
    loading_ = true;
    callerName_->ChangeValue(wxString::FromUTF8(fields.callerName));
    callbackNumber_->ChangeValue(wxString::FromUTF8(fields.callbackNumber));
    caseNumber_->ChangeValue(wxString::FromUTF8(fields.caseNumber));
    reason_->ChangeValue(wxString::FromUTF8(fields.reason));
    int selection = 0;
    const auto& list = outcomes_.outcomes();
    for (std::size_t i = 0; i < list.size(); ++i)
        if (list[i].id == fields.outcome) selection = static_cast<int>(i) + 1;
    outcome_->SetSelection(selection);
    showTransfers(transfers);
    loading_ = false;
}

void DetailsPanel::showTransfers(const std::vector<Transfer>& transfers) {
    transfers_->DeleteAllItems();
    for (const auto& t : transfers) {
        const long row =
            transfers_->InsertItem(transfers_->GetItemCount(), wxString::FromUTF8(formatTimeOfDay(t.at)));
        transfers_->SetItem(row, 1, wxString::FromUTF8(t.to));
        transfers_->SetItem(row, 2, wxString::FromUTF8(t.reason));
    }
}

CallFields DetailsPanel::fields() const {
    CallFields f;
    f.callerName = callerName_->GetValue().utf8_str();
    f.callbackNumber = callbackNumber_->GetValue().utf8_str();
    f.caseNumber = caseNumber_->GetValue().utf8_str();
    f.reason = reason_->GetValue().utf8_str();
    const int sel = outcome_->GetSelection();
    if (sel > 0 && static_cast<std::size_t>(sel) <= outcomes_.outcomes().size())
        f.outcome = outcomes_.outcomes()[static_cast<std::size_t>(sel) - 1].id;
    return f;
}

void DetailsPanel::setEditable(bool editable) {
    for (wxWindow* w : std::initializer_list<wxWindow*>{callerName_, callbackNumber_, caseNumber_, reason_,
                                                        outcome_, addTransfer_})
        w->Enable(editable);
}

} // namespace cc::ui

namespace cc::ui {
void DetailsPanel::focusOutcome() {
    outcome_->SetFocus();
}

void DetailsPanel::focusFirst() {
    callerName_->SetFocus();
}
} // namespace cc::ui
