// The floor, against a real PostgreSQL 15: companions publish their state, latest only; a lead reads
// their team's, live through LISTEN/NOTIFY; a silent companion turns unknown; other teams see nothing.
#include "sync/Floor.h"

#include "TestServer.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "support/TempDir.h"
#include "sync/SyncWorker.h"

#include <condition_variable>
#include <mutex>

using namespace cc;
using namespace std::chrono_literals;

namespace {
const FloorRow* rowOf(const FloorView& view, const std::string& agent) {
    for (const auto& r : view.agents)
        if (r.agent == agent) return &r;
    return nullptr;
}
} // namespace

TEST_CASE("a companion's state reaches its team's lead, dated by the server's clock, and no other team's") {
    test::TestServer server;
    PgConnection(server.config("ccadmin")).exec("SELECT cc.add_member('sam', 'south', 'lead')");
    {
        PgConnection alice(server.config("alice"));
        publishState(alice, {FloorState::Talking, 2min, 2min, 0ms});
        publishState(alice, {FloorState::OnHold, 5s, 2min + 5s, 5s}); // the latest replaces the first
        PgConnection carol(server.config("carol"));
        publishState(carol, {FloorState::WrapUp, 30s, 4min, 0ms});
    }
    PgConnection lee(server.config("lee"));
    CHECK(watchesFloor(lee));
    const FloorView view = readFloor(lee, std::chrono::system_clock::now());
    REQUIRE(view.agents.size() == 1);
    const FloorRow* alice = rowOf(view, "alice");
    REQUIRE(alice);
    CHECK(alice->state == FloorState::OnHold);
    CHECK(alice->inState >= 5s);
    CHECK(alice->inState < 65s);
    REQUIRE(alice->inCall);
    CHECK(*alice->inCall >= 2min + 5s);
    CHECK(alice->hold == 5s);
    // The south team's lead sees carol only; an agent and a reviewer do not watch the floor.
    PgConnection sam(server.config("sam"));
    const FloorView south = readFloor(sam, std::chrono::system_clock::now());
    REQUIRE(south.agents.size() == 1);
    CHECK(south.agents[0].agent == "carol");
    PgConnection bob(server.config("bob"));
    CHECK_FALSE(watchesFloor(bob));
    CHECK_THROWS_AS(readFloor(bob, std::chrono::system_clock::now()), PgError);
    CHECK(bob.exec("SELECT count(*) FROM cc.agent_state").text(0, 0) == "0"); // not even alice's row
    PgConnection rita(server.config("rita"));
    CHECK_FALSE(watchesFloor(rita));
    CHECK_THROWS_AS(readFloor(rita, std::chrono::system_clock::now()), PgError);
    // Nobody publishes for somebody else: the row is not theirs to see, so nothing changes.
    bob.exec("UPDATE cc.agent_state SET state = 'break' WHERE agent = 'alice'");
    CHECK(rowOf(readFloor(lee, std::chrono::system_clock::now()), "alice")->state == FloorState::OnHold);
}

TEST_CASE("a companion that stops saying anything shows as unknown, not as not on a call") {
    test::TestServer server;
    {
        PgConnection alice(server.config("alice"));
        publishState(alice, {FloorState::Idle, 10s, std::nullopt, 0ms});
    }
    PgConnection lee(server.config("lee"));
    CHECK(readFloor(lee, std::chrono::system_clock::now()).agents.at(0).state == FloorState::Idle);
    std::this_thread::sleep_for(1200ms);
    const FloorView later = readFloor(lee, std::chrono::system_clock::now(), 1s);
    CHECK(later.agents.at(0).state == FloorState::Unknown);
    CHECK_FALSE(later.agents.at(0).inCall);
}

TEST_CASE("a lead's watcher sees a call start, go on hold and end, through LISTEN/NOTIFY") {
    test::TestServer server;
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<FloorState> seen;
    FloorWatcher watcher(
        server.config("lee"),
        [&](const FloorView& view) {
            std::lock_guard lock(mutex);
            if (const FloorRow* r = rowOf(view, "alice"); r && (seen.empty() || seen.back() != r->state))
                seen.push_back(r->state);
            changed.notify_all();
        },
        [](const std::string&) {});
    auto waitFor = [&](FloorState s) {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, 30s, [&] { return !seen.empty() && seen.back() == s; });
    };
    PgConnection alice(server.config("alice"));
    publishState(alice, {FloorState::Talking, 0ms, 0ms, 0ms});
    CHECK(waitFor(FloorState::Talking));
    publishState(alice, {FloorState::OnHold, 0ms, 20s, 0ms});
    CHECK(waitFor(FloorState::OnHold));
    publishState(alice, {FloorState::WrapUp, 0ms, 60s, 20s});
    CHECK(waitFor(FloorState::WrapUp));
    publishState(alice, {FloorState::Idle, 0ms, std::nullopt, 0ms});
    CHECK(waitFor(FloorState::Idle));
}

TEST_CASE("the sync thread publishes the agent's state; a reviewer's PC publishes nothing and goes on") {
    test::TestServer server;
    test::TempDir dir;
    const auto path = dir.path() / "companion.db";
    {
        Database db(path);
        migrate(db);
    }
    {
        SyncWorker worker(path, {}, server.config("alice"), [](const SyncState&) {});
        worker.setAgentState(FloorState::Talking, std::chrono::steady_clock::now() - 40s,
                             std::chrono::steady_clock::now() - 40s, 0ms);
        PgConnection lee(server.config("lee"));
        FloorState state = FloorState::Unknown;
        for (int i = 0; i < 100 && state != FloorState::Talking; ++i) {
            std::this_thread::sleep_for(100ms);
            const FloorView v = readFloor(lee, std::chrono::system_clock::now());
            if (!v.agents.empty()) state = v.agents[0].state;
        }
        CHECK(state == FloorState::Talking);
        CHECK(readFloor(lee, std::chrono::system_clock::now()).agents.at(0).inState >= 40s);
    }
    std::vector<SyncState> states;
    std::mutex mutex;
    {
        SyncWorker worker(path, {}, server.config("rita"), [&](const SyncState& s) {
            std::lock_guard lock(mutex);
            states.push_back(s);
        });
        worker.setAgentState(FloorState::Idle, std::chrono::steady_clock::now(), std::nullopt, 0ms);
        std::this_thread::sleep_for(1500ms);
    }
    std::lock_guard lock(mutex);
    REQUIRE_FALSE(states.empty());
    CHECK(states.back().kind != SyncState::Kind::Offline); // refused for good: it stops, quietly
}
