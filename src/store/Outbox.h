#pragma once

#include "core/Clock.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace cc {

class Database;

/// Whether this store sends its finished calls to a team server, and its practice calls with them.
/// Off until a server is set up: without one, nothing is queued and nothing changes.
struct OutboxPolicy {
    bool on = false;
    bool practice = false; ///< practice calls too, when the team opted in
    bool operator==(const OutboxPolicy&) const = default;
};
OutboxPolicy outboxPolicy(Database& db);
void setOutboxPolicy(Database& db, OutboxPolicy policy);

/// Queues a call that has just finished, inside the caller's transaction (the one that finishes it),
/// when the policy says so.
void queueForServer(Database& db, std::int64_t callId, bool practice, WallTime now);

/// A call in the outbox.
struct OutboxItem {
    std::int64_t callId = 0;
    int attempts = 0;
};

/// What the window shows of the outbox.
struct OutboxCounts {
    int waiting = 0;
    int refused = 0;       ///< refused for good by the server (a policy, a constraint): parked
    int quarantined = 0;   ///< the server holds another call under this call's id (a restored backup)
    std::string lastError; ///< the server's words on the newest refused or quarantined call
    bool operator==(const OutboxCounts&) const = default;
};

/// The finished calls waiting for the team server. Rows go only when the server has committed them;
/// a call refused for good is parked with the server's words and never holds up the others.
class Outbox {
public:
    explicit Outbox(Database& db) : db_(db) {}

    /// Queues every finished call (practice calls only if the policy says so): a store joining a
    /// server sends its history. The server keeps one copy of each, so a call sent before is harmless.
    int queueFinished(WallTime now);
    /// Waiting calls due at `now`, oldest first.
    std::vector<OutboxItem> due(WallTime now, int limit);
    /// When the next waiting call is due, if any.
    std::optional<WallTime> nextDue();
    /// The server committed these: they leave the outbox.
    void sent(std::span<const std::int64_t> callIds);
    /// Not sent this time (the server is down, slow, or the batch failed): tried again at `at`.
    void retryLater(std::int64_t callId, WallTime at, const std::string& error);
    /// Refused for good: parked, shown, and no longer tried.
    void refuse(std::int64_t callId, const std::string& error);
    /// The server holds a different call under this one's id: kept aside, never dropped.
    void quarantine(std::int64_t callId, const std::string& error);
    /// Parked calls are tried again (after the server's policy was fixed).
    int retryParked();
    OutboxCounts counts();

private:
    Database& db_;
};

} // namespace cc
