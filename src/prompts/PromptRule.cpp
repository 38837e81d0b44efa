#include "prompts/PromptRule.h"

#include "core/Platform.h"
#include "data/TextFiles.h"
#include "data/TomlFile.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <toml++/toml.h>

namespace fs = std::filesystem;

namespace cc {

namespace {
constexpr std::array kSeverities{"info", "caution", "security"};
constexpr std::array kTriggers{"hold",          "quiet_talk", "words",      "difficult_call",
                               "repeat_caller", "wrap_up",    "script_step"};

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::vector<std::string> lowerList(const toml::node* n, const std::string& file,
                                   std::vector<DataError>& errors, std::string_view key) {
    std::vector<std::string> out;
    if (!n) return out;
    const toml::array* a = n->as_array();
    if (!a) {
        errors.push_back(dataErrorAt(file, *n, fmt::format("'{}' must be a list of texts", key)));
        return out;
    }
    for (const auto& item : *a) {
        if (auto s = item.value<std::string>(); s && !s->empty())
            out.push_back(lower(*s));
        else
            errors.push_back(
                dataErrorAt(file, item, fmt::format("'{}' holds something that is not text", key)));
    }
    return out;
}
} // namespace

std::string_view nameOf(Severity s) {
    return kSeverities.at(static_cast<std::size_t>(s));
}
std::string_view nameOf(TriggerType t) {
    return kTriggers.at(static_cast<std::size_t>(t));
}

void PromptRules::parse(std::string_view text, const std::string& file) {
    auto parsed = parseToml(text, file, errors_);
    if (!parsed) return;
    toml::table& doc = *parsed;
    const toml::array* prompts = doc["prompt"].as_array();
    if (!prompts) {
        errors_.push_back({file, 1, 1, "no [[prompt]] in this file"});
        return;
    }
    for (const toml::node& node : *prompts) {
        const toml::table* t = node.as_table();
        if (!t) {
            errors_.push_back(dataErrorAt(file, node, "each prompt must be a table"));
            continue;
        }
        std::vector<DataError> problems;
        PromptRule r;
        r.id = (*t)["id"].value_or(std::string());
        r.title = (*t)["title"].value_or(std::string());
        r.say = (*t)["say"].value_or(std::string());
        if (r.id.empty() || r.title.empty() || r.say.empty())
            problems.push_back(
                dataErrorAt(file, node, "a prompt needs an 'id', a 'title' and what to 'say'"));
        if (std::any_of(rules_.begin(), rules_.end(), [&](const PromptRule& o) { return o.id == r.id; }))
            problems.push_back(dataErrorAt(file, node, fmt::format("prompt id '{}' appears twice", r.id)));
        const std::string severity = (*t)["severity"].value_or(std::string("info"));
        const auto sv = std::find(kSeverities.begin(), kSeverities.end(), severity);
        if (sv == kSeverities.end())
            problems.push_back(dataErrorAt(file, t->get("severity") ? *t->get("severity") : node,
                                           "severity must be info, caution or security"));
        else
            r.severity = static_cast<Severity>(sv - kSeverities.begin());

        const toml::table* trig = (*t)["trigger"].as_table();
        const std::string type = trig ? (*trig)["type"].value_or(std::string()) : std::string();
        const auto tv = std::find(kTriggers.begin(), kTriggers.end(), type);
        const toml::node& trigNode = t->get("trigger") ? *t->get("trigger") : node;
        if (!trig || tv == kTriggers.end()) {
            problems.push_back(dataErrorAt(file, trigNode,
                                           "trigger = { type = ... } with a type: hold, quiet_talk, words, "
                                           "difficult_call, repeat_caller, wrap_up or script_step"));
        } else {
            r.trigger = static_cast<TriggerType>(tv - kTriggers.begin());
            auto positive = [&](std::string_view key) -> long {
                const long v = (*trig)[key].value_or(0L);
                if (v <= 0)
                    problems.push_back(
                        dataErrorAt(file, trigNode, fmt::format("a {} trigger needs {} > 0", type, key)));
                return v;
            };
            switch (r.trigger) {
            case TriggerType::Hold:
            case TriggerType::WrapUp: r.threshold = std::chrono::seconds{positive("seconds")}; break;
            case TriggerType::QuietTalk: r.threshold = std::chrono::minutes{positive("minutes")}; break;
            case TriggerType::RepeatCaller: r.calls = static_cast<int>(positive("calls")); break;
            case TriggerType::Words:
                r.phrases = lowerList(trig->get("phrases"), file, problems, "phrases");
                if (r.phrases.empty())
                    problems.push_back(dataErrorAt(file, trigNode, "a words trigger needs phrases = [...]"));
                break;
            case TriggerType::ScriptStep:
                r.script = (*trig)["script"].value_or(std::string());
                r.step = (*trig)["step"].value_or(std::string());
                if (r.script.empty() || r.step.empty())
                    problems.push_back(
                        dataErrorAt(file, trigNode, "a script_step trigger needs a script and a step"));
                break;
            case TriggerType::DifficultCall: break;
            }
        }
        r.cooldown = std::chrono::seconds{(*t)["cooldown_seconds"].value_or(0L)};
        r.oncePerCall = (*t)["once_per_call"].value_or(false);
        r.personal = (*t)["private"].value_or(r.trigger == TriggerType::DifficultCall);
        r.unless = lowerList(t->get("unless"), file, problems, "unless");
        if (const toml::table* link = (*t)["link"].as_table()) {
            r.linkKnowledge = (*link)["knowledge"].value_or(std::string());
            r.linkScript = (*link)["script"].value_or(std::string());
        }
        if (!problems.empty()) {
            errors_.insert(errors_.end(), problems.begin(), problems.end());
            continue;
        }
        rules_.push_back(std::move(r));
    }
}

void PromptRules::loadFolder(const fs::path& dir) {
    for (const auto& f : filesWithExtension(dir, ".toml")) {
        if (const auto text = readTextFile(f))
            parse(*text, pathUtf8(f));
        else
            errors_.push_back({pathUtf8(f), 0, 0, "cannot be read"});
    }
}

} // namespace cc
