// The team server's security, against a real PostgreSQL 15: row-level security per role, no update or
// delete of a call by anyone, TLS that checks the server, and no login that bypasses the policies.
#include "TestServer.h"

using namespace cc;
using namespace std::chrono_literals;

namespace {
constexpr const char* kInsert = "INSERT INTO cc.calls (store_id, local_id, uuid, started_at, payload) "
                                "VALUES ($1, $2, gen_random_uuid(), now(), '{}')";

void addCall(const test::TestServer& server, const std::string& login, int localId) {
    PgConnection c(server.config(login));
    c.exec(kInsert, {login + "-store", std::to_string(localId)});
}

/// The SQLSTATE a statement run as `login` is refused with ("" if it was not refused).
std::string refusal(const test::TestServer& server, const std::string& login, const std::string& sql,
                    const PgParams& params = {}) {
    try {
        PgConnection c(server.config(login));
        c.exec(sql, params);
        return "";
    } catch (const PgError& e) {
        return e.sqlstate();
    }
}
} // namespace

TEST_CASE("an agent adds and reads only their own calls") {
    test::TestServer server;
    addCall(server, "alice", 1);
    addCall(server, "bob", 1);
    addCall(server, "carol", 1);
    CHECK(server.count("alice", "SELECT count(*) FROM cc.calls") == 1);
    CHECK(server.count("alice", "SELECT count(*) FROM cc.calls WHERE agent = 'bob'") == 0);
    // Writing as somebody else is refused by the policy.
    CHECK(refusal(server, "alice",
                  "INSERT INTO cc.calls (store_id, local_id, uuid, agent, started_at, payload) "
                  "VALUES ('x', 2, gen_random_uuid(), 'bob', now(), '{}')") == "42501");
    // The team is the server's to fill: a client cannot put a call on another team.
    CHECK(server.count("ccadmin", "SELECT count(*) FROM cc.calls WHERE agent = 'alice' AND team = 'north'") ==
          1);
    PgConnection c(server.config("alice"));
    c.exec("INSERT INTO cc.calls (store_id, local_id, uuid, team, started_at, payload) "
           "VALUES ('alice-store', 5, gen_random_uuid(), 'south', now(), '{}')");
    CHECK(server.count("ccadmin", "SELECT count(*) FROM cc.calls WHERE agent = 'alice' AND team = 'south'") ==
          0);
}

TEST_CASE("nobody updates or deletes a call, not even its agent or the team's lead") {
    test::TestServer server;
    addCall(server, "alice", 1);
    for (const char* login : {"alice", "rita", "lee"}) {
        CAPTURE(login);
        CHECK(refusal(server, login, "UPDATE cc.calls SET outcome = 'changed'") == "42501");
        CHECK(refusal(server, login, "DELETE FROM cc.calls") == "42501");
    }
    CHECK(server.count("ccadmin", "SELECT count(*) FROM cc.calls WHERE outcome = ''") == 1);
}

TEST_CASE("a reviewer reads their team's calls and nothing of another team") {
    test::TestServer server;
    addCall(server, "alice", 1);
    addCall(server, "bob", 1);
    addCall(server, "carol", 1);
    CHECK(server.count("rita", "SELECT count(*) FROM cc.calls") == 2);
    CHECK(server.count("lee", "SELECT count(*) FROM cc.calls") == 2);
    CHECK(server.count("sam", "SELECT count(*) FROM cc.calls") == 1);
    CHECK(server.count("sam", "SELECT count(*) FROM cc.calls WHERE agent IN ('alice', 'bob')") == 0);
    // A reviewer does not add calls.
    CHECK(refusal(server, "rita", kInsert, {"rita-store", "1"}) == "42501");
}

