#include "knowledge/Fts5Tools.h"

#include <charconv>
#include <cstring>
#include <sqlite3.h>
#include <stdexcept>

namespace cc {

namespace {
fts5_api* fts5Api(sqlite3* db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) != SQLITE_OK) return nullptr;
    sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(st);
    sqlite3_finalize(st);
    return api;
}

// kb_fts's columns: title, keywords, handled_by, category, then body.
constexpr int kBodyColumn = 4;

/// A query's groups and weights, parsed once per query and kept as the function's auxiliary data.
struct CoverageQuery {
    std::vector<int> groupOfPhrase;
    std::vector<double> weights;
    double total = 0;
    double bodyFactor = 1;
    std::vector<double> scratch;
};

std::vector<double> numbers(const char* text) {
    std::vector<double> out;
    if (!text) return out;
    const char* p = text;
    const char* end = text + std::strlen(text);
    while (p < end) {
        while (p < end && *p == ' ')
            ++p;
        if (p == end) break;
        double v = 0;
        auto [next, ec] = std::from_chars(p, end, v);
        if (ec != std::errc()) break;
        out.push_back(v);
        p = next;
    }
    return out;
}

void coverage(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int nVal,
              sqlite3_value** val) {
    auto* q = static_cast<CoverageQuery*>(api->xGetAuxdata(fts, 0));
    if (!q) {
        if (nVal < 2) {
            sqlite3_result_error(ctx, "cc_coverage(kb_fts, groups, weights[, body_factor])", -1);
            return;
        }
        auto* made = new CoverageQuery;
        for (double g : numbers(reinterpret_cast<const char*>(sqlite3_value_text(val[0]))))
            made->groupOfPhrase.push_back(static_cast<int>(g));
        made->weights = numbers(reinterpret_cast<const char*>(sqlite3_value_text(val[1])));
        for (double w : made->weights)
            made->total += w;
        if (nVal > 2) made->bodyFactor = sqlite3_value_double(val[2]);
        made->scratch.resize(made->weights.size());
        if (api->xSetAuxdata(fts, made, [](void* p) { delete static_cast<CoverageQuery*>(p); }) !=
            SQLITE_OK) {
            sqlite3_result_error_nomem(ctx);
            return;
        }
        q = made;
    }
    std::fill(q->scratch.begin(), q->scratch.end(), 0.0);
    // 0: cc_coverage, 1: cc_matched, 2: cc_head_coverage.
    const int mode = api->xUserData(fts) ? *static_cast<const int*>(api->xUserData(fts)) : 0;
    const int phrases = api->xPhraseCount(fts);
    for (int p = 0; p < phrases && p < static_cast<int>(q->groupOfPhrase.size()); ++p) {
        const int g = q->groupOfPhrase[static_cast<std::size_t>(p)];
        if (g < 0 || g >= static_cast<int>(q->scratch.size())) continue;
        Fts5PhraseIter it;
        int col = -1, off = -1;
        if (api->xPhraseFirst(fts, p, &it, &col, &off) != SQLITE_OK || col < 0) continue;
        // Instances come in column order: the first one tells whether a head column has the phrase.
        const double share = col < kBodyColumn ? 1.0 : mode == 2 ? 0.0 : q->bodyFactor;
        q->scratch[static_cast<std::size_t>(g)] = std::max(q->scratch[static_cast<std::size_t>(g)], share);
    }
    if (mode == 1) { // cc_matched: how many groups the row has
        int matched = 0;
        for (double share : q->scratch)
            matched += share > 0;
        sqlite3_result_int(ctx, matched);
        return;
    }
    // cc_coverage: the share of the query's weight the row covers; cc_head_coverage: the share it covers
    // in its title, keywords, handler or category.
    double covered = 0;
    for (std::size_t g = 0; g < q->scratch.size(); ++g)
        covered += q->scratch[g] * q->weights[g];
    sqlite3_result_double(ctx, q->total > 0 ? covered / q->total : 0.0);
}
} // namespace

struct Fts5Stemmer::Impl {
    fts5_tokenizer api{};
    Fts5Tokenizer* tokenizer = nullptr;
};

Fts5Stemmer::Fts5Stemmer(sqlite3* db) : impl_(new Impl) {
    fts5_api* fts = fts5Api(db);
    void* userData = nullptr;
    if (!fts || fts->xFindTokenizer(fts, "porter", &userData, &impl_->api) != SQLITE_OK) {
        delete impl_;
        throw std::runtime_error("SQLite has no FTS5 porter tokenizer");
    }
    const char* args[] = {"unicode61", "remove_diacritics", "2"};
    if (impl_->api.xCreate(userData, args, 3, &impl_->tokenizer) != SQLITE_OK) {
        delete impl_;
        throw std::runtime_error("cannot create the FTS5 porter tokenizer");
    }
}

Fts5Stemmer::~Fts5Stemmer() {
    if (impl_->tokenizer) impl_->api.xDelete(impl_->tokenizer);
    delete impl_;
}

std::vector<std::string> Fts5Stemmer::tokens(std::string_view text) const {
    std::vector<std::string> out;
    impl_->api.xTokenize(
        impl_->tokenizer, &out, FTS5_TOKENIZE_DOCUMENT, text.data(), static_cast<int>(text.size()),
        [](void* ctx, int, const char* token, int n, int, int) {
            static_cast<std::vector<std::string>*>(ctx)->emplace_back(token, static_cast<std::size_t>(n));
            return SQLITE_OK;
        });
    return out;
}

std::string Fts5Stemmer::stem(std::string_view word) const {
    auto t = tokens(word);
    return t.size() == 1 ? std::move(t[0]) : std::string(word);
}

void registerCoverageFunction(sqlite3* db) {
    fts5_api* fts = fts5Api(db);
    if (!fts) throw std::runtime_error("SQLite has no FTS5");
    fts5_extension_function fn = coverage;
    static int countMode = 1, headMode = 2;
    if (fts->xCreateFunction(fts, "cc_coverage", nullptr, fn, nullptr) != SQLITE_OK ||
        fts->xCreateFunction(fts, "cc_matched", &countMode, fn, nullptr) != SQLITE_OK ||
        fts->xCreateFunction(fts, "cc_head_coverage", &headMode, fn, nullptr) != SQLITE_OK)
        throw std::runtime_error("cannot register cc_coverage");
}

} // namespace cc
