#pragma once

#include "session/CallSession.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "support/FakeClock.h"
#include "support/RecordingServices.h"
#include "support/TempDir.h"

#include <string>

namespace cc::test {

using namespace std::chrono_literals;

/// An agent's store on disk with calls made through the real CallSession, for the review tests.
struct ReviewFixture {
    TempDir dir;
    FakeClock clock;
    std::filesystem::path path = dir.path() / "companion.db";
    Database db{path};
    CallStore store{(migrate(db), db)};
    RecordingServices services;
    CallSession session{clock, store, services};

    /// A whole call: talk, a note, a hold, a referral, more talk, wrap-up. Returns its id.
    std::int64_t call(const std::string& caller, const std::string& note, const std::string& outcome,
                      Duration talk = 60s, Duration hold = 20s) {
        session.start();
        clock.advance(talk / 2);
        session.setNotes(note);
        session.setFields(
            CallFields{caller, "+1 555 0100", "CASE-" + caller.substr(0, 1), "printer", outcome});
        session.toggleHold();
        clock.advance(hold);
        session.toggleHold();
        session.recordReferral("Printer maker support");
        clock.advance(talk / 2);
        session.end();
        clock.advance(30s);
        const auto id = session.callId();
        session.finishWrapUp();
        return id;
    }
};

} // namespace cc::test
