#pragma once

#include "TestServer.h"
#include "session/CallSession.h"
#include "store/CallStore.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "store/Outbox.h"
#include "support/FakeClock.h"
#include "support/RecordingServices.h"
#include "sync/CallSync.h"

#include <random>

namespace cc::test {

/// An agent's PC in the server tests: its store, with the outbox on, and a way to finish calls from
/// the keyboard's side (the session), as the window does.
struct AgentPc {
    FakeClock clock;
    Database db{":memory:"};
    CallStore store{(migrate(db), db)};
    RecordingServices services;
    CallSession session{clock, store, services};
    std::mt19937 rng{1};

    AgentPc() { setOutboxPolicy(db, {.on = true}); }

    /// A call: 2 minutes of talk, a referral, 30 s on hold, 30 s of wrap-up; an hour passes after it.
    std::int64_t finishCall(const std::string& caller, const std::string& notes = "Printer offline") {
        using namespace std::chrono_literals;
        REQUIRE(session.start());
        session.setNotes(notes);
        CallFields f;
        f.callerName = caller;
        f.outcome = "resolved";
        session.setFields(f);
        session.recordReferral("Payroll team");
        clock.advance(2min);
        REQUIRE(session.toggleHold());
        clock.advance(30s);
        REQUIRE(session.toggleHold());
        REQUIRE(session.end());
        clock.advance(30s);
        const auto id = session.callId();
        REQUIRE(session.finishWrapUp());
        clock.advance(1h);
        return id;
    }
    /// Sends what is due an hour from now (past any retry's wait).
    SendReport send(PgConnection& server) {
        using namespace std::chrono_literals;
        return sendDue(db, server, clock.wallNow() + 1h, rng);
    }
    /// Sends as `login`.
    SendReport sync(const TestServer& server, const std::string& login) {
        PgConnection link(server.config(login));
        return send(link);
    }
    int waiting() { return Outbox(db).counts().waiting; }
    std::string storeId() {
        auto st = db.prepare("SELECT value FROM meta WHERE key = 'store_id'");
        st.step();
        return st.columnText(0);
    }
};

} // namespace cc::test
