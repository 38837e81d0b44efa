#include "NotesPanel.h"

#include "core/Format.h"

#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/stc/stc.h>

namespace cc::ui {

namespace {
constexpr int kStampMargin = 0;
constexpr int kStampStyle = 40; // a style number past Scintilla's predefined ones
} // namespace

NotesPanel::NotesPanel(wxWindow* parent, std::function<void()> onEdited)
    : wxPanel(parent, wxID_ANY), onEdited_(std::move(onEdited)) {
    hint_ = new wxStaticText(this, wxID_ANY, _("Notes are saved as you type. Each line gets its time."));
    hint_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));

    editor_ = new wxStyledTextCtrl(this, wxID_ANY);
    editor_->SetName(_("Call notes"));
    editor_->SetToolTip(_("Call notes: type freely; each line is time-stamped and saved within a second"));
    editor_->SetWrapMode(wxSTC_WRAP_WORD);
    editor_->SetCodePage(wxSTC_CP_UTF8);
    editor_->SetUseHorizontalScrollBar(false);
    editor_->SetEOLMode(wxSTC_EOL_LF);

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

    for (int m = 0; m < 5; ++m) editor_->SetMarginWidth(m, 0);
    editor_->SetMarginType(kStampMargin, wxSTC_MARGIN_RTEXT);
    editor_->SetMarginWidth(kStampMargin, editor_->TextWidth(kStampStyle, "00:00  "));

    // The window's own shortcuts win over Scintilla's (Ctrl+D duplicates a line, Ctrl+T swaps two).
    for (int key : {'N', 'H', 'E', 'D', 'T', 'K', 'L'}) editor_->CmdKeyClear(key, wxSTC_KEYMOD_CTRL);

    editor_->Bind(wxEVT_STC_MODIFIED, [this](wxStyledTextEvent& e) {
        e.Skip();
        if (!loading_ && (e.GetModificationType() & (wxSTC_MOD_INSERTTEXT | wxSTC_MOD_DELETETEXT)))
            onEdited_();
    });
    editor_->SetModEventMask(wxSTC_MOD_INSERTTEXT | wxSTC_MOD_DELETETEXT);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(hint_, 0, wxEXPAND | wxALL, FromDIP(4));
    sizer->Add(editor_, 1, wxEXPAND);
    SetSizer(sizer);
}

void NotesPanel::load(const Notes& notes) {
    loading_ = true;
    const bool wasReadOnly = editor_->GetReadOnly();
    editor_->SetReadOnly(false);
    editor_->SetText(wxString::FromUTF8(notes.text()));
    editor_->EmptyUndoBuffer();
    editor_->SetReadOnly(wasReadOnly);
    editor_->MarginTextClearAll();
    stampLines(notes, 0, notes.lines().size());
    editor_->DocumentEnd();
    loading_ = false;
}

void NotesPanel::stamp(const Notes& notes, const NoteChange& change) {
    // A changed line count shifts every line below the change, so their stamps are redrawn too.
    const std::size_t last = change.lineCountChanged ? notes.lines().size() : change.first + change.count;
    stampLines(notes, change.first, last);
}

void NotesPanel::stampLines(const Notes& notes, std::size_t first, std::size_t last) {
    const auto& lines = notes.lines();
    for (std::size_t i = first; i < last && i < lines.size(); ++i) {
        const int line = static_cast<int>(i);
        if (lines[i].at) {
            editor_->MarginSetText(line, wxString::FromUTF8(formatTimeOfDay(*lines[i].at)));
            editor_->MarginSetStyle(line, kStampStyle);
        } else {
            editor_->MarginSetText(line, wxString());
        }
    }
}

void NotesPanel::setEditable(bool editable) {
    editor_->SetReadOnly(!editable);
    hint_->SetLabel(editable ? _("Notes are saved as you type. Each line gets its time.")
                             : _("Start a call (Ctrl+N) to take notes."));
}

std::string NotesPanel::text() const { return std::string(editor_->GetText().utf8_str()); }

void NotesPanel::focusEditor() { editor_->SetFocus(); }

} // namespace cc::ui
