#include "review/TeamFrame.h"

#include "app/BackgroundJob.h"
#include "app/ListColumns.h"
#include "app/WindowPlacement.h"
#include "core/Format.h"
#include "data/OutcomeList.h"
#include "review/ReviewWorkspace.h"
#include "sync/PgConnection.h"

#include <algorithm>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

namespace cc::ui {

namespace {
struct Found {
    std::vector<std::string> teams;
    std::vector<std::string> agents;
    std::vector<TeamCall> calls;
};
} // namespace

TeamFrame::TeamFrame(wxWindow* parent, ReviewWorkspace& workspace)
    : wxFrame(parent, wxID_ANY, _("Team calls")), workspace_(workspace) {
    SetName("team");
    auto* root = new wxPanel(this);

    team_ = new wxChoice(root, wxID_ANY);
    team_->SetName(_("Team"));
    team_->SetToolTip(_("Only this team's calls"));
    team_->Append(_("Every team"));
    team_->SetSelection(0);
    team_->Hide();
    agent_ = new wxChoice(root, wxID_ANY);
    agent_->SetName(_("Agent"));
    agent_->SetToolTip(_("Only this agent's calls (Alt+A)"));
    agent_->Append(_("Every agent"));
    agent_->SetSelection(0);
    words_ = new wxSearchCtrl(root, wxID_ANY, wxString(), wxDefaultPosition,
                              wxSize(root->GetTextExtent(_("Words in the notes")).x + FromDIP(80), -1));
    words_->SetDescriptiveText(_("Words in the notes"));
    words_->SetName(_("Words in the notes"));
    words_->SetToolTip(_("Calls whose notes hold all these words, across the team (Ctrl+F; Enter searches)"));
    words_->ShowCancelButton(true);
    notReviewed_ = new wxCheckBox(root, wxID_ANY, _("&Not yet reviewed"));
    notReviewed_->SetToolTip(_("Only calls nobody has reviewed yet"));

    list_ = new wxListView(root, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->SetName(_("Team calls"));
    list_->SetToolTip(_("The team's calls that match, newest first. Enter opens the review."));
    list_->AppendColumn(_("Started"), wxLIST_FORMAT_LEFT,
                        columnWidthFor(*list_, {_("Started"), "2026-11-27 08:10:00"}));
    list_->AppendColumn(_("Agent"), wxLIST_FORMAT_LEFT, columnWidthFor(*list_, {_("Agent"), "alexandra.m"}));
    list_->AppendColumn(_("Caller"), wxLIST_FORMAT_LEFT,
                        columnWidthFor(*list_, {_("Caller"), "Alexandra Montgomery"}));
    list_->AppendColumn(_("Outcome"), wxLIST_FORMAT_LEFT,
                        columnWidthFor(*list_, {_("Outcome"), "Referred elsewhere"}));
    list_->AppendColumn(_("Talk"), wxLIST_FORMAT_RIGHT, columnWidthFor(*list_, {_("Talk"), "0:00:00"}));
    list_->AppendColumn(_("Hold"), wxLIST_FORMAT_RIGHT, columnWidthFor(*list_, {_("Hold"), "0:00:00"}));
    list_->AppendColumn(_("Reviews"), wxLIST_FORMAT_RIGHT, columnWidthFor(*list_, {_("Reviews")}));
    count_ = new wxStaticText(root, wxID_ANY, wxString());
    auto* review = new wxButton(root, wxID_ANY, _("&Review call"));
    review->SetToolTip(_("Open the selected call's timeline and scorecard, read-only (Enter)"));
    auto* stats = new wxButton(root, wxID_ANY, _("S&tats…"));
    stats->SetToolTip(_("The chosen agent's figures for today and this week, as they see them (the agent "
                        "of the selected call when every agent is listed)"));

    auto* filters = new wxWrapSizer(wxHORIZONTAL);
    filters->Add(team_, 0, wxRIGHT | wxBOTTOM, FromDIP(8));
    auto* agentPair = new wxBoxSizer(wxHORIZONTAL);
    agentPair->Add(new wxStaticText(root, wxID_ANY, _("&Agent")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
                   FromDIP(4));
    agentPair->Add(agent_, 0);
    filters->Add(agentPair, 0, wxRIGHT | wxBOTTOM, FromDIP(8));
    filters->Add(words_, 1, wxRIGHT | wxBOTTOM, FromDIP(8));
    filters->Add(notReviewed_, 0, wxALIGN_CENTER_VERTICAL | wxBOTTOM, FromDIP(8));
    auto* bottom = new wxBoxSizer(wxHORIZONTAL);
    bottom->Add(count_, 1, wxALIGN_CENTER_VERTICAL);
    bottom->Add(stats, 0, wxRIGHT, FromDIP(4));
    bottom->Add(review, 0);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(filters, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(bottom, 0, wxEXPAND | wxALL, FromDIP(8));
    root->SetSizer(sizer);
    placeWindow(*this, wxSize(960, 560));

    agent_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refresh(); });
    team_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refresh(); });
    notReviewed_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { refresh(); });
    words_->Bind(wxEVT_SEARCHCTRL_SEARCH_BTN, [this](wxCommandEvent&) { refresh(); });
    words_->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) {
        words_->Clear();
        refresh();
    });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { openSelected(); });
    review->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { openSelected(); });
    stats->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        std::string agent;
        if (const int a = agent_->GetSelection(); a > 0)
            agent = agents_[static_cast<std::size_t>(a - 1)];
        else if (const long row = list_->GetFirstSelected();
                 row >= 0 && static_cast<std::size_t>(row) < calls_.size())
            agent = calls_[static_cast<std::size_t>(row)].agent;
        if (agent.empty()) {
            count_->SetLabel(_("Choose an agent, or a call of theirs, first"));
            return;
        }
        workspace_.openTeamStats(this, agent);
    });
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        const int key = e.GetKeyCode();
        if (e.GetModifiers() == wxMOD_CONTROL && key == 'F') return words_->SetFocus();
        if (e.GetModifiers() == wxMOD_ALT && key == 'A') return agent_->SetFocus();
        if (key == WXK_DOWN && e.GetModifiers() == wxMOD_NONE && words_->HasFocus() &&
            list_->GetItemCount() > 0) {
            const long row = std::max(0L, list_->GetFirstSelected());
            list_->Select(row);
            list_->Focus(row);
            list_->SetFocus();
            return;
        }
        if ((key == WXK_ESCAPE && e.GetModifiers() == wxMOD_NONE) ||
            (e.GetModifiers() == wxMOD_CONTROL && key == 'W')) {
            Close();
            return;
        }
        e.Skip();
    });
    words_->SetFocus();
    CallAfter([this] { refresh(); });
}

