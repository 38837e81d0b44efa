#include "knowledge/QueryPlan.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fmt/format.h>
#include <utility>

namespace cc {

namespace {
bool isWordByte(unsigned char c) {
    return std::isalnum(c) || c >= 0x80;
}

std::string quoted(const std::string& phrase, bool prefix) {
    // Phrases hold letters, digits and spaces only (splitQuery and the synonyms' stems), never a quote.
    return '"' + phrase + '"' + (prefix ? "*" : "");
}

/// Words a synonym phrase is made of, split as splitQuery splits a query.
std::vector<std::string> wordsOf(std::string_view phrase) {
    return splitQuery(phrase, 8).words;
}

std::string joinWords(const std::vector<std::string>& words, std::size_t from, std::size_t n,
                      const char* sep) {
    std::string out;
    for (std::size_t i = from; i < from + n; ++i)
        out += (i > from ? sep : "") + words[i];
    return out;
}

// A word the knowledge base does not hold weighs like one in about one entry in fifty: enough that a
// question about something else reads as a weak match, not so much that a caller's stray word (a name,
// a town) hides an entry that answers the rest.
constexpr double kUnknownShare = 0.02;
// A corrected typo or a half-typed word counts half (see weigh()).
constexpr double kCorrectedFactor = 0.5;
constexpr std::size_t kMaxWordBytes = 48;
} // namespace

double wordWeight(std::int64_t docs, std::int64_t entries) {
    const double n = static_cast<double>(std::max<std::int64_t>(entries, 1));
    const double d =
        static_cast<double>(std::clamp<std::int64_t>(docs, 0, std::max<std::int64_t>(entries, 1)));
    return std::log(1.0 + (n - d + 0.5) / (d + 0.5));
}

QueryWords splitQuery(std::string_view input, std::size_t maxWords) {
    QueryWords q;
    std::string word;
    std::size_t i = 0;
    auto finish = [&](std::size_t at) {
        if (word.empty()) return;
        q.words.push_back(std::exchange(word, {}));
        // "wi-fi", "e-mail", "me.com", "and/or": one hyphen, dot or slash between two words.
        q.hyphenAfter.push_back(
            at + 1 < input.size() &&
            (input[at] == '-' || input[at] == '.' || input[at] == '/' || input[at] == '_') &&
            isWordByte(static_cast<unsigned char>(input[at + 1])));
    };
    for (; i < input.size() && q.words.size() < maxWords; ++i) {
        const auto c = static_cast<unsigned char>(input[i]);
        if (isWordByte(c)) {
            // No word is longer: a pasted blob of letters is cut, not split and corrected at length.
            if (word.size() < kMaxWordBytes) word += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
        } else {
            finish(i);
        }
    }
    const bool cut = !word.empty() && i < input.size();
    finish(i);
    if (!q.hyphenAfter.empty()) q.hyphenAfter.back() = false;
    q.lastIsPrefix = !q.words.empty() && !cut && !input.empty() && i == input.size() &&
                     isWordByte(static_cast<unsigned char>(input.back()));
    return q;
}

std::string allWordsExpression(const QueryWords& q) {
    std::string m;
    for (std::size_t i = 0; i < q.words.size(); ++i) {
        if (i) m += ' ';
        m += quoted(q.words[i], q.lastIsPrefix && i + 1 == q.words.size());
    }
    return m;
}

bool QueryPlan::empty() const {
    return std::none_of(groups.begin(), groups.end(), [](const QueryGroup& g) { return !g.phrases.empty(); });
}

bool QueryPlan::anyCorrected() const {
    return std::any_of(groups.begin(), groups.end(), [](const QueryGroup& g) { return g.corrected; });
}

std::string QueryPlan::matchExpression(bool headOnly) const {
    std::string m;
    for (const auto& g : groups)
        for (std::size_t p = 0; p < g.phrases.size(); ++p) {
            if (!m.empty()) m += " OR ";
            m += quoted(g.phrases[p], g.prefix && p == 0);
        }
    if (m.empty()) return m;
    return headOnly ? "{title keywords handled_by category} : (" + m + ")" : m;
}

std::string QueryPlan::phraseGroups() const {
    std::string out;
    for (std::size_t g = 0; g < groups.size(); ++g)
        for (std::size_t p = 0; p < groups[g].phrases.size(); ++p)
            out += fmt::format("{} ", g);
    return out;
}

std::string QueryPlan::groupWeights() const {
    std::string out;
    for (const auto& g : groups)
        out += fmt::format("{:.4f} ", g.weight);
    return out;
}

QueryPlan QueryPlan::rarest(std::int64_t maxEntries, std::int64_t& entries) const {
    std::vector<std::size_t> order;
    for (std::size_t g = 0; g < groups.size(); ++g)
        if (!groups[g].phrases.empty()) order.push_back(g);
    std::stable_sort(order.begin(), order.end(),
                     [this](std::size_t a, std::size_t b) { return groups[a].docs < groups[b].docs; });
    QueryPlan rare = *this;
    for (auto& g : rare.groups)
        g.phrases.clear();
    entries = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
        const auto& g = groups[order[k]];
        if (k > 0 && entries + g.docs > maxEntries) break;
        rare.groups[order[k]].phrases = g.phrases;
        entries += g.docs;
    }
    return rare;
}

