#include "notes/NotesPanel.h"

#include "core/Format.h"
#include "notes/SnippetBook.h"
#include "notes/SnippetPicker.h"
#include "spell/SpellChecker.h"

#include <wx/menu.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/stc/stc.h>

namespace cc::ui {

namespace {
constexpr int kStampMargin = 0;
constexpr int kStampStyle = 40;    // a style number past Scintilla's predefined ones
constexpr int kSpellIndicator = 8; // indicators 8+ are the container's own
constexpr int kMaxSuggestions = 6;

enum MenuId { ID_SUGGEST = wxID_HIGHEST + 100, ID_ADD_WORD = ID_SUGGEST + kMaxSuggestions, ID_IGNORE_WORD };

wxString fromUtf8(const std::string& s) {
    return wxString::FromUTF8(s);
}
} // namespace

NotesPanel::NotesPanel(wxWindow* parent, std::function<void()> onEdited,
                       std::function<GappedText(const std::string&)> expand)
    : wxPanel(parent, wxID_ANY), onEdited_(std::move(onEdited)), expand_(std::move(expand)) {
    // One line, cut with "…" when the window is narrow; the whole hint is in its tooltip.
    hint_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                             wxST_ELLIPSIZE_END | wxST_NO_AUTORESIZE);
    hint_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    hint_->SetMinSize(wxSize(FromDIP(40), -1)); // never widens the window: the rest is cut with "…"

    editor_ = new wxStyledTextCtrl(this, wxID_ANY);
    editor_->SetName(_("Call notes"));
    editor_->SetToolTip(_("Call notes: each line is time-stamped and saved within a second. "
                          "Type a snippet trigger such as ;vrf and a space, or press Ctrl+J to pick one."));
    editor_->SetWrapMode(wxSTC_WRAP_WORD);
    editor_->SetCodePage(wxSTC_CP_UTF8);
    editor_->SetUseHorizontalScrollBar(false);
    editor_->SetEOLMode(wxSTC_EOL_LF);
    // A notice or a prompt appearing above makes the notes shorter: the line being typed stays in sight
    // (it went under the window's foot and the agent typed blind).
    editor_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        if (editor_->HasFocus()) CallAfter([this] { editor_->EnsureCaretVisible(); });
    });
    editor_->UsePopUp(wxSTC_POPUP_NEVER); // ours has the spelling suggestions

    // Follow the theme: the editor's colours and font are the system's, not Scintilla's defaults.
    const wxColour bg = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW);
    const wxColour fg = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    editor_->StyleSetFont(wxSTC_STYLE_DEFAULT, wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT));
    editor_->StyleSetBackground(wxSTC_STYLE_DEFAULT, bg);
    editor_->StyleSetForeground(wxSTC_STYLE_DEFAULT, fg);
    editor_->StyleClearAll();
    editor_->SetCaretForeground(fg);
    editor_->StyleSetBackground(wxSTC_STYLE_LINENUMBER, wxSystemSettings::GetColour(wxSYS_COLOUR_BTNFACE));
    editor_->StyleSetFont(kStampStyle, wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT).Smaller());
    editor_->StyleSetForeground(kStampStyle, wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    editor_->StyleSetBackground(kStampStyle, wxSystemSettings::GetColour(wxSYS_COLOUR_BTNFACE));
    // SQUIGGLE, not SQUIGGLEPIXMAP: the pixmap style asks wx for a zero-wide bitmap when a flagged word
    // meets a wrapped line's edge, a failed wx check on every repaint.
    editor_->IndicatorSetStyle(kSpellIndicator, wxSTC_INDIC_SQUIGGLE);
    editor_->IndicatorSetForeground(kSpellIndicator, wxColour(0xD3, 0x2F, 0x2F));

    for (int m = 0; m < 5; ++m)
        editor_->SetMarginWidth(m, 0);
    editor_->SetMarginType(kStampMargin, wxSTC_MARGIN_RTEXT);
    editor_->SetMarginWidth(kStampMargin, editor_->TextWidth(kStampStyle, "00:00  "));

    // The window's own shortcuts win over Scintilla's (Ctrl+D duplicates a line, Ctrl+T swaps two).
    for (int key : {'N', 'H', 'E', 'D', 'T', 'K', 'L', 'J'})
        editor_->CmdKeyClear(key, wxSTC_KEYMOD_CTRL);

    // Tab and Shift+Tab move between controls, as everywhere else in the window: a tab character in a
    // note means nothing to a CRM, and Shift+Tab moved the caret back into a word the agent went on typing.
    editor_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_TAB &&
            (e.GetModifiers() == wxMOD_NONE || e.GetModifiers() == wxMOD_SHIFT)) {
            editor_->Navigate(e.ShiftDown() ? wxNavigationKeyEvent::IsBackward
                                            : wxNavigationKeyEvent::IsForward);
            return;
        }
        e.Skip();
    });
    editor_->SetModEventMask(wxSTC_MOD_INSERTTEXT | wxSTC_MOD_DELETETEXT);
    editor_->Bind(wxEVT_STC_MODIFIED, &NotesPanel::onModified, this);
    editor_->Bind(wxEVT_STC_CHARADDED, &NotesPanel::onCharAdded, this);
    editor_->Bind(wxEVT_CONTEXT_MENU, &NotesPanel::onContextMenu, this);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(hint_, 0, wxEXPAND | wxALL, FromDIP(4));
    sizer->Add(editor_, 1, wxEXPAND);
    SetSizer(sizer);
}

