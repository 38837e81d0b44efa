// The companion window as a desktop citizen (CompanionFrame's): its icon, the tray icon, the settings
// and keyboard shortcuts dialogs. Kept apart from the window's layout and its call handling.
#include "app/AppIcon.h"
#include "call/BarStack.h"
#include "call/CallStateLook.h"
#include "call/CompanionFrame.h"
#include "call/CompanionMenuIds.h"
#include "call/NoticeBar.h"
#include "call/ShortcutsDialog.h"
#include "call/TimerPanel.h"
#include "call/TrayIcon.h"
#include "core/Format.h"
#include "session/CallSession.h"
#include "settings/AgentName.h"
#include "settings/Settings.h"
#include "settings/SettingsDialog.h"
#include "softphone/BaresipConnector.h"

#include <wx/checkbox.h>
#include <wx/display.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/utils.h>

namespace cc::ui {

void CompanionFrame::buildDesktop() {
    SetIcons(appIcons());
    if (!TrayIcon::desktopHasTray()) return; // Xvfb, or GNOME without a tray extension: the window is enough
    tray_ =
        new TrayIcon(TrayIcon::Actions{[this] { bringToFront(); }, [this] { startCall(); },
                                       [this] { toggleHold(); }, [this] { endCall(); }, [this] { Close(); }});
}

void CompanionFrame::onClose(wxCloseEvent& event) {
    takeEdits();
    if (event.CanVeto() && !agentAgreesToQuit()) {
        event.Veto();
        refresh();
        return;
    }
    session_.closing();
    tick_.Stop();
    saveTimer_.Stop();
    if (tray_) tray_->Destroy();
    tray_ = nullptr;
    event.Skip();
}

bool CompanionFrame::agentAgreesToQuit() {
    // What could not be saved (the database locked, full or read-only) lives only in this window:
    // quitting would lose it, so the agent decides, knowing that.
    if (!session_.flush() &&
        wxMessageBox(
            _("Some of your notes could not be saved yet (the message in the window says why). If you "
              "quit now, they are lost.\n\nQuit anyway?"),
            _("Notes not saved"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING, this) != wxYES)
        return false;
    // Ctrl+Q is one key away from Ctrl+W and Ctrl+A: a call is never put away by a slip of the finger.
    if (!session_.inCall()) return true;
    const CallTimer& timer = session_.timer();
    wxMessageDialog ask(
        this,
        wxString::Format(
            // TRANSLATORS: %s is the call's state and its clock, e.g. "On hold 2:05".
            _("A call is in progress (%s). If you quit, the call and its notes are kept and come back "
              "when you start Call Companion again.\n\nQuit anyway?"),
            stateLabel(timer.state()) + " " + wxString::FromUTF8(formatDuration(shownDuration(timer)))),
        _("Quit during a call?"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
    ask.SetYesNoLabels(_("&Quit"), _("&Stay"));
    return ask.ShowModal() == wxID_YES;
}

void CompanionFrame::showAtStart(bool inTray) {
    if (inTray && tray_) {
        updateTray();
        return;
    }
    Show();
}

void CompanionFrame::updateTray() {
    if (!tray_) return;
    const CallTimer& timer = session_.timer();
    // TRANSLATORS: the tray icon's tooltip: the app, the call state and its clock, e.g. "On hold 1:05".
    tray_->show(timer.state(), wxString::Format(_("Call Companion: %s %s"), stateLabel(timer.state()),
                                                wxString::FromUTF8(formatDuration(shownDuration(timer)))));
}

void CompanionFrame::addDesktopMenuItems(wxMenu* file, wxMenu* help) {
    size_t quitAt = file->GetMenuItemCount();
    file->FindChildItem(wxID_EXIT, &quitAt);
    file->Insert(quitAt, wxID_PREFERENCES, _("Se&ttings…\tCtrl+,"));
    file->InsertSeparator(quitAt + 1);
    help->Prepend(wxID_HELP, _("&Keyboard shortcuts\tF1"));
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { showSettings(); }, wxID_PREFERENCES);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { showShortcuts(); }, wxID_HELP);
}

void CompanionFrame::showSettings() {
    SettingsDialog dlg(this, settings_, deps_.dataDirFromCommandLine);
    if (dlg.ShowModal() != wxID_OK) return;
    const bool restart = dlg.apply(settings_);
    // What can change at once does: who the agent is, the hold reminder, the window, the softphone.
    session_.setAgent(AgentProfile{agentName(settings_), settings_.company()});
    const auto checkBack = std::chrono::duration_cast<Duration>(settings_.holdCheckBackAfter());
    session_.setCheckBack(checkBack, checkBack);
    session_.setOutcomeRequired(settings_.requireOutcome());
    setAlwaysOnTop(settings_.alwaysOnTop());
    const wxString baresip = wxString::FromUTF8(settings_.baresipAddress());
    if (baresip.empty())
        baresip_.reset();
    else if (!baresip_ || baresip_->address() != baresip)
        connectBaresip(baresip);
    if (restart)
        notice(UserServices::Level::Info,
               _("Some of the new settings take effect when Call Companion starts again."));
    else
        SetStatusText(_("Settings saved"));
}

void CompanionFrame::showShortcuts() {
    // Not modal, and beside the window: the agent reads a key and uses it in the companion. Built anew
    // each time it opens, so it lists the menus as they are now.
    if (shortcuts_ && shortcuts_->IsShown()) {
        shortcuts_->Raise();
        return;
    }
    if (shortcuts_) shortcuts_->Destroy();
    shortcuts_ = new ShortcutsDialog(this, *GetMenuBar());
    shortcuts_->Bind(wxEVT_SHOW, [this](wxShowEvent& e) {
        e.Skip();
        // Closed (Escape or Close hide it): the keyboard goes back to where the agent was.
        if (!e.IsShown()) CallAfter([this] { Raise(); });
    });
    placeBeside(shortcuts_);
    shortcuts_->Show();
}

void CompanionFrame::placeBeside(wxWindow* window) const {
    const int display = wxDisplay::GetFromWindow(this);
    const wxRect screen =
        wxDisplay(display == wxNOT_FOUND ? 0u : static_cast<unsigned>(display)).GetClientArea();
    const wxRect me = GetScreenRect();
    const wxSize size = window->GetSize();
    wxPoint at(me.GetRight() + 1, me.y);
    if (at.x + size.x > screen.GetRight()) at.x = me.x - size.x - 1;
    if (at.x < screen.x) at = wxPoint(me.x, bars_->GetScreenPosition().y);
    window->Move(at);
}

void CompanionFrame::setAlwaysOnTop(bool on) {
    long style = GetWindowStyleFlag();
    SetWindowStyleFlag(on ? style | wxSTAY_ON_TOP : style & ~wxSTAY_ON_TOP);
    timerPanel_->onTopToggle()->SetValue(on);
    GetMenuBar()->Check(ID_ON_TOP, on);
    settings_.setAlwaysOnTop(on);
    settings_.flush();
}

void CompanionFrame::notice(UserServices::Level level, const wxString& message) {
    noticeBar_->show(level, message);
}

void CompanionFrame::bringToFront() {
    if (IsIconized()) Iconize(false);
    Show();
    Raise();
}

} // namespace cc::ui