std::string QueryPlan::searchedFor() const {
    std::string out;
    for (const auto& g : groups) {
        if (g.phrases.empty()) continue;
        if (!out.empty()) out += ' ';
        out += g.used;
    }
    return out;
}

QueryPlanner::QueryPlanner(const QueryVocabulary& vocabulary, const Fts5Stemmer& stemmer)
    : vocabulary_(vocabulary), stemmer_(stemmer) {
    for (const auto& group : vocabulary.synonyms()) {
        Synonyms s;
        const std::size_t index = groups_.size();
        for (const auto& phrase : group) {
            const auto words = wordsOf(phrase);
            if (words.empty()) continue;
            s.phrases.push_back(joinWords(words, 0, words.size(), " "));
            const std::string key = stemKey(words, 0, words.size());
            byStems_.emplace(key, index);
            for (const auto& st : stemmer.tokens(key))
                s.stems.push_back(st);
            // "wi-fi" is also found as "wifi", and "log in" as "login".
            if (words.size() > 1)
                byStems_.emplace(stemmer.stem(joinWords(words, 0, words.size(), "")), index);
            else
                words_.emplace_back(words[0], index);
        }
        std::sort(s.stems.begin(), s.stems.end());
        s.stems.erase(std::unique(s.stems.begin(), s.stems.end()), s.stems.end());
        groups_.push_back(std::move(s));
    }
}

std::string QueryPlanner::stemKey(const std::vector<std::string>& words, std::size_t from,
                                  std::size_t n) const {
    std::string key;
    for (std::size_t i = from; i < from + n; ++i) {
        if (i > from) key += ' ';
        key += stemmer_.stem(words[i]);
    }
    return key;
}

void QueryPlanner::weigh(QueryGroup& g, const IndexVocabulary& index) const {
    std::int64_t docs = 0;
    for (std::size_t p = 0; p < g.phrases.size(); ++p) {
        if (g.prefix && p == 0) {
            docs = std::max(docs, index.prefixDocs(g.phrases[p]));
            continue;
        }
        // A phrase is in at most as many entries as its rarest word.
        std::int64_t phraseDocs = -1;
        for (const auto& t : stemmer_.tokens(g.phrases[p]))
            phraseDocs = phraseDocs < 0 ? index.docs(t) : std::min(phraseDocs, index.docs(t));
        docs = std::max(docs, std::max<std::int64_t>(phraseDocs, 0));
    }
    const std::int64_t n = index.entries();
    g.docs = docs;
    if (docs == 0) {
        g.phrases.clear(); // matches nothing: it only counts against the entries that miss it
        docs = std::max<std::int64_t>(1, static_cast<std::int64_t>(kUnknownShare * static_cast<double>(n)));
    }
    // A corrected typo may be a wrong guess, and a half-typed word ("vet" of "veteran"?) may become
    // another: each counts half.
    const bool unfinished = g.prefix && !g.corrected && index.docs(stemmer_.stem(g.typed)) == 0;
    g.weight = wordWeight(docs, n) * (g.corrected || unfinished ? kCorrectedFactor : 1.0);
}

