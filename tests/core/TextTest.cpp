#include "core/Text.h"

#include <doctest/doctest.h>
#include <map>

using namespace cc;

namespace {
// A catalog in miniature: what the UI's gettext lookup does, for a few Spanish strings.
std::string spanish(const std::string& english) {
    static const std::map<std::string, std::string> catalog{
        {"Masked {0} before saving: it never reaches the disk.", "Se ocultó {0} antes de guardar."},
        {"{0} and {1}", "{0} y {1}"},
        {"{0}, {1}", "{0}, {1}"},
        {"a card number", "un número de tarjeta"},
        {"a security code", "un código de seguridad"},
        {"Your call from {0} was restored.", "Se recuperó su llamada de las {0}."},
        {"At {0} {1}", "{1} a las {0}"},
        {"Broken {0}", "Roto {0} {1}"},
    };
    const auto it = catalog.find(english);
    return it == catalog.end() ? english : it->second;
}
} // namespace

TEST_CASE("a message renders in English with its arguments filled in") {
    const Text t{"Your call from {0} was restored.", {Text::plain("10:42")}};
    CHECK(t.render() == "Your call from 10:42 was restored.");
}

TEST_CASE("a translated message translates its parts but never its literal arguments") {
    CHECK(Text{"Your call from {0} was restored.", {Text::plain("a card number")}}.render(spanish) ==
          "Se recuperó su llamada de las a card number.");
    const Text masked{"Masked {0} before saving: it never reaches the disk.",
                      {listOf({Text("a card number"), Text("a security code")})}};
    CHECK(masked.render() ==
          "Masked a card number and a security code before saving: it never reaches the disk.");
    CHECK(masked.render(spanish) ==
          "Se ocultó un número de tarjeta y un código de seguridad antes de guardar.");
}

TEST_CASE("a translation may put the arguments in another order") {
    CHECK(Text{"At {0} {1}", {Text::plain("9:00"), Text::plain("Ana")}}.render(spanish) == "Ana a las 9:00");
}

TEST_CASE("a translation whose placeholders do not fit falls back to the English") {
    CHECK(Text{"Broken {0}", {Text::plain("x")}}.render(spanish) == "Broken x");
}

TEST_CASE("lists read naturally at every length") {
    CHECK(listOf({}).render().empty());
    CHECK(listOf({Text("a")}).render() == "a");
    CHECK(listOf({Text("a"), Text("b")}).render() == "a and b");
    CHECK(listOf({Text("a"), Text("b"), Text("c")}).render() == "a, b and c");
    CHECK(listOf({Text("a"), Text("b"), Text("c"), Text("d")}).render() == "a, b, c and d");
}
