#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cc {

class Database;

/// One result: enough to list it; the full entry comes from KnowledgeBase::get.
struct KnowledgeHit {
    std::int64_t id = 0;
    std::string title;
    std::string handledBy;
    std::string category;
    std::string lastVerified;
    std::string snippet;  ///< the best-matching passage; matches between '\x02' and '\x03'
    bool corrected = false;   ///< found after correcting a typo
    bool provisional = false; ///< a quick answer: the fully ranked one may follow
};

/// What the agent typed, as words. Everything else (quotes, *, -, :, brackets) is a separator, and
/// FTS5's operators (AND, OR, NOT, NEAR) are just words, so no input can be an error or change the
/// meaning of the query.
struct ParsedQuery {
    std::vector<std::string> words; ///< lower-cased
    bool lastIsPrefix = false;      ///< the agent is still typing the last word
};
ParsedQuery parseQuery(std::string_view input);

/// The FTS5 MATCH expression for words: each one quoted, the last with '*' if it is a prefix, all
/// required. `headOnly` limits it to title, keywords and handled_by.
std::string matchExpression(const ParsedQuery& q, bool headOnly);

/// The distance between two words counting insertions, deletions, substitutions and swaps of
/// neighbours; stops counting past `limit` (returns limit + 1).
int editDistance(std::string_view a, std::string_view b, int limit);

/// Search as you type over the knowledge base, ranked by bm25 with title above keywords above body.
/// It first looks in titles, keywords and who handles it, then in bodies; a half-typed word matches as
/// a prefix; a word that matches nothing is corrected to the closest word in the knowledge base.
///
/// Ranking every match costs time in proportion to the matches, and a two-letter prefix in a large
/// knowledge base matches tens of thousands of entries. So a search may be given a time budget: if the
/// ranked query does not finish within it, the first few hundred title and keyword matches are ranked
/// here instead, and the hits say `provisional` (the caller may then ask again without a budget).
/// One instance per thread; interrupt() may be called from any thread.
class KnowledgeSearch {
public:
    explicit KnowledgeSearch(Database& db) : db_(db) {}

    /// Throws DbError (SQLITE_INTERRUPT) if interrupted.
    std::vector<KnowledgeHit> search(std::string_view input, std::size_t limit = 20,
                                     std::optional<std::chrono::microseconds> budget = std::nullopt);

    /// The closest word the index knows to `word` (a typo's fix), if one is near enough.
    std::optional<std::string> correction(const std::string& word);

    /// Stops the query running on this connection, from another thread.
    void interrupt();

    /// The plain FTS5 query, for the benchmark: MATCH, ORDER BY rank LIMIT, snippet().
    std::vector<KnowledgeHit> naive(const std::string& match, std::size_t limit = 20);

private:
    std::vector<KnowledgeHit> ranked(const ParsedQuery& q, std::size_t limit);
    std::vector<KnowledgeHit> bounded(const ParsedQuery& q, std::size_t limit);
    std::vector<KnowledgeHit> run(const std::string& match, std::size_t limit, const std::vector<std::int64_t>& skip);
    void fillEntry(KnowledgeHit& h);
    bool matchesAnything(const std::string& word);

    struct Budget {
        std::chrono::steady_clock::time_point deadline;
        bool exceeded = false;
    };
    static int checkBudget(void* budget);

    Database& db_;
    Budget* budget_ = nullptr; ///< the quick pass's budget while it runs
};

} // namespace cc
