#include "knowledge/KnowledgePanel.h"

#include "core/Platform.h"
#include "knowledge/KnowledgeBase.h"
#include "knowledge/KnowledgeEntryDialog.h"
#include "knowledge/Referral.h"
#include "knowledge/SearchWorker.h"

#include <algorithm>
#include <ctime>
#include <wx/button.h>
#include <wx/clipbrd.h>
#include <wx/html/htmlwin.h>
#include <wx/htmllbox.h>
#include <wx/msgdlg.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

namespace cc::ui {

namespace {
wxString esc(const std::string& s) {
    wxString out;
    for (wxUniChar c : wxString::FromUTF8(s)) {
        if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else if (c == '&')
            out += "&amp;";
        else if (c == '"')
            out += "&quot;";
        else
            out += c;
    }
    return out;
}

std::string today() {
    const std::tm t = localParts(std::time(nullptr));
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &t);
    return buf;
}
} // namespace

KnowledgePanel::KnowledgePanel(wxWindow* parent, KnowledgeBase& kb, const std::filesystem::path& database,
                               int staleDays, KnowledgeActions actions,
                               std::shared_ptr<const QueryVocabulary> vocabulary)
    : wxPanel(parent, wxID_ANY), kb_(kb), staleDays_(staleDays), actions_(std::move(actions)) {
    query_ =
        new wxSearchCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    query_->SetDescriptiveText(_("Who can help with… (Ctrl+K)"));
    query_->SetName(_("Search the knowledge base"));
    query_->SetToolTip(_("Type what the caller needs; results follow every keystroke. Up and Down: pick a "
                         "result, Enter: open, Escape: back to the notes"));
    count_ = new wxStaticText(this, wxID_ANY, wxString());
    count_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));

    results_ = new wxSimpleHtmlListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 90)));
    results_->SetName(_("Knowledge search results"));
    results_->SetToolTip(_("Arrows pick, Enter opens the referral card"));

    card_ =
        new wxHtmlWindow(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 110)), wxHW_SCROLLBAR_AUTO);
    card_->SetName(_("Referral card"));
    card_->SetToolTip(_("Who can help, how to reach them, their hours and what to say"));
    card_->SetBorders(FromDIP(4));

    copy_ = new wxButton(this, wxID_ANY, _("&Copy"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    copy_->SetToolTip(_("Put this referral card on the clipboard"));
    insert_ = new wxButton(this, wxID_ANY, _("&Insert into notes"), wxDefaultPosition, wxDefaultSize,
                           wxBU_EXACTFIT);
    insert_->SetToolTip(_("Write \"Referred to: …\" into the call's notes and its timeline"));
    edit_ = new wxButton(this, wxID_ANY, _("&Edit…"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    edit_->SetToolTip(_("Change this entry (it is marked as verified today)"));
    auto* add = new wxButton(this, wxID_ANY, _("&New…"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    add->SetToolTip(_("Save a new referral found during a call"));
    for (wxButton* b : {copy_, insert_, edit_})
        b->Disable();

    copy_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { copyCard(); });
    insert_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { insertShown(); });
    edit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { editEntry(); });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { newEntry(); });

    query_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { onQueryChanged(); });
    query_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        if (results_->GetItemCount() == 0) return;
        if (results_->GetSelection() == wxNOT_FOUND) results_->SetSelection(0);
        showCard(results_->GetSelection());
    });
    query_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        // The arrows pick a result while the keyboard stays in the box: each press moves the card
        // shown, and the agent can go on typing to narrow the search.
        if ((e.GetKeyCode() == WXK_DOWN || e.GetKeyCode() == WXK_UP) && e.GetModifiers() == wxMOD_NONE &&
            results_->GetItemCount() > 0) {
            const int last = static_cast<int>(results_->GetItemCount()) - 1;
            const int at = results_->GetSelection();
            const int row =
                at == wxNOT_FOUND ? 0 : std::clamp(at + (e.GetKeyCode() == WXK_DOWN ? 1 : -1), 0, last);
            results_->SetSelection(row);
            showCard(row);
            return;
        }
        e.Skip();
    });
    results_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& e) { showCard(e.GetSelection()); });
    results_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent& e) { showCard(e.GetSelection()); });
    results_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_RETURN || e.GetKeyCode() == WXK_NUMPAD_ENTER) {
            showCard(results_->GetSelection());
            if (shown_) insert_->SetFocus();
            return;
        }
        if (e.GetKeyCode() == WXK_BACK && e.GetModifiers() == wxMOD_NONE) {
            query_->SetFocus();
            query_->SetInsertionPointEnd();
            const long end = query_->GetLastPosition();
            if (end > 0) query_->Remove(end - 1, end);
            return;
        }
        e.Skip();
    });
    // Letters typed in the list (reached with Tab or a click) go on with the query, not lost.
    results_->Bind(wxEVT_CHAR, [this](wxKeyEvent& e) {
        const wxChar c = e.GetUnicodeKey();
        if (c >= 32 && c != 127 && (e.GetModifiers() & ~wxMOD_SHIFT) == 0) {
            query_->SetFocus();
            query_->SetInsertionPointEnd();
            query_->WriteText(wxString(c));
            return;
        }
        e.Skip();
    });
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_ESCAPE && e.GetModifiers() == wxMOD_NONE) {
            actions_.backToNotes();
            return;
        }
        e.Skip();
    });

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(query_, 1, wxALIGN_CENTRE_VERTICAL);
    // The card's buttons wrap onto a second line in a narrow window or at a large font.
    auto* buttons = new wxWrapSizer(wxHORIZONTAL);
    for (wxButton* b : {copy_, insert_, edit_, add})
        buttons->Add(b, 0, wxRIGHT | wxBOTTOM, FromDIP(4));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, 0, wxEXPAND | wxALL, FromDIP(4));
    sizer->Add(count_, 0, wxLEFT | wxRIGHT, FromDIP(6));
    // The card gets the larger share: it is what the agent reads out. Both scroll when the window is short.
    sizer->Add(results_, 2, wxEXPAND | wxALL, FromDIP(4));
    sizer->Add(card_, 3, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(4));
    sizer->Add(buttons, 0, wxALL, FromDIP(4));
    SetSizer(sizer);
    // On a short page (a small window, large text) the list gives way first: a result or two stays in
    // sight, and the card keeps room for who to call and their number.
    results_->SetMinSize(wxSize(-1, 3 * GetCharHeight()));
    card_->SetMinSize(wxSize(-1, 5 * GetCharHeight()));
    card_->SetPage("<html><body><font color=\"#777777\">" +
                   _("Pick a result to see who can help and what to say.") + "</font></body></html>");

    worker_ = std::make_unique<SearchWorker>(
        database,
        [this](std::uint64_t g, KnowledgeResults found) {
            // On the worker thread: hand the results to the UI thread.
            CallAfter([this, g, found = std::move(found)]() mutable { showHits(g, std::move(found)); });
        },
        std::move(vocabulary));
}

