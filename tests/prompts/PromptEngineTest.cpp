#include "prompts/PromptEngine.h"

#include "prompts/PromptRule.h"
#include "support/FakeClock.h"

#include <algorithm>
#include <doctest/doctest.h>

using namespace cc;
using namespace std::chrono_literals;

namespace {
PromptRule rule(TriggerType t) {
    PromptRule r;
    r.id = std::string(1, 'r');
    r.title = r.id;
    r.say = r.id;
    r.trigger = t;
    return r;
}

std::size_t fires(PromptEngine& e, const PromptSituation& s, const test::FakeClock& c) {
    return e.evaluate(s, c.steadyNow()).size();
}
} // namespace

TEST_CASE("hold trigger: once when the hold passes N seconds, again on the next hold") {
    test::FakeClock clock;
    auto r = rule(TriggerType::Hold);
    r.threshold = 60s;
    PromptEngine e({r});
    PromptSituation s;
    s.state = CallState::OnHold;
    s.currentHold = 59s;
    CHECK(fires(e, s, clock) == 0);
    s.currentHold = 61s;
    CHECK(fires(e, s, clock) == 1);
    s.currentHold = 90s;
    CHECK(fires(e, s, clock) == 0);
    s.state = CallState::Talking;
    s.currentHold = 0s;
    CHECK(fires(e, s, clock) == 0);
    s.state = CallState::OnHold;
    s.currentHold = 61s;
    CHECK(fires(e, s, clock) == 1);
}

TEST_CASE("quiet talk trigger: talking N minutes with no note") {
    test::FakeClock clock;
    auto r = rule(TriggerType::QuietTalk);
    r.threshold = 5min;
    PromptEngine e({r});
    PromptSituation s;
    s.state = CallState::Talking;
    s.talk = 4min;
    CHECK(fires(e, s, clock) == 0);
    s.talk = 5min;
    s.notesEmpty = false;
    CHECK(fires(e, s, clock) == 0);
    s.notesEmpty = true;
    CHECK(fires(e, s, clock) == 1);
}

TEST_CASE("words trigger: each new occurrence of a phrase, whole words only, any case") {
    test::FakeClock clock;
    auto r = rule(TriggerType::Words);
    r.phrases = {"angry", "fed up"};
    PromptEngine e({r});
    PromptSituation s;
    s.state = CallState::Talking;
    s.text = "caller is ANGRY";
    CHECK(fires(e, s, clock) == 1);
    CHECK(fires(e, s, clock) == 0); // still there, not new
    s.text = "caller is ANGRY, says he is Fed Up";
    CHECK(fires(e, s, clock) == 1);
    s.text = "caller is hangry";
    CHECK(fires(e, s, clock) == 0);
    CHECK(countPhrase("pin pinning PIN, spin", "pin") == 2);
}

TEST_CASE("difficult call, wrap-up, repeat caller and script step triggers") {
    test::FakeClock clock;
    auto difficult = rule(TriggerType::DifficultCall);
    auto wrap = rule(TriggerType::WrapUp);
    wrap.threshold = 300s;
    auto repeat = rule(TriggerType::RepeatCaller);
    repeat.calls = 3;
    auto step = rule(TriggerType::ScriptStep);
    step.script = "reset";
    step.step = "recap";
    PromptEngine e({difficult, wrap, repeat, step});
    PromptSituation s;
    s.state = CallState::WrapUp;
    s.wrapUp = 301s;
    s.callsFromNumberToday = 2;
    CHECK(e.evaluate(s, clock.steadyNow()).size() == 1); // wrap-up
    s.callsFromNumberToday = 3;
    CHECK(e.evaluate(s, clock.steadyNow()).empty()); // a repeat caller is news while they are on the line
    s.state = CallState::Talking;
    auto fired = e.evaluate(s, clock.steadyNow());
    REQUIRE(fired.size() == 1);
    CHECK(fired[0]->trigger == TriggerType::RepeatCaller);
    s.difficultCallEnded = true;
    fired = e.evaluate(s, clock.steadyNow());
    REQUIRE(fired.size() == 1);
    CHECK(fired[0]->trigger == TriggerType::DifficultCall);
    s.difficultCallEnded = false;
    s.scriptId = "reset";
    s.stepReached = "close";
    CHECK(e.evaluate(s, clock.steadyNow()).empty());
    s.stepReached = "recap";
    CHECK(e.evaluate(s, clock.steadyNow()).size() == 1);
}

