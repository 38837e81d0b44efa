#include "settings/Settings.h"

#include <doctest/doctest.h>

using namespace cc;
using namespace std::chrono_literals;

TEST_CASE("settings have sensible defaults and keep what is written") {
    MemorySettingsStorage storage;
    Settings settings(storage);
    CHECK_FALSE(settings.alwaysOnTop());
    CHECK(settings.holdCheckBackAfter() == 60s);
    settings.setAlwaysOnTop(true);
    settings.setHoldCheckBackAfter(90s);
    Settings again(storage);
    CHECK(again.alwaysOnTop());
    CHECK(again.holdCheckBackAfter() == 90s);
}

TEST_CASE("a hand-edited setting out of range or unreadable falls back safely") {
    MemorySettingsStorage storage;
    Settings settings(storage);
    storage.write("call/hold_check_back_s", "1");
    CHECK(settings.holdCheckBackAfter() == 10s);
    storage.write("call/hold_check_back_s", "soon");
    CHECK(settings.holdCheckBackAfter() == 60s);
    storage.write("window/always_on_top", "maybe");
    CHECK_FALSE(settings.alwaysOnTop());
}
