#include "prompts/PromptMonitor.h"

#include "session/CallSession.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "support/FakeClock.h"
#include "support/RecordingServices.h"

#include <doctest/doctest.h>

using namespace cc;

namespace {
PromptRule words(std::string title, Severity severity, std::string phrase) {
    PromptRule r;
    r.id = title;
    r.title = std::move(title);
    r.say = "say";
    r.severity = severity;
    r.trigger = TriggerType::Words;
    r.phrases = {std::move(phrase)};
    return r;
}

struct Fixture {
    test::FakeClock clock;
    Database db{":memory:"};
    CallStore store{(migrate(db), db)};
    test::RecordingServices services;
    CallSession session{clock, store, services};
    PromptEngine engine{{words("Acknowledge the feeling first", Severity::Caution, "furious"),
                         words("A request for codes: security", Severity::Security, "password")}};
    PromptMonitor monitor{session, engine, clock};

    std::vector<std::string> promptEvents() {
        std::vector<std::string> out;
        for (const auto& e : store.load(session.callId()).events)
            if (e.kind == EventKind::PromptShown || e.kind == EventKind::PromptDismissed ||
                e.kind == EventKind::PromptActedOn)
                out.push_back(std::string(wordOf(e.kind)) + ": " + e.fact());
        return out;
    }
};
} // namespace

TEST_CASE("only the prompt the agent is shown goes into the timeline as shown") {
    Fixture f;
    REQUIRE(f.session.start());
    f.monitor.callStarted();
    f.session.setNotes("Caller is furious and asks for the admin password");
    const auto fired = f.monitor.check();
    REQUIRE(fired.size() == 2);
    const PromptRule* shown = f.monitor.offer(fired, nullptr);
    REQUIRE(shown);
    CHECK(shown->title == "A request for codes: security");
    REQUIRE(f.session.flush());
    // The caution prompt fired too, but the security one was on screen: a reviewer must not read that
    // the agent saw it and went on.
    CHECK(f.promptEvents() == std::vector<std::string>{"prompt: A request for codes: security"});

    SUBCASE("a less serious prompt does not replace the one on screen, and is not recorded") {
        const PromptRule caution = words("Slow down", Severity::Caution, "x");
        CHECK(f.monitor.offer({&caution}, shown) == nullptr);
        REQUIRE(f.session.flush());
        CHECK(f.promptEvents().size() == 1);
    }
    SUBCASE("nothing fired, nothing shown") {
        CHECK(f.monitor.offer({}, nullptr) == nullptr);
    }
}

TEST_CASE("a restored call does not show again the prompts its notes already set off") {
    Fixture f;
    REQUIRE(f.session.start());
    f.monitor.callStarted();
    f.session.setNotes("Caller is furious");
    const auto fired = f.monitor.check();
    REQUIRE(fired.size() == 1);
    f.monitor.dismissed(*fired.front());
    REQUIRE(f.session.flush());
    f.session.closing();

    // The app starts again: a new session restores the call, with a fresh engine.
    CallSession restored{f.clock, f.store, f.services};
    REQUIRE(restored.restoreUnfinished());
    PromptEngine engine{f.engine.rules()};
    PromptMonitor monitor{restored, engine, f.clock};
    SUBCASE("resumed: only what becomes true from now on fires") {
        monitor.callResumed();
        CHECK(monitor.check().empty());
        restored.setNotes("Caller is furious\nNow they ask for the password");
        const auto next = monitor.check();
        REQUIRE(next.size() == 1);
        CHECK(next.front()->title == "A request for codes: security");
    }
    SUBCASE("without resuming, the notes' old words would fire the dismissed prompt again") {
        monitor.callStarted();
        CHECK(monitor.check().size() == 1);
    }
}

TEST_CASE("a prompt that had to wait for a more serious one is shown once that one is answered") {
    Fixture f;
    REQUIRE(f.session.start());
    f.monitor.callStarted();
    // Furious first: the empathy prompt shows; then the password: the security prompt replaces it.
    f.session.setNotes("Caller is furious");
    const PromptRule* first = f.monitor.offer(f.monitor.check(), nullptr);
    REQUIRE(first);
    CHECK(first->title == "Acknowledge the feeling first");
    f.session.setNotes("Caller is furious\nasks for the admin password");
    const PromptRule* second = f.monitor.offer(f.monitor.check(), first);
    REQUIRE(second);
    CHECK(second->title == "A request for codes: security");
    f.monitor.actedOn(*second);
    // Asked once the security prompt is answered: the empathy prompt comes back, shown again.
    const PromptRule* back = f.monitor.next();
    REQUIRE(back);
    CHECK(back->title == "Acknowledge the feeling first");
    REQUIRE(f.session.flush());
    CHECK(f.promptEvents().back() == "prompt: Acknowledge the feeling first");
    CHECK_FALSE(f.monitor.next()); // once
}

TEST_CASE("a waiting prompt answered, or of a call that is over, does not come back") {
    Fixture f;
    REQUIRE(f.session.start());
    f.monitor.callStarted();
    f.session.setNotes("Caller is furious and asks for the admin password");
    const PromptRule* shown = f.monitor.offer(f.monitor.check(), nullptr);
    REQUIRE(shown);
    CHECK(shown->title == "A request for codes: security"); // the empathy prompt waits
    REQUIRE(f.session.end());
    REQUIRE(f.session.finishWrapUp());
    CHECK_FALSE(f.monitor.next()); // no call: nothing comes back
    REQUIRE(f.session.start());
    f.monitor.callStarted();
    CHECK_FALSE(f.monitor.next()); // a new call does not inherit the last one's
}
