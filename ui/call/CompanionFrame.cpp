#include "call/CompanionFrame.h"

#include "call/BarStack.h"
#include "call/CallButtons.h"
#include "call/CallControls.h"
#include "call/CallPages.h"
#include "call/CompanionMenuIds.h"
#include "call/DetailsPanel.h"
#include "call/EarlierCallsDialog.h"
#include "call/NoticeBar.h"
#include "call/StatusLine.h"
#include "call/TimerPanel.h"
#include "call/TodayPanel.h"
#include "call/TransferDialog.h"
#include "core/Format.h"
#include "data/OutcomeList.h"
#include "knowledge/KnowledgeBase.h"
#include "knowledge/KnowledgeFiles.h"
#include "knowledge/KnowledgePanel.h"
#include "knowledge/Referral.h"
#include "knowledge/ReferralSuggestion.h"
#include "notes/CrmSummary.h"
#include "notes/NotesPanel.h"
#include "notes/SnippetBook.h"
#include "prompts/PromptBar.h"
#include "prompts/PromptMonitor.h"
#include "review/ReviewWorkspace.h"
#include "scripts/Practice.h"
#include "scripts/Script.h"
#include "scripts/ScriptPanel.h"
#include "session/CallSession.h"
#include "settings/Settings.h"
#include "softphone/BaresipConnector.h"
#include "softphone/CallCommand.h"
#include "store/Database.h"
#include "text/Template.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <thread>
#include <wx/aboutdlg.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/filedlg.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/notifmsg.h>
#include <wx/persist/toplevel.h>
#include <wx/progdlg.h>
#include <wx/sizer.h>
#include <wx/statusbr.h>
#include <wx/wupdlock.h>

namespace cc::ui {

CompanionFrame::CompanionFrame(const FrameDeps& deps)
    : wxFrame(nullptr, wxID_ANY, _("Call Companion")), deps_(deps), session_(deps.session),
      settings_(deps.settings), status_([this] { status_.showSaveState(session_); }), break_(deps.store),
      tick_(this), saveTimer_(this) {
    SetName("companion");
    buildMenu();
    buildDesktop();
    auto* root = new wxPanel(this);

    timerPanel_ = new TimerPanel(root);
    timerPanel_->onTopToggle()->Bind(wxEVT_CHECKBOX,
                                     [this](wxCommandEvent& e) { setAlwaysOnTop(e.IsChecked()); });

    buttons_ = new CallButtons(root, {[this] { startCall(); }, [this] { toggleHold(); },
                                      [this] { endCall(); }, [this] { finishWrapUp(); }});
    earlierButton_ = new EarlierCallsButton(root, session_, deps_.store, deps_.outcomes,
                                            [this](wxWindow* w) { placeBeside(w); });

    // The notes keep at least half of the window's height: the bars over them get what the other
    // rows leave of the rest, and scroll past it.
    bars_ = new BarStack(
        root, [this] { return barsLimit(); }, [this] { fitHeight(); });
    noticeBar_ = new NoticeBar(bars_);
    PromptBar::Actions promptActions{[this](const PromptRule& r) { deps_.prompts.dismissed(r); },
                                     [this](const PromptRule& r) { deps_.prompts.actedOn(r); },
                                     [this](const PromptRule& r) { followPrompt(r); },
                                     [this] {
                                         const auto now = std::chrono::system_clock::now();
                                         break_.start(now, "after a difficult call");
                                         promptBar_->showBreak(wxString::FromUTF8(formatTimeOfDay(now)));
                                         scheduleTick();
                                     },
                                     [this] {
                                         break_.end(std::chrono::system_clock::now());
                                         SetStatusText(_("Welcome back"));
                                     },
                                     [this] { readOnBars(); }};
    promptBar_ = new PromptBar(bars_, promptActions);
    bars_->add(promptBar_);
    bars_->add(noticeBar_);

    book_ = new CallPages(root);
    notesPanel_ = new NotesPanel(
        book_->pageParent(), [this] { onNotesEdited(); },
        [this](const std::string& text) { return expandSnippet(text); });
    notesPanel_->setSnippets(&deps_.snippets);
    notesPanel_->setWarn(
        [this](const std::string& m) { notice(UserServices::Level::Warning, wxString::FromUTF8(m)); });
    book_->addPage(notesPanel_, _("Notes"), _("This call's notes (Alt+1)"));
    // The other pages are built by contentLoaded(), once the window is up: the agent sees the timer
    // and the notes sooner, and no click can reach those pages before they exist.

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(timerPanel_, 0, wxEXPAND);
    sizer->Add(buttons_, 0, wxEXPAND | wxLEFT | wxTOP | wxBOTTOM, FromDIP(4));
    sizer->Add(earlierButton_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));
    sizer->Add(bars_, 0, wxEXPAND);
    sizer->Add(book_, 1, wxEXPAND);
    sizer->Add(status_.create(root,
                              [this, root] {
                                  root->Layout();
                                  fitHeight();
                              }),
               0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6));
    root->SetSizer(sizer);
    root->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] {
            status_.rewrap();
            fitHeight(); // a taller or shorter window changes what the bars may take
        });
    });

    SetMinSize(FromDIP(wxSize(300, 440)));
    SetSize(FromDIP(wxSize(360, 640)));
    wxPersistentRegisterAndRestore(this, "companion");

    const bool onTop = settings_.alwaysOnTop();
    timerPanel_->onTopToggle()->SetValue(onTop);
    GetMenuBar()->Check(ID_ON_TOP, onTop);
    if (onTop) SetWindowStyleFlag(GetWindowStyleFlag() | wxSTAY_ON_TOP);

    Bind(
        wxEVT_TIMER, [this](wxTimerEvent&) { refresh(); }, tick_.GetId());
    Bind(
        wxEVT_TIMER, [this](wxTimerEvent&) { refresh(); }, saveTimer_.GetId());
    Bind(wxEVT_CLOSE_WINDOW, &CompanionFrame::onClose, this);

    // The call shortcuts work wherever the focus is in this window, the notes editor included: the
    // frame sees each key before any control does.
    Bind(wxEVT_CHAR_HOOK, &CompanionFrame::onCharHook, this);

    notesPanel_->load(session_.notes());
    // The window opens with the keyboard in the notes (the tabs above them never take it).
    notesPanel_->focusEditor();
    refresh();
}

