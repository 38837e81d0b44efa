#include "knowledge/KnowledgeSearch.h"

#include "store/Database.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <sqlite3.h>
#include <utility>

namespace cc {

namespace {
// The per-column weights of bm25: title, keywords, handled_by, category, body.
constexpr const char* kBm25 = "bm25(kb_fts, 10.0, 6.0, 4.0, 2.0, 1.0)";
// How many of the query's word groups a row has, and the share of the query in its head columns.
constexpr const char* kMatched = "cc_matched(kb_fts, ?2, ?3, ?4), cc_head_coverage(kb_fts, ?2, ?3, ?4)";
// A word found only in an entry's body says less about the entry than one in its title or keywords.
constexpr double kBodyFactor = 0.7;
// Coverage ranks in steps of a tenth: within a step, bm25 decides.
constexpr double kCoverageStep = 0.1;
// What referrals the team made after similar searches may add to an entry's coverage, at most; an
// entry lifted this way still stays below every entry that matches the whole query.
constexpr double kLearnedFactor = 0.6;
constexpr double kBelowFull = 0.95;
constexpr int kLearnedUsesForFull = 3;
// How many ranked rows are looked at beyond those shown, for learned referrals to lift.
constexpr std::size_t kExtra = 20;
// The quick pass ranks every entry that holds the query's rarest words while they are in at most this
// many entries; past that, this many of the first matches of the rarest one.
constexpr std::int64_t kQuickEntries = 1500;
// The full ranking leaves out words in more entries than this (or a fifth of them), unless the query
// has no rarer word.
constexpr std::int64_t kRankEntries = 20000;
constexpr int kCandidates = 300;
// Past its budget, the quick pass's sorted query still waits this long for a first row...
constexpr std::chrono::microseconds kLastResort{5000};
// ... and if it has none, the unsorted first matches get this long (twice, for a first row).
constexpr std::chrono::microseconds kSecondChance{2000};

double step(double coverage) {
    return std::floor(coverage / kCoverageStep + 1e-9);
}

bool better(const auto& a, const auto& b) {
    const double sa = step(a.effective), sb = step(b.effective);
    if (sa != sb) return sa > sb;
    return a.bm25 < b.bm25; // bm25() is negative: lower is better
}
} // namespace

bool KnowledgeResults::strong() const {
    // Offered unasked beside the notes: a clear answer to a line of two or more meaningful words.
    constexpr double kSuggestShare = 0.75;
    return !hits.empty() && !weak && meaningfulWords >= 2 && hits.front().coverage >= kSuggestShare;
}

KnowledgeSearch::KnowledgeSearch(Database& db, std::shared_ptr<const QueryVocabulary> vocabulary)
    : db_(db), vocabulary_(vocabulary ? std::move(vocabulary) : std::make_shared<const QueryVocabulary>()),
      stemmer_(db.handle()), planner_(*vocabulary_, stemmer_) {
    registerCoverageFunction(db.handle());
}

KnowledgeSearch::~KnowledgeSearch() = default;

void KnowledgeSearch::refreshIndexVocabulary() {
    if (index_.changed(db_)) index_.load(db_);
}

QueryPlan KnowledgeSearch::plan(std::string_view input) {
    refreshIndexVocabulary();
    return planner_.plan(input, index_);
}

void KnowledgeSearch::fillEntry(KnowledgeHit& h) {
    auto entry =
        db_.prepare("SELECT title, handled_by, category, last_verified FROM kb_entries WHERE id = ?");
    entry.bind(1, h.id);
    if (!entry.step()) return;
    h.title = entry.columnText(0);
    h.handledBy = entry.columnText(1);
    h.category = entry.columnText(2);
    h.lastVerified = entry.columnText(3);
}

std::vector<KnowledgeSearch::Scored> KnowledgeSearch::scoreRows(Statement& st, const QueryPlan& plan) {
    st.bind(2, plan.phraseGroups()).bind(3, plan.groupWeights()).bind(4, kBodyFactor);
    std::vector<Scored> out;
    while (true) {
        try {
            if (!st.step()) break;
        } catch (const DbError&) {
            // Within the quick pass's budget, whatever was found so far is ranked: a quick answer beats none.
            if (!budget_ || !budget_->exceeded) throw;
            break;
        }
        const double c = st.columnDouble(1);
        out.push_back(Scored{st.columnInt(0), c, st.columnDouble(2), c, false,
                             static_cast<int>(st.columnInt(3)), st.columnDouble(4)});
        ++quickRows_;
    }
    return out;
}

std::vector<KnowledgeSearch::Scored> KnowledgeSearch::rankedOver(const QueryPlan& plan, std::size_t limit) {
    // The same order as better(): coverage in steps, then bm25.
    auto st = db_.prepare(
        fmt::format("SELECT rowid, cc_coverage(kb_fts, ?2, ?3, ?4) AS c, {} AS b, {} FROM kb_fts "
                    "WHERE kb_fts MATCH ?1 ORDER BY CAST(c / {} + 1e-9 AS INTEGER) DESC, b LIMIT ?5",
                    kBm25, kMatched, kCoverageStep));
    st.bind(1, plan.matchExpression()).bind(5, static_cast<std::int64_t>(limit + kExtra));
    return scoreRows(st, plan);
}

std::vector<KnowledgeSearch::Scored> KnowledgeSearch::ranked(const QueryPlan& plan, std::size_t limit) {
    // Words in a fifth of a large knowledge base add little to a ranking and much to its cost: they
    // still weigh in every entry's coverage, but only entries holding a rarer word are ranked.
    std::int64_t docs = 0;
    const std::int64_t cap = std::max<std::int64_t>(kRankEntries, index_.entries() / 5);
    return rankedOver(plan.rarest(cap, docs), limit);
}

std::vector<KnowledgeSearch::Scored> KnowledgeSearch::bounded(const QueryPlan& plan, std::size_t limit) {
    // The query's rarest words say the most about it, and few entries hold them: the entries that do are
    // ranked on the whole query's weights, as many words as fit in kQuickEntries matches.
    std::int64_t docs = 0;
    const QueryPlan rare = plan.rarest(kQuickEntries, docs);
    // The first matches in index order (no sort, so the query stops early) in titles, keywords and who
    // handles it, ranked here by coverage. Not by bm25: its first row counts every entry holding each
    // word, a scan of tens of thousands for "ab*".
    auto firstMatches = [this, &rare] {
        auto st = db_.prepare(std::string("SELECT rowid, cc_coverage(kb_fts, ?2, ?3, ?4), 0.0, ") + kMatched +
                              " FROM kb_fts WHERE kb_fts MATCH ?1 LIMIT ?5");
        st.bind(1, rare.matchExpression(true)).bind(5, kCandidates);
        return scoreRows(st, rare);
    };
    std::vector<Scored> scored;
    if (docs <= kQuickEntries) {
        scored = rankedOver(rare, limit);
        // The sorted pass ran out of time before its first row (a long paste of words, a busy machine):
        // the first matches answer instead, rather than nothing until the full ranking.
        if (scored.empty() && budget_ && budget_->exceeded) {
            const auto now = std::chrono::steady_clock::now();
            budget_->exceeded = false;
            budget_->deadline = now + kSecondChance;
            budget_->lastResort = now + 2 * kSecondChance;
            scored = firstMatches();
        }
    } else {
        scored = firstMatches(); // even the rarest word is everywhere
    }
    sqlite3_progress_handler(db_.handle(), 0, nullptr, nullptr);
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return better(a, b); });
    if (scored.size() > limit + kExtra) scored.resize(limit + kExtra);
    return scored;
}

