#include "scripts/Practice.h"

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
    if (p.script.empty() || p.title.empty()) errors_.push_back({file, 1, 1, "a practice call needs a 'script' and a 'title'"});
    if (const toml::array* lines = doc["line"].as_array())
        for (const auto& node : *lines) {
            const toml::table* t = node.as_table();
            const auto said = t ? (*t)["customer"].value<std::string>() : std::nullopt;
            if (!said || said->empty())
                errors_.push_back({file, node.source().begin.line, node.source().begin.column,
                                   "each [[line]] needs what the 'customer' says"});
            else p.lines.push_back(*said);
        }
    if (p.lines.empty()) errors_.push_back({file, 1, 1, "a practice call needs [[line]]s for the customer"});
    if (!p.script.empty() && !p.title.empty() && !p.lines.empty()) {
        scenarios_.push_back(std::move(p));
        files_.push_back(file);
    }
}

void PracticeLibrary::loadFolder(const fs::path& dir) {
    for (const auto& f : filesWithExtension(dir, ".toml")) {
        if (const auto text = readTextFile(f)) parse(*text, f.string());
        else errors_.push_back({f.string(), 0, 0, "cannot be read"});
    }
}

} // namespace cc
