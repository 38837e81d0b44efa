#include "knowledge/KnowledgeSearch.h"
#include "knowledge/KnowledgeTestData.h"

#include <doctest/doctest.h>

using namespace cc;

namespace {
struct Fixture {
    Database db{":memory:"};
    KnowledgeBase kb{(migrate(db), db)};
    KnowledgeSearch search{db};
    Fixture() { test::fillKnowledge(kb); }

    std::vector<std::string> titles(std::string_view query) {
        std::vector<std::string> out;
        for (const auto& h : search.search(query)) out.push_back(h.title);
        return out;
    }
};
} // namespace

TEST_CASE("an exact title match ranks above an entry that only mentions the word in its body") {
    Fixture f;
    const auto t = f.titles("printer");
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

TEST_CASE("typos are corrected to words the knowledge base knows") {
    Fixture f;
    for (const auto& [typo, title] : std::vector<std::pair<std::string, std::string>>{
             {"pasword reset", "Reset a work password"},
             {"outlok", "Outlook email problems"},
             {"prnter", "HP printer support"}}) {
        const auto hits = f.search.search(typo);
        REQUIRE_MESSAGE(!hits.empty(), typo);
        CHECK(hits[0].title == title);
        CHECK(hits[0].corrected);
    }
    CHECK(f.search.search("zzzzqqq").empty());
}

TEST_CASE("hostile query strings are plain words: never an error, never an operator") {
    Fixture f;
    for (const char* q : {"\"", "\"printer", "printer\"", "*", "-printer", "printer -toner", "title:printer",
                          "printer:", "NEAR(printer toner)", "printer AND", "AND", "OR", "NOT printer", "(printer",
                          "printer)", "{title}: x", "^printer", "+", "printer*toner", "'", "\\", "%", "\x01\x02",
                          "p\xC3\xA9", "\xFF\xFE"}) {
        CHECK_NOTHROW(f.search.search(q));
    }
    // The words keep their plain meaning: "NOT printer" needs the word "not", so nothing matches.
    CHECK(f.titles("NOT printer").empty());
    CHECK(f.titles("printer -toner") == f.titles("printer toner"));
    CHECK(f.titles("title:printer") == f.titles("title printer"));
    CHECK(f.titles("(printer)") == f.titles("printer"));
}

TEST_CASE("snippets mark the matched words") {
    Fixture f;
    const auto hits = f.search.search("toner");
    REQUIRE(!hits.empty());
    CHECK(hits[0].snippet.find("\x02toner\x03") != std::string::npos);
}

TEST_CASE("queries are parsed into words, lower-cased, with a prefix flag for the last") {
    auto q = parseQuery("Reset \"Pass");
    CHECK(q.words == std::vector<std::string>{"reset", "pass"});
    CHECK(q.lastIsPrefix);
    CHECK(matchExpression(q, false) == "(\"reset\" \"pass\"*)");
    CHECK(matchExpression(q, true) == "{title keywords handled_by} : (\"reset\" \"pass\"*)");
    CHECK_FALSE(parseQuery("reset ").lastIsPrefix);
    CHECK(parseQuery("***").words.empty());
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
    const auto hits = f.search.search("printer", 20, std::chrono::microseconds(0));
    REQUIRE(!hits.empty());
    CHECK(hits[0].provisional);
    CHECK(hits[0].title == "HP printer support");
    CHECK(hits[0].snippet.find("\x02printer\x03") != std::string::npos);
    const auto ranked = f.search.search("printer", 20, std::chrono::seconds(10));
    REQUIRE(!ranked.empty());
    CHECK_FALSE(ranked[0].provisional);
}
