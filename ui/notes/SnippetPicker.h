#pragma once

#include <vector>
#include <wx/dialog.h>

class wxTextCtrl;
class wxListBox;

namespace cc {
class SnippetBook;
struct Snippet;
} // namespace cc

namespace cc::ui {

/// Ctrl+J in the notes: the snippets in a short list, the first one selected. Typing narrows the list
/// (by a title word or the trigger), Up and Down move, Enter inserts, Escape goes back to the notes.
class SnippetPicker : public wxDialog {
public:
    SnippetPicker(wxWindow* parent, const SnippetBook& book);

    /// Shows the picker; the snippet chosen, or nullptr if the agent went back.
    const Snippet* choose();

private:
    void refill();
    void onKey(wxKeyEvent& event);

    const SnippetBook& book_;
    std::vector<const Snippet*> shown_;
    wxTextCtrl* filter_;
    wxListBox* list_;
};

} // namespace cc::ui
