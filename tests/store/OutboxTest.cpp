#include "store/Outbox.h"

#include "store/CallStore.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "support/FakeClock.h"

#include <doctest/doctest.h>

using namespace cc;
using namespace std::chrono_literals;

namespace {
struct Fixture {
    test::FakeClock clock;
    Database db{":memory:"};
    CallStore store{(migrate(db), db)};
    Outbox outbox{db};

    /// A call saved while talking, then finished (wrap-up done) in a second save.
    std::int64_t finishedCall(bool practice = false) {
        CallRecord call;
        call.startedAt = clock.wallNow();
        call.state = CallState::Talking;
        call.training = practice;
        call.savedAt = clock.wallNow();
        call.id = store.save(call, SaveParts{}, {});
        call.finished = true;
        call.finishedAt = clock.wallNow() + 60s;
        call.state = CallState::Idle;
        store.save(call, SaveParts{}, {});
        return call.id;
    }
    std::vector<std::int64_t> dueIds() {
        std::vector<std::int64_t> ids;
        for (const auto& item : outbox.due(clock.wallNow() + 1h, 100))
            ids.push_back(item.callId);
        return ids;
    }
};
} // namespace

TEST_CASE("without a team server, finishing a call queues nothing") {
    Fixture f;
    f.finishedCall();
    CHECK(f.dueIds().empty());
    CHECK(f.db.scalar("SELECT count(*) FROM outbox") == 0);
}

TEST_CASE("with a team server, the save that finishes a call queues it, once") {
    Fixture f;
    setOutboxPolicy(f.db, {.on = true});
    const auto id = f.finishedCall();
    CHECK(f.dueIds() == std::vector<std::int64_t>{id});
    // Saving the finished call again (a late edit) does not queue it twice.
    CallRecord again = f.store.load(id);
    f.store.save(again, SaveParts{}, {});
    CHECK(f.db.scalar("SELECT count(*) FROM outbox") == 1);
    // A call still going is not queued.
    CallRecord going;
    going.startedAt = f.clock.wallNow();
    going.state = CallState::Talking;
    going.savedAt = f.clock.wallNow();
    f.store.save(going, SaveParts{}, {});
    CHECK(f.dueIds() == std::vector<std::int64_t>{id});
}

TEST_CASE("practice calls stay on the PC unless the team opted in") {
    Fixture f;
    setOutboxPolicy(f.db, {.on = true});
    f.finishedCall(true);
    CHECK(f.dueIds().empty());
    setOutboxPolicy(f.db, {.on = true, .practice = true});
    const auto id = f.finishedCall(true);
    CHECK(f.dueIds() == std::vector<std::int64_t>{id});
}

TEST_CASE("each call has its own uuid, kept across saves") {
    Fixture f;
    const auto a = f.finishedCall();
    const auto b = f.finishedCall();
    const CallRecord first = f.store.load(a);
    CHECK(first.uuid.size() == 32);
    CHECK(first.uuid != f.store.load(b).uuid);
    f.store.save(first, SaveParts{}, {});
    CHECK(f.store.load(a).uuid == first.uuid);
}

TEST_CASE("a store joining a server queues the calls it finished before, practice as chosen") {
    Fixture f;
    const auto a = f.finishedCall();
    f.finishedCall(true);
    CHECK(f.outbox.queueFinished(f.clock.wallNow()) == 0); // no server: nothing
    setOutboxPolicy(f.db, {.on = true});
    CHECK(f.outbox.queueFinished(f.clock.wallNow()) == 1);
    CHECK(f.dueIds() == std::vector<std::int64_t>{a});
}

TEST_CASE("sent calls leave the outbox; others wait, are parked or kept aside, and are counted") {
    Fixture f;
    setOutboxPolicy(f.db, {.on = true});
    const auto a = f.finishedCall();
    const auto b = f.finishedCall();
    const auto c = f.finishedCall();
    const auto d = f.finishedCall();
    const std::vector<std::int64_t> sent{a};
    f.outbox.sent(sent);
    f.outbox.retryLater(b, f.clock.wallNow() + 10min, "the server did not answer in time");
    f.outbox.refuse(c, "ERROR: new row violates row-level security policy");
    f.outbox.quarantine(d, "the server holds another call");
    // b waits for its next try; c and d are no longer tried.
    CHECK(f.outbox.due(f.clock.wallNow(), 10).empty());
    REQUIRE(f.outbox.due(f.clock.wallNow() + 11min, 10).size() == 1);
    CHECK(f.outbox.due(f.clock.wallNow() + 11min, 10)[0].attempts == 1);
    CHECK(f.outbox.nextDue() == f.clock.wallNow() + 10min);
    const OutboxCounts counts = f.outbox.counts();
    CHECK(counts.waiting == 1);
    CHECK(counts.refused == 1);
    CHECK(counts.quarantined == 1);
    CHECK(counts.lastError == "the server holds another call");
    // Parked calls go back to waiting when asked; quarantined ones stay aside.
    CHECK(f.outbox.retryParked() == 1);
    CHECK(f.outbox.counts().waiting == 2);
    CHECK(f.outbox.counts().quarantined == 1);
}

TEST_CASE("a deleted call leaves the outbox with it") {
    Fixture f;
    setOutboxPolicy(f.db, {.on = true});
    const auto id = f.finishedCall();
    f.db.prepare("DELETE FROM calls WHERE id = ?").bind(1, id).run();
    CHECK(f.db.scalar("SELECT count(*) FROM outbox") == 0);
}
