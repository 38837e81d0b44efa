#pragma once

#include "notes/Notes.h"

#include <functional>
#include <wx/panel.h>

class wxStyledTextCtrl;
class wxStaticText;

namespace cc::ui {

/// The notes editor: free text, each line's time shown in the margin. It reports every edit and draws
/// the stamps the core gives back.
class NotesPanel : public wxPanel {
public:
    NotesPanel(wxWindow* parent, std::function<void()> onEdited);

    /// Replaces the editor's contents (a new or restored call) without reporting an edit.
    void load(const Notes& notes);
    /// Draws the stamps of the lines an edit touched.
    void stamp(const Notes& notes, const NoteChange& change);
    void setEditable(bool editable);
    std::string text() const;
    void focusEditor();
    wxStyledTextCtrl* editor() const { return editor_; }

private:
    void stampLines(const Notes& notes, std::size_t first, std::size_t last);

    std::function<void()> onEdited_;
    wxStaticText* hint_;
    wxStyledTextCtrl* editor_;
    bool loading_ = false;
};

} // namespace cc::ui
