#include "review/Scorecard.h"

#include <doctest/doctest.h>

using namespace cc;

namespace {
constexpr const char* kCard = R"(id = "standard"
name = "Standard call review"
pass_mark = 80

[[criterion]]
id = "greeting"
title = "Greeting"
weight = 1
scale = 5

[[criterion]]
id = "empathy"
title = "Empathy"
weight = 2
scale = 5

[[criterion]]
id = "resolution"
title = "Resolution"
weight = 3
scale = 4

[[critical]]
id = "pci"
title = "Card number read back or written down"
)";

Scorecard card() {
    auto read = parseScorecard(kCard, "standard.toml");
    REQUIRE(read.errors.empty());
    return *read.card;
}
} // namespace

TEST_CASE("a scorecard weighs each criterion's share of its scale") {
    const Scorecard c = card();
    ScoreSheet s;
    s.scores = {{"greeting", 5}, {"empathy", 4}, {"resolution", 2}};
    const ScoreResult r = score(c, s);
    // 1*5/5 + 2*4/5 + 3*2/4 = 1 + 1.6 + 1.5 = 4.1 of 6
    CHECK(r.earned == doctest::Approx(4.1));
    CHECK(r.possible == doctest::Approx(6));
    REQUIRE(r.percent);
    CHECK(*r.percent == doctest::Approx(68.333).epsilon(0.001));
    CHECK(r.finalPercent == doctest::Approx(68.333).epsilon(0.001));
    CHECK(r.complete);
    CHECK_FALSE(r.passed); // below the pass mark of 80

    SUBCASE("full marks pass") {
        s.scores = {{"greeting", 5}, {"empathy", 5}, {"resolution", 4}};
        CHECK(score(c, s).passed);
        CHECK(*score(c, s).percent == doctest::Approx(100));
    }
    SUBCASE("a failed critical item zeroes the final score and fails the call, whatever the scores") {
        s.scores = {{"greeting", 5}, {"empathy", 5}, {"resolution", 4}};
        s.criticalFailed = {{"pci", true}};
        const ScoreResult failed = score(c, s);
        CHECK(*failed.percent == doctest::Approx(100));
        CHECK(failed.finalPercent == 0);
        CHECK_FALSE(failed.passed);
        CHECK(failed.criticalFails == std::vector<std::string>{"Card number read back or written down"});
    }
    SUBCASE("a critical item marked false does not fail the call") {
        s.scores = {{"greeting", 5}, {"empathy", 5}, {"resolution", 4}};
        s.criticalFailed = {{"pci", false}};
        CHECK(score(c, s).passed);
    }
    SUBCASE("not applicable leaves a criterion out of both sides") {
        s.scores = {{"greeting", 5}, {"empathy", 4}};
        s.notApplicable = {{"resolution", true}};
        const ScoreResult na = score(c, s);
        CHECK(na.possible == doctest::Approx(3));
        CHECK(*na.percent == doctest::Approx(100.0 * 2.6 / 3));
        CHECK(na.complete);
        CHECK(na.passed);
    }
    SUBCASE("an unscored criterion makes the review incomplete, and so not passed") {
        s.scores = {{"greeting", 5}, {"empathy", 5}};
        const ScoreResult partial = score(c, s);
        CHECK(partial.unscored == 1);
        CHECK_FALSE(partial.complete);
        CHECK_FALSE(partial.passed);
        CHECK(*partial.percent == doctest::Approx(100));
    }
    SUBCASE("nothing scored yet has no percent") {
        const ScoreResult none = score(c, ScoreSheet{});
        CHECK_FALSE(none.percent);
        CHECK(none.unscored == 3);
        CHECK_FALSE(none.passed);
    }
    SUBCASE("scores outside the scale are clamped") {
        s.scores = {{"greeting", 9}, {"empathy", -3}, {"resolution", 4}};
        CHECK(score(c, s).earned == doctest::Approx(1 + 0 + 3));
    }
}

TEST_CASE("a scorecard with a problem names the file, line and column, and is not used") {
    SUBCASE("a duplicate id") {
        const auto read =
            parseScorecard("id = \"x\"\nname = \"X\"\n[[criterion]]\nid = \"a\"\ntitle = \"A\"\n"
                           "[[critical]]\nid = \"a\"\ntitle = \"B\"\n",
                           "x.toml");
        CHECK_FALSE(read.card);
        REQUIRE(read.errors.size() == 1);
        CHECK(read.errors[0].toString() == "x.toml:7:6: id 'a' appears twice");
    }
    SUBCASE("a weight that is not a number") {
        const auto read = parseScorecard(
            "id = \"x\"\nname = \"X\"\n[[criterion]]\nid = \"a\"\ntitle = \"A\"\nweight = \"high\"\n",
            "x.toml");
        REQUIRE(read.errors.size() == 1);
        CHECK(read.errors[0].line == 6);
        CHECK(read.errors[0].message == "'weight' must be a number from 0.01 to 1000");
    }
    SUBCASE("no criteria") {
        const auto read = parseScorecard("id = \"x\"\nname = \"X\"\n", "x.toml");
        REQUIRE(read.errors.size() == 1);
        CHECK(read.errors[0].message == "a scorecard needs at least one [[criterion]]");
    }
    SUBCASE("a syntax error") {
        const auto read = parseScorecard("id = \"x\nname = 1", "x.toml");
        REQUIRE(read.errors.size() == 1);
        CHECK(read.errors[0].line == 1);
    }
}

TEST_CASE("the bundled scorecards load without a problem") {
    const auto lib = ScorecardLibrary::loadFolder(std::filesystem::path(CC_SOURCE_DATA_DIR) / "scorecards");
    for (const auto& e : lib.errors)
        FAIL_CHECK(e.toString());
    REQUIRE_FALSE(lib.cards.empty());
    const Scorecard* standard = lib.find("standard");
    REQUIRE(standard);
    CHECK(standard->criteria.size() >= 5);
    CHECK_FALSE(standard->critical.empty());
}
