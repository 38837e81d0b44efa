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

TEST_CASE("every setting the settings dialog edits comes back as it was written") {
    MemorySettingsStorage storage;
    Settings settings(storage);
    CHECK_FALSE(settings.startInTray());
    CHECK(settings.uiLanguage().empty());
    CHECK(settings.dataFolder().empty());
    CHECK(settings.baresipAddress().empty());
    CHECK(settings.staleDays() == 90);
    CHECK(settings.suggestReferrals()); // on until the agent turns it off
    CHECK_FALSE(settings.requireOutcome());

    settings.setAgentName("Ana María");
    settings.setCompany("Ejemplo S.A.");
    settings.setHoldCheckBackAfter(45s);
    settings.setUiLanguage("pt_BR");
    settings.setSpellLanguage("pt_BR");
    settings.setAlwaysOnTop(true);
    settings.setStartInTray(true);
    settings.setBaresipAddress("127.0.0.1:4444");
    settings.setDataFolder("/home/ana/Calls");
    settings.setStaleDays(30);
    settings.setRequireOutcome(true);

    const Settings again(storage);
    CHECK(again.agentName() == "Ana María");
    CHECK(again.company() == "Ejemplo S.A.");
    CHECK(again.holdCheckBackAfter() == 45s);
    CHECK(again.uiLanguage() == "pt_BR");
    CHECK(again.spellLanguage() == "pt_BR");
    CHECK(again.alwaysOnTop());
    CHECK(again.startInTray());
    CHECK(again.baresipAddress() == "127.0.0.1:4444");
    CHECK(again.dataFolder() == "/home/ana/Calls");
    CHECK(again.staleDays() == 30);
    CHECK(again.requireOutcome());

    SUBCASE("turning things off again is kept too") {
        settings.setStartInTray(false);
        settings.setAlwaysOnTop(false);
        settings.setUiLanguage("");
        settings.setSuggestReferrals(false);
        CHECK_FALSE(again.suggestReferrals());
        CHECK_FALSE(again.startInTray());
        CHECK_FALSE(again.alwaysOnTop());
        CHECK(again.uiLanguage().empty());
    }
}

TEST_CASE("the spell-check dictionary follows the interface language unless one is chosen") {
    MemorySettingsStorage storage;
    Settings settings(storage);
    CHECK(settings.spellLanguageFor("en_GB") == "en_GB");
    CHECK(settings.spellLanguageFor("C") == "en_US");
    CHECK(settings.spellLanguageFor("") == "en_US");
    settings.setUiLanguage("es");
    CHECK(settings.spellLanguageFor("en_GB") == "es");
    settings.setSpellLanguage("en_US");
    CHECK(settings.spellLanguageFor("en_GB") == "en_US");
}

TEST_CASE("a baresip address is host:port with a real port, or empty for off") {
    CHECK(Settings::isBaresipAddress(""));
    CHECK(Settings::isBaresipAddress("127.0.0.1:4444"));
    CHECK(Settings::isBaresipAddress("softphone.local:1"));
    CHECK_FALSE(Settings::isBaresipAddress("127.0.0.1"));
    CHECK_FALSE(Settings::isBaresipAddress(":4444"));
    CHECK_FALSE(Settings::isBaresipAddress("host:"));
    CHECK_FALSE(Settings::isBaresipAddress("host:0"));
    CHECK_FALSE(Settings::isBaresipAddress("host:65536"));
    CHECK_FALSE(Settings::isBaresipAddress("host:44a"));
}
