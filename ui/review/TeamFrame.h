#pragma once

#include "sync/TeamCalls.h"

#include <vector>
#include <wx/frame.h>

class wxCheckBox;
class wxChoice;
class wxListView;
class wxSearchCtrl;
class wxStaticText;

namespace cc::ui {

class ReviewWorkspace;

/// The team's calls on the team server, for a reviewer or a lead: by agent, by the words of the notes
/// (the server's full-text search) and "not yet reviewed". Enter opens a call in the history and
/// review windows, with the same timeline and scorecard as the agent's own calls; the review goes back
/// to the server under the reviewer's login. Every server round trip runs on its own thread, behind a
/// progress dialog that can cancel it.
class TeamFrame : public wxFrame {
public:
    TeamFrame(wxWindow* parent, ReviewWorkspace& workspace);

    /// Asks the server again with the filters as they are.
    void refresh();

private:
    void openSelected();
    void showCalls();

    ReviewWorkspace& workspace_;
    wxChoice* team_; ///< shown only to someone who sees more than one team (the owner)
    wxChoice* agent_;
    wxSearchCtrl* words_;
    wxCheckBox* notReviewed_;
    wxListView* list_;
    wxStaticText* count_;
    std::vector<std::string> teams_;  ///< the team choice's entries after "Every team"
    std::vector<std::string> agents_; ///< the agent choice's entries after "Every agent"
    std::vector<TeamCall> calls_;
};

} // namespace cc::ui
