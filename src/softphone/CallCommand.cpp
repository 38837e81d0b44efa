#include "softphone/CallCommand.h"

#include "session/CallSession.h"

#include <array>

namespace cc {

namespace {
constexpr std::array kActions{"incoming", "start", "hold", "resume", "end"};
constexpr std::size_t kMaxField = 200; // a number or a name, not a novel

std::string clean(std::string_view s) {
    // Control characters (tabs and new lines included) would break the one-line IPC form.
    std::string out;
    for (char c : s.substr(0, kMaxField))
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out += c;
    const auto b = out.find_first_not_of(' ');
    if (b == std::string::npos) return {};
    return out.substr(b, out.find_last_not_of(' ') - b + 1);
}
} // namespace

std::string_view nameOf(CallCommand::Action a) {
    return kActions.at(static_cast<std::size_t>(a));
}

CallCommandParse parseCallCommand(const std::vector<std::string>& args) {
    CallCommandParse out;
    if (args.empty()) {
        out.error = "which call event? incoming, start, hold, resume or end";
        return out;
    }
    CallCommand c;
    bool known = false;
    for (std::size_t i = 0; i < kActions.size(); ++i)
        if (args[0] == kActions[i]) {
            c.action = static_cast<CallCommand::Action>(i);
            known = true;
        }
    if (!known) {
        out.error = "unknown call event '" + args[0] + "': use incoming, start, hold, resume or end";
        return out;
    }
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if ((a == "--number" || a == "--name") && i + 1 < args.size()) {
            (a == "--number" ? c.number : c.name) = clean(args[++i]);
        } else if (a.rfind("--number=", 0) == 0) {
            c.number = clean(a.substr(9));
        } else if (a.rfind("--name=", 0) == 0) {
            c.name = clean(a.substr(7));
        } else if (a == "--number" || a == "--name") {
            continue; // MicroSIP style: "--number" last, the number appended after it... or missing
        } else if (!a.empty() && a[0] != '-') {
            c.number = clean(a);
        } else {
            out.error = "unknown option '" + a + "'";
            return out;
        }
    }
    out.command = c;
    return out;
}

std::string encodeCallCommand(const CallCommand& c) {
    return "call\t" + std::string(nameOf(c.action)) + "\t" + clean(c.number) + "\t" + clean(c.name);
}

std::optional<CallCommand> decodeCallCommand(std::string_view line) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const auto tab = line.find('\t', start);
        parts.emplace_back(
            line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
        if (tab == std::string_view::npos) break;
        start = tab + 1;
    }
    if (parts.size() != 4 || parts[0] != "call") return std::nullopt;
    const auto parsed = parseCallCommand({parts[1]});
    if (!parsed.command) return std::nullopt;
    CallCommand c = *parsed.command;
    c.number = clean(parts[2]);
    c.name = clean(parts[3]);
    return c;
}

bool applyCallCommand(CallSession& session, const CallCommand& c) {
    auto fill = [&session, &c] {
        if (c.number.empty() && c.name.empty()) return;
        CallFields f = session.fields();
        if (!c.number.empty()) f.callbackNumber = c.number;
        if (!c.name.empty() && f.callerName.empty()) f.callerName = c.name;
        session.setFields(f);
    };
    switch (c.action) {
    case CallCommand::Action::Incoming:
        if (!session.signalIncoming()) return false;
        fill();
        return true;
    case CallCommand::Action::Start: {
        const bool wasIdle = !session.inCall() || session.timer().state() == CallState::WrapUp;
        if (!session.start()) return false;
        if (wasIdle || session.fields().callbackNumber.empty()) fill();
        return true;
    }
    case CallCommand::Action::Hold:
        return session.timer().state() == CallState::Talking && session.toggleHold();
    case CallCommand::Action::Resume:
        return session.timer().state() == CallState::OnHold && session.toggleHold();
    case CallCommand::Action::End: return session.end();
    }
    return false;
}

} // namespace cc
