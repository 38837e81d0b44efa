#pragma once

#include "core/Clock.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace cc {

class PgConnection;

/// A call of the team as the server lists it for a reviewer or lead: row-level security decides which.
struct TeamCall {
    std::string storeId;
    std::int64_t localId = 0;
    std::string agent;
    std::string team;
    WallTime startedAt;
    std::string callerName;
    std::string outcome;
    Duration talk{0}, hold{0};
    bool difficult = false;
    int reviews = 0; ///< reviews on the server, by anyone
};

struct TeamFilter {
    std::string team;         ///< empty: every team the reader may see (an owner sees them all)
    std::string agent;        ///< empty: every agent the reader may see
    std::string words;        ///< a full-text search of the notes (PostgreSQL, any language's words)
    bool notReviewed = false; ///< only calls nobody has reviewed yet
    int limit = 500;
};

/// The team's calls that match, newest first.
std::vector<TeamCall> findTeamCalls(PgConnection& server, const TeamFilter& filter);
/// The agents whose calls the reader may see.
std::vector<std::string> teamAgents(PgConnection& server);
/// The teams whose calls the reader may see: one for a reviewer or lead, every team for the owner.
std::vector<std::string> visibleTeams(PgConnection& server);

/// Writes the calls `localIds` of the agent's store `storeId` (as the server holds them) to `out` as a
/// call archive, with that store's id and the calls' own ids: the history and review windows open it
/// as they open any archive, and a review saved there is keyed as the server keys the call. Written
/// beside `out` and renamed over it. Throws PgError or std::runtime_error.
void writeTeamArchive(PgConnection& server, const std::string& storeId,
                      std::span<const std::int64_t> localIds, const std::filesystem::path& out);

/// Writes an agent's calls that started at or after `since`, from every PC they sync from, to `out` as
/// an archive for their stats (the calls get ids of their own there: not for reviews). Throws.
void writeAgentArchive(PgConnection& server, const std::string& agent, WallTime since,
                       const std::filesystem::path& out);

} // namespace cc
