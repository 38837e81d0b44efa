#include "text/Template.h"

#include <doctest/doctest.h>

using namespace cc;

TEST_CASE("fillMarkingGaps says where each gap is, so the editor can select it") {
    Placeholders values{{"caller_name", ""}, {"agent_name", "Sam"}, {"case_id", ""}};
    const auto filled =
        fillMarkingGaps("Hi {caller_name}, this is {agent_name} about case {case_id}.", values);
    CHECK(filled.text == "Hi [caller name], this is Sam about case [case id].");
    REQUIRE(filled.gaps.size() == 2);
    CHECK(filled.text.substr(filled.gaps[0].offset, filled.gaps[0].length) == "[caller name]");
    CHECK(filled.text.substr(filled.gaps[1].offset, filled.gaps[1].length) == "[case id]");

    SUBCASE("no gaps when every value is known") {
        const auto full = fillMarkingGaps("Hi {agent_name}", values);
        CHECK(full.text == "Hi Sam");
        CHECK(full.gaps.empty());
    }
    SUBCASE("offsets count bytes past multi-byte text before the gap") {
        const auto accented = fillMarkingGaps("Olá, São Paulo: {caller_name}", values);
        REQUIRE(accented.gaps.size() == 1);
        CHECK(accented.text.substr(accented.gaps[0].offset) == "[caller name]");
    }
    SUBCASE("a control byte typed into a value is kept as text, never read as a gap") {
        Placeholders odd{{"caller_name", "A\x01"
                                         "9\x02"
                                         "B"},
                         {"agent_name", ""}};
        const auto out = fillMarkingGaps("{caller_name} / {agent_name}", odd);
        CHECK(out.text == "A\x01"
                          "9\x02"
                          "B / [agent name]");
        REQUIRE(out.gaps.size() == 1);
        CHECK(out.gaps[0].offset == std::string("A\x01"
                                                "9\x02"
                                                "B / ")
                                        .size());
    }
    SUBCASE("a template that cannot be filled comes back as written, with no gaps") {
        const auto bad = fillMarkingGaps("Hello {nobody}", values);
        CHECK(bad.text == "Hello {nobody}");
        CHECK(bad.gaps.empty());
    }
}
