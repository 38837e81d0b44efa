#include "scripts/Script.h"

#include "core/Platform.h"
#include "core/Translatable.h"
#include "data/TextFiles.h"
#include "data/TomlFile.h"
#include "notes/SnippetBook.h"
#include "text/Template.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <set>
#include <toml++/toml.h>

namespace fs = std::filesystem;

namespace cc {

namespace {
constexpr std::array kStages{"opening", "verification", "discovery", "resolution", "recap", "closing"};

/// The text of `key` in `t`, or nothing; an error if it is there but not text.
std::optional<std::string> text(const toml::table& t, std::string_view key, const std::string& file,
                                std::vector<DataError>& errors) {
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    if (auto s = n->value<std::string>()) return *s;
    errors.push_back(dataErrorAt(file, *n, fmt::format("'{}' must be text in quotes", key)));
    return std::nullopt;
}

void checkPlaceholders(const std::string& value, const toml::node* node, const std::string& file,
                       std::vector<DataError>& errors) {
    if (!node) return;
    for (auto& e : checkTemplate(value, SnippetBook::placeholderNames(), file, node->source().begin.line)) {
        e.column = node->source().begin.column;
        errors.push_back(std::move(e));
    }
}
} // namespace

std::string_view nameOf(Stage s) {
    return kStages.at(static_cast<std::size_t>(s));
}

const char* stageLabel(Stage s) {
    switch (s) {
    case Stage::Opening: return N_("Opening");
    case Stage::Verification: return N_("Verification");
    case Stage::Discovery: return N_("Discovery");
    case Stage::Resolution: return N_("Resolution");
    case Stage::Recap: return N_("Recap");
    case Stage::Closing: return N_("Closing");
    }
    return "";
}

std::optional<Stage> stageFromName(std::string_view name) {
    for (std::size_t i = 0; i < kStages.size(); ++i)
        if (name == kStages[i]) return static_cast<Stage>(i);
    return std::nullopt;
}

const ScriptStep* Script::step(std::string_view id) const {
    const auto it = index.find(id);
    return it == index.end() ? nullptr : &steps[it->second];
}

ScriptRead parseScript(std::string_view source, const std::string& file) {
    ScriptRead out;
    auto& errors = out.errors;
    auto parsed = parseToml(source, file, errors);
    if (!parsed) return out;
    toml::table& doc = *parsed;
    Script s;
    s.id = text(doc, "id", file, errors).value_or("");
    s.title = text(doc, "title", file, errors).value_or(s.id);
    s.description = text(doc, "description", file, errors).value_or("");
    if (s.id.empty()) errors.push_back({file, 1, 1, "the script needs an 'id'"});

    const toml::array* steps = doc["step"].as_array();
    if (!steps || steps->empty()) {
        errors.push_back({file, 1, 1, "the script has no [[step]]"});
        return out;
    }
    // Where each goto is, to name the line of a dangling one.
    std::vector<std::pair<std::string, const toml::node*>> links;
    for (const toml::node& node : *steps) {
        const toml::table* t = node.as_table();
        if (!t) {
            errors.push_back(dataErrorAt(file, node, "each step must be a table"));
            continue;
        }
        ScriptStep step;
        step.id = text(*t, "id", file, errors).value_or("");
        if (step.id.empty()) {
            errors.push_back(dataErrorAt(file, node, "a step without an 'id'"));
            continue;
        }
        if (s.index.count(step.id)) {
            errors.push_back(
                dataErrorAt(file, *t->get("id"), fmt::format("step id '{}' appears twice", step.id)));
            continue;
        }
        const auto stage = text(*t, "stage", file, errors);
        if (!stage || !stageFromName(*stage))
            errors.push_back(
                dataErrorAt(file, t->get("stage") ? *t->get("stage") : node,
                            fmt::format("step '{}' needs a stage: opening, verification, discovery, "
                                        "resolution, recap or closing",
                                        step.id)));
        else
            step.stage = *stageFromName(*stage);
        step.say = text(*t, "say", file, errors).value_or("");
        if (step.say.empty())
            errors.push_back(dataErrorAt(file, node, fmt::format("step '{}' has nothing to 'say'", step.id)));
        checkPlaceholders(step.say, t->get("say"), file, errors);
        step.coaching = text(*t, "coaching", file, errors).value_or("");
        checkPlaceholders(step.coaching, t->get("coaching"), file, errors);
        if (const toml::node* list = t->get("checklist")) {
            if (const toml::array* items = list->as_array())
                for (const auto& item : *items) {
                    if (auto v = item.value<std::string>())
                        step.checklist.push_back(*v);
                    else
                        errors.push_back(dataErrorAt(file, item, "checklist items must be text"));
                }
            else
                errors.push_back(dataErrorAt(file, *list, "'checklist' must be a list of texts"));
        }
        step.next = text(*t, "next", file, errors).value_or("");
        if (!step.next.empty()) links.emplace_back(step.next, t->get("next"));
        step.question = text(*t, "question", file, errors).value_or("");
        if (const toml::node* b = t->get("branch")) {
            const toml::array* branches = b->as_array();
            if (!branches)
                errors.push_back(dataErrorAt(file, *b, "'branch' must be a list of [[step.branch]] tables"));
            else
                for (const auto& bn : *branches) {
                    const toml::table* bt = bn.as_table();
                    const auto label = bt ? text(*bt, "label", file, errors) : std::nullopt;
                    const auto target = bt ? text(*bt, "goto", file, errors) : std::nullopt;
                    if (!label || !target) {
                        errors.push_back(dataErrorAt(file, bn, "a branch needs a 'label' and a 'goto'"));
                        continue;
                    }
                    step.branches.push_back(Branch{*label, *target});
                    links.emplace_back(*target, bt->get("goto"));
                }
        }
        if (!step.branches.empty() && step.question.empty())
            errors.push_back(
                dataErrorAt(file, node, fmt::format("step '{}' has branches but no 'question'", step.id)));
        if (!step.question.empty() && step.branches.size() < 2)
            errors.push_back(dataErrorAt(
                file, node, fmt::format("the question of step '{}' needs two or more branches", step.id)));
        if (!step.next.empty() && !step.branches.empty())
            errors.push_back(
                dataErrorAt(file, node, fmt::format("step '{}' has both 'next' and branches", step.id)));
        s.index.emplace(step.id, s.steps.size());
        s.steps.push_back(std::move(step));
    }
    s.start = text(doc, "start", file, errors).value_or(s.steps.empty() ? "" : s.steps.front().id);
    if (!s.index.count(s.start))
        errors.push_back({file, doc.get("start") ? doc.get("start")->source().begin.line : 1, 1,
                          fmt::format("the start step '{}' does not exist", s.start)});
    for (const auto& [target, node] : links)
        if (!s.index.count(target))
            errors.push_back(dataErrorAt(file, *node, fmt::format("there is no step '{}' to go to", target)));
    if (errors.empty()) out.script = std::move(s);
    return out;
}

void ScriptLibrary::loadFolder(const fs::path& dir) {
    for (const auto& f : filesWithExtension(dir, ".toml")) {
        const auto text = readTextFile(f);
        if (!text) {
            errors_.push_back({pathUtf8(f), 0, 0, "cannot be read"});
            continue;
        }
        auto read = parseScript(*text, pathUtf8(f));
        errors_.insert(errors_.end(), read.errors.begin(), read.errors.end());
        if (!read.script) continue;
        if (find(read.script->id)) {
            errors_.push_back(
                {pathUtf8(f), 1, 1, fmt::format("script id '{}' is used by another file", read.script->id)});
            continue;
        }
        scripts_.push_back(std::move(*read.script));
    }
    std::sort(scripts_.begin(), scripts_.end(),
              [](const Script& a, const Script& b) { return a.title < b.title; });
}

const Script* ScriptLibrary::find(std::string_view id) const {
    for (const auto& s : scripts_)
        if (s.id == id) return &s;
    return nullptr;
}

ScriptRunner::ScriptRunner(const Script& script) : script_(&script) {
    history_.push_back(script.index.at(script.start));
}

bool ScriptRunner::go(std::string_view id) {
    const auto it = script_->index.find(id);
    if (it == script_->index.end()) return false;
    history_.push_back(it->second);
    return true;
}

bool ScriptRunner::back() {
    if (!canBack()) return false;
    history_.pop_back();
    return true;
}

bool ScriptRunner::next() {
    const auto& step = current();
    return !step.next.empty() && go(step.next);
}

bool ScriptRunner::choose(std::size_t i) {
    const auto& step = current();
    return i < step.branches.size() && go(step.branches[i].target);
}

bool ScriptRunner::toggle(std::size_t i) {
    const auto& step = current();
    if (i >= step.checklist.size()) return false;
    auto& marks = ticks_[step.id];
    marks.resize(step.checklist.size());
    marks[i] = !marks[i];
    return marks[i];
}

bool ScriptRunner::ticked(std::string_view stepId, std::size_t i) const {
    const auto it = ticks_.find(stepId);
    return it != ticks_.end() && i < it->second.size() && it->second[i];
}

} // namespace cc
