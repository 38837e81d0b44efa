#include "knowledge/IndexVocabulary.h"

#include "store/Database.h"

#include <algorithm>
#include <cstdlib>

namespace cc {

namespace {
std::int64_t generation(Database& db) {
    auto st = db.prepare("SELECT value FROM meta WHERE key = 'kb_generation'");
    return st.step() ? st.columnInt(0) : 0;
}
} // namespace

void IndexVocabulary::load(Database& db) {
    const std::int64_t g = generation(db);
    terms_.clear();
    auto st = db.prepare("SELECT term, doc FROM kb_vocab");
    while (st.step())
        terms_.emplace_back(st.columnText(0), st.columnInt(1));
    std::sort(terms_.begin(), terms_.end());
    entries_ = db.scalar("SELECT count(*) FROM kb_entries");
    generation_ = g;
}

bool IndexVocabulary::changed(Database& db) const {
    return generation_ < 0 || generation(db) != generation_;
}

void IndexVocabulary::assign(std::vector<std::pair<std::string, std::int64_t>> terms, std::int64_t entries) {
    terms_ = std::move(terms);
    std::sort(terms_.begin(), terms_.end());
    entries_ = entries;
    generation_ = 0;
}

std::int64_t IndexVocabulary::docs(std::string_view term) const {
    const auto it =
        std::lower_bound(terms_.begin(), terms_.end(), term,
                         [](const auto& t, std::string_view w) { return std::string_view(t.first) < w; });
    return it != terms_.end() && it->first == term ? it->second : 0;
}

std::int64_t IndexVocabulary::prefixDocs(std::string_view prefix) const {
    auto it = std::lower_bound(terms_.begin(), terms_.end(), prefix, [](const auto& t, std::string_view w) {
        return std::string_view(t.first) < w;
    });
    std::int64_t sum = 0;
    for (; it != terms_.end() && std::string_view(it->first).starts_with(prefix) && sum < entries_; ++it)
        sum += it->second;
    return std::min(sum, entries_);
}

std::optional<std::string> IndexVocabulary::nearest(std::string_view word, std::string_view stem) const {
    if (word.size() < 4 || terms_.empty()) return std::nullopt;
    // Typos rarely hit the first letter, so only terms sharing it are compared: a few thousand at most.
    // One edit for most words: two would turn real words the index lacks into others ("senior" into
    // "sender"); long words, where two slips are common and a near neighbour rare, get two.
    // The stem is held to its own length: "dropping" may take two slips, but its stem "drop" only one
    // (two made it "do").
    const int wordLimit = word.size() < 8 ? 1 : 2;
    const int stemLimit = stem.size() < 8 ? 1 : 2;
    const int limit = std::max(wordLimit, stemLimit);
    const std::string first(word.substr(0, 1));
    std::string next = first;
    next.back() = static_cast<char>(next.back() + 1);
    // A short word that begins a known one ("table" of "tablet") is a real word the index lacks, not a
    // slip; a longer one is more often a word cut short ("reques").
    const auto longer =
        std::lower_bound(terms_.begin(), terms_.end(), word,
                         [](const auto& t, std::string_view w) { return std::string_view(t.first) < w; });
    if (word.size() < 6 && longer != terms_.end() && std::string_view(longer->first).starts_with(word))
        return std::nullopt;
    auto it =
        std::lower_bound(terms_.begin(), terms_.end(), std::string_view(first),
                         [](const auto& t, std::string_view w) { return std::string_view(t.first) < w; });
    const std::string* best = nullptr;
    int bestDistance = limit + 1;
    std::int64_t bestDocs = 0;
    for (; it != terms_.end() && it->first < next; ++it) {
        const std::string& term = it->first;
        if (std::abs(static_cast<int>(term.size()) - static_cast<int>(stem.size())) > limit &&
            std::abs(static_cast<int>(term.size()) - static_cast<int>(word.size())) > limit)
            continue;
        const int toWord = editDistance(word, term, wordLimit);
        const int toStem = editDistance(stem, term, stemLimit);
        const int d =
            std::min(toWord <= wordLimit ? toWord : limit + 1, toStem <= stemLimit ? toStem : limit + 1);
        if (d < bestDistance || (d == bestDistance && it->second > bestDocs)) {
            best = &term;
            bestDistance = d;
            bestDocs = it->second;
        }
    }
    if (!best || bestDistance > limit) return std::nullopt;
    return *best;
}

int editDistance(std::string_view a, std::string_view b, int limit) {
    const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
    if (std::abs(n - m) > limit) return limit + 1;
    // Called for thousands of terms per typo: the rows are reused, not allocated each time.
    thread_local std::vector<int> prev2, prev, cur;
    prev2.assign(m + 1, 0);
    prev.assign(m + 1, 0);
    cur.assign(m + 1, 0);
    for (int j = 0; j <= m; ++j)
        prev[j] = j;
    for (int i = 1; i <= n; ++i) {
        cur[0] = i;
        int rowMin = cur[0];
        for (int j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            rowMin = std::min(rowMin, cur[j]);
        }
        if (rowMin > limit) return limit + 1;
        prev2.swap(prev);
        prev.swap(cur);
    }
    return prev[m];
}

} // namespace cc
