#pragma once

#include "core/Clock.h"
#include "softphone/CallCommand.h"
#include "softphone/Netstring.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cc {

/// baresip's ctrl_tcp protocol, without the socket: JSON in netstrings. Events become call events for
/// the companion (CALL_INCOMING -> ringing, CALL_ESTABLISHED -> talking, CALL_CLOSED -> wrap-up, or a
/// missed call if it was never established); commands get tokens, and responses, which interleave with
/// events, are matched to them by token.
class BaresipLink {
public:
    struct Response {
        std::string command;
        bool ok = false;
        std::string data;
    };
    struct Received {
        std::vector<CallCommand> calls;
        std::vector<Response> responses;
        std::vector<std::string> problems; ///< malformed frames, logged and skipped
    };

    Received received(std::string_view bytes);
    /// The bytes to send for a command such as "hold", "resume", "accept" or "hangup".
    std::string command(const std::string& name, const std::string& params = {});
    /// The connection was lost: commands awaiting an answer will not get one.
    void reset();

    /// "sip:5550100@127.0.0.1" -> "5550100"; "sip:+1 555@host" -> "+1 555".
    static std::string numberFromUri(std::string_view uri);

private:
    NetstringDecoder decoder_;
    std::map<std::string, std::string> pending_; ///< token -> command
    unsigned next_ = 1;
};

/// When to try connecting again: 1 s, 2 s, 4 s ... at most 30 s; back to 1 s once connected.
class ReconnectPolicy {
public:
    Duration nextDelay();
    void connected() { failures_ = 0; }

private:
    int failures_ = 0;
};

} // namespace cc
