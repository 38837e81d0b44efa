#include "call/CallPages.h"

#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/tglbtn.h>
#include <wx/wrapsizer.h>

namespace cc::ui {

CallPages::CallPages(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
    strip_ = new wxPanel(this, wxID_ANY);
    strip_->SetName(_("Page tabs"));
    strip_->SetSizer(new wxWrapSizer(wxHORIZONTAL, wxEXTEND_LAST_ON_EACH_LINE));
    book_ = new wxSimplebook(this, wxID_ANY);
    book_->SetName(_("Call pages"));
    book_->SetToolTip(
        _("Notes, details, today's calls, knowledge search and script: Alt+1 to Alt+5, Ctrl+Page Down"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(strip_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(2));
    sizer->Add(book_, 1, wxEXPAND);
    SetSizer(sizer);
}

wxWindow* CallPages::pageParent() const {
    return book_;
}

void CallPages::addPage(wxWindow* page, const wxString& label, const wxString& tip) {
    auto* tab = new wxToggleButton(strip_, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    tab->SetName(label);
    tab->SetToolTip(tip);
    tab->SetCanFocus(false); // a click turns the page; the keyboard stays where the agent is typing
    const size_t index = tabs_.size();
    tab->Bind(wxEVT_TOGGLEBUTTON, [this, index](wxCommandEvent&) { select(index); });
    // Each tab takes an equal share of its line, so a wrapped second line still reads as tabs.
    strip_->GetSizer()->Add(tab, 1, wxEXPAND | wxRIGHT | wxBOTTOM, FromDIP(2));
    tabs_.push_back(tab);
    sizeTab(tab);
    book_->AddPage(page, label, tabs_.size() == 1);
    showSelected();
    Layout();
}

void CallPages::select(size_t index) {
    if (index >= tabs_.size()) return;
    // The keyboard in the page going out of sight follows to the page coming in: left on a hidden
    // control, GTK gave keys to no one, and Ctrl+/ on the Today page did nothing.
    wxWindow* focus = wxWindow::FindFocus();
    const bool focusInPages = focus && book_->IsDescendant(focus);
    if (static_cast<int>(index) != book_->GetSelection()) book_->SetSelection(index);
    showSelected();
    if (focusInPages && !focus->IsShownOnScreen()) book_->GetCurrentPage()->SetFocus();
}

void CallPages::advance(bool forward) {
    if (tabs_.empty()) return;
    const size_t n = tabs_.size();
    const size_t at = static_cast<size_t>(std::max(0, book_->GetSelection()));
    select(forward ? (at + 1) % n : (at + n - 1) % n);
}

wxWindow* CallPages::currentPage() const {
    return book_->GetCurrentPage();
}

void CallPages::show(const wxWindow* page) {
    if (const int i = page ? indexOf(page) : wxNOT_FOUND; i != wxNOT_FOUND) select(static_cast<size_t>(i));
}

int CallPages::indexOf(const wxWindow* page) const {
    return book_->FindPage(page);
}

void CallPages::setCompact(bool compact) {
    // Smaller text only where it saves a line: 80%, or two thirds at a large font (150% comes back to
    // about the usual size: five tabs fit in 360 pixels at 100%, so it goes no smaller).
    float scale = 1.0f;
    if (compact) {
        const int room = strip_->GetClientSize().x;
        auto width = [this](float s) {
            int total = 0;
            for (const wxToggleButton* tab : tabs_)
                total += tabWidth(tab, GetFont().Scaled(s)) + FromDIP(2);
            return total;
        };
        if (width(1.0f) > room)
            for (const float s : {0.8f, 2.0f / 3.0f})
                if (width(s) <= room) {
                    scale = s;
                    break;
                }
    }
    if (scale == scale_) return;
    scale_ = scale;
    for (wxToggleButton* tab : tabs_)
        sizeTab(tab);
    showSelected();
    Layout();
}

void CallPages::sizeTab(wxToggleButton* tab) {
    tab->SetFont(scale_ == 1.0f ? GetFont() : GetFont().Scaled(scale_));
    tab->SetMinSize(wxSize(tabWidth(tab, tab->GetFont()), -1));
    tab->InvalidateBestSize();
}

int CallPages::tabWidth(const wxToggleButton* tab, wxFont font) const {
    // As wide as the label in bold (the tab shown), not a default button's width: five fit in a line
    // of 360 pixels at the usual font size.
    font.SetWeight(wxFONTWEIGHT_BOLD);
    int width = 0, charWidth = 0;
    tab->GetTextExtent(tab->GetLabel(), &width, nullptr, nullptr, nullptr, &font);
    tab->GetTextExtent("x", &charWidth, nullptr, nullptr, nullptr, &font);
    return width + FromDIP(10) + charWidth / 2;
}

void CallPages::showSelected() {
    const int at = book_->GetSelection();
    for (size_t i = 0; i < tabs_.size(); ++i) {
        const bool on = static_cast<int>(i) == at;
        tabs_[i]->SetValue(on);
        wxFont font = tabs_[i]->GetFont();
        font.SetWeight(on ? wxFONTWEIGHT_BOLD : wxFONTWEIGHT_NORMAL);
        tabs_[i]->SetFont(font);
    }
}

} // namespace cc::ui
