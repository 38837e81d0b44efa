#pragma once

#include "core/Clock.h"
#include "sync/ServerConfig.h"

#include <array>
#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace cc {

class PgConnection;

/// An agent's state on the floor. Not on a call is what it says, never "available": the phone system
/// owns availability. Unknown: no word from the companion for a while (closed, or off the network).
enum class FloorState { Idle, Ringing, Talking, OnHold, WrapUp, Break, Unknown };
std::string_view wordOf(FloorState s);
std::optional<FloorState> floorStateFrom(std::string_view word);

/// What a companion publishes: its state and how long it has been in it, and the current call's length
/// and hold so far. Lengths, not times: the server dates them by its own clock.
struct PublishedState {
    FloorState state = FloorState::Idle;
    Duration inState{0};
    std::optional<Duration> inCall;
    Duration hold{0};
    bool operator==(const PublishedState&) const = default;
};
/// The latest value only: one row per agent, replaced.
void publishState(PgConnection& server, const PublishedState& state);

struct FloorRow {
    std::string agent;
    FloorState state = FloorState::Unknown;
    Duration inState{0}; ///< as the server's clock had it when read
    std::optional<Duration> inCall;
    Duration hold{0};
};
struct FloorThresholds {
    Duration longTalk{std::chrono::minutes(15)};
    Duration longHold{std::chrono::minutes(2)};
    Duration longWrap{std::chrono::minutes(5)};
};
struct FloorView {
    std::vector<FloorRow> agents;
    FloorThresholds thresholds;
    std::array<int, 24> callsPerHour{}; ///< today's finished calls of the team by local hour
};

/// The floor as row-level security lets the reader see it: a lead their team, the owner everyone. An
/// agent silent for `silence` shows as Unknown. `now`: the reader's, for today's hours of the chart.
FloorView readFloor(PgConnection& server, WallTime now,
                    std::chrono::seconds silence = std::chrono::seconds(90));
/// Whether this login may watch a floor (a lead or the owner).
bool watchesFloor(PgConnection& server);

/// A lead's live floor: LISTENs for changes, re-reads (debounced) through row-level security when one
/// comes, and while the connection is down re-reads every few seconds on a new one. `update` and
/// `problem` are called on its own thread; the destructor stops it at once, whatever the server does.
class FloorWatcher {
public:
    FloorWatcher(ServerConfig config, std::function<void(const FloorView&)> update,
                 std::function<void(const std::string&)> problem);
    ~FloorWatcher();
    FloorWatcher(const FloorWatcher&) = delete;
    FloorWatcher& operator=(const FloorWatcher&) = delete;

private:
    void run();

    ServerConfig config_;
    std::function<void(const FloorView&)> update_;
    std::function<void(const std::string&)> problem_;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

} // namespace cc
