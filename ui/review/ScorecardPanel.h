#pragma once

#include "review/Scorecard.h"

#include <functional>
#include <optional>
#include <vector>
#include <wx/panel.h>

class wxCheckBox;
class wxChoice;
class wxFlexGridSizer;
class wxListBox;
class wxStaticText;
class wxTextCtrl;
class wxScrolledWindow;

namespace cc::ui {

/// The QA reviewer's side of a call review: pick a scorecard, score each criterion (or mark it not
/// applicable), tick critical fails, write a summary and pin comments to moments of the call. The sums
/// are the core's (score()); the panel only reads its controls into a ScoreSheet.
class ScorecardPanel : public wxPanel {
public:
    struct Actions {
        std::function<std::optional<Duration>()> selectedMoment; ///< where a new comment is pinned
        std::function<void()> commentsChanged;                   ///< redraw the timeline with them
        std::function<void()> save;
    };

    ScorecardPanel(wxWindow* parent, const ScorecardLibrary& cards, Actions actions);

    /// Shows a saved review (or a fresh sheet for `reviewer`).
    void load(const ScoreSheet& sheet);
    /// The review as the controls show it now.
    ScoreSheet sheet() const;
    const Scorecard* card() const;
    ScoreResult result() const;
    /// Says the review was saved (or why not) under the result.
    void saved(const wxString& message);
    /// The reviewer is this login (a call from the team server): shown, not typed.
    void fixReviewer(const wxString& login);
    /// Puts the keyboard in the reviewer's name; Tab goes on to the scores.
    void focusReviewer();
    void focusSummary();
    /// Asks for a comment and pins it at the moment selected in the timeline.
    void pinComment();

private:
    void build(const Scorecard* card);
    /// Scrolls the criteria so a control of the form shows, with its title.
    void showInForm(wxWindow* control);
    /// The control Tab (or Shift+Tab) goes to from one of the form's, or null past either end.
    wxWindow* nextInForm(wxWindow* from, bool forward) const;
    void update();
    void showComments();

    const ScorecardLibrary& cards_;
    Actions actions_;
    wxChoice* cardChoice_;
    wxTextCtrl* reviewer_;
    wxScrolledWindow* form_;
    wxFlexGridSizer* grid_ = nullptr;
    std::vector<wxChoice*> scores_; ///< one per criterion: "–", "N/A", 0..scale
    std::vector<wxCheckBox*> critical_;
    wxStaticText* result_;
    int resultWidth_ = 0; // the width result_ was last wrapped to
    wxTextCtrl* summary_;
    wxListBox* comments_;
    wxStaticText* status_;
    std::vector<PinnedComment> pinned_;
};

} // namespace cc::ui
