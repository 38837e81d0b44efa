#include "call/TimerPanel.h"

#include "call/CallStateLook.h"
#include "core/Format.h"

#include <wx/checkbox.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace cc::ui {

namespace {
wxString fmtDuration(Duration d) {
    return wxString::FromUTF8(formatDuration(d));
}
} // namespace

TimerPanel::TimerPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
    SetName(_("Call timer"));
    baseFont_ = GetFont();
    stateText_ = stateLabel(CallState::Idle);
    state_ = new wxStaticText(this, wxID_ANY, stateText_);
    state_->SetFont(state_->GetFont().Bold().Scaled(1.2f));
    onTop_ = new wxCheckBox(this, wxID_ANY, _("On top"));
    onTop_->SetName(_("Always on top"));
    onTop_->SetToolTip(_("Keep this window above the softphone and other windows (Ctrl+T)"));

    clock_ = new wxStaticText(this, wxID_ANY, "0:00", wxDefaultPosition, wxDefaultSize,
                              wxALIGN_CENTRE_HORIZONTAL | wxST_NO_AUTORESIZE);
    // Relative to the system font, so a larger desktop font makes a larger clock.
    clock_->SetFont(clock_->GetFont().Bold().Scaled(3.4f));
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

    top_ = new wxBoxSizer(wxHORIZONTAL);
    top_->Add(state_, 1, wxALIGN_CENTRE_VERTICAL);
    top_->Add(onTop_, 0, wxALIGN_CENTRE_VERTICAL);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
    sizer->Add(clock_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(totals_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
    sizer->Add(nudgeBar_, 0, wxEXPAND);
    SetSizer(sizer);
    applyColours(CallState::Idle);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] {
            fitState();
            fitTotals();
        });
    });
}

