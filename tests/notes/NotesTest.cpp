#include "notes/Notes.h"

#include "support/FakeClock.h"

#include <doctest/doctest.h>

using namespace cc;
using namespace std::chrono_literals;

TEST_CASE("each line is stamped when it first gets text, and keeps that stamp while edited") {
    test::FakeClock clock;
    Notes notes;
    const WallTime t0 = clock.wallNow();
    REQUIRE(notes.update("Printer", t0));
    clock.advance(5s);
    notes.update("Printer offline", clock.wallNow());
    REQUIRE(notes.lines().size() == 1);
    CHECK(notes.lines()[0].at == t0);

    clock.advance(30s);
    notes.update("Printer offline\n", clock.wallNow());
    REQUIRE(notes.lines().size() == 2);
    CHECK_FALSE(notes.lines()[1].at); // an empty line has no time yet
    const WallTime t1 = clock.wallNow() + 2s;
    notes.update("Printer offline\nRestarted spooler", t1);
    CHECK(notes.lines()[1].at == t1);
    CHECK(notes.lines()[0].at == t0);
    CHECK(notes.text() == "Printer offline\nRestarted spooler");
}

TEST_CASE("a line inserted above others gets its own stamp and the others keep theirs") {
    Notes notes;
    const WallTime a = test::FakeClock().wallNow();
    notes.update("first\nthird", a);
    const auto change = notes.update("first\nsecond\nthird", a + 60s);
    REQUIRE(change);
    CHECK(change->first == 1);
    CHECK(change->count == 1);
    CHECK(change->lineCountChanged);
    CHECK(notes.lines()[0].at == a);
    CHECK(notes.lines()[1].at == a + 60s);
    CHECK(notes.lines()[2].at == a);
}

TEST_CASE("the same text again is no change") {
    Notes notes;
    const WallTime a = test::FakeClock().wallNow();
    notes.update("one\ntwo", a);
    CHECK_FALSE(notes.update("one\ntwo", a + 1s));
    CHECK_FALSE(Notes().update("", a));
}

TEST_CASE("deleting lines keeps the stamps of those that remain") {
    Notes notes;
    const WallTime a = test::FakeClock().wallNow();
    notes.update("a", a);
    notes.update("a\nb", a + 1s);
    notes.update("a\nb\nc", a + 2s);
    notes.update("a\nc", a + 3s);
    REQUIRE(notes.lines().size() == 2);
    CHECK(notes.lines()[0].at == a);
    CHECK(notes.lines()[1].at == a + 2s);
}

TEST_CASE("Windows line endings are read as plain lines") {
    Notes notes;
    notes.update("one\r\ntwo", test::FakeClock().wallNow());
    CHECK(notes.lines()[0].text == "one");
    CHECK(notes.lines()[1].text == "two");
}

TEST_CASE("notes of only blank lines count as empty") {
    Notes notes;
    const WallTime a = test::FakeClock().wallNow();
    notes.update("\n  \n", a);
    CHECK(notes.empty());
    notes.update("\n  \nx", a);
    CHECK_FALSE(notes.empty());
}
