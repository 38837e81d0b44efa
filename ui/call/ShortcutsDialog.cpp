#include "call/ShortcutsDialog.h"

#include <algorithm>
#include <memory>
#include <vector>
#include <wx/accel.h>
#include <wx/button.h>
#include <wx/display.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/settings.h>
#include <wx/sizer.h>

namespace cc::ui {

namespace {
struct KeyRow {
    wxString keys;
    wxString action;
};

struct KeyGroup {
    wxString heading;
    std::vector<KeyRow> rows;
};

// Keys that are not on a menu: they act inside one part of the window or in one of the QA windows
// (kept in step with the key handlers of NotesPanel, KnowledgePanel, HistoryFrame and ReviewFrame), or
// are the toolkit's own.
std::vector<KeyGroup> keysOutsideMenus() {
    return {
        // TRANSLATORS: heading of the shortcuts that are not on a menu.
        {_("Elsewhere"),
         {
             {_("Ctrl+/"), _("Show this list of shortcuts")},
             // TRANSLATORS: a key name; "Esc" on most keyboards.
             {_("Escape"), _("In the notes: dismiss the prompt. In the search: back to the notes")},
             {_("Up / Down"), _("In the search: pick an entry")},
             // TRANSLATORS: a key name; "Return" on some keyboards.
             {_("Enter"), _("In the search: open the referral card")},
             {_("Alt+I"), _("In the search: insert the referral shown into the notes")},
             {_("Alt+I"), _("In the notes: insert the referral suggested under them")},
             {_("Tab / Shift+Tab"), _("Move to the next or previous control")},
             {_("Ctrl+Page Down / Ctrl+Page Up"),
              _("Next or previous page (Notes, Details, Today, Search, Script)")},
             {_("Alt+4"), _("The search page, as Ctrl+K")},
             {_("F10"), _("Open the menu bar; the underlined letters choose an item")},
             {_("Shift+F10"), _("In the notes: the spelling suggestions for the word at the cursor")},
         }},
        {_("On the script page (Alt+5)"),
         {
             {_("Alt+X / Alt+B"), _("The next or the previous step")},
             {_("1 to 9"), _("Choose the answer with that number")},
             {_("Ctrl+1 to Ctrl+9"), _("Tick or untick the checklist item with that number")},
             {_("Alt+P"), _("Start a practice call (training mode)")},
             {_("Alt+L"), _("The practice customer's next line")},
         }},
        {_("In the call history"),
         {
             {_("Ctrl+F"), _("Search the notes")},
             {_("Enter"), _("Open the selected call's review")},
             {_("Ctrl+E"), _("Export the calls listed")},
             {_("Escape or Ctrl+W"), _("Close the window")},
         }},
        {_("In a call's review"),
         {
             {_("Alt+R"), _("Type your name as the reviewer")},
             {_("Alt+U"), _("Write the summary")},
             {_("Alt+T"), _("Go to the timeline list")},
             {_("Left / Right"), _("In the timeline bar: the previous or next moment")},
             {_("Ctrl+M"), _("Pin a comment at the selected moment")},
             {_("Ctrl+S"), _("Save the review")},
             {_("Ctrl+P"), _("Print the call's report")},
             {_("Alt+H"), _("Save the call's report as an HTML page")},
             {_("Escape or Ctrl+W"), _("Close the window")},
         }},
    };
}

void addRow(wxListCtrl* list, const wxString& keys, const wxString& action) {
    const long row = list->InsertItem(list->GetItemCount(), keys);
    list->SetItem(row, 1, action);
}

void addHeading(wxListCtrl* list, const wxString& heading) {
    const long row = list->InsertItem(list->GetItemCount(), heading);
    wxFont bold = list->GetFont().Bold();
    list->SetItemFont(row, bold);
}

void addMenu(wxListCtrl* list, const wxMenu& menu) {
    for (const wxMenuItem* item : menu.GetMenuItems()) {
        if (item->IsSubMenu()) {
            addMenu(list, *item->GetSubMenu());
            continue;
        }
        const std::unique_ptr<wxAcceleratorEntry> accel(item->GetAccel());
        if (accel) addRow(list, accel->ToString(), item->GetItemLabelText());
    }
}
} // namespace

ShortcutsDialog::ShortcutsDialog(wxWindow* parent, const wxMenuBar& menus)
    : wxDialog(parent, wxID_ANY, _("Keyboard shortcuts"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    SetName("shortcuts");
    auto* list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(560, 460)),
                                wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_HRULES);
    list->SetName(_("Keyboard shortcuts"));
    list->SetToolTip(_("Every keyboard shortcut of Call Companion; the arrow keys scroll the list"));
    list->AppendColumn(_("Keys"));
    list->AppendColumn(_("Action"));
    for (size_t i = 0; i < menus.GetMenuCount(); ++i) {
        addHeading(list, menus.GetMenuLabelText(i));
        addMenu(list, *menus.GetMenu(i));
    }
    for (const KeyGroup& group : keysOutsideMenus()) {
        addHeading(list, group.heading);
        for (const KeyRow& row : group.rows)
            addRow(list, row.keys, row.action);
    }
    list->SetColumnWidth(0, wxLIST_AUTOSIZE);
    list->SetColumnWidth(1, wxLIST_AUTOSIZE);
    // Wide enough for both columns whole (no action cut off at a large font), as far as the display
    // allows; a narrower display scrolls sideways.
    const int whole = list->GetColumnWidth(0) + list->GetColumnWidth(1) +
                      wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, list) + FromDIP(8);
    const int index = wxDisplay::GetFromWindow(parent);
    const int room = wxDisplay(index == wxNOT_FOUND ? 0u : static_cast<unsigned>(index))
                         .GetGeometry()
                         .width - // see WindowPlacement.cpp
                     FromDIP(40);
    list->SetMinSize(wxSize(std::min(std::max(whole, FromDIP(560)), room), FromDIP(460)));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(list, 1, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(CreateStdDialogButtonSizer(wxCLOSE), 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
    SetSizerAndFit(sizer);
    SetEscapeId(wxID_CLOSE);
    SetAffirmativeId(wxID_CLOSE);
    list->SetFocus();
    if (list->GetItemCount() > 0) list->SetItemState(0, wxLIST_STATE_FOCUSED, wxLIST_STATE_FOCUSED);
}

} // namespace cc::ui
