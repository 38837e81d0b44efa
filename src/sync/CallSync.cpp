#include "sync/CallSync.h"

#include "store/CallStore.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "sync/PgConnection.h"
#include "sync/ServerConfig.h"

#include <algorithm>
#include <fmt/format.h>

namespace cc {

namespace {
using nlohmann::json;

json stamp(std::optional<WallTime> t) {
    return t ? json(toUnixMs(*t)) : json(nullptr);
}

std::string metaValue(Database& db, const char* key) {
    auto st = db.prepare("SELECT value FROM meta WHERE key = ?");
    return st.bind(1, key).step() ? st.columnText(0) : std::string();
}

std::string notesText(const CallRecord& call) {
    std::string out;
    for (const auto& line : call.notes) {
        if (line.text.empty()) continue;
        if (!out.empty()) out += '\n';
        out += line.text;
    }
    return out;
}

// The call's row on the server, from its payload: the server never trusts the client with the agent
// or the team (the row's defaults and trigger set them).
constexpr const char* kInsertCall = R"sql(
INSERT INTO cc.calls (store_id, local_id, uuid, started_at, finished_at, caller_name, case_number, outcome,
                      talk_ms, hold_ms, wrap_ms, practice, difficult, notes, payload)
SELECT $1, $2, $3::uuid, to_timestamp((p->>'started_at')::bigint / 1000.0),
       to_timestamp((p->>'finished_at')::bigint / 1000.0), p->'fields'->>'caller_name',
       p->'fields'->>'case_number', p->'fields'->>'outcome', (p->>'talk_ms')::bigint,
       (p->>'hold_ms')::bigint, (p->>'wrap_ms')::bigint, (p->>'practice')::boolean,
       (p->>'difficult')::boolean, $5, p
FROM (SELECT $4::jsonb AS p) AS sent
ON CONFLICT (store_id, local_id) DO NOTHING
RETURNING 1)sql";
} // namespace

json callPayload(const CallRecord& call, const std::string& storeId) {
    json segments = json::array();
    for (const auto& s : call.segments)
        segments.push_back({{"kind", nameOf(s.kind)},
                            {"started_at", toUnixMs(s.wallStart)},
                            {"length_ms", s.length.count()}});
    json notes = json::array();
    for (const auto& n : call.notes)
        notes.push_back({{"at", stamp(n.at)}, {"text", n.text}});
    json transfers = json::array();
    for (const auto& t : call.transfers)
        transfers.push_back({{"at", toUnixMs(t.at)}, {"to", t.to}, {"reason", t.reason}});
    json events = json::array();
    for (const auto& e : call.events) {
        if (e.personal) continue; // a break, a wellbeing prompt: the agent's own
        json event{{"at", toUnixMs(e.at)},
                   {"offset_ms", e.offset.count()},
                   {"kind", e.kind == EventKind::Unknown ? e.word : std::string(wordOf(e.kind))},
                   {"facts", e.facts}};
        if (!e.legacy.empty()) event["detail"] = e.legacy;
        events.push_back(std::move(event));
    }
    return json{
        {"store_id", storeId},
        {"local_id", call.id},
        {"uuid", call.uuid},
        {"started_at", toUnixMs(call.startedAt)},
        {"finished_at", stamp(call.finishedAt)},
        {"missed", call.missed},
        {"practice", call.training},
        {"difficult", call.difficult},
        {"masked_count", call.maskedCount},
        {"ring_ms", totalOf(call.segments, SegmentKind::Ringing).count()},
        {"talk_ms", totalOf(call.segments, SegmentKind::Talk).count()},
        {"hold_ms", totalOf(call.segments, SegmentKind::Hold).count()},
        {"wrap_ms", totalOf(call.segments, SegmentKind::WrapUp).count()},
        {"fields",
         {{"caller_name", call.fields.callerName},
          {"callback_number", call.fields.callbackNumber},
          {"case_number", call.fields.caseNumber},
          {"reason", call.fields.reason},
          {"outcome", call.fields.outcome}}},
        {"segments", std::move(segments)},
        {"notes", std::move(notes)},
        {"transfers", std::move(transfers)},
        {"events", std::move(events)},
    };
}

