#pragma once

#include "call/CallTimer.h"
#include "call/StatusLine.h"
#include "core/UserServices.h"
#include "session/AgentBreak.h"
#include "sync/FloorPublisher.h"
#include "sync/ServerConfig.h"
#include "text/Template.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <vector>
#include <wx/frame.h>
#include <wx/timer.h>

class wxButton;
class wxDialog;
class wxMenu;
class wxMenuItem;

namespace cc {
class CallSession;
class CallStore;
class CrmSummary;
class KnowledgeBase;
struct KnowledgeEntry;
class QueryVocabulary;
class PromptMonitor;
class ScriptLibrary;
class PracticeLibrary;
struct PromptRule;
class OutcomeList;
class Settings;
class SnippetBook;
class SpellChecker;
struct CallCommand;
} // namespace cc

namespace cc::ui {

class CallPages;
class BarStack;
class TimerPanel;
class NotesPanel;
class DetailsPanel;
class TodayPanel;
class NoticeBar;
class KnowledgePanel;
class PromptBar;
class ScriptPanel;
class ReferralSuggestion;
struct TransferOutcome;

/// What the window works with; owned by the app.
struct FrameDeps {
    CallSession& session;
    CallStore& store;
    Settings& settings;
    const OutcomeList& outcomes;
    const SnippetBook& snippets;
    const CrmSummary& summary;
    KnowledgeBase& knowledge;
    std::filesystem::path databasePath; ///< the knowledge search opens its own connection to it
    /// The team's search vocabulary (stop words, synonyms), loaded with the content before contentLoaded().
    const std::shared_ptr<const QueryVocabulary>& searchWords;
    PromptMonitor& prompts;
    const ScriptLibrary& scripts;
    const PracticeLibrary& practice;
    wxString dataDirFromCommandLine; ///< --data-dir, if given: the settings dialog shows it as fixed
};

/// The compact companion window: timer on top, call buttons, then notes, details and today's calls.
/// Each handler makes one call into the CallSession and redraws from it.
class CompanionFrame : public wxFrame {
public:
    explicit CompanionFrame(const FrameDeps& deps);
    ~CompanionFrame() override;

    /// Scripts, prompts, snippets and the knowledge base are loaded: the other pages are built.
    void contentLoaded();
    /// Spell-checking starts when the dictionary has loaded (nullptr: none is installed).
    void setSpellChecker(SpellChecker* checker);
    /// A message to the agent: it keeps the status line a few seconds before the save state comes back.
    void SetStatusText(const wxString& text, int number = 0) override;
    /// Puts the call's summary for the CRM on the clipboard (the last finished call when idle).
    void copySummary();

    /// A message from the core or the app, shown in the window's notice bar; never modal, never focused.
    void notice(UserServices::Level level, const wxString& message);
    /// The team server's state, in a few words: the status line shows it while no call is on.
    void showSync(const wxString& text);
    /// The data folder has a team server: the View menu gains the team's calls, and reviews of them
    /// wake the sync thread through `shared`.
    void setTeamServer(std::optional<ServerConfig> config, std::function<void()> shared);
    /// The agent's state goes to the team's floor through `publish` (the sync thread's).
    void publishFloorState(FloorPublisher::Publish publish);
    /// This login leads a team (or owns them all): the View menu gains the floor and the knowledge
    /// proposals.
    void allowFloor();
    /// The agent's new and changed knowledge entries go to the team's lead through `propose` (true if
    /// it queued one); `teamKnowledgeArrived` is told when the team's knowledge base changed here.
    void setKnowledgeProposer(std::function<bool(std::int64_t)> propose) {
        proposeKnowledge_ = std::move(propose);
    }
    void teamKnowledgeArrived(int changed);
    /// No call and no prompt showing: a new team pack may be put in use.
    bool betweenCalls() const;
    /// Between calls: `replace` swaps the scripts, prompt rules, practice customers and snippets the
    /// window was given for the new pack's; the script page and the review windows follow.
    void replaceContent(const std::function<void()>& replace);
    /// Another `call-companion` was started: come to the front, as the person asked.
    void bringToFront();
    /// Shows the window, or only the tray icon if the agent chose to start in the tray and the desktop
    /// has a tray (without one, the window is the only way in).
    void showAtStart(bool inTray);

    // The call actions, also reachable from the menu, the buttons and the shortcuts.
    void startCall();
    /// "Referred to: ..." into the notes and the call's timeline; false (and says why) with no call.
    bool insertReferral(const KnowledgeEntry& e);
    /// The Details page with the keyboard on the outcome.
    void showOutcome();
    /// Ctrl+Shift+M or the prompt's More: the next part of the bars, told in the status line.
    void readOnBars();
    /// Ctrl+Shift+F: flags the call as difficult (or not), and says so.
    void flagDifficult(bool difficult);
    /// Connects to baresip's ctrl_tcp at host:port; its call events drive the timer, and the window's
    /// Start (on a ringing call), Hold, Resume and End go back to it.
    void connectBaresip(const wxString& hostPort);
    /// A softphone hook's event (incoming, start, hold, resume, end). Never takes the keyboard.
    void softphone(const CallCommand& command);
    void toggleHold();
    void endCall();
    void finishWrapUp();

