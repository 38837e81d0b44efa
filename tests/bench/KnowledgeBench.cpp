// Knowledge search at scale. Builds synthetic knowledge bases (words drawn, Zipf-like, from the en_US
// Hunspell word list), imports them through KnowledgeBase::importAll, and times search-as-you-type
// queries against the naive FTS5 query over the same words OR-ed (MATCH ... ORDER BY rank LIMIT 20 with
// snippet(); a two-letter prefix is "xx*") on the same database: the companion's first answer (within
// the worker's budget, a quick one if the ranking does not fit) and its full ranking.
//
//   knowledge_bench [--sizes 10000,100000,1000000] [--queries N] [--dir DIR] [--reuse 1]
// --reuse 1 keeps a database already built in DIR (a million entries take minutes to import).
// "quick" is the share of queries whose first answer was the quick one (ranked here from the first
// title and keyword matches) because the ranked query did not finish within its budget.
#include "knowledge/KnowledgeBase.h"
#include "knowledge/KnowledgeSearch.h"
#include "knowledge/SearchWorker.h"
#include "spell/SpellChecker.h"
#include "store/Database.h"
#include "store/Migrations.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {
double ms(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

double pct(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

std::vector<std::string> vocabulary() {
    const auto dict = cc::SpellChecker::findDictionary("en_US");
    std::vector<std::string> words;
    if (dict) {
        std::ifstream in(dict->second);
        std::string line;
        std::getline(in, line); // the word count
        while (std::getline(in, line)) {
            std::string w = line.substr(0, line.find('/'));
            if (w.size() >= 3 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
                words.push_back(w);
        }
    }
    if (words.empty())
        for (int i = 0; i < 5000; ++i)
            words.push_back("word" + std::to_string(i));
    std::shuffle(words.begin(), words.end(), std::mt19937(7));
    words.resize(std::min<std::size_t>(words.size(), 30000));
    return words;
}

/// Picks word ranks with a Zipf-like law, as real text does: a few words are everywhere.
struct Zipf {
    std::vector<double> cumulative;
    explicit Zipf(std::size_t n) {
        double sum = 0;
        for (std::size_t i = 1; i <= n; ++i)
            cumulative.push_back(sum += 1.0 / std::pow(static_cast<double>(i), 1.05));
        for (auto& c : cumulative)
            c /= sum;
    }
    std::size_t operator()(std::mt19937& rng) const {
        const double u = std::uniform_real_distribution<double>(0, 1)(rng);
        return static_cast<std::size_t>(std::lower_bound(cumulative.begin(), cumulative.end(), u) -
                                        cumulative.begin());
    }
};

std::string phrase(const std::vector<std::string>& words, const Zipf& z, std::mt19937& rng, int n,
                   const char* sep) {
    std::string out;
    for (int i = 0; i < n; ++i)
        out += (i ? sep : "") + words[z(rng)];
    return out;
}

struct Row {
    const char* label;
    std::vector<std::string> ours, naive;
};
} // namespace

int main(int argc, char** argv) {
    std::vector<std::size_t> sizes{10000, 100000};
    int queries = 200;
    fs::path dir = fs::temp_directory_path() / "cc-knowledge-bench";
    bool reuse = false;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--sizes") {
            sizes.clear();
            std::stringstream ss(v);
            for (std::string n; std::getline(ss, n, ',');)
                sizes.push_back(std::stoul(n));
        } else if (k == "--queries") {
            queries = std::max(10, std::atoi(v.c_str()));
        } else if (k == "--dir") {
            dir = v;
        } else if (k == "--reuse") {
            reuse = v == "1";
        }
    }
    fs::create_directories(dir);
    const auto words = vocabulary();
    const Zipf zipf(words.size());

    for (const std::size_t size : sizes) {
        const fs::path file = dir / ("kb-" + std::to_string(size) + ".db");
        const bool built = reuse && fs::exists(file);
        if (!built)
            for (const char* s : {"", "-wal", "-shm"})
                fs::remove(file.string() + s);
        std::mt19937 rng(42);
        std::vector<cc::KnowledgeEntry> entries(built ? 0 : size);
        for (auto& e : entries) {
            e.title = phrase(words, zipf, rng, 3 + static_cast<int>(rng() % 4), " ");
            e.keywords = phrase(words, zipf, rng, 4 + static_cast<int>(rng() % 6), "; ");
            e.handledBy = phrase(words, zipf, rng, 2, " ");
            e.category = phrase(words, zipf, rng, 1, " ");
            e.body = phrase(words, zipf, rng, 25 + static_cast<int>(rng() % 50), " ");
            e.lastVerified = "2026-06-01";
        }
        double importMs = 0;
        if (!built) {
            cc::Database db(file);
            cc::migrate(db);
            cc::KnowledgeBase kb(db);
            const auto t0 = Clock::now();
            kb.importAll(entries);
            db.exec("INSERT INTO kb_fts(kb_fts) VALUES ('optimize')");
            importMs = ms(Clock::now() - t0);
            db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        entries.clear();
        const double mb = static_cast<double>(fs::file_size(file)) / 1e6;

        cc::Database db(file);
        cc::KnowledgeSearch search(db);
        // The first search of a connection reads the index's vocabulary (for typo fixes and weights).
        auto t0 = Clock::now();
        (void)search.plan("warm");
        const double vocabMs = ms(Clock::now() - t0);
        // What an agent types: common words, whole or as the prefix being typed, and a pasted sentence.
        std::vector<Row> rows{{"1 word", {}, {}},
                              {"3 words", {}, {}},
                              {"10 words", {}, {}},
                              {"prefix, 2 letters", {}, {}},
                              {"prefix, 3 letters", {}, {}},
                              {"prefix, 4 letters", {}, {}}};
        std::mt19937 qrng(99);
        auto common = [&] { return words[zipf(qrng) % 2000]; };
        for (int q = 0; q < queries; ++q) {
            for (const int n : {1, 3, 10}) {
                std::string ours, naive;
                for (int i = 0; i < n; ++i) {
                    const std::string w = common();
                    ours += w + " ";
                    naive += (i ? " OR " : "") + w;
                }
                auto& row = rows[n == 1 ? 0 : n == 3 ? 1 : 2];
                row.ours.push_back(ours);
                row.naive.push_back(naive);
            }
            for (std::size_t len = 2; len <= 4; ++len) {
                std::string w = common();
                while (w.size() < len)
                    w = common();
                rows[len + 1].ours.push_back(w.substr(0, len));
                rows[len + 1].naive.push_back(w.substr(0, len) + "*");
            }
        }
        if (built)
            std::printf("\n%zu entries (built before): database %.0f MB", size, mb);
        else
            std::printf("\n%zu entries: import %.1f s (%.0f entries/s), database %.0f MB", size,
                        importMs / 1000, static_cast<double>(size) / (importMs / 1000), mb);
        std::printf("; vocabulary read in %.0f ms (once per connection and change)\n", vocabMs);
        std::fflush(stdout);
        std::printf("%-18s %22s %22s %7s %7s %22s\n", "query (20 results)", "naive OR+bm25 p50/p99",
                    "first answer p50/p99", "p99 x", "quick", "full ranking p50/p99");
        for (auto& row : rows) {
            std::vector<double> a, b, c;
            int quick = 0;
            for (std::size_t i = 0; i < row.ours.size(); ++i) {
                t0 = Clock::now();
                (void)search.naive(row.naive[i]);
                a.push_back(ms(Clock::now() - t0));
                t0 = Clock::now();
                // The first answer the panel shows (the worker's budget); a ranked one may follow. An empty
                // quick answer is not shown: the first answer is then the ranked one.
                auto found = search.search(row.ours[i], 20, cc::SearchWorker::kBudget);
                if (found.provisional() && found.empty()) found = search.search(row.ours[i], 20);
                b.push_back(ms(Clock::now() - t0));
                quick += found.provisional();
                t0 = Clock::now();
                (void)search.search(row.ours[i], 20);
                c.push_back(ms(Clock::now() - t0));
            }
            std::printf("%-18s %9.2f / %7.2f ms %9.2f / %7.2f ms %6.1fx %6.0f%% %9.2f / %7.2f ms\n",
                        row.label, pct(a, 0.5), pct(a, 0.99), pct(b, 0.5), pct(b, 0.99),
                        pct(a, 0.99) / std::max(1e-6, pct(b, 0.99)),
                        100.0 * quick / static_cast<double>(row.ours.size()), pct(c, 0.5), pct(c, 0.99));
        }
        // Typo fixes against the vocabulary read above: the cost one unknown word adds.
        std::vector<double> fix;
        for (int q = 0; q < queries; ++q) {
            std::string w = common();
            if (w.size() > 4) std::swap(w[1], w[2]);
            t0 = Clock::now();
            (void)search.plan(w + "x ");
            fix.push_back(ms(Clock::now() - t0));
        }
        std::printf("%-18s %22s %9.3f / %7.3f ms (planning alone)\n", "typo fix, 1 word", "", pct(fix, 0.5),
                    pct(fix, 0.99));
    }
    std::fflush(stdout);
    return 0;
}
