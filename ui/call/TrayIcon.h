#pragma once

#include "call/CallTimer.h"

#include <functional>
#include <optional>
#include <wx/taskbar.h>

namespace cc::ui {

/// The companion in the desktop's tray: the icon's colour is the call state, its tooltip the timer,
/// and its menu shows the window and starts, holds and ends calls. Nothing here takes the keyboard;
/// only "Show the window" brings the window forward, because the agent asked for it.
class TrayIcon : public wxTaskBarIcon {
public:
    struct Actions {
        std::function<void()> showWindow;
        std::function<void()> start;
        std::function<void()> hold;
        std::function<void()> end;
        std::function<void()> quit;
    };

    /// Whether the desktop shows tray icons at all (under Xvfb or on GNOME without an extension, not).
    static bool desktopHasTray() { return IsAvailable(); }

    explicit TrayIcon(Actions actions);

    /// Shows the state's icon (redrawn only when the state changes) and `tooltip`.
    void show(CallState state, const wxString& tooltip);

protected:
    wxMenu* CreatePopupMenu() override;

private:
    Actions actions_;
    std::optional<CallState> shownState_;
    wxString shownTooltip_;
};

} // namespace cc::ui
