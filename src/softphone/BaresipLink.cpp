#include "softphone/BaresipLink.h"

#include <nlohmann/json.hpp>

namespace cc {

std::string BaresipLink::numberFromUri(std::string_view uri) {
    if (const auto colon = uri.find(':'); colon != std::string_view::npos && uri.substr(0, colon).find('@') == std::string_view::npos)
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
        if (j.value("response", false)) {
            Response r;
            r.ok = j.value("ok", false);
            r.data = j.contains("data") && j["data"].is_string() ? j["data"].get<std::string>() : std::string();
            const std::string token = j.contains("token") && j["token"].is_string() ? j["token"].get<std::string>() : "";
            if (const auto it = pending_.find(token); it != pending_.end()) {
                r.command = it->second;
                pending_.erase(it);
            }
            out.responses.push_back(std::move(r));
            continue;
        }
        if (!j.value("event", false)) continue;
        if (!j.contains("class") || !j["class"].is_string() || j["class"].get<std::string>() != "call") continue;
        const std::string type = j.contains("type") && j["type"].is_string() ? j["type"].get<std::string>() : "";
        CallCommand c;
        if (type == "CALL_INCOMING") c.action = CallCommand::Action::Incoming;
        else if (type == "CALL_ESTABLISHED") c.action = CallCommand::Action::Start;
        else if (type == "CALL_CLOSED") c.action = CallCommand::Action::End;
        else continue;
        if (j.contains("peeruri") && j["peeruri"].is_string()) c.number = numberFromUri(j["peeruri"].get<std::string>());
        if (j.contains("peerdisplayname") && j["peerdisplayname"].is_string())
            c.name = j["peerdisplayname"].get<std::string>();
        out.calls.push_back(std::move(c));
    }
    return out;
}

std::string BaresipLink::command(const std::string& name, const std::string& params) {
    const std::string token = "t" + std::to_string(next_++);
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
