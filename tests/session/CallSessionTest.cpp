#include "session/CallSession.h"

#include "store/Database.h"
#include "store/Migrations.h"
#include "support/FakeClock.h"
#include "support/RecordingServices.h"

#include <algorithm>
#include <doctest/doctest.h>

using namespace cc;
using namespace std::chrono_literals;

namespace {
struct Fixture {
    test::FakeClock clock;
    Database db{":memory:"};
    CallStore store{(migrate(db), db)};
    test::RecordingServices services;
    CallSession session{clock, store, services};

    std::vector<std::string> savedEventKinds(std::int64_t id) {
        std::vector<std::string> kinds;
        for (const auto& e : store.load(id).events)
            kinds.emplace_back(wordOf(e.kind));
        return kinds;
    }
    /// Lets time pass the way the app's timer would: a tick every 100 ms.
    void run(Duration d) {
        for (auto t = 0ms; t < d; t += 100ms) {
            clock.advance(100ms);
            session.tick();
        }
    }
};
} // namespace

TEST_CASE("every state change of a call is saved at once in its timeline") {
    Fixture f;
    REQUIRE(f.session.start());
    const auto id = f.session.callId();
    REQUIRE(id > 0);
    f.clock.advance(30s);
    REQUIRE(f.session.toggleHold());
    f.clock.advance(10s);
    REQUIRE(f.session.toggleHold());
    REQUIRE(f.session.end());
    CHECK(f.savedEventKinds(id) == std::vector<std::string>{"started", "held", "resumed", "ended"});
    const CallRecord saved = f.store.load(id);
    CHECK(saved.state == CallState::WrapUp);
    CHECK(saved.events[1].offset == 30s);
    CHECK(saved.events[2].offset == 40s);

    f.clock.advance(20s);
    REQUIRE(f.session.finishWrapUp());
    CHECK_FALSE(f.session.inCall());
    const CallRecord done = f.store.load(id);
    CHECK(done.finished);
    CHECK(done.finishedAt == f.clock.wallNow());
    CHECK(f.savedEventKinds(id).back() == "finished");
    const auto today = f.session.todaysCalls();
    REQUIRE(today.size() == 1);
    CHECK(today[0].handleTime() == 60s);
}

TEST_CASE("notes reach the database within a second of the keystroke") {
    Fixture f;
    f.session.start();
    const auto id = f.session.callId();
    f.session.setNotes("Caller cannot print");
    CHECK(f.session.unsaved());
    CHECK(f.store.load(id).notes.empty());
    f.run(1s);
    CHECK_FALSE(f.session.unsaved());
    REQUIRE(f.store.load(id).notes.size() == 1);
    CHECK(f.store.load(id).notes[0].text == "Caller cannot print");

    SUBCASE("steady typing is saved while it goes on") {
        std::string text = "Caller cannot print";
        for (int i = 0; i < 20; ++i) {
            text += " x";
            f.session.setNotes(text);
            f.clock.advance(100ms);
            f.session.tick();
        }
        // 2 s of typing with no pause: what was typed a second ago is on disk.
        const std::string onDisk = f.store.load(id).notes.at(0).text;
        CHECK(onDisk.size() >= text.size() - 2 * 10);
    }
}

TEST_CASE("fields and transfers are saved with the call") {
    Fixture f;
    f.session.start();
    f.session.setFields(CallFields{"Ana", "555-0100", "C-9", "VPN", "resolved"});
    f.session.addTransfer("Network team", "VPN certificate");
    f.run(1s);
    const CallRecord saved = f.store.load(f.session.callId());
    CHECK(saved.fields.callerName == "Ana");
    CHECK(saved.fields.outcome == "resolved");
    REQUIRE(saved.transfers.size() == 1);
    CHECK(saved.transfers[0].to == "Network team");
    CHECK(f.savedEventKinds(saved.id).back() == "transfer");
}

TEST_CASE("outside a call, notes and fields are not taken") {
    Fixture f;
    CHECK_FALSE(f.session.setNotes("stray text"));
    f.session.setFields(CallFields{"x", "", "", "", ""});
    CHECK(f.session.fields().callerName.empty());
    CHECK_FALSE(f.session.toggleHold());
    CHECK_FALSE(f.session.end());
    CHECK_FALSE(f.session.finishWrapUp());
}