void CompanionFrame::contentLoaded() {
    detailsPanel_ = new DetailsPanel(
        book_->pageParent(), deps_.outcomes, [this] { onFieldsEdited(); }, [this] { onAddTransfer(); });
    todayPanel_ = new TodayPanel(book_->pageParent(), deps_.outcomes, [this](std::int64_t id) {
        // The call's review, read-only for the agent's own look back; the call in progress is untouched.
        takeEdits();
        session_.flush();
        review().openHistory(this, id);
    });
    KnowledgeActions actions{[this](const KnowledgeEntry& e) { return insertReferral(e); },
                             [this] {
                                 book_->show(notesPanel_);
                                 notesPanel_->focusEditor();
                             },
                             [this](const wxString& s) { SetStatusText(s); },
                             [this](std::int64_t id) { return proposeKnowledge_ && proposeKnowledge_(id); }};
    knowledgePanel_ = new KnowledgePanel(book_->pageParent(), deps_.knowledge, deps_.databasePath,
                                         settings_.staleDays(), actions, deps_.searchWords);
    suggestion_ = new ReferralSuggestion(notesPanel_, deps_.knowledge, deps_.databasePath, deps_.searchWords,
                                         [this](const KnowledgeEntry& e) { return insertReferral(e); });
    notesPanel_->addBelowEditor(suggestion_);
    book_->addPage(detailsPanel_, _("Details"), _("The caller, the case and the outcome (Alt+2)"));
    book_->addPage(todayPanel_, _("Today"), _("Today's calls (Alt+3)"));
    // TRANSLATORS: the tab of the knowledge search ("who can help with ...").
    book_->addPage(knowledgePanel_, _("Search"), _("Who can help: the knowledge search (Alt+4 or Ctrl+K)"));
    ScriptEvents scriptEvents{
        [this](const std::string& text) {
            return fillWithGaps(text, callPlaceholders(session_.current(), session_.agent(), deps_.outcomes));
        },
        [this](EventKind kind, std::vector<std::string> facts) {
            session_.recordEvent(kind, std::move(facts));
        },
        [this](const Script& script, const ScriptStep& step) {
            showPrompts(deps_.prompts.stepReached(script.id, step.id));
        },
        [this](const PracticeScenario& p) {
            // A practice call is a call of its own: in wrap-up, the call before is finished first, as
            // Ctrl+N does (the customer restarted inside the finished call before).
            if (!session_.inCall() || session_.timer().state() == CallState::WrapUp) {
                const bool wasTraining = training_;
                training_ = true;
                startCall();
                training_ = wasTraining;
            }
            CallFields f = session_.fields();
            if (f.callerName.empty()) f.callerName = p.callerName;
            session_.setFields(f);
            if (detailsPanel_) detailsPanel_->load(session_.fields(), session_.transfers());
            book_->show(scriptPanel_); // the customer's lines are on the script page
            // Starting the call put the keyboard in the notes, now out of sight: it comes back to the
            // script, or the trainee's keys would type into notes they cannot see.
            if (scriptPanel_) scriptPanel_->focusFirst();
            SetStatusText(_("Practice call: answer the customer aloud, following the script"));
        },
        [this](const wxString& message) { SetStatusText(message); }};
    scriptPanel_ = new ScriptPanel(book_->pageParent(), deps_.scripts, deps_.practice, scriptEvents);
    scriptPanel_->setTraining(training_);
    book_->addPage(scriptPanel_, _("Script"), _("The script's next line (Alt+5)"));
    detailsPanel_->load(session_.fields(), session_.transfers());
    detailsPanel_->setEditable(session_.inCall());
    refreshToday();
}

