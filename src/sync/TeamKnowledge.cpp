#include "sync/TeamKnowledge.h"

#include "knowledge/KnowledgeBase.h"
#include "store/Database.h"
#include "sync/PgConnection.h"

#include <fmt/format.h>

namespace cc {

using nlohmann::json;

json knowledgeJson(const KnowledgeEntry& e) {
    json j = json::object();
    KnowledgeEntry copy = e;
    for (const std::string_view name : kKnowledgeFields)
        j[std::string(name)] = *knowledgeField(copy, name);
    return j;
}

KnowledgeEntry knowledgeFromJson(const json& j) {
    KnowledgeEntry e;
    for (const std::string_view name : kKnowledgeFields)
        if (const auto it = j.find(std::string(name)); it != j.end() && it->is_string())
            *knowledgeField(e, name) = it->get<std::string>();
    return e;
}

void proposeKnowledge(Database& db, std::int64_t entryId, WallTime now) {
    Transaction tx(db);
    KnowledgeBase kb(db);
    const auto entry = kb.get(entryId);
    if (!entry) throw std::out_of_range("no knowledge entry " + std::to_string(entryId));
    std::string key;
    std::optional<std::int64_t> base;
    auto mapped = db.prepare("SELECT key, version FROM team_kb WHERE entry_id = ?");
    mapped.bind(1, entryId);
    if (mapped.step()) {
        key = mapped.columnText(0);
        if (mapped.columnInt(1) > 0) base = mapped.columnInt(1);
    } else {
        // A new entry: its key now, so the approved entry coming back is this one, not a second.
        auto made = db.prepare("SELECT lower(hex(randomblob(16)))");
        made.step();
        key = made.columnText(0);
        db.prepare("INSERT INTO team_kb (key, entry_id) VALUES (?, ?)").bind(1, key).bind(2, entryId).run();
    }
    auto queue = db.prepare("INSERT INTO kb_proposals_out (id, key, base_version, entry, queued_at) "
                            "VALUES (lower(hex(randomblob(16))), ?, ?, ?, ?)");
    queue.bind(1, key);
    if (base)
        queue.bind(2, *base);
    else
        queue.bindNull(2);
    queue.bind(3, knowledgeJson(*entry).dump()).bind(4, toUnixMs(now)).run();
    tx.commit();
}

int proposalsWaiting(Database& db) {
    return static_cast<int>(db.scalar("SELECT count(*) FROM kb_proposals_out WHERE error = ''"));
}

int sendProposals(Database& db, PgConnection& server) {
    struct Waiting {
        std::string id, key, entry;
        std::optional<std::int64_t> base;
    };
    std::vector<Waiting> waiting;
    auto st = db.prepare("SELECT id, key, base_version, entry FROM kb_proposals_out WHERE error = '' "
                         "ORDER BY queued_at, id LIMIT 100");
    while (st.step())
        waiting.push_back({st.columnText(0), st.columnText(1), st.columnText(3),
                           st.columnIsNull(2) ? std::nullopt : std::optional(st.columnInt(2))});
    if (waiting.empty()) return 0;
    std::vector<std::string> sent;
    std::vector<std::pair<std::string, std::string>> refused;
    inTransaction(server, [&] {
        for (const auto& w : waiting) {
            const auto why = refusedWithinSavepoint(server, [&] {
                server.exec(
                    "INSERT INTO cc.kb_proposals (id, key, base_version, entry) "
                    "VALUES ($1::uuid, $2::uuid, $3::bigint, $4::jsonb) ON CONFLICT (id) DO NOTHING",
                    {w.id, w.key, w.base ? std::optional(std::to_string(*w.base)) : std::nullopt, w.entry});
            });
            if (why)
                refused.emplace_back(w.id, *why);
            else
                sent.push_back(w.id);
        }
    });
    Transaction tx(db);
    for (const auto& id : sent)
        db.prepare("DELETE FROM kb_proposals_out WHERE id = ?").bind(1, id).run();
    for (const auto& [id, why] : refused)
        db.prepare("UPDATE kb_proposals_out SET error = ? WHERE id = ?").bind(1, why).bind(2, id).run();
    tx.commit();
    return static_cast<int>(sent.size());
}

std::int64_t teamKnowledgeVersion(Database& db) {
    return db.scalar(
        "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'team_kb_version'), 0)");
}

bool teamKnowledgeNewer(PgConnection& server, std::int64_t version) {
    const auto r = server.exec("SELECT coalesce(max(version), 0) FROM cc.kb_teams");
    return std::stoll(r.text(0, 0)) > version;
}

KnowledgePull pullTeamKnowledge(Database& db, PgConnection& server) {
    KnowledgePull pull;
    pull.version = teamKnowledgeVersion(db);
    const auto rows = server.exec("SELECT key::text, version, entry::text, deleted, proposed_by, approved_by "
                                  "FROM cc.kb_entries WHERE version > $1::bigint ORDER BY version",
                                  {std::to_string(pull.version)});
    if (rows.rows() == 0) return pull;
    KnowledgeBase kb(db);
    Transaction tx(db);
    for (int r = 0; r < rows.rows(); ++r) {
        // The server's uuid has hyphens; the keys made here have none.
        std::string key = rows.text(r, 0);
        std::erase(key, '-');
        const std::int64_t version = std::stoll(rows.text(r, 1));
        const bool deleted = rows.text(r, 3) == "t";
        pull.version = std::max(pull.version, version);
        KnowledgeEntry e;
        try {
            e = knowledgeFromJson(json::parse(rows.text(r, 2)));
        } catch (const json::exception&) {
            ++pull.refused;
            continue;
        }
        if (!deleted && validate(e)) {
            ++pull.refused; // an entry this PC cannot take: its last good copy stays
            continue;
        }
        auto mapped = db.prepare("SELECT entry_id FROM team_kb WHERE key = ?");
        mapped.bind(1, key);
        const std::optional<std::int64_t> local =
            mapped.step() ? std::optional(mapped.columnInt(0)) : std::nullopt;
        if (deleted) {
            if (local) kb.remove(*local); // the mapping goes with it
        } else if (local) {
            e.id = *local;
            kb.update(e);
            db.prepare("UPDATE team_kb SET version = ?, proposed_by = ?, approved_by = ? WHERE key = ?")
                .bind(1, version)
                .bind(2, rows.text(r, 4))
                .bind(3, rows.text(r, 5))
                .bind(4, key)
                .run();
        } else {
            const std::int64_t id = kb.addWithin(e);
            db.prepare("INSERT INTO team_kb (key, entry_id, version, proposed_by, approved_by) VALUES (?, ?, "
                       "?, ?, ?)")
                .bind(1, key)
                .bind(2, id)
                .bind(3, version)
                .bind(4, rows.text(r, 4))
                .bind(5, rows.text(r, 5))
                .run();
        }
        ++pull.changed;
    }
    db.prepare("INSERT INTO meta (key, value) VALUES ('team_kb_version', ?) "
               "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(1, std::to_string(pull.version))
        .run();
    tx.commit();
    return pull;
}

std::vector<KnowledgeProposal> pendingProposals(PgConnection& server) {
    const auto rows = server.exec(R"sql(
        SELECT p.id::text, p.proposed_by, to_char(p.proposed_at, 'YYYY-MM-DD HH24:MI'), p.entry::text,
               e.entry::text
        FROM cc.kb_proposals p LEFT JOIN cc.kb_entries e ON e.team = p.team AND e.key = p.key AND NOT e.deleted
        WHERE p.status = 'pending' ORDER BY p.proposed_at, p.id)sql");
    std::vector<KnowledgeProposal> out;
    for (int r = 0; r < rows.rows(); ++r) {
        KnowledgeProposal p;
        p.id = rows.text(r, 0);
        p.proposedBy = rows.text(r, 1);
        p.proposedAt = rows.text(r, 2);
        p.entry = knowledgeFromJson(json::parse(rows.text(r, 3)));
        if (!rows.isNull(r, 4)) p.current = knowledgeFromJson(json::parse(rows.text(r, 4)));
        p.isNew = !p.current;
        out.push_back(std::move(p));
    }
    return out;
}

std::optional<std::int64_t> decideProposal(PgConnection& server, const std::string& id, bool approve) {
    const auto r =
        server.exec("SELECT cc.decide_proposal($1::uuid, $2::boolean)", {id, approve ? "true" : "false"});
    if (r.isNull(0, 0)) return std::nullopt;
    return std::stoll(r.text(0, 0));
}

} // namespace cc
