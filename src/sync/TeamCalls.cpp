#include "sync/TeamCalls.h"

#include "review/CallArchive.h"
#include "store/CallStore.h"
#include "store/Database.h"
#include "sync/CallSync.h"
#include "sync/PgConnection.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace cc {

namespace fs = std::filesystem;

std::vector<TeamCall> findTeamCalls(PgConnection& server, const TeamFilter& filter) {
    // Row-level security chooses the calls: a reviewer's team, an agent's own, the owner's all.
    const auto rows = server.exec(
        R"sql(
        SELECT c.store_id, c.local_id, c.agent, (extract(epoch FROM c.started_at) * 1000)::bigint,
               c.caller_name, c.outcome, c.talk_ms, c.hold_ms, c.difficult,
               (SELECT count(*) FROM cc.reviews r WHERE r.store_id = c.store_id AND r.local_id = c.local_id),
               c.team
        FROM cc.calls c
        WHERE ($1 = '' OR c.agent = $1) AND ($5 = '' OR c.team = $5)
          AND ($2 = '' OR c.notes_search @@ plainto_tsquery('simple', $2))
          AND (NOT $3::boolean OR NOT EXISTS (
                  SELECT FROM cc.reviews r WHERE r.store_id = c.store_id AND r.local_id = c.local_id))
        ORDER BY c.started_at DESC, c.store_id, c.local_id
        LIMIT $4)sql",
        {filter.agent, filter.words, filter.notReviewed ? "true" : "false", std::to_string(filter.limit),
         filter.team});
    std::vector<TeamCall> out;
    for (int r = 0; r < rows.rows(); ++r) {
        TeamCall c;
        c.storeId = rows.text(r, 0);
        c.localId = std::stoll(rows.text(r, 1));
        c.agent = rows.text(r, 2);
        c.startedAt = fromUnixMs(std::stoll(rows.text(r, 3)));
        c.callerName = rows.text(r, 4);
        c.outcome = rows.text(r, 5);
        c.talk = Duration{std::stoll(rows.text(r, 6))};
        c.hold = Duration{std::stoll(rows.text(r, 7))};
        c.difficult = rows.text(r, 8) == "t";
        c.reviews = std::stoi(rows.text(r, 9));
        c.team = rows.text(r, 10);
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<std::string> teamAgents(PgConnection& server) {
    const auto rows = server.exec("SELECT DISTINCT agent FROM cc.calls ORDER BY agent");
    std::vector<std::string> out;
    for (int r = 0; r < rows.rows(); ++r)
        out.push_back(rows.text(r, 0));
    return out;
}

std::vector<std::string> visibleTeams(PgConnection& server) {
    const auto rows = server.exec("SELECT DISTINCT team FROM cc.calls ORDER BY team");
    std::vector<std::string> out;
    for (int r = 0; r < rows.rows(); ++r)
        out.push_back(rows.text(r, 0));
    return out;
}

namespace {
/// Writes the calls of `rows` (agent, payload) to `out` as an archive of `storeId`; `keepIds`: each call
/// keeps its id in its agent's store.
void writeArchiveOf(const PgResult& rows, const std::string& storeId, bool keepIds, const fs::path& out) {
    writeArchiveWith(out, [&](Database& db) {
        CallStore store(db);
        Transaction tx(db);
        for (int r = 0; r < rows.rows(); ++r) {
            CallFromServer c = callFromPayload(nlohmann::json::parse(rows.text(r, 1)));
            if (keepIds)
                // The call keeps its own id: a review saved here is keyed as the server keys the call.
                db.prepare(
                      "INSERT INTO calls (id, started_at, state, saved_at, uuid) VALUES (?, 0, 'idle', 0, ?)")
                    .bind(1, c.call.id)
                    .bind(2, c.call.uuid)
                    .run();
            else
                c.call.id = 0;
            store.saveWithin(c.call, SaveParts{.notes = true, .notesFrom = 0, .transfers = true}, c.events);
        }
        markAsArchive(db, ArchiveInfo{rows.rows() ? rows.text(0, 0) : std::string(), storeId,
                                      std::chrono::system_clock::now(), 0, CC_VERSION});
        tx.commit();
    });
}
} // namespace

void writeTeamArchive(PgConnection& server, const std::string& storeId,
                      std::span<const std::int64_t> localIds, const fs::path& out) {
    std::string ids = "{";
    for (const auto id : localIds)
        ids += (ids.size() > 1 ? "," : "") + std::to_string(id);
    ids += "}";
    const auto rows = server.exec("SELECT agent, payload::text FROM cc.calls WHERE store_id = $1 AND "
                                  "local_id = ANY($2::bigint[]) ORDER BY local_id",
                                  {storeId, ids});
    if (rows.rows() == 0)
        throw std::runtime_error("the server has none of these calls, or none you may read");
    writeArchiveOf(rows, storeId, true, out);
}

void writeAgentArchive(PgConnection& server, const std::string& agent, WallTime since, const fs::path& out) {
    const auto rows = server.exec("SELECT agent, payload::text FROM cc.calls WHERE agent = $1 AND "
                                  "started_at >= to_timestamp($2::bigint / 1000.0) ORDER BY started_at",
                                  {agent, std::to_string(toUnixMs(since))});
    writeArchiveOf(rows, "stats-of-" + agent, false, out);
}

} // namespace cc
