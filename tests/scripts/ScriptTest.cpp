#include "scripts/Script.h"

#include "scripts/Practice.h"

#include <algorithm>
#include <chrono>
#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace cc;

namespace {
const char* kScript = R"(id = "reset"
title = "Password reset"
start = "open"

[[step]]
id = "open"
stage = "opening"
say = "Thanks for calling {company}, this is {agent_name}."
coaching = "Smile."
next = "verify"

[[step]]
id = "verify"
stage = "verification"
say = "May I confirm your name, {caller_name}?"
checklist = ["Identity verified", "Account found"]
question = "Does the caller have an account?"
  [[step.branch]]
  label = "Yes"
  goto = "fix"
  [[step.branch]]
  label = "No"
  goto = "none"

[[step]]
id = "fix"
stage = "resolution"
say = "Let's reset it together."
next = "close"

[[step]]
id = "none"
stage = "resolution"
say = "I can help you open one."
next = "close"

[[step]]
id = "close"
stage = "closing"
say = "Thank you, {caller_name}."
)";
} // namespace

TEST_CASE("a script is read with its stages, checklist, coaching and branches") {
    const auto read = parseScript(kScript, "reset.toml");
    REQUIRE(read.errors.empty());
    const Script& s = *read.script;
    CHECK(s.title == "Password reset");
    CHECK(s.steps.size() == 5);
    CHECK(s.step("verify")->stage == Stage::Verification);
    CHECK(s.step("verify")->checklist.size() == 2);
    CHECK(s.step("verify")->branches.at(1).target == "none");
    CHECK(s.step("open")->coaching == "Smile.");
}

TEST_CASE("the runner follows next, takes a branch, goes back, and keeps checklist ticks") {
    const auto read = parseScript(kScript, "reset.toml");
    ScriptRunner run(*read.script);
    CHECK(run.current().id == "open");
    CHECK_FALSE(run.canBack());
    REQUIRE(run.next());
    CHECK(run.current().id == "verify");
    CHECK_FALSE(run.next()); // a decision: branches, not next
    CHECK(run.toggle(0));
    CHECK(run.ticked("verify", 0));
    CHECK_FALSE(run.ticked("verify", 1));
    REQUIRE(run.choose(1));
    CHECK(run.current().id == "none");
    REQUIRE(run.back());
    CHECK(run.current().id == "verify");
    CHECK(run.ticked("verify", 0));
    REQUIRE(run.choose(0));
    CHECK(run.current().id == "fix");
    REQUIRE(run.next());
    CHECK(run.current().id == "close");
    CHECK_FALSE(run.next());
    CHECK_FALSE(run.choose(0));
}

TEST_CASE("script mistakes are located: a missing step, a bad stage, a duplicate id, a bad placeholder") {
    const auto read = parseScript(R"(id = "x"
start = "a"

[[step]]
id = "a"
stage = "greeting"
say = "Hi {nme}"
next = "b"

[[step]]
id = "a"
stage = "closing"
say = "Bye"

[[step]]
id = "c"
stage = "closing"
say = "Bye"
question = "Ok?"
  [[step.branch]]
  label = "Yes"
  goto = "nowhere"
)",
                                  "x.toml");
    CHECK_FALSE(read.script);
    std::vector<std::string> found;
    for (const auto& e : read.errors)
        found.push_back(e.toString());
    auto has = [&](const std::string& text) {
        return std::any_of(found.begin(), found.end(), [&](const std::string& f) { return f == text; });
    };
    CHECK(has("x.toml:6:9: step 'a' needs a stage: opening, verification, discovery, resolution, recap or "
              "closing"));
    CHECK(has("x.toml:7:7: unknown placeholder {nme}"));
    CHECK(has("x.toml:11:6: step id 'a' appears twice"));
    CHECK(has("x.toml:8:8: there is no step 'b' to go to"));
    CHECK(has("x.toml:22:10: there is no step 'nowhere' to go to"));
    CHECK(has("x.toml:15:1: the question of step 'c' needs two or more branches"));
}

TEST_CASE("a TOML syntax error in a script is located") {
    const auto read = parseScript("id = \"x\"\n[[step]\n", "y.toml");
    REQUIRE(read.errors.size() == 1);
    CHECK(read.errors[0].line == 2);
}

TEST_CASE("a decision tree of 200 steps loads in well under a frame") {
    std::string text = "id = \"big\"\nstart = \"s0\"\n";
    for (int i = 0; i < 200; ++i) {
        text += fmt::format("[[step]]\nid = \"s{}\"\nstage = \"discovery\"\nsay = \"Check {}\"\n", i, i);
        if (i + 2 < 200)
            text += fmt::format("question = \"Fixed?\"\n[[step.branch]]\nlabel = \"Yes\"\ngoto = \"s199\"\n"
                                "[[step.branch]]\nlabel = \"No\"\ngoto = \"s{}\"\n",
                                i + 1);
    }
    const auto read = parseScript(text, "big.toml");
    REQUIRE(read.errors.empty());
    CHECK(read.script->steps.size() == 200);
}

TEST_CASE("the bundled scripts and practice calls load") {
    ScriptLibrary lib;
    lib.loadFolder(std::string(CC_SOURCE_DATA_DIR) + "/scripts");
    for (const auto& e : lib.errors())
        FAIL_CHECK(e.toString());
    for (const char* id :
         {"password-reset", "billing-question", "technical-fault", "complaint", "unsupported-request"})
        CHECK_MESSAGE(lib.find(id), id);
    const Script* big = lib.find("network-troubleshooting-tree");
    REQUIRE(big);
    CHECK(big->steps.size() >= 150);
    PracticeLibrary practice;
    practice.loadFolder(std::string(CC_SOURCE_DATA_DIR) + "/practice");
    CHECK(practice.errors().empty());
    CHECK(practice.scenarios().size() >= 5);
}
