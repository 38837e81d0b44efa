#include "app/InstanceGuard.h"

#include <wx/app.h>
#include <wx/ipc.h>
#include <wx/log.h>
#include <wx/snglinst.h>
#include <wx/utils.h>

namespace cc::ui {

namespace {
const wxString kTopic = "call-companion";

class CommandConnection : public wxConnection {
public:
    explicit CommandConnection(std::function<void(const wxString&)>* handler) : handler_(handler) {}
    bool OnExecute(const wxString&, const void* data, size_t size, wxIPCFormat format) override {
        const wxString command = GetTextFromData(data, size, format);
        // Answer the caller first; the handler may take a moment (raising a window).
        auto* handler = handler_;
        wxTheApp->CallAfter([handler, command] { (*handler)(command); });
        return true;
    }

private:
    std::function<void(const wxString&)>* handler_;
};

class CommandServer : public wxServer {
public:
    explicit CommandServer(std::function<void(const wxString&)> handler) : handler_(std::move(handler)) {}
    wxConnectionBase* OnAcceptConnection(const wxString& topic) override {
        return topic == kTopic ? new CommandConnection(&handler_) : nullptr;
    }

private:
    std::function<void(const wxString&)> handler_;
};
} // namespace

InstanceGuard::InstanceGuard(const wxString& dataDir)
    : dataDir_(dataDir), socketPath_(dataDir + "/ipc.sock"),
      checker_(std::make_unique<wxSingleInstanceChecker>("instance.lock", dataDir)) {}

InstanceGuard::~InstanceGuard() = default;

bool InstanceGuard::anotherIsRunning() const {
    return checker_->IsAnotherRunning();
}

bool InstanceGuard::sendToRunning(const wxString& command) const {
    wxLogNull quiet; // a stale socket is an answer too ("not running"), not an error dialog
    wxClient client;
    std::unique_ptr<wxConnectionBase> conn(client.MakeConnection("localhost", socketPath_, kTopic));
    if (!conn) return false;
    const bool ok = conn->Execute(command);
    conn->Disconnect();
    return ok;
}

bool InstanceGuard::serve(std::function<void(const wxString&)> handler) {
    auto server = std::make_unique<CommandServer>(std::move(handler));
    if (!server->Create(socketPath_)) return false;
    server_ = std::move(server);
    return true;
}

} // namespace cc::ui
