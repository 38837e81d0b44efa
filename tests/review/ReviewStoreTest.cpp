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