int CompanionFrame::othersHeight() const {
    // All the rows but the bars and the pages: the timer, the call buttons, the page tabs, the status line.
    wxWindow* root = book_->GetParent();
    return root->GetSizer()->CalcMin().y - (bars_->IsShown() ? bars_->GetMinSize().y : 0) -
           book_->pageParent()->GetEffectiveMinSize().y;
}

int CompanionFrame::barsLimit() const {
    // The notes keep at least half of the window's height: the bars over them get what the other
    // rows leave of the rest, and scroll past it.
    if (!book_ || !bars_) return GetClientSize().y / 2;
    return book_->GetParent()->GetClientSize().y / 2 - othersHeight();
}

void CompanionFrame::fitHeight() {
    // Too little height for the notes' half and the prompt showing (or a few lines of one, with none):
    // the timer goes compact, and comes back in full when there is room again. The room is measured
    // with every row in full: the page tabs in smaller text can take a line less, and a decision made
    // on that line left the notes under half of the window once the tabs grew back.
    // That height in full is measured again only when something changed (the width, or a row's height,
    // such as the hold line's): switching rows back and forth at each call shows and hides controls, and
    // GTK answers that with a size event that came back here, forever.
    const int width = book_->GetParent()->GetClientSize().x;
    if (!compact_ || fullOthersWidth_ != width || othersHeight() != compactOthers_) {
        timerPanel_->setCompact(false);
        book_->setCompact(false);
        compact_ = false;
        fullOthers_ = othersHeight();
        fullOthersWidth_ = width;
    }
    const int room = book_->GetParent()->GetClientSize().y / 2 - fullOthers_;
    const bool compact = room < std::max(6 * GetCharHeight(), bars_->needed());
    if (compact != compact_) {
        timerPanel_->setCompact(compact);
        book_->setCompact(compact);
        compact_ = compact;
    }
    if (compact_) compactOthers_ = othersHeight();
    bars_->Layout();
    book_->GetParent()->Layout(); // a row that grew or shrank (the hold line) moves the rows under it
}

bool CompanionFrame::insertReferral(const KnowledgeEntry& e) {
    if (!session_.inCall()) {
        SetStatusText(_("Start a call first: the referral goes into its notes"));
        return false;
    }
    notesPanel_->appendLine(referralNote(e));
    session_.recordReferral(referralTarget(e));
    // TRANSLATORS: %s is the knowledge entry's title.
    SetStatusText(wxString::Format(_("Referral added to the notes: %s"), wxString::FromUTF8(e.title)));
    return true;
}

void CompanionFrame::startCall() {
    // Answering in the companion answers in baresip too.
    if (baresip_ && session_.timer().state() == CallState::Ringing) baresip_->send("accept");
    const bool wasIdle = !session_.inCall() || session_.timer().state() == CallState::WrapUp;
    // A new call finishes the one in wrap-up whatever the outcome rule: the next caller can't wait. The
    // agent is told when that call had no outcome.
    const bool leavesNoOutcome =
        session_.timer().state() == CallState::WrapUp && session_.fields().outcome.empty();
    if (wasIdle && session_.inCall()) takeEdits();
    if (!session_.start(training_)) return;
    if (wasIdle) callBegan();
    if (leavesNoOutcome)
        notice(UserServices::Level::Info, _("The call before this one was saved without an outcome."));
    afterAction();
    // The agent pressed Start in this window, so the cursor goes to the notes at once. A call started
    // from elsewhere (a softphone hook) never takes the keyboard from another window.
    if (IsActive()) {
        book_->show(notesPanel_);
        notesPanel_->focusEditor();
    }
}