TEST_CASE("a long hold nudges the agent once a minute and each nudge is in the timeline") {
    Fixture f;
    f.session.start();
    f.session.toggleHold();
    f.run(59s);
    CHECK_FALSE(f.session.checkBackDue());
    f.run(2s);
    CHECK(f.session.checkBackDue() == Duration{60s});
    f.run(60s);
    CHECK(f.session.checkBackDue() == Duration{120s});
    f.session.toggleHold();
    CHECK_FALSE(f.session.checkBackDue());
    const auto kinds = f.savedEventKinds(f.session.callId());
    CHECK(std::count(kinds.begin(), kinds.end(), "checkback") == 2);
    const auto events = f.store.load(f.session.callId()).events;
    const auto it =
        std::find_if(events.begin(), events.end(), [](auto& e) { return e.kind == EventKind::CheckBack; });
    CHECK(it->facts == std::vector<std::string>{"60000"}); // the hold's length, not an English sentence
}

TEST_CASE("starting a call during wrap-up finishes the previous one first") {
    Fixture f;
    f.session.start();
    const auto first = f.session.callId();
    f.session.setNotes("first call");
    f.session.end();
    f.clock.advance(5s);
    REQUIRE(f.session.start());
    CHECK(f.session.callId() != first);
    CHECK(f.store.load(first).finished);
    CHECK(f.store.load(first).notes.at(0).text == "first call");
    CHECK(f.session.notes().empty());
}

TEST_CASE("an incoming call that is never answered is saved as missed") {
    Fixture f;
    REQUIRE(f.session.signalIncoming());
    const auto id = f.session.callId();
    f.clock.advance(15s);
    REQUIRE(f.session.end());
    CHECK_FALSE(f.session.inCall());
    const CallRecord saved = f.store.load(id);
    CHECK(saved.missed);
    CHECK(saved.finished);
    CHECK(f.savedEventKinds(id) == std::vector<std::string>{"incoming", "missed"});
}

TEST_CASE("an unfinished call is restored after the app dies, with its notes and timeline") {
    test::FakeClock clock;
    Database db(":memory:");
    migrate(db);
    CallStore store(db);
    std::int64_t id = 0;
    {
        test::RecordingServices services;
        CallSession before(clock, store, services);
        before.start();
        id = before.callId();
        before.setNotes("Line one\nLine two");
        clock.advance(40s);
        before.toggleHold();
        clock.advance(10s);
        before.tick();
        // The process is killed here: no flush, no close.
    }
    clock.advance(7s); // the agent restarts the app
    test::RecordingServices services;
    CallSession after(clock, store, services);
    REQUIRE(after.restoreUnfinished());
    CHECK(after.callId() == id);
    CHECK(after.timer().state() == CallState::OnHold);
    CHECK(after.timer().talkTime() == 40s);
    CHECK(after.timer().currentHold() == 17s); // the 7 s the app was away count as hold
    CHECK(after.notes().text() == "Line one\nLine two");
    CHECK(after.events().back().kind == EventKind::Restored);
    CHECK(after.events().back().facts ==
          std::vector<std::string>{"17000"}); // since the last save, at the hold
    REQUIRE(services.messages.size() == 1);
    CHECK(services.messages[0].text.find("restored") != std::string::npos);

    after.toggleHold();
    after.end();
    after.finishWrapUp();
    CHECK_FALSE(store.unfinishedCall());
}

TEST_CASE("a clock that jumped backwards while the app was down adds no negative time") {
    test::FakeClock clock;
    Database db(":memory:");
    migrate(db);
    CallStore store(db);
    {
        test::RecordingServices services;
        CallSession before(clock, store, services);
        before.start();
        clock.advance(30s);
        before.setNotes("x");
        before.flush();
    }
    clock.jumpWall(-1h);
    test::RecordingServices services;
    CallSession after(clock, store, services);
    REQUIRE(after.restoreUnfinished());
    CHECK(after.timer().talkTime() == 30s);
}

TEST_CASE("with nothing unfinished, restoring does nothing") {
    Fixture f;
    CHECK_FALSE(f.session.restoreUnfinished());
    CHECK(f.services.messages.empty());
}

