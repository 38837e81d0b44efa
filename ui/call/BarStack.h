#pragma once

#include <functional>
#include <utility>
#include <vector>
#include <wx/scrolwin.h>

namespace cc::ui {

/// A bar in a BarStack says where its lines of text end, so that a stack cut short ends on a whole
/// line, not across one.
class StackedBar {
public:
    /// The greatest height at most `height` (from the bar's top) that ends between two lines.
    virtual int wholeLinesWithin(int height) const = 0;
    /// The stack is cut short (some of the bars' text is a scroll away) or shows them whole again.
    virtual void cutShort(bool) {}
    /// A bar whose own head (title, buttons) should stay in sight may show its text a part at a time
    /// in the `visible` height from its top, instead of scrolling: shows the next part and says true,
    /// or says false at its last part (or if it does not page).
    virtual bool pageOn(int /*visible*/) { return false; }
    /// Whether the bar pages its text (pageOn) rather than scrolls.
    virtual bool pages() const { return false; }
    /// Whether the part shown is the bar's last one, with `visible` height from its top.
    virtual bool onLastPage(int /*visible*/) const { return true; }
    /// Back to the first part.
    virtual void firstPage() {}

protected:
    ~StackedBar() = default;
};

/// The bars over the call pages (the prompt, notices) in one area that never grows past a given
/// height: past it, the area scrolls, and the notes keep their share of the window whatever is
/// showing. It never takes the keyboard.
class BarStack : public wxScrolledWindow {
public:
    /// `limit` says the most height the bars may take now; it is asked at each layout. `needChanged`
    /// is called (after the layout) when the height the bars would take in full changes.
    BarStack(wxWindow* parent, std::function<int()> limit, std::function<void()> needChanged);
    /// The height the bars shown would take in full.
    int needed() const { return need_; }

    /// A bar, made with this area as its parent; bars stack in the order they are added.
    template <class Bar> void add(Bar* bar) { add(bar, bar); }
    /// A bar was shown, hidden or rewrapped: takes the height the bars need, up to the most allowed.
    bool Layout() override;
    bool AcceptsFocus() const override { return false; }
    /// Where reading on took the bars.
    enum class ReadOn {
        Whole,   ///< nothing to read on: the bars are shown whole
        Further, ///< a further part is shown, and more is below it
        End,     ///< the last part is shown
        Start,   ///< back at the start
    };
    /// The next part of bars cut short, then back to the top (the keyboard's way to read them all:
    /// the area never takes the focus).
    ReadOn readOn();

private:
    void add(wxWindow* window, StackedBar* bar);
    /// The height at most `limit` at which the bars shown end on a whole line.
    int cutAtLine(int limit) const;

    std::vector<std::pair<wxWindow*, StackedBar*>> bars_;
    std::function<int()> limit_;
    std::function<void()> needChanged_;
    int need_ = 0;
    bool cut_ = false;
    bool cutCheckQueued_ = false;
    bool inLayout_ = false;
};

} // namespace cc::ui