void KnowledgeSearch::applyLearned(const QueryPlan& plan, std::vector<Scored>& scored) {
    double total = 0;
    for (const auto& g : plan.groups)
        total += g.weight;
    if (total <= 0) return;
    // Entry -> the learned weight of each group it was referred for.
    std::map<std::int64_t, std::vector<double>> learned;
    auto st = db_.prepare("SELECT entry_id, uses FROM kb_learned WHERE term = ?");
    for (std::size_t g = 0; g < plan.groups.size(); ++g)
        for (const auto& stem : plan.groups[g].stems) {
            st.bind(1, stem);
            while (st.step()) {
                auto& w = learned[st.columnInt(0)];
                w.resize(plan.groups.size());
                const double uses =
                    static_cast<double>(std::min<std::int64_t>(st.columnInt(1), kLearnedUsesForFull));
                w[g] = std::max(w[g], plan.groups[g].weight * uses / kLearnedUsesForFull);
            }
            st.reset();
        }
    if (learned.empty()) return;
    for (auto& [id, weights] : learned) {
        double lift = 0;
        for (double w : weights)
            lift += w;
        lift = kLearnedFactor * lift / total;
        auto it =
            std::find_if(scored.begin(), scored.end(), [id = id](const Scored& s) { return s.id == id; });
        if (it == scored.end()) {
            // Learned but not among the ranked rows: its own coverage and bm25, if it matches at all.
            auto one = db_.prepare(std::string("SELECT rowid, cc_coverage(kb_fts, ?2, ?3, ?4), ") + kBm25 +
                                   ", " + kMatched + " FROM kb_fts WHERE kb_fts MATCH ?1 AND rowid = ?5");
            one.bind(1, plan.matchExpression()).bind(5, id);
            auto rows = plan.empty() ? std::vector<Scored>{} : scoreRows(one, plan);
            if (rows.empty()) {
                if (!db_.prepare("SELECT 1 FROM kb_entries WHERE id = ?").bind(1, id).step()) continue;
                rows.push_back(Scored{id, 0, 0, 0, false, 0, 0});
            }
            scored.push_back(rows.front());
            it = scored.end() - 1;
        }
        if (it->coverage >= 1 - 1e-9) continue; // a full match needs no lift
        it->effective = std::min(it->coverage + lift, kBelowFull);
        it->learned = lift > 0;
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return better(a, b); });
}

