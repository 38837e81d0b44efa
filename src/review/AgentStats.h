#pragma once

#include "core/Clock.h"

#include <array>
#include <string>
#include <utility>
#include <vector>

namespace cc {

class Database;

/// The agent's own figures for a stretch of time, for their self-awareness: no targets, no ranking.
/// Practice calls are left out; missed calls are counted apart and have no handle time.
struct AgentStats {
    /// Upper edges, in minutes, of the handle-time histogram's buckets; the last bucket is open.
    static constexpr std::array<int, 8> kHandleEdgesMinutes{2, 4, 6, 8, 10, 15, 20, 30};

    int calls = 0; ///< answered calls
    int missed = 0;
    Duration talk{0}, hold{0}, wrapUp{0};
    std::vector<std::pair<std::string, int>>
        outcomes; ///< outcome id ("" when none was set) and count, most first
    int difficult = 0;
    int breaks = 0;
    Duration breakTime{0};
    std::array<int, 24> callsPerHour{}; ///< by local hour of the call's start
    std::array<int, kHandleEdgesMinutes.size() + 1> handleHistogram{};

    /// Talk + hold + wrap-up over the answered calls, divided by their number; zero with no calls.
    Duration averageHandle() const;
    /// Hold time as a share of talk + hold, 0..1.
    double holdShare() const;
};

/// The figures for calls that started in [from, to) and breaks taken then. `now` ends a break still
/// running.
AgentStats computeStats(Database& db, WallTime from, WallTime to, WallTime now);

} // namespace cc
