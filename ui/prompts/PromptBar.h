#pragma once

#include "call/BarStack.h"
#include "prompts/PromptRule.h"

#include <functional>
#include <vector>
#include <wx/panel.h>

class wxStaticText;
class wxButton;
class wxBoxSizer;

namespace cc::ui {

/// The off-script prompt, inside the window: a short title, what to do or say, and a button or two.
/// Never modal, never takes the keyboard; Escape in the notes dismisses it.
class PromptBar : public wxPanel, public StackedBar {
public:
    struct Actions {
        std::function<void(const PromptRule&)> dismissed;
        std::function<void(const PromptRule&)> actedOn; ///< "Done", or the link was followed
        std::function<void(const PromptRule&)> follow;  ///< open the linked knowledge search or script
        std::function<void()> takeBreak;
        std::function<void()> backFromBreak;
        std::function<void()> readOn; ///< "More": the rest of the text, when the bars are cut short
    };

    PromptBar(wxWindow* parent, Actions actions);

    void show(const PromptRule& rule);
    /// The break timer: "On a break since 14:32" with an "I'm back" button.
    void showBreak(const wxString& since);
    /// The break's clock, once a second: "On a break since 14:32 · 3:12".
    void breakTick(const wxString& elapsed);
    bool showing() const { return IsShown(); }
    bool onBreak() const { return onBreak_; }
    void dismiss();
    /// The prompt shown is no longer true to the call (the caller is off hold, the call is done): it
    /// goes away by itself, with nothing recorded as the agent's answer.
    void expire();
    const PromptRule* shown() const { return onBreak_ ? nullptr : rule_; }
    /// The keyboard's way to the buttons, which never take the focus (Ctrl+Shift+D, O and B): each
    /// does what its button does, and is false when that button is not showing.
    bool pressDone() { return press(done_); }
    bool pressOpen() { return press(open_); }
    bool pressBreak() { return press(breakButton_); }

    int wholeLinesWithin(int height) const override;
    /// Cut short, the bar shows a "More" button beside the others (Ctrl+Shift+M).
    void cutShort(bool cut) override;
    bool pageOn(int visible) override;
    bool pages() const override { return true; }
    bool onLastPage(int visible) const override;
    void firstPage() override;

private:
    void relayout();
    bool press(wxButton* button);
    /// Wraps the title and the text to the width there is; true if that changed the bar's height.
    bool rewrap();

    Actions actions_;
    const PromptRule* rule_ = nullptr;
    bool onBreak_ = false;
    wxString breakSince_;
    wxString titleText_; // as written, before wrapping
    wxString sayText_;
    /// The text as wrapped to the bar's width, a line each, and the first line of the part shown.
    std::vector<wxString> sayLines_;
    std::size_t firstLine_ = 0;
    /// The text's lines that `visible` height from the bar's top shows (at least one).
    std::size_t linesWithin(int visible) const;
    void showLines(std::size_t first, std::size_t count);
    wxBoxSizer* buttons_;
    wxBoxSizer* top_; // the title and the buttons: one line, or the buttons under the title
    wxStaticText* title_;
    wxStaticText* say_;
    wxButton* done_;
    wxButton* open_;
    wxButton* breakButton_;
    wxButton* close_;
    wxButton* more_;
};

} // namespace cc::ui
