#pragma once

#include "call/CallRecord.h"
#include "core/Clock.h"

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

namespace cc {

class Database;
class PgConnection;
struct ServerConfig;

/// What a team server receives of a finished call, built from an explicit list of fields: the times,
/// the fields, the outcome, the (already masked) note lines, segments, transfers, referrals and the
/// timeline events that are not the agent's own. Never the break log, a break or wellbeing prompt
/// event, the agent's personal words, snippets or settings: those are not in CallRecord's list below.
nlohmann::json callPayload(const CallRecord& call, const std::string& storeId);

/// The call a payload describes, read back on a reviewer's PC: its events are returned apart, as the
/// store appends them. Throws std::runtime_error for a payload that is not one.
struct CallFromServer {
    CallRecord call;
    std::vector<TimelineEvent> events;
};
CallFromServer callFromPayload(const nlohmann::json& payload);

/// Makes the store's outbox follow server.toml: on with a server (practice calls as the team chose),
/// off without one. A store joining a server for the first time queues the calls it finished before.
/// Returns how many calls were queued.
int followServerConfig(Database& store, const ServerConfig* config, WallTime now);

/// How long a call that could not be sent waits before the next try: doubling from 2 s up to 5 min,
/// with jitter so that a floor of agents coming back online does not knock at once.
std::chrono::milliseconds retryDelay(int attempts, std::mt19937& rng);

struct SendReport {
    int sent = 0;        ///< committed on the server (or already there, the same call)
    int refused = 0;     ///< refused for good: parked
    int quarantined = 0; ///< the server holds another call under the same id
    int left = 0;        ///< still due after this run (more than the batches allowed)
};

/// Sends the calls due in the store's outbox, in batches of `batchSize` each in one server
/// transaction, with a savepoint per call so that one refused call never holds up the others. Outbox
/// rows are deleted only after the server's commit. A lost connection (down, slow, stopped) schedules
/// the batch for a later try and is rethrown as PgError.
SendReport sendDue(Database& store, PgConnection& server, WallTime now, std::mt19937& rng, int batchSize = 50,
                   int maxBatches = 20);

} // namespace cc
