#include "app/AccessibilityAudit.h"

#include <cstdio>
#include <set>
#include <wx/anybutton.h>
#include <wx/app.h>
#include <wx/bookctrl.h>
#include <wx/checkbox.h>
#include <wx/control.h>
#include <wx/dialog.h>
#include <wx/eventfilter.h>
#include <wx/radiobut.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/stockitem.h>
#include <wx/toplevel.h>
#include <wx/utils.h>
#include <wx/weakref.h>

namespace cc::ui {

namespace {
// The names wx gives controls nobody named (wxButtonNameStr, wxTextCtrlNameStr...).
bool isDefaultName(const wxString& name) {
    static const std::set<wxString> defaults{"",
                                             "button",
                                             "text",
                                             "check",
                                             "checkBox",
                                             "choice",
                                             "comboBox",
                                             "listCtrl",
                                             "listBox",
                                             "wxSpinCtrl",
                                             "spinCtrl",
                                             "notebook",
                                             "stcwindow",
                                             "dirpicker",
                                             "filepicker",
                                             "radioButton",
                                             "checklist",
                                             "htmlWindow",
                                             "dataviewCtrl",
                                             "hyperlink",
                                             "searchCtrl",
                                             "bitmapButton",
                                             "toggle",
                                             "slider",
                                             "wxSpinButton",
                                             "gauge",
                                             "panel"};
    return defaults.count(name) > 0;
}

// dynamic_cast, not wxDynamicCast: wx's macro static_casts the pointer to the class before it checks,
// which is undefined behaviour for every child that is not one (UBSan stops the app there).
void audit(wxWindow* w, wxArrayString& problems) {
    for (wxWindow* child : w->GetChildren()) {
        if (child->IsTopLevel() || !child->IsShown()) continue;
        auto* control = dynamic_cast<wxControl*>(child);
        const bool leaf = control && !dynamic_cast<wxBookCtrlBase*>(child);
        const bool passive = dynamic_cast<wxStaticText*>(child) || dynamic_cast<wxStaticBox*>(child);
        // OK, Cancel, Close: the toolkit's own buttons, named by their standard label.
        const bool stock = wxIsStockID(child->GetId());
        if (control && !passive && !stock && child->AcceptsFocusFromKeyboard()) {
            const wxString what = wxString::Format("%s '%s'", child->GetClassInfo()->GetClassName(),
                                                   control->GetLabelText().empty() ? child->GetName()
                                                                                   : control->GetLabelText());
            // A button or a check box is named by its label, as screen readers read it; a text field,
            // list or drop-down needs a name of its own.
            const bool labelled = (dynamic_cast<wxAnyButton*>(child) || dynamic_cast<wxCheckBox*>(child) ||
                                   dynamic_cast<wxRadioButton*>(child)) &&
                                  !control->GetLabelText().empty();
            if (!labelled && isDefaultName(child->GetName())) problems.Add(what + ": no name");
            if (child->GetToolTipText().empty()) problems.Add(what + ": no tooltip");
        }
        if (!leaf) audit(child, problems);
    }
}

// Audits a window's top-level window whenever part of it is shown (a dialog, a notebook page), and
// prints each problem once.
class AuditFilter : public wxEventFilter {
public:
    int FilterEvent(wxEvent& event) override {
        if (event.GetEventType() != wxEVT_SHOW || !static_cast<wxShowEvent&>(event).IsShown())
            return Event_Skip;
        auto* w = dynamic_cast<wxWindow*>(event.GetEventObject());
        if (!w || !wxGetTopLevelParent(w)) return Event_Skip;
        // wx's own dialogs (message boxes, text entry) keep wx's default name; their fields are wx's.
        if (wxGetTopLevelParent(w)->GetName() == wxDialogNameStr) return Event_Skip;
        wxTheApp->CallAfter([this, top = wxWeakRef<wxWindow>(wxGetTopLevelParent(w))] {
            if (!top) return;
            for (const wxString& p : accessibilityProblems(top.get())) {
                const wxString line = "a11y: " + top->GetName() + ": " + p;
                if (printed_.insert(line).second) std::fprintf(stderr, "%s\n", line.utf8_str().data());
            }
        });
        return Event_Skip;
    }

private:
    std::set<wxString> printed_;
};
} // namespace

wxArrayString accessibilityProblems(wxWindow* top) {
    wxArrayString problems;
    audit(top, problems);
    return problems;
}

void startAccessibilityAuditIfAsked() {
    if (!wxGetEnv("CALL_COMPANION_A11Y_AUDIT", nullptr)) return;
    // Lives as long as the process: a test build's aid, never removed.
    wxEvtHandler::AddFilter(new AuditFilter);
}

} // namespace cc::ui
