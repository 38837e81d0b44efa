#pragma once

#include "knowledge/Fts5Tools.h"
#include "knowledge/IndexVocabulary.h"
#include "knowledge/QueryVocabulary.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cc {

/// One meaningful part of a query: a word the agent typed (or a phrase such as "log in"), with the
/// words that mean the same.
struct QueryGroup {
    std::vector<std::string> phrases; ///< FTS5 phrases, words separated by spaces; empty if nothing matches
    std::vector<std::string> stems;   ///< the stems it stands for: what a learned referral is keyed by
    std::string typed;                ///< as the agent typed it
    std::string used;                 ///< as searched for: the correction of a typo, else `typed`
    bool prefix = false;              ///< the first phrase is still being typed: it matches as a prefix
    bool corrected = false;
    double weight = 0;     ///< how much of the query's meaning it carries (rarer words more)
    std::int64_t docs = 0; ///< about how many entries it matches (0: none)
};

/// What a search looks for: the query's meaningful words, grouped with their synonyms, stop words
/// dropped, typos corrected, each weighed by how rare it is in the knowledge base.
struct QueryPlan {
    std::vector<QueryGroup> groups;

    bool empty() const;
    bool anyCorrected() const;
    /// The FTS5 MATCH expression: every phrase of every group OR-ed, so an entry that misses a word is
    /// still found. `headOnly` limits it to title, keywords, handled_by and category.
    std::string matchExpression(bool headOnly = false) const;
    /// cc_coverage's arguments for matchExpression(): the group of each phrase, each group's weight.
    std::string phraseGroups() const;
    std::string groupWeights() const;
    /// The words searched for, as the panel shows them when a typo was corrected: "password reset".
    std::string searchedFor() const;
    /// The same plan matching only its rarest groups, as many as hold at most `maxEntries` entries in
    /// all (the rarest always); the others keep their weight, so coverage still counts them missing.
    /// `entries` gets how many entries the kept groups hold.
    QueryPlan rarest(std::int64_t maxEntries, std::int64_t& entries) const;
};

/// How much a word says, from how many of the entries hold it: bm25's inverse document frequency.
double wordWeight(std::int64_t docs, std::int64_t entries);

/// The words of an input, lower-cased, and how they were separated. Quotes, '*', ':', brackets and
/// FTS5's operators are plain separators or words, so no input is an error or changes the query's
/// meaning.
struct QueryWords {
    std::vector<std::string> words;
    std::vector<bool>
        hyphenAfter; ///< "wi-fi", "me.com": the word and the next were joined by '-', '.', '/' or '_'
    bool lastIsPrefix = false; ///< the agent is still typing the last word
};
QueryWords splitQuery(std::string_view input, std::size_t maxWords = 32);
/// Every word required, the last as a prefix while it is typed: the notes search of the call history.
std::string allWordsExpression(const QueryWords& q);

/// Turns what the agent typed into a QueryPlan, with the team's vocabulary (stop words, synonyms) and
/// the index's (to weigh and correct words). The synonyms are stemmed once, here.
class QueryPlanner {
public:
    QueryPlanner(const QueryVocabulary& vocabulary, const Fts5Stemmer& stemmer);

    QueryPlan plan(std::string_view input, const IndexVocabulary& index) const;

private:
    struct Synonyms {
        std::vector<std::string> phrases; ///< as written, for the MATCH expression
        std::vector<std::string> stems;   ///< every stem of every phrase
    };
    std::string stemKey(const std::vector<std::string>& words, std::size_t from, std::size_t n) const;
    void weigh(QueryGroup& g, const IndexVocabulary& index) const;
    bool correct(QueryGroup& g, const IndexVocabulary& index) const;

    const QueryVocabulary& vocabulary_;
    const Fts5Stemmer& stemmer_;
    std::vector<Synonyms> groups_;
    std::map<std::string, std::size_t, std::less<>> byStems_; ///< "log in" (stems) -> group
    std::vector<std::pair<std::string, std::size_t>> words_;  ///< single synonym words, for typo fixes
};

} // namespace cc
