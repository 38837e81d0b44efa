#include "app/InstanceGuard.h"

#include <cstdint>
#include <wx/app.h>
#include <wx/filename.h>
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

// Where later instances find the first: POSIX keeps a lock file and a Unix socket in the data folder.
// Windows names a mutex and a DDE service in one namespace for the user's session, not in a folder, so
// the name carries the data folder (a hash of its path in lower case, as Windows compares paths).
#ifdef __WINDOWS__
wxString sessionName(const wxString& dataDir) {
    const std::string key = wxFileName::DirName(dataDir).GetPath().Lower().utf8_string();
    std::uint64_t hash = 14695981039346656037ull; // FNV-1a
    for (const unsigned char c : key) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return wxString::Format("call-companion-%016llx", static_cast<unsigned long long>(hash));
}
wxString serviceName(const wxString& dataDir) {
    return sessionName(dataDir);
}
std::unique_ptr<wxSingleInstanceChecker> instanceLock(const wxString& dataDir) {
    return std::make_unique<wxSingleInstanceChecker>(sessionName(dataDir));
}
#else
wxString serviceName(const wxString& dataDir) {
    return dataDir + "/ipc.sock";
}
std::unique_ptr<wxSingleInstanceChecker> instanceLock(const wxString& dataDir) {
    return std::make_unique<wxSingleInstanceChecker>("instance.lock", dataDir);
}
#endif
} // namespace

InstanceGuard::InstanceGuard(const wxString& dataDir)
    : dataDir_(dataDir), socketPath_(serviceName(dataDir)), checker_(instanceLock(dataDir)) {}

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
