// The companion window's menus and keyboard shortcuts (CompanionFrame's, kept apart from its layout).
#include "app/AppPaths.h"
#include "call/CallPages.h"
#include "call/CompanionFrame.h"
#include "call/CompanionMenuIds.h"
#include "call/DetailsPanel.h"
#include "call/TodayPanel.h"
#include "core/Platform.h"
#include "knowledge/KnowledgePanel.h"
#include "knowledge/KnowledgeTransfer.h"
#include "knowledge/ReferralSuggestion.h"
#include "notes/NotesPanel.h"
#include "prompts/PromptBar.h"
#include "review/FloorFrame.h"
#include "review/ProposalsFrame.h"
#include "review/ReviewWorkspace.h"
#include "scripts/ScriptPanel.h"
#include "session/CallSession.h"

#include <memory>
#include <wx/aboutdlg.h>
#include <wx/clipbrd.h>
#include <wx/menu.h>

namespace cc::ui {

void CompanionFrame::onCharHook(wxKeyEvent& event) {
    // An open menu owns the keyboard: Escape closes it and letters choose its items. Taking a key from
    // it (Escape for the prompt) left the menu open to swallow what the agent typed next, "h" for Hold.
    if (menuOpen_) {
        event.Skip();
        return;
    }
    // The Ctrl and Ctrl+Shift shortcuts are the menu items' own (defined once, in buildMenu): the frame
    // runs the item a key names before any control can take the key.
    if (const int mods = event.GetModifiers();
        mods == wxMOD_CONTROL || mods == (wxMOD_CONTROL | wxMOD_SHIFT)) {
        if (wxMenuItem* item = menuItemFor(event)) {
            runMenuItem(*item);
            return;
        }
        if (mods == wxMOD_CONTROL) {
            switch (event.GetKeyCode()) {
            case '/': showShortcuts(); return;
            // The next or the previous page, as in any tabbed window.
            case WXK_PAGEDOWN: book_->advance(true); return;
            case WXK_PAGEUP: book_->advance(false); return;
            default: break;
            }
        }
    }
    // Alt+4 opens the fourth page, the search, as Alt+1 to Alt+5 open the others (Ctrl+K too).
    if (event.GetModifiers() == wxMOD_ALT && event.GetKeyCode() == '4') {
        showKnowledge();
        return;
    }
    // Alt+I on the notes page inserts the referral suggested under them (on the search page, the
    // Insert button's own Alt+I inserts the card shown).
    if (event.GetModifiers() == wxMOD_ALT && (event.GetKeyCode() == 'I' || event.GetKeyCode() == 'i') &&
        book_->currentPage() == notesPanel_ && suggestion_ && suggestion_->insertShown())
        return;
    // Escape in the notes (or anywhere but the search box, where it means "back to the notes")
    // dismisses the prompt; the keyboard stays where it was.
    if (event.GetKeyCode() == WXK_ESCAPE && event.GetModifiers() == wxMOD_NONE && promptBar_->showing() &&
        !promptBar_->onBreak() && book_->currentPage() != knowledgePanel_) {
        promptBar_->dismiss();
        return;
    }
    event.Skip();
}

namespace {
wxMenuItem* itemWithAccel(const wxMenu& menu, int flags, int key) {
    for (wxMenuItem* item : menu.GetMenuItems()) {
        if (item->IsSubMenu()) {
            if (wxMenuItem* found = itemWithAccel(*item->GetSubMenu(), flags, key)) return found;
            continue;
        }
        const std::unique_ptr<wxAcceleratorEntry> accel(item->GetAccel());
        if (accel && accel->GetFlags() == flags && wxToupper(accel->GetKeyCode()) == key) return item;
    }
    return nullptr;
}
} // namespace

wxMenuItem* CompanionFrame::menuItemFor(const wxKeyEvent& event) const {
    const int mods = event.GetModifiers();
    const int flags = ((mods & wxMOD_CONTROL) ? wxACCEL_CTRL : 0) |
                      ((mods & wxMOD_SHIFT) ? wxACCEL_SHIFT : 0) | ((mods & wxMOD_ALT) ? wxACCEL_ALT : 0);
    const int key = wxToupper(event.GetKeyCode());
    const wxMenuBar* bar = GetMenuBar();
    for (size_t i = 0; bar && i < bar->GetMenuCount(); ++i)
        if (wxMenuItem* item = itemWithAccel(*bar->GetMenu(i), flags, key)) return item;
    return nullptr;
}

void CompanionFrame::runMenuItem(wxMenuItem& item) {
    if (!item.IsEnabled()) return;
    wxCommandEvent command(wxEVT_MENU, item.GetId());
    command.SetEventObject(this);
    if (item.IsCheckable()) {
        item.Check(!item.IsChecked()); // as the menu would, before it tells its handler
        command.SetInt(item.IsChecked() ? 1 : 0);
    }
    ProcessWindowEvent(command);
}

void CompanionFrame::pressPrompt(bool (PromptBar::*press)()) {
    if (!(promptBar_->*press)()) SetStatusText(_("No prompt with that button is showing"));
}

void CompanionFrame::flagDifficult(bool difficult) {
    if (!session_.inCall()) {
        GetMenuBar()->Check(ID_DIFFICULT, false);
        SetStatusText(_("Only a call can be flagged difficult: start one first"));
        return;
    }
    session_.setDifficult(difficult);
    GetMenuBar()->Check(ID_DIFFICULT, session_.difficult());
    SetStatusText(session_.difficult() ? _("Flagged as difficult") : _("No longer flagged as difficult"));
}

void CompanionFrame::buildMenu() {
    auto* file = new wxMenu;
    file->Append(ID_KB_IMPORT, _("&Import knowledge (CSV or Markdown)…"));
    file->Append(ID_KB_EXPORT, _("&Export knowledge as CSV…"));
    file->AppendSeparator();
    file->Append(ID_OPEN_ARCHIVE, _("&Open a call archive…\tCtrl+O"));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));
    auto* call = new wxMenu;
    call->Append(ID_START, _("&Start or answer a call\tCtrl+N"));
    call->Append(ID_HOLD, _("&Hold or resume\tCtrl+H"));
    call->Append(ID_END, _("&End the call\tCtrl+E"));
    call->Append(ID_DONE, _("&Done with wrap-up\tCtrl+D"));
    call->AppendSeparator();
    call->Append(ID_TRANSFER, _("Add a &transfer…"));
    call->Append(ID_SNIPPET, _("Insert a sni&ppet…\tCtrl+J"));
    call->Append(ID_SUMMARY, _("&Copy summary for the CRM\tCtrl+Shift+C"));
    call->AppendCheckItem(ID_DIFFICULT, _("Flag as &difficult\tCtrl+Shift+F"));
    call->AppendSeparator();
    // The prompt's buttons never take the keyboard from the notes: these keys press them.
    call->Append(ID_PROMPT_DONE, _("Prompt: &acted on it\tCtrl+Shift+D"));
    call->Append(ID_PROMPT_OPEN, _("Prompt: open its &link\tCtrl+Shift+O"));
    call->Append(ID_PROMPT_BREAK, _("Prompt: take a &break, or back from it\tCtrl+Shift+B"));
    call->Append(ID_PROMPT_MORE, _("Prompt: read &more of it\tCtrl+Shift+M"));
    auto* view = new wxMenu;
    view->Append(ID_PAGE_NOTES, _("&Notes\tAlt+1"));
    view->Append(ID_PAGE_DETAILS, _("&Details\tAlt+2"));
    view->Append(ID_PAGE_TODAY, _("&Today's calls\tAlt+3"));
    view->Append(ID_PAGE_SEARCH, _("&Search the knowledge base\tCtrl+K"));
    view->Append(ID_PAGE_SCRIPT, _("Sc&ript\tAlt+5"));
    view->AppendCheckItem(ID_TRAINING, _("T&raining mode\tCtrl+Shift+T"));
    view->AppendSeparator();
    view->Append(ID_HISTORY, _("Call &history and review…\tCtrl+Shift+H"));
    view->Append(ID_STATS, _("&My stats…\tCtrl+Shift+S"));
    view->AppendSeparator();
    view->AppendCheckItem(ID_ON_TOP, _("Always on &top\tCtrl+T"));
    auto* help = new wxMenu;
    help->Append(wxID_ABOUT, _("&About Call Companion"));

    addDesktopMenuItems(file, help);

    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(call, _("&Call"));
    bar->Append(view, _("&View"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);

    Bind(wxEVT_MENU_OPEN, [this](wxMenuEvent& e) {
        menuOpen_ = true;
        e.Skip();
    });
    Bind(wxEVT_MENU_CLOSE, [this](wxMenuEvent& e) {
        menuOpen_ = false;
        e.Skip();
    });
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { startCall(); }, ID_START);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { toggleHold(); }, ID_HOLD);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { endCall(); }, ID_END);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { finishWrapUp(); }, ID_DONE);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { onAddTransfer(); }, ID_TRANSFER);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { notesPanel_->pickSnippet(); }, ID_SNIPPET);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { copySummary(); }, ID_SUMMARY);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent& e) { setAlwaysOnTop(e.IsChecked()); }, ID_ON_TOP);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            book_->show(notesPanel_);
            notesPanel_->focusEditor();
        },
        ID_PAGE_NOTES);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (!detailsPanel_) return;
            book_->show(detailsPanel_);
            if (session_.inCall()) detailsPanel_->focusFirst();
        },
        ID_PAGE_DETAILS);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { book_->show(todayPanel_); }, ID_PAGE_TODAY);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { showKnowledge(); }, ID_PAGE_SEARCH);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (!scriptPanel_) return;
            book_->show(scriptPanel_);
            scriptPanel_->focusFirst();
        },
        ID_PAGE_SCRIPT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent& e) { setTraining(e.IsChecked()); }, ID_TRAINING);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent& e) { flagDifficult(e.IsChecked()); }, ID_DIFFICULT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { pressPrompt(&PromptBar::pressDone); }, ID_PROMPT_DONE);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { pressPrompt(&PromptBar::pressOpen); }, ID_PROMPT_OPEN);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { pressPrompt(&PromptBar::pressBreak); }, ID_PROMPT_BREAK);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { readOnBars(); }, ID_PROMPT_MORE);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { importKnowledge(); }, ID_KB_IMPORT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { openHistory(); }, ID_HISTORY);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { review().openTeam(this); }, ID_TEAM);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (teamServer_) (new FloorFrame(this, *teamServer_))->Show();
        },
        ID_FLOOR);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (teamServer_) (new ProposalsFrame(this, *teamServer_))->Show();
        },
        ID_PROPOSALS);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { openArchive(); }, ID_OPEN_ARCHIVE);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { openStats(); }, ID_STATS);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { exportKnowledge(); }, ID_KB_EXPORT);
    Bind(
        wxEVT_MENU,
        [](wxCommandEvent&) {
            wxAboutDialogInfo info;
            info.SetName(_("Call Companion"));
            info.SetVersion(CC_VERSION);
            info.SetDescription(
                _("A calm companion for call-centre and help-desk agents: call timer, notes that are "
                  "never lost, and the call's whole story for review."));
            wxAboutBox(info);
        },
        wxID_ABOUT);
}

