#pragma once

#include "softphone/BaresipLink.h"

#include <functional>
#include <memory>
#include <wx/event.h>
#include <wx/socket.h>
#include <wx/timer.h>

namespace cc::ui {

/// The live connection to baresip's ctrl_tcp module: a non-blocking wxSocketClient whose events arrive
/// on the UI thread, so nothing ever waits on the network. Call events go to `onCall`; if baresip is not
/// there or goes away, it reconnects with back-off.
class BaresipConnector : public wxEvtHandler {
public:
    BaresipConnector(const wxString& hostPort, std::function<void(const CallCommand&)> onCall,
                     std::function<void(const wxString&)> log);
    ~BaresipConnector() override;

    bool connected() const { return connected_; }
    /// The host:port it was given.
    const wxString& address() const { return address_; }
    /// Sends a command ("accept", "hold", "resume", "hangup", "listcalls") if connected.
    void send(const std::string& command);

private:
    void connect();
    void onSocket(wxSocketEvent& e);
    void dropped(const wxString& why);

    wxString address_;
    wxString host_;
    unsigned short port_ = 0;
    std::function<void(const CallCommand&)> onCall_;
    std::function<void(const wxString&)> log_;
    std::unique_ptr<wxSocketClient> socket_;
    BaresipLink link_;
    ReconnectPolicy backoff_;
    wxTimer retry_;
    bool connected_ = false;
    bool connecting_ = false;
};

} // namespace cc::ui
