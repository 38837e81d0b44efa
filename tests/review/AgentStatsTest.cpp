#include "review/AgentStats.h"

#include "core/Format.h"
#include "review/ReviewFixture.h"

#include <doctest/doctest.h>

using namespace cc;
using namespace std::chrono_literals;

TEST_CASE(
    "the agent's stats count answered calls, handle time, hold share, outcomes, difficult calls and breaks") {
    test::ReviewFixture f;
    const WallTime dayStart = startOfLocalDay(f.clock.wallNow());
    const int firstHour = localHour(f.clock.wallNow());
    f.call("Ana", "one", "resolved", 60s, 20s);  // handle 60 + 20 + 30 = 110 s
    f.call("Ben", "two", "resolved", 400s, 40s); // 400 + 40 + 30 = 470 s
    f.session.start(true);                       // a practice call: not counted
    f.clock.advance(30s);
    f.session.end();
    f.session.finishWrapUp();
    f.session.signalIncoming(); // rang and was never answered
    f.clock.advance(10s);
    f.session.end();
    f.session.start();
    f.session.setDifficult(true);
    f.clock.advance(100s);
    f.session.end();
    f.session.finishWrapUp(); // 100 s, no outcome
    const auto breakId = f.store.startBreak(f.clock.wallNow(), "after a difficult call");
    f.clock.advance(5min);
    f.store.endBreak(breakId, f.clock.wallNow());

    const AgentStats s = computeStats(f.db, dayStart, dayStart + 24h, f.clock.wallNow());
    CHECK(s.calls == 3);
    CHECK(s.missed == 1);
    CHECK(s.talk == 560s);
    CHECK(s.hold == 60s);
    CHECK(s.wrapUp == 60s);
    CHECK(s.averageHandle() == 680'000ms / 3);
    CHECK(s.holdShare() == doctest::Approx(60.0 / 620.0));
    REQUIRE(s.outcomes.size() == 2);
    CHECK(s.outcomes[0] == std::pair<std::string, int>{"resolved", 2});
    CHECK(s.outcomes[1] == std::pair<std::string, int>{"", 1});
    CHECK(s.difficult == 1);
    CHECK(s.breaks == 1);
    CHECK(s.breakTime == 5min);
    int perHour = 0;
    for (int n : s.callsPerHour)
        perHour += n;
    CHECK(perHour == 3);
    CHECK(s.callsPerHour.at(static_cast<std::size_t>(firstHour)) >= 1);
    // 110 s and 100 s are under 2 minutes; 470 s (7.8 minutes) is in the 6-8 bucket.
    CHECK(s.handleHistogram[0] == 2);
    CHECK(s.handleHistogram[3] == 1);

    SUBCASE("another day's range holds none of it") {
        const AgentStats none = computeStats(f.db, dayStart + 24h, dayStart + 48h, f.clock.wallNow());
        CHECK(none.calls == 0);
        CHECK(none.averageHandle() == 0s);
        CHECK(none.holdShare() == 0);
        CHECK(none.breaks == 0);
    }
    SUBCASE("a break still running counts up to now") {
        f.store.startBreak(f.clock.wallNow(), "");
        f.clock.advance(2min);
        CHECK(computeStats(f.db, dayStart, dayStart + 24h, f.clock.wallNow()).breakTime == 7min);
    }
}

TEST_CASE("a week starts on Monday at local midnight") {
    const WallTime t = fromUnixMs(1'763'900'000'000); // Sunday 2025-11-23 in most time zones
    const WallTime monday = startOfLocalWeek(t);
    CHECK(monday <= t);
    CHECK(t - monday < std::chrono::hours(24 * 7));
    CHECK(localHour(monday) == 0);
    CHECK(startOfLocalWeek(monday) == monday);
    CHECK(startOfLocalWeek(monday - 1s) < monday);
}
