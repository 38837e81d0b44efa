#pragma once

#include <vector>
#include <wx/panel.h>

class wxSimplebook;
class wxToggleButton;

namespace cc::ui {

/// The call's pages (notes, details, today, search, script) under a row of tabs that wraps onto a
/// second line when the window is narrow or the font is large: every tab stays in sight, never
/// behind scroll arrows. The tabs never take the keyboard; Alt+1 to Alt+5, Ctrl+K and Ctrl+Page Up /
/// Page Down reach the pages.
class CallPages : public wxPanel {
public:
    explicit CallPages(wxWindow* parent);

    /// The parent for the pages' windows.
    wxWindow* pageParent() const;
    /// `tip` says what the page holds and its key.
    void addPage(wxWindow* page, const wxString& label, const wxString& tip);
    void select(size_t index);
    /// Shows `page` (one added here; nothing for a page not built yet).
    void show(const wxWindow* page);
    /// The next page (or the one before), wrapping round.
    void advance(bool forward);
    wxWindow* currentPage() const;
    int indexOf(const wxWindow* page) const;
    size_t count() const { return tabs_.size(); }
    /// A short window or a large font: the tabs' text a little smaller, if that keeps them to one line
    /// where at full size they would take two.
    void setCompact(bool compact);

private:
    void showSelected();
    void sizeTab(wxToggleButton* tab);
    /// The width a tab takes with `font`, in bold as the tab shown.
    int tabWidth(const wxToggleButton* tab, wxFont font) const;

    float scale_ = 1.0f; ///< the tabs' text, smaller in a compact window

    wxSimplebook* book_;
    wxPanel* strip_;
    std::vector<wxToggleButton*> tabs_;
};

} // namespace cc::ui
