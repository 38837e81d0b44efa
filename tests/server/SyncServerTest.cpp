// The team server, against a real PostgreSQL 15 (tests/server/cluster.sh): the sync round trip,
// offline then catch-up, a batch cut off mid-way, refusals, quarantine, and what never reaches it.
#include "AgentPc.h"
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

#include <thread>

using namespace cc;
using namespace std::chrono_literals;
using test::AgentPc;

TEST_CASE("finished calls reach the server once, as their agent's, on their team") {
    test::TestServer server;
    AgentPc alice;
    for (int i = 0; i < 3; ++i)
        alice.finishCall("Caller " + std::to_string(i));
    PgConnection link(server.config("alice"));
    CHECK(link.encrypted());
    const SendReport sent = alice.send(link);
    CHECK(sent.sent == 3);
    CHECK(alice.waiting() == 0);
    CHECK(server.count("alice", "SELECT count(*) FROM cc.calls WHERE agent = 'alice' AND team = 'north'") ==
          3);
    CHECK(server.count("alice",
                       "SELECT count(*) FROM cc.calls WHERE caller_name = 'Caller 1' AND "
                       "outcome = 'resolved' AND talk_ms = 120000 AND notes = 'Printer offline'") == 1);
    // The answer to a commit was lost: the call is sent again, and the server keeps one copy.
    alice.db.exec("INSERT INTO outbox (call_id, queued_at) SELECT id, 0 FROM calls");
    CHECK(alice.send(link).sent == 3);
    CHECK(alice.waiting() == 0);
    CHECK(server.count("alice", "SELECT count(*) FROM cc.calls") == 3);
}

TEST_CASE("a day offline, then the calls catch up, with no duplicates") {
    test::TestServer server;
    AgentPc bob;
    ServerConfig down = server.config("bob");
    down.port = "1"; // nothing listens there
    down.connectTimeout = 2s;
    for (int i = 0; i < 120; ++i) {
        bob.finishCall("Caller " + std::to_string(i));
        bob.clock.advance(10min); // a day of calls
        if (i % 10 == 0) CHECK_THROWS_AS(PgConnection{down}, PgError);
    }
    CHECK(bob.waiting() == 120);
    PgConnection link(server.config("bob"));
    CHECK(bob.send(link).sent == 120);
    CHECK(bob.waiting() == 0);
    CHECK(server.count("bob", "SELECT count(*) FROM cc.calls") == 120);
    CHECK(server.count("bob", "SELECT count(DISTINCT uuid) FROM cc.calls") == 120);
}

TEST_CASE("a connection cut off mid-batch commits nothing; the next try sends every call once") {
    test::TestServer server;
    {
        // The server side of a crash: the session's backend dies at the third call of the batch.
        PgConnection admin(server.config("ccadmin"));
        admin.script(R"sql(
            CREATE FUNCTION cc.die_at() RETURNS trigger LANGUAGE plpgsql AS $f$
            BEGIN
                IF NEW.caller_name = 'Die here' THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;
                RETURN NEW;
            END $f$;
            CREATE TRIGGER die_at BEFORE INSERT ON cc.calls FOR EACH ROW EXECUTE FUNCTION cc.die_at();)sql");
    }
    AgentPc alice;
    alice.finishCall("One");
    alice.finishCall("Two");
    alice.finishCall("Die here");
    alice.finishCall("Four");
    {
        PgConnection link(server.config("alice"));
        CHECK_THROWS_AS(alice.send(link), PgError);
    }
    CHECK(alice.waiting() == 4);
    CHECK(server.count("alice", "SELECT count(*) FROM cc.calls") == 0);
    // Each call waits for its next try.
    CHECK(Outbox(alice.db).due(alice.clock.wallNow(), 10).empty());
    PgConnection(server.config("ccadmin")).exec("DROP TRIGGER die_at ON cc.calls");
    alice.clock.advance(10min);
    PgConnection link(server.config("alice"));
    CHECK(alice.send(link).sent == 4);
    CHECK(server.count("alice", "SELECT count(*) FROM cc.calls") == 4);
}

