#pragma once

#include "knowledge/Fts5Tools.h"
#include "knowledge/IndexVocabulary.h"
#include "knowledge/QueryPlan.h"
#include "knowledge/QueryVocabulary.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cc {

class Database;
class Statement;

/// One result: enough to list it; the full entry comes from KnowledgeBase::get.
struct KnowledgeHit {
    std::int64_t id = 0;
    std::string title;
    std::string handledBy;
    std::string category;
    std::string lastVerified;
    std::string snippet; ///< the best-matching passage; matches between '\x02' and '\x03'
    double coverage = 0; ///< the share of the query's meaning the entry matches, 0 to 1
    double evidence = 0; ///< the weight of the words its head columns match, in words found in one entry only
    int matchedWords = 0;     ///< how many of the query's meaningful words (or their synonyms) it has
    bool weak = false;        ///< it covers the query poorly: a nearest entry, not an answer
    bool learned = false;     ///< lifted because agents referred similar searches to it
    bool provisional = false; ///< a quick answer: the fully ranked one may follow
};

/// A search's answer: the hits, best first, and what was searched for.
struct KnowledgeResults {
    std::vector<KnowledgeHit> hits;
    /// Typos corrected: (typed, searched for).
    std::vector<std::pair<std::string, std::string>> corrections;
    /// The words searched for when a typo was corrected ("password reset"), else empty.
    std::string searchedFor;
    /// No entry covers the query well: the hits are only the nearest ones.
    bool weak = false;
    /// The query's meaningful stems, what KnowledgeBase::learn keys a referral by.
    std::vector<std::string> terms;
    /// How many meaningful words the query has (stop words dropped).
    std::size_t meaningfulWords = 0;

    /// The quick answer (the ranking did not fit its time budget): the fully ranked one may follow.
    bool quick = false;

    bool empty() const { return hits.empty(); }
    bool provisional() const { return quick; }
    /// The first hit is a clear answer: worth offering unasked, beside the notes.
    bool strong() const;
};

/// Best-match search over the knowledge base, as callers talk: the entries that match most of the
/// query's meaningful words come first (each word weighed by how rare it is), then bm25 with title above
/// keywords above body. An entry that misses a word is still found. Stop words are dropped, synonyms
/// and hyphenated or joined spellings match each other, a half-typed last word matches as a prefix, a
/// word the index does not know is corrected to the nearest one that it does, and referrals the team
/// made after similar searches lift their entry (never above an entry that matches every word).
///
/// Ranking every match costs time in proportion to the matches, and common words in a large knowledge
/// base match tens of thousands of entries. So a search may be given a time budget: if the ranked query
/// does not finish within it, the first few hundred title and keyword matches of the query's rarest
/// words are ranked instead, and the hits say `provisional` (the caller may then ask again without a
/// budget). One instance per thread and connection; interrupt() may be called from any thread.
class KnowledgeSearch {
public:
    explicit KnowledgeSearch(Database& db, std::shared_ptr<const QueryVocabulary> vocabulary = nullptr);
    ~KnowledgeSearch();

    /// Throws DbError (SQLITE_INTERRUPT) if interrupted.
    KnowledgeResults search(std::string_view input, std::size_t limit = 20,
                            std::optional<std::chrono::microseconds> budget = std::nullopt);

    /// Reads the index's vocabulary if the entries changed since it was last read (search() does too,
    /// but there a call to interrupt() can stop it).
    void prepare() { refreshIndexVocabulary(); }

    /// The plan search() makes of an input: groups, synonyms, corrections, weights.
    QueryPlan plan(std::string_view input);

    /// Stops the query running on this connection, from another thread.
    void interrupt();

    /// Baselines for the benchmark: the plain FTS5 query (MATCH, ORDER BY rank LIMIT, snippet()).
    std::vector<KnowledgeHit> naive(const std::string& match, std::size_t limit = 20);

    /// A hit is weak unless it covers this share of the query...
    static constexpr double kStrongShare = 0.5;
    /// ... or matches words that together say as much as one word found in a single entry, and either
    /// two or more of them or this share of the query: a caller's long sentence is rarely covered whole,
    /// yet two telling words are an answer, while one word alone in a long sentence is often a
    /// coincidence ("leaves" of a tomato plant, "leave" of HR). Set from the evaluation sets (README,
    /// "Knowledge search").
    static constexpr double kStrongEvidence = 0.97;
    static constexpr double kTellingShare = 0.35;

private:
    struct Scored {
        std::int64_t id;
        double coverage;
        double bm25;
        double effective;
        bool learned;
        int matched; ///< how many of the query's groups the entry has
        double head; ///< the share of the query in its title, keywords, handler or category
    };
    std::vector<Scored> ranked(const QueryPlan& plan, std::size_t limit);
    std::vector<Scored> rankedOver(const QueryPlan& plan, std::size_t limit);
    std::vector<Scored> bounded(const QueryPlan& plan, std::size_t limit);
    std::vector<Scored> scoreRows(Statement& st, const QueryPlan& plan);
    void applyLearned(const QueryPlan& plan, std::vector<Scored>& scored);
    KnowledgeResults finish(const QueryPlan& plan, std::vector<Scored> scored, std::size_t limit,
                            bool provisional);
    void fillEntry(KnowledgeHit& h);
    void refreshIndexVocabulary();

    struct Budget {
        std::chrono::steady_clock::time_point deadline;
        bool exceeded = false;
        /// The quick pass: past the deadline it still waits for a first row, up to `lastResort`.
        const std::size_t* rows = nullptr;
        std::chrono::steady_clock::time_point lastResort{};
    };
    static int checkBudget(void* budget);

    Database& db_;
    std::shared_ptr<const QueryVocabulary> vocabulary_;
    Fts5Stemmer stemmer_;
    QueryPlanner planner_;
    IndexVocabulary index_;
    Budget* budget_ = nullptr; ///< the quick pass's budget while it runs
    std::size_t quickRows_ = 0;
};

} // namespace cc
