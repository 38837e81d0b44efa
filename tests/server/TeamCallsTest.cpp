// A reviewer reads the team's calls from the server: found by agent, by the words of the notes and by
// "not yet reviewed", and opened in the history and review windows as an archive of the agent's store.
#include "sync/TeamCalls.h"

#include "AgentPc.h"
#include "review/AgentStats.h"
#include "review/CallArchive.h"
#include "review/CallHistory.h"
#include "review/ReviewStore.h"
#include "session/CallSession.h"
#include "store/CallStore.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "store/Outbox.h"
#include "support/FakeClock.h"
#include "support/RecordingServices.h"
#include "support/TempDir.h"
#include "sync/CallSync.h"
#include "sync/ReviewSync.h"

using namespace cc;
using namespace std::chrono_literals;
using test::AgentPc;

TEST_CASE("a reviewer finds the team's calls by agent, by the caller's words and by 'not yet reviewed'") {
    test::TestServer server;
    AgentPc alice, bob, carol;
    alice.finishCall("Ana", "Payroll portal rejects the new password");
    alice.finishCall("Ben", "Printer jams on the third floor");
    bob.finishCall("Cid", "Cannot see last month's payslips in payroll");
    carol.finishCall("Dee", "Payroll question from the south office");
    alice.sync(server, "alice");
    bob.sync(server, "bob");
    carol.sync(server, "carol");

    PgConnection rita(server.config("rita"));
    CHECK(teamAgents(rita) == std::vector<std::string>{"alice", "bob"});
    CHECK(findTeamCalls(rita, {}).size() == 3);
    CHECK(findTeamCalls(rita, {.agent = "alice"}).size() == 2);
    // PostgreSQL's full-text search over the team's notes; carol's call is another team's.
    const auto payroll = findTeamCalls(rita, {.words = "payroll"});
    REQUIRE(payroll.size() == 2);
    CHECK(payroll[0].agent != payroll[1].agent);
    CHECK(findTeamCalls(rita, {.words = "jams printer"}).at(0).callerName == "Ben");
    // Reviewed by rita: no longer "not yet reviewed".
    const TeamCall ben = findTeamCalls(rita, {.words = "printer"}).at(0);
    rita.exec("INSERT INTO cc.reviews (store_id, local_id, scorecard_id) VALUES ($1, $2, 'standard')",
              {ben.storeId, std::to_string(ben.localId)});
    CHECK(findTeamCalls(rita, {.notReviewed = true}).size() == 2);
    CHECK(findTeamCalls(rita, {.words = "printer"}).at(0).reviews == 1);
    // An agent sees only their own.
    PgConnection asBob(server.config("bob"));
    CHECK(findTeamCalls(asBob, {}).size() == 1);
    CHECK(teamAgents(asBob) == std::vector<std::string>{"bob"});
}

TEST_CASE("a call read back from the server opens as the agent's own: same timeline, notes and keys") {
    test::TestServer server;
    AgentPc alice;
    const auto id =
        alice.finishCall("Ana", "Payroll portal rejects the new password\nReset it, asked to call back");
    alice.sync(server, "alice");

    PgConnection rita(server.config("rita"));
    const TeamCall found = findTeamCalls(rita, {}).at(0);
    CHECK(found.localId == id);
    CHECK(found.storeId == alice.storeId());
    test::TempDir dir;
    const auto file = dir.path() / "alice.ccarchive";
    const std::vector<std::int64_t> ids{found.localId};
    writeTeamArchive(rita, found.storeId, ids, file);
    CHECK((std::filesystem::status(file).permissions() & std::filesystem::perms::others_read) ==
          std::filesystem::perms::none);

    OpenedArchive archive = openArchive(file);
    CHECK(archive.info.agent == "alice");
    CHECK(archive.info.storeId == alice.storeId());
    CallStore read(*archive.db);
    const CallRecord there = read.load(id);
    const CallRecord here = alice.store.load(id);
    CHECK(there.uuid == here.uuid);
    CHECK(there.notes == here.notes);
    CHECK(there.segments.size() == here.segments.size());
    CHECK(there.fields == here.fields);
    CHECK(there.startedAt == here.startedAt);
    REQUIRE(there.events.size() == here.events.size());
    for (std::size_t i = 0; i < here.events.size(); ++i) {
        CHECK(there.events[i].kind == here.events[i].kind);
        CHECK(there.events[i].facts == here.events[i].facts);
        CHECK(there.events[i].offset == here.events[i].offset);
    }
    // The history lists it as the agent's history does.
    CallHistory history(*archive.db);
    CHECK(history.storeId() == alice.storeId());
    CHECK(history.find(HistoryFilter{}).size() == 1);
    CHECK(history.find(HistoryFilter{.text = "payroll"}).size() == 1);
}