void NotesPanel::load(const Notes& notes) {
    loading_ = true;
    const bool wasReadOnly = editor_->GetReadOnly();
    editor_->SetReadOnly(false);
    editor_->SetText(fromUtf8(notes.text()));
    editor_->EmptyUndoBuffer();
    editor_->SetReadOnly(wasReadOnly);
    editor_->MarginTextClearAll();
    stampLines(notes, 0, notes.lines().size());
    editor_->DocumentEnd();
    loading_ = false;
    pendingLines_.reset();
    checkLines(0, editor_->GetLineCount() - 1);
}

void NotesPanel::show(const Notes& notes, const NoteChange& change) {
    const auto& lines = notes.lines();
    if (change.masked) {
        // Masking keeps the length, so the caret and selection go back exactly where they were.
        const int caret = editor_->GetCurrentPos(), anchor = editor_->GetAnchor();
        loading_ = true;
        for (std::size_t i = change.first; i < change.first + change.count && i < lines.size(); ++i) {
            const int line = static_cast<int>(i);
            editor_->SetTargetStart(editor_->PositionFromLine(line));
            editor_->SetTargetEnd(editor_->GetLineEndPosition(line));
            editor_->ReplaceTarget(fromUtf8(lines[i].text));
        }
        editor_->SetSelection(anchor, caret);
        loading_ = false;
    }
    // A changed line count shifts every line below the change, so their stamps are redrawn too.
    const std::size_t last = change.lineCountChanged ? lines.size() : change.first + change.count;
    stampLines(notes, change.first, last);
}

void NotesPanel::stampLines(const Notes& notes, std::size_t first, std::size_t last) {
    const auto& lines = notes.lines();
    for (std::size_t i = first; i < last && i < lines.size(); ++i) {
        const int line = static_cast<int>(i);
        if (lines[i].at) {
            editor_->MarginSetText(line, fromUtf8(formatTimeOfDay(*lines[i].at)));
            editor_->MarginSetStyle(line, kStampStyle);
        } else {
            editor_->MarginSetText(line, wxString());
        }
    }
}

void NotesPanel::setEditable(bool editable) {
    editor_->SetReadOnly(!editable);
    hint_->SetLabel(editable ? _("Saved as you type · Ctrl+J inserts a snippet")
                             : _("Start a call (Ctrl+N) to take notes."));
    hint_->SetToolTip(hint_->GetLabel());
    Layout();
}

std::string NotesPanel::text() const {
    return std::string(editor_->GetText().utf8_str());
}

std::string NotesPanel::currentLine() const {
    wxString line = editor_->GetLine(editor_->GetCurrentLine());
    line.Trim();
    return line.utf8_string();
}

void NotesPanel::addBelowEditor(wxWindow* window) {
    GetSizer()->Add(window, 0, wxEXPAND | wxTOP | wxBOTTOM, FromDIP(2));
    Layout();
}

