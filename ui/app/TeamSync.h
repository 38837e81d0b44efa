#pragma once

#include "sync/SyncWorker.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <thread>
#include <wx/string.h>

namespace cc {
class Database;
class UserServices;
} // namespace cc

namespace cc::ui {

/// "Team server: 3 calls waiting", "Team server offline since 10:42 · 3 waiting": the quiet words the
/// status line shows for a sync state.
wxString syncText(const SyncState& state);

/// The team server, for the window. Reads server.toml in the data folder (its problems are told to the
/// agent with file and line), makes the outbox follow it, and runs the worker thread whose reports
/// reach `show` on the UI thread. Without server.toml, nothing runs and nothing is shown.
class TeamSync {
public:
    /// `reviewerName`: the name this PC's reviews were saved under until now; they become the server
    /// login's the first time a server is set up.
    TeamSync(const std::filesystem::path& dataDir, const std::filesystem::path& storePath, Database& store,
             UserServices& services, const std::string& reviewerName,
             std::function<void(const wxString&)> show);
    ~TeamSync();
    /// The agent added or changed knowledge entry `entryId`: it goes to the team's lead as a proposal.
    /// False without a team server (or if it could not be queued: the agent is told).
    bool propose(std::int64_t entryId);
    /// `arrived` is told, on the UI thread, how many entries changed when the team's knowledge base
    /// reached this PC.
    void onKnowledge(std::function<void(int)> arrived) { shown_->knowledge = std::move(arrived); }
    /// `pack` is told, on the UI thread, when a newer good team pack is on this PC (its version), or
    /// when the server offered one this PC refused (its version and the first problem).
    void
    onPack(std::function<void(std::int64_t good, std::int64_t refused, const std::string& problem)> pack) {
        shown_->pack = std::move(pack);
    }
    /// A call is done: the worker sends it now.
    void callDone();
    /// A review of a team call was saved: the worker sends it now.
    void reviewShared() {
        if (worker_) worker_->wake();
    }
    /// The agent's state for the team's floor: the worker publishes it (latest only) and its heartbeat.
    void setAgentState(FloorState state, SteadyTime since, std::optional<SteadyTime> callSince,
                       Duration hold) {
        if (worker_) worker_->setAgentState(state, since, callSince, hold);
    }
    /// Asks the server, off the UI thread, whether this login watches a floor; `yes` runs on the UI
    /// thread if it does.
    void checkFloor(std::function<void()> yes);
    /// The server this data folder syncs with, if any.
    const std::optional<ServerConfig>& config() const { return config_; }

private:
    /// What the UI thread knows: gone with this object, so a late report from the worker shows nothing.
    struct Shown {
        std::function<void(const wxString&)> show;
        SyncState last;
        std::function<void(int)> knowledge;
        std::function<void(std::int64_t, std::int64_t, const std::string&)> pack;
    };
    Database& store_;
    UserServices& services_;
    std::optional<ServerConfig> config_;
    std::shared_ptr<Shown> shown_;
    std::unique_ptr<SyncWorker> worker_;
    std::atomic<bool> stopCheck_{false};
    std::thread floorCheck_;
};

} // namespace cc::ui