TEST_CASE("reviews: a reviewer writes their own on their team's calls, and the agent reads them") {
    test::TestServer server;
    addCall(server, "alice", 1);
    addCall(server, "carol", 1);
    constexpr const char* review =
        "INSERT INTO cc.reviews (store_id, local_id, scorecard_id, summary, final_percent) "
        "VALUES ($1, 1, 'standard', 'Calm and clear', 92)";
    CHECK(refusal(server, "rita", review, {"alice-store"}).empty());
    // Another team's call, or a review signed with somebody else's login: refused.
    CHECK(refusal(server, "rita", review, {"carol-store"}) == "42501");
    CHECK(refusal(server, "rita",
                  "INSERT INTO cc.reviews (store_id, local_id, reviewer, scorecard_id) "
                  "VALUES ('alice-store', 1, 'sam', 'standard')") == "42501");
    CHECK(refusal(server, "sam", review, {"alice-store"}) == "42501");
    // Agents do not review.
    CHECK(refusal(server, "alice", review, {"alice-store"}) == "42501");
    CHECK(server.count("alice", "SELECT count(*) FROM cc.reviews WHERE reviewer = 'rita'") == 1);
    CHECK(server.count("bob", "SELECT count(*) FROM cc.reviews") == 0);
    CHECK(server.count("sam", "SELECT count(*) FROM cc.reviews") == 0);
    // Rita revises her review; Lee cannot revise it.
    CHECK(refusal(server, "rita", "UPDATE cc.reviews SET summary = 'Revised'").empty());
    CHECK(server.count("lee", "SELECT count(*) FROM cc.reviews WHERE summary = 'Revised'") == 1);
    PgConnection lee(server.config("lee"));
    lee.exec("UPDATE cc.reviews SET summary = 'Overwritten'");
    CHECK(server.count("alice", "SELECT count(*) FROM cc.reviews WHERE summary = 'Revised'") == 1);
}

TEST_CASE("no login bypasses row-level security, and the tables force it on their owner") {
    test::TestServer server;
    PgConnection admin(server.config("ccadmin"));
    CHECK_NOTHROW(checkNoLoginBypassesRls(admin));
    // The superuser used for set-up cannot be made a member.
    CHECK_THROWS_AS(admin.exec("SELECT cc.add_member('ccadmin', 'north', 'owner')"), PgError);
    CHECK(server.count("ccadmin",
                       "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                       "WHERE n.nspname = 'cc' AND c.relkind = 'r' AND c.relname <> 'members' "
                       "AND c.relname <> 'schema_version' "
                       "AND NOT (c.relrowsecurity AND c.relforcerowsecurity)") == 0);
    // A login given BYPASSRLS after joining is found.
    admin.exec("ALTER ROLE lee BYPASSRLS");
    CHECK_THROWS_WITH_AS(checkNoLoginBypassesRls(admin), doctest::Contains("lee"), std::runtime_error);
    admin.exec("ALTER ROLE lee NOBYPASSRLS");
}

TEST_CASE("only TLS that checks the server: plain text and a server the CA did not sign are refused") {
    test::TestServer server;
    ServerConfig plain = server.config("alice");
    plain.sslmode = "disable";
    CHECK_THROWS_WITH_AS(PgConnection{plain}, doctest::Contains("no encryption"), PgError);
    ServerConfig stranger = server.config("alice");
    stranger.ca = (server.dir() / "other-ca.crt").string();
    CHECK_THROWS_WITH_AS(PgConnection{stranger}, doctest::Contains("certificate verify failed"), PgError);
    ServerConfig wrongName = server.config("alice");
    wrongName.host = "localhost"; // the same server, by a name its certificate does not give
    CHECK_THROWS_WITH_AS(PgConnection{wrongName}, doctest::Contains("does not match host name"), PgError);
    ServerConfig wrongPassword = server.config("alice");
    wrongPassword.password = "guess";
    CHECK_THROWS_WITH_AS(PgConnection{wrongPassword}, doctest::Contains("password authentication failed"),
                         PgError);
}

TEST_CASE("server migrate refuses a server never set up, and init twice changes nothing") {
    test::TestServer server;
    PgConnection admin(server.config("ccadmin"));
    CHECK(setUpServer(admin, true).find("already set up") != std::string::npos);
    CHECK(setUpServer(admin, false).empty());
    PgConnection empty(server.config("ccadmin", "postgres"));
    CHECK_THROWS_WITH_AS(setUpServer(empty, false), doctest::Contains("server init"), std::runtime_error);
}
