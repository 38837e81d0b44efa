#pragma once

#include "core/Clock.h"
#include "knowledge/KnowledgeEntry.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace cc {

class Database;
class PgConnection;

/// One knowledge base for the team: the team server holds the referral directory with versions; each
/// companion keeps a copy in its own store (the last good one) and searches it as it searches any entry.
/// An agent's new or changed entry goes to the team's lead as a proposal; approved, it reaches everyone.

/// An entry's fields by their file names (kKnowledgeFields), as the server keeps them; and back. The
/// local id and the learned search words stay on the PC.
nlohmann::json knowledgeJson(const KnowledgeEntry& e);
KnowledgeEntry knowledgeFromJson(const nlohmann::json& j);

/// Queues entry `entryId` of the local knowledge base (just added or changed by the agent) as a
/// proposal for the team, in its own transaction. A new entry gets the key it will have on every PC.
void proposeKnowledge(Database& db, std::int64_t entryId, WallTime now);
/// Proposals queued here and not yet on the server.
int proposalsWaiting(Database& db);
/// Sends the queued proposals (one savepoint each: one the server refuses is kept with its error and
/// not sent again). Returns how many the server took. A lost connection is rethrown; they stay queued.
int sendProposals(Database& db, PgConnection& server);

struct KnowledgePull {
    std::int64_t version = 0; ///< the team's knowledge version this PC now has
    int changed = 0;          ///< entries added, changed or removed here
    int refused = 0;          ///< entries the server holds that this PC could not take (kept as they were)
};
/// The team's knowledge version this PC has.
std::int64_t teamKnowledgeVersion(Database& db);
/// Reads the entries newer than this PC's version into its knowledge base, in one transaction: a pull
/// that fails half-way leaves the last good copy as it was.
KnowledgePull pullTeamKnowledge(Database& db, PgConnection& server);
/// Whether the server has a newer version of the team's knowledge base than `version` (one small query).
bool teamKnowledgeNewer(PgConnection& server, std::int64_t version);

/// A proposal as a lead sees it.
struct KnowledgeProposal {
    std::string id;
    std::string proposedBy;
    std::string proposedAt; ///< the server's time, "YYYY-MM-DD HH:MM"
    bool isNew = true;      ///< a new entry, or a change to `current`
    KnowledgeEntry entry;
    std::optional<KnowledgeEntry> current; ///< the team's entry as it is now
};
/// The proposals waiting for this login's decision (a lead: their team's; the owner: all), oldest first.
std::vector<KnowledgeProposal> pendingProposals(PgConnection& server);
/// Approves or rejects a proposal; returns the team's new version when approved. Throws PgError (a
/// login that may not decide it, a proposal decided already).
std::optional<std::int64_t> decideProposal(PgConnection& server, const std::string& id, bool approve);

} // namespace cc
