#include "session/AgentBreak.h"

#include "store/CallStore.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "support/FakeClock.h"

#include <doctest/doctest.h>

using namespace cc;
using namespace std::chrono_literals;

TEST_CASE("a break runs its clock and goes into the agent's own break log") {
    test::FakeClock clock;
    Database db(":memory:");
    migrate(db);
    CallStore store(db);
    AgentBreak pause(store);
    CHECK_FALSE(pause.on());
    CHECK(pause.length(clock.wallNow()) == 0s);

    const WallTime from = clock.wallNow();
    pause.start(from, "after a difficult call");
    CHECK(pause.on());
    clock.advance(95s);
    CHECK(pause.length(clock.wallNow()) == 95s);
    CHECK(store.breaksSince(from) == 1);
    pause.end(clock.wallNow());
    CHECK_FALSE(pause.on());
    CHECK(db.scalar("SELECT count(*) FROM breaks WHERE ended_at IS NOT NULL") == 1);

    SUBCASE("a log that cannot be written never stops the break") {
        db.exec("PRAGMA query_only = ON");
        pause.start(clock.wallNow(), "");
        CHECK(pause.on());
        clock.advance(10s);
        CHECK(pause.length(clock.wallNow()) == 10s);
        pause.end(clock.wallNow());
        CHECK_FALSE(pause.on());
    }
}
