#include "knowledge/KnowledgeFiles.h"
#include "knowledge/KnowledgeSearch.h"
#include "knowledge/KnowledgeTestData.h"
#include "knowledge/Referral.h"
#include "support/FakeClock.h"
#include "support/TempDir.h"

#include <doctest/doctest.h>
#include <fstream>

using namespace cc;

TEST_CASE("entries can be added, edited and deleted, and search follows") {
    Database db(":memory:");
    migrate(db);
    KnowledgeBase kb(db);
    KnowledgeSearch search(db);
    KnowledgeEntry e;
    e.title = "Badge office";
    e.keywords = "badge; access card";
    const auto id = kb.add(e);
    CHECK(search.search("badge").hits.size() == 1);
    e = *kb.get(id);
    e.title = "ID card office";
    e.keywords = "lanyard";
    kb.update(e);
    CHECK(search.search("badge").empty());
    CHECK(search.search("lanyard").hits.size() == 1);
    kb.remove(id);
    CHECK(search.search("lanyard").empty());
    CHECK(kb.count() == 0);
    e.title = " ";
    CHECK_THROWS_AS(kb.add(e), std::invalid_argument);
}

TEST_CASE("CSV import maps the header to fields, synonyms included") {
    const auto read =
        readKnowledgeCsv("Name,Website,Phone Number,Description,Tags\n"
                         "Acme Printers support,https://acme.example,,\"Toner, drums\",printer\n",
                         "kb.csv");
    REQUIRE(read.errors.empty());
    REQUIRE(read.entries.size() == 1);
    CHECK(read.entries[0].title == "Acme Printers support");
    CHECK(read.entries[0].url == "https://acme.example");
    CHECK(read.entries[0].body == "Toner, drums");
    CHECK(read.entries[0].keywords == "printer");
}

TEST_CASE("CSV import reports each bad row with its line and column") {
    const std::string csv = "title,url,last_verified,email\n"
                            "Good,https://a.example,2026-01-02,a@example.com\n"
                            "\"Multi\nline title\",https://b.example,2026-01-02,\n"
                            "Bad url,ftp://c.example,2026-01-02,\n"
                            "Bad date,https://d.example,02/01/2026,\n"
                            ",https://e.example,,\n"
                            "Too,many,fields,here,extra\n";
    const auto read = readKnowledgeCsv(csv, "kb.csv");
    CHECK(read.entries.size() == 2);
    REQUIRE(read.errors.size() == 4);
    CHECK(read.errors[0].toString() ==
          "kb.csv:5:2: url 'ftp://c.example' must start with https:// or http://");
    CHECK(read.errors[1].line == 6);
    CHECK(read.errors[1].column == 3);
    CHECK(read.errors[2].line == 7);
    CHECK(read.errors[2].column == 1);
    CHECK(read.errors[3].line == 8);
}

TEST_CASE("a CSV header with an unknown column or no title is refused as a whole") {
    auto read = readKnowledgeCsv("title,phnoe\nA,1\n", "kb.csv");
    REQUIRE(read.errors.size() == 1);
    CHECK(read.errors[0].toString() == "kb.csv:1:2: unknown column 'phnoe'");
    read = readKnowledgeCsv("url\nhttps://x.example\n", "kb.csv");
    CHECK(read.errors.at(0).message == "the header has no 'title' column");
    read = readKnowledgeCsv("title\n\"never closed\n", "kb.csv");
    CHECK(read.errors.at(0).message.starts_with("CSV:"));
}

TEST_CASE("a failed import leaves the knowledge base as it was") {
    Database db(":memory:");
    migrate(db);
    KnowledgeBase kb(db);
    test::fillKnowledge(kb);
    const auto before = kb.count();
    std::vector<KnowledgeEntry> batch(3);
    batch[0].title = "One";
    batch[1].title = "Two";
    batch[2].title = "Three";
    batch[2].url = "not a link";
    CHECK_THROWS_AS(kb.importAll(batch), std::invalid_argument);
    CHECK(kb.count() == before);

    std::atomic<bool> cancel{true};
    batch[2].url.clear();
    CHECK_FALSE(kb.importAll(batch, Progress{{}, &cancel}));
    CHECK(kb.count() == before);
    cancel = false;
    std::size_t lastDone = 0;
    CHECK(kb.importAll(batch, Progress{[&](std::size_t done, std::size_t) { lastDone = done; }, &cancel}));
    CHECK(kb.count() == before + 3);
    CHECK(lastDone == 3);
}