TEST_CASE("cooldown holds a prompt back until it has passed") {
    test::FakeClock clock;
    auto r = rule(TriggerType::Words);
    r.phrases = {"angry"};
    r.cooldown = 300s;
    PromptEngine e({r});
    PromptSituation s;
    s.state = CallState::Talking;
    s.text = "angry";
    CHECK(fires(e, s, clock) == 1);
    clock.advance(100s);
    s.text = "angry angry";
    CHECK(fires(e, s, clock) == 0);
    clock.advance(201s);
    s.text = "angry angry angry";
    CHECK(fires(e, s, clock) == 1);
}

TEST_CASE("once per call: not again until the next call") {
    test::FakeClock clock;
    auto r = rule(TriggerType::Words);
    r.phrases = {"pin"};
    r.oncePerCall = true;
    PromptEngine e({r});
    PromptSituation s;
    s.state = CallState::Talking;
    s.text = "what is my pin";
    CHECK(fires(e, s, clock) == 1);
    s.text = "what is my pin, the pin";
    CHECK(fires(e, s, clock) == 0);
    e.callStarted();
    s.text = "pin";
    CHECK(fires(e, s, clock) == 1);
}

TEST_CASE("do-not-trigger phrases keep a prompt quiet") {
    test::FakeClock clock;
    auto r = rule(TriggerType::Words);
    r.phrases = {"angry"};
    r.unless = {"not angry"};
    PromptEngine e({r});
    PromptSituation s;
    s.state = CallState::Talking;
    s.text = "caller says she is not angry";
    CHECK(fires(e, s, clock) == 0);
}

TEST_CASE("prompt rule files are read, and their mistakes located") {
    PromptRules rules;
    rules.parse(R"([[prompt]]
id = "ok"
title = "Check back"
say = "Thank them for holding."
trigger = { type = "hold", seconds = 60 }
cooldown_seconds = 30

[[prompt]]
id = "bad"
title = "Bad"
say = "x"
severity = "urgent"
trigger = { type = "moon" }
)",
                "p.toml");
    REQUIRE(rules.rules().size() == 1);
    CHECK(rules.rules()[0].threshold == 60s);
    CHECK(rules.rules()[0].cooldown == 30s);
    REQUIRE(rules.errors().size() == 2);
    CHECK(rules.errors()[0].toString() == "p.toml:12:12: severity must be info, caution or security");
    CHECK(rules.errors()[1].line == 13);
}

TEST_CASE("the bundled prompt pack loads and covers every trigger type") {
    PromptRules rules;
    rules.loadFolder(std::string(CC_SOURCE_DATA_DIR) + "/prompts");
    for (const auto& e : rules.errors())
        FAIL_CHECK(e.toString());
    for (auto t : {TriggerType::Hold, TriggerType::QuietTalk, TriggerType::Words, TriggerType::DifficultCall,
                   TriggerType::RepeatCaller, TriggerType::WrapUp, TriggerType::ScriptStep})
        CHECK_MESSAGE(std::any_of(rules.rules().begin(), rules.rules().end(),
                                  [t](const PromptRule& r) { return r.trigger == t; }),
                      nameOf(t));
    CHECK(std::any_of(rules.rules().begin(), rules.rules().end(),
                      [](const PromptRule& r) { return r.severity == Severity::Security; }));
}

