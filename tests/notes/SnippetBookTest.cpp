#include "notes/SnippetBook.h"

#include "text/Template.h"

#include <doctest/doctest.h>

using namespace cc;

TEST_CASE("the bundled snippets load without problems and ;vrf is among them") {
    SnippetBook book;
    book.load(std::string(CC_SOURCE_DATA_DIR) + "/snippets.toml");
    CHECK(book.errors().empty());
    REQUIRE(book.find(";vrf"));
    const Placeholders values{{"caller_name", "Ana Souza"}};
    Placeholders all;
    for (const auto& n : SnippetBook::placeholderNames())
        all[n] = "";
    all["caller_name"] = "Ana Souza";
    CHECK(fillTemplate(book.find(";vrf")->text, all) ==
          "Verified caller: Ana Souza, date of birth, postcode");
}

TEST_CASE("a personal snippet replaces the team's one with the same trigger") {
    SnippetBook book;
    book.parse("[[snippet]]\ntrigger = \";vrf\"\ntext = \"team\"\n", "team.toml");
    book.parse(
        "[[snippet]]\ntrigger = \";vrf\"\ntext = \"mine\"\n[[snippet]]\ntrigger = \";x\"\ntext = \"x\"\n",
        "mine.toml");
    REQUIRE(book.all().size() == 2);
    CHECK(book.find(";vrf")->text == "mine");
}

TEST_CASE("bad snippets are reported with file, line and column, and the rest still load") {
    SnippetBook book;
    book.parse(R"([[snippet]]
trigger = "vrf"
text = "no semicolon"

[[snippet]]
trigger = ";ok"
text = "fine {caller_name}"

[[snippet]]
trigger = ";bad"
text = "Hello {callr_name}"
)",
               "snippets.toml");
    REQUIRE(book.all().size() == 1);
    CHECK(book.all()[0].trigger == ";ok");
    REQUIRE(book.errors().size() == 2);
    CHECK(book.errors()[0].toString().starts_with("snippets.toml:1:"));
    CHECK(book.errors()[1].line == 11);
    CHECK(book.errors()[1].message == "unknown placeholder {callr_name}");
}

TEST_CASE("a trigger is found just before the caret, only as a word of its own") {
    CHECK(triggerBefore("caller ;vrf", 11) == std::string_view(";vrf"));
    CHECK(triggerBefore(";vrf", 4) == std::string_view(";vrf"));
    CHECK_FALSE(triggerBefore("a;vrf", 5));
    CHECK_FALSE(triggerBefore("caller ;", 8));
    CHECK_FALSE(triggerBefore("x", 5));
}

TEST_CASE("templates report unknown names and stray braces with their place") {
    const std::vector<std::string> names{"a", "b"};
    CHECK(checkTemplate("{a} and {b:>4}", names, "t.txt").empty());
    const auto errs = checkTemplate("line\n  {c} {{literal}}\n}", names, "t.txt", 10);
    REQUIRE(errs.size() == 2);
    CHECK(errs[0].toString() == "t.txt:11:3: unknown placeholder {c}");
    CHECK(errs[1].line == 12);
    CHECK_THROWS_AS(fillTemplate("{nope}", Placeholders{}), TemplateError);
}

TEST_CASE("the snippet picker finds snippets by the start of a title word or of the trigger") {
    SnippetBook book;
    book.parse(R"([[snippet]]
trigger = ";vrf"
title = "Verified the caller"
text = "Verified: name, date of birth, postcode."
[[snippet]]
trigger = ";cb"
title = "Callback agreed"
text = "Callback agreed."
[[snippet]]
trigger = ";ver"
title = "Version checked"
text = "Version checked."
)",
               "snippets.toml");
    REQUIRE(book.errors().empty());
    auto titles = [&](std::string_view q) {
        std::vector<std::string> out;
        for (const Snippet* s : book.matching(q))
            out.push_back(s->title);
        return out;
    };
    SUBCASE("nothing typed: all of them, in the book's order") {
        CHECK(titles("") ==
              std::vector<std::string>{"Verified the caller", "Callback agreed", "Version checked"});
        CHECK(titles("  ") == titles(""));
    }
    SUBCASE("a trigger that begins with the query comes before a title word that does") {
        CHECK(titles("ver") == std::vector<std::string>{"Version checked", "Verified the caller"});
        CHECK(titles(";vrf") == std::vector<std::string>{"Verified the caller"});
        CHECK(titles("VRF") == std::vector<std::string>{"Verified the caller"});
    }
    SUBCASE("every word must begin a word of the title or the trigger") {
        CHECK(titles("call agr") == std::vector<std::string>{"Callback agreed"});
        CHECK(titles("the caller") == std::vector<std::string>{"Verified the caller"});
        CHECK(titles("refund").empty());
    }
}

TEST_CASE("a line filled before the call knows everything shows the gaps to fill, never nothing") {
    const Placeholders values{{"caller_name", ""}, {"company", "Acme"}, {"agent_name", "Sam"}};
    CHECK(fillWithGaps("Verified: {caller_name}, date of birth", values) ==
          "Verified: [caller name], date of birth");
    CHECK(fillWithGaps("Thank you for calling {company}, this is {agent_name}.", values) ==
          "Thank you for calling Acme, this is Sam.");
    SUBCASE("a template that cannot be filled comes back as written") {
        CHECK(fillWithGaps("Hello {nobody}", values) == "Hello {nobody}");
        CHECK(fillWithGaps("a stray { brace", values) == "a stray { brace");
    }
}
