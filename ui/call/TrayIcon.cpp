#include "call/TrayIcon.h"

#include "app/AppIcon.h"
#include "call/CallControls.h"
#include "call/CallStateLook.h"

#include <wx/intl.h>
#include <wx/menu.h>

namespace cc::ui {

namespace {
enum { ID_TRAY_SHOW = wxID_HIGHEST + 500, ID_TRAY_START, ID_TRAY_HOLD, ID_TRAY_END };

// Idle has no colour of its own in the window (the theme's); in the tray it is a quiet grey.
wxColour trayColour(CallState state) {
    const StateLook look = lookFor(state);
    return look.background.IsOk() ? look.background : wxColour(0x54, 0x6E, 0x7A);
}
} // namespace

TrayIcon::TrayIcon(Actions actions) : actions_(std::move(actions)) {
    Bind(wxEVT_TASKBAR_LEFT_UP, [this](wxTaskBarIconEvent&) { actions_.showWindow(); });
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { actions_.showWindow(); }, ID_TRAY_SHOW);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { actions_.start(); }, ID_TRAY_START);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { actions_.hold(); }, ID_TRAY_HOLD);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { actions_.end(); }, ID_TRAY_END);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { actions_.quit(); }, wxID_EXIT);
}

void TrayIcon::show(CallState state, const wxString& tooltip) {
    if (shownState_ == state && shownTooltip_ == tooltip) return;
    // The tooltip changes every second of a call; the icon only with the state. SetIcon sets both.
    SetIcon(appIcon(wxSize(24, 24), trayColour(state)), tooltip);
    shownState_ = state;
    shownTooltip_ = tooltip;
}

wxMenu* TrayIcon::CreatePopupMenu() {
    const CallControls can = controlsFor(shownState_.value_or(CallState::Idle));
    auto* menu = new wxMenu;
    menu->Append(ID_TRAY_SHOW, _("Show the &window"));
    menu->AppendSeparator();
    menu->Append(ID_TRAY_START, can.answer ? _("&Answer the call") : _("&Start a call"))->Enable(can.start);
    menu->Append(ID_TRAY_HOLD, can.resume ? _("&Resume") : _("&Hold"))->Enable(can.hold);
    menu->Append(ID_TRAY_END, _("&End the call"))->Enable(can.end);
    menu->AppendSeparator();
    menu->Append(wxID_EXIT, _("&Quit"));
    return menu;
}

} // namespace cc::ui