TEST_CASE("the bundled security prompt answers requests for passwords and codes, not only door codes") {
    // Regression: "the admin password" brought no prompt, where "door code" did.
    PromptRules rules;
    rules.loadFolder(std::string(CC_SOURCE_DATA_DIR) + "/prompts");
    REQUIRE(rules.errors().empty());
    auto security = std::find_if(rules.rules().begin(), rules.rules().end(),
                                 [](const PromptRule& r) { return r.id == "caller-asks-for-codes"; });
    REQUIRE(security != rules.rules().end());
    for (const char* line : {"Caller wants the admin password, says it is urgent",
                             "asked me for his password", "wants the keypad code for the back door",
                             "asked to read him the door code", "asked for our login details"}) {
        test::FakeClock clock;
        PromptEngine e({*security});
        PromptSituation s;
        s.state = CallState::Talking;
        s.text = line;
        CHECK_MESSAGE(fires(e, s, clock) == 1, line);
    }
}

TEST_CASE("a prompt goes away when its moment has passed") {
    auto hold = rule(TriggerType::Hold);
    auto words = rule(TriggerType::Words);
    auto step = rule(TriggerType::ScriptStep);
    auto wrap = rule(TriggerType::WrapUp);
    auto after = rule(TriggerType::DifficultCall);
    PromptSituation s;
    SUBCASE("check back on hold: gone once the caller is taken off hold") {
        s.state = CallState::OnHold;
        CHECK(promptStillApplies(hold, s));
        s.state = CallState::Talking;
        CHECK_FALSE(promptStillApplies(hold, s));
    }
    SUBCASE("a phrase prompt lasts while the caller is there, on hold included, not into wrap-up") {
        for (const auto state : {CallState::Talking, CallState::OnHold}) {
            s.state = state;
            CHECK(promptStillApplies(words, s));
        }
        for (const auto state : {CallState::WrapUp, CallState::Idle}) {
            s.state = state;
            CHECK_FALSE(promptStillApplies(words, s));
        }
    }
    SUBCASE(
        "a script step's prompt (recap before closing) lasts while the caller is there, not into wrap-up") {
        for (const auto state : {CallState::Talking, CallState::OnHold}) {
            s.state = state;
            CHECK(promptStillApplies(step, s));
        }
        for (const auto state : {CallState::WrapUp, CallState::Idle}) {
            s.state = state;
            CHECK_FALSE(promptStillApplies(step, s));
        }
    }
    SUBCASE("a wrap-up prompt is gone when wrap-up is done; the after-call prompt waits for an answer") {
        s.state = CallState::Idle;
        CHECK_FALSE(promptStillApplies(wrap, s));
        CHECK(promptStillApplies(after, s));
    }
}

TEST_CASE("of prompts that fire together, the most serious is shown, the first of equals") {
    PromptRule info, caution, security, caution2;
    info.severity = Severity::Info;
    caution.severity = caution2.severity = Severity::Caution;
    security.severity = Severity::Security;
    CHECK(mostSerious({}) == nullptr);
    CHECK(mostSerious({&info}) == &info);
    CHECK(mostSerious({&info, &caution, &caution2}) == &caution);
    CHECK(mostSerious({&caution, &security, &info}) == &security);
}

TEST_CASE("a security warning showing is not replaced by a lesser prompt") {
    // Regression: inserting a referral brought its tip, which took the place of the unanswered
    // "request for codes" warning for good.
    PromptRule info, security, security2;
    info.severity = Severity::Info;
    security.severity = security2.severity = Severity::Security;
    CHECK(replacesShown(nullptr, info));
    CHECK_FALSE(replacesShown(&security, info));
    CHECK(replacesShown(&security, security2));
    CHECK(replacesShown(&info, security));
}

TEST_CASE("words typed in wrap-up set off no prompt: the caller is gone") {
    test::FakeClock clock;
    auto r = rule(TriggerType::Words);
    r.phrases = {"furious"};
    PromptEngine e({r});
    PromptSituation s;
    s.state = CallState::WrapUp;
    s.text = "Caller was furious about the bill";
    CHECK(fires(e, s, clock) == 0);
    e.callStarted();
    s.state = CallState::Talking;
    CHECK(fires(e, s, clock) == 1);
}
