#pragma once

#include "data/DataError.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cc {

/// A quick text: typing its trigger (";vrf") and a space puts its text in the notes, placeholders
/// filled from the call ("{caller_name}").
struct Snippet {
    std::string trigger;
    std::string title;
    std::string text;
};

/// The team's snippets (data/snippets.toml) and the agent's own (snippets.toml in the data folder);
/// a personal snippet replaces the team's one with the same trigger.
class SnippetBook {
public:
    /// Reads one snippets file; problems are kept in errors() with file:line:column. A missing
    /// personal file is no problem (`optional` = true).
    void load(const std::filesystem::path& file, bool optional = false);
    void parse(std::string_view text, const std::string& fileName);

    const Snippet* find(std::string_view trigger) const;
    /// The snippets for what the agent typed in the picker, best first: each word of `query` must
    /// begin a word of the title or the trigger (ASCII letters in any case; ";" optional). Triggers
    /// that begin with the query come first, then titles, each in the book's order. An empty query
    /// gives them all.
    std::vector<const Snippet*> matching(std::string_view query) const;
    const std::vector<Snippet>& all() const { return snippets_; }
    const std::vector<DataError>& errors() const { return errors_; }

    /// The placeholders a snippet or summary template may use.
    static const std::vector<std::string>& placeholderNames();

private:
    std::vector<Snippet> snippets_;
    std::vector<DataError> errors_;
};

/// The trigger ending at `column` in `line` (";vrf" in "caller ;vrf"), if there is one: it starts with
/// ';' and stands at the start of the line or after a blank.
std::optional<std::string_view> triggerBefore(std::string_view line, std::size_t column);

} // namespace cc