ReviewWorkspace& CompanionFrame::review() {
    if (!review_) {
        review_ = std::make_unique<ReviewWorkspace>(deps_.databasePath.parent_path(), AppPaths::packDir(),
                                                    deps_.outcomes, settings_);
        review_->setTeamServer(teamServer_, teamShared_);
    }
    return *review_;
}

void CompanionFrame::setTeamServer(std::optional<ServerConfig> config, std::function<void()> shared) {
    // Only a data folder with a team server shows the team's calls: without one nothing changes.
    wxMenu* view = GetMenuBar()->GetMenu(GetMenuBar()->FindMenu(_("&View")));
    if (config && view && !view->FindItem(ID_TEAM)) {
        std::size_t pos = 0;
        view->FindChildItem(ID_HISTORY, &pos);
        view->Insert(pos + 1, ID_TEAM, _("T&eam calls on the server…\tCtrl+Shift+R"));
    }
    teamServer_ = std::move(config);
    teamShared_ = std::move(shared);
    if (review_) review_->setTeamServer(teamServer_, teamShared_);
}

void CompanionFrame::publishFloorState(FloorPublisher::Publish publish) {
    floor_ = std::make_unique<FloorPublisher>(std::move(publish), std::chrono::steady_clock::now());
    floor_->update(session_, break_, std::chrono::steady_clock::now(), std::chrono::system_clock::now());
}