TEST_CASE("the server killed mid-batch commits nothing; after its restart every call arrives once") {
    test::PrivateCluster cluster; // its own: killing it disturbs no other test
    test::TestServer server(cluster.dir());
    {
        // The third call of the batch keeps the server busy, so the kill lands inside the batch.
        PgConnection admin(server.config("ccadmin"));
        admin.script(R"sql(
            CREATE FUNCTION cc.slow_at() RETURNS trigger LANGUAGE plpgsql AS $f$
            BEGIN
                IF NEW.caller_name = 'Slow here' THEN PERFORM pg_sleep(60); END IF;
                RETURN NEW;
            END $f$;
            CREATE TRIGGER slow_at BEFORE INSERT ON cc.calls FOR EACH ROW EXECUTE FUNCTION cc.slow_at();)sql");
    }
    AgentPc alice;
    alice.finishCall("One");
    alice.finishCall("Two");
    alice.finishCall("Slow here");
    alice.finishCall("Four");
    bool failed = false;
    std::thread sender([&] {
        try {
            PgConnection link(server.config("alice"));
            alice.send(link);
        } catch (const PgError&) {
            failed = true;
        }
    });
    bool inBatch = false;
    for (int i = 0; i < 100 && !inBatch; ++i) {
        std::this_thread::sleep_for(100ms);
        inBatch =
            server.count("ccadmin", "SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'") > 0;
    }
    CHECK(inBatch);
    REQUIRE(cluster.run("crash") == 0); // every server process gone at once, as in a power cut
    sender.join();
    CHECK(failed);
    CHECK(alice.waiting() == 4);
    REQUIRE(cluster.run("restart") == 0);
    CHECK(server.count("alice", "SELECT count(*) FROM cc.calls") == 0);
    PgConnection(server.config("ccadmin")).exec("DROP TRIGGER slow_at ON cc.calls");
    alice.clock.advance(10min);
    PgConnection link(server.config("alice"));
    CHECK(alice.send(link).sent == 4);
    CHECK(server.count("alice", "SELECT count(*) FROM cc.calls") == 4);
    CHECK(server.count("alice", "SELECT count(DISTINCT uuid) FROM cc.calls") == 4);
}

TEST_CASE("a call refused for good is parked and shown; the rest of its batch goes") {
    test::TestServer server;
    AgentPc alice;
    alice.finishCall("One");
    const auto bad = alice.finishCall("Two");
    alice.finishCall("Three");
    alice.db.prepare("UPDATE calls SET uuid = 'not-a-uuid' WHERE id = ?").bind(1, bad).run();
    PgConnection link(server.config("alice"));
    const SendReport sent = alice.send(link);
    CHECK(sent.sent == 2);
    CHECK(sent.refused == 1);
    const OutboxCounts counts = Outbox(alice.db).counts();
    CHECK(counts.waiting == 0);
    CHECK(counts.refused == 1);
    CHECK(counts.lastError.find("uuid") != std::string::npos);
    CHECK(server.count("alice", "SELECT count(*) FROM cc.calls") == 2);
}

TEST_CASE("a restored backup's call under a reused id is quarantined, not dropped") {
    test::TestServer server;
    AgentPc alice;
    const auto id = alice.finishCall("Before the backup");
    PgConnection link(server.config("alice"));
    REQUIRE(alice.send(link).sent == 1);
    // The PC's store goes back to a backup: the next call gets the same local id, with a new uuid.
    alice.db.prepare("UPDATE calls SET uuid = lower(hex(randomblob(16))), caller_name = 'After' WHERE id = ?")
        .bind(1, id)
        .run();
    alice.db.prepare("INSERT INTO outbox (call_id, queued_at) VALUES (?, 0)").bind(1, id).run();
    const SendReport sent = alice.send(link);
    CHECK(sent.quarantined == 1);
    CHECK(Outbox(alice.db).counts().quarantined == 1);
    CHECK(server.count("alice", "SELECT count(*) FROM cc.calls WHERE caller_name = 'Before the backup'") ==
          1);
    CHECK(server.count("alice",
                       "SELECT count(*) FROM cc.quarantine WHERE payload->'fields'->>'caller_name' = "
                       "'After'") == 1);
}

TEST_CASE("a break and a wellbeing prompt never reach the server") {
    test::TestServer server;
    AgentPc alice;
    PromptEngine engine{{test::afterDifficultCall()}};
    PromptMonitor monitor(alice.session, engine, alice.clock);
    REQUIRE(alice.session.start());
    alice.session.setNotes("Caller shouted throughout");
    alice.session.setDifficult(true);
    REQUIRE(alice.session.end());
    const auto fired = monitor.callEnding();
    REQUIRE(fired.size() == 1);
    monitor.offer(fired, nullptr);
    monitor.actedOn(*fired[0]);
    alice.store.startBreak(alice.clock.wallNow(), "after a difficult call");
    REQUIRE(alice.session.finishWrapUp());
    PgConnection link(server.config("alice"));
    REQUIRE(alice.send(link).sent == 1);
    CHECK(server.count("alice", "SELECT count(*) FROM cc.calls WHERE difficult") == 1);
    CHECK(server.count("alice", "SELECT count(*) FROM cc.calls WHERE payload::text LIKE '%Take a few%' "
                                "OR payload::text LIKE '%break%'") == 0);
    CHECK(server.count("ccadmin", "SELECT count(*) FROM cc.calls WHERE payload::text LIKE '%Take a few%'") ==
          0);
}

TEST_CASE("an agent logs in with a client certificate instead of a password") {
    test::TestServer server;
    AgentPc agent;
    agent.finishCall("By certificate");
    PgConnection link(server.config("certagent"));
    CHECK(link.user() == "certagent");
    CHECK(agent.send(link).sent == 1);
    CHECK(server.count("rita", "SELECT count(*) FROM cc.calls WHERE agent = 'certagent'") == 1);
}
