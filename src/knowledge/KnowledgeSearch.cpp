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

std::vector<KnowledgeHit> KnowledgeSearch::run(const std::string& match, std::size_t limit,
                                               const std::vector<std::int64_t>& skip) {
    std::vector<KnowledgeHit> hits;
    auto st = db_.prepare(kHitQuery);
    st.bind(1, match).bind(2, static_cast<std::int64_t>(limit + skip.size()));
    auto entry = db_.prepare("SELECT title, handled_by, category, last_verified FROM kb_entries WHERE id = ?");
    while (st.step() && hits.size() < limit) {
        const std::int64_t id = st.columnInt(0);
        if (std::find(skip.begin(), skip.end(), id) != skip.end()) continue;
        KnowledgeHit h;
        h.id = id;
        h.snippet = st.columnText(1);
        entry.bind(1, id);
        if (entry.step()) {
            h.title = entry.columnText(0);
            h.handledBy = entry.columnText(1);
            h.category = entry.columnText(2);
            h.lastVerified = entry.columnText(3);
        }
        entry.reset();
        hits.push_back(std::move(h));
    }
    return hits;
}

std::vector<KnowledgeHit> KnowledgeSearch::search(std::string_view input, std::size_t limit) {
    ParsedQuery q = parseQuery(input);
    if (q.words.empty() || limit == 0) return {};
    auto phases = [&](const ParsedQuery& query) {
        // Titles, keywords and who handles it first: small, relevant, fast even for a two-letter prefix.
        auto hits = run(matchExpression(query, true), limit, {});
        const bool shortPrefix = query.lastIsPrefix && query.words.back().size() < 3;
        if (hits.size() < limit && !shortPrefix) {
            std::vector<std::int64_t> seen;
            for (const auto& h : hits) seen.push_back(h.id);
            auto more = run(matchExpression(query, false), limit - hits.size(), seen);
            hits.insert(hits.end(), more.begin(), more.end());
        }
        return hits;
    };
    auto hits = phases(q);
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
    hits = phases(q);
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
