#include "call/HoldCheckBack.h"

#include <doctest/doctest.h>

using namespace cc;
using namespace std::chrono_literals;

TEST_CASE("a hold check-back nudges at one minute and then every minute, once each") {
    HoldCheckBack nudger;
    CHECK_FALSE(nudger.poll(59s));
    CHECK(nudger.poll(60s) == Duration{60s});
    CHECK_FALSE(nudger.poll(61s));
    CHECK_FALSE(nudger.poll(119s));
    CHECK(nudger.poll(120s) == Duration{120s});
    CHECK(nudger.lastNudge() == Duration{120s});
}

TEST_CASE("a late poll nudges once for the latest threshold, not for each one missed") {
    HoldCheckBack nudger;
    CHECK(nudger.poll(200s) == Duration{180s});
    CHECK_FALSE(nudger.poll(201s));
}

TEST_CASE("a new hold segment starts the count again") {
    HoldCheckBack nudger(30s, 45s);
    CHECK(nudger.poll(31s) == Duration{30s});
    nudger.reset();
    CHECK_FALSE(nudger.lastNudge());
    CHECK_FALSE(nudger.poll(29s));
    CHECK(nudger.poll(30s) == Duration{30s});
    CHECK(nudger.poll(75s) == Duration{75s});
}
