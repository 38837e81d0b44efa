// What the knowledge search finds for what people say. Loads the bundled knowledge base and the team
// vocabulary (data/knowledge/), runs query sets written the way callers and agents talk
// (tests/knowledge/eval/*.tsv: group, query, expected titles separated by " | "), and prints Hit@1 and
// Hit@3 for each group side by side with two baselines on the same index:
//   naive AND   every word required, ORDER BY rank (what a plain FTS5 search box does);
//   naive OR    the words OR-ed, stop words dropped, ORDER BY rank (bm25 with the same column weights).
// For out-of-scope questions ("out"), it counts those that come back empty or all weak.
//
//   knowledge_eval --data DIR [--min-caller H3] [--min-agent H3] [--min-out N] [--show-misses 1] [--quick 1]
//                  FILE.tsv...
// --quick 1 scores the quick answer the panel shows first when the ranking misses its time budget.
// With --min-*, it exits 1 when the companion's figures on the first file fall below them: the ctest.
#include "data/TextFiles.h"
#include "knowledge/KnowledgeBase.h"
#include "knowledge/KnowledgeFiles.h"
#include "knowledge/KnowledgeSearch.h"
#include "store/Database.h"
#include "store/Migrations.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {
struct Query {
    std::string group, text;
    std::vector<std::string> expected;
};

std::vector<std::string> split(const std::string& s, const std::string& sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const auto at = s.find(sep, start);
        out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
        if (at == std::string::npos) break;
        start = at + sep.size();
    }
    return out;
}

std::vector<Query> readQueries(const fs::path& file) {
    std::vector<Query> out;
    const auto text = cc::readTextFile(file);
    if (!text) {
        std::fprintf(stderr, "cannot read %s\n", file.string().c_str());
        std::exit(2);
    }
    std::istringstream in(*text);
    std::string line;
    std::getline(in, line); // header
    int lineNo = 1;
    while (std::getline(in, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        const auto cols = split(line, "\t");
        if (cols.size() < 2) {
            std::fprintf(stderr, "%s:%d: needs group, query and expected\n", file.string().c_str(), lineNo);
            std::exit(2);
        }
        Query q{cols[0], cols[1], {}};
        if (cols.size() > 2 && !cols[2].empty()) q.expected = split(cols[2], " | ");
        out.push_back(std::move(q));
    }
    return out;
}

struct Tally {
    int n = 0, hit1 = 0, hit3 = 0, quiet = 0; // quiet: empty or all weak (for "out")
    int rightButWeak = 0;                     // the first hit is right, yet said to be weak
};

std::string orExpression(const std::string& query, const cc::QueryVocabulary& vocabulary) {
    std::string m;
    for (const auto& w : cc::splitQuery(query).words)
        if (!vocabulary.isStopWord(w)) m += (m.empty() ? "\"" : " OR \"") + w + "\"";
    return m;
}

std::string andExpression(const std::string& query) {
    return cc::allWordsExpression(cc::splitQuery(query));
}

double pct(int a, int n) {
    return n ? 100.0 * a / n : 0.0;
}
} // namespace