void TimerPanel::setCompact(bool compact) {
    if (compact == compact_) return;
    compact_ = compact;
    Freeze();
    if (compact) {
        GetSizer()->Detach(clock_);
        top_->Insert(1, clock_, 0, wxALIGN_CENTRE_VERTICAL | wxLEFT | wxRIGHT, FromDIP(8));
        clock_->SetFont(baseFont_.Bold().Scaled(2.0f));
        state_->SetFont(baseFont_.Bold()); // "Talking · practice" keeps its last word beside the clock
        onTop_->Hide();                    // still on the View menu and Ctrl+T
    } else {
        onTop_->Show();
        top_->Detach(clock_);
        GetSizer()->Insert(1, clock_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
        clock_->SetFont(baseFont_.Bold().Scaled(3.4f));
        state_->SetFont(baseFont_.Bold().Scaled(1.2f));
    }
    // The clock does not resize itself to its text (it would jitter each second): it is sized here.
    clock_->InvalidateBestSize();
    // Room for "00:00"; a call past an hour widens it (show()).
    clock_->SetMinSize(clock_->GetTextExtent("00:00") + wxSize(FromDIP(2), FromDIP(2)));
    if (!compact) clock_->SetMinSize(wxSize(-1, clock_->GetMinSize().y));
    Thaw();
    fitState(); // the state's font and what stands beside it changed
    // The panel lays itself out at once: its clock's new size must not wait for a size event that
    // comes only if the window gives the panel another height.
    Layout();
    GetParent()->Layout();
}

void TimerPanel::fitState() {
    // "Wrap-up · practice" beside the clock, or with the mode on a line of its own when the two do not
    // fit on one (the compact timer at a large font cut it to "Wrap-up ·").
    wxString label = stateText_;
    if (!stateMode_.empty()) {
        const wxString oneLine = stateText_ + wxString::FromUTF8(" · ") + stateMode_;
        const wxWindow* beside = compact_ ? static_cast<wxWindow*>(clock_) : static_cast<wxWindow*>(onTop_);
        const int room = GetClientSize().x - beside->GetBestSize().x - 4 * FromDIP(8);
        label =
            state_->GetTextExtent(oneLine).x <= room || room <= 0 ? oneLine : stateText_ + "\n" + stateMode_;
    }
    if (state_->GetLabel() == label) return;
    state_->SetLabel(label);
    state_->InvalidateBestSize();
    state_->SetMinSize(wxSize(-1, state_->GetTextExtent(label).y));
    InvalidateBestSize();
    Layout();
    GetParent()->Layout();
}

void TimerPanel::fitTotals() {
    // A long language or a large font wraps the totals onto a second line rather than losing their end.
    const int width = GetClientSize().x - 2 * FromDIP(8);
    if (width <= 0) return;
    const int linesBefore = static_cast<int>(totals_->GetLabel().Freq('\n'));
    totals_->SetLabel(totalsText_);
    totals_->Wrap(width);
    if (static_cast<int>(totals_->GetLabel().Freq('\n')) != linesBefore) {
        // The height of the text itself: GTK's idea of the label's best size includes the size it
        // was given, so a label back on one line kept the height of two.
        totals_->InvalidateBestSize();
        totals_->SetMinSize(wxSize(-1, totals_->GetTextExtent(totals_->GetLabel()).y));
        InvalidateBestSize();
        Layout();
        GetParent()->Layout();
    }
}

void TimerPanel::show(const CallTimer& timer, std::optional<Duration> checkBack, bool training) {
    const CallState s = timer.state();
    if (shown_ != s || shownTraining_ != training) {
        applyColours(s);
        wxString label = stateLabel(s);
        // TRANSLATORS: beside "Ready" when training mode is on (the next call is a practice call), and
        // beside the call state during a practice call.
        stateText_ = label;
        stateMode_ = training ? (s == CallState::Idle ? _("training mode") : _("practice")) : wxString();
        shown_ = s;
        shownTraining_ = training;
    }
    fitState();
    clock_->SetLabel(fmtDuration(shownDuration(timer)));
    if (compact_ && clock_->GetTextExtent(clock_->GetLabel()).x > clock_->GetMinSize().x) {
        clock_->SetMinSize(clock_->GetTextExtent(clock_->GetLabel()) + wxSize(FromDIP(2), FromDIP(2)));
        GetParent()->Layout();
    }

    const auto holds = timer.holdSegments().size();
    wxString totals;
    if (s == CallState::Idle && holds == 0 && timer.talkTime() == Duration{0}) {
        totals = _("Ctrl+N starts a call");
    } else if (compact_ && s != CallState::WrapUp && timer.wrapUpTime() == Duration{0}) {
        // Compact, before wrap-up: one line with the totals so far.
        // TRANSLATORS: the compact timer's summary before wrap-up, such as "Talk 3:12 · Hold 1:05 (2)".
        totals = wxString::Format(_("Talk %s · Hold %s (%d)"), fmtDuration(timer.talkTime()),
                                  fmtDuration(timer.totalHold()), static_cast<int>(holds));
    } else {
        // TRANSLATORS: a one-line summary such as "Talk 3:12 · Hold 1:05 (2) · Wrap-up 0:40".
        totals = wxString::Format(_("Talk %s · Hold %s (%d) · Wrap-up %s"), fmtDuration(timer.talkTime()),
                                  fmtDuration(timer.totalHold()), static_cast<int>(holds),
                                  fmtDuration(timer.wrapUpTime()));
    }
    if (totalsText_ != totals) {
        totalsText_ = totals;
        fitTotals();
    }

    const bool nudging = checkBack.has_value();
    if (nudging) {
        // Wrapped, not cut: at a large font in a narrow window it takes two lines.
        const int linesBefore = static_cast<int>(nudge_->GetLabel().Freq('\n'));
        nudge_->SetLabel(
            wxString::Format(_("Customer on hold %s: check back with them"), fmtDuration(*checkBack)));
        nudge_->Wrap(GetClientSize().x - 4 * FromDIP(8));
        if (static_cast<int>(nudge_->GetLabel().Freq('\n')) != linesBefore && nudgeBar_->IsShown()) {
            nudge_->InvalidateBestSize();
            nudge_->SetMinSize(wxSize(-1, nudge_->GetTextExtent(nudge_->GetLabel()).y)); // as the totals
            InvalidateBestSize();
            Layout();
            GetParent()->Layout();
        }
    }
    if (nudgeBar_->IsShown() != nudging) {
        nudgeBar_->Show(nudging);
        // The panel's own size is cached: asked again, it gives back the hold line's row when the line goes.
        InvalidateBestSize();
        Layout();
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
