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

TEST_CASE("a long line is shortened after a whole word, never inside a word or a character") {
    CHECK(shortenAtWord("Thanks for calling", 40) == "Thanks for calling");
    CHECK(shortenAtWord("Thank you for calling Acme, this is Sam", 30) == "Thank you for calling Acme…");
    const std::string s = shortenAtWord("Olá, você já reiniciou o roteador hoje?", 16);
    CHECK(s == "Olá, você…");
    CHECK(s.size() <= 16);
    SUBCASE("one long word is cut at a character's edge") {
        const std::string w = shortenAtWord("ééééééééééééééé", 10);
        CHECK(w.size() <= 10);
        CHECK(w == "ééé…");
    }
}
