#pragma once

#include <cstdint>
#include <functional>
#include <wx/event.h>
#include <wx/timer.h>

namespace cc::ui {

/// A new team pack never changes the call: it waits here until the agent is between calls (no call, no
/// prompt showing), asked again every few seconds, and is then put in use.
class PackSwitch : public wxEvtHandler {
public:
    /// `inUse`: the version the app started with (0: the bundled pack).
    PackSwitch(std::int64_t inUse, std::function<bool()> betweenCalls, std::function<void(std::int64_t)> use);
    /// A good version `version` is on this PC: used now if the agent is between calls, else later.
    void ready(std::int64_t version);
    std::int64_t inUse() const { return inUse_; }

private:
    void tryNow();

    std::int64_t inUse_;
    std::int64_t pending_ = 0;
    std::function<bool()> betweenCalls_;
    std::function<void(std::int64_t)> use_;
    wxTimer retry_;
};

} // namespace cc::ui
