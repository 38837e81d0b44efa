// Faults met while a call is in progress: the database locked by another program, the database turned
// read-only, the wall clock jumping backwards. Each ends in one clear message and no lost note.
#include "session/CallSession.h"
#include "store/DataDir.h"
#include "store/Database.h"
#include "support/FakeClock.h"
#include "support/RecordingServices.h"
#include "support/TempDir.h"

#include <doctest/doctest.h>

using namespace cc;
using namespace std::chrono_literals;

namespace {
/// A call on a real database file in a temp data folder, as the app opens it.
struct OnDisk {
    test::TempDir tmp;
    test::FakeClock clock;
    DataDir dir{tmp.path() / "data"};
    OpenedStore opened = dir.open(clock.wallNow());
    CallStore store{*opened.db};
    test::RecordingServices services;
    CallSession session{clock, store, services};

    void run(Duration d) {
        for (auto t = 0ms; t < d; t += 100ms) {
            clock.advance(100ms);
            session.tick();
        }
    }
    std::string savedNotes() { return joined(store.load(session.callId())); }
    static std::string joined(const CallRecord& r) {
        std::string out;
        for (std::size_t i = 0; i < r.notes.size(); ++i)
            out += (i ? "\n" : "") + r.notes[i].text;
        return out;
    }
};

bool mentions(const test::RecordingServices::Message& m, const std::string& what) {
    return m.text.find(what) != std::string::npos;
}
} // namespace

TEST_CASE("a database locked by another program keeps the notes in memory, says so once, and saves them when "
          "the lock goes") {
    OnDisk f;
    f.session.start();
    f.session.setNotes("Caller cannot print");
    f.run(1s);
    REQUIRE(f.savedNotes() == "Caller cannot print");

    Database other(f.dir.databasePath()); // e.g. the sqlite3 shell, or a backup tool
    other.exec("BEGIN EXCLUSIVE");
    f.session.setNotes("Caller cannot print\nDriver reinstalled");
    f.session.toggleHold(); // a state change is saved at once: it fails too
    f.run(3s);
    CHECK(f.session.saveFailing());
    CHECK(f.session.unsaved());
    CHECK(f.session.notes().text() == "Caller cannot print\nDriver reinstalled");
    REQUIRE(f.services.messages.size() == 1);
    CHECK(f.services.messages[0].level == UserServices::Level::Error);
    CHECK(mentions(f.services.messages[0], "locked by another program"));
    CHECK(mentions(f.services.messages[0], f.dir.databasePath().string()));

    other.exec("COMMIT");
    f.run(1s);
    CHECK_FALSE(f.session.saveFailing());
    CHECK_FALSE(f.session.unsaved());
    CHECK(f.savedNotes() == "Caller cannot print\nDriver reinstalled");
    CHECK(f.store.load(f.session.callId()).state == CallState::OnHold);
    REQUIRE(f.services.messages.size() == 2);
    CHECK(mentions(f.services.messages[1], "nothing was lost"));
}

TEST_CASE("a save that meets another program's lock gives up at once instead of freezing the window for "
          "two seconds") {
    // Saves run on the window's thread: SQLite's busy wait (2 s when the store is opened) held the
    // window still on every retry while another program kept the database locked.
    OnDisk f;
    f.session.start();
    Database other(f.dir.databasePath());
    other.exec("BEGIN EXCLUSIVE");
    f.session.setNotes("typed while locked");
    f.clock.advance(1s);
    const auto before = std::chrono::steady_clock::now();
    f.session.tick();
    const auto took = std::chrono::steady_clock::now() - before;
    CHECK(f.session.saveFailing());
    CHECK(took < 500ms);
    other.exec("ROLLBACK");
}

TEST_CASE(
    "a database that turns read-only mid-call keeps the notes, names the file, and saves once it can be "
    "written again") {
    OnDisk f;
    f.session.start();
    f.session.setNotes("Router reset");
    f.run(1s);
    // What a file system remounted read-only does to the open connection: every write is refused
    // with SQLITE_READONLY.
    f.opened.db->exec("PRAGMA query_only = ON");
    f.session.setNotes("Router reset\nStill no signal");
    f.run(3s);
    CHECK(f.session.saveFailing());
    REQUIRE(f.services.messages.size() == 1);
    CHECK(mentions(f.services.messages[0], "is read-only"));
    CHECK(mentions(f.services.messages[0], f.dir.databasePath().string()));
    CHECK(f.session.notes().text() == "Router reset\nStill no signal");

    SUBCASE("the call can be finished meanwhile and reaches the disk later") {
        const auto id = f.session.callId();
        f.session.end();
        f.session.finishWrapUp();
        f.run(1s);
        CHECK(f.session.unsaved());
        f.opened.db->exec("PRAGMA query_only = OFF");
        f.run(1s);
        CHECK_FALSE(f.session.unsaved());
        const CallRecord saved = f.store.load(id);
        CHECK(saved.finished);
        CHECK(OnDisk::joined(saved) == "Router reset\nStill no signal");
    }
    SUBCASE("writable again: the next retry saves everything") {
        f.opened.db->exec("PRAGMA query_only = OFF");
        f.run(1s);
        CHECK_FALSE(f.session.saveFailing());
        CHECK(f.savedNotes() == "Router reset\nStill no signal");
    }
}

TEST_CASE(
    "a wall clock that jumps back an hour mid-call changes no duration and loses no note, before or after "
    "a restore") {
    OnDisk f;
    f.session.start();
    f.session.setNotes("Before the jump");
    f.run(30s);
    f.clock.jumpWall(-1h); // e.g. NTP corrects a clock that was an hour fast
    f.session.setNotes("Before the jump\nAfter the jump");
    f.run(10s);
    f.session.toggleHold();
    f.run(20s);
    CHECK(f.session.timer().talkTime() == 40s);
    CHECK(f.session.timer().currentHold() == 20s);
    CHECK(f.savedNotes() == "Before the jump\nAfter the jump");
    // The timeline keeps the call's own order: offsets come from the steady clock.
    const auto& events = f.session.events();
    REQUIRE(events.size() >= 2);
    CHECK(events.back().kind == EventKind::Held);
    CHECK(events.back().offset == 40s);

    SUBCASE("killed after the jump, the call comes back with its time and notes") {
        const auto id = f.session.callId();
        f.clock.advance(5s); // the app is down for 5 s
        test::RecordingServices services;
        CallSession after(f.clock, f.store, services);
        REQUIRE(after.restoreUnfinished());
        CHECK(after.callId() == id);
        CHECK(after.timer().talkTime() == 40s);
        CHECK(after.timer().currentHold() == 25s);
        CHECK(after.notes().text() == "Before the jump\nAfter the jump");
    }
    SUBCASE("the call ends with its real lengths saved") {
        f.session.toggleHold();
        f.run(5s);
        f.session.end();
        f.run(7s);
        const auto id = f.session.callId();
        f.session.finishWrapUp();
        const CallRecord saved = f.store.load(id);
        CHECK(totalOf(saved.segments, SegmentKind::Talk) == 45s);
        CHECK(totalOf(saved.segments, SegmentKind::Hold) == 20s);
        CHECK(totalOf(saved.segments, SegmentKind::WrapUp) == 7s);
    }
}
