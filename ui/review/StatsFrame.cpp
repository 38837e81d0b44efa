#include "review/StatsFrame.h"

#include "app/WindowPlacement.h"
#include "core/Format.h"
#include "data/OutcomeList.h"
#include "review/AgentStats.h"
#include "review/BarChart.h"
#include "store/Database.h"

#include <wx/button.h>
#include <wx/panel.h>
#include <wx/radiobox.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace cc::ui {

StatsFrame::StatsFrame(wxWindow* parent, std::unique_ptr<Database> db, const OutcomeList& outcomes,
                       const wxString& agent)
    : wxFrame(parent, wxID_ANY,
              agent.empty() ? _("My stats") : wxString::Format(_("Stats: %s (from the team server)"), agent)),
      db_(std::move(db)), outcomes_(outcomes), agent_(agent) {
    SetName("stats");
    auto* root = new wxPanel(this);
    const wxString periods[] = {_("Today"), _("This week")};
    period_ = new wxRadioBox(root, wxID_ANY, _("Period"), wxDefaultPosition, wxDefaultSize, 2, periods, 2);
    period_->SetName(_("Period"));
    period_->SetToolTip(_("Today, or this week from Monday"));
    auto* note = new wxStaticText(
        root, wxID_ANY,
        agent.empty() ? _("For your own awareness: no targets, no ranking. A solved problem and a satisfied "
                          "customer matter more than seconds.")
                      : _("The figures the agent sees of their own calls, for a conversation, not a ranking. "
                          "Their breaks stay on their PC."));
    note->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    note->Wrap(FromDIP(520));
    figures_ = new wxStaticText(root, wxID_ANY, wxString());
    figures_->SetName(_("Figures"));
    perHour_ = new BarChart(root, _("Calls per hour"));
    handle_ = new BarChart(root, _("Handle time (minutes)"));
    auto* close = new wxButton(root, wxID_CLOSE);
    close->SetToolTip(_("Close (Escape)"));

    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(period_, 0, wxEXPAND | wxALL, gap);
    sizer->Add(note, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
    sizer->Add(figures_, 0, wxEXPAND | wxALL, gap);
    sizer->Add(new wxStaticText(root, wxID_ANY, _("Calls per hour")), 0, wxLEFT | wxRIGHT, gap);
    sizer->Add(perHour_, 1, wxEXPAND | wxALL, gap);
    sizer->Add(new wxStaticText(root, wxID_ANY, _("Handle time (minutes)")), 0, wxLEFT | wxRIGHT, gap);
    sizer->Add(handle_, 1, wxEXPAND | wxALL, gap);
    sizer->Add(close, 0, wxALIGN_RIGHT | wxALL, gap);
    root->SetSizer(sizer);
    placeWindow(*this, wxSize(560, 640));

    period_->Bind(wxEVT_RADIOBOX, [this](wxCommandEvent&) { refresh(); });
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); });
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_ESCAPE) {
            Close();
            return;
        }
        e.Skip();
    });
    refresh();
}

StatsFrame::~StatsFrame() = default;

void StatsFrame::refresh() {
    const WallTime now = std::chrono::system_clock::now();
    const bool week = period_->GetSelection() == 1;
    const WallTime from = week ? startOfLocalWeek(now) : startOfLocalDay(now);
    AgentStats s;
    try {
        s = computeStats(*db_, from, now + std::chrono::hours(1), now);
    } catch (const std::exception& e) {
        figures_->SetLabel(
            wxString::Format(_("Your calls cannot be read: %s"), wxString::FromUTF8(e.what())));
        return;
    }
    wxString text;
    text << wxString::Format(wxPLURAL("%d call", "%d calls", s.calls), s.calls);
    if (s.missed) text << " · " << wxString::Format(wxPLURAL("%d missed", "%d missed", s.missed), s.missed);
    text << "\n" << _("Average handle time") << ": " << wxString::FromUTF8(formatDuration(s.averageHandle()));
    text << "\n" << _("Time on hold") << ": " << wxString::Format("%.0f%%", 100.0 * s.holdShare());
    text << "\n" << _("Difficult calls") << ": " << s.difficult;
    if (agent_.empty()) {
        text << "\n" << _("Breaks taken") << ": " << s.breaks;
        if (s.breaks) text << " (" << wxString::FromUTF8(formatDuration(s.breakTime)) << ")";
    }
    if (!s.outcomes.empty()) {
        text << "\n" << _("Outcomes") << ":";
        for (const auto& [id, n] : s.outcomes)
            text << "\n    " << (id.empty() ? _("none set") : wxString::FromUTF8(outcomes_.labelFor(id)))
                 << ": " << n;
    }
    figures_->SetLabel(text);

    std::vector<wxString> hours;
    std::vector<int> perHour;
    // The working part of the day: from the first hour with a call (or 8:00) to the last (or 18:00).
    int first = 8, last = 18;
    for (int h = 0; h < 24; ++h)
        if (s.callsPerHour[static_cast<std::size_t>(h)]) {
            first = std::min(first, h);
            last = std::max(last, h + 1);
        }
    for (int h = first; h < last; ++h) {
        hours.push_back(wxString::Format("%d", h));
        perHour.push_back(s.callsPerHour[static_cast<std::size_t>(h)]);
    }
    perHour_->show(hours, perHour);

    std::vector<wxString> buckets;
    int lower = 0;
    for (int edge : AgentStats::kHandleEdgesMinutes) {
        buckets.push_back(wxString::Format("%d–%d", lower, edge));
        lower = edge;
    }
    buckets.push_back(wxString::Format("%d+", lower));
    handle_->show(buckets, std::vector<int>(s.handleHistogram.begin(), s.handleHistogram.end()));
    GetChildren().front()->Layout();
}

} // namespace cc::ui
