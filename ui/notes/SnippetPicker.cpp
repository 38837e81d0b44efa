#include "notes/SnippetPicker.h"

#include "notes/SnippetBook.h"

#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

namespace cc::ui {

SnippetPicker::SnippetPicker(wxWindow* parent, const SnippetBook& book)
    : wxDialog(parent, wxID_ANY, _("Insert a snippet"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      book_(book) {
    SetName("snippet-picker");
    filter_ =
        new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    filter_->SetName(_("Find a snippet"));
    filter_->SetHint(_("Type to narrow: a word of the title, or the trigger"));
    filter_->SetToolTip(
        _("Type a word of the snippet's title or its trigger; Up and Down pick, Enter inserts, "
          "Escape goes back to the notes"));
    list_ = new wxListBox(this, wxID_ANY);
    list_->SetName(_("Snippets"));
    list_->SetToolTip(_("Enter inserts the snippet selected into the notes"));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(filter_, 0, wxEXPAND | wxALL, FromDIP(6));
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6));
    SetSizer(sizer);
    // Within the companion's width, and tall enough for the usual handful of snippets.
    SetSize(FromDIP(wxSize(340, 300)));
    SetMinSize(FromDIP(wxSize(240, 180)));
    CentreOnParent();

    filter_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { refill(); });
    filter_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        if (list_->GetSelection() != wxNOT_FOUND) EndModal(wxID_OK);
    });
    list_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { EndModal(wxID_OK); });
    Bind(wxEVT_CHAR_HOOK, &SnippetPicker::onKey, this);
    refill();
}

void SnippetPicker::onKey(wxKeyEvent& event) {
    const int key = event.GetKeyCode();
    if ((key == WXK_DOWN || key == WXK_UP) && !shown_.empty()) {
        // Up and Down move in the list while the keyboard stays in the filter.
        const int count = static_cast<int>(shown_.size());
        const int at = std::max(0, list_->GetSelection());
        list_->SetSelection(key == WXK_DOWN ? std::min(count - 1, at + 1) : std::max(0, at - 1));
        return;
    }
    if (key == WXK_ESCAPE) {
        EndModal(wxID_CANCEL); // the dialog has no Cancel button for wx to press
        return;
    }
    if ((key == WXK_RETURN || key == WXK_NUMPAD_ENTER) && list_->GetSelection() != wxNOT_FOUND) {
        EndModal(wxID_OK);
        return;
    }
    event.Skip();
}

void SnippetPicker::refill() {
    shown_ = book_.matching(std::string(filter_->GetValue().utf8_str()));
    wxArrayString rows;
    for (const Snippet* s : shown_)
        rows.Add(wxString::FromUTF8(s->title) + wxString::FromUTF8("  · ") + wxString::FromUTF8(s->trigger));
    list_->Set(rows);
    if (!shown_.empty()) list_->SetSelection(0); // Enter inserts the best match at once
}

const Snippet* SnippetPicker::choose() {
    filter_->SetFocus();
    if (ShowModal() != wxID_OK) return nullptr;
    const int at = list_->GetSelection();
    return at == wxNOT_FOUND ? nullptr : shown_[static_cast<std::size_t>(at)];
}

} // namespace cc::ui
