#include "data/OutcomeList.h"

#include "core/Platform.h"
#include "data/TextFiles.h"
#include "data/TomlFile.h"

#include <fmt/format.h>
#include <set>
#include <toml++/toml.h>

namespace cc {

namespace {
DataError at(const std::string& file, const toml::source_region& where, std::string message) {
    return DataError{file, where.begin.line, where.begin.column, std::move(message)};
}
} // namespace

OutcomeList OutcomeList::parse(std::string_view text, const std::string& fileName) {
    OutcomeList list;
    auto parsed = parseToml(text, fileName, list.errors_);
    if (!parsed) return list;
    toml::table& doc = *parsed;
    const toml::node* node = doc.get("outcome");
    if (!node) {
        list.errors_.push_back(DataError{fileName, 0, 0, "no [[outcome]] entries"});
        return list;
    }
    const toml::array* entries = node->as_array();
    if (!entries) {
        list.errors_.push_back(
            at(fileName, node->source(), "'outcome' must be a list of [[outcome]] tables"));
        return list;
    }
    std::set<std::string> seen;
    for (const toml::node& entry : *entries) {
        const toml::table* t = entry.as_table();
        if (!t) {
            list.errors_.push_back(at(fileName, entry.source(), "each outcome must be a table"));
            continue;
        }
        const auto id = (*t)["id"].value<std::string>();
        const auto label = (*t)["label"].value<std::string>();
        if (!id || id->empty()) {
            list.errors_.push_back(at(fileName, t->source(), "outcome without an 'id'"));
            continue;
        }
        if (!seen.insert(*id).second) {
            list.errors_.push_back(
                at(fileName, t->source(), fmt::format("outcome id '{}' appears twice", *id)));
            continue;
        }
        list.outcomes_.push_back(Outcome{*id, label && !label->empty() ? *label : *id});
    }
    return list;
}

OutcomeList OutcomeList::load(const std::filesystem::path& file) {
    if (const auto text = readTextFile(file)) return parse(*text, pathUtf8(file));
    OutcomeList list;
    list.errors_.push_back(DataError{pathUtf8(file), 0, 0, "cannot be read"});
    return list;
}

std::string OutcomeList::labelFor(std::string_view id) const {
    for (const auto& o : outcomes_)
        if (o.id == id) return o.label;
    return std::string(id);
}

} // namespace cc