CompanionFrame::~CompanionFrame() = default;

void CompanionFrame::connectBaresip(const wxString& hostPort) {
    baresip_ = std::make_unique<BaresipConnector>(
        hostPort, [this](const CallCommand& c) { softphone(c); },
        [this](const wxString& line) {
            std::fprintf(stderr, "call-companion: %s\n", line.utf8_str().data());
            SetStatusText(line);
        });
}

void CompanionFrame::callBegan() {
    noticeBar_->dismissInfo();
    SetStatusText(wxString()); // what the status line said was about the call before
    practiceSummary_.clear();
    askedForOutcome_ = false;
    if (suggestion_) suggestion_->clear();
    deps_.prompts.callStarted();
    GetMenuBar()->Check(ID_DIFFICULT, false);
    reloadCall();
    if (scriptPanel_) scriptPanel_->callStarted();
}

void CompanionFrame::softphone(const CallCommand& command) {
    const bool wasIdle = !session_.inCall() || session_.timer().state() == CallState::WrapUp;
    // A new call finishes the one in wrap-up whatever the outcome rule: the next caller can't wait. The
    // agent is told when that call had no outcome.
    const bool leavesNoOutcome =
        session_.timer().state() == CallState::WrapUp && session_.fields().outcome.empty();
    if (wasIdle && session_.inCall()) takeEdits();
    if (!applyCallCommand(session_, command)) return;
    session_.flush(); // the caller's number is on disk at once, like the state change
    if (wasIdle && session_.inCall())
        callBegan();
    else if (detailsPanel_)
        detailsPanel_->load(session_.fields(), session_.transfers());
    if (leavesNoOutcome && wasIdle && session_.inCall())
        notice(UserServices::Level::Info, _("The call before this one was saved without an outcome."));
    earlierButton_->refresh();
    afterAction();
    const wxString who = wxString::FromUTF8(command.name.empty() ? command.number : command.name);
    if (command.action == CallCommand::Action::Incoming)
        SetStatusText(who.empty() ? _("Incoming call") : wxString::Format(_("Incoming call from %s"), who));
}

void CompanionFrame::toggleHold() {
    const bool holding = session_.timer().state() == CallState::Talking;
    if (!session_.toggleHold()) return;
    // baresip 1.0 sends no hold event: the companion tells it, so both stay in step, and asks for the
    // call list to confirm.
    if (baresip_) {
        baresip_->send(holding ? "hold" : "resume");
        baresip_->send("listcalls");
    }
    afterAction();
}

void CompanionFrame::endCall() {
    const bool active =
        session_.timer().state() == CallState::Talking || session_.timer().state() == CallState::OnHold;
    if (!session_.end()) return;
    if (baresip_ && active) baresip_->send("hangup");
    if (scriptPanel_)
        if (const wxString practice = scriptPanel_->practiceEnded(); !practice.empty()) {
            practiceSummary_ = practice;
            notice(UserServices::Level::Info, practice);
        }
    afterAction();
    // The agent ended the call here: wrap-up begins with its outcome (Alt+1 goes back to the notes).
    if (IsActive()) showOutcome();
}

void CompanionFrame::finishWrapUp() {
    // The last keystrokes go with the call, not to the next one.
    takeEdits();
    if (session_.timer().state() != CallState::WrapUp) return;
    // A difficult call's after-call prompt is written into that call's timeline before it closes.
    if (session_.outcomeMissing()) {
        SetStatusText(_("Choose an outcome first: the team asks for one before a call is done"));
        askedForOutcome_ = true;
        showOutcome();
        return;
    }
    // Chosen, and written into the timeline, while the call is still open.
    const PromptRule* after = deps_.prompts.offer(deps_.prompts.callEnding(), promptBar_->shown());
    const bool noOutcome = session_.fields().outcome.empty();
    if (!session_.finishWrapUp()) return;
    noticeBar_->dismissInfo(); // "a number was masked" and the like belong to the call just done
    // How the practice went stays for the trainee to read, until the next call begins.
    if (!practiceSummary_.empty()) notice(UserServices::Level::Info, practiceSummary_);
    practiceSummary_.clear();
    if (scriptPanel_)
        scriptPanel_->callStarted(); // the script back at its first step, ready for the next call
    GetMenuBar()->Check(ID_DIFFICULT, false);
    if (after) presentPrompt(*after);
    // "Choose an outcome first" and the like were about the call just done.
    SetStatusText(noOutcome ? _("Call saved without an outcome") : wxString());
    askedForOutcome_ = false;
    reloadCall();
    refreshToday();
    afterAction();
}

