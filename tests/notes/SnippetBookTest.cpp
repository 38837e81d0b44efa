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
    for (const auto& n : SnippetBook::placeholderNames()) all[n] = "";
    all["caller_name"] = "Ana Souza";
    CHECK(fillTemplate(book.find(";vrf")->text, all) == "Verified caller: Ana Souza, date of birth, postcode");
}

TEST_CASE("a personal snippet replaces the team's one with the same trigger") {
    SnippetBook book;
    book.parse("[[snippet]]\ntrigger = \";vrf\"\ntext = \"team\"\n", "team.toml");
    book.parse("[[snippet]]\ntrigger = \";vrf\"\ntext = \"mine\"\n[[snippet]]\ntrigger = \";x\"\ntext = \"x\"\n",
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
