#include "call/EarlierCallsDialog.h"

#include "core/Format.h"
#include "data/OutcomeList.h"
#include "session/CallSession.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

namespace cc::ui {

EarlierCallsDialog::EarlierCallsDialog(wxWindow* parent, CallStore& store, const OutcomeList& outcomes,
                                       std::vector<CallSummary> calls)
    : wxDialog(parent, wxID_ANY, _("Earlier calls from this caller"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      store_(store), outcomes_(outcomes), calls_(std::move(calls)) {
    list_ = new wxListView(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(420, 140)),
                           wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->SetName(_("Earlier calls"));
    list_->SetToolTip(_("Earlier calls with the same callback or case number; pick one to read it"));
    list_->AppendColumn(_("When"), wxLIST_FORMAT_LEFT, FromDIP(130));
    list_->AppendColumn(_("Caller"), wxLIST_FORMAT_LEFT, FromDIP(110));
    list_->AppendColumn(_("Outcome"), wxLIST_FORMAT_LEFT, FromDIP(150));
    for (const auto& c : calls_) {
        const long row = list_->InsertItem(
            list_->GetItemCount(), wxString::FromUTF8(formatLocalDateTime(c.startedAt).substr(0, 16)));
        list_->SetItem(row, 1, wxString::FromUTF8(c.callerName));
        list_->SetItem(row, 2, wxString::FromUTF8(outcomes_.labelFor(c.outcome)));
    }
    detail_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(420, 220)),
                             wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP); // long notes read whole
    detail_->SetName(_("The earlier call's notes"));
    detail_->SetToolTip(_("Read-only: earlier calls cannot be changed"));
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) { showCall(e.GetIndex()); });

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(list_, 0, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(detail_, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(CreateStdDialogButtonSizer(wxCLOSE), 0, wxEXPAND | wxALL, FromDIP(8));
    SetSizerAndFit(sizer);
    SetEscapeId(wxID_CLOSE);
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { Destroy(); }, wxID_CLOSE);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Destroy(); });
    if (!calls_.empty()) list_->Select(0);
}

void EarlierCallsDialog::showCall(long row) {
    if (row < 0 || static_cast<std::size_t>(row) >= calls_.size()) return;
    try {
        const CallRecord call = store_.load(calls_[static_cast<std::size_t>(row)].id);
        wxString text;
        text << _("Caller: ") << wxString::FromUTF8(call.fields.callerName) << "\n"
             << _("Callback number: ") << wxString::FromUTF8(call.fields.callbackNumber) << "\n"
             << _("Case: ") << wxString::FromUTF8(call.fields.caseNumber) << "\n"
             << _("Reason: ") << wxString::FromUTF8(call.fields.reason) << "\n"
             << _("Outcome: ") << wxString::FromUTF8(outcomes_.labelFor(call.fields.outcome)) << "\n\n";
        for (const auto& line : call.notes)
            text << (line.at ? wxString::FromUTF8(formatTimeOfDay(*line.at)) : wxString("     ")) << "  "
                 << wxString::FromUTF8(line.text) << "\n";
        detail_->ChangeValue(text);
    } catch (const std::exception& e) {
        detail_->ChangeValue(
            wxString::Format(_("This call could not be read: %s"), wxString::FromUTF8(e.what())));
    }
}

EarlierCallsButton::EarlierCallsButton(wxWindow* parent, CallSession& session, CallStore& store,
                                       const OutcomeList& outcomes,
                                       std::function<void(wxWindow*)> placeBeside)
    : wxButton(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT),
      session_(session), store_(store), outcomes_(outcomes), placeBeside_(std::move(placeBeside)) {
    SetToolTip(_("Read the earlier calls with this callback or case number"));
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { open(); });
    Hide();
}

void EarlierCallsButton::refresh() {
    const auto n = session_.inCall() ? session_.earlierCalls().size() : 0;
    const bool show = n > 0;
    if (show) {
        wxString label = wxString::Format(wxPLURAL("%d earlier call from this caller",
                                                   "%d earlier calls from this caller", static_cast<int>(n)),
                                          static_cast<int>(n));
        // Calls from the same number today, this one included: a flood or a problem not yet solved.
        const int today = session_.callsFromNumberToday();
        if (today > 1)
            label += " · " + wxString::Format(wxPLURAL("%d call today", "%d calls today", today), today);
        SetLabel(label);
    }
    if (IsShown() != show) {
        Show(show);
        GetParent()->Layout();
    }
}

void EarlierCallsButton::open() {
    auto calls = session_.earlierCalls();
    if (calls.empty()) return;
    auto* dialog = new EarlierCallsDialog(wxGetTopLevelParent(this), store_, outcomes_, std::move(calls));
    if (placeBeside_) placeBeside_(dialog);
    dialog->Show();
}

} // namespace cc::ui