KnowledgePanel::~KnowledgePanel() {
    worker_.reset();
}

void KnowledgePanel::focusSearch() {
    query_->SetFocus();
    query_->SelectAll();
}

void KnowledgePanel::refreshResults() {
    onQueryChanged();
}

void KnowledgePanel::search(const std::string& query) {
    query_->ChangeValue(wxString::FromUTF8(query));
    onQueryChanged();
}

void KnowledgePanel::onQueryChanged() {
    const std::string q = query_->GetValue().utf8_string();
    if (q.find_first_not_of(" \t") == std::string::npos) {
        latest_ = 0;
        found_ = {};
        results_->Clear();
        selectedRow_ = -1;
        count_->SetLabel(wxString());
        return;
    }
    latest_ = worker_->submit(q);
}

void KnowledgePanel::showHits(std::uint64_t generation, KnowledgeResults found) {
    if (generation != latest_) return; // an older keystroke's answer
    const std::int64_t wasShown = shown_ ? shown_->id : 0;
    found_ = std::move(found);
    const auto& hits = found_.hits;
    results_->Freeze();
    results_->Clear();
    selectedRow_ = -1;
    for (const auto& h : hits)
        results_->Append(itemHtml(h, false));
    results_->Thaw();
    wxString label;
    if (!found_.searchedFor.empty())
        // TRANSLATORS: shown when typos were corrected; %s is the corrected query.
        label = wxString::Format(_("Searched for: %s."), wxString::FromUTF8(found_.searchedFor)) + " ";
    if (hits.empty() && found_.meaningfulWords == 0)
        label += _("Only common words so far: type what the caller needs.");
    else if (hits.empty())
        label += _("Nothing in the knowledge base matches. Try other words, or add a new entry.");
    else if (found_.weak)
        label += _("No close match. Nearest entries:");
    else
        label += wxString::Format(wxPLURAL("%d result", "%d results", static_cast<int>(hits.size())),
                                  static_cast<int>(hits.size()));
    count_->SetLabel(label);
    count_->Wrap(std::max(GetClientSize().GetWidth() - FromDIP(12), FromDIP(120)));
    // The card always shows the selected result, so Insert (Alt+I) inserts what the agent sees: the
    // best match, or the entry the agent picked in the list if this answer has it too. (An entry picked
    // only by an earlier answer, such as the quick one before the full ranking, is not kept.)
    int row = hits.empty() ? -1 : 0;
    if (results_->HasFocus())
        for (std::size_t i = 0; i < hits.size(); ++i)
            if (hits[i].id == wasShown) row = static_cast<int>(i);
    if (row >= 0) {
        results_->SetSelection(row);
        showCard(row);
    } else {
        shown_.reset();
        for (wxButton* b : {copy_, insert_, edit_})
            b->Disable();
        card_->SetPage("<html><body><font color=\"#777777\">" +
                       _("Pick a result to see who can help and what to say.") + "</font></body></html>");
    }
    Layout();
}

