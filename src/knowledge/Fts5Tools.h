#pragma once

#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace cc {

/// Splits text into the words the knowledge index stores, with SQLite's own tokenizer ("porter
/// unicode61 remove_diacritics 2", as kb_fts is declared): "Printers" gives "printer", "Wi-Fi" gives
/// "wi" and "fi". So the query side stems exactly as the index did, with no stemmer of our own.
class Fts5Stemmer {
public:
    explicit Fts5Stemmer(sqlite3* db);
    ~Fts5Stemmer();
    Fts5Stemmer(const Fts5Stemmer&) = delete;
    Fts5Stemmer& operator=(const Fts5Stemmer&) = delete;

    std::vector<std::string> tokens(std::string_view text) const;
    /// The one stem of a word, or the word itself if the tokenizer splits it or drops it.
    std::string stem(std::string_view word) const;

private:
    struct Impl;
    Impl* impl_ = nullptr;
};

/// Registers cc_coverage(kb_fts, groups, weights, body_factor) on the connection: the share of a query's
/// meaning that a row matches. `groups` names the group of each phrase of the MATCH expression, in order
/// ("0 0 1 2"); `weights` gives each group's weight ("2.1 0.7 3.0"). A group counts in full when one of its
/// phrases is in the title, keywords, handled_by or category, `body_factor` of it when only in the body.
/// cc_matched(kb_fts, groups, weights, body_factor), registered with it, counts the groups a row has.
void registerCoverageFunction(sqlite3* db);

} // namespace cc