void NotesPanel::focusEditor() {
    editor_->SetFocus();
}

void NotesPanel::appendLine(const std::string& line) {
    if (editor_->GetReadOnly()) return;
    const int last = editor_->GetLineCount() - 1;
    const bool lastEmpty = editor_->GetLineLength(last) == 0;
    editor_->AppendText((lastEmpty ? wxString() : wxString("\n")) + fromUtf8(line) + "\n");
    editor_->DocumentEnd();
}

void NotesPanel::setSpellChecker(SpellChecker* checker) {
    spell_ = checker;
    editor_->SetIndicatorCurrent(kSpellIndicator);
    editor_->IndicatorClearRange(0, editor_->GetLength());
    if (spell_) checkLines(0, editor_->GetLineCount() - 1);
}

void NotesPanel::onModified(wxStyledTextEvent& e) {
    e.Skip();
    if (!(e.GetModificationType() & (wxSTC_MOD_INSERTTEXT | wxSTC_MOD_DELETETEXT))) return;
    if (loading_) return;
    // Scintilla forbids changing the text while it reports a change, and the core may mask a number:
    // the edit is handed on just after, once for a burst of changes (a paste, a snippet).
    const int first = editor_->LineFromPosition(e.GetPosition());
    const int last = first + std::max(0, e.GetLinesAdded());
    if (pendingLines_) {
        pendingLines_ = {std::min(pendingLines_->first, first), std::max(pendingLines_->second, last)};
        return;
    }
    pendingLines_ = {first, last};
    CallAfter([this] { flushEdits(); });
}

void NotesPanel::flushEdits() {
    if (!pendingLines_) return;
    const auto [first, last] = *pendingLines_;
    pendingLines_.reset();
    onEdited_();
    // Only the lines this edit touched are checked again.
    checkLines(first, last);
}

void NotesPanel::checkLines(int first, int last) {
    if (!spell_) return;
    editor_->SetIndicatorCurrent(kSpellIndicator);
    last = std::min(last, editor_->GetLineCount() - 1);
    for (int line = std::max(0, first); line <= last; ++line) {
        const int start = editor_->PositionFromLine(line);
        const int end = editor_->GetLineEndPosition(line);
        editor_->IndicatorClearRange(start, end - start);
        const wxCharBuffer bytes = editor_->GetTextRangeRaw(start, end);
        const std::string_view text(bytes.data(), static_cast<std::size_t>(end - start));
        for (const auto& m : spell_->check(text))
            editor_->IndicatorFillRange(start + static_cast<int>(m.offset), static_cast<int>(m.length));
    }
}

void NotesPanel::onCharAdded(wxStyledTextEvent& e) {
    e.Skip();
    const int key = e.GetKey();
    if (!snippets_ || (key != ' ' && key != '\n')) return;
    // The word before the blank just typed: a snippet trigger becomes the snippet's text.
    const int typed = editor_->GetCurrentPos() - 1;
    const int line = editor_->LineFromPosition(typed);
    const int lineStart = editor_->PositionFromLine(line);
    const wxCharBuffer bytes = editor_->GetTextRangeRaw(lineStart, typed);
    const std::string_view before(bytes.data(), static_cast<std::size_t>(typed - lineStart));
    const auto trigger = triggerBefore(before, before.size());
    if (!trigger) return;
    const Snippet* snippet = snippets_->find(*trigger);
    if (!snippet) return;
    const int from = typed - static_cast<int>(trigger->size());
    CallAfter([this, text = snippet->text, from, typed] { insertSnippet(text, from, typed); });
}

void NotesPanel::insertSnippet(const std::string& text, int replaceFrom, int replaceTo) {
    const GappedText filled = expand_(text);
    editor_->SetTargetStart(replaceFrom);
    editor_->SetTargetEnd(replaceTo);
    const int length = editor_->ReplaceTarget(fromUtf8(filled.text));
    if (filled.gaps.empty()) {
        editor_->GotoPos(replaceFrom + length + (replaceTo < editor_->GetCurrentPos() ? 1 : 0));
        return;
    }
    // What the call does not know yet is selected, the first gap: the agent types the name over
    // "[caller name]" rather than leaving it in the notes.
    const int gap = replaceFrom + static_cast<int>(filled.gaps.front().offset);
    editor_->SetSelection(gap, gap + static_cast<int>(filled.gaps.front().length));
    editor_->EnsureCaretVisible();
}