TEST_CASE("a folder of Markdown files with TOML front matter is imported") {
    test::TempDir tmp;
    std::ofstream(tmp.path() / "acme.md")
        << "+++\ntitle = \"Acme support\"\nkeywords = [\"acme\", \"widgets\"]\n"
           "url = \"https://acme.example\"\nlast_verified = 2026-05-01\n+++\n"
           "Acme makes **widgets**.\n";
    std::ofstream(tmp.path() / "broken.md") << "+++\ntitle = \"Broken\nurl = 1\n+++\n";
    std::ofstream(tmp.path() / "notes.txt") << "ignored";
    const auto read = readKnowledgePath(tmp.path());
    REQUIRE(read.entries.size() == 1);
    CHECK(read.entries[0].title == "Acme support");
    CHECK(read.entries[0].keywords == "acme; widgets");
    CHECK(read.entries[0].lastVerified == "2026-05-01");
    CHECK(read.entries[0].body == "Acme makes **widgets**.");
    REQUIRE(read.errors.size() == 1);
    CHECK(read.errors[0].file == (tmp.path() / "broken.md").string());
    CHECK(read.errors[0].line == 2);
}

TEST_CASE("export writes CSV that imports back to the same entries") {
    Database db(":memory:");
    migrate(db);
    KnowledgeBase kb(db);
    test::fillKnowledge(kb);
    auto entries = kb.all();
    entries[0].body = "Quotes \"inside\", commas, and\na new line";
    const auto back = readKnowledgeCsv(writeKnowledgeCsv(entries), "export.csv");
    REQUIRE(back.errors.empty());
    REQUIRE(back.entries.size() == entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        auto expected = entries[i];
        expected.id = 0;
        CHECK(back.entries[i] == expected);
    }
}

TEST_CASE("an entry is stale once its last check is older than the chosen number of days") {
    KnowledgeEntry e;
    e.lastVerified = "2026-08-01";
    CHECK(daysSinceVerified(e, "2026-11-23") == 114);
    e.lastVerified = "";
    CHECK_FALSE(daysSinceVerified(e, "2026-11-23"));
    e.lastVerified = "someday";
    CHECK_FALSE(daysSinceVerified(e, "2026-11-23"));
}

TEST_CASE("the referral note and card name who to contact and how") {
    KnowledgeEntry e;
    e.title = "HP printer support";
    e.handledBy = "HP";
    e.url = "https://support.hp.com";
    e.hours = "24/7";
    e.whatToSay = "HP's own support site can help.";
    // Regression: the inserted line repeated its time, already shown in the notes' margin.
    CHECK(referralNote(e) == "Referred to: HP printer support, HP (https://support.hp.com)");
    e.phone = "+1 800 474 6836";
    CHECK(referralNote(e) == "Referred to: HP printer support, HP, +1 800 474 6836 (https://support.hp.com)");
    e.url.clear();
    e.email = "help@hp.example";
    CHECK(referralNote(e) == "Referred to: HP printer support, HP, +1 800 474 6836 (help@hp.example)");
    const auto card = referralCard(e);
    CHECK(card.find("Hours: 24/7") != std::string::npos);
    CHECK(card.find("What to say: HP's own support site can help.") != std::string::npos);
}

TEST_CASE("the bundled directory is loaded on the first start only") {
    test::TempDir tmp;
    std::ofstream(tmp.path() / "kb.csv") << "title,url\nBundled one,https://a.example\nBundled two,\n";
    Database db(":memory:");
    migrate(db);
    KnowledgeBase kb(db);
    CHECK(kb.seedOnce(tmp.path() / "kb.csv").empty());
    CHECK(kb.count() == 2);
    for (const auto& e : kb.all())
        kb.remove(e.id);
    CHECK(kb.seedOnce(tmp.path() / "kb.csv").empty());
    CHECK(kb.count() == 0);
}
