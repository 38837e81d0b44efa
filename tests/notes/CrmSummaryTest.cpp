#include "notes/CrmSummary.h"

#include "data/OutcomeList.h"
#include "support/FakeClock.h"

#include <doctest/doctest.h>

using namespace cc;
using namespace std::chrono_literals;

TEST_CASE("the CRM summary lists the call's fields, times, stamped notes, referrals and transfers") {
    test::FakeClock clock;
    CallRecord call;
    call.startedAt = clock.wallNow();
    call.fields = CallFields{"Ana Souza", "555-0100", "C-42", "printer", "resolved"};
    call.segments = {{SegmentKind::Talk, call.startedAt, 185s, false},
                     {SegmentKind::Hold, call.startedAt, 40s, false},
                     {SegmentKind::WrapUp, call.startedAt, 30s, false}};
    call.notes = {
        {call.startedAt + 10s, "Printer offline"}, {std::nullopt, ""}, {call.startedAt + 90s, "Fixed"}};
    call.transfers = {{call.startedAt + 100s, "Tier 2", "driver"}};
    call.events = {
        {call.startedAt + 50s, 50s, EventKind::Referral, {"Acme Printers support (https://acme.example)"}}};
    const auto outcomes = OutcomeList::load(std::string(CC_SOURCE_DATA_DIR) + "/outcomes.toml");

    const auto summary = CrmSummary::load(std::string(CC_SOURCE_DATA_DIR) + "/summary.txt");
    REQUIRE(summary.usable());
    const std::string text =
        summary.render(callPlaceholders(call, AgentProfile{"Sam", "Example Co"}, outcomes));
    CHECK(text.find("Caller: Ana Souza\n") != std::string::npos);
    CHECK(text.find("Case: C-42\n") != std::string::npos);
    CHECK(text.find("talk 3:05, hold 0:40, wrap-up 0:30") != std::string::npos);
    CHECK(text.find("Outcome: Resolved on the call\n") != std::string::npos);
    CHECK(text.find("Printer offline\n") != std::string::npos);
    CHECK(text.find("Acme Printers support") != std::string::npos);
    CHECK(text.find("Tier 2 (driver)") != std::string::npos);
    CHECK(text.find("Agent: Sam") != std::string::npos);
    CHECK(text.find("\n\n\n") == std::string::npos);
    CHECK(text.find('#') == std::string::npos); // the template's comment header stays out
}

TEST_CASE("empty sections leave no gaps and the template's mistakes are located") {
    const auto ok = CrmSummary::fromText("# comment\nA: {caller_name}\n\n{transfers}\n\nB\n", "s.txt");
    REQUIRE(ok.usable());
    CHECK(ok.render(Placeholders{{"caller_name", "x"}, {"transfers", ""}}) == "A: x\n\nB\n");
    const auto bad = CrmSummary::fromText("# one\n# two\nCaller: {caler}\n", "s.txt");
    REQUIRE(bad.errors().size() == 1);
    CHECK(bad.errors()[0].toString() == "s.txt:3:9: unknown placeholder {caler}");
}
