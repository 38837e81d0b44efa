#include "notes/AutosavePolicy.h"

#include "support/FakeClock.h"

#include <doctest/doctest.h>

using namespace cc;
using namespace std::chrono_literals;

TEST_CASE("a single keystroke is saved after a short quiet spell") {
    test::FakeClock clock;
    AutosavePolicy policy(300ms, 900ms);
    CHECK_FALSE(policy.dirty());
    policy.changed(clock.steadyNow());
    CHECK_FALSE(policy.due(clock.steadyNow()));
    clock.advance(299ms);
    CHECK_FALSE(policy.due(clock.steadyNow()));
    clock.advance(1ms);
    CHECK(policy.due(clock.steadyNow()));
    policy.saved();
    CHECK_FALSE(policy.dirty());
    CHECK_FALSE(policy.dueAt());
}

TEST_CASE("steady typing is still saved within a second of its first keystroke") {
    test::FakeClock clock;
    AutosavePolicy policy; // the defaults the app uses
    const SteadyTime first = clock.steadyNow();
    bool saved = false;
    for (int i = 0; i < 50 && !saved; ++i) {
        policy.changed(clock.steadyNow());
        clock.advance(100ms); // a fast typist: a key every 100 ms, never quiet
        if (policy.due(clock.steadyNow())) {
            saved = true;
            CHECK(clock.steadyNow() - first <= 1s);
        }
    }
    CHECK(saved);
}

TEST_CASE("every change reaches the disk within one second of the keystroke that made it") {
    test::FakeClock clock;
    AutosavePolicy policy;
    for (int gap : {50, 150, 250, 290, 400, 1200}) {
        policy.changed(clock.steadyNow());
        const SteadyTime keystroke = clock.steadyNow();
        REQUIRE(policy.dueAt());
        CHECK(*policy.dueAt() - keystroke <= 1s);
        clock.advance(std::chrono::milliseconds{gap});
        if (policy.due(clock.steadyNow())) policy.saved();
    }
}