void CompanionFrame::showOutcome() {
    if (!detailsPanel_) return;
    book_->show(detailsPanel_);
    detailsPanel_->focusOutcome();
}

void CompanionFrame::afterAction() {
    refresh();
    if (!session_.inCall()) refreshToday();
}

void CompanionFrame::reloadCall() {
    notesPanel_->load(session_.notes());
    if (detailsPanel_) detailsPanel_->load(session_.fields(), session_.transfers());
    earlierButton_->refresh();
}

GappedText CompanionFrame::expandSnippet(const std::string& text) {
    GappedText filled =
        fillMarkingGaps(text, callPlaceholders(session_.current(), session_.agent(), deps_.outcomes));
    if (session_.agent().name.empty() && text.find("{agent_name") != std::string::npos)
        SetStatusText(_("Your name is not set: Settings, Ctrl+,"));
    else if (!filled.gaps.empty())
        SetStatusText(_("Type to fill the selected gap"));
    return filled;
}

void CompanionFrame::SetStatusText(const wxString& text, int number) {
    if (number == 0) status_.say(text);
}

void CompanionFrame::setSpellChecker(SpellChecker* checker) {
    notesPanel_->setSpellChecker(checker);
}

void CompanionFrame::showPrompts(const std::vector<const PromptRule*>& fired) {
    // The most serious one is shown, and only it goes into the timeline as shown.
    if (const PromptRule* top = deps_.prompts.offer(fired, promptBar_->shown())) presentPrompt(*top);
}

void CompanionFrame::presentPrompt(const PromptRule& rule) {
    promptBar_->show(rule);
    if (!IsActive() && rule.severity != Severity::Info) {
        // Behind other windows: a desktop notification, which takes no focus either.
        wxNotificationMessage note(wxString::FromUTF8(rule.title), wxString::FromUTF8(rule.say), this,
                                   rule.severity == Severity::Security ? wxICON_WARNING : wxICON_INFORMATION);
        note.Show(wxNotificationMessage::Timeout_Auto);
    }
}

void CompanionFrame::followPrompt(const PromptRule& rule) {
    if (!rule.linkKnowledge.empty() && knowledgePanel_) {
        showKnowledge();
        knowledgePanel_->search(rule.linkKnowledge);
    } else if (!rule.linkScript.empty() && scriptPanel_) {
        book_->show(scriptPanel_);
        scriptPanel_->pick(rule.linkScript);
    }
}

void CompanionFrame::setTraining(bool on) {
    training_ = on;
    GetMenuBar()->Check(ID_TRAINING, on);
    if (scriptPanel_) scriptPanel_->setTraining(on);
    SetStatusText(on ? _("Training mode: coaching notes shown; new calls are practice calls")
                     : _("Training mode off"));
    refresh();
}

void CompanionFrame::takeEdits() {
    if (const auto change = session_.setNotes(notesPanel_->text()))
        notesPanel_->show(session_.notes(), *change);
    if (detailsPanel_ && session_.setFields(detailsPanel_->fields()))
        detailsPanel_->load(session_.fields(), session_.transfers());
}

