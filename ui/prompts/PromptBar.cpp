#include "prompts/PromptBar.h"

#include <algorithm>
#include <wx/arrstr.h>
#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace cc::ui {

namespace {
wxButton* smallButton(wxWindow* parent, const wxString& label, const wxString& tip) {
    auto* b = new wxButton(parent, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    b->SetToolTip(tip);
    b->SetCanFocus(false); // a click acts; the keyboard stays in the notes
    return b;
}
} // namespace

PromptBar::PromptBar(wxWindow* parent, Actions actions)
    : wxPanel(parent, wxID_ANY), actions_(std::move(actions)) {
    SetName(_("Prompt"));
    title_ = new wxStaticText(this, wxID_ANY, wxString());
    title_->SetFont(title_->GetFont().Bold());
    title_->SetName(_("Prompt title"));
    say_ = new wxStaticText(this, wxID_ANY, wxString());
    say_->SetName(_("What to do or say"));
    done_ = smallButton(this, _("Done"), _("I did it: note that in the call's timeline (Ctrl+Shift+D)"));
    open_ = smallButton(this, _("Open"), _("Open the linked knowledge search or script (Ctrl+Shift+O)"));
    breakButton_ = smallButton(this, _("Take a break"),
                               _("Start a break timer; it goes in your own break log (Ctrl+Shift+B)"));
    close_ = smallButton(this, _("Dismiss"), _("Hide this prompt (Escape in the notes)"));
    // TRANSLATORS: shown when the prompt's text is longer than the room the window gives it.
    more_ = smallButton(this, _("More"), _("Show the rest of the text, then its start again (Ctrl+Shift+M)"));
    more_->Hide();
    more_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (actions_.readOn) actions_.readOn();
    });

    done_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (rule_) actions_.actedOn(*rule_);
        rule_ = nullptr;
        dismiss();
    });
    open_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!rule_) return;
        const PromptRule* r = rule_;
        actions_.actedOn(*r);
        rule_ = nullptr;
        dismiss();
        actions_.follow(*r);
    });
    breakButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (onBreak_) {
            onBreak_ = false;
            actions_.backFromBreak();
            dismiss();
            return;
        }
        if (rule_) actions_.actedOn(*rule_);
        rule_ = nullptr;
        actions_.takeBreak();
    });
    close_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { dismiss(); });

    // The buttons sit beside the title, so they stay in sight when the text below must scroll.
    buttons_ = new wxBoxSizer(wxHORIZONTAL);
    for (wxButton* b : {done_, open_, breakButton_, close_, more_})
        buttons_->Add(b, 0, wxLEFT, FromDIP(4));
    top_ = new wxBoxSizer(wxHORIZONTAL);
    top_->Add(title_, 1, wxALIGN_CENTRE_VERTICAL);
    top_->Add(buttons_, 0, wxALIGN_CENTRE_VERTICAL);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(4));
    sizer->Add(say_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6));
    SetSizer(sizer);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        if (IsShown())
            CallAfter([this] {
                if (rewrap()) GetParent()->Layout();
            });
    });
    Hide();
}

bool PromptBar::press(wxButton* button) {
    if (!IsShown() || !button->IsShown() || !button->IsEnabled()) return false;
    wxCommandEvent click(wxEVT_BUTTON, button->GetId());
    click.SetEventObject(button);
    button->GetEventHandler()->ProcessEvent(click);
    return true;
}

void PromptBar::show(const PromptRule& rule) {
    if (onBreak_) return; // the break comes first
    rule_ = &rule;
    // Calm colours: blue for information, amber for caution, a deep red only for security.
    const wxColour bg = rule.severity == Severity::Security  ? wxColour(0xB7, 0x1C, 0x1C)
                        : rule.severity == Severity::Caution ? wxColour(0xFF, 0xE0, 0x82)
                                                             : wxColour(0xBB, 0xDE, 0xFB);
    const wxColour fg = rule.severity == Severity::Security ? *wxWHITE : *wxBLACK;
    SetBackgroundColour(bg);
    title_->SetForegroundColour(fg);
    say_->SetForegroundColour(fg);
    titleText_ = wxString::FromUTF8(rule.title);
    sayText_ = wxString::FromUTF8(rule.say);
    open_->Show(!rule.linkKnowledge.empty() || !rule.linkScript.empty());
    breakButton_->SetLabel(_("Take a break"));
    breakButton_->Show(rule.trigger == TriggerType::DifficultCall);
    done_->Show();
    close_->Show();
    relayout();
}

void PromptBar::showBreak(const wxString& since) {
    onBreak_ = true;
    rule_ = nullptr;
    SetBackgroundColour(wxColour(0xC8, 0xE6, 0xC9));
    title_->SetForegroundColour(*wxBLACK);
    say_->SetForegroundColour(*wxBLACK);
    breakSince_ = since;
    titleText_ = wxString::Format(_("On a break since %s"), since);
    sayText_ = _("Take the time you need. The call wasn't about you.");
    done_->Hide();
    open_->Hide();
    close_->Hide();
    breakButton_->SetLabel(_("I'm back"));
    breakButton_->Show();
    relayout();
}

