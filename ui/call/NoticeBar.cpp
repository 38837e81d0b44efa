#include "call/NoticeBar.h"

#include <algorithm>
#include <wx/arrstr.h>
#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace cc::ui {

NoticeBar::NoticeBar(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
    SetName(_("Notices"));
    text_ = new wxStaticText(this, wxID_ANY, wxString());
    text_->SetName(_("Notice"));
    close_ = new wxButton(this, wxID_ANY, _("Dismiss"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    close_->SetToolTip(_("Hide this message"));
    close_->SetCanFocus(false); // a click hides it; it never takes the keyboard from the notes
    close_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { dismiss(); });

    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(text_, 1, wxALIGN_CENTRE_VERTICAL | wxALL, FromDIP(6));
    sizer->Add(close_, 0, wxALIGN_CENTRE_VERTICAL | wxRIGHT, FromDIP(4));
    SetSizer(sizer);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        if (IsShown() && !message_.empty()) CallAfter([this] { rewrap(); });
    });
    Hide();
}

void NoticeBar::show(UserServices::Level level, const wxString& message) {
    // Messages that arrive together (several broken data files at start-up) are all shown, newest
    // first, four at most; information never pushes out a warning, and a repeat is not shown twice.
    const bool stacking = IsShown() && !message_.empty();
    if (stacking && level < level_) return;
    if (stacking) {
        wxArrayString lines = wxSplit(message_, '\n', '\0');
        if (lines.Index(message) != wxNOT_FOUND) return;
        while (lines.size() >= 4)
            lines.RemoveAt(lines.size() - 1);
        message_ = message + "\n" + wxJoin(lines, '\n', '\0');
        level_ = std::max(level, level_);
    } else {
        message_ = message;
        level_ = level;
    }
    switch (level_) {
    case UserServices::Level::Error:
        SetBackgroundColour(wxColour(0xC6, 0x28, 0x28));
        text_->SetForegroundColour(*wxWHITE);
        break;
    case UserServices::Level::Warning:
        SetBackgroundColour(wxColour(0xFF, 0xE0, 0x82));
        text_->SetForegroundColour(*wxBLACK);
        break;
    case UserServices::Level::Info:
        SetBackgroundColour(wxColour(0xBB, 0xDE, 0xFB));
        text_->SetForegroundColour(*wxBLACK);
        break;
    }
    Show();
    rewrap();
    GetParent()->Layout(); // the stack of bars makes room, even when this bar's height is unchanged
}

void NoticeBar::dismiss() {
    message_.clear();
    Hide();
    GetParent()->Layout();
}

void NoticeBar::dismissInfo() {
    if (IsShown() && level_ == UserServices::Level::Info) dismiss();
}

void NoticeBar::rewrap() {
    const int width = GetParent()->GetClientSize().x - close_->GetBestSize().x - FromDIP(24);
    if (width <= 0) return;
    text_->SetLabel(message_);
    text_->SetToolTip(message_); // a path too long for the width is still readable here
    text_->Wrap(width);
    text_->InvalidateBestSize();
    const wxSize best = text_->GetBestSize();
    text_->SetMinSize(wxSize(width, best.y));
    const int height = std::max(best.y, close_->GetBestSize().y) + FromDIP(12);
    if (GetMinSize().y != height) {
        SetMinSize(wxSize(-1, height));
        GetParent()->Layout();
    }
}

} // namespace cc::ui

namespace cc::ui {

int NoticeBar::wholeLinesWithin(int height) const {
    // Its first line and its whole Dismiss button, or nothing: the stack then ends above this bar and
    // it is a scroll away, never a strip of half a button.
    const int top = text_->GetPosition().y;
    const int line = std::max(1, text_->GetCharHeight());
    const int least =
        std::max(top + line + FromDIP(6), close_->GetPosition().y + close_->GetSize().y + FromDIP(2));
    if (height < least) return 0;
    return std::max(least, top + (height - top) / line * line);
}

} // namespace cc::ui
