#include "knowledge/KnowledgeSearch.h"

#include "knowledge/KnowledgeFiles.h"
#include "knowledge/KnowledgeTestData.h"

#include <doctest/doctest.h>

using namespace cc;

namespace {
/// The team vocabulary of the tests: a few stop words and synonyms, as data/knowledge/ would have.
std::shared_ptr<const QueryVocabulary> testVocabulary() {
    auto v = std::make_shared<QueryVocabulary>();
    v->parseStopWords("# filler\nmy\nthe\nis\ni\nto\nkeeps\nright\nnow\nit\nagain\nfor\na\nme\ncan\nt\n");
    v->parseSynonyms(R"(
language = "en"
synonyms = [["stolen", "lost", "nicked"], ["hacked", "compromised"], ["log in", "sign in", "login"],
            ["wifi", "wireless"]]
)",
                     "synonyms.toml");
    REQUIRE(v->errors().empty());
    return v;
}

struct Fixture {
    Database db{":memory:"};
    KnowledgeBase kb{(migrate(db), db)};
    KnowledgeSearch search{db, testVocabulary()};
    Fixture() {
        test::fillKnowledge(kb);
        auto add = [this](std::string title, std::string keywords, std::string body) {
            KnowledgeEntry e;
            e.title = std::move(title);
            e.keywords = std::move(keywords);
            e.body = std::move(body);
            e.category = "Test";
            return kb.add(e);
        };
        add("Lost or stolen work laptop", "missing laptop; lost phone",
            "Report a lost device to IT Security.");
        add("Account compromised", "someone in my account; suspicious sign in",
            "Security team secures accounts.");
        add("Office Wi-Fi problems", "network; wireless", "The office Wi-Fi and guest network.");
    }

    std::vector<std::string> titles(std::string_view query) {
        std::vector<std::string> out;
        for (const auto& h : search.search(query).hits)
            out.push_back(h.title);
        return out;
    }
};
} // namespace

TEST_CASE("an exact title match ranks above an entry that only mentions the word in its body") {
    Fixture f;
    const auto t = f.titles("printer ");
    REQUIRE(t.size() == 2);
    CHECK(t[0] == "HP printer support");
    CHECK(t[1] == "Facilities desk"); // "printer paper" in its body
}

TEST_CASE("stems match: plural and -ing forms find the entry") {
    Fixture f;
    CHECK(f.titles("printers").at(0) == "HP printer support");
    CHECK(f.titles("printing ").at(0) == "HP printer support");
}

TEST_CASE("the last word matches as a prefix while it is being typed") {
    Fixture f;
    CHECK(f.titles("prin").at(0) == "HP printer support");
    CHECK(f.titles("reset pass").at(0) == "Reset a work password");
    CHECK(f.titles("outl").at(0) == "Outlook email problems");
    CHECK(f.titles("pa").size() >= 2); // a two-letter prefix already finds something
    CHECK(f.titles("pass ").empty());  // a finished word is a whole word
}

TEST_CASE("a caller's whole sentence finds the entry that matches most of its words") {
    Fixture f;
    SUBCASE("filler words that no entry holds do not hide the answer") {
        CHECK(f.titles("my printer keeps jamming the paper right now").at(0) == "HP printer support");
    }
    SUBCASE("an entry that misses a word is still found, below one that has them all") {
        const auto t = f.titles("reset my password for outlook ");
        REQUIRE(t.size() >= 2);
        CHECK(t[0] == "Reset a work password");
        CHECK(std::find(t.begin(), t.end(), "Outlook email problems") != t.end());
    }
    SUBCASE("coverage comes before bm25: both words beat one word many times") {
        const auto found = f.search.search("password reset ");
        REQUIRE(!found.hits.empty());
        CHECK(found.hits[0].title == "Reset a work password");
        CHECK(found.hits[0].coverage == doctest::Approx(1.0));
        CHECK_FALSE(found.weak);
    }
}

