#include "settings/Settings.h"

#include <doctest/doctest.h>

using namespace cc;
using namespace std::chrono_literals;

TEST_CASE("settings have sensible defaults and keep what is written") {
    MemorySettingsStorage storage;
    Settings settings(storage);
    CHECK_FALSE(settings.alwaysOnTop());
    CHECK(settings.holdCheckBackAfter() == 60s);
    CHECK(settings.agentName().empty());
    CHECK(settings.spellLanguage().empty());
    settings.setAlwaysOnTop(true);
    settings.setHoldCheckBackAfter(90s);
    settings.setAgentName("Sam");
    settings.setCompany("Example Co");
    settings.setSpellLanguage("es");
    Settings again(storage);
    CHECK(again.alwaysOnTop());
    CHECK(again.holdCheckBackAfter() == 90s);
    CHECK(again.agentName() == "Sam");
    CHECK(again.company() == "Example Co");
    CHECK(again.spellLanguage() == "es");
}

TEST_CASE("a hand-edited setting out of range or unreadable falls back safely") {
    MemorySettingsStorage storage;
    Settings settings(storage);
    storage.write("call/hold_check_back_s", "1");
    CHECK(settings.holdCheckBackAfter() == 10s);
    storage.write("call/hold_check_back_s", "soon");
    CHECK(settings.holdCheckBackAfter() == 60s);
    storage.write("knowledge/stale_days", "0");
    CHECK(settings.staleDays() == 1);
    storage.write("knowledge/stale_days", "120");
    CHECK(settings.staleDays() == 120);
    storage.write("window/always_on_top", "maybe");
    CHECK_FALSE(settings.alwaysOnTop());
}