int main(int argc, char** argv) {
    fs::path data = "data";
    double minCaller = -1, minAgent = -1;
    int minOut = -1;
    bool showMisses = false;
    bool quick = false; // rank the quick answer (no time to rank: budget 0) instead of the full one
    std::vector<fs::path> files;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
        if (a == "--data")
            data = next();
        else if (a == "--min-caller")
            minCaller = std::atof(next().c_str());
        else if (a == "--min-agent")
            minAgent = std::atof(next().c_str());
        else if (a == "--min-out")
            minOut = std::atoi(next().c_str());
        else if (a == "--show-misses")
            showMisses = next() == "1";
        else if (a == "--quick")
            quick = next() == "1";
        else
            files.emplace_back(a);
    }
    if (files.empty()) {
        std::fprintf(stderr, "usage: knowledge_eval --data DIR [--min-caller H3] [--min-agent H3] [--min-out "
                             "N] FILE.tsv...\n");
        return 2;
    }
    const auto read = cc::readKnowledgeCsvFile(data / "knowledge" / "referrals.csv");
    auto vocabulary =
        std::make_shared<cc::QueryVocabulary>(cc::QueryVocabulary::loadFolder(data / "knowledge"));
    for (const auto& e : vocabulary->errors())
        std::fprintf(stderr, "%s\n", e.toString().c_str());
    if (!read.errors.empty() || !vocabulary->errors().empty()) return 2;

    cc::Database db(":memory:");
    cc::migrate(db);
    cc::KnowledgeBase kb(db);
    kb.importAll(read.entries);
    std::map<std::int64_t, std::string> titles;
    for (const auto& e : kb.all())
        titles[e.id] = e.title;
    cc::KnowledgeSearch search(db, vocabulary);

    bool ok = true;
    for (std::size_t f = 0; f < files.size(); ++f) {
        const auto queries = readQueries(files[f]);
        std::map<std::string, Tally> ours, naiveAnd, naiveOr;
        for (const auto& q : queries) {
            auto rank = [&](const std::vector<std::int64_t>& ids, bool quiet, Tally& t) {
                ++t.n;
                if (q.expected.empty()) {
                    t.quiet += quiet;
                    return;
                }
                for (std::size_t r = 0; r < ids.size() && r < 3; ++r) {
                    if (std::find(q.expected.begin(), q.expected.end(), titles[ids[r]]) == q.expected.end())
                        continue;
                    t.hit3 += 1;
                    t.hit1 += r == 0;
                    t.rightButWeak += r == 0 && quiet;
                    break;
                }
            };
            // As the panel sees it: what was typed or pasted, the last word still open (a prefix).
            const auto results =
                quick ? search.search(q.text, 20, std::chrono::microseconds(0)) : search.search(q.text, 20);
            std::vector<std::int64_t> ids;
            for (const auto& h : results.hits)
                ids.push_back(h.id);
            rank(ids, results.empty() || results.weak, ours[q.group]);
            if (std::getenv("CC_EVAL_DUMP") && !results.empty()) {
                const bool right = std::find(q.expected.begin(), q.expected.end(), results.hits[0].title) !=
                                   q.expected.end();
                std::fprintf(stderr, "DUMP\t%s\t%d\t%.3f\t%.3f\t%zu\n", q.group.c_str(), right ? 1 : 0,
                             results.hits[0].coverage, results.hits[0].evidence, results.meaningfulWords);
            }
            if (showMisses && !q.expected.empty() &&
                std::none_of(ids.begin(),
                             ids.begin() + static_cast<long>(std::min<std::size_t>(3, ids.size())),
                             [&](std::int64_t id) {
                                 return std::find(q.expected.begin(), q.expected.end(), titles[id]) !=
                                        q.expected.end();
                             })) {
                std::printf("  miss [%s] %s\n      want %s; got", q.group.c_str(), q.text.c_str(),
                            q.expected[0].c_str());
                for (std::size_t r = 0; r < ids.size() && r < 3; ++r)
                    std::printf(" | %s (%.2f %.1f)", titles[ids[r]].c_str(), results.hits[r].coverage,
                                results.hits[r].evidence);
                std::printf("\n");
            }
            if (showMisses && q.expected.empty() && !results.empty() && !results.weak)
                std::printf("  answered out-of-scope: %s -> %s (%.2f %.1f)\n", q.text.c_str(),
                            results.hits[0].title.c_str(), results.hits[0].coverage,
                            results.hits[0].evidence);
            if (showMisses && !q.expected.empty() && !results.empty() && results.weak)
                std::printf("  said weak: %s -> %s (%.2f %.1f)\n", q.text.c_str(),
                            results.hits[0].title.c_str(), results.hits[0].coverage,
                            results.hits[0].evidence);
            if (showMisses && q.expected.empty() && !results.empty() && results.weak)
                std::printf("  out, weak: %s -> %s (%.2f %.1f)\n", q.text.c_str(),
                            results.hits[0].title.c_str(), results.hits[0].coverage,
                            results.hits[0].evidence);
            for (auto [expr, tally] : {std::pair{andExpression(q.text), &naiveAnd[q.group]},
                                       std::pair{orExpression(q.text, *vocabulary), &naiveOr[q.group]}}) {
                std::vector<std::int64_t> naiveIds;
                if (!expr.empty())
                    for (const auto& h : search.naive(expr, 3))
                        naiveIds.push_back(h.id);
                rank(naiveIds, naiveIds.empty(), *tally);
            }
        }
        std::printf("\n%s (%zu queries, %zu entries)\n", files[f].filename().string().c_str(), queries.size(),
                    titles.size());
        std::printf("%-8s %5s | %-17s | %-17s | %-17s | %s\n", "group", "n", "naive AND  @1  @3",
                    "naive OR   @1  @3", "companion  @1  @3", "right but said weak");
        for (const auto& [group, t] : ours) {
            const Tally& a = naiveAnd[group];
            const Tally& o = naiveOr[group];
            if (group == "out")
                std::printf("%-8s %5d | empty %4d of %-4d | empty %4d of %-4d | empty/weak %d of %d\n",
                            group.c_str(), t.n, a.quiet, a.n, o.quiet, o.n, t.quiet, t.n);
            else
                std::printf("%-8s %5d | %8.0f%% %5.0f%% | %8.0f%% %5.0f%% | %8.0f%% %5.0f%% | %d\n",
                            group.c_str(), t.n, pct(a.hit1, a.n), pct(a.hit3, a.n), pct(o.hit1, o.n),
                            pct(o.hit3, o.n), pct(t.hit1, t.n), pct(t.hit3, t.n), t.rightButWeak);
        }
        if (f == 0) {
            const Tally c = ours["caller"], a = ours["agent"], o = ours["out"];
            auto fail = [&](const char* what, double got, double want) {
                std::printf("BELOW THRESHOLD: %s %.3f < %.3f\n", what, got, want);
                ok = false;
            };
            if (minCaller >= 0 && c.n && c.hit3 < minCaller * c.n)
                fail("caller Hit@3", pct(c.hit3, c.n) / 100, minCaller);
            if (minAgent >= 0 && a.n && a.hit3 < minAgent * a.n)
                fail("agent Hit@3", pct(a.hit3, a.n) / 100, minAgent);
            if (minOut >= 0 && o.quiet < minOut) fail("out-of-scope empty or weak", o.quiet, minOut);
        }
    }
    return ok ? 0 : 1;
}