void CompanionFrame::allowFloor() {
    wxMenu* view = GetMenuBar()->GetMenu(GetMenuBar()->FindMenu(_("&View")));
    if (!teamServer_ || !view || view->FindItem(ID_FLOOR)) return;
    std::size_t pos = 0;
    if (!view->FindChildItem(ID_TEAM, &pos)) view->FindChildItem(ID_HISTORY, &pos);
    view->Insert(pos + 1, ID_FLOOR, _("The &floor (team lead)…\tCtrl+Shift+L"));
    view->Insert(pos + 2, ID_PROPOSALS, _("Knowledge &proposals (team lead)…\tCtrl+Shift+K"));
}

bool CompanionFrame::betweenCalls() const {
    return !session_.inCall() && !promptBar_->showing();
}

void CompanionFrame::replaceContent(const std::function<void()>& replace) {
    const std::string script = scriptPanel_ ? scriptPanel_->releaseScripts() : std::string();
    replace();
    if (scriptPanel_) scriptPanel_->scriptsReplaced(script);
    if (review_) review_->useContent(AppPaths::packDir());
}

void CompanionFrame::teamKnowledgeArrived(int changed) {
    if (knowledgePanel_) knowledgePanel_->refreshResults();
    SetStatusText(wxString::Format(wxPLURAL("The team's knowledge base changed: %d entry",
                                            "The team's knowledge base changed: %d entries", changed),
                                   changed));
}

