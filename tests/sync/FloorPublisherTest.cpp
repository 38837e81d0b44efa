#include "sync/FloorPublisher.h"

#include "session/AgentBreak.h"
#include "session/CallSession.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "support/FakeClock.h"
#include "support/RecordingServices.h"

#include <doctest/doctest.h>

using namespace cc;
using namespace std::chrono_literals;

TEST_CASE("the floor hears each state of a call once, with how long it has lasted, and a break") {
    test::FakeClock clock;
    Database db(":memory:");
    migrate(db);
    CallStore store(db);
    test::RecordingServices services;
    CallSession session(clock, store, services);
    AgentBreak agentBreak(store);
    struct Heard {
        FloorState state;
        Duration inState;
        std::optional<Duration> inCall;
        Duration hold;
    };
    std::vector<Heard> heard;
    const SteadyTime opened = clock.steadyNow();
    FloorPublisher publisher(
        [&](FloorState s, SteadyTime since, std::optional<SteadyTime> callSince, Duration hold) {
            const auto ms = [](auto d) { return std::chrono::duration_cast<Duration>(d); };
            std::optional<Duration> inCall;
            if (callSince) inCall = ms(clock.steadyNow() - *callSince);
            heard.push_back({s, ms(clock.steadyNow() - since), inCall, hold});
        },
        opened);
    auto update = [&] { publisher.update(session, agentBreak, clock.steadyNow(), clock.wallNow()); };

    clock.advance(5min);
    update();
    REQUIRE(heard.size() == 1);
    CHECK(heard[0].state == FloorState::Idle);
    CHECK(heard[0].inState == 5min); // not on a call since the companion opened
    CHECK_FALSE(heard[0].inCall);

    REQUIRE(session.start());
    clock.advance(90s);
    update();
    update(); // a tick with nothing new says nothing
    REQUIRE(heard.size() == 2);
    CHECK(heard[1].state == FloorState::Talking);
    CHECK(heard[1].inState == 90s);
    CHECK(heard[1].inCall == 90s);

    REQUIRE(session.toggleHold());
    clock.advance(40s);
    update();
    REQUIRE(heard.size() == 3);
    CHECK(heard[2].state == FloorState::OnHold);
    CHECK(heard[2].inState == 40s);
    CHECK(heard[2].inCall == 130s);
    CHECK(heard[2].hold == 40s);

    REQUIRE(session.toggleHold());
    REQUIRE(session.end());
    update();
    CHECK(heard.back().state == FloorState::WrapUp);
    CHECK(heard.back().hold == 40s);
    REQUIRE(session.finishWrapUp());
    update();
    CHECK(heard.back().state == FloorState::Idle);
    CHECK(heard.back().inState == 0s); // a new "not on a call", from now

    agentBreak.start(clock.wallNow(), "after a difficult call");
    clock.advance(1min);
    update();
    CHECK(heard.back().state == FloorState::Break);
    CHECK(heard.back().inState == 1min);
    agentBreak.end(clock.wallNow());
    update();
    CHECK(heard.back().state == FloorState::Idle);
}
