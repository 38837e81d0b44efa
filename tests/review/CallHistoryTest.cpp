#include "review/CallHistory.h"

#include "review/ReviewFixture.h"

#include <doctest/doctest.h>

using namespace cc;
using namespace std::chrono_literals;

TEST_CASE("the history finds calls by date, outcome, flag and words in the notes, newest first") {
    test::ReviewFixture f;
    const WallTime day1 = f.clock.wallNow();
    const auto printer = f.call("Ana", "Printer offline after the update", "resolved");
    f.clock.advance(24h);
    const WallTime day2 = f.clock.wallNow();
    const auto email = f.call("Ben", "Email bounces; mailbox full", "escalated");
    f.clock.advance(1h);
    f.session.start();
    f.session.setDifficult(true);
    f.session.setNotes("Shouting about the printers in the office");
    f.session.end();
    const auto difficult = f.session.callId();
    f.session.finishWrapUp();

    CallHistory history(f.db);
    CHECK(history.find({}) == std::vector<std::int64_t>{difficult, email, printer});

    SUBCASE("by date range: from is inclusive, to is not") {
        CHECK(history.find({.from = day2}) == std::vector<std::int64_t>{difficult, email});
        CHECK(history.find({.from = day1, .to = day2}) == std::vector<std::int64_t>{printer});
    }
    SUBCASE("by outcome") {
        CHECK(history.find({.outcome = "escalated"}) == std::vector<std::int64_t>{email});
        CHECK(history.outcomesUsed() == std::vector<std::string>{"escalated", "resolved"});
    }
    SUBCASE("by flag: all the flags named must hold") {
        CHECK(history.find({.flags = FlagDifficult}) == std::vector<std::int64_t>{difficult});
        CHECK(history.find({.flags = FlagReferral}) == std::vector<std::int64_t>{email, printer});
        CHECK(history.find({.flags = FlagReferral | FlagDifficult}).empty());
        CHECK(history.find({.flags = FlagMasked}).empty());
    }
    SUBCASE("by words in the notes: stemmed, any order, the last word as a prefix") {
        CHECK(history.find({.text = "printer"}) == std::vector<std::int64_t>{difficult, printer});
        CHECK(history.find({.text = "full mailbox"}) == std::vector<std::int64_t>{email});
        CHECK(history.find({.text = "mailb"}) == std::vector<std::int64_t>{email});
        CHECK(history.find({.flags = FlagDifficult, .text = "printer"}) ==
              std::vector<std::int64_t>{difficult});
        CHECK(history.find({.text = "nothing like this"}).empty());
    }
    SUBCASE("a huge paste searches for its first words only") {
        std::string paste;
        while (paste.size() < 1'000'000)
            paste += "printer offline after the update ";
        paste += "zebra"; // past the first 16 words: not looked for
        CHECK(history.find({.text = paste}) == std::vector<std::int64_t>{printer});
    }
    SUBCASE("operators and quotes in the search box are only words") {
        CHECK_NOTHROW(history.find({.text = "\"printer OR NEAR( * -email: {title}"}));
        CHECK(history.find({.text = "email OR"}).empty());
    }
    SUBCASE("rows come back in the order asked, with the list's columns") {
        const std::vector<std::int64_t> ids{printer, 999, email};
        const auto rows = history.rows(ids);
        REQUIRE(rows.size() == 2);
        CHECK(rows[0].id == printer);
        CHECK(rows[0].callerName == "Ana");
        CHECK(rows[0].outcome == "resolved");
        CHECK(rows[0].referrals == 1);
        CHECK(rows[0].hold == 20s);
        CHECK(rows[1].id == email);
    }
}

TEST_CASE("the notes index follows the notes as autosave rewrites them") {
    test::ReviewFixture f;
    f.session.start();
    f.session.setNotes("first draft about a router");
    f.session.flush();
    const auto id = f.session.callId();
    CallHistory history(f.db);
    CHECK(history.find({.text = "router"}) == std::vector<std::int64_t>{id});
    f.session.setNotes("now about a modem");
    f.session.flush();
    CHECK(history.find({.text = "router"}).empty());
    CHECK(history.find({.text = "modem"}) == std::vector<std::int64_t>{id});
    f.db.exec("INSERT INTO notes_fts(notes_fts) VALUES ('integrity-check')"); // throws if the index drifted
}

TEST_CASE("an older store gets its notes indexed and its referrals counted when it is migrated") {
    test::TempDir dir;
    const auto path = dir.path() / "old.db";
    {
        Database db(path);
        migrate(db, schemaMigrations().first(5));
        db.exec(
            "INSERT INTO calls (id, started_at, state, finished, saved_at) VALUES (7, 0, 'idle', 1, 0);"
            "INSERT INTO note_lines VALUES (7, 0, 0, 'Password reset for the payroll portal');"
            "INSERT INTO events (call_id, at, offset_ms, kind, detail) VALUES (7, 0, 0, 'referral', 'HR');");
    }
    Database db(path);
    migrate(db);
    CallHistory history(db);
    CHECK(history.find({.text = "payroll"}) == std::vector<std::int64_t>{7});
    CHECK(history.find({.flags = FlagReferral}) == std::vector<std::int64_t>{7});
    CHECK(history.storeId().size() == 32);
}
