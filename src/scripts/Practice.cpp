#include "scripts/Practice.h"

#include "core/Platform.h"
#include "data/TextFiles.h"
#include "data/TomlFile.h"

#include <algorithm>
#include <toml++/toml.h>

namespace fs = std::filesystem;

namespace cc {

void PracticeLibrary::parse(std::string_view text, const std::string& file) {
    auto parsed = parseToml(text, file, errors_);
    if (!parsed) return;
    toml::table& doc = *parsed;
    PracticeScenario p;
    p.script = doc["script"].value_or(std::string());
    p.title = doc["title"].value_or(std::string());
    p.callerName = doc["caller_name"].value_or(std::string());
    if (p.script.empty() || p.title.empty())
        errors_.push_back({file, 1, 1, "a practice call needs a 'script' and a 'title'"});
    if (const toml::array* lines = doc["line"].as_array())
        for (const auto& node : *lines) {
            const toml::table* t = node.as_table();
            const auto said = t ? (*t)["customer"].value<std::string>() : std::nullopt;
            if (!said || said->empty())
                errors_.push_back({file, node.source().begin.line, node.source().begin.column,
                                   "each [[line]] needs what the 'customer' says"});
            else
                p.lines.push_back({*said, t ? (*t)["after"].value_or(std::string()) : std::string(),
                                   node.source().begin.line});
        }
    if (p.lines.empty()) errors_.push_back({file, 1, 1, "a practice call needs [[line]]s for the customer"});
    if (!p.script.empty() && !p.title.empty() && !p.lines.empty()) {
        scenarios_.push_back(std::move(p));
        files_.push_back(file);
    }
}

void PracticeRun::reached(std::string_view stepId) {
    if (std::find(walked_.begin(), walked_.end(), stepId) == walked_.end()) walked_.emplace_back(stepId);
    // Back to a step on the way here: the steps after it are no longer the path the trainee is on.
    if (const auto it = std::find(path_.begin(), path_.end(), stepId); it != path_.end())
        path_.erase(it + 1, path_.end());
    else
        path_.emplace_back(stepId);
}

bool PracticeRun::onPath(std::string_view stepId) const {
    return std::find(path_.begin(), path_.end(), stepId) != path_.end();
}

bool PracticeRun::stillAhead(std::string_view stepId) const {
    if (path_.empty()) return true;
    // Every step the script can still lead to from the one the trainee is on.
    std::vector<std::string_view> seen{path_.back()}, pending{path_.back()};
    while (!pending.empty()) {
        const ScriptStep* step = script_->step(pending.back());
        pending.pop_back();
        if (!step) continue;
        std::vector<std::string_view> onward;
        if (!step->next.empty()) onward.push_back(step->next);
        for (const Branch& b : step->branches)
            onward.push_back(b.target);
        for (std::string_view id : onward) {
            if (id == stepId) return true;
            if (std::find(seen.begin(), seen.end(), id) == seen.end()) {
                seen.push_back(id);
                pending.push_back(id);
            }
        }
    }
    return false;
}

std::optional<std::size_t> PracticeRun::ready() const {
    for (std::size_t i = 0; i < scenario_->lines.size(); ++i) {
        if (said_[i]) continue;
        const std::string& after = scenario_->lines[i].after;
        if (after.empty() || onPath(after)) return i;
        if (stillAhead(after)) return std::nullopt; // the customer waits for the trainee to get there
    }
    return std::nullopt;
}

bool PracticeRun::lineReady() const {
    return ready().has_value();
}

bool PracticeRun::finished() const {
    for (std::size_t i = 0; i < scenario_->lines.size(); ++i) {
        const std::string& after = scenario_->lines[i].after;
        if (!said_[i] && (after.empty() || onPath(after) || stillAhead(after))) return false;
    }
    return true;
}

std::optional<std::string> PracticeRun::next() {
    const auto i = ready();
    if (!i) return std::nullopt;
    said_[*i] = true;
    ++heard_;
    return scenario_->lines[*i].said;
}

PracticeRun::Summary PracticeRun::summary() const {
    return {heard_, scenario_->lines.size() - heard_, walked_.size()};
}

void PracticeLibrary::loadFolder(const fs::path& dir) {
    for (const auto& f : filesWithExtension(dir, ".toml")) {
        if (const auto text = readTextFile(f))
            parse(*text, pathUtf8(f));
        else
            errors_.push_back({pathUtf8(f), 0, 0, "cannot be read"});
    }
}

} // namespace cc
