#include "core/Format.h"

#include <doctest/doctest.h>

using namespace cc;
using namespace std::chrono_literals;

TEST_CASE("durations read as minutes and seconds, with hours only when needed") {
    CHECK(formatDuration(0ms) == "0:00");
    CHECK(formatDuration(59s + 999ms) == "0:59");
    CHECK(formatDuration(60s) == "1:00");
    CHECK(formatDuration(3599s) == "59:59");
    CHECK(formatDuration(3723s) == "1:02:03");
    CHECK(formatDuration(-5s) == "0:00");
}