void CompanionFrame::openHistory() {
    takeEdits();
    session_.flush(); // the history reads what is on disk: the call in progress too
    review().openHistory(this);
}

void CompanionFrame::openArchive(const wxString& file) {
    if (file.empty())
        review().openArchive(this);
    else
        review().openArchive(this, pathFromUtf8(file.utf8_string()));
}

void CompanionFrame::openStats() {
    takeEdits();
    session_.flush();
    review().openStats(this);
}

void CompanionFrame::showKnowledge() {
    if (!knowledgePanel_) return;
    book_->show(knowledgePanel_);
    knowledgePanel_->focusSearch();
}

void CompanionFrame::importKnowledge() {
    if (const auto outcome = importKnowledgeFromFile(this, deps_.databasePath)) report(*outcome);
    if (knowledgePanel_) knowledgePanel_->refreshResults();
}

void CompanionFrame::exportKnowledge() {
    if (const auto outcome = exportKnowledgeToFile(this, deps_.knowledge)) report(*outcome);
}

void CompanionFrame::report(const TransferOutcome& outcome) {
    if (outcome.level == UserServices::Level::Info)
        SetStatusText(outcome.message);
    else
        notice(outcome.level, outcome.message);
}

void CompanionFrame::copySummary() {
    if (!deps_.summary.usable()) {
        notice(UserServices::Level::Warning, wxString::FromUTF8(deps_.summary.errors().front().toString()));
        return;
    }
    takeEdits();
    const auto call = session_.callForSummary();
    if (!call) return;
    const std::string text = deps_.summary.render(callPlaceholders(*call, session_.agent(), deps_.outcomes));
    wxClipboardLocker lock;
    if (!lock || !wxTheClipboard->SetData(new wxTextDataObject(wxString::FromUTF8(text)))) {
        notice(UserServices::Level::Warning, _("The clipboard could not be opened; try again."));
        return;
    }
    wxTheClipboard->Flush(); // the summary stays on the clipboard after the companion closes
    SetStatusText(_("Summary copied for the CRM"));
}

void CompanionFrame::readOnBars() {
    // The status line, always at the window's foot, says where the reading is and what the key does
    // next; short, so that it takes one line and leaves the bars their room.
    switch (bars_->readOn()) {
    case BarStack::ReadOn::Whole: SetStatusText(_("The prompts and notices are shown whole")); break;
    case BarStack::ReadOn::Further: SetStatusText(_("More below (Ctrl+Shift+M)")); break;
    case BarStack::ReadOn::End: SetStatusText(_("The end (Ctrl+Shift+M: start)")); break;
    case BarStack::ReadOn::Start: SetStatusText(_("Back at the start")); break;
    }
}

} // namespace cc::ui
