#include "review/ReviewStore.h"

#include "store/Database.h"
#include "support/FakeClock.h"

#include <doctest/doctest.h>

using namespace cc;
using namespace std::chrono_literals;

TEST_CASE(
    "a reviewer's scores, critical fails and pinned comments are saved apart and load back as they were") {
    test::FakeClock clock;
    Database db(":memory:");
    ReviewStore reviews(db);
    ScoreSheet sheet;
    sheet.reviewer = "Dana (QA)";
    sheet.scorecardId = "standard";
    sheet.scores = {{"greeting", 4}, {"empathy", 5}};
    sheet.notApplicable = {{"hold", true}};
    sheet.criticalFailed = {{"card-data", true}};
    sheet.summary = "Warm call, but the card number was read back.";
    sheet.comments = {{35s, "Card number read back here"}, {2s, "Good greeting"}};
    ScoreResult result;
    result.percent = 90;
    result.finalPercent = 0;
    reviews.save("store-a", 12, sheet, result, clock.wallNow());

    const auto back = reviews.load("store-a", 12, "Dana (QA)");
    REQUIRE(back);
    CHECK(*back == sheet);
    CHECK_FALSE(reviews.load("store-b", 12, "Dana (QA)"));
    CHECK_FALSE(reviews.load("store-a", 13, "Dana (QA)"));

    SUBCASE("saving again replaces the reviewer's review, not adds one") {
        sheet.criticalFailed.clear();
        sheet.comments.pop_back();
        result.finalPercent = 90;
        result.passed = true;
        clock.advance(1h);
        reviews.save("store-a", 12, sheet, result, clock.wallNow());
        CHECK(*reviews.load("store-a", 12, "Dana (QA)") == sheet);
        const auto list = reviews.reviewsOf("store-a", 12);
        REQUIRE(list.size() == 1);
        CHECK(list[0].passed);
        CHECK(list[0].finalPercent == doctest::Approx(90));
    }
    SUBCASE("another reviewer's review of the same call stands beside it") {
        sheet.reviewer = "Eli";
        reviews.save("store-a", 12, sheet, result, clock.wallNow() + 1s);
        const auto list = reviews.reviewsOf("store-a", 12);
        REQUIRE(list.size() == 2);
        CHECK(list[0].reviewer == "Eli");
    }
}

TEST_CASE(
    "joining a team server, reviews saved under the typed name become the login's and wait to be sent") {
    test::FakeClock clock;
    Database db(":memory:");
    ReviewStore reviews(db);
    ScoreSheet sheet;
    sheet.scorecardId = "standard";
    sheet.summary = "typed-name review";
    sheet.reviewer = "Dana (QA)";
    reviews.save("store-a", 1, sheet, {}, clock.wallNow());
    reviews.save("store-a", 2, sheet, {}, clock.wallNow());
    sheet.reviewer = "Someone else";
    reviews.save("store-a", 3, sheet, {}, clock.wallNow());
    // A review the login already has of call 2 is kept; the typed one beside it stays as it was.
    sheet.reviewer = "dana";
    sheet.summary = "login review";
    reviews.save("store-a", 2, sheet, {}, clock.wallNow());

    CHECK(reviews.adoptReviewer("Dana (QA)", "dana") == 1);
    REQUIRE(reviews.load("store-a", 1, "dana"));
    CHECK(reviews.load("store-a", 1, "dana")->summary == "typed-name review");
    CHECK_FALSE(reviews.load("store-a", 1, "Dana (QA)"));
    CHECK(reviews.load("store-a", 2, "dana")->summary == "login review");
    CHECK(reviews.load("store-a", 3, "Someone else"));
    CHECK(reviews.sharesWaiting() == 2);
    const auto due = reviews.dueShares(clock.wallNow(), 10);
    REQUIRE(due.size() == 2);
    CHECK(due[0].sheet.reviewer == "dana");
    // Once per login.
    CHECK(reviews.adoptReviewer("Dana (QA)", "dana") == 0);
}
