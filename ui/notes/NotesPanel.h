#pragma once

#include "notes/Notes.h"
#include "text/Template.h"

#include <functional>
#include <optional>
#include <string>
#include <wx/panel.h>

class wxStyledTextCtrl;
class wxStyledTextEvent;
class wxStaticText;

namespace cc {
class SpellChecker;
class SnippetBook;
} // namespace cc

namespace cc::ui {

/// The notes editor: free text, each line's time in the margin, misspelt words underlined, snippets
/// expanded. It reports every edit and draws what the core gives back; the checking and expanding are
/// the core's.
class NotesPanel : public wxPanel {
public:
    /// `expand` fills a snippet's placeholders from the call; it returns the text to insert and its gaps.
    NotesPanel(wxWindow* parent, std::function<void()> onEdited,
               std::function<GappedText(const std::string& snippetText)> expand);

    /// Replaces the editor's contents (a new or restored call) without reporting an edit.
    void load(const Notes& notes);
    /// Draws the stamps of the lines an edit touched, and shows their masked text if the core masked
    /// a number in them.
    void show(const Notes& notes, const NoteChange& change);
    void setEditable(bool editable);
    std::string text() const;
    /// Hands over edits not yet reported (before the call changes state).
    void flushPending() { flushEdits(); }
    void focusEditor();
    /// Adds a line at the end of the notes, as if typed (a referral).
    void appendLine(const std::string& line);
    wxStyledTextCtrl* editor() const { return editor_; }
    /// The text of the line the caret is on.
    std::string currentLine() const;
    /// A quiet line under the editor (the referral suggestion).
    void addBelowEditor(wxWindow* window);

    /// Spell-checking starts once a dictionary is loaded (off the UI thread), and stops with nullptr.
    void setSpellChecker(SpellChecker* checker);
    void setSnippets(const SnippetBook* snippets) { snippets_ = snippets; }
    /// Where to tell the agent that something went wrong (e.g. the personal dictionary is not writable).
    void setWarn(std::function<void(const std::string&)> warn) { warn_ = std::move(warn); }
    /// Opens the snippet picker at the caret (Ctrl+J).
    void pickSnippet();

private:
    void stampLines(const Notes& notes, std::size_t first, std::size_t last);
    void checkLines(int first, int last);
    /// Hands a burst of edits to the window, then re-checks the lines they touched.
    void flushEdits();
    void onModified(wxStyledTextEvent& e);
    void onCharAdded(wxStyledTextEvent& e);
    void onContextMenu(wxContextMenuEvent& e);
    void insertSnippet(const std::string& text, int replaceFrom, int replaceTo);

    std::function<void()> onEdited_;
    std::function<GappedText(const std::string&)> expand_;
    std::function<void(const std::string&)> warn_;
    wxStaticText* hint_;
    wxStyledTextCtrl* editor_;
    SpellChecker* spell_ = nullptr;
    const SnippetBook* snippets_ = nullptr;
    bool loading_ = false;
    std::optional<std::pair<int, int>> pendingLines_; ///< lines edited since the last check
};

} // namespace cc::ui