KnowledgeResults KnowledgeSearch::finish(const QueryPlan& plan, std::vector<Scored> scored, std::size_t limit,
                                         bool provisional) {
    applyLearned(plan, scored);
    if (scored.size() > limit) scored.resize(limit);
    KnowledgeResults out;
    out.quick = provisional;
    for (const auto& g : plan.groups) {
        if (g.corrected) out.corrections.emplace_back(g.typed, g.used);
        out.terms.insert(out.terms.end(), g.stems.begin(), g.stems.end());
    }
    std::sort(out.terms.begin(), out.terms.end());
    out.terms.erase(std::unique(out.terms.begin(), out.terms.end()), out.terms.end());
    out.meaningfulWords = plan.groups.size();
    if (!out.corrections.empty()) out.searchedFor = plan.searchedFor();
    const std::string match = plan.matchExpression();
    auto snip = db_.prepare("SELECT snippet(kb_fts, -1, x'02', x'03', '…', 10) FROM kb_fts "
                            "WHERE kb_fts MATCH ?1 AND rowid = ?2");
    double total = 0;
    for (const auto& g : plan.groups)
        total += g.weight;
    const double telling = wordWeight(1, index_.entries());
    for (const auto& s : scored) {
        KnowledgeHit h;
        h.id = s.id;
        h.coverage = s.effective;
        // Telling words are in the entry's title, keywords, handler or category: a word found only in
        // its body is as often a coincidence ("options" and "city" of a lunch question in a tax entry's
        // text). What the team's referrals add counts too.
        h.evidence = telling > 0 ? (s.head + s.effective - s.coverage) * total / telling : 0;
        h.matchedWords = s.matched;
        // Weak unless it covers half the query, or telling words: two of them, or one that is a good
        // part of a short query ("thunderbird wont connect").
        const bool tells = h.evidence >= kStrongEvidence;
        h.weak = h.coverage < kStrongShare && !(tells && (s.matched >= 2 || h.coverage >= kTellingShare));
        h.learned = s.learned;
        h.provisional = provisional;
        // The quick answer comes without snippets: each costs a lookup of every phrase (a short prefix
        // in a large index, thousands of terms), and the ranked answer that follows has them.
        if (!match.empty() && !provisional) {
            snip.bind(1, match).bind(2, s.id);
            if (snip.step()) h.snippet = snip.columnText(0);
            snip.reset();
        }
        fillEntry(h);
        out.hits.push_back(std::move(h));
    }
    out.weak = !out.hits.empty() && out.hits.front().weak;
    return out;
}

