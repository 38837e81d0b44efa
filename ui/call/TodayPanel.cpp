#include "call/TodayPanel.h"

#include "app/ListColumns.h"
#include "core/Format.h"

#include <algorithm>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace cc::ui {

TodayPanel::TodayPanel(wxWindow* parent, const OutcomeList& outcomes, std::function<void(std::int64_t)> open)
    : wxPanel(parent, wxID_ANY), outcomes_(outcomes), open_(std::move(open)) {
    list_ = new wxListView(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->SetName(_("Today's calls"));
    list_->SetToolTip(
        _("Today's calls, newest first: start time, caller, handle time and outcome. Enter opens the call."));
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
        const long row = e.GetIndex();
        if (row >= 0 && static_cast<std::size_t>(row) < ids_.size() && open_) open_(ids_[row]);
    });
    list_->AppendColumn(_("Time"), wxLIST_FORMAT_LEFT);
    list_->AppendColumn(_("Caller"), wxLIST_FORMAT_LEFT);
    // TRANSLATORS: handle time, the length of a call: talk + hold + wrap-up.
    list_->AppendColumn(_("Length"), wxLIST_FORMAT_RIGHT);
    list_->AppendColumn(_("Outcome"), wxLIST_FORMAT_LEFT);
    // The time and the length take what their text needs in this font (a larger font cut "08:10" to
    // "0…"); the caller and the outcome share the rest of the width.
    list_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        fitColumns();
    });
    summary_ = new wxStaticText(this, wxID_ANY, wxString());

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(list_, 1, wxEXPAND | wxALL, FromDIP(4));
    sizer->Add(summary_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6));
    SetSizer(sizer);
}

void TodayPanel::fitColumns() {
    const int time = columnWidthFor(*list_, {_("Time"), "00:00"});
    const int length = columnWidthFor(*list_, {_("Length"), "0:00:00", _("missed")});
    const int rest = std::max(list_->GetClientSize().x - time - length - FromDIP(4), 2 * FromDIP(60));
    // The outcome's heading stays whole; the caller's name has the rest.
    const int outcome = std::max(rest - rest * 11 / 20, columnWidthFor(*list_, {_("Outcome")}));
    list_->SetColumnWidth(0, time);
    list_->SetColumnWidth(1, rest - outcome);
    list_->SetColumnWidth(2, length);
    list_->SetColumnWidth(3, outcome);
}

void TodayPanel::show(const std::vector<CallSummary>& calls) {
    list_->Freeze();
    list_->DeleteAllItems();
    ids_.clear();
    int finished = 0, practice = 0;
    for (const auto& c : calls) {
        if (!c.finished) continue;      // the call in progress is at the top of the window already
        finished += c.training ? 0 : 1; // practice calls are listed, not counted
        practice += c.training ? 1 : 0;
        const long row =
            list_->InsertItem(list_->GetItemCount(), wxString::FromUTF8(formatTimeOfDay(c.startedAt)));
        ids_.push_back(c.id);
        wxString who = wxString::FromUTF8(c.callerName);
        if (who.empty()) who = wxString::FromUTF8(c.caseNumber);
        // TRANSLATORS: today's list, a call whose caller gave no name and has no case number.
        if (who.empty()) who = _("(no name)");
        // TRANSLATORS: marks a practice call in training mode in today's list.
        if (c.training) who = _("(practice) ") + who;
        list_->SetItem(row, 1, who);
        list_->SetItem(row, 2,
                       c.missed ? wxString(_("missed")) : wxString::FromUTF8(formatDuration(c.handleTime())));
        list_->SetItem(row, 3,
                       c.outcome.empty() ? wxString() : wxString::FromUTF8(outcomes_.labelFor(c.outcome)));
    }
    list_->Thaw();
    wxString summary = wxString::Format(wxPLURAL("%d call today", "%d calls today", finished), finished);
    // TRANSLATORS: after "3 calls today": the practice calls listed too, which the count leaves out.
    if (practice > 0)
        summary << " · "
                << wxString::Format(wxPLURAL("%d practice call", "%d practice calls", practice), practice);
    summary_->SetLabel(summary);
}

} // namespace cc::ui