TEST_CASE("synonyms from the team vocabulary find entries that use the other word") {
    Fixture f;
    CHECK(f.titles("my laptop got nicked ").at(0) == "Lost or stolen work laptop");
    CHECK(f.titles("i think my account was hacked ").at(0) == "Account compromised");
    SUBCASE("a phrase synonym: 'can't log in' finds 'sign in'") {
        CHECK(f.titles("can't log in to my account ").at(0) == "Account compromised");
    }
    SUBCASE("hyphenated and joined spellings match each other") {
        CHECK(f.titles("wifi ").at(0) == "Office Wi-Fi problems");
        CHECK(f.titles("wi-fi ").at(0) == "Office Wi-Fi problems");
        CHECK(f.titles("the wireless keeps dropping ").at(0) == "Office Wi-Fi problems");
    }
}

TEST_CASE("typos are corrected in any query, and the search says what it searched for") {
    Fixture f;
    for (const auto& [typo, title, searched] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {"pasword reset", "Reset a work password", "password reset"},
             {"outlok ", "Outlook email problems", "outlook"},
             {"my prnter keeps jamming ", "HP printer support", "printer jamming"}}) {
        const auto found = f.search.search(typo);
        REQUIRE_MESSAGE(!found.hits.empty(), typo);
        CHECK(found.hits[0].title == title);
        CHECK(found.searchedFor == searched);
        CHECK(!found.corrections.empty());
    }
    SUBCASE("a typo of a synonym is corrected to it, and finds its group") {
        const auto found = f.search.search("my laptop was stollen ");
        REQUIRE(!found.hits.empty());
        CHECK(found.hits[0].title == "Lost or stolen work laptop");
    }
    CHECK(f.search.search("zzzzqqq").empty());
}

TEST_CASE("a question the knowledge base does not answer comes back weak or empty") {
    Fixture f;
    const auto dinner = f.search.search("can you book me a table for dinner ");
    CHECK((dinner.empty() || dinner.weak));
    for (const auto& h : dinner.hits)
        CHECK(h.weak);
    const auto paper = f.search.search("where do I buy wrapping paper for a birthday present ");
    CHECK((paper.empty() || paper.weak));
    CHECK_FALSE(f.search.search("printer toner ").weak);
}

TEST_CASE("words an entry holds only in its body are no answer on their own; in its keywords they are") {
    Fixture f;
    // "chairs" and "broken" are only in the Facilities desk's body: a party shopping list, not a referral.
    const auto party =
        f.search.search("where can i buy cheap chairs and broken biscuits for the christmas party ");
    REQUIRE_FALSE(party.empty());
    CHECK(party.hits.front().title == "Facilities desk");
    CHECK(party.weak);
    // "keys" and "heating" are the desk's keywords: the same sentence with them is an answer.
    const auto keys = f.search.search("where can i buy cheap keys and heating for the christmas party ");
    REQUIRE_FALSE(keys.empty());
    CHECK(keys.hits.front().title == "Facilities desk");
    CHECK_FALSE(keys.weak);
}

TEST_CASE("a query of stop words only searches nothing and says so") {
    Fixture f;
    const auto found = f.search.search("it is my ");
    CHECK(found.empty());
    CHECK(found.meaningfulWords == 0);
}

TEST_CASE("a referral after a search lifts the entry for similar searches, within bounds") {
    Fixture f;
    const auto before = f.search.search("clicking noise from the desk ");
    REQUIRE(!before.hits.empty());
    CHECK(before.hits[0].title == "Facilities desk");
    const auto printer = f.kb.all();
    const auto hp =
        std::find_if(printer.begin(), printer.end(), [](auto& e) { return e.title == "HP printer support"; });
    REQUIRE(hp != printer.end());
    f.kb.learn(hp->id, before.terms, "2026-11-26");

    SUBCASE("the learned entry now answers the same words, marked as learned") {
        const auto after = f.search.search("clicking noise ");
        REQUIRE(!after.hits.empty());
        CHECK(after.hits[0].title == "HP printer support");
        CHECK(after.hits[0].learned);
        CHECK(after.hits[0].coverage < 1.0);
    }
    SUBCASE("never above an entry that matches every word") {
        const auto after = f.search.search("desk ");
        REQUIRE(!after.hits.empty());
        CHECK(after.hits[0].title == "Facilities desk");
    }
    SUBCASE("exported with the entry, and gone with it") {
        CHECK_FALSE(f.kb.get(hp->id)->learned.empty());
        const auto csv = writeKnowledgeCsv(f.kb.all());
        const auto back = readKnowledgeCsv(csv, "export.csv");
        REQUIRE(back.errors.empty());
        CHECK(std::any_of(back.entries.begin(), back.entries.end(), [](auto& e) {
            return e.title == "HP printer support" && e.learned.find("nois") != std::string::npos;
        }));
        f.kb.remove(hp->id);
        CHECK(f.db.scalar("SELECT count(*) FROM kb_learned") == 0);
    }
    SUBCASE("bounded: an entry keeps at most kMaxLearnedTerms words") {
        for (int i = 0; i < 100; ++i)
            f.kb.learn(hp->id, {"word" + std::to_string(i)}, "2026-11-26");
        CHECK(f.db.scalar("SELECT count(*) FROM kb_learned") == KnowledgeBase::kMaxLearnedTerms);
    }
}