void NotesPanel::pickSnippet() {
    if (!snippets_ || snippets_->all().empty() || editor_->GetReadOnly()) return;
    // A list with the first snippet selected and a filter, not a popup menu: a menu opened from the
    // keyboard had nothing selected, so Enter did nothing until an arrow key.
    SnippetPicker picker(this, *snippets_);
    const Snippet* chosen = picker.choose();
    editor_->SetFocus();
    if (!chosen) return;
    const auto& s = *chosen;
    const int pos = editor_->GetCurrentPos();
    insertSnippet(s.text, pos, pos);
}

void NotesPanel::onContextMenu(wxContextMenuEvent& e) {
    wxPoint at = e.GetPosition() == wxDefaultPosition ? editor_->PointFromPosition(editor_->GetCurrentPos())
                                                      : editor_->ScreenToClient(e.GetPosition());
    wxMenu menu;
    std::string word;
    int wordStart = 0, wordEnd = 0;
    std::vector<std::string> suggestions;
    const int pos = editor_->PositionFromPointClose(at.x, at.y);
    if (spell_ && pos >= 0 && editor_->IndicatorValueAt(kSpellIndicator, pos)) {
        wordStart = editor_->IndicatorStart(kSpellIndicator, pos);
        wordEnd = editor_->IndicatorEnd(kSpellIndicator, pos);
        const wxCharBuffer bytes = editor_->GetTextRangeRaw(wordStart, wordEnd);
        word.assign(bytes.data(), static_cast<std::size_t>(wordEnd - wordStart));
        // Suggestions take Hunspell tens of milliseconds: asked for here, on the right-click, only.
        suggestions = spell_->suggest(word);
        for (std::size_t i = 0; i < suggestions.size() && i < kMaxSuggestions; ++i)
            menu.Append(ID_SUGGEST + static_cast<int>(i), fromUtf8(suggestions[i]));
        if (suggestions.empty()) menu.Append(wxID_NONE, _("(no suggestions)"))->Enable(false);
        menu.AppendSeparator();
        menu.Append(ID_ADD_WORD, wxString::Format(_("&Add \"%s\" to dictionary"), fromUtf8(word)));
        menu.Append(ID_IGNORE_WORD, wxString::Format(_("&Ignore \"%s\""), fromUtf8(word)));
        menu.AppendSeparator();
    }
    menu.Append(wxID_CUT, _("Cu&t"))->Enable(!editor_->GetReadOnly() && !editor_->GetSelectedText().empty());
    menu.Append(wxID_COPY, _("&Copy"))->Enable(!editor_->GetSelectedText().empty());
    menu.Append(wxID_PASTE, _("&Paste"))->Enable(editor_->CanPaste());
    menu.Append(wxID_SELECTALL, _("Select a&ll"));

    const int chosen = editor_->GetPopupMenuSelectionFromUser(menu, at);
    if (chosen >= ID_SUGGEST && chosen < ID_SUGGEST + kMaxSuggestions) {
        editor_->SetTargetStart(wordStart);
        editor_->SetTargetEnd(wordEnd);
        editor_->ReplaceTarget(fromUtf8(suggestions[static_cast<std::size_t>(chosen - ID_SUGGEST)]));
    } else if (chosen == ID_ADD_WORD || chosen == ID_IGNORE_WORD) {
        try {
            if (chosen == ID_ADD_WORD)
                spell_->addToPersonal(word);
            else
                spell_->ignore(word);
        } catch (const std::exception& err) {
            if (warn_) warn_(err.what());
        }
        checkLines(0, editor_->GetLineCount() - 1);
    } else if (chosen == wxID_CUT) {
        editor_->Cut();
    } else if (chosen == wxID_COPY) {
        editor_->Copy();
    } else if (chosen == wxID_PASTE) {
        editor_->Paste();
    } else if (chosen == wxID_SELECTALL) {
        editor_->SelectAll();
    }
}

} // namespace cc::ui
