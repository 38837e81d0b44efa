#pragma once

#include "call/Timeline.h"
#include "scripts/Practice.h"
#include "scripts/Script.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <wx/panel.h>

class wxChoice;
class wxStaticText;
class wxButton;
class wxBoxSizer;
class wxCheckBox;
class wxScrolledWindow;
class wxKeyEvent;

namespace cc::ui {

/// What the script panel tells the window.
struct ScriptEvents {
    std::function<std::string(const std::string&)> fill;                   ///< placeholders from the call
    std::function<void(EventKind, std::vector<std::string> facts)> record; ///< a timeline event
    std::function<void(const Script&, const ScriptStep&)> stepReached;
    std::function<void(const PracticeScenario&)> startPractice; ///< a practice call begins
    std::function<void(const wxString&)> tell;                  ///< a short word on the status line
};

/// The script of the call: the line to say now, Back/Next or the branch buttons, the checklist, and in
/// training mode the coaching notes and the practice customer's next line. The step's text scrolls;
/// the buttons stay in sight below it. With the keyboard on the page: Alt+X next, Alt+B back, 1 to 9
/// a branch, Ctrl+1 to Ctrl+9 a checklist item.
class ScriptPanel : public wxPanel {
public:
    ScriptPanel(wxWindow* parent, const ScriptLibrary& scripts, const PracticeLibrary& practice,
                ScriptEvents events);

    void setTraining(bool on);
    /// Picks a script by id (a prompt's link), as the agent would.
    void pick(const std::string& scriptId);
    /// A new call: back to the script's first step; a practice run the call was not started for ends.
    void callStarted();
    /// The call ended: how the practice went ("you heard 6 of the customer's 8 lines…"), recorded in
    /// the timeline, or nothing if it was not a practice run.
    wxString practiceEnded();
    /// Redraws placeholders (the caller's name was typed).
    void refill();
    /// Alt+5: the keyboard goes to the script picker until a script is chosen, then to Next.
    void focusFirst();
    /// The scripts are about to be replaced (a new team pack, between calls): lets go of them and
    /// returns the id of the script shown, if any.
    std::string releaseScripts();
    /// The scripts were replaced: the picker lists the new ones, at the script `keep` if it is still there.
    void scriptsReplaced(const std::string& keep);

private:
    void fillPicker();
    void pickIndex(int index);
    void showStep();
    void moved();
    void nextPracticeLine();
    void onKey(wxKeyEvent& event);
    void chooseBranch(std::size_t index);
    /// The keyboard to the step's first control: a branch, Next, Back, or the picker.
    void focusStep();
    bool focusWithin() const;
    void toggleItem(std::size_t index);

    const ScriptLibrary& scripts_;
    const PracticeLibrary& practice_;
    ScriptEvents events_;
    std::unique_ptr<ScriptRunner> runner_;
    bool training_ = false;
    bool redrawWhenShown_ = false;     ///< the scripts changed while the page was hidden
    std::unique_ptr<PracticeRun> run_; // the practice call under way
    bool startingPractice_ = false;    // the practice button is starting the call
    wxString lastSaid_;                // the customer's last line, kept while they wait
    wxString customerText_;            // what the customer line shows, before wrapping

    wxChoice* picker_;
    wxScrolledWindow* content_; // the step's text and checklist
    std::vector<wxCheckBox*> items_;
    std::vector<wxButton*> branchButtons_;
    std::string shownStep_;  // a new step starts at the top of its text
    wxString shownCustomer_; // the practice customer's line the page was last scrolled for
    wxStaticText* stage_;
    wxStaticText* say_;
    wxStaticText* coaching_;
    wxBoxSizer* checklist_;
    wxStaticText* question_;
    wxBoxSizer* branches_;       // below the text, always in sight
    wxBoxSizer* branchesInText_; // a long menu of branches scrolls with the text instead
    wxButton* back_;
    wxButton* next_;
    wxButton* practiceButton_;
    wxStaticText* customer_;
    wxButton* customerNext_;
};

} // namespace cc::ui
