#include "softphone/CallCommand.h"

#include "session/CallSession.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "support/FakeClock.h"
#include "support/RecordingServices.h"

#include <doctest/doctest.h>

using namespace cc;
using namespace std::chrono_literals;

TEST_CASE("hook arguments are read in the usual forms, MicroSIP's appended number included") {
    auto c = parseCallCommand({"incoming", "--number", "+1 555 0100", "--name", "Ana Souza"}).command;
    REQUIRE(c);
    CHECK(c->action == CallCommand::Action::Incoming);
    CHECK(c->number == "+1 555 0100");
    CHECK(c->name == "Ana Souza");
    c = parseCallCommand({"start", "--number", "5550100"}).command;
    CHECK(c->number == "5550100");
    c = parseCallCommand({"end", "--number=555", "--name=Bo"}).command;
    CHECK(c->name == "Bo");
    c = parseCallCommand({"incoming", "5550199"}).command; // appended by the softphone
    CHECK(c->number == "5550199");
    CHECK(parseCallCommand({"hold"}).command->action == CallCommand::Action::Hold);
}

TEST_CASE("bad hook arguments are refused with a reason") {
    CHECK(parseCallCommand({}).error.find("incoming") != std::string::npos);
    CHECK(parseCallCommand({"dial"}).error ==
          "unknown call event 'dial': use incoming, start, hold, resume or end");
    CHECK(parseCallCommand({"start", "--frobnicate"}).error == "unknown option '--frobnicate'");
}

TEST_CASE("the IPC form round-trips and survives hostile names") {
    CallCommand c{CallCommand::Action::Start, "555\t0100\n", "Ana\x01 Souza"};
    const auto back = decodeCallCommand(encodeCallCommand(c));
    REQUIRE(back);
    CHECK(back->action == CallCommand::Action::Start);
    CHECK(back->number == "5550100");
    CHECK(back->name == "Ana Souza");
    CHECK_FALSE(decodeCallCommand("raise"));
    CHECK_FALSE(decodeCallCommand("call\tdial\t1\t2"));
    CHECK_FALSE(decodeCallCommand("call\tstart\t1"));
    CHECK(decodeCallCommand(encodeCallCommand({CallCommand::Action::End, std::string(5000, '9'), ""}))
              ->number.size() == 200);
}

TEST_CASE("softphone events drive the call: ring, answer, hold, resume, end; unanswered is missed") {
    test::FakeClock clock;
    Database db(":memory:");
    migrate(db);
    CallStore store(db);
    test::RecordingServices services;
    CallSession session(clock, store, services);

    CHECK(applyCallCommand(session, {CallCommand::Action::Incoming, "555-0100", "Ana"}));
    CHECK(session.timer().state() == CallState::Ringing);
    CHECK(session.fields().callbackNumber == "555-0100");
    CHECK(session.fields().callerName == "Ana");
    clock.advance(5s);
    CHECK(applyCallCommand(session, {CallCommand::Action::Start, "555-0100", ""}));
    CHECK(session.timer().state() == CallState::Talking);
    CHECK_FALSE(applyCallCommand(session, {CallCommand::Action::Resume, "", ""}));
    CHECK(applyCallCommand(session, {CallCommand::Action::Hold, "", ""}));
    CHECK_FALSE(applyCallCommand(session, {CallCommand::Action::Hold, "", ""}));
    CHECK(applyCallCommand(session, {CallCommand::Action::Resume, "", ""}));
    clock.advance(60s);
    CHECK(applyCallCommand(session, {CallCommand::Action::End, "", ""}));
    CHECK(session.timer().state() == CallState::WrapUp);
    CHECK(session.timer().ringTime() == 5s);
    session.finishWrapUp();

    CHECK(applyCallCommand(session, {CallCommand::Action::Incoming, "555-0199", ""}));
    const auto id = session.callId();
    CHECK(applyCallCommand(session, {CallCommand::Action::End, "", ""}));
    CHECK(store.load(id).missed);
    CHECK(store.load(id).fields.callbackNumber == "555-0199");
}