TEST_CASE("hostile query strings are plain words: never an error, never an operator") {
    Fixture f;
    for (const char* q : {"\"",
                          "\"printer",
                          "printer\"",
                          "*",
                          "-printer",
                          "printer -toner",
                          "title:printer",
                          "printer:",
                          "NEAR(printer toner)",
                          "printer AND",
                          "AND",
                          "OR",
                          "NOT printer",
                          "(printer",
                          "printer)",
                          "{title}: x",
                          "^printer",
                          "+",
                          "printer*toner",
                          "'",
                          "\\",
                          "%",
                          "\x01\x02",
                          "p\xC3\xA9",
                          "\xFF\xFE",
                          "***",
                          "a-",
                          "-",
                          "a.b.c.d",
                          "wi-fi-",
                          "\"NEAR(\" wifi"}) {
        CHECK_NOTHROW(f.search.search(q));
    }
    CHECK(f.titles("title:printer") == f.titles("title printer"));
    CHECK(f.titles("(printer)") == f.titles("printer"));
    SUBCASE("a 1 MB paste searches its first words and does not fail") {
        std::string paste;
        while (paste.size() < 1'000'000)
            paste += "printer toner \"NEAR( column: *** ";
        const auto found = f.search.search(paste);
        REQUIRE(!found.hits.empty());
        CHECK(found.hits[0].title == "HP printer support");
    }
}

TEST_CASE("snippets mark the matched words") {
    Fixture f;
    const auto hits = f.search.search("toner").hits;
    REQUIRE(!hits.empty());
    CHECK(hits[0].snippet.find("\x02toner\x03") != std::string::npos);
}

TEST_CASE("queries are split into words, lower-cased, with a prefix flag and joined spellings") {
    auto q = splitQuery("Reset \"Pass");
    CHECK(q.words == std::vector<std::string>{"reset", "pass"});
    CHECK(q.lastIsPrefix);
    CHECK_FALSE(splitQuery("reset ").lastIsPrefix);
    CHECK(splitQuery("***").words.empty());
    const auto w = splitQuery("Wi-Fi me.com and/or - x");
    CHECK(w.words == std::vector<std::string>{"wi", "fi", "me", "com", "and", "or", "x"});
    CHECK(w.hyphenAfter == std::vector<bool>{true, false, true, false, true, false, false});
    CHECK(allWordsExpression(q) == "\"reset\" \"pass\"*");
    CHECK(splitQuery(std::string(100, 'a') + " b c d", 2).words.size() == 2);
}

TEST_CASE("edit distance counts a swap of neighbours as one") {
    CHECK(editDistance("pasword", "password", 2) == 1);
    CHECK(editDistance("outlok", "outlook", 2) == 1);
    CHECK(editDistance("prnter", "printer", 2) == 1);
    CHECK(editDistance("recieve", "receive", 2) == 1);
    CHECK(editDistance("abc", "xyz", 1) == 2);
}

TEST_CASE("with no time to rank, a quick answer from titles and keywords still comes back") {
    Fixture f;
    const auto hits = f.search.search("printer", 20, std::chrono::microseconds(0)).hits;
    REQUIRE(!hits.empty());
    CHECK(hits[0].provisional);
    CHECK(hits[0].title == "HP printer support");
    CHECK(hits[0].snippet.empty()); // the quick answer skips snippets: the ranked one brings them
    const auto ranked = f.search.search("printer", 20, std::chrono::seconds(10)).hits;
    REQUIRE(!ranked.empty());
    CHECK_FALSE(ranked[0].provisional);
    CHECK(ranked[0].snippet.find("\x02printer\x03") != std::string::npos);
}
