#include "call/BarStack.h"

#include <algorithm>
#include <wx/sizer.h>

namespace cc::ui {

BarStack::BarStack(wxWindow* parent, std::function<int()> limit, std::function<void()> needChanged)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL),
      limit_(std::move(limit)), needChanged_(std::move(needChanged)) {
    SetName(_("Prompts and notices"));
    SetScrollRate(0, FromDIP(8));
    SetSizer(new wxBoxSizer(wxVERTICAL));
    SetMinSize(wxSize(-1, 0));
}

void BarStack::add(wxWindow* window, StackedBar* bar) {
    GetSizer()->Add(window, 0, wxEXPAND);
    bars_.emplace_back(window, bar);
}

int BarStack::cutAtLine(int limit) const {
    int top = 0;
    for (const auto& [window, bar] : bars_) {
        if (!window->IsShown()) continue;
        const int height = window->GetBestSize().y;
        if (top + height > limit) return top + bar->wholeLinesWithin(limit - top);
        top += height;
    }
    return limit;
}

bool BarStack::Layout() {
    // Fitting the scrolled area in lays it out again: that inner call only lays out the bars.
    if (inLayout_) return wxScrolledWindow::Layout();
    inLayout_ = true;
    const bool done = wxScrolledWindow::Layout();
    FitInside();
    const int need = GetSizer()->CalcMin().y;
    if (need != need_) {
        need_ = need;
        Scroll(0, 0); // a new prompt or notice is read from its start
        if (needChanged_) CallAfter(needChanged_);
    }
    // Never less than a bar's first lines: its title and buttons stay readable.
    const int limit = std::max(limit_(), FromDIP(48));
    const int want = need <= limit ? need : cutAtLine(limit);
    // Only a change of height asks the window to lay out again: its layout sizes this area, which
    // lays out again, and stops here.
    if (want != GetMinSize().y) {
        SetMinSize(wxSize(-1, want));
        Show(want > 0);
        GetParent()->Layout();
    }
    inLayout_ = false;
    // Whether the bars are cut short is told once the layouts of this event are over: the window tries
    // a full layout before a compact one (CompanionFrame::fitHeight), and telling the bars of that
    // passing state showed and hid their "More" button, which asked for another layout, forever.
    if (!cutCheckQueued_) {
        cutCheckQueued_ = true;
        CallAfter([this] {
            cutCheckQueued_ = false;
            const bool cut = need_ > GetMinSize().y;
            if (cut == cut_) return;
            cut_ = cut;
            if (!cut) Scroll(0, 0);
            for (auto& entry : bars_)
                entry.second->cutShort(cut);
            Layout(); // the bars may have shown or hidden a control for it
        });
    }
    return done;
}

BarStack::ReadOn BarStack::readOn() {
    if (!cut_ || !IsShown()) return ReadOn::Whole;
    int rate = 1;
    GetScrollPixelsPerUnit(nullptr, &rate);
    rate = std::max(rate, 1);
    const int top = GetViewStart().y * rate;
    const int shown = GetClientSize().y;
    const int total = GetVirtualSize().y;

    // The first bar (the prompt) pages its text under its title and buttons, which stay in sight.
    wxWindow* firstWindow = nullptr;
    StackedBar* first = nullptr;
    for (const auto& [window, bar] : bars_)
        if (window->IsShown()) {
            firstWindow = window;
            first = bar;
            break;
        }
    const int firstBottom = firstWindow ? firstWindow->GetBestSize().y : 0;
    if (top == 0 && first && first->pages() && firstBottom > shown) {
        if (first->pageOn(shown))
            return first->onLastPage(shown) && total <= firstBottom ? ReadOn::End : ReadOn::Further;
        first->firstPage();
        if (total <= firstBottom) return ReadOn::Start;
        // Past the paged first bar straight to the next one.
        Scroll(0, firstBottom / rate);
        return GetViewStart().y * rate + shown >= total ? ReadOn::End : ReadOn::Further;
    }
    if (top + shown >= total) {
        Scroll(0, 0);
        return ReadOn::Start;
    }
    // A page on, keeping its last line in sight so the eye finds its place.
    const int line = GetCharHeight();
    const int to = std::max(top + rate, top + shown - line);
    Scroll(0, (to + rate - 1) / rate);
    return GetViewStart().y * rate + shown >= total ? ReadOn::End : ReadOn::Further;
}

} // namespace cc::ui
