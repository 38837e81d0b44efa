#include "prompts/PromptMonitor.h"
#include "session/CallSession.h"
#include "store/CallStore.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "store/Outbox.h"
#include "support/FakeClock.h"
#include "support/RecordingServices.h"
#include "support/WellbeingPrompt.h"
#include "sync/CallSync.h"

#include <doctest/doctest.h>

using namespace cc;
using namespace std::chrono_literals;

namespace {
/// Every text of a JSON document, keys and values.
void texts(const nlohmann::json& j, std::string& out) {
    if (j.is_string()) out += j.get<std::string>() + "\n";
    for (auto it = j.begin(); j.is_structured() && it != j.end(); ++it) {
        if (j.is_object()) out += it.key() + "\n";
        texts(*it, out);
    }
}
} // namespace

TEST_CASE("a prompt after a difficult call is the agent's own unless its rule says otherwise") {
    CHECK(test::afterDifficultCall().personal);
    PromptRules rules;
    rules.parse(R"([[prompt]]
id = "recap"
title = "Recap"
say = "Recap."
trigger = { type = "hold", seconds = 60 }

[[prompt]]
id = "breathe"
title = "Breathe"
say = "Breathe."
trigger = { type = "words", phrases = ["angry"] }
private = true
)",
                "prompts/x.toml");
    REQUIRE(rules.rules().size() == 2);
    CHECK_FALSE(rules.rules()[0].personal);
    CHECK(rules.rules()[1].personal);
}

TEST_CASE("a synced call carries its work and nothing private") {
    test::FakeClock clock;
    Database db(":memory:");
    migrate(db);
    setOutboxPolicy(db, {.on = true});
    CallStore store(db);
    test::RecordingServices services;
    CallSession session(clock, store, services);
    const PromptRule wellbeing = test::afterDifficultCall();
    PromptEngine engine{{wellbeing}};
    PromptMonitor monitor(session, engine, clock);

    REQUIRE(session.start());
    session.setNotes("Printer offline since Monday\nCard 4111 1111 1111 1111 given by mistake");
    CallFields fields;
    fields.callerName = "Ana Souza";
    fields.caseNumber = "CASE-77";
    fields.outcome = "referred";
    session.setFields(fields);
    session.recordReferral("Printing team");
    session.setDifficult(true);
    clock.advance(90s);
    REQUIRE(session.end());
    // The after-call prompt shows in wrap-up and the agent takes the break it offers.
    const auto fired = monitor.callEnding();
    REQUIRE(fired.size() == 1);
    REQUIRE(monitor.offer(fired, nullptr) == fired[0]);
    monitor.actedOn(wellbeing);
    const auto id = session.callId();
    REQUIRE(session.finishWrapUp());
    store.startBreak(clock.wallNow(), "after a difficult call");

    const CallRecord saved = store.load(id);
    // The prompt is in the agent's own timeline, marked as theirs.
    int personal = 0;
    for (const auto& e : saved.events)
        personal += e.personal;
    CHECK(personal == 2);
    // The call was queued by the save that finished it.
    CHECK(db.scalar("SELECT count(*) FROM outbox WHERE call_id = " + std::to_string(id)) == 1);

    const nlohmann::json payload = callPayload(saved, "store-1");
    std::string all;
    texts(payload, all);
    CHECK(all.find("Take a few minutes") == std::string::npos);
    CHECK(all.find("after a difficult call") == std::string::npos);
    CHECK(all.find("4111") == std::string::npos); // masked before it was ever saved
    // What the reviewer needs is there.
    CHECK(payload["uuid"] == saved.uuid);
    CHECK(payload["local_id"] == id);
    CHECK(payload["fields"]["caller_name"] == "Ana Souza");
    CHECK(payload["fields"]["outcome"] == "referred");
    CHECK(payload["notes"][0]["text"] == "Printer offline since Monday");
    CHECK(payload["difficult"] == true);
    CHECK(payload["talk_ms"] == 90000);
    bool referral = false;
    for (const auto& e : payload["events"])
        referral |= e["kind"] == "referral" && e["facts"][0] == "Printing team";
    CHECK(referral);
    // Only the listed fields: a new member of CallRecord does not reach the server unnoticed.
    std::vector<std::string> keys;
    for (const auto& [key, value] : payload.items())
        keys.push_back(key);
    CHECK(keys == std::vector<std::string>{"difficult", "events", "fields", "finished_at", "hold_ms",
                                           "local_id", "masked_count", "missed", "notes", "practice",
                                           "ring_ms", "segments", "started_at", "store_id", "talk_ms",
                                           "transfers", "uuid", "wrap_ms"});
}

TEST_CASE("old after-call prompt rows become private when the store is migrated") {
    Database db(":memory:");
    const auto steps = schemaMigrations();
    migrate(db, steps.first(8)); // before the team server (migration 9)
    db.exec("INSERT INTO calls (id, started_at, state, saved_at) VALUES (1, 0, 'idle', 0)");
    db.exec("INSERT INTO events (call_id, at, offset_ms, kind, detail, facts) VALUES "
            "(1, 0, 0, 'prompt', 'acted on: Take a few minutes', NULL), "
            "(1, 0, 0, 'prompt-acted', '', '[\"Take a few minutes\"]'), "
            "(1, 0, 0, 'prompt', 'Acknowledge the feeling first', NULL)");
    migrate(db);
    CHECK(db.scalar("SELECT count(*) FROM events WHERE private = 1") == 2);
    CHECK(db.scalar("SELECT count(*) FROM calls WHERE length(uuid) = 32") == 1);
}

TEST_CASE("a call that could not be sent waits longer each time, with jitter, at most five minutes") {
    std::mt19937 rng(7);
    for (int attempts = 0; attempts < 20; ++attempts) {
        const auto d = retryDelay(attempts, rng);
        const auto full = std::min<std::chrono::milliseconds>(5min, 2s * (1LL << std::min(attempts, 10)));
        CHECK(d >= full / 2);
        CHECK(d <= full);
    }
}
