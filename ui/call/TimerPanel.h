#pragma once

#include "call/CallTimer.h"

#include <optional>
#include <wx/font.h>
#include <wx/panel.h>

class wxStaticText;
class wxCheckBox;
class wxBoxSizer;

namespace cc::ui {

/// The top of the companion window: the call state, a large timer coloured by state, the talk / hold /
/// wrap-up totals, and the hold check-back line. Shows; never decides.
class TimerPanel : public wxPanel {
public:
    explicit TimerPanel(wxWindow* parent);

    /// `training`: a practice call, which says so beside the state.
    void show(const CallTimer& timer, std::optional<Duration> checkBack, bool training = false);
    wxCheckBox* onTopToggle() const { return onTop_; }
    /// A short window or a large font: the clock goes beside the state, smaller, and the panel takes
    /// less of the height the notes need.
    void setCompact(bool compact);
    bool compact() const { return compact_; }

private:
    void applyColours(CallState state);
    void fitState();
    void fitTotals();

    bool compact_ = false;
    wxBoxSizer* top_;
    wxFont baseFont_;
    wxStaticText* state_;
    wxStaticText* clock_;
    wxStaticText* totals_;
    wxString totalsText_; // as written, before fitTotals() wraps it
    wxString stateText_;  // the call state ("Wrap-up"), and the mode beside it ("practice") or empty
    wxString stateMode_;
    wxPanel* nudgeBar_;
    wxStaticText* nudge_;
    wxCheckBox* onTop_;
    std::optional<CallState> shown_;
    bool shownTraining_ = false;
};

} // namespace cc::ui
