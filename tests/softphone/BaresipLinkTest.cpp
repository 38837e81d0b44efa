#include "softphone/BaresipLink.h"

#include "softphone/Netstring.h"

#include <doctest/doctest.h>

using namespace cc;
using namespace std::chrono_literals;

TEST_CASE("netstrings split across reads and joined in one read are both cut right") {
    NetstringDecoder d;
    const std::string a = encodeNetstring("{\"a\":1}"), b = encodeNetstring("hello");
    auto r = d.feed(a.substr(0, 3));
    CHECK(r.frames.empty());
    r = d.feed(a.substr(3) + b + b.substr(0, 2));
    REQUIRE(r.frames.size() == 2);
    CHECK(r.frames[0] == "{\"a\":1}");
    CHECK(r.frames[1] == "hello");
    CHECK(d.pending() == 2);
    r = d.feed(b.substr(2));
    REQUIRE(r.frames.size() == 1);
    CHECK(r.problems.empty());
    CHECK(encodeNetstring("") == "0:,");
}

TEST_CASE("garbage, a missing comma and an oversize length are reported and skipped") {
    NetstringDecoder d(100);
    auto r = d.feed("xyz" + encodeNetstring("ok"));
    CHECK(r.frames == std::vector<std::string>{"ok"});
    CHECK_FALSE(r.problems.empty());
    r = d.feed("5:hello;" + encodeNetstring("next"));
    CHECK(r.frames == std::vector<std::string>{"next"});
    r = d.feed("999999:" + std::string(20, 'x') + encodeNetstring("after"));
    CHECK(r.frames == std::vector<std::string>{"after"});
    r = d.feed(std::string(500, '-'));
    CHECK(r.frames.empty());
    CHECK(d.pending() <= 116);
}

TEST_CASE("baresip call events become call events with the caller's number and name") {
    BaresipLink link;
    auto ev = [](const char* type) {
        return encodeNetstring(
            std::string(R"({"event":true,"type":")") + type +
            R"(","class":"call","peeruri":"sip:5550100@127.0.0.1;transport=udp","peerdisplayname":"Ana Souza","id":"c1"})");
    };
    auto r = link.received(ev("CALL_INCOMING") + ev("CALL_RINGING") + ev("CALL_ESTABLISHED"));
    REQUIRE(r.calls.size() == 2);
    CHECK(r.calls[0].action == CallCommand::Action::Incoming);
    CHECK(r.calls[0].number == "5550100");
    CHECK(r.calls[0].name == "Ana Souza");
    CHECK(r.calls[1].action == CallCommand::Action::Start);
    r = link.received(ev("CALL_CLOSED"));
    REQUIRE(r.calls.size() == 1);
    CHECK(r.calls[0].action == CallCommand::Action::End);
    r = link.received(encodeNetstring(R"({"event":true,"class":"register","type":"REGISTER_OK"})") +
                      encodeNetstring("not json") + encodeNetstring("[1,2]"));
    CHECK(r.calls.empty());
    CHECK(r.problems.size() == 2);
}

TEST_CASE("responses are matched to their commands by token, whatever events come between") {
    BaresipLink link;
    const std::string hold = link.command("hold");
    const std::string resume = link.command("resume");
    CHECK(hold.find("\"command\":\"hold\"") != std::string::npos);
    CHECK(hold.find("\"token\":\"t1\"") != std::string::npos);
    const auto r = link.received(
        encodeNetstring(R"({"response":true,"ok":true,"data":"","token":"t2"})") +
        encodeNetstring(R"({"event":true,"class":"call","type":"CALL_ESTABLISHED","peeruri":"sip:1@h"})") +
        encodeNetstring(R"({"response":true,"ok":false,"data":"no call","token":"t1"})"));
    REQUIRE(r.responses.size() == 2);
    CHECK(r.responses[0].command == "resume");
    CHECK(r.responses[1].command == "hold");
    CHECK_FALSE(r.responses[1].ok);
    CHECK(r.responses[1].data == "no call");
    CHECK(r.calls.size() == 1);
}

TEST_CASE("reconnecting backs off from 1 s to 30 s and starts over once connected") {
    ReconnectPolicy p;
    CHECK(p.nextDelay() == 1s);
    CHECK(p.nextDelay() == 2s);
    CHECK(p.nextDelay() == 4s);
    CHECK(p.nextDelay() == 8s);
    CHECK(p.nextDelay() == 16s);
    CHECK(p.nextDelay() == 30s);
    CHECK(p.nextDelay() == 30s);
    p.connected();
    CHECK(p.nextDelay() == 1s);
}

TEST_CASE("a number is taken from the peer URI") {
    CHECK(BaresipLink::numberFromUri("sip:5550100@127.0.0.1") == "5550100");
    CHECK(BaresipLink::numberFromUri("sips:+15550100@example.org;user=phone") == "+15550100");
    CHECK(BaresipLink::numberFromUri("5550100") == "5550100");
}

TEST_CASE(
    "a frame whose fields have the wrong types is skipped, not a crash (found by fuzz_netstring_stream)") {
    BaresipLink link;
    BaresipLink::Received r;
    CHECK_NOTHROW(
        r = link.received(
            encodeNetstring(R"({"type":"CALL_INCOMING","event":"call","peeruri":"sip:555@h"})") +
            encodeNetstring(R"({"response":"yes","ok":1,"token":7})") +
            encodeNetstring(R"({"event":true,"class":"call","type":"CALL_INCOMING","peeruri":5})")));
    REQUIRE(r.calls.size() == 1);
    CHECK(r.calls[0].number.empty());
    CHECK(r.responses.empty());
}
