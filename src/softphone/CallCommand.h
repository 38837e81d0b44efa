#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cc {

class CallSession;

/// A softphone's word about a call, from a hook program (`call-companion call incoming --number N`).
struct CallCommand {
    enum class Action { Incoming, Start, Hold, Resume, End };
    Action action = Action::Incoming;
    std::string number;
    std::string name;

    bool operator==(const CallCommand&) const = default;
};

std::string_view nameOf(CallCommand::Action a);

/// Reads the arguments after "call": ACTION [--number N] [--name NAME] [NUMBER]. A bare last argument
/// is the number, because softphones such as MicroSIP append the caller's number to the command line.
/// Returns the problem in words if the arguments are wrong.
struct CallCommandParse {
    std::optional<CallCommand> command;
    std::string error;
};
CallCommandParse parseCallCommand(const std::vector<std::string>& args);

/// The one-line form handed to the running instance over IPC, and back.
std::string encodeCallCommand(const CallCommand& c);
std::optional<CallCommand> decodeCallCommand(std::string_view line);

/// Applies a command to the session: incoming -> ringing (with the number and name), start -> talking,
/// hold, resume, end (a ringing call that ends is missed). Returns false if it does not fit the state.
bool applyCallCommand(CallSession& session, const CallCommand& c);

} // namespace cc