bool KnowledgePanel::stale(const std::string& lastVerified) const {
    KnowledgeEntry e;
    e.lastVerified = lastVerified;
    const auto days = daysSinceVerified(e, today());
    return !days || *days > staleDays_;
}

wxString KnowledgePanel::itemHtml(const KnowledgeHit& h, bool selected) const {
    wxString snippet = esc(h.snippet);
    snippet.Replace("\x02", "<b>");
    snippet.Replace("\x03", "</b>");
    // Grey and amber do not read on the selection's colour: the selected row is drawn in its text colour.
    auto tint = [selected](const wxString& colour, const wxString& text) {
        return selected ? text : "<font color=\"" + colour + "\">" + text + "</font>";
    };
    wxString html = "<b>" + esc(h.title) + "</b>";
    if (!h.handledBy.empty()) html += " " + tint("#666666", wxString::FromUTF8("· ") + esc(h.handledBy));
    // TRANSLATORS: a marker on a knowledge entry that nobody has checked for a long time.
    if (stale(h.lastVerified)) html += " " + tint("#B26A00", "[" + _("stale") + "]");
    // TRANSLATORS: a marker on a search result that agents referred similar searches to before.
    if (h.learned) html += " " + tint("#2E7D32", "[" + _("used before") + "]");
    return html + "<br><font size=\"-1\">" + snippet + "</font>";
}