TEST_CASE("a full disk keeps the notes in memory, says so once, and saves them when there is room") {
    Fixture f;
    f.session.start();
    const auto id = f.session.callId();
    f.run(1s);
    // Cap the database at its current size: the next write that needs a page fails with SQLITE_FULL.
    const auto pages = f.db.scalar("PRAGMA page_count");
    f.db.exec("PRAGMA max_page_count = " + std::to_string(pages));
    std::string big(20000, 'n');
    f.session.setNotes(big);
    f.run(3s);
    CHECK(f.session.saveFailing());
    CHECK(f.session.unsaved());
    REQUIRE(f.services.messages.size() == 1);
    CHECK(f.services.messages[0].level == UserServices::Level::Error);
    CHECK(f.services.messages[0].text.find("disk is full") != std::string::npos);

    SUBCASE("the call can even be finished while the disk is full") {
        f.session.end();
        f.session.finishWrapUp();
        CHECK_FALSE(f.session.inCall());
        CHECK(f.session.unsaved());
        f.db.exec("PRAGMA max_page_count = 1000000");
        f.run(1s);
        CHECK_FALSE(f.session.unsaved());
        const CallRecord saved = f.store.load(id);
        CHECK(saved.finished);
        CHECK(saved.notes.at(0).text == big);
    }
    SUBCASE("room again: the next retry saves everything") {
        f.db.exec("PRAGMA max_page_count = 1000000");
        f.run(1s);
        CHECK_FALSE(f.session.saveFailing());
        CHECK(f.store.load(id).notes.at(0).text == big);
        CHECK(f.services.messages.back().text.find("nothing was lost") != std::string::npos);
    }
}

TEST_CASE("edits anywhere in the notes are saved, whichever line they touch") {
    Fixture f;
    f.session.start();
    const auto id = f.session.callId();
    f.session.setNotes("one\ntwo\nthree");
    f.run(1s);
    f.session.setNotes("one\ntwo\nthree\nfour");
    f.session.setNotes("ONE\ntwo\nthree\nfour");
    f.run(1s);
    f.session.setNotes("ONE\nthree\nfour");
    f.run(1s);
    std::string onDisk;
    for (const auto& line : f.store.load(id).notes)
        onDisk += line.text + "|";
    CHECK(onDisk == "ONE|three|four|");
}

TEST_CASE("a card number typed into the notes is masked before it is kept, and the timeline says so") {
    Fixture f;
    f.session.start();
    auto change = f.session.setNotes("Card 4111 1111 1111 111");
    REQUIRE(change);
    CHECK_FALSE(change->masked);
    change = f.session.setNotes("Card 4111 1111 1111 1111");
    REQUIRE(change);
    CHECK(change->masked);
    CHECK(f.session.notes().text() == "Card **** **** **** 1111");
    const auto& last = f.session.events().back();
    CHECK(last.kind == EventKind::Masked);
    CHECK(last.facts == std::vector<std::string>{"1", "0", "0"}); // how many, never what
    REQUIRE(f.services.messages.size() == 1);
    CHECK(f.services.messages[0].text.find("Masked a card number") != std::string::npos);
}

TEST_CASE("fields are masked too, and a phone number in them is not") {
    Fixture f;
    f.session.start();
    CHECK(f.session.setFields(CallFields{"Ana", "+1 555 010 0199", "5555555555554444", "cvv 123", ""}));
    CHECK(f.session.fields().callbackNumber == "+1 555 010 0199");
    CHECK(f.session.fields().caseNumber == "************4444");
    CHECK(f.session.fields().reason == "cvv ***");
    CHECK_FALSE(f.session.setFields(CallFields{"Ana", "+1 555 010 0199", "C-1", "", ""}));
}

TEST_CASE("earlier calls from the same callback or case number are found, not the call itself") {
    Fixture f;
    for (const char* number : {"555-0100", "555-0100", "555-0199"}) {
        f.session.start();
        f.session.setFields(CallFields{"", number, "", "", ""});
        f.session.end();
        f.session.finishWrapUp();
        f.clock.advance(10min);
    }
    f.session.start();
    f.session.setFields(CallFields{"", "555-0100", "", "", ""});
    CHECK(f.session.earlierCalls().size() == 2);
    f.session.setFields(CallFields{"", "", "CASE-9", "", ""});
    CHECK(f.session.earlierCalls().empty());
    f.session.setFields(CallFields{"", "555-0199", "", "", ""});
    CHECK(f.session.earlierCalls().size() == 1);
}

