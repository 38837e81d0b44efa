#include "TimerPanel.h"

#include "core/Format.h"

#include <wx/checkbox.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace cc::ui {

namespace {
struct StateLook {
    wxColour background; // invalid: the theme's own
    wxColour text;
};

// Calm colours: the state is readable at a glance, and nothing turns red because a call is long.
StateLook lookFor(CallState s) {
    switch (s) {
    case CallState::Ringing: return {wxColour(0x15, 0x65, 0xC0), *wxWHITE};
    case CallState::Talking: return {wxColour(0x2E, 0x7D, 0x32), *wxWHITE};
    case CallState::OnHold: return {wxColour(0xF9, 0xA8, 0x25), *wxBLACK};
    case CallState::WrapUp: return {wxColour(0x5E, 0x35, 0xB1), *wxWHITE};
    case CallState::Idle: break;
    }
    return {wxNullColour, wxNullColour};
}

wxString stateLabel(CallState s) {
    switch (s) {
    case CallState::Idle: return _("Ready");
    case CallState::Ringing: return _("Ringing");
    case CallState::Talking: return _("Talking");
    case CallState::OnHold: return _("On hold");
    // TRANSLATORS: after-call work: the agent finishes notes once the caller has hung up.
    case CallState::WrapUp: return _("Wrap-up");
    }
    return {};
}

wxString fmtDuration(Duration d) { return wxString::FromUTF8(formatDuration(d)); }
} // namespace

TimerPanel::TimerPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
    SetName(_("Call timer"));
    state_ = new wxStaticText(this, wxID_ANY, stateLabel(CallState::Idle));
    state_->SetFont(state_->GetFont().Bold().Scaled(1.2f));
    onTop_ = new wxCheckBox(this, wxID_ANY, _("On top"));
    onTop_->SetToolTip(_("Keep this window above the softphone and other windows (Ctrl+T)"));

    clock_ = new wxStaticText(this, wxID_ANY, "0:00", wxDefaultPosition, wxDefaultSize,
                              wxALIGN_CENTRE_HORIZONTAL | wxST_NO_AUTORESIZE);
    clock_->SetFont(wxFontInfo(34).Bold().Family(wxFONTFAMILY_SWISS));
    clock_->SetName(_("Elapsed time"));
    totals_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                               wxALIGN_CENTRE_HORIZONTAL | wxST_NO_AUTORESIZE);
    totals_->SetName(_("Talk, hold and wrap-up totals"));

    nudgeBar_ = new wxPanel(this, wxID_ANY);
    nudgeBar_->SetBackgroundColour(wxColour(0xE6, 0x51, 0x00));
    nudge_ = new wxStaticText(nudgeBar_, wxID_ANY, wxString());
    nudge_->SetForegroundColour(*wxWHITE);
    nudge_->SetFont(nudge_->GetFont().Bold());
    nudge_->SetName(_("Hold check-back"));
    auto* nudgeSizer = new wxBoxSizer(wxHORIZONTAL);
    nudgeSizer->Add(nudge_, 1, wxALL, FromDIP(6));
    nudgeBar_->SetSizer(nudgeSizer);
    nudgeBar_->Hide();

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(state_, 1, wxALIGN_CENTRE_VERTICAL);
    top->Add(onTop_, 0, wxALIGN_CENTRE_VERTICAL);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
    sizer->Add(clock_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(totals_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
    sizer->Add(nudgeBar_, 0, wxEXPAND);
    SetSizer(sizer);
    applyColours(CallState::Idle);
}

void TimerPanel::show(const CallTimer& timer, std::optional<Duration> checkBack, bool training) {
    const CallState s = timer.state();
    if (shown_ != s || shownTraining_ != training) {
        applyColours(s);
        // TRANSLATORS: shown beside the call state during a practice call in training mode.
        state_->SetLabel(training && s != CallState::Idle ? stateLabel(s) + " · " + _("practice") : stateLabel(s));
        shown_ = s;
        shownTraining_ = training;
    }
    Duration big{0};
    switch (s) {
    case CallState::Idle: big = timer.handleTime(); break;
    case CallState::Ringing: big = timer.ringTime(); break;
    case CallState::Talking: big = timer.talkTime(); break;
    case CallState::OnHold: big = timer.currentHold(); break;
    case CallState::WrapUp: big = timer.wrapUpTime(); break;
    }
    clock_->SetLabel(fmtDuration(big));

    const auto holds = timer.holdSegments().size();
    wxString totals;
    if (s == CallState::Idle && holds == 0 && timer.talkTime() == Duration{0}) {
        totals = _("Ctrl+N starts a call");
    } else {
        // TRANSLATORS: a one-line summary such as "Talk 3:12 · Hold 1:05 (2) · Wrap-up 0:40".
        totals = wxString::Format(_("Talk %s · Hold %s (%d) · Wrap-up %s"), fmtDuration(timer.talkTime()),
                                  fmtDuration(timer.totalHold()), static_cast<int>(holds),
                                  fmtDuration(timer.wrapUpTime()));
    }
    if (totals_->GetLabel() != totals) totals_->SetLabel(totals);

    const bool nudging = checkBack.has_value();
    if (nudging) {
        nudge_->SetLabel(wxString::Format(_("Customer on hold %s: check back with them"), fmtDuration(*checkBack)));
    }
    if (nudgeBar_->IsShown() != nudging) {
        nudgeBar_->Show(nudging);
        GetParent()->Layout();
    }
}

void TimerPanel::applyColours(CallState state) {
    const StateLook look = lookFor(state);
    SetBackgroundColour(look.background);
    for (wxWindow* w : {static_cast<wxWindow*>(state_), static_cast<wxWindow*>(clock_),
                        static_cast<wxWindow*>(totals_), static_cast<wxWindow*>(onTop_)})
        w->SetForegroundColour(look.text);
    Refresh();
}

} // namespace cc::ui