void PromptBar::dismiss() {
    if (rule_) actions_.dismissed(*rule_);
    rule_ = nullptr;
    if (onBreak_) return;
    Hide();
    GetParent()->Layout();
}

void PromptBar::breakTick(const wxString& elapsed) {
    if (!onBreak_) return;
    // TRANSLATORS: the break's start time, then how long it has lasted ("On a break since 14:32 · 3:12").
    const wxString label = wxString::Format(_("On a break since %s · %s"), breakSince_, elapsed);
    if (titleText_ == label) return;
    titleText_ = label;
    if (rewrap()) GetParent()->Layout();
}

void PromptBar::expire() {
    if (!rule_ || onBreak_) return;
    rule_ = nullptr;
    Hide();
    GetParent()->Layout();
}

void PromptBar::relayout() {
    Show();
    rewrap();
    GetParent()->Layout();
    Refresh();
}

bool PromptBar::rewrap() {
    const int width = GetParent()->GetClientSize().x - FromDIP(16);
    if (width <= 0) return false;
    const wxSize before = GetSizer()->CalcMin();
    Layout(); // the buttons shown for this prompt decide how much of the line the title has
    title_->SetLabel(titleText_);
    title_->InvalidateBestSize();
    // The title beside the buttons if it fits on that line; otherwise the buttons go under it, and the
    // title has the whole width.
    // The room for "More" is kept whether it shows or not: showing it never changes the bar's height, so
    // the window's choice of a compact layout (made on that height) cannot swing back and forth.
    const int more = more_->IsShown() ? 0 : more_->GetBestSize().x + FromDIP(4);
    const int beside = width - buttons_->CalcMin().x - more - FromDIP(4);
    const bool fits = title_->GetBestSize().x <= beside;
    top_->SetOrientation(fits ? wxHORIZONTAL : wxVERTICAL);
    top_->GetItem(title_)->SetProportion(fits ? 1 : 0);
    top_->GetItem(title_)->SetFlag(fits ? int{wxALIGN_CENTRE_VERTICAL} : int{wxEXPAND});
    top_->GetItem(buttons_)->SetFlag(fits ? int{wxALIGN_CENTRE_VERTICAL} : int{wxTOP});
    top_->GetItem(buttons_)->SetBorder(FromDIP(2));
    title_->Wrap(fits ? beside : width);
    say_->SetMinSize(wxDefaultSize);
    say_->SetLabel(sayText_);
    say_->SetToolTip(sayText_); // whole, when the bars are cut short and scroll
    say_->Wrap(width);
    title_->InvalidateBestSize();
    say_->InvalidateBestSize();
    // Paged (More), the text keeps the height of the whole of it: the bar's height never changes.
    const wxArrayString lines = wxSplit(say_->GetLabel(), '\n', '\0');
    sayLines_.assign(lines.begin(), lines.end());
    firstLine_ = 0;
    say_->SetMinSize(say_->GetBestSize());
    return GetSizer()->CalcMin() != before;
}

} // namespace cc::ui

namespace cc::ui {

void PromptBar::cutShort(bool cut) {
    if (more_->IsShown() == cut) return;
    more_->Show(cut);
    rewrap();
}

std::size_t PromptBar::linesWithin(int visible) const {
    const int line = std::max(1, say_->GetCharHeight());
    return static_cast<std::size_t>(std::max(1, (visible - say_->GetPosition().y) / line));
}

void PromptBar::showLines(std::size_t first, std::size_t count) {
    firstLine_ = first;
    wxString part;
    for (std::size_t i = first; i < std::min(first + count, sayLines_.size()); ++i) {
        if (!part.empty()) part << '\n';
        part << sayLines_[i];
    }
    say_->SetLabel(part); // already wrapped; its size is held by its min size
    Refresh();
}

bool PromptBar::pageOn(int visible) {
    const std::size_t count = linesWithin(visible);
    if (firstLine_ + count >= sayLines_.size()) return false;
    // The next part starts on the last line shown, so the eye finds its place (when three lines or
    // more show: fewer would barely move on).
    showLines(firstLine_ + (count >= 3 ? count - 1 : count), count);
    return true;
}

bool PromptBar::onLastPage(int visible) const {
    return firstLine_ + linesWithin(visible) >= sayLines_.size();
}

void PromptBar::firstPage() {
    if (firstLine_ == 0) return;
    showLines(0, sayLines_.size());
}

int PromptBar::wholeLinesWithin(int height) const {
    // The title and the buttons stay whole, even past the height given; below them the text ends on a
    // line.
    const int top = say_->GetPosition().y;
    const int line = std::max(1, say_->GetCharHeight());
    if (height <= top) return top;
    return top + (height - top) / line * line;
}

} // namespace cc::ui