TEST_CASE("a repeat caller's name comes from their latest earlier call, only while this call has none") {
    Fixture f;
    for (const char* name : {"Robin Old", "", "Robin Example"}) {
        f.session.start();
        f.session.setFields(CallFields{name, "555-0100", "", "", ""});
        f.session.end();
        f.session.finishWrapUp();
        f.clock.advance(10min);
    }
    f.session.start();
    CHECK_FALSE(f.session.nameFromEarlierCall());
    f.session.setFields(CallFields{"", "555-0100", "", "", ""});
    CHECK(f.session.nameFromEarlierCall() == "Robin Example");
    SUBCASE("a name typed for this call is never replaced") {
        f.session.setFields(CallFields{"Sam", "555-0100", "", "", ""});
        CHECK_FALSE(f.session.nameFromEarlierCall());
    }
    SUBCASE("another number has no name to carry") {
        f.session.setFields(CallFields{"", "555-0199", "", "", ""});
        CHECK_FALSE(f.session.nameFromEarlierCall());
    }
}

TEST_CASE("not even the start of a card number reaches the disk while it is being typed") {
    Fixture f;
    f.session.start();
    const auto id = f.session.callId();
    const std::string line = "Card 4111 1111 1111 1111 read out";
    for (std::size_t i = 1; i <= line.size(); ++i) {
        f.session.setNotes(line.substr(0, i));
        f.run(1s); // a save after every keystroke: the worst case
        const std::string onDisk = f.store.load(id).notes.at(0).text;
        CHECK_MESSAGE(onDisk.find("4111 111") == std::string::npos, onDisk);
    }
    CHECK(f.store.load(id).notes.at(0).text == "Card **** **** **** 1111 read out");

    SUBCASE("a phone number at the end of the line is saved in full once the agent moves on") {
        f.session.setNotes(line + "\nCall back on 555 010 0199");
        f.run(1s);
        CHECK(f.store.load(id).notes.at(1).text == "Call back on *** *** ****");
        f.session.setNotes(line + "\nCall back on 555 010 0199\n");
        f.session.setNotes(line + "\nCall back on 555 010 0199\nThanked");
        f.run(1s);
        CHECK(f.store.load(id).notes.at(1).text == "Call back on 555 010 0199");
    }
    SUBCASE("or when the call is done") {
        f.session.setNotes(line + "\nCall back on 555 010 0199");
        f.session.end();
        f.session.finishWrapUp();
        CHECK(f.store.load(id).notes.at(1).text == "Call back on 555 010 0199");
    }
}

TEST_CASE("a referral given during a call is in the call's timeline") {
    Fixture f;
    f.session.start();
    f.session.recordReferral("HP (https://support.hp.com)");
    const auto events = f.store.load(f.session.callId()).events;
    REQUIRE(events.size() == 2);
    CHECK(events[1].kind == EventKind::Referral);
    CHECK(events[1].fact() == "HP (https://support.hp.com)");
}

TEST_CASE("when the team requires an outcome, wrap-up stays open until one is chosen") {
    // Regression: Ctrl+D accepted a call whose outcome was "(not set)".
    Fixture f;
    f.session.setOutcomeRequired(true);
    REQUIRE(f.session.start());
    REQUIRE(f.session.end());
    CHECK(f.session.outcomeMissing());
    CHECK_FALSE(f.session.finishWrapUp());
    CHECK(f.session.timer().state() == CallState::WrapUp);
    SUBCASE("choosing an outcome lets it finish") {
        CallFields fields = f.session.fields();
        fields.outcome = "resolved";
        f.session.setFields(fields);
        CHECK_FALSE(f.session.outcomeMissing());
        CHECK(f.session.finishWrapUp());
        CHECK(f.session.timer().state() == CallState::Idle);
    }
    SUBCASE("a new call is never refused: it finishes the old one as it stands") {
        CHECK(f.session.start());
        CHECK(f.session.timer().state() == CallState::Talking);
    }
    SUBCASE("without the rule, no outcome is needed") {
        f.session.setOutcomeRequired(false);
        CHECK(f.session.finishWrapUp());
    }
}

TEST_CASE("the CRM summary is about the call in progress, else today's last finished call") {
    Fixture f;
    CHECK_FALSE(f.session.callForSummary());
    f.session.start();
    f.session.setFields(CallFields{"Ana", "", "", "", ""});
    CHECK(f.session.callForSummary()->fields.callerName == "Ana");
    f.session.end();
    f.session.finishWrapUp();
    f.clock.advance(60s);
    REQUIRE(f.session.callForSummary());
    CHECK(f.session.callForSummary()->fields.callerName == "Ana"); // finished: read back from the store
    f.session.start();
    f.session.setFields(CallFields{"Ben", "", "", "", ""});
    CHECK(f.session.callForSummary()->fields.callerName == "Ben");
}
