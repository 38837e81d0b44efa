#pragma once

#include "review/ReviewTimeline.h"
#include "review/Scorecard.h"
#include "store/CallStore.h"

#include <functional>
#include <wx/frame.h>

class wxListView;
class wxStaticText;
class wxTextCtrl;

namespace cc {
class CallHistory;
}

namespace cc::ui {

class ReviewWorkspace;
class ScorecardPanel;
class TimelineBar;

/// One call, read-only, as a QA reviewer reads it: the timeline bar of talk, hold and wrap-up, every
/// event and note line in order under it, and the reviewer's scorecard beside it. Nothing here can
/// change the call: it was read once through a read-only connection, and the scores go to the
/// reviewer's own reviews.db.
class ReviewFrame : public wxFrame {
public:
    /// `saved` runs after each review saved (the history redraws its Review column).
    ReviewFrame(wxWindow* parent, ReviewWorkspace& workspace, CallHistory& history, std::int64_t callId,
                bool archive, const wxString& agent, std::function<void()> saved);

    std::int64_t callId() const { return call_.id; }

private:
    void showTimeline();
    void saveReview();
    std::string reportHtml();
    void print();
    void saveHtml();
    /// Closing with scores, comments or a summary not saved asks first: save, discard or stay.
    void onClose(wxCloseEvent& e);

    ReviewWorkspace& workspace_;
    CallHistory& history_;
    std::function<void()> saved_;
    CallRecord call_;
    std::string storeId_;
    ReviewTimeline timeline_;
    TimelineBar* bar_;
    wxListView* items_;
    wxTextCtrl* moment_; // the moment selected, whole: the list cuts long notes short
    ScorecardPanel* scorecard_;
    ScoreSheet savedSheet_; ///< the review as opened or last saved: anything else is unsaved work
};

} // namespace cc::ui