void CompanionFrame::refresh() {
    // A check-back nudge shows in the window; if the agent is in another window, the taskbar entry
    // asks for attention too. Neither takes the keyboard.
    if (session_.tick() && !IsActive()) RequestUserAttention(wxUSER_ATTENTION_INFO);
    if (const PromptRule* shown = promptBar_->shown(); shown && !deps_.prompts.stillApplies(*shown))
        promptBar_->expire();
    showPrompts(deps_.prompts.check());
    // A prompt that had to wait for a more serious one comes back once that one is answered or gone.
    if (!promptBar_->showing())
        if (const PromptRule* back = deps_.prompts.next()) presentPrompt(*back);
    const CallTimer& timer = session_.timer();
    const CallState state = timer.state();
    // Training mode shows while idle too: the next call will be a practice call.
    timerPanel_->show(timer, session_.checkBackDue(), session_.inCall() ? session_.training() : training_);
    // The hold reminder grew or shrank the timer: the bars' share of the height changes with it, and
    // the compact form may be needed or no longer.
    if (const int h = timerPanel_->GetBestSize().y; h != timerHeight_) {
        timerHeight_ = h;
        fitHeight();
    }
    if (promptBar_->onBreak())
        promptBar_->breakTick(
            wxString::FromUTF8(formatDuration(break_.length(std::chrono::system_clock::now()))));

    // Controls change only with the state, not with every tick of the clock.
    if (shownState_ != state) {
        shownState_ = state;
        buttons_->show(controlsFor(state));
        notesPanel_->setEditable(session_.inCall());
        if (detailsPanel_) detailsPanel_->setEditable(session_.inCall());
    }

    status_.showSaveState(session_);
    if (floor_)
        floor_->update(session_, break_, std::chrono::steady_clock::now(), std::chrono::system_clock::now());

    updateTray();
    scheduleTick();
    scheduleSave();
}

void CompanionFrame::showSync(const wxString& text) {
    status_.setSync(text);
    status_.showSaveState(session_);
}

void CompanionFrame::refreshToday() {
    if (todayPanel_) todayPanel_->show(session_.todaysCalls());
}

void CompanionFrame::scheduleTick() {
    if (promptBar_->onBreak() && !session_.inCall()) {
        tick_.StartOnce(1000); // the break's clock
        return;
    }
    if (!session_.inCall()) {
        tick_.Stop();
        return;
    }
    // Wake when the shown seconds change, not more often: an idle companion costs no CPU.
    const auto intoSecond = session_.timer().currentSegment().count() % 1000;
    tick_.StartOnce(static_cast<int>(1000 - intoSecond));
}

void CompanionFrame::scheduleSave() {
    const auto due = session_.nextSaveAt();
    if (!due) {
        saveTimer_.Stop();
        return;
    }
    const auto wait =
        std::chrono::duration_cast<std::chrono::milliseconds>(*due - std::chrono::steady_clock::now());
    const int ms = session_.saveFailing() ? 1000 : static_cast<int>(std::max<long>(1, wait.count() + 1));
    if (!saveTimer_.IsRunning() || session_.saveFailing()) saveTimer_.StartOnce(ms);
}

void CompanionFrame::onNotesEdited() {
    if (const auto change = session_.setNotes(notesPanel_->text()))
        notesPanel_->show(session_.notes(), *change);
    if (suggestion_) {
        if (settings_.suggestReferrals() && session_.inCall())
            suggestion_->lineChanged(notesPanel_->currentLine());
        else
            suggestion_->clear();
    }
    scheduleSave();
    status_.saving();
}

void CompanionFrame::onFieldsEdited() {
    if (!detailsPanel_) return;
    if (scriptPanel_) CallAfter([this] { scriptPanel_->refill(); });
    const CallFields before = session_.fields();
    if (session_.setFields(detailsPanel_->fields()))
        detailsPanel_->load(session_.fields(), session_.transfers());
    const CallFields& after = session_.fields();
    // "Choose an outcome first" is answered once one is chosen.
    if (askedForOutcome_ && !session_.outcomeMissing()) {
        askedForOutcome_ = false;
        SetStatusText(_("Outcome chosen: Ctrl+D finishes the call"));
    }
    if (after.callbackNumber != before.callbackNumber || after.caseNumber != before.caseNumber) {
        earlierButton_->refresh();
        if (const auto name = session_.nameFromEarlierCall()) {
            CallFields f = session_.fields();
            f.callerName = *name;
            session_.setFields(f);
            detailsPanel_->fillCallerName(*name);
            // TRANSLATORS: %s is the caller's name, taken from their earlier call.
            SetStatusText(
                wxString::Format(_("Caller's name from their earlier call: %s"), wxString::FromUTF8(*name)));
        }
    }
    scheduleSave();
}

void CompanionFrame::onAddTransfer() {
    if (!session_.inCall() || !detailsPanel_) return;
    TransferDialog dlg(this);
    if (dlg.ShowModal() != wxID_OK) return;
    session_.addTransfer(dlg.to(), dlg.reason());
    detailsPanel_->showTransfers(session_.transfers());
    refresh();
}

} // namespace cc::ui
