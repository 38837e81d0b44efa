#include "review/ReviewTimeline.h"

#include "review/ReviewFixture.h"

#include <doctest/doctest.h>
#include <map>

using namespace cc;
using namespace std::chrono_literals;

TEST_CASE("the review timeline lays the segments end to end and puts every event and note in time order") {
    test::ReviewFixture f;
    f.session.start();
    f.clock.advance(10s);
    f.session.setNotes("Caller cannot print");
    f.clock.advance(5s);
    f.session.toggleHold();
    f.clock.advance(65s); // one hold check-back nudge at 60 s
    f.session.tick();
    f.session.toggleHold();
    f.clock.advance(3s);
    f.session.recordEvent(EventKind::Step, {"resolution", "Offer the driver link"});
    f.session.setNotes("Caller cannot print\nSent driver link");
    f.session.recordReferral("Printer maker support");
    f.clock.advance(2s);
    f.session.end();
    f.clock.advance(20s);
    const auto id = f.session.callId();
    f.session.finishWrapUp();

    const CallRecord call = f.store.load(id);
    const ReviewTimeline t = buildTimeline(call);

    REQUIRE(t.bars.size() == 4);
    CHECK(t.bars[0].kind == SegmentKind::Talk);
    CHECK(t.bars[1].kind == SegmentKind::Hold);
    CHECK(t.bars[1].offset == 15s);
    CHECK(t.bars[1].length == 65s);
    CHECK(t.bars[2].offset == 80s);
    CHECK(t.bars[3].kind == SegmentKind::WrapUp);
    CHECK(t.length == 105s);

    std::vector<std::string> order;
    for (const auto& item : t.items)
        order.push_back(item.label.render() +
                        (item.detail.render().empty() ? "" : " | " + item.detail.render()));
    const std::vector<std::string> expected{
        "Call started",
        "Note | Caller cannot print",
        "Caller put on hold",
        "Hold check-back nudge | Customer on hold 1:00: check back with them",
        "Caller taken off hold",
        "Script step | Resolution: Offer the driver link",
        "Referral given | Printer maker support",
        "Note | Sent driver link",
        "Call ended; wrap-up began",
        "Wrap-up done",
    };
    CHECK(order == expected);
    for (std::size_t i = 1; i < t.items.size(); ++i)
        CHECK(t.items[i - 1].offset <= t.items[i].offset);
}

TEST_CASE("a wall-clock jump during the call does not bend the timeline's axis") {
    test::ReviewFixture f;
    f.session.start();
    f.clock.advance(30s);
    f.clock.jumpWall(-2h); // someone sets the system clock back mid-call
    f.session.toggleHold();
    f.clock.advance(10s);
    f.session.toggleHold();
    f.session.end();
    const auto id = f.session.callId();
    f.session.finishWrapUp();
    const ReviewTimeline t = buildTimeline(f.store.load(id));
    REQUIRE(t.bars.size() >= 3);
    CHECK(t.bars[1].offset == 30s);
    CHECK(t.bars[1].length == 10s);
    for (const auto& item : t.items)
        CHECK(item.offset >= 0s);
}

TEST_CASE("pinned comments take their place among the events, after what was recorded at the same moment") {
    CallRecord call;
    call.startedAt = fromUnixMs(1'000'000);
    call.segments = {{SegmentKind::Talk, call.startedAt, 90s, false}};
    call.events = {{call.startedAt, 0s, EventKind::Started},
                   {call.startedAt + 40s, 40s, EventKind::PromptShown, {"Empathy"}}};
    call.notes = {
        {call.startedAt + 20s, "Upset about the bill"}, {std::nullopt, "   "}, {std::nullopt, "second line"}};
    const std::vector<PinnedComment> comments{{40s, "Good acknowledgement here"},
                                              {5s, "Greeting missed the name"}};
    const ReviewTimeline t = buildTimeline(call, comments);
    std::vector<std::string> details;
    for (const auto& item : t.items)
        details.push_back(item.detail.render());
    CHECK(details == std::vector<std::string>{"", "Greeting missed the name", "Upset about the bill",
                                              "second line", "Empathy", "Good acknowledgement here"});
    CHECK(t.items[1].kind == TimelineKind::Comment);
    CHECK(t.items[3].offset == 20s); // a line without a time sits with the line before it
}

TEST_CASE("an event kind this version does not know is still shown, by its own name") {
    CallRecord call;
    call.startedAt = fromUnixMs(0);
    call.events = {storedEvent("sentiment", std::vector<std::string>{"calmer"}, "")};
    call.events[0].offset = 3s;
    const ReviewTimeline t = buildTimeline(call);
    REQUIRE(t.items.size() == 1);
    CHECK(t.items[0].kind == TimelineKind::Other);
    CHECK(t.items[0].label.render() == "sentiment");
    CHECK(t.items[0].detail.render() == "calmer");
    CHECK(t.length == 3s);
}

