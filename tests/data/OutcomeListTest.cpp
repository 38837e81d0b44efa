#include "data/OutcomeList.h"

#include <doctest/doctest.h>

using namespace cc;

TEST_CASE("the bundled outcomes file loads without problems") {
    const auto list = OutcomeList::load(std::string(CC_SOURCE_DATA_DIR) + "/outcomes.toml");
    CHECK(list.errors().empty());
    CHECK(list.outcomes().size() >= 5);
    CHECK(list.labelFor("resolved") == "Resolved on the call");
}

TEST_CASE("a TOML syntax error is reported with file, line and column") {
    const auto list = OutcomeList::parse("[[outcome]]\nid = \"a\"\nlabel = \"A\n", "outcomes.toml");
    REQUIRE(list.errors().size() == 1);
    CHECK(list.errors()[0].file == "outcomes.toml");
    CHECK(list.errors()[0].line == 3);
    CHECK(list.errors()[0].column > 0);
    CHECK(list.errors()[0].toString().starts_with("outcomes.toml:3:"));
}

TEST_CASE("bad entries are reported and the good ones still load") {
    const auto list = OutcomeList::parse(R"(
[[outcome]]
id = "ok"
label = "Fine"

[[outcome]]
label = "no id"

[[outcome]]
id = "ok"
label = "twice"

[[outcome]]
id = "bare"
)",
                                         "o.toml");
    REQUIRE(list.outcomes().size() == 2);
    CHECK(list.outcomes()[1].label == "bare");
    REQUIRE(list.errors().size() == 2);
    CHECK(list.errors()[0].line == 6);
    CHECK(list.errors()[1].message.find("twice") != std::string::npos);
}

TEST_CASE("an unknown id shows as itself") {
    CHECK(OutcomeList().labelFor("gone") == "gone");
}

TEST_CASE("a missing file is one clear error") {
    const auto list = OutcomeList::load("/nonexistent/outcomes.toml");
    REQUIRE(list.errors().size() == 1);
    CHECK(list.errors()[0].toString() == "/nonexistent/outcomes.toml: cannot be read");
}