void TeamFrame::refresh() {
    TeamFilter filter;
    if (const int a = agent_->GetSelection(); a > 0) filter.agent = agents_[static_cast<std::size_t>(a - 1)];
    if (const int t = team_->GetSelection(); t > 0) filter.team = teams_[static_cast<std::size_t>(t - 1)];
    filter.words = words_->GetValue().utf8_string();
    filter.notReviewed = notReviewed_->IsChecked();
    const ServerConfig config = *workspace_.teamServer();
    // The progress dialog takes the keyboard while the server answers: it comes back where it was.
    wxWindow* had = FindFocus();
    if (!had || !IsDescendant(had)) had = words_;
    auto found = runWithProgress<Found>(
        this, _("Team server"), _("Asking the team server…"), [config, filter](const Progress& progress) {
            PgConnection server(config, progress.cancel);
            return Found{visibleTeams(server), teamAgents(server), findTeamCalls(server, filter)};
        });
    had->SetFocus();
    if (!found.result) {
        if (!found.failure.empty())
            count_->SetLabel(
                wxString::Format(_("The team server did not answer: %s"), wxString::FromUTF8(found.failure)));
        return;
    }
    // The choices keep their picks when the lists grow.
    const wxString pickedTeam = team_->GetStringSelection();
    teams_ = found.result->teams;
    team_->Freeze();
    team_->Clear();
    team_->Append(_("Every team"));
    for (const auto& t : teams_)
        team_->Append(wxString::FromUTF8(t));
    if (!team_->SetStringSelection(pickedTeam)) team_->SetSelection(0);
    team_->Thaw();
    if (team_->IsShown() != (teams_.size() > 1)) {
        team_->Show(teams_.size() > 1);
        team_->GetParent()->Layout();
    }
    const wxString picked = agent_->GetStringSelection();
    agents_ = found.result->agents;
    agent_->Freeze();
    agent_->Clear();
    agent_->Append(_("Every agent"));
    for (const auto& a : agents_)
        agent_->Append(wxString::FromUTF8(a));
    if (!agent_->SetStringSelection(picked)) agent_->SetSelection(0);
    agent_->Thaw();
    calls_ = std::move(found.result->calls);
    showCalls();
}

void TeamFrame::showCalls() {
    list_->Freeze();
    list_->DeleteAllItems();
    const OutcomeList& outcomes = workspace_.outcomes();
    for (std::size_t i = 0; i < calls_.size(); ++i) {
        const TeamCall& c = calls_[i];
        const long row = list_->InsertItem(
            static_cast<long>(i), wxString::FromUTF8(formatLocalDateTime(c.startedAt).substr(0, 16)));
        list_->SetItem(row, 1, wxString::FromUTF8(c.agent));
        list_->SetItem(row, 2, wxString::FromUTF8(c.callerName));
        list_->SetItem(row, 3,
                       c.outcome.empty() ? wxString() : wxString::FromUTF8(outcomes.labelFor(c.outcome)));
        list_->SetItem(row, 4, wxString::FromUTF8(formatDuration(c.talk)));
        list_->SetItem(row, 5, wxString::FromUTF8(formatDuration(c.hold)));
        list_->SetItem(row, 6, c.reviews ? wxString::Format("%d", c.reviews) : wxString());
    }
    list_->Thaw();
    if (!calls_.empty()) {
        list_->Select(0);
        list_->Focus(0);
    }
    count_->SetLabel(wxString::Format(wxPLURAL("%zu call", "%zu calls", calls_.size()), calls_.size()));
}

void TeamFrame::openSelected() {
    const long row = list_->GetFirstSelected();
    if (row < 0 || static_cast<std::size_t>(row) >= calls_.size()) return;
    const TeamCall picked = calls_[static_cast<std::size_t>(row)];
    // The agent's calls listed here open together, as one archive of their store: the history window
    // lists them, and the review window steps through them.
    std::vector<std::int64_t> ids;
    for (const auto& c : calls_)
        if (c.storeId == picked.storeId) ids.push_back(c.localId);
    workspace_.openTeamCalls(this, picked.storeId, picked.agent, ids, picked.localId);
}

} // namespace cc::ui
