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
            if (e.kind == "prompt") out.push_back(e.detail);
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
    CHECK(f.promptEvents() == std::vector<std::string>{"shown: A request for codes: security"});

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
