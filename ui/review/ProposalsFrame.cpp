#include "review/ProposalsFrame.h"

#include "app/ListColumns.h"
#include "app/WindowPlacement.h"
#include "knowledge/KnowledgeEntryDialog.h"
#include "review/CallExport.h"
#include "sync/PgConnection.h"

#include <wx/button.h>
#include <wx/html/htmlwin.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace cc::ui {

namespace {
wxString esc(const std::string& s) {
    return wxString::FromUTF8(htmlEscape(s));
}

/// The proposed entry, field by field; for a change, what was there before, struck through.
wxString proposalHtml(const KnowledgeProposal& p) {
    KnowledgeEntry proposed = p.entry;
    std::optional<KnowledgeEntry> before = p.current;
    wxString html = "<html><body>";
    html += p.isNew ? _("A new entry") : _("A change to the team's entry");
    html += "<br><table cellspacing=\"2\">";
    for (const std::string_view field : kKnowledgeFields) {
        const std::string& now = *knowledgeField(proposed, field);
        const std::string was = before ? *knowledgeField(*before, field) : std::string();
        if (now.empty() && was.empty()) continue;
        const bool changed = before && now != was;
        html += "<tr><td valign=\"top\"><font color=\"#555555\">" +
                wxStripMenuCodes(knowledgeFieldLabel(field)) + "</font></td><td>";
        if (changed && !was.empty()) html += "<s>" + esc(was) + "</s><br>";
        html += changed ? "<b>" + esc(now) + "</b>" : esc(now);
        html += "</td></tr>";
    }
    html += "</table></body></html>";
    return html;
}
} // namespace

ProposalsFrame::ProposalsFrame(wxWindow* parent, const ServerConfig& config)
    : wxFrame(parent, wxID_ANY, _("Knowledge proposals")), config_(config) {
    SetName("proposals");
    auto* root = new wxPanel(this);
    list_ = new wxListView(root, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->SetName(_("Proposals"));
    list_->SetToolTip(_("New and changed entries your team's agents saved, oldest first"));
    list_->AppendColumn(_("Entry"), wxLIST_FORMAT_LEFT, FromDIP(190));
    list_->AppendColumn(_("From"), wxLIST_FORMAT_LEFT, columnWidthFor(*list_, {_("From"), "alexandra.m"}));
    list_->AppendColumn(_("When"), wxLIST_FORMAT_LEFT,
                        columnWidthFor(*list_, {_("When"), "2026-11-27 08:10"}));
    detail_ =
        new wxHtmlWindow(root, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 180)), wxHW_SCROLLBAR_AUTO);
    detail_->SetName(_("The proposed entry"));
    approve_ = new wxButton(root, wxID_ANY, _("&Approve"));
    approve_->SetToolTip(_("The entry becomes the team's: every companion gets it"));
    reject_ = new wxButton(root, wxID_ANY, _("&Reject"));
    reject_->SetToolTip(_("The team's knowledge base stays as it is"));
    status_ = new wxStaticText(root, wxID_ANY, wxString());
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(approve_, 0, wxRIGHT, FromDIP(8));
    buttons->Add(reject_);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(list_, 1, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(detail_, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(buttons, 0, wxALL, FromDIP(8));
    sizer->Add(status_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
    root->SetSizer(sizer);
    placeWindow(*this, wxSize(460, 560));
    approve_->Disable();
    reject_->Disable();

    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { showSelected(); });
    approve_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { decide(true); });
    reject_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { decide(false); });
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if ((e.GetKeyCode() == WXK_ESCAPE && e.GetModifiers() == wxMOD_NONE) ||
            (e.GetKeyCode() == 'W' && e.GetModifiers() == wxMOD_CONTROL)) {
            Close();
            return;
        }
        if (e.GetKeyCode() == WXK_F5) {
            reload();
            return;
        }
        e.Skip();
    });
    // The entry's title takes what the sender and the time leave of the width.
    list_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        const int rest = list_->GetClientSize().x - list_->GetColumnWidth(1) - list_->GetColumnWidth(2);
        list_->SetColumnWidth(0, std::max(rest, FromDIP(120)));
    });
    list_->SetFocus();
    reload();
}

void ProposalsFrame::say(const wxString& text) {
    status_->SetLabel(text);
    status_->Wrap(status_->GetParent()->GetClientSize().x - FromDIP(16));
    status_->GetParent()->Layout();
}

ProposalsFrame::~ProposalsFrame() {
    stop_ = true; // a server that does not answer does not hold the window open
    task_.wait();
}

int ProposalsFrame::selected() const {
    const long row = list_->GetFirstSelected();
    return row >= 0 && static_cast<std::size_t>(row) < proposals_.size() ? static_cast<int>(row) : -1;
}

void ProposalsFrame::reload() {
    say(_("Reading the proposals…"));
    task_.start<std::vector<KnowledgeProposal>>(
        *this,
        [config = config_, stop = &stop_] {
            PgConnection server(config, stop);
            return pendingProposals(server);
        },
        [this](JobOutcome<std::vector<KnowledgeProposal>> got) {
            if (got.result)
                showList(std::move(*got.result));
            else
                say(wxString::Format(_("The team server did not answer: %s"),
                                     wxString::FromUTF8(got.failure)));
        });
}

void ProposalsFrame::showList(std::vector<KnowledgeProposal> proposals) {
    proposals_ = std::move(proposals);
    list_->DeleteAllItems();
    for (std::size_t i = 0; i < proposals_.size(); ++i) {
        const auto& p = proposals_[i];
        const long row = list_->InsertItem(static_cast<long>(i), wxString::FromUTF8(p.entry.title));
        list_->SetItem(row, 1, wxString::FromUTF8(p.proposedBy));
        list_->SetItem(row, 2, wxString::FromUTF8(p.proposedAt));
    }
    const int waiting = static_cast<int>(proposals_.size());
    say(waiting == 0
            ? _("No proposals wait for you")
            : wxString::Format(wxPLURAL("%d proposal waits for you", "%d proposals wait for you", waiting),
                               waiting));
    if (!proposals_.empty()) {
        list_->Select(0);
        list_->Focus(0);
    }
    showSelected();
}

void ProposalsFrame::showSelected() {
    const int at = selected();
    approve_->Enable(at >= 0);
    reject_->Enable(at >= 0);
    detail_->SetPage(at >= 0 ? proposalHtml(proposals_[static_cast<std::size_t>(at)]) : wxString());
}

void ProposalsFrame::decide(bool approve) {
    const int at = selected();
    if (at < 0) return;
    const KnowledgeProposal p = proposals_[static_cast<std::size_t>(at)];
    approve_->Disable();
    reject_->Disable();
    task_.start<std::vector<KnowledgeProposal>>(
        *this,
        [config = config_, stop = &stop_, id = p.id, approve] {
            PgConnection server(config, stop);
            decideProposal(server, id, approve);
            return pendingProposals(server);
        },
        [this, title = wxString::FromUTF8(p.entry.title),
         approve](JobOutcome<std::vector<KnowledgeProposal>> got) {
            if (!got.result) {
                say(wxString::Format(_("Not decided: %s"), wxString::FromUTF8(got.failure)));
                showSelected();
                return;
            }
            showList(std::move(*got.result));
            // TRANSLATORS: %s is the knowledge entry's title.
            say(wxString::Format(approve ? _("Approved: %s. Every companion of the team gets it.")
                                         : _("Rejected: %s"),
                                 title));
        });
}

} // namespace cc::ui
