#include "softphone/BaresipLink.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace cc {

namespace {
// json::value() throws when a key holds another type ("event":"call"); a frame from the network gets
// these instead, which treat a wrong type like a missing key.
bool flag(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_boolean() && it->get<bool>();
}

std::string text(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
} // namespace

std::string BaresipLink::numberFromUri(std::string_view uri) {
    if (const auto colon = uri.find(':');
        colon != std::string_view::npos && uri.substr(0, colon).find('@') == std::string_view::npos)
        uri.remove_prefix(colon + 1);
    if (const auto at = uri.find('@'); at != std::string_view::npos) uri = uri.substr(0, at);
    if (const auto semi = uri.find(';'); semi != std::string_view::npos) uri = uri.substr(0, semi);
    return std::string(uri);
}

BaresipLink::Received BaresipLink::received(std::string_view bytes) {
    Received out;
    auto frames = decoder_.feed(bytes);
    out.problems = std::move(frames.problems);
    for (const auto& frame : frames.frames) {
        const auto j = nlohmann::json::parse(frame, nullptr, /*allow_exceptions=*/false);
        if (j.is_discarded() || !j.is_object()) {
            out.problems.push_back("a frame that is not a JSON object");
            continue;
        }
        if (flag(j, "response")) {
            Response r;
            r.ok = flag(j, "ok");
            r.data = text(j, "data");
            const std::string token = text(j, "token");
            if (const auto it = pending_.find(token); it != pending_.end()) {
                r.command = it->second;
                pending_.erase(it);
            }
            out.responses.push_back(std::move(r));
            continue;
        }
        if (!flag(j, "event") || text(j, "class") != "call") continue;
        const std::string type = text(j, "type");
        CallCommand c;
        if (type == "CALL_INCOMING")
            c.action = CallCommand::Action::Incoming;
        else if (type == "CALL_ESTABLISHED")
            c.action = CallCommand::Action::Start;
        else if (type == "CALL_CLOSED")
            c.action = CallCommand::Action::End;
        else
            continue;
        c.number = numberFromUri(text(j, "peeruri"));
        c.name = text(j, "peerdisplayname");
        out.calls.push_back(std::move(c));
    }
    return out;
}

std::string BaresipLink::command(const std::string& name, const std::string& params) {
    const std::string token = fmt::format("t{}", next_++);
    pending_[token] = name;
    nlohmann::json j{{"command", name}, {"params", params}, {"token", token}};
    return encodeNetstring(j.dump());
}

void BaresipLink::reset() {
    pending_.clear();
    decoder_ = NetstringDecoder{};
}

Duration ReconnectPolicy::nextDelay() {
    const int shift = std::min(failures_++, 5);
    return std::min(Duration{std::chrono::seconds{1 << shift}}, Duration{std::chrono::seconds{30}});
}

} // namespace cc
