#include "review/FloorFrame.h"

#include "app/ListColumns.h"
#include "app/WindowPlacement.h"
#include "core/Format.h"
#include "review/BarChart.h"

#include <algorithm>
#include <wx/app.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace cc::ui {

namespace {
wxString stateLabel(FloorState s) {
    switch (s) {
    case FloorState::Idle: return _("Not on a call");
    case FloorState::Ringing: return _("Ringing");
    case FloorState::Talking: return _("Talking");
    case FloorState::OnHold: return _("On hold");
    case FloorState::WrapUp: return _("Wrap-up");
    case FloorState::Break: return _("On a break");
    case FloorState::Unknown: break;
    }
    // TRANSLATORS: the floor view: no word from this agent's companion for a while (closed, or offline).
    return _("Unknown");
}

/// Past the team's threshold for its state: the row the lead may want to look at.
bool pastThreshold(const FloorRow& r, Duration inState, const FloorThresholds& t) {
    switch (r.state) {
    case FloorState::Talking: return r.inCall && *r.inCall + (inState - r.inState) > t.longTalk;
    case FloorState::OnHold: return inState > t.longHold;
    case FloorState::WrapUp: return inState > t.longWrap;
    default: return false;
    }
}
} // namespace

FloorFrame::FloorFrame(wxWindow* parent, const ServerConfig& config)
    : wxFrame(parent, wxID_ANY, _("The floor")), clock_(this), alive_(std::make_shared<bool>(true)) {
    SetName("floor");
    auto* root = new wxPanel(this);
    list_ = new wxListView(root, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->SetName(_("Agents"));
    list_->SetToolTip(_("Your team's agents, the longest in their state first. Coloured: past the team's "
                        "threshold for a long call, hold or wrap-up."));
    list_->AppendColumn(_("Agent"), wxLIST_FORMAT_LEFT, columnWidthFor(*list_, {_("Agent"), "alexandra.m"}));
    list_->AppendColumn(
        _("State"), wxLIST_FORMAT_LEFT,
        columnWidthFor(*list_, {_("State"), _("Not on a call"), _("On a break"), _("Unknown")}));
    list_->AppendColumn(_("For"), wxLIST_FORMAT_RIGHT, columnWidthFor(*list_, {_("For"), "0:00:00"}));
    list_->AppendColumn(_("Call"), wxLIST_FORMAT_RIGHT, columnWidthFor(*list_, {_("Call"), "0:00:00"}));
    list_->AppendColumn(_("Hold"), wxLIST_FORMAT_RIGHT, columnWidthFor(*list_, {_("Hold"), "0:00:00"}));
    perHour_ = new BarChart(root, _("Today's calls per hour"));
    status_ = new wxStaticText(root, wxID_ANY, _("Reading the floor…"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(list_, 1, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(new wxStaticText(root, wxID_ANY, _("Today's calls per hour")), 0, wxLEFT | wxRIGHT,
               FromDIP(8));
    sizer->Add(perHour_, 0, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(status_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
    root->SetSizer(sizer);
    placeWindow(*this, wxSize(520, 560));

    Bind(
        wxEVT_TIMER, [this](wxTimerEvent&) { redraw(); }, clock_.GetId());
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if ((e.GetKeyCode() == WXK_ESCAPE && e.GetModifiers() == wxMOD_NONE) ||
            (e.GetKeyCode() == 'W' && e.GetModifiers() == wxMOD_CONTROL)) {
            Close();
            return;
        }
        e.Skip();
    });
    std::weak_ptr<bool> alive = alive_;
    watcher_ = std::make_unique<FloorWatcher>(
        config,
        [this, alive](const FloorView& view) {
            wxTheApp->CallAfter([this, alive, view] {
                if (alive.lock()) show(view);
            });
        },
        [this, alive](const std::string& problem) {
            wxTheApp->CallAfter([this, alive, problem] {
                if (alive.lock())
                    status_->SetLabel(
                        wxString::Format(_("The team server cannot be reached (%s): trying again"),
                                         wxString::FromUTF8(problem)));
            });
        });
    clock_.Start(1000);
}

FloorFrame::~FloorFrame() {
    alive_.reset();
    watcher_.reset(); // stops its thread at once
}

void FloorFrame::show(const FloorView& view) {
    view_ = view;
    readAt_ = std::chrono::steady_clock::now();
    std::vector<wxString> hours;
    std::vector<int> counts;
    for (int h = 7; h < 20; ++h) {
        hours.push_back(wxString::Format("%d", h));
        counts.push_back(view.callsPerHour[static_cast<std::size_t>(h)]);
    }
    perHour_->show(hours, counts);
    status_->SetLabel(wxString::Format(
        _("Updated at %s"), wxString::FromUTF8(formatTimeOfDay(std::chrono::system_clock::now()))));
    redraw();
}

void FloorFrame::redraw() {
    // The clocks run here between the server's changes, on this PC's steady clock.
    const auto since = std::chrono::duration_cast<Duration>(std::chrono::steady_clock::now() - readAt_);
    std::vector<const FloorRow*> rows;
    for (const auto& r : view_.agents)
        rows.push_back(&r);
    // The longest in their state first; unknown ones last.
    std::stable_sort(rows.begin(), rows.end(), [](const FloorRow* a, const FloorRow* b) {
        const bool ua = a->state == FloorState::Unknown, ub = b->state == FloorState::Unknown;
        if (ua != ub) return ub;
        return a->inState > b->inState;
    });
    const long selected = list_->GetFirstSelected();
    const wxString selectedAgent = selected >= 0 ? list_->GetItemText(selected) : wxString();
    list_->Freeze();
    if (list_->GetItemCount() != static_cast<int>(rows.size())) {
        list_->DeleteAllItems();
        for (std::size_t i = 0; i < rows.size(); ++i)
            list_->InsertItem(static_cast<long>(i), wxString());
    }
    const wxColour alert =
        wxSystemSettings::GetAppearance().IsDark() ? wxColour(110, 40, 30) : wxColour(255, 214, 200);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const FloorRow& r = *rows[i];
        const auto row = static_cast<long>(i);
        const bool known = r.state != FloorState::Unknown;
        const Duration inState = r.inState + (known ? since : Duration{0});
        list_->SetItem(row, 0, wxString::FromUTF8(r.agent));
        list_->SetItem(row, 1, stateLabel(r.state));
        list_->SetItem(row, 2, known ? wxString::FromUTF8(formatDuration(inState)) : wxString());
        list_->SetItem(row, 3, r.inCall ? wxString::FromUTF8(formatDuration(*r.inCall + since)) : wxString());
        // The hold so far: the call's earlier holds, and this one while it lasts.
        const Duration hold = r.hold + (r.state == FloorState::OnHold ? inState : Duration{0});
        list_->SetItem(row, 4, r.inCall ? wxString::FromUTF8(formatDuration(hold)) : wxString());
        list_->SetItemBackgroundColour(row, pastThreshold(r, inState, view_.thresholds)
                                                ? alert
                                                : wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOX));
        if (!selectedAgent.empty() && wxString::FromUTF8(r.agent) == selectedAgent) list_->Select(row);
    }
    list_->Thaw();
    // The title says the floor in one line, for the taskbar too.
    int talking = 0, onHold = 0, wrapUp = 0;
    for (const auto& r : view_.agents) {
        talking += r.state == FloorState::Talking || r.state == FloorState::Ringing;
        onHold += r.state == FloorState::OnHold;
        wrapUp += r.state == FloorState::WrapUp;
    }
    const wxString title =
        wxString::Format(_("The floor: %d talking · %d on hold · %d in wrap-up"), talking, onHold, wrapUp);
    if (GetTitle() != title) SetTitle(title);
}

} // namespace cc::ui