    // QA review: the call history, an archive from another agent (empty: ask for it), the agent's stats.
    void openHistory();
    void openArchive(const wxString& file = wxString());
    void openStats();

private:
    void buildMenu();
    // The desktop side (CompanionFrameDesktop.cpp): icon, tray, settings and shortcuts dialogs.
    void buildDesktop();
    void addDesktopMenuItems(wxMenu* file, wxMenu* help);
    void showSettings();
    void showShortcuts();
    void updateTray();
    /// A call began (from Start or from the softphone): fresh notes, details, prompts and script.
    void callBegan();

    /// Puts a window the companion opened beside it, never over its timer: to the right if the screen
    /// has room, else to the left, else below the timer and the call buttons.
    void placeBeside(wxWindow* window) const;
    void showKnowledge();
    void importKnowledge();
    void showPrompts(const std::vector<const PromptRule*>& fired);
    void presentPrompt(const PromptRule& rule);
    /// Presses one of the prompt's buttons from the keyboard, or says there is none.
    void pressPrompt(bool (PromptBar::*press)());
    void followPrompt(const PromptRule& rule);
    void setTraining(bool on);
    void exportKnowledge();
    void report(const TransferOutcome& outcome);
    GappedText expandSnippet(const std::string& text);
    /// Hands the editor's and the fields' latest text to the session (before the call changes).
    void takeEdits();
    void afterAction();
    void reloadCall();
    void refresh();
    void refreshToday();
    void scheduleTick();
    void scheduleSave();
    void onNotesEdited();
    void onFieldsEdited();
    void onAddTransfer();
    void setAlwaysOnTop(bool on);
    void onClose(wxCloseEvent& event);
    /// Asks before quitting would lose unsaved notes or put away a call in progress.
    bool agentAgreesToQuit();
    void onCharHook(wxKeyEvent& event);
    /// The menu item whose shortcut `event` is, if any.
    wxMenuItem* menuItemFor(const wxKeyEvent& event) const;
    /// Runs `item` as choosing it in the menu would.
    void runMenuItem(wxMenuItem& item);

    FrameDeps deps_;
    CallSession& session_;
    Settings& settings_;
    StatusLine status_;
    class EarlierCallsButton* earlierButton_;
    wxDialog* shortcuts_ = nullptr; // the open keyboard shortcuts list, beside the window
    TimerPanel* timerPanel_;
    class CallButtons* buttons_;
    NoticeBar* noticeBar_;
    /// The height of the rows that are neither the bars nor the pages.
    int othersHeight() const;
    /// The most height the prompt and notices may take.
    int barsLimit() const;
    /// Fits the rows to the window's height: the timer compact if need be, the bars within their limit.
    void fitHeight();
    CallPages* book_ = nullptr;
    BarStack* bars_ = nullptr;
    int timerHeight_ = 0; // the timer's height when the bars were last fitted
    NotesPanel* notesPanel_;
    DetailsPanel* detailsPanel_ = nullptr; // built once the window is up
    TodayPanel* todayPanel_ = nullptr;
    KnowledgePanel* knowledgePanel_ = nullptr;
    ScriptPanel* scriptPanel_ = nullptr;
    ReferralSuggestion* suggestion_ = nullptr;
    PromptBar* promptBar_;
    bool training_ = false;
    wxString practiceSummary_;     ///< how the practice call in wrap-up went, shown again once it is done
    bool askedForOutcome_ = false; ///< the status line says "Choose an outcome first"
    bool menuOpen_ = false;        ///< between wxEVT_MENU_OPEN and wxEVT_MENU_CLOSE of a menu of the menu bar
    AgentBreak break_;             ///< a break taken from the after-call prompt
    std::unique_ptr<class BaresipConnector> baresip_;
    class TrayIcon* tray_ = nullptr; // destroyed with wxTaskBarIcon::Destroy() when the window closes
    std::unique_ptr<class ReviewWorkspace> review_; ///< made when a QA window is first opened
    std::optional<ServerConfig> teamServer_;
    std::function<void()> teamShared_;
    std::function<bool(std::int64_t)> proposeKnowledge_;
    std::unique_ptr<FloorPublisher> floor_;
    class ReviewWorkspace& review();
    std::optional<CallState> shownState_;
    bool compact_ = false; ///< the timer and the page tabs in their compact form (fitHeight)
    int fullOthers_ = 0;   ///< the rows but the bars and pages, in full, at width fullOthersWidth_
    int fullOthersWidth_ = -1;
    int compactOthers_ = 0; ///< the same rows in their compact form, when last measured
    wxTimer tick_;
    wxTimer saveTimer_;
};

} // namespace cc::ui
