#include "store/CallStore.h"

#include "store/Database.h"
#include "store/Migrations.h"
#include "support/FakeClock.h"

#include <doctest/doctest.h>

using namespace cc;
using namespace std::chrono_literals;

namespace {
CallRecord sampleCall(const test::FakeClock& clock) {
    CallRecord r;
    r.startedAt = clock.wallNow();
    r.state = CallState::OnHold;
    r.segments = {{SegmentKind::Talk, clock.wallNow(), 95s, false},
                  {SegmentKind::Hold, clock.wallNow() + 95s, 20s, true}};
    r.fields = CallFields{"Ana Souza", "+1 555 0100", "CASE-1234", "printer offline", "resolved"};
    r.transfers = {Transfer{clock.wallNow() + 60s, "Tier 2", "driver issue"}};
    r.notes = {{clock.wallNow() + 5s, "Printer shows offline"},
               {std::nullopt, ""},
               {clock.wallNow() + 40s, "Restarted"}};
    r.savedAt = clock.wallNow() + 115s;
    return r;
}
} // namespace

TEST_CASE("a saved call loads back exactly as it was") {
    test::FakeClock clock;
    Database db(":memory:");
    migrate(db);
    CallStore store(db);
    CallRecord call = sampleCall(clock);
    const std::vector<TimelineEvent> events{
        {clock.wallNow(), 0ms, EventKind::Started},
        {clock.wallNow() + 95s, 95s, EventKind::Held},
        {clock.wallNow() + 96s, 96s, EventKind::Transfer, {"Tier 2", ""}}};
    call.id = store.save(call, SaveParts{}, events);
    REQUIRE(call.id > 0);

    const CallRecord back = store.load(call.id);
    CHECK(back.startedAt == call.startedAt);
    CHECK(back.state == CallState::OnHold);
    CHECK_FALSE(back.finished);
    CHECK(back.fields == call.fields);
    CHECK(back.transfers == call.transfers);
    CHECK(back.notes == call.notes);
    CHECK(back.events == events);
    REQUIRE(back.segments.size() == 2);
    CHECK(back.segments[1].length == 20s);
    CHECK(back.savedAt == call.savedAt);
    CHECK(store.unfinishedCall() == call.id);
}

TEST_CASE("saving again appends only the new events and rewrites only the parts named") {
    test::FakeClock clock;
    Database db(":memory:");
    migrate(db);
    CallStore store(db);
    CallRecord call = sampleCall(clock);
    call.id = store.save(call, SaveParts{}, {});
    const std::vector<TimelineEvent> more{{clock.wallNow() + 200s, 200s, EventKind::Resumed}};
    call.notes.push_back({clock.wallNow() + 201s, "not saved because notes were not named"});
    store.save(call, SaveParts{.notes = false}, more);
    store.save(call, SaveParts{.notes = false}, {});
    const CallRecord back = store.load(call.id);
    CHECK(back.events.size() == 1);
    CHECK(back.notes.size() == 3);
    store.save(call, SaveParts{.notes = true, .notesFrom = 3}, {});
    CHECK(store.load(call.id).notes.size() == 4);
}

TEST_CASE("rewriting notes from a line keeps the lines above it and drops lines that were deleted") {
    test::FakeClock clock;
    Database db(":memory:");
    migrate(db);
    CallStore store(db);
    CallRecord call = sampleCall(clock);
    call.id = store.save(call, SaveParts{}, {});
    call.notes[0].text = "changed in memory only";
    call.notes.resize(2);
    call.notes[1].text = "second line edited";
    store.save(call, SaveParts{.notes = true, .notesFrom = 1}, {});
    const auto back = store.load(call.id).notes;
    REQUIRE(back.size() == 2);
    CHECK(back[0].text == "Printer shows offline");
    CHECK(back[1].text == "second line edited");
}

TEST_CASE("finished calls are listed by day and are no longer unfinished") {
    test::FakeClock clock;
    Database db(":memory:");
    migrate(db);
    CallStore store(db);
    CallRecord call = sampleCall(clock);
    call.state = CallState::Idle;
    call.finished = true;
    call.finishedAt = clock.wallNow() + 300s;
    call.segments = {{SegmentKind::Talk, clock.wallNow(), 95s, false},
                     {SegmentKind::WrapUp, clock.wallNow(), 30s, false}};
    call.id = store.save(call, SaveParts{}, {});
    CHECK_FALSE(store.unfinishedCall());
    const auto list = store.callsSince(clock.wallNow() - 1h);
    REQUIRE(list.size() == 1);
    CHECK(list[0].finished);
    CHECK(list[0].talk == 95s);
    CHECK(list[0].wrapUp == 30s);
    CHECK(list[0].handleTime() == 125s);
    CHECK(list[0].callerName == "Ana Souza");
    CHECK(store.callsSince(clock.wallNow() + 1h).empty());
}

TEST_CASE("loading a call that does not exist is an error, not an empty call") {
    Database db(":memory:");
    migrate(db);
    CallStore store(db);
    CHECK_THROWS_AS(store.load(42), std::out_of_range);
}

TEST_CASE("events are stored as a kind word and facts; rows from before facts come back as they were") {
    test::FakeClock clock;
    Database db(":memory:");
    // A store made by the version before facts, with its rows, then brought up to date.
    const auto steps = schemaMigrations();
    migrate(db, steps.first(steps.size() - 1));
    db.exec("INSERT INTO calls (id, started_at, state, saved_at) VALUES (1, 0, 'finished', 0)");
    db.exec("INSERT INTO events (call_id, at, offset_ms, kind, detail) VALUES "
            "(1, 0, 0, 'prompt', 'acted on: Empathy'), "
            "(1, 0, 5, 'checkback', 'Customer on hold 2:00: check back with them')");
    migrate(db);
    CallStore store(db);
    CallRecord call = store.load(1);
    REQUIRE(call.events.size() == 2);
    CHECK(call.events[0].kind == EventKind::PromptActedOn);
    CHECK(call.events[0].facts == std::vector<std::string>{"Empathy"});
    CHECK(call.events[1].kind == EventKind::CheckBack);
    CHECK(call.events[1].legacy == "Customer on hold 2:00: check back with them");
    CHECK(call.events[1].offset == 5ms);

    const std::vector<TimelineEvent> more{{clock.wallNow(), 9s, EventKind::Masked, {"1", "0", "0"}}};
    store.save(call, SaveParts{}, more);
    auto row = db.prepare("SELECT kind, detail, facts FROM events ORDER BY id DESC LIMIT 1");
    REQUIRE(row.step());
    CHECK(row.columnText(0) == "masked");
    CHECK(row.columnText(1).empty()); // no English sentence on the disk
    CHECK(row.columnText(2) == R"(["1","0","0"])");
    CHECK(store.load(1).events.back() == more[0]);

    // Facts that cannot be read (a hand-edited row) fall back to the row's detail.
    db.exec(
        "UPDATE events SET facts = '{oops', detail = 'something' WHERE id = (SELECT max(id) FROM events)");
    CHECK(store.load(1).events.back().legacy == "something");
}