TEST_CASE("an event's words are made in the reader's language from its kind and facts") {
    TimelineEvent e{fromUnixMs(0), 70s, EventKind::CheckBack, {"60000"}};
    const std::map<std::string, std::string> es{
        {"Hold check-back nudge", "Aviso de espera"},
        {"Customer on hold {0}: check back with them", "Cliente en espera {0}: vuelva con él"},
        {"a card number", "un número de tarjeta"},
        {"{0} and {1}", "{0} y {1}"},
        {"a security code", "un código de seguridad"}};
    const Translate spanish = [&es](const std::string& english) {
        const auto it = es.find(english);
        return it == es.end() ? english : it->second;
    };
    EventWords w = describe(e);
    CHECK(w.kind == TimelineKind::CheckBack);
    CHECK(w.label.render(spanish) == "Aviso de espera");
    CHECK(w.detail.render(spanish) == "Cliente en espera 1:00: vuelva con él");
    CHECK(w.detail.render() == "Customer on hold 1:00: check back with them");

    w = describe(TimelineEvent{fromUnixMs(0), 0s, EventKind::Masked, {"1", "1", "0"}});
    CHECK(w.detail.render(spanish) == "un número de tarjeta y un código de seguridad");
    w = describe(TimelineEvent{fromUnixMs(0), 0s, EventKind::PracticeOver, {"3", "8", "5"}});
    CHECK(w.detail.render() == "Heard 3 of 8 customer lines, walked 5 steps");
    w = describe(TimelineEvent{fromUnixMs(0), 0s, EventKind::Transfer, {"Tier 2", ""}});
    CHECK(w.detail.render() == "Tier 2");
    // Facts missing (a damaged row) never throw: the line is shown without them.
    CHECK(describe(TimelineEvent{fromUnixMs(0), 0s, EventKind::PracticeOver, {}}).detail.render().empty());
    CHECK(describe(TimelineEvent{fromUnixMs(0), 0s, EventKind::CheckBack, {"soon"}}).detail.render() ==
          "Customer on hold soon: check back with them");
}

TEST_CASE("rows saved before events had facts read as they did, and known shapes read like new ones") {
    auto label = [](const TimelineEvent& e) { return describe(e).label.render(); };
    auto detail = [](const TimelineEvent& e) { return describe(e).detail.render(); };

    const TimelineEvent dismissed = storedEvent("prompt", std::nullopt, "dismissed: Empathy");
    CHECK(dismissed.kind == EventKind::PromptDismissed);
    CHECK(dismissed.facts == std::vector<std::string>{"Empathy"});
    CHECK(label(dismissed) == "Prompt dismissed");

    const TimelineEvent undone = storedEvent("check", std::nullopt, "undone: Confirm the address");
    CHECK(undone.kind == EventKind::Unchecked);
    CHECK(detail(undone) == "Confirm the address");

    CHECK(storedEvent("difficult", std::nullopt, "no longer flagged difficult").kind ==
          EventKind::UnflaggedDifficult);
    CHECK(storedEvent("difficult", std::nullopt, "flagged difficult").kind == EventKind::FlaggedDifficult);

    const TimelineEvent practice =
        storedEvent("training", std::nullopt, "practice over: 3 of 8 customer lines, 5 steps");
    CHECK(practice.kind == EventKind::PracticeOver);
    CHECK(practice.facts == std::vector<std::string>{"3", "8", "5"});

    // Shapes not taken apart keep their English detail, as the review showed it before.
    const TimelineEvent restored =
        storedEvent("restored", std::nullopt, "the companion was not running for 3:05");
    CHECK(restored.kind == EventKind::Restored);
    CHECK(label(restored) == "Call restored after the app stopped");
    CHECK(detail(restored) == "the companion was not running for 3:05");
    CHECK(detail(storedEvent("step", std::nullopt, "opening: Hello")) == "opening: Hello");
    CHECK(detail(storedEvent("referral", std::nullopt, "Tier 2 (555)")) == "Tier 2 (555)");
    CHECK(storedEvent("referral", std::nullopt, "Tier 2 (555)").fact() == "Tier 2 (555)");

    // New rows come back with their facts; a kind from a newer version keeps its word.
    const TimelineEvent shown = storedEvent("prompt", std::vector<std::string>{"Empathy"}, "");
    CHECK(shown.kind == EventKind::PromptShown);
    CHECK(shown.legacy.empty());
    for (int k = 0; k < static_cast<int>(EventKind::Unknown); ++k)
        CHECK(eventKindOf(wordOf(static_cast<EventKind>(k))) == static_cast<EventKind>(k));
}
