#include "review/AgentStats.h"

#include "core/Format.h"
#include "store/Database.h"

#include <algorithm>
#include <map>

namespace cc {

Duration AgentStats::averageHandle() const {
    return calls ? (talk + hold + wrapUp) / calls : Duration{0};
}

double AgentStats::holdShare() const {
    const auto base = (talk + hold).count();
    return base > 0 ? static_cast<double>(hold.count()) / static_cast<double>(base) : 0.0;
}

AgentStats computeStats(Database& db, WallTime from, WallTime to, WallTime now) {
    AgentStats s;
    std::map<std::string, int> outcomes;
    auto calls =
        db.prepare("SELECT started_at, missed, talk_ms, hold_ms, wrap_ms, outcome, difficult FROM calls "
                   "WHERE started_at >= ? AND started_at < ? AND training = 0");
    calls.bind(1, toUnixMs(from)).bind(2, toUnixMs(to));
    while (calls.step()) {
        if (calls.columnInt(1) != 0) {
            ++s.missed;
            continue;
        }
        ++s.calls;
        const Duration talk{calls.columnInt(2)}, hold{calls.columnInt(3)}, wrap{calls.columnInt(4)};
        s.talk += talk;
        s.hold += hold;
        s.wrapUp += wrap;
        ++outcomes[calls.columnText(5)];
        s.difficult += calls.columnInt(6) != 0;
        s.callsPerHour.at(static_cast<std::size_t>(localHour(fromUnixMs(calls.columnInt(0)))))++;
        const auto minutes = std::chrono::duration<double, std::ratio<60>>(talk + hold + wrap).count();
        const auto edge =
            std::upper_bound(AgentStats::kHandleEdgesMinutes.begin(), AgentStats::kHandleEdgesMinutes.end(),
                             minutes, [](double m, int e) { return m < e; });
        s.handleHistogram.at(static_cast<std::size_t>(edge - AgentStats::kHandleEdgesMinutes.begin()))++;
    }
    for (auto& [id, n] : outcomes)
        s.outcomes.emplace_back(id, n);
    std::stable_sort(s.outcomes.begin(), s.outcomes.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });

    auto breaks =
        db.prepare("SELECT started_at, ended_at FROM breaks WHERE started_at >= ? AND started_at < ?");
    breaks.bind(1, toUnixMs(from)).bind(2, toUnixMs(to));
    while (breaks.step()) {
        ++s.breaks;
        const WallTime start = fromUnixMs(breaks.columnInt(0));
        const WallTime end = breaks.columnIsNull(1) ? now : fromUnixMs(breaks.columnInt(1));
        if (end > start) s.breakTime += std::chrono::duration_cast<Duration>(end - start);
    }
    return s;
}

} // namespace cc