void KnowledgePanel::showCard(int row) {
    if (row < 0 || static_cast<std::size_t>(row) >= found_.hits.size()) return;
    const auto& hits = found_.hits;
    if (selectedRow_ != row) {
        if (selectedRow_ >= 0 && static_cast<std::size_t>(selectedRow_) < hits.size())
            results_->SetString(static_cast<unsigned>(selectedRow_),
                                itemHtml(hits[static_cast<std::size_t>(selectedRow_)], false));
        results_->SetString(static_cast<unsigned>(row), itemHtml(hits[static_cast<std::size_t>(row)], true));
        selectedRow_ = row;
    }
    shown_ = kb_.get(found_.hits[static_cast<std::size_t>(row)].id);
    for (wxButton* b : {copy_, insert_, edit_})
        b->Enable(shown_.has_value());
    if (!shown_) return;
    const KnowledgeEntry& e = *shown_;
    wxString html = "<html><body><b>" + esc(e.title) + "</b><br>";
    auto row2 = [&html](const wxString& label, const std::string& value, bool link = false) {
        if (value.empty()) return;
        html += "<font color=\"#777777\">" + label + "</font> ";
        html += link ? "<a href=\"" + esc(value) + "\">" + esc(value) + "</a>" : esc(value);
        html += "<br>";
    };
    row2(_("Who:"), e.handledBy);
    row2(_("Phone:"), e.phone);
    row2(_("Web:"), e.url, true);
    row2(_("Email:"), e.email);
    row2(_("Hours:"), e.hours);
    if (!e.whatToSay.empty()) html += "<i>“" + esc(e.whatToSay) + "”</i><br>";
    if (stale(e.lastVerified))
        html += "<font color=\"#B26A00\">" +
                wxString::Format(_("Last verified %s: older than %d days, check before relying on it."),
                                 e.lastVerified.empty() ? wxString(_("never"))
                                                        : wxString::FromUTF8(e.lastVerified),
                                 staleDays_) +
                "</font><br>";
    else
        row2(_("Verified:"), e.lastVerified);
    // TRANSLATORS: the team lead who approved this entry for the team's knowledge base.
    row2(_("Approved for the team by:"), kb_.approvedBy(e.id));
    html += "</body></html>";
    card_->SetPage(html);
}

void KnowledgePanel::insertShown() {
    if (!shown_) return;
    if (!actions_.insertIntoNotes(*shown_)) return;
    // The words the agent searched with now lead to this entry for the next agent who uses them.
    const bool found = std::any_of(found_.hits.begin(), found_.hits.end(),
                                   [this](const KnowledgeHit& h) { return h.id == shown_->id; });
    if (!found) return;
    try {
        kb_.learn(shown_->id, found_.terms, today());
    } catch (const std::exception&) {
        // Learning is a nicety: a busy or read-only store must not stop the referral.
    }
}

void KnowledgePanel::copyCard() {
    if (!shown_) return;
    wxClipboardLocker lock;
    if (!!lock && wxTheClipboard->SetData(new wxTextDataObject(wxString::FromUTF8(referralCard(*shown_))))) {
        wxTheClipboard->Flush();
        actions_.status(_("Referral card copied"));
    }
}

void KnowledgePanel::newEntry() {
    KnowledgeEntry e;
    e.lastVerified = today();
    KnowledgeEntryDialog dlg(this, _("New knowledge entry"), e);
    if (dlg.ShowModal() != wxID_OK) return;
    const std::int64_t id = kb_.add(dlg.entry());
    actions_.status(actions_.saved && actions_.saved(id)
                        ? _("Entry saved, and sent to your team lead to approve")
                        : _("Entry saved"));
    refreshResults();
}

void KnowledgePanel::editEntry() {
    if (!shown_) return;
    KnowledgeEntry e = *shown_;
    KnowledgeEntryDialog dlg(this, _("Edit knowledge entry"), e, true);
    const int answer = dlg.ShowModal();
    if (answer == wxID_DELETE) {
        kb_.remove(e.id);
        shown_.reset();
        card_->SetPage(wxString());
        actions_.status(_("Entry deleted"));
    } else if (answer == wxID_OK) {
        kb_.update(dlg.entry());
        shown_ = kb_.get(e.id);
        actions_.status(actions_.saved && actions_.saved(e.id)
                            ? _("Entry saved, and sent to your team lead to approve")
                            : _("Entry saved"));
    }
    refreshResults();
}

void KnowledgePanel::deleteEntry() {
    editEntry();
}

} // namespace cc::ui