int KnowledgeSearch::checkBudget(void* p) {
    auto* b = static_cast<Budget*>(p);
    const auto now = std::chrono::steady_clock::now();
    if (now < b->deadline) return 0;
    if (b->rows && *b->rows == 0 && now < b->lastResort) return 0; // a quick answer must answer
    b->exceeded = true;
    return 1; // SQLite stops the statement with SQLITE_INTERRUPT
}

KnowledgeResults KnowledgeSearch::search(std::string_view input, std::size_t limit,
                                         std::optional<std::chrono::microseconds> budget) {
    if (limit == 0) return {};
    const QueryPlan q = plan(input);
    if (q.groups.empty()) return {};
    if (q.empty()) { // no word of it is in the knowledge base: only learned referrals can answer
        KnowledgeResults none = finish(q, {}, limit, false);
        return none;
    }
    if (!budget) return finish(q, ranked(q, limit), limit, false);
    Budget b{std::chrono::steady_clock::now() + *budget};
    sqlite3_progress_handler(db_.handle(), 200, checkBudget, &b);
    try {
        auto scored = ranked(q, limit);
        sqlite3_progress_handler(db_.handle(), 0, nullptr, nullptr);
        return finish(q, std::move(scored), limit, false);
    } catch (const DbError&) {
        sqlite3_progress_handler(db_.handle(), 0, nullptr, nullptr);
        if (!b.exceeded) throw; // interrupted from outside: a newer query wants the connection
    }
    // The quick answer gets a budget of its own.
    const auto now = std::chrono::steady_clock::now();
    Budget quick{now + *budget, false, &quickRows_, now + *budget + kLastResort};
    quickRows_ = 0;
    budget_ = &quick;
    sqlite3_progress_handler(db_.handle(), 200, checkBudget, &quick);
    try {
        auto scored = bounded(q, limit);
        budget_ = nullptr;
        return finish(q, std::move(scored), limit, true);
    } catch (...) {
        budget_ = nullptr;
        sqlite3_progress_handler(db_.handle(), 0, nullptr, nullptr);
        throw;
    }
}

void KnowledgeSearch::interrupt() {
    sqlite3_interrupt(db_.handle());
}

std::vector<KnowledgeHit> KnowledgeSearch::naive(const std::string& match, std::size_t limit) {
    std::vector<KnowledgeHit> hits;
    auto st = db_.prepare("SELECT rowid, snippet(kb_fts, -1, x'02', x'03', '…', 10) FROM kb_fts "
                          "WHERE kb_fts MATCH ?1 ORDER BY rank LIMIT ?2");
    st.bind(1, match).bind(2, static_cast<std::int64_t>(limit));
    while (st.step()) {
        KnowledgeHit h;
        h.id = st.columnInt(0);
        h.snippet = st.columnText(1);
        hits.push_back(std::move(h));
    }
    return hits;
}

} // namespace cc
