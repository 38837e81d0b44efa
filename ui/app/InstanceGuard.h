#pragma once

#include <functional>
#include <memory>
#include <wx/defs.h> // first: wx/ipc.h picks DDE only if __WINDOWS__ is already defined
#include <wx/ipc.h>
#include <wx/string.h>

class wxSingleInstanceChecker;

namespace cc::ui {

/// One Call Companion per data folder. The first instance holds a wxSingleInstanceChecker lock and
/// serves wx IPC on a Unix socket in the data folder (on Windows: a mutex and a DDE service named after
/// the data folder); a later one hands its command over and exits.
class InstanceGuard {
public:
    explicit InstanceGuard(const wxString& dataDir);
    ~InstanceGuard();

    bool anotherIsRunning() const;
    /// Sends a command ("raise") to the running instance. False if it did not answer.
    bool sendToRunning(const wxString& command) const;
    /// Starts answering commands from later instances; `handler` runs on the UI thread.
    bool serve(std::function<void(const wxString&)> handler);

private:
    wxString dataDir_;
    wxString socketPath_; ///< the Unix socket, or on Windows the DDE service name
    std::unique_ptr<wxSingleInstanceChecker> checker_;
    std::unique_ptr<wxServer> server_;
};

} // namespace cc::ui