CallFromServer callFromPayload(const json& p) {
    try {
        CallFromServer out;
        CallRecord& c = out.call;
        c.id = p.at("local_id").get<std::int64_t>();
        c.uuid = p.at("uuid").get<std::string>();
        c.startedAt = fromUnixMs(p.at("started_at").get<std::int64_t>());
        if (p.at("finished_at").is_number()) c.finishedAt = fromUnixMs(p["finished_at"].get<std::int64_t>());
        c.savedAt = c.finishedAt.value_or(c.startedAt);
        c.finished = true;
        c.state = CallState::Idle;
        c.missed = p.value("missed", false);
        c.training = p.value("practice", false);
        c.difficult = p.value("difficult", false);
        c.maskedCount = p.value("masked_count", 0);
        const json& f = p.at("fields");
        c.fields = CallFields{f.value("caller_name", ""), f.value("callback_number", ""),
                              f.value("case_number", ""), f.value("reason", ""), f.value("outcome", "")};
        for (const auto& s : p.at("segments"))
            c.segments.push_back(
                {segmentKindFromString(s.at("kind").get<std::string>()).value_or(SegmentKind::Talk),
                 fromUnixMs(s.at("started_at").get<std::int64_t>()),
                 Duration{s.at("length_ms").get<std::int64_t>()}, false});
        for (const auto& n : p.at("notes")) {
            NoteLine line;
            if (n.at("at").is_number()) line.at = fromUnixMs(n["at"].get<std::int64_t>());
            line.text = n.at("text").get<std::string>();
            c.notes.push_back(std::move(line));
        }
        for (const auto& t : p.at("transfers"))
            c.transfers.push_back({fromUnixMs(t.at("at").get<std::int64_t>()), t.at("to").get<std::string>(),
                                   t.value("reason", "")});
        for (const auto& e : p.at("events")) {
            std::vector<std::string> facts;
            for (const auto& fact : e.at("facts"))
                facts.push_back(fact.get<std::string>());
            TimelineEvent event =
                storedEvent(e.at("kind").get<std::string>(), std::move(facts), e.value("detail", ""));
            event.at = fromUnixMs(e.at("at").get<std::int64_t>());
            event.offset = Duration{e.at("offset_ms").get<std::int64_t>()};
            out.events.push_back(std::move(event));
        }
        return out;
    } catch (const json::exception& e) {
        throw std::runtime_error(std::string("the server sent a call this version cannot read: ") + e.what());
    }
}

int followServerConfig(Database& store, const ServerConfig* config, WallTime now) {
    const OutboxPolicy was = outboxPolicy(store);
    const OutboxPolicy want{config != nullptr, config && config->practice};
    if (want == was) return 0;
    setOutboxPolicy(store, want);
    return want.on && !was.on ? Outbox(store).queueFinished(now) : 0;
}

std::chrono::milliseconds retryDelay(int attempts, std::mt19937& rng) {
    using namespace std::chrono;
    const milliseconds cap = minutes{5};
    milliseconds base = seconds{2};
    for (int i = 0; i < attempts && base < cap; ++i)
        base *= 2;
    base = std::min(base, cap);
    // Between half and the whole of the delay.
    std::uniform_int_distribution<long long> jitter(base.count() / 2, base.count());
    return milliseconds{jitter(rng)};
}

SendReport sendDue(Database& store, PgConnection& server, WallTime now, std::mt19937& rng, int batchSize,
                   int maxBatches) {
    SendReport report;
    Outbox outbox(store);
    CallStore calls(store);
    const std::string storeId = metaValue(store, "store_id");
    for (int b = 0; b < maxBatches; ++b) {
        const auto batch = outbox.due(now, batchSize);
        if (batch.empty()) break;
        std::vector<std::int64_t> sent;
        std::vector<std::pair<std::int64_t, std::string>> refused, quarantined;
        try {
            inTransaction(server, [&] {
                for (const auto& item : batch) {
                    CallRecord call;
                    try {
                        call = calls.load(item.callId);
                    } catch (const std::out_of_range&) {
                        sent.push_back(item.callId); // deleted here since: nothing to send
                        continue;
                    }
                    const json payload = callPayload(call, storeId);
                    const std::string text = payload.dump(-1, ' ', false, json::error_handler_t::replace);
                    const auto why = refusedWithinSavepoint(server, [&] {
                        const auto inserted = server.exec(kInsertCall, {storeId, std::to_string(call.id),
                                                                        call.uuid, text, notesText(call)});
                        if (inserted.rows() == 1) {
                            sent.push_back(call.id);
                            return;
                        }
                        // Already there: the same call sent before (its commit's answer was lost), or
                        // another call under this id.
                        const auto held = server.exec("SELECT replace(uuid::text, '-', '') FROM cc.calls "
                                                      "WHERE store_id = $1 AND local_id = $2",
                                                      {storeId, std::to_string(call.id)});
                        if (held.rows() == 1 && held.text(0, 0) == call.uuid) {
                            sent.push_back(call.id);
                            return;
                        }
                        server.exec("INSERT INTO cc.quarantine (store_id, local_id, uuid, payload) "
                                    "VALUES ($1, $2, $3::uuid, $4::jsonb)",
                                    {storeId, std::to_string(call.id), call.uuid, text});
                        quarantined.emplace_back(call.id,
                                                 fmt::format("the server holds another call as {}/{}; "
                                                             "this one is kept aside there for the "
                                                             "team's owner",
                                                             storeId, call.id));
                    });
                    if (why) refused.emplace_back(call.id, *why);
                }
            });
        } catch (const PgError& e) {
            // Nothing of the batch is known to be committed: all of it is tried again later, and the
            // server's keys make a second copy impossible.
            for (const auto& item : batch)
                outbox.retryLater(item.callId, now + retryDelay(item.attempts, rng), e.what());
            throw;
        }
        outbox.sent(sent);
        for (const auto& [id, why] : refused)
            outbox.refuse(id, why);
        for (const auto& [id, why] : quarantined)
            outbox.quarantine(id, why);
        report.sent += static_cast<int>(sent.size());
        report.refused += static_cast<int>(refused.size());
        report.quarantined += static_cast<int>(quarantined.size());
    }
    report.left = static_cast<int>(outbox.due(now, 1).size());
    return report;
}

} // namespace cc
