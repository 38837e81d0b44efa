#include "store/Migrations.h"

#include "store/Database.h"

#include <array>
#include <doctest/doctest.h>

using namespace cc;

TEST_CASE("an empty database is migrated to the newest schema") {
    Database db(":memory:");
    CHECK(db.scalar("PRAGMA user_version") == 0);
    migrate(db);
    CHECK(db.scalar("PRAGMA user_version") == static_cast<std::int64_t>(schemaMigrations().size()));
    for (const char* table : {"calls", "segments", "note_lines", "events", "transfers"}) {
        auto st = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?");
        st.bind(1, table);
        REQUIRE(st.step());
        CHECK_MESSAGE(st.columnInt(0) == 1, table);
    }
}

TEST_CASE("migrating twice changes nothing the second time") {
    Database db(":memory:");
    migrate(db);
    db.exec("INSERT INTO calls (started_at, state, saved_at) VALUES (1, 'idle', 1)");
    migrate(db);
    CHECK(db.scalar("SELECT count(*) FROM calls") == 1);
}

TEST_CASE("a failing migration step leaves the database at the version before it") {
    Database db(":memory:");
    const std::array steps{
        Migration{"one", "CREATE TABLE a (x INTEGER);"},
        Migration{"two", "CREATE TABLE b (y INTEGER); INSERT INTO nowhere VALUES (1);"},
    };
    CHECK_THROWS_AS(migrate(db, steps), DbError);
    CHECK(db.scalar("PRAGMA user_version") == 1);
    CHECK(db.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'a'") == 1);
    CHECK(db.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'b'") == 0);
}

TEST_CASE("a database from a newer Call Companion is refused, not downgraded") {
    Database db(":memory:");
    db.exec("PRAGMA user_version = 999");
    CHECK_THROWS_WITH_AS(migrate(db), doctest::Contains("newer"), std::runtime_error);
    CHECK(db.scalar("PRAGMA user_version") == 999);
}
