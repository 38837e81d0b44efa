#pragma once

#include <chrono>

namespace cc {

using Duration = std::chrono::milliseconds;
using SteadyTime = std::chrono::steady_clock::time_point;
using WallTime = std::chrono::system_clock::time_point;

/// Where the core reads the time. Durations come from the steady clock, so a wall-clock jump never
/// corrupts them; timestamps shown to people come from the wall clock. Tests pass a fake one.
class Clock {
public:
    virtual ~Clock() = default;
    virtual SteadyTime steadyNow() const = 0;
    virtual WallTime wallNow() const = 0;
};

/// The real clocks of the machine.
class SystemClock final : public Clock {
public:
    SteadyTime steadyNow() const override { return std::chrono::steady_clock::now(); }
    WallTime wallNow() const override { return std::chrono::system_clock::now(); }
};

/// Milliseconds since the Unix epoch, the form timestamps take in the store.
inline std::int64_t toUnixMs(WallTime t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

inline WallTime fromUnixMs(std::int64_t ms) {
    return WallTime{std::chrono::milliseconds{ms}};
}

} // namespace cc
