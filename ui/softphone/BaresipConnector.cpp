#include "softphone/BaresipConnector.h"

#include <wx/intl.h>

namespace cc::ui {

BaresipConnector::BaresipConnector(const wxString& hostPort, std::function<void(const CallCommand&)> onCall,
                                   std::function<void(const wxString&)> log)
    : address_(hostPort), onCall_(std::move(onCall)), log_(std::move(log)), retry_(this) {
    host_ = hostPort.BeforeLast(':');
    unsigned long port = 0;
    if (host_.empty() || !hostPort.AfterLast(':').ToULong(&port) || port == 0 || port > 65535) {
        log_(wxString::Format(_("The baresip address \"%s\" is not host:port; the connector is off."),
                              hostPort));
        return;
    }
    port_ = static_cast<unsigned short>(port);
    Bind(wxEVT_SOCKET, &BaresipConnector::onSocket, this);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        // Either the back-off is over, or a connection attempt got no answer at all: try again.
        if (connecting_)
            dropped(_("baresip is not answering"));
        else
            connect();
    });
    connect();
}

BaresipConnector::~BaresipConnector() {
    retry_.Stop();
    if (socket_) socket_->Notify(false);
}

void BaresipConnector::connect() {
    wxIPV4address addr;
    addr.Hostname(host_);
    addr.Service(port_);
    socket_ = std::make_unique<wxSocketClient>(wxSOCKET_NOWAIT);
    socket_->SetEventHandler(*this);
    socket_->SetNotify(wxSOCKET_CONNECTION_FLAG | wxSOCKET_INPUT_FLAG | wxSOCKET_LOST_FLAG);
    socket_->Notify(true);
    connecting_ = true;
    socket_->Connect(addr, false); // the answer comes as a socket event
    retry_.StartOnce(3000);        // ...or this watchdog fires
}

void BaresipConnector::onSocket(wxSocketEvent& e) {
    switch (e.GetSocketEvent()) {
    case wxSOCKET_CONNECTION:
        retry_.Stop();
        connecting_ = false;
        connected_ = true;
        backoff_.connected();
        log_(wxString::Format(_("Connected to baresip at %s:%u"), host_, static_cast<unsigned>(port_)));
        break;
    case wxSOCKET_INPUT: {
        char buf[4096];
        std::string bytes;
        do {
            socket_->Read(buf, sizeof buf);
            bytes.append(buf, socket_->LastReadCount());
        } while (socket_->LastReadCount() == sizeof buf);
        const auto got = link_.received(bytes);
        for (const auto& p : got.problems)
            log_(_("baresip sent a malformed frame, skipped: ") + wxString::FromUTF8(p));
        for (const auto& r : got.responses) {
            wxString data = wxString::FromUTF8(r.data).Trim();
            data.Replace("\n", " / ");
            log_(wxString::Format("baresip %s: %s%s", wxString::FromUTF8(r.command), r.ok ? "ok " : "failed ",
                                  data));
        }
        for (const auto& c : got.calls)
            onCall_(c);
        break;
    }
    case wxSOCKET_LOST:
        dropped(connected_ ? _("the connection to baresip was lost") : _("baresip is not answering"));
        break;
    default: break;
    }
}

void BaresipConnector::dropped(const wxString& why) {
    const bool was = connected_;
    connected_ = false;
    connecting_ = false;
    retry_.Stop();
    link_.reset();
    if (socket_) {
        socket_->Notify(false);
        socket_->Destroy();
        socket_.release(); // Destroy() deletes it when safe
    }
    const auto delay = backoff_.nextDelay();
    if (was) log_(wxString::Format(_("%s; trying again"), why));
    retry_.StartOnce(static_cast<int>(delay.count()));
}

void BaresipConnector::send(const std::string& command) {
    if (!connected_ || !socket_) return;
    const std::string bytes = link_.command(command);
    socket_->Write(bytes.data(), bytes.size());
}

} // namespace cc::ui