TEST_CASE(
    "a review saved on a team call reaches the server under the reviewer's login, and the agent sees it") {
    test::TestServer server;
    AgentPc alice;
    const auto id = alice.finishCall("Ana", "Payroll portal rejects the new password");
    alice.sync(server, "alice");
    const std::string storeId = alice.storeId();

    // Rita reviews it on her PC: her reviews file queues the review for the server.
    Database ritaDb(":memory:");
    ReviewStore rita(ritaDb);
    ScoreSheet sheet;
    sheet.reviewer = "rita";
    sheet.scorecardId = "standard";
    sheet.scores = {{"greeting", 2}, {"resolution", 3}};
    sheet.notApplicable = {{"hold-etiquette", true}};
    sheet.summary = "Calm, clear, and the referral was right";
    sheet.comments = {{95s, "Good recap here"}};
    ScoreResult result;
    result.percent = 88.5;
    result.finalPercent = 88.5;
    result.passed = true;
    rita.save(storeId, id, sheet, result, std::chrono::system_clock::now(), true);
    CHECK(rita.sharesWaiting() == 1);
    std::mt19937 rng(3);
    {
        PgConnection link(server.config("rita"));
        const ReviewSyncReport sent = sendDueReviews(rita, link, std::chrono::system_clock::now(), rng);
        CHECK(sent.sent == 1);
    }
    CHECK(rita.sharesWaiting() == 0);
    CHECK(server.count("lee", "SELECT count(*) FROM cc.reviews WHERE reviewer = 'rita' AND passed AND "
                              "sheet->>'summary' = 'Calm, clear, and the referral was right'") == 1);

    // Sam, of another team, cannot put a review on it: his is parked, and nothing reaches the server.
    Database samDb(":memory:");
    ReviewStore sam(samDb);
    sheet.reviewer = "sam";
    sam.save(storeId, id, sheet, result, std::chrono::system_clock::now(), true);
    {
        PgConnection link(server.config("sam"));
        CHECK(sendDueReviews(sam, link, std::chrono::system_clock::now(), rng).refused == 1);
    }
    CHECK(server.count("ccadmin", "SELECT count(*) FROM cc.reviews WHERE reviewer = 'sam'") == 0);

    // Alice's PC reads the reviews of her calls into her own reviews file: her history shows them.
    Database aliceReviewsDb(":memory:");
    ReviewStore aliceReviews(aliceReviewsDb);
    {
        PgConnection link(server.config("alice"));
        CHECK(fetchReviews(aliceReviews, link).received == 1);
    }
    const auto seen = aliceReviews.load(storeId, id, "rita");
    REQUIRE(seen);
    sheet.reviewer = "rita";
    CHECK(*seen == sheet);
    REQUIRE(aliceReviews.reviewsOf(storeId, id).size() == 1);
    CHECK(aliceReviews.reviewsOf(storeId, id)[0].passed);
    // Bob, on the same team, sees no review of a call not his.
    Database bobReviewsDb(":memory:");
    ReviewStore bobReviews(bobReviewsDb);
    PgConnection link(server.config("bob"));
    CHECK(fetchReviews(bobReviews, link).received == 0);
}

TEST_CASE("the owner sees every team and filters by team; a reviewer sees their own team only") {
    test::TestServer server;
    PgConnection(server.config("ccadmin")).exec("SELECT cc.add_member('lee', 'north', 'owner')");
    AgentPc alice, carol;
    alice.finishCall("Ana", "Payroll portal");
    carol.finishCall("Dee", "Payroll question");
    alice.sync(server, "alice");
    carol.sync(server, "carol");
    PgConnection owner(server.config("lee"));
    CHECK(visibleTeams(owner) == std::vector<std::string>{"north", "south"});
    CHECK(findTeamCalls(owner, {}).size() == 2);
    const auto south = findTeamCalls(owner, {.team = "south"});
    REQUIRE(south.size() == 1);
    CHECK(south[0].agent == "carol");
    CHECK(south[0].team == "south");
    PgConnection rita(server.config("rita"));
    CHECK(visibleTeams(rita) == std::vector<std::string>{"north"});
    CHECK(findTeamCalls(rita, {.team = "south"}).empty());
}

TEST_CASE("an agent's stats come from every PC they sync from, without their breaks") {
    test::TestServer server;
    AgentPc desk, laptop; // two PCs, two stores, one login
    const auto since = desk.clock.wallNow();
    desk.finishCall("Ana", "At the desk");
    laptop.finishCall("Ben", "From home");
    desk.store.startBreak(desk.clock.wallNow(), "after a difficult call");
    desk.sync(server, "alice");
    laptop.sync(server, "alice");
    PgConnection rita(server.config("rita"));
    test::TempDir dir;
    const auto file = dir.path() / "alice-stats.ccarchive";
    writeAgentArchive(rita, "alice", since, file);
    OpenedArchive archive = openArchive(file);
    const AgentStats stats = computeStats(*archive.db, since, since + 24h, since + 24h);
    CHECK(stats.calls == 2);
    CHECK(stats.breaks == 0);
    CHECK(stats.talk == 4min); // 2 min each
}
