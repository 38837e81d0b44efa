#include "knowledge/QueryPlan.h"

#include "store/Database.h"

#include <algorithm>
#include <doctest/doctest.h>

using namespace cc;

namespace {
QueryGroup group(std::string word, std::int64_t docs, double weight) {
    QueryGroup g;
    g.phrases = {word};
    g.typed = g.used = word;
    g.docs = docs;
    g.weight = weight;
    return g;
}

struct Planner {
    Database db{":memory:"};
    Fts5Stemmer stemmer{db.handle()};
    QueryVocabulary words;
    IndexVocabulary index;
    Planner() {
        words.parseStopWords("my\nthe\nis\nkeeps\n");
        words.parseSynonyms("synonyms = [[\"stolen\", \"lost\", \"nicked\"], [\"log in\", \"sign in\"]]\n",
                            "s.toml");
        // As kb_vocab holds them: stems, and how many entries have each.
        index.assign({{"printer", 40},
                      {"jam", 3},
                      {"lost", 5},
                      {"stolen", 2},
                      {"sign", 9},
                      {"robocal", 2},
                      {"password", 30},
                      {"wi", 4},
                      {"fi", 4}},
                     1000);
    }
    QueryPlan plan(std::string_view q) { return QueryPlanner(words, stemmer).plan(q, index); }
};
} // namespace

TEST_CASE("a plan keeps only its rarest groups within a number of entries, the rarest always") {
    QueryPlan p;
    p.groups = {group("common", 50000, 0.1), group("rare", 5, 5.0), group("middling", 1000, 2.0)};
    std::int64_t entries = 0;
    const auto two = p.rarest(1500, entries);
    CHECK(entries == 1005);
    CHECK(two.groups[0].phrases.empty());
    CHECK(two.groups[1].phrases == std::vector<std::string>{"rare"});
    CHECK(two.groups[2].phrases == std::vector<std::string>{"middling"});
    CHECK(two.groups[0].weight == 0.1); // still weighs in the coverage, as a word the entries miss
    const auto one = p.rarest(1, entries);
    CHECK(entries == 5);
    CHECK(one.matchExpression() == "\"rare\"");
}

TEST_CASE("planning drops stop words, groups synonyms and phrases, and weighs rare words more") {
    Planner f;
    const auto p = f.plan("my printer keeps jamming ");
    REQUIRE(p.groups.size() == 2);
    CHECK(p.groups[0].typed == "printer");
    CHECK(p.groups[1].typed == "jamming");
    CHECK(p.groups[1].weight > p.groups[0].weight); // in 3 entries, against 40
    const auto s = f.plan("laptop got nicked ");
    const auto nicked =
        std::find_if(s.groups.begin(), s.groups.end(), [](auto& g) { return g.typed == "nicked"; });
    REQUIRE(nicked != s.groups.end());
    CHECK(nicked->phrases == std::vector<std::string>{"stolen", "lost", "nicked"});
    const auto l = f.plan("can't log in ");
    CHECK(std::any_of(l.groups.begin(), l.groups.end(), [](auto& g) { return g.typed == "log in"; }));
}

TEST_CASE("a typo whose fix the tokenizer would stem again is looked up as a prefix") {
    // Regression: "robocals" was corrected to the indexed stem "robocal", which the porter tokenizer
    // turns into "roboc" in a MATCH: nothing was found.
    Planner f;
    const auto p = f.plan("robocals ");
    REQUIRE(p.groups.size() == 1);
    CHECK(p.groups[0].corrected);
    CHECK(p.groups[0].prefix);
    CHECK(p.matchExpression() == "\"robocal\"*");
}

TEST_CASE("a joined spelling finds the hyphenated one") {
    Planner f;
    const auto p = f.plan("wifi ");
    REQUIRE(p.groups.size() == 1);
    CHECK(std::find(p.groups[0].phrases.begin(), p.groups[0].phrases.end(), "wi fi") !=
          p.groups[0].phrases.end());
}

TEST_CASE("a long word whose short stem is two slips from a known term is left as typed") {
    // Regression: "my wifi keeps dropping" searched for "wifi do": "dropping" may take two slips, and
    // they were allowed to its stem "drop" too, which made it "do".
    Planner f;
    f.index.assign({{"do", 50}, {"wi", 4}, {"fi", 4}, {"disconnect", 8}}, 1000);
    const auto p = f.plan("dropping ");
    REQUIRE(p.groups.size() == 1);
    CHECK_FALSE(p.groups[0].corrected);
    CHECK(p.groups[0].used != "do");
    SUBCASE("a long word's own two slips are still corrected") {
        const auto q = f.plan("disconect ");
        REQUIRE(q.groups.size() == 1);
        CHECK(q.groups[0].corrected);
        CHECK(q.groups[0].used == "disconnect");
    }
}
