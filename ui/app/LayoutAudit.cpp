#include "app/LayoutAudit.h"

#include "call/CallPages.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <wx/anybutton.h>
#include <wx/app.h>
#include <wx/checkbox.h>
#include <wx/dcclient.h>
#include <wx/radiobut.h>
#include <wx/scrolwin.h>
#include <wx/stattext.h>
#include <wx/timer.h>
#include <wx/toplevel.h>
#include <wx/utils.h>

namespace cc::ui {

namespace {
// A pixel of rounding is not a cut-off letter.
constexpr int kSlack = 1;

bool scrolls(const wxWindow* w) {
    return dynamic_cast<const wxScrolledWindow*>(w) || dynamic_cast<const wxScrolledCanvas*>(w);
}

wxString describe(wxWindow* w) {
    auto* control = dynamic_cast<wxControl*>(w);
    wxString label = control ? control->GetLabelText() : wxString();
    label.Replace("\n", " ");
    if (label.length() > 40) label = label.Left(39) + "…";
    return wxString::Format("%s '%s'", w->GetClassInfo()->GetClassName(),
                            label.empty() ? w->GetName() : label);
}

// Controls whose label is text the user must read; an ellipsized label is cut on purpose, and says so
// with its "…".
bool labelled(wxWindow* w) {
    if (auto* text = dynamic_cast<wxStaticText*>(w))
        return !text->GetLabel().empty() &&
               !text->HasFlag(wxST_ELLIPSIZE_START | wxST_ELLIPSIZE_MIDDLE | wxST_ELLIPSIZE_END);
    if (dynamic_cast<wxAnyButton*>(w) || dynamic_cast<wxCheckBox*>(w) || dynamic_cast<wxRadioButton*>(w))
        return !static_cast<wxControl*>(w)->GetLabel().empty();
    return false;
}

const CallPages* findPages(wxWindow* w) {
    for (wxWindow* child : w->GetChildren()) {
        if (auto* pages = dynamic_cast<const CallPages*>(child)) return pages;
        if (!child->IsTopLevel())
            if (const CallPages* pages = findPages(child)) return pages;
    }
    return nullptr;
}

// The room a label's text needs, measured with its own font. Not the toolkit's best size: a button's
// holds the default button width, which a tab rightly goes below, and GTK's size for a text whose font
// just changed can lag a layout behind (the compact clock, under ASan).
wxSize need(wxWindow* w) {
    wxClientDC dc(w);
    dc.SetFont(w->GetFont());
    const wxSize text = dc.GetMultiLineTextExtent(static_cast<wxControl*>(w)->GetLabelText());
    const int indicator =
        dynamic_cast<wxCheckBox*>(w) || dynamic_cast<wxRadioButton*>(w) ? w->FromDIP(20) : 0;
    const wxSize measured(text.x + indicator, text.y);
    if (!dynamic_cast<wxStaticText*>(w)) return measured;
    // A static text is cut only if both measures say so: GTK spaces lines more tightly than a device
    // context does, and lags a font change.
    const wxSize best = w->GetBestSize();
    return {std::min(best.x, measured.x), std::min(best.y, measured.y)};
}

void audit(wxWindow* w, wxArrayString& problems) {
    const wxSize room = w->GetClientSize();
    for (wxWindow* child : w->GetChildren()) {
        if (child->IsTopLevel() || !child->IsShown()) continue;
        const wxRect r = child->GetRect();
        if (r.width <= 0 || r.height <= 0) continue; // not laid out yet, or collapsed on purpose
        if (labelled(child)) {
            const wxSize best = need(child);
            if (r.width + kSlack < best.x || r.height + kSlack < best.y)
                problems.Add(wxString::Format("%s: clipped to %dx%d of %dx%d", describe(child), r.width,
                                              r.height, best.x, best.y));
        }
        // Past the edge of a parent that cannot scroll to it, part of the control is out of sight.
        if (!scrolls(w) && (r.GetRight() >= room.x + kSlack || r.GetBottom() >= room.y + kSlack) &&
            r.x < room.x && r.y < room.y)
            problems.Add(wxString::Format("%s: cut off at the edge of %s (%d,%d %dx%d in %dx%d)",
                                          describe(child), describe(w), r.x, r.y, r.width, r.height, room.x,
                                          room.y));
        // In a parent that scrolls, past the end of what it scrolls to: there is no reaching it.
        if (auto* scroller = dynamic_cast<wxScrollHelper*>(w)) {
            const wxPoint at = scroller->CalcUnscrolledPosition(r.GetPosition());
            const wxSize reach = w->GetVirtualSize();
            if (at.y + r.height > reach.y + kSlack || at.x + r.width > std::max(reach.x, room.x) + kSlack)
                problems.Add(wxString::Format("%s: beyond what %s scrolls to (%d,%d %dx%d in %dx%d)",
                                              describe(child), describe(w), at.x, at.y, r.width, r.height,
                                              reach.x, reach.y));
        }
        if (!dynamic_cast<wxControl*>(child) || child->GetChildren().size() > 0) audit(child, problems);
    }
}
} // namespace

wxArrayString layoutProblems(wxWindow* top) {
    wxArrayString problems;
    audit(top, problems);
    // The control with the keyboard is in sight: inside every scrolled area it sits in.
    if (wxWindow* focus = wxWindow::FindFocus(); focus && wxGetTopLevelParent(focus) == top) {
        for (wxWindow* area = focus->GetParent(); area && area != top; area = area->GetParent()) {
            if (!scrolls(area)) continue;
            const wxRect seen(area->GetClientSize());
            const wxRect at(area->ScreenToClient(focus->GetScreenPosition()), focus->GetSize());
            if (!seen.Contains(at.GetTopLeft()) || at.GetBottom() > seen.GetBottom() + kSlack)
                problems.Add(wxString::Format(
                    "%s has the keyboard but is out of sight in %s (%d,%d %dx%d in %dx%d)", describe(focus),
                    describe(area), at.x, at.y, at.width, at.height, seen.width, seen.height));
        }
    }
    // The companion's notes keep at least half of the window, whatever bars show above them.
    if (const CallPages* pages = findPages(top); pages && pages->IsShownOnScreen()) {
        const int height = pages->pageParent()->GetSize().y;
        if (height + kSlack < top->GetClientSize().y / 2) {
            // Which rows took the height, to find the state at fault.
            wxString rows;
            for (const wxWindow* row : pages->GetParent()->GetChildren())
                if (row->IsShown()) rows << " " << row->GetName() << "=" << row->GetSize().y;
            problems.Add(wxString::Format("the call pages have %d px of the window's %d;%s", height,
                                          top->GetClientSize().y, rows));
        }
    }
    return problems;
}

void startLayoutAuditIfAsked() {
    if (!wxGetEnv("CALL_COMPANION_LAYOUT_AUDIT", nullptr)) return;
    // Lives as long as the process: a test build's aid, never removed.
    static std::set<wxString> printed;
    auto* timer = new wxTimer;
    timer->Bind(wxEVT_TIMER, [](wxTimerEvent&) {
        for (wxWindow* top : wxTopLevelWindows) {
            if (!top->IsShown()) continue;
            for (const wxString& p : layoutProblems(top)) {
                const wxString line = "layout: " + top->GetName() + ": " + p;
                if (printed.insert(line).second) std::fprintf(stderr, "%s\n", line.utf8_str().data());
            }
        }
    });
    timer->Start(500);
}

} // namespace cc::ui
