#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cc {

class Database;

/// The words the knowledge index holds (stems, as kb_fts stores them) and in how many entries each is,
/// kept in memory by a search connection: a query's words are looked up, weighed and corrected here in
/// microseconds instead of a query each.
class IndexVocabulary {
public:
    /// Reads kb_vocab and the entry count. Costs time in proportion to the index: call it when
    /// changed() says so, not per query.
    void load(Database& db);
    /// Whether the entries changed since load() (the store's kb_generation counter).
    bool changed(Database& db) const;
    bool loaded() const { return generation_ >= 0; }

    /// Entries that hold the stem, 0 if none.
    std::int64_t docs(std::string_view term) const;
    /// Entries that hold a word starting with `prefix` (a sum over its terms, so an upper bound).
    std::int64_t prefixDocs(std::string_view prefix) const;
    std::int64_t entries() const { return entries_; }

    /// The known term nearest to `word` (a typo's fix), or nothing: within one edit for words of up to 7
    /// letters, two for longer ones, sharing the first letter. `stem` is the word's stem, also compared
    /// ("phising" stems to "phise", one edit from "phish"). Ties go to the term in more entries.
    std::optional<std::string> nearest(std::string_view word, std::string_view stem) const;

    /// For tests: a vocabulary from a list of (term, entries).
    void assign(std::vector<std::pair<std::string, std::int64_t>> terms, std::int64_t entries);

private:
    std::vector<std::pair<std::string, std::int64_t>> terms_; // sorted by term
    std::int64_t entries_ = 0;
    std::int64_t generation_ = -1;
};

/// The distance between two words counting insertions, deletions, substitutions and swaps of
/// neighbours; stops counting past `limit` (returns limit + 1).
int editDistance(std::string_view a, std::string_view b, int limit);

} // namespace cc
