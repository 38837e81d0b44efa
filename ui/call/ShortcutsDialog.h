#pragma once

#include <wx/dialog.h>

class wxMenuBar;

namespace cc::ui {

/// Every keyboard shortcut, grouped as the menus are. The menu bar is the table: each menu item's
/// accelerator is listed as the menu shows it, so the list cannot drift from the menus; the few keys
/// that belong to one control (Escape in the notes, arrows in the search) are listed after them.
class ShortcutsDialog : public wxDialog {
public:
    ShortcutsDialog(wxWindow* parent, const wxMenuBar& menus);
};

} // namespace cc::ui
