#include "scripts/Practice.h"

#include <doctest/doctest.h>

using namespace cc;

namespace {
PracticeScenario parsed(std::string_view text) {
    PracticeLibrary library;
    library.parse(text, "practice.toml");
    REQUIRE(library.errors().empty());
    REQUIRE(library.scenarios().size() == 1);
    return library.scenarios().front();
}

// opening -> question -> refund-request | raise-dispute -> recap
Script script() {
    const ScriptRead read = parseScript(R"(
id = "billing-question"
title = "Billing"
start = "opening"
[[step]]
id = "opening"
stage = "opening"
say = "Hello"
next = "question"
[[step]]
id = "question"
stage = "discovery"
say = "What is it?"
question = "Which?"
  [[step.branch]]
  label = "Refund"
  goto = "refund-request"
  [[step.branch]]
  label = "Dispute"
  goto = "raise-dispute"
[[step]]
id = "refund-request"
stage = "resolution"
say = "Let me see."
next = "recap"
[[step]]
id = "raise-dispute"
stage = "resolution"
say = "I'll raise it."
next = "recap"
[[step]]
id = "recap"
stage = "recap"
say = "To recap"
)",
                                        "s.toml");
    REQUIRE(read.errors.empty());
    return *read.script;
}

const char* kRefund = R"(
script = "billing-question"
title = "A late fee"
caller_name = "Sam"
[[line]]
customer = "There's a late fee on my bill."
[[line]]
customer = "Can you take it off, just this once?"
after = "refund-request"
[[line]]
customer = "So Billing will look at it? How long?"
after = "raise-dispute"
[[line]]
customer = "Thanks, that's all."
)";
} // namespace

TEST_CASE("the practice customer answers the branch the trainee took") {
    const PracticeScenario scenario = parsed(kRefund);
    CHECK(scenario.lines[1].after == "refund-request");
    CHECK(scenario.lines[1].line == 7); // its [[line]]
    const Script billing = script();
    PracticeRun run(scenario, billing);
    run.reached("opening");
    CHECK(run.next() == "There's a late fee on my bill.");
    SUBCASE("a line waits for its step while it can still be reached, and the lines after it wait too") {
        run.reached("question");
        CHECK_FALSE(run.lineReady());
        CHECK_FALSE(run.next());
        run.reached("refund-request");
        CHECK(run.next() == "Can you take it off, just this once?");
        // raise-dispute cannot be reached from refund-request: its line is passed over.
        CHECK(run.next() == "Thanks, that's all.");
        CHECK(run.finished());
    }
    SUBCASE("another branch's line is passed over") {
        run.reached("question");
        run.reached("raise-dispute");
        CHECK(run.next() == "So Billing will look at it? How long?");
        CHECK(run.next() == "Thanks, that's all.");
        CHECK(run.finished());
        const auto s = run.summary();
        CHECK(s.linesHeard == 3);
        CHECK(s.linesLeft == 1);
        CHECK(s.stepsWalked == 3);
    }
}

TEST_CASE("each practice run starts from the customer's first line") {
    const PracticeScenario scenario = parsed(kRefund);
    const Script billing = script();
    PracticeRun first(scenario, billing);
    first.next();
    first.reached("refund-request");
    first.next();
    PracticeRun second(scenario, billing);
    CHECK(second.next() == "There's a late fee on my bill.");
    CHECK(second.summary().stepsWalked == 0);
}

TEST_CASE("after Back and another branch, the practice customer follows the branch taken now") {
    const PracticeScenario scenario = parsed(kRefund);
    const Script billing = script();
    PracticeRun run(scenario, billing);
    run.reached("opening");
    CHECK(run.next() == "There's a late fee on my bill.");
    run.reached("question");
    run.reached("raise-dispute");
    CHECK(run.next() == "So Billing will look at it? How long?");
    // The trainee goes Back to the question and takes the refund branch instead.
    run.reached("question");
    CHECK_FALSE(run.lineReady()); // the customer waits: the refund step is ahead again
    CHECK_FALSE(run.finished());
    run.reached("refund-request");
    CHECK(run.next() == "Can you take it off, just this once?");
    CHECK(run.next() == "Thanks, that's all.");
    CHECK(run.finished());
    const auto s = run.summary();
    CHECK(s.linesHeard == 4);
    CHECK(s.linesLeft == 0);
    CHECK(s.stepsWalked == 4);
}
