#include "review/ReviewTimeline.h"

#include "review/ReviewFixture.h"

#include <doctest/doctest.h>

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
    f.session.recordEvent("step", "resolution: Offer the driver link");
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
        order.push_back(item.label + (item.detail.empty() ? "" : " | " + item.detail));
    const std::vector<std::string> expected{
        "Call started",
        "Note | Caller cannot print",
        "Caller put on hold",
        "Hold check-back nudge | Customer on hold 1:00: check back with them",
        "Caller taken off hold",
        "Script step | resolution: Offer the driver link",
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
    call.events = {{call.startedAt, 0s, "started", ""},
                   {call.startedAt + 40s, 40s, "prompt", "shown: Empathy"}};
    call.notes = {
        {call.startedAt + 20s, "Upset about the bill"}, {std::nullopt, "   "}, {std::nullopt, "second line"}};
    const std::vector<PinnedComment> comments{{40s, "Good acknowledgement here"},
                                              {5s, "Greeting missed the name"}};
    const ReviewTimeline t = buildTimeline(call, comments);
    std::vector<std::string> details;
    for (const auto& item : t.items)
        details.push_back(item.detail);
    CHECK(details == std::vector<std::string>{"", "Greeting missed the name", "Upset about the bill",
                                              "second line", "shown: Empathy", "Good acknowledgement here"});
    CHECK(t.items[1].kind == TimelineKind::Comment);
    CHECK(t.items[3].offset == 20s); // a line without a time sits with the line before it
}

TEST_CASE("an event kind this version does not know is still shown, by its own name") {
    CallRecord call;
    call.startedAt = fromUnixMs(0);
    call.events = {{call.startedAt, 3s, "sentiment", "caller calmer"}};
    const ReviewTimeline t = buildTimeline(call);
    REQUIRE(t.items.size() == 1);
    CHECK(t.items[0].kind == TimelineKind::Other);
    CHECK(t.items[0].label == "sentiment");
    CHECK(t.items[0].detail == "caller calmer");
    CHECK(t.length == 3s);
}
