#include "call/CallTimer.h"

#include "support/FakeClock.h"

#include <doctest/doctest.h>

using namespace cc;
using namespace std::chrono_literals;

TEST_CASE("a new timer is idle and has measured nothing") {
    test::FakeClock clock;
    CallTimer timer(clock);
    CHECK(timer.state() == CallState::Idle);
    CHECK_FALSE(timer.inCall());
    CHECK(timer.handleTime() == 0ms);
    CHECK_FALSE(timer.startedAt());
}

TEST_CASE("a call put on hold twice reports both hold segments") {
    test::FakeClock clock;
    CallTimer timer(clock);
    REQUIRE(timer.start() == Transition::Started);
    clock.advance(30s);
    REQUIRE(timer.hold() == Transition::Held);
    clock.advance(20s);
    CHECK(timer.currentHold() == 20s);

    SUBCASE("resuming closes the segment") {
        REQUIRE(timer.resume() == Transition::Resumed);
        CHECK(timer.currentHold() == 0ms);
        CHECK(timer.totalHold() == 20s);
        clock.advance(10s);
        REQUIRE(timer.hold());
        clock.advance(45s);
        REQUIRE(timer.resume());
        CHECK(timer.holdSegments() == std::vector<Duration>{20s, 45s});
        CHECK(timer.totalHold() == 65s);
        CHECK(timer.talkTime() == 40s);
    }
    SUBCASE("ending while on hold closes the hold and starts wrap-up") {
        REQUIRE(timer.end() == Transition::Ended);
        CHECK(timer.state() == CallState::WrapUp);
        CHECK(timer.totalHold() == 20s);
        clock.advance(15s);
        CHECK(timer.wrapUpTime() == 15s);
        CHECK(timer.handleTime() == 30s + 20s + 15s);
    }
}

TEST_CASE("an incoming call rings, is answered, and ringing is not handle time") {
    test::FakeClock clock;
    CallTimer timer(clock);
    REQUIRE(timer.signalIncoming() == Transition::Incoming);
    CHECK(timer.state() == CallState::Ringing);
    clock.advance(8s);
    REQUIRE(timer.start() == Transition::Answered);
    clock.advance(60s);
    REQUIRE(timer.end());
    clock.advance(30s);
    REQUIRE(timer.finish() == Transition::Finished);
    CHECK(timer.state() == CallState::Idle);
    CHECK(timer.ringTime() == 8s);
    CHECK(timer.talkTime() == 60s);
    CHECK(timer.wrapUpTime() == 30s);
    CHECK(timer.handleTime() == 90s);
}

TEST_CASE("a ringing call that ends unanswered is a missed call") {
    test::FakeClock clock;
    CallTimer timer(clock);
    timer.signalIncoming();
    clock.advance(12s);
    CHECK(timer.end() == Transition::Missed);
    CHECK(timer.state() == CallState::Idle);
    CHECK(timer.ringTime() == 12s);
    CHECK(timer.handleTime() == 0ms);
}

TEST_CASE("actions that do not fit the state are refused and change nothing") {
    test::FakeClock clock;
    CallTimer timer(clock);
    CHECK_FALSE(timer.hold());
    CHECK_FALSE(timer.resume());
    CHECK_FALSE(timer.end());
    CHECK_FALSE(timer.finish());
    timer.start();
    CHECK_FALSE(timer.start());
    CHECK_FALSE(timer.resume());
    CHECK_FALSE(timer.finish());
    CHECK_FALSE(timer.signalIncoming());
    timer.end();
    CHECK_FALSE(timer.hold());
    CHECK_FALSE(timer.end());
    CHECK(timer.state() == CallState::WrapUp);
}

TEST_CASE("a wall-clock jump does not change any duration") {
    test::FakeClock clock;
    CallTimer timer(clock);
    timer.start();
    clock.advance(40s);
    clock.jumpWall(-2h);
    clock.advance(20s);
    timer.hold();
    clock.jumpWall(+5h);
    clock.advance(10s);
    CHECK(timer.talkTime() == 60s);
    CHECK(timer.currentHold() == 10s);
    CHECK(timer.sinceStart() == 70s);
}

TEST_CASE("each segment keeps the wall-clock time it began") {
    test::FakeClock clock;
    CallTimer timer(clock);
    const WallTime t0 = clock.wallNow();
    timer.start();
    clock.advance(30s);
    timer.hold();
    const auto segments = timer.segments();
    REQUIRE(segments.size() == 2);
    CHECK(segments[0].kind == SegmentKind::Talk);
    CHECK(segments[0].wallStart == t0);
    CHECK(segments[0].length == 30s);
    CHECK_FALSE(segments[0].open);
    CHECK(segments[1].kind == SegmentKind::Hold);
    CHECK(segments[1].wallStart == t0 + 30s);
    CHECK(segments[1].open);
    CHECK(timer.startedAt() == t0);
}

TEST_CASE("a restored timer carries on from the saved segments") {
    test::FakeClock clock;
    std::vector<Segment> saved{{SegmentKind::Talk, clock.wallNow(), 90s, false},
                               {SegmentKind::Hold, clock.wallNow() + 90s, 25s, true}};
    CallTimer timer = CallTimer::restore(clock, CallState::OnHold, saved);
    CHECK(timer.state() == CallState::OnHold);
    CHECK(timer.talkTime() == 90s);
    CHECK(timer.currentHold() == 25s);
    clock.advance(5s);
    CHECK(timer.currentHold() == 30s);
    CHECK(timer.sinceStart() == 120s);
    REQUIRE(timer.resume());
    clock.advance(10s);
    CHECK(timer.talkTime() == 100s);
    CHECK(timer.holdSegments() == std::vector<Duration>{30s});
}

TEST_CASE("state names survive a round trip through their stored form") {
    for (auto s :
         {CallState::Idle, CallState::Ringing, CallState::Talking, CallState::OnHold, CallState::WrapUp})
        CHECK(callStateFromString(nameOf(s)) == s);
    for (auto k : {SegmentKind::Ringing, SegmentKind::Talk, SegmentKind::Hold, SegmentKind::WrapUp})
        CHECK(segmentKindFromString(nameOf(k)) == k);
    CHECK_FALSE(callStateFromString("bogus"));
}
