#include "review/Scorecard.h"

#include "core/Platform.h"
#include "data/TextFiles.h"
#include "data/TomlFile.h"

#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <toml++/toml.h>

namespace cc {

namespace {
std::string textOf(const toml::table& t, std::string_view key, const std::string& file,
                   std::vector<DataError>& errors, bool required) {
    const toml::node* n = t.get(key);
    if (!n) {
        if (required)
            errors.push_back(DataError{file, t.source().begin.line, t.source().begin.column,
                                       fmt::format("'{}' is missing", key)});
        return {};
    }
    if (auto s = n->value<std::string>()) {
        if (required && s->empty())
            errors.push_back(dataErrorAt(file, *n, fmt::format("'{}' is empty", key)));
        return *s;
    }
    errors.push_back(dataErrorAt(file, *n, fmt::format("'{}' must be text in quotes", key)));
    return {};
}

std::optional<double> numberOf(const toml::table& t, std::string_view key, const std::string& file,
                               std::vector<DataError>& errors, double min, double max) {
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    const auto v = n->value<double>();
    if (!v || *v < min || *v > max) {
        errors.push_back(
            dataErrorAt(file, *n, fmt::format("'{}' must be a number from {} to {}", key, min, max)));
        return std::nullopt;
    }
    return *v;
}

/// Each [[name]] table of the document, or an error where `name` is something else.
std::vector<const toml::table*> tablesOf(const toml::table& doc, std::string_view name,
                                         const std::string& file, std::vector<DataError>& errors) {
    std::vector<const toml::table*> out;
    const toml::node* n = doc.get(name);
    if (!n) return out;
    const toml::array* a = n->as_array();
    if (!a) {
        errors.push_back(
            dataErrorAt(file, *n, fmt::format("'{}' must be a list of [[{}]] tables", name, name)));
        return out;
    }
    for (const auto& item : *a) {
        if (const auto* t = item.as_table())
            out.push_back(t);
        else
            errors.push_back(dataErrorAt(file, item, fmt::format("each [[{}]] must be a table", name)));
    }
    return out;
}
} // namespace

ScorecardRead parseScorecard(std::string_view text, const std::string& file) {
    ScorecardRead out;
    auto& errors = out.errors;
    const auto doc = parseToml(text, file, errors);
    if (!doc) return out;
    Scorecard card;
    card.id = textOf(*doc, "id", file, errors, true);
    card.name = textOf(*doc, "name", file, errors, true);
    card.passMark = numberOf(*doc, "pass_mark", file, errors, 0, 100).value_or(80);

    std::set<std::string> ids;
    auto uniqueId = [&](const toml::table& t, std::string id) {
        if (!id.empty() && !ids.insert(id).second)
            errors.push_back(dataErrorAt(file, *t.get("id"), fmt::format("id '{}' appears twice", id)));
        return id;
    };
    for (const toml::table* t : tablesOf(*doc, "criterion", file, errors)) {
        Criterion c;
        c.id = uniqueId(*t, textOf(*t, "id", file, errors, true));
        c.title = textOf(*t, "title", file, errors, true);
        c.guide = textOf(*t, "guide", file, errors, false);
        c.weight = numberOf(*t, "weight", file, errors, 0.01, 1000).value_or(1);
        c.scale = static_cast<int>(numberOf(*t, "scale", file, errors, 1, 100).value_or(5));
        card.criteria.push_back(std::move(c));
    }
    for (const toml::table* t : tablesOf(*doc, "critical", file, errors)) {
        CriticalItem c;
        c.id = uniqueId(*t, textOf(*t, "id", file, errors, true));
        c.title = textOf(*t, "title", file, errors, true);
        c.guide = textOf(*t, "guide", file, errors, false);
        card.critical.push_back(std::move(c));
    }
    if (card.criteria.empty() && errors.empty())
        errors.push_back(DataError{file, 1, 1, "a scorecard needs at least one [[criterion]]"});
    if (errors.empty()) out.card = std::move(card);
    return out;
}

ScorecardLibrary ScorecardLibrary::loadFolder(const std::filesystem::path& dir) {
    ScorecardLibrary lib;
    for (const auto& file : filesWithExtension(dir, ".toml")) {
        const auto text = readTextFile(file);
        if (!text) {
            lib.errors.push_back(DataError{pathUtf8(file), 0, 0, "cannot be read"});
            continue;
        }
        auto read = parseScorecard(*text, pathUtf8(file));
        for (auto& e : read.errors)
            lib.errors.push_back(std::move(e));
        if (!read.card) continue;
        if (lib.find(read.card->id))
            lib.errors.push_back(
                DataError{pathUtf8(file), 1, 1,
                          fmt::format("a scorecard with id '{}' is already loaded", read.card->id)});
        else
            lib.cards.push_back(std::move(*read.card));
    }
    return lib;
}

const Scorecard* ScorecardLibrary::find(std::string_view id) const {
    const auto it = std::find_if(cards.begin(), cards.end(), [id](const Scorecard& c) { return c.id == id; });
    return it == cards.end() ? nullptr : &*it;
}

ScoreResult score(const Scorecard& card, const ScoreSheet& sheet) {
    ScoreResult r;
    for (const auto& c : card.criteria) {
        if (const auto na = sheet.notApplicable.find(c.id); na != sheet.notApplicable.end() && na->second)
            continue;
        const auto s = sheet.scores.find(c.id);
        if (s == sheet.scores.end()) {
            ++r.unscored;
            continue;
        }
        const int points = std::clamp(s->second, 0, c.scale);
        r.earned += c.weight * points / c.scale;
        r.possible += c.weight;
    }
    for (const auto& item : card.critical)
        if (const auto f = sheet.criticalFailed.find(item.id); f != sheet.criticalFailed.end() && f->second)
            r.criticalFails.push_back(item.title);
    if (r.possible > 0) r.percent = 100.0 * r.earned / r.possible;
    r.finalPercent = r.criticalFails.empty() ? r.percent.value_or(0) : 0;
    r.complete = r.unscored == 0;
    r.passed = r.complete && r.criticalFails.empty() && r.percent && *r.percent >= card.passMark;
    return r;
}

} // namespace cc
