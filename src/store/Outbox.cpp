#include "store/Outbox.h"

#include "store/Database.h"

namespace cc {

namespace {
std::string metaValue(Database& db, const char* key) {
    auto st = db.prepare("SELECT value FROM meta WHERE key = ?");
    return st.bind(1, key).step() ? st.columnText(0) : std::string();
}
void setMeta(Database& db, const char* key, bool on) {
    db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) "
               "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(1, key)
        .bind(2, on ? "on" : "off")
        .run();
}
} // namespace

OutboxPolicy outboxPolicy(Database& db) {
    return OutboxPolicy{metaValue(db, "sync") == "on", metaValue(db, "sync_practice") == "on"};
}

void setOutboxPolicy(Database& db, OutboxPolicy policy) {
    Transaction tx(db);
    setMeta(db, "sync", policy.on);
    setMeta(db, "sync_practice", policy.practice);
    tx.commit();
}

void queueForServer(Database& db, std::int64_t callId, bool practice, WallTime now) {
    const OutboxPolicy policy = outboxPolicy(db);
    if (!policy.on || (practice && !policy.practice)) return;
    db.prepare("INSERT OR IGNORE INTO outbox (call_id, queued_at) VALUES (?, ?)")
        .bind(1, callId)
        .bind(2, toUnixMs(now))
        .run();
}

int Outbox::queueFinished(WallTime now) {
    const OutboxPolicy policy = outboxPolicy(db_);
    if (!policy.on) return 0;
    db_.prepare("INSERT OR IGNORE INTO outbox (call_id, queued_at) "
                "SELECT id, ? FROM calls WHERE finished = 1 AND (training = 0 OR ?)")
        .bind(1, toUnixMs(now))
        .bind(2, policy.practice ? 1 : 0)
        .run();
    return db_.changes();
}

std::vector<OutboxItem> Outbox::due(WallTime now, int limit) {
    auto st = db_.prepare("SELECT call_id, attempts FROM outbox WHERE state = 'waiting' AND next_try <= ? "
                          "ORDER BY queued_at, call_id LIMIT ?");
    st.bind(1, toUnixMs(now)).bind(2, limit);
    std::vector<OutboxItem> out;
    while (st.step())
        out.push_back({st.columnInt(0), static_cast<int>(st.columnInt(1))});
    return out;
}

std::optional<WallTime> Outbox::nextDue() {
    auto st = db_.prepare("SELECT min(next_try) FROM outbox WHERE state = 'waiting'");
    if (!st.step() || st.columnIsNull(0)) return std::nullopt;
    return fromUnixMs(st.columnInt(0));
}

void Outbox::sent(std::span<const std::int64_t> callIds) {
    Transaction tx(db_);
    auto st = db_.prepare("DELETE FROM outbox WHERE call_id = ?");
    for (const auto id : callIds) {
        st.bind(1, id).run();
        st.reset();
    }
    tx.commit();
}

void Outbox::retryLater(std::int64_t callId, WallTime at, const std::string& error) {
    db_.prepare("UPDATE outbox SET attempts = attempts + 1, next_try = ?, error = ? WHERE call_id = ?")
        .bind(1, toUnixMs(at))
        .bind(2, error)
        .bind(3, callId)
        .run();
}

void Outbox::refuse(std::int64_t callId, const std::string& error) {
    db_.prepare("UPDATE outbox SET attempts = attempts + 1, state = 'refused', error = ? WHERE call_id = ?")
        .bind(1, error)
        .bind(2, callId)
        .run();
}

void Outbox::quarantine(std::int64_t callId, const std::string& error) {
    db_.prepare("UPDATE outbox SET state = 'quarantined', error = ? WHERE call_id = ?")
        .bind(1, error)
        .bind(2, callId)
        .run();
}

int Outbox::retryParked() {
    db_.prepare("UPDATE outbox SET state = 'waiting', next_try = 0 WHERE state = 'refused'").run();
    return db_.changes();
}

OutboxCounts Outbox::counts() {
    OutboxCounts c;
    auto st = db_.prepare("SELECT state, count(*) FROM outbox GROUP BY state");
    while (st.step()) {
        const std::string state = st.columnText(0);
        const int n = static_cast<int>(st.columnInt(1));
        (state == "refused" ? c.refused : state == "quarantined" ? c.quarantined : c.waiting) += n;
    }
    auto last = db_.prepare("SELECT error FROM outbox WHERE state <> 'waiting' ORDER BY rowid DESC LIMIT 1");
    if (last.step()) c.lastError = last.columnText(0);
    return c;
}

} // namespace cc
