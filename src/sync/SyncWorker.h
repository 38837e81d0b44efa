#pragma once

#include "core/Clock.h"
#include "store/Outbox.h"
#include "sync/Floor.h"
#include "sync/ServerConfig.h"

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace cc {

/// What the window shows of the team server, quietly.
struct SyncState {
    enum class Kind {
        Synced,  ///< nothing waiting
        Sending, ///< calls waiting, the server reachable
        Offline, ///< calls waiting, the server unreachable since `offlineSince`
    };
    Kind kind = Kind::Synced;
    OutboxCounts counts; ///< waiting, refused and quarantined calls
    std::optional<WallTime> offlineSince;
    std::string error;                 ///< why the server cannot be reached
    int reviewsWaiting = 0;            ///< reviews saved here, not yet on the server
    int proposalsWaiting = 0;          ///< knowledge entries proposed here, not yet on the server
    std::int64_t knowledgeVersion = 0; ///< the team knowledge base's version this PC has
    int knowledgeChanged = 0;          ///< entries the last pull added, changed or removed
    std::int64_t packVersion = 0;      ///< the newest good team pack here (DATA/team-packs), 0: none
    std::int64_t packRefused = 0;      ///< the newest version this PC refused, 0: none
    std::string packProblem;           ///< why, the first problem, file:line
    bool operator==(const SyncState&) const = default;
};

/// The one thread that talks to the team server. It opens its own connection to the store, drains the
/// outbox in batches when woken (a call finished) and on a timer, sends the agent's knowledge proposals,
/// pulls the team's knowledge base when the server has a newer one (at the first round, then every
/// 30 s on the heartbeat's connection), as it does the team's pack, and reports each change of state
/// through `report`, called on its own thread. Nothing on the caller's thread ever waits on the
/// network: the destructor stops the thread within a fraction of a second, whatever the server does.
class SyncWorker {
public:
    /// `reviews`: the reviews file of the same data folder (empty: none), whose reviews waiting for the
    /// server are sent, and into which the reviews the server shares are read every few minutes.
    SyncWorker(std::filesystem::path store, std::filesystem::path reviews, ServerConfig config,
               std::function<void(const SyncState&)> report);
    ~SyncWorker();
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;

    /// A call finished, a review was saved or a knowledge entry proposed: send it now, not at the next
    /// round.
    void wake();
    /// The agent's state changed (or the call's hold did): published now, and again every 30 s as a
    /// heartbeat, latest value only. Times are the PC's steady clock; the server dates them by its own.
    void setAgentState(FloorState state, std::chrono::steady_clock::time_point since,
                       std::optional<std::chrono::steady_clock::time_point> callSince, Duration hold);

private:
    void run();
    /// Sleeps until woken, stopped or `until`.
    void sleepUntil(std::chrono::steady_clock::time_point until);

    std::filesystem::path store_;
    std::filesystem::path reviews_;
    ServerConfig config_;
    std::function<void(const SyncState&)> report_;
    std::atomic<bool> stop_{false};
    std::mutex mutex_;
    std::condition_variable wakeUp_;
    bool woken_ = false;
    struct Live {
        FloorState state;
        std::chrono::steady_clock::time_point since;
        std::optional<std::chrono::steady_clock::time_point> callSince;
        Duration hold;
    };
    std::optional<Live> live_; ///< guarded by mutex_; the latest only
    bool liveChanged_ = false; ///< guarded by mutex_
    std::thread thread_;
};

} // namespace cc
