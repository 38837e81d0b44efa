#pragma once

#include "core/Clock.h"

namespace cc::test {

/// A clock that moves only when told: tests advance time instead of sleeping.
class FakeClock final : public Clock {
public:
    FakeClock() : wall_(fromUnixMs(1'763'900'000'000)) {} // 2025-11-23, a fixed day

    SteadyTime steadyNow() const override { return steady_; }
    WallTime wallNow() const override { return wall_; }

    /// Time passes: both clocks move.
    void advance(Duration d) {
        steady_ += d;
        wall_ += d;
    }
    /// Someone changes the system time: only the wall clock moves.
    void jumpWall(Duration d) { wall_ += d; }

private:
    SteadyTime steady_{std::chrono::hours{1}};
    WallTime wall_;
};

} // namespace cc::test
