#include "knowledge/KnowledgeSearch.h"

#include "store/Database.h"

#include <algorithm>
#include <cctype>
#include <sqlite3.h>
#include <utility>

namespace cc {

namespace {
bool isWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

constexpr const char* kHitQuery =
    "SELECT f.rowid, snippet(kb_fts, -1, x'02', x'03', '…', 10) FROM kb_fts f "
    "WHERE kb_fts MATCH ?1 ORDER BY rank LIMIT ?2";
} // namespace

ParsedQuery parseQuery(std::string_view input) {
    ParsedQuery q;
    std::string word;
    for (char ch : input) {
        const auto c = static_cast<unsigned char>(ch);
        if (isWordByte(c)) word += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
        else if (!word.empty()) q.words.push_back(std::exchange(word, {}));
    }
    if (!word.empty()) q.words.push_back(word);
    q.lastIsPrefix = !q.words.empty() && !input.empty() && isWordByte(static_cast<unsigned char>(input.back()));
    return q;
}

std::string matchExpression(const ParsedQuery& q, bool headOnly) {
    std::string m = headOnly ? "{title keywords handled_by} : (" : "(";
    for (std::size_t i = 0; i < q.words.size(); ++i) {
        if (i) m += ' ';
        m += '"' + q.words[i] + '"'; // words hold no quotes: parseQuery keeps only letters and digits
        if (i + 1 == q.words.size() && q.lastIsPrefix) m += '*';
    }
    return m + ")";
}

int editDistance(std::string_view a, std::string_view b, int limit) {
    const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
    if (std::abs(n - m) > limit) return limit + 1;
    std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (int j = 0; j <= m; ++j) prev[j] = j;
    for (int i = 1; i <= n; ++i) {
        cur[0] = i;
        int rowMin = cur[0];
        for (int j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            rowMin = std::min(rowMin, cur[j]);
        }
        if (rowMin > limit) return limit + 1;
        prev2.swap(prev);
        prev.swap(cur);
    }
    return prev[m];
}

void KnowledgeSearch::fillEntry(KnowledgeHit& h) {
    auto entry = db_.prepare("SELECT title, handled_by, category, last_verified FROM kb_entries WHERE id = ?");
    entry.bind(1, h.id);
    if (!entry.step()) return;
    h.title = entry.columnText(0);
    h.handledBy = entry.columnText(1);
    h.category = entry.columnText(2);
    h.lastVerified = entry.columnText(3);
}

std::vector<KnowledgeHit> KnowledgeSearch::run(const std::string& match, std::size_t limit,
                                               const std::vector<std::int64_t>& skip) {
    std::vector<KnowledgeHit> hits;
    auto st = db_.prepare(kHitQuery);
    st.bind(1, match).bind(2, static_cast<std::int64_t>(limit + skip.size()));
    while (st.step() && hits.size() < limit) {
        const std::int64_t id = st.columnInt(0);
        if (std::find(skip.begin(), skip.end(), id) != skip.end()) continue;
        KnowledgeHit h;
        h.id = id;
        h.snippet = st.columnText(1);
        hits.push_back(std::move(h));
    }
    for (auto& h : hits) fillEntry(h);
    return hits;
}

std::vector<KnowledgeHit> KnowledgeSearch::ranked(const ParsedQuery& q, std::size_t limit) {
    // Titles, keywords and who handles it first: the entries most likely meant.
    auto hits = run(matchExpression(q, true), limit, {});
    const bool shortPrefix = q.lastIsPrefix && q.words.back().size() < 3;
    if (hits.size() < limit && !shortPrefix) {
        std::vector<std::int64_t> seen;
        for (const auto& h : hits) seen.push_back(h.id);
        auto more = run(matchExpression(q, false), limit - hits.size(), seen);
        hits.insert(hits.end(), more.begin(), more.end());
    }
    return hits;
}

std::vector<KnowledgeHit> KnowledgeSearch::bounded(const ParsedQuery& q, std::size_t limit) {
    // The first matches in index order (no sort, so the query stops early), ranked here by how well the
    // title answers the words: whole words in the title, a title that starts with the first word, a
    // short title.
    constexpr int kCandidates = 300;
    auto st = db_.prepare("SELECT f.rowid, e.title FROM kb_fts f JOIN kb_entries e ON e.id = f.rowid "
                          "WHERE kb_fts MATCH ?1 LIMIT ?2");
    st.bind(1, matchExpression(q, true)).bind(2, kCandidates);
    std::vector<std::pair<double, std::int64_t>> scored;
    while (true) {
        // Within the budget (if any), whatever was found so far is ranked: a quick answer beats none.
        try {
            if (!st.step()) break;
        } catch (const DbError& e) {
            if (!budget_ || !budget_->exceeded) throw;
            break;
        }
        const auto titleWords = parseQuery(st.columnText(1)).words;
        double score = -static_cast<double>(titleWords.size()) * 0.1;
        for (std::size_t i = 0; i < q.words.size(); ++i) {
            const bool prefix = q.lastIsPrefix && i + 1 == q.words.size();
            for (std::size_t t = 0; t < titleWords.size(); ++t) {
                const bool hit = prefix ? titleWords[t].starts_with(q.words[i]) : titleWords[t] == q.words[i];
                if (!hit) continue;
                score += 10 + (t == 0 ? 3 : 0);
                break;
            }
        }
        scored.emplace_back(score, st.columnInt(0));
    }
    sqlite3_progress_handler(db_.handle(), 0, nullptr, nullptr);
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    if (scored.size() > limit) scored.resize(limit);
    // Snippets for the chosen few only.
    auto snip = db_.prepare("SELECT snippet(kb_fts, -1, x'02', x'03', '…', 10) FROM kb_fts "
                            "WHERE kb_fts MATCH ?1 AND rowid = ?2");
    std::vector<KnowledgeHit> hits;
    for (const auto& [score, id] : scored) {
        KnowledgeHit h;
        h.id = id;
        h.provisional = true;
        snip.bind(1, matchExpression(q, true)).bind(2, id);
        if (snip.step()) h.snippet = snip.columnText(0);
        snip.reset();
        fillEntry(h);
        hits.push_back(std::move(h));
    }
    return hits;
}

int KnowledgeSearch::checkBudget(void* p) {
    auto* b = static_cast<Budget*>(p);
    if (std::chrono::steady_clock::now() < b->deadline) return 0;
    b->exceeded = true;
    return 1; // SQLite stops the statement with SQLITE_INTERRUPT
}

std::vector<KnowledgeHit> KnowledgeSearch::search(std::string_view input, std::size_t limit,
                                                  std::optional<std::chrono::microseconds> budget) {
    ParsedQuery q = parseQuery(input);
    if (q.words.empty() || limit == 0) return {};
    auto attempt = [&](const ParsedQuery& query) {
        if (!budget) return ranked(query, limit);
        Budget b{std::chrono::steady_clock::now() + *budget};
        sqlite3_progress_handler(db_.handle(), 200, checkBudget, &b);
        try {
            auto hits = ranked(query, limit);
            sqlite3_progress_handler(db_.handle(), 0, nullptr, nullptr);
            return hits;
        } catch (const DbError&) {
            sqlite3_progress_handler(db_.handle(), 0, nullptr, nullptr);
            if (!b.exceeded) throw; // interrupted from outside: a newer query wants the connection
        }
        // The quick answer gets a budget of its own.
        Budget quick{std::chrono::steady_clock::now() + *budget};
        budget_ = &quick;
        sqlite3_progress_handler(db_.handle(), 200, checkBudget, &quick);
        try {
            auto hits = bounded(query, limit);
            budget_ = nullptr;
            return hits;
        } catch (...) {
            budget_ = nullptr;
            sqlite3_progress_handler(db_.handle(), 0, nullptr, nullptr);
            throw;
        }
    };
    auto hits = attempt(q);
    if (!hits.empty()) return hits;

    // Nothing: correct the words that match nothing on their own ("pasword" -> "password").
    bool changed = false;
    for (std::size_t i = 0; i < q.words.size(); ++i) {
        const bool prefix = q.lastIsPrefix && i + 1 == q.words.size();
        if (prefix && q.words[i].size() < 4) continue;
        if (matchesAnything(prefix ? q.words[i] + "*" : q.words[i])) continue;
        if (auto fix = correction(q.words[i])) {
            q.words[i] = *fix;
            changed = true;
            if (prefix) q.lastIsPrefix = false;
        }
    }
    if (!changed) return {};
    hits = attempt(q);
    for (auto& h : hits) h.corrected = true;
    return hits;
}
bool KnowledgeSearch::matchesAnything(const std::string& word) {
    const bool prefix = !word.empty() && word.back() == '*';
    const std::string match = '"' + (prefix ? word.substr(0, word.size() - 1) : word) + '"' + (prefix ? "*" : "");
    auto st = db_.prepare("SELECT 1 FROM kb_fts WHERE kb_fts MATCH ? LIMIT 1");
    st.bind(1, match);
    return st.step();
}

std::optional<std::string> KnowledgeSearch::correction(const std::string& word) {
    if (word.size() < 4) return std::nullopt;
    // Terms in the index are stems ("password", "printer"); typos rarely hit the first letter, so only
    // terms sharing it are compared, which keeps this fast on a large knowledge base.
    const int limit = word.size() <= 5 ? 1 : 2;
    auto st = db_.prepare("SELECT term, doc FROM kb_vocab WHERE term >= ?1 AND term < ?2");
    std::string next = word.substr(0, 1);
    next.back() = static_cast<char>(next.back() + 1);
    st.bind(1, word.substr(0, 1)).bind(2, next);
    std::optional<std::string> best;
    int bestDistance = limit + 1;
    std::int64_t bestDocs = 0;
    while (st.step()) {
        const std::string term = st.columnText(0);
        // A stem may be shorter than the word ("pasword" vs "password" is fine; "printer" vs "print").
        const int d = editDistance(word, term, limit);
        const std::int64_t docs = st.columnInt(1);
        if (d < bestDistance || (d == bestDistance && docs > bestDocs)) {
            best = term;
            bestDistance = d;
            bestDocs = docs;
        }
    }
    return bestDistance <= limit ? best : std::nullopt;
}

void KnowledgeSearch::interrupt() { sqlite3_interrupt(db_.handle()); }

std::vector<KnowledgeHit> KnowledgeSearch::naive(const std::string& match, std::size_t limit) {
    std::vector<KnowledgeHit> hits;
    auto st = db_.prepare("SELECT rowid, snippet(kb_fts, -1, x'02', x'03', '…', 10) FROM kb_fts "
                          "WHERE kb_fts MATCH ?1 ORDER BY rank LIMIT ?2");
    st.bind(1, match).bind(2, static_cast<std::int64_t>(limit));
    while (st.step()) hits.push_back(KnowledgeHit{st.columnInt(0), {}, {}, {}, {}, st.columnText(1), false});
    return hits;
}

} // namespace cc
