#include "app/WindowPlacement.h"

#include <algorithm>
#include <wx/app.h>
#include <wx/display.h>
#include <wx/persist/toplevel.h>
#include <wx/toplevel.h>

namespace cc::ui {

namespace {

// The display's whole rectangle, not its work area: GTK's work-area query (gdk_monitor_get_workarea)
// leaks a small string now and then on X11 without a window manager (seen under LeakSanitizer in the
// GUI tests), and a window manager keeps a window off its panels anyway.
wxRect workArea(const wxWindow& shown) {
    const int index = wxDisplay::GetFromWindow(&shown);
    return wxDisplay(index == wxNOT_FOUND ? 0u : static_cast<unsigned>(index)).GetGeometry();
}

// The rectangle moved (and, if need be, shrunk) to lie within `area`.
wxRect within(wxRect r, const wxRect& area) {
    r.width = std::min(r.width, area.width);
    r.height = std::min(r.height, area.height);
    r.x = std::clamp(r.x, area.x, area.GetRight() - r.width + 1);
    r.y = std::clamp(r.y, area.y, area.GetBottom() - r.height + 1);
    return r;
}

} // namespace

void placeWindow(wxTopLevelWindow& window, const wxSize& wanted, int narrowest) {
    const wxWindow* companion = wxTheApp ? wxTheApp->GetTopWindow() : nullptr;
    if (companion == &window) companion = nullptr;
    const wxRect area = workArea(companion ? *companion : window);

    if (wxPersistentRegisterAndRestore(&window, window.GetName())) {
        if (wxDisplay::GetFromWindow(&window) == wxNOT_FOUND) window.SetSize(within(window.GetRect(), area));
        return;
    }
    wxRect r(wxPoint(), window.FromDIP(wanted));
    r.width = std::min(r.width, area.width);
    r.height = std::min(r.height, area.height);
    // Beside the companion, on the side with more room, narrower than wanted if need be (but no
    // narrower than `narrowest`); else over it, centred.
    bool beside = false;
    if (companion && companion->IsShown()) {
        const wxRect c = companion->GetScreenRect();
        const int right = area.GetRight() - c.GetRight();
        const int left = c.x - area.x;
        const int room = std::max(right, left);
        if (room >= std::min(r.width, window.FromDIP(narrowest))) {
            r.width = std::min(r.width, room);
            r.x = right >= left ? c.GetRight() + 1 : c.x - r.width;
            r.y = c.y;
            beside = true;
        }
    }
    if (!beside) r = r.CentreIn(area);
    window.SetSize(within(r, area));
}

} // namespace cc::ui