bool QueryPlanner::correct(QueryGroup& g, const IndexVocabulary& index) const {
    const std::string stem = stemmer_.stem(g.typed);
    std::optional<std::string> fix = index.nearest(g.typed, stem);
    int fixDistance = fix ? std::min(editDistance(g.typed, *fix, 2), editDistance(stem, *fix, 2)) : 3;
    // A synonym is as good a fix as an indexed word: "stollen" is "stolen", which finds "lost".
    const Synonyms* synonyms = nullptr;
    if (g.typed.size() >= 4) {
        const int limit = g.typed.size() < 8 ? 1 : 2;
        for (const auto& [word, group] : words_) {
            if (word.empty() || word[0] != g.typed[0]) continue;
            const int d = editDistance(g.typed, word, limit);
            if (d <= limit && d < fixDistance) {
                fix = word;
                fixDistance = d;
                synonyms = &groups_[group];
            }
        }
    }
    if (!fix) return false;
    g.corrected = true;
    g.prefix = false;
    g.used = *fix;
    if (synonyms) {
        g.phrases = synonyms->phrases;
        g.stems = synonyms->stems;
    } else {
        g.phrases = {*fix};
        g.stems = {*fix};
        // An indexed stem the tokenizer would stem again ("robocal" to "roboc") is looked up as a
        // prefix, which FTS5 leaves as it is.
        g.prefix = stemmer_.stem(*fix) != *fix;
    }
    return true;
}

QueryPlan QueryPlanner::plan(std::string_view input, const IndexVocabulary& index) const {
    QueryPlan plan;
    const QueryWords q = splitQuery(input);
    const std::size_t n = q.words.size();
    std::size_t i = 0;
    while (i < n) {
        const bool lastIsTyping = q.lastIsPrefix && i + 1 == n;
        QueryGroup g;
        // Synonyms first, longest phrase first ("sign in" before "sign"), also across a hyphen.
        std::size_t taken = 0;
        for (std::size_t len = std::min<std::size_t>(3, n - i); len >= 1 && !taken; --len) {
            if (q.lastIsPrefix && i + len == n && q.words[n - 1].size() < 3)
                continue; // "lo" is not "login" yet
            auto it = byStems_.find(stemKey(q.words, i, len));
            bool joined = len > 1;
            for (std::size_t k = i; k + 1 < i + len; ++k)
                joined = joined && q.hyphenAfter[k];
            if (it == byStems_.end() && joined)
                it = byStems_.find(stemmer_.stem(joinWords(q.words, i, len, "")));
            if (it == byStems_.end()) continue;
            g.phrases = groups_[it->second].phrases;
            g.stems = groups_[it->second].stems;
            g.typed = joinWords(q.words, i, len, " ");
            g.used = g.typed;
            if (q.lastIsPrefix && i + len == n) { // still typing: "passw" also finds "password"
                g.phrases.insert(g.phrases.begin(), joinWords(q.words, i, len, " "));
                g.prefix = true;
            }
            taken = len;
        }
        if (!taken && i + 1 < n && q.hyphenAfter[i] && !(q.lastIsPrefix && i + 2 == n)) {
            // A hyphenated word not in the synonyms: "wi-fi" finds "Wi-Fi", "wifi" and "wi fi".
            const std::string spaced = q.words[i] + " " + q.words[i + 1];
            const std::string joined = q.words[i] + q.words[i + 1];
            g.phrases = {spaced, joined};
            g.stems = stemmer_.tokens(spaced);
            g.stems.push_back(stemmer_.stem(joined));
            g.typed = q.words[i] + "-" + q.words[i + 1];
            g.used = g.typed;
            taken = 2;
        }
        if (!taken) {
            const std::string& w = q.words[i];
            taken = 1;
            // Stop words carry no meaning; a half-typed last word may yet become one that does.
            if (vocabulary_.isStopWord(w) && !(lastIsTyping && plan.groups.empty() && i + 1 == n && n == 1)) {
                i += taken;
                continue;
            }
            g.typed = w;
            g.used = w;
            g.prefix = lastIsTyping;
            g.phrases = {w};
            g.stems = {stemmer_.stem(w)};
            const bool known = lastIsTyping ? index.prefixDocs(w) > 0 : index.docs(g.stems[0]) > 0;
            if (!known && !lastIsTyping) {
                // "wifi" where the entries say "Wi-Fi": two known words written together.
                for (std::size_t cut = 2; cut + 2 <= w.size(); ++cut) {
                    const std::string a = w.substr(0, cut), b = w.substr(cut);
                    if (index.docs(stemmer_.stem(a)) > 0 && index.docs(stemmer_.stem(b)) > 0) {
                        g.phrases.push_back(a + " " + b);
                        break;
                    }
                }
            }
            if (!known && g.phrases.size() == 1 && (!lastIsTyping || w.size() >= 4)) correct(g, index);
        }
        weigh(g, index);
        plan.groups.push_back(std::move(g));
        i += taken;
    }
    return plan;
}

} // namespace cc
