#include "notes/SnippetBook.h"

#include "core/Platform.h"
#include "data/TextFiles.h"
#include "data/TomlFile.h"
#include "text/Template.h"

#include <algorithm>
#include <cctype>
#include <toml++/toml.h>

namespace cc {

const std::vector<std::string>& SnippetBook::placeholderNames() {
    static const std::vector<std::string> names{
        "caller_name", "callback_number", "case",  "case_number", "reason",   "outcome",
        "agent_name",  "company",         "date",  "start",       "talk",     "hold",
        "wrap_up",     "handle",          "notes", "transfers",   "referrals"};
    return names;
}

void SnippetBook::load(const std::filesystem::path& file, bool optional) {
    const auto text = readTextFile(file);
    if (text)
        parse(*text, pathUtf8(file));
    else if (!optional)
        errors_.push_back({pathUtf8(file), 0, 0, "cannot be read"});
}

void SnippetBook::parse(std::string_view text, const std::string& fileName) {
    auto parsed = parseToml(text, fileName, errors_);
    if (!parsed) return;
    toml::table& doc = *parsed;
    const toml::array* entries = doc["snippet"].as_array();
    if (!entries) {
        if (doc.contains("snippet"))
            errors_.push_back({fileName, doc["snippet"].node()->source().begin.line, 0,
                               "'snippet' must be a list of [[snippet]] tables"});
        return;
    }
    for (const toml::node& entry : *entries) {
        const auto where = entry.source().begin;
        const toml::table* t = entry.as_table();
        if (!t) {
            errors_.push_back({fileName, where.line, where.column, "each snippet must be a table"});
            continue;
        }
        const auto trigger = (*t)["trigger"].value<std::string>();
        const auto body = (*t)["text"].value<std::string>();
        if (!trigger || trigger->size() < 2 || trigger->front() != ';' ||
            trigger->find_first_of(" \t\n") != std::string::npos) {
            errors_.push_back({fileName, where.line, where.column,
                               "a snippet needs a 'trigger' such as \";vrf\": a ';' and a word, no spaces"});
            continue;
        }
        if (!body || body->empty()) {
            errors_.push_back({fileName, where.line, where.column, "snippet " + *trigger + " has no 'text'"});
            continue;
        }
        const auto textNode = (*t)["text"].node();
        const auto problems =
            checkTemplate(*body, placeholderNames(), fileName, textNode->source().begin.line);
        if (!problems.empty()) {
            errors_.insert(errors_.end(), problems.begin(), problems.end());
            continue;
        }
        Snippet s{*trigger, (*t)["title"].value_or(*trigger), *body};
        auto same = std::find_if(snippets_.begin(), snippets_.end(),
                                 [&](const Snippet& o) { return o.trigger == s.trigger; });
        if (same != snippets_.end())
            *same = std::move(s);
        else
            snippets_.push_back(std::move(s));
    }
}

namespace {
std::string folded(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    for (const char c : folded(text)) {
        if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
            word += c;
        } else if (!word.empty()) {
            out.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) out.push_back(std::move(word));
    return out;
}

bool begunBy(const std::vector<std::string>& haystack, const std::string& prefix) {
    return std::any_of(haystack.begin(), haystack.end(),
                       [&](const std::string& w) { return w.starts_with(prefix); });
}
} // namespace

std::vector<const Snippet*> SnippetBook::matching(std::string_view query) const {
    const std::vector<std::string> asked = words(query);
    std::vector<const Snippet*> byTrigger, byTitle;
    for (const Snippet& s : snippets_) {
        if (asked.empty()) {
            byTitle.push_back(&s);
            continue;
        }
        const std::vector<std::string> trigger = words(s.trigger);
        std::vector<std::string> all = words(s.title);
        all.insert(all.end(), trigger.begin(), trigger.end());
        if (!std::all_of(asked.begin(), asked.end(), [&](const std::string& w) { return begunBy(all, w); }))
            continue;
        (asked.size() == 1 && begunBy(trigger, asked[0]) ? byTrigger : byTitle).push_back(&s);
    }
    byTrigger.insert(byTrigger.end(), byTitle.begin(), byTitle.end());
    return byTrigger;
}

const Snippet* SnippetBook::find(std::string_view trigger) const {
    for (const auto& s : snippets_)
        if (s.trigger == trigger) return &s;
    return nullptr;
}

std::optional<std::string_view> triggerBefore(std::string_view line, std::size_t column) {
    if (column > line.size()) return std::nullopt;
    std::size_t start = column;
    while (start > 0 && line[start - 1] != ' ' && line[start - 1] != '\t')
        --start;
    const std::string_view word = line.substr(start, column - start);
    if (word.size() < 2 || word.front() != ';') return std::nullopt;
    return word;
}

} // namespace cc
