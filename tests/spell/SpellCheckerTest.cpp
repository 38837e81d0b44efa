#include "spell/SpellChecker.h"

#include "support/TempDir.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>
#include <tuple>

using namespace cc;

namespace {
std::unique_ptr<SpellChecker> english(const std::filesystem::path& personal = {}) {
    const auto dict = SpellChecker::findDictionary("en_US");
    REQUIRE_MESSAGE(dict, "hunspell-en-us is not installed");
    return std::make_unique<SpellChecker>(dict->first, dict->second, personal);
}

std::vector<std::string> misspelt(const SpellChecker& sc, std::string_view line) {
    std::vector<std::string> out;
    for (const auto& m : sc.check(line))
        out.emplace_back(line.substr(m.offset, m.length));
    return out;
}
} // namespace

TEST_CASE("words are found with their byte offsets; numbers, links and addresses are skipped") {
    const std::string line = "Caller's VPN (2FA) failed: see https://x.org or mail a@b.com, café ok";
    std::vector<std::string> words;
    for (const auto& w : wordsOf(line))
        words.emplace_back(line.substr(w.offset, w.length));
    CHECK(words == std::vector<std::string>{"Caller's", "VPN", "failed", "see", "or", "mail", "café", "ok"});
}

TEST_CASE("misspelt words are reported and correct ones are not") {
    auto sc = english();
    CHECK(misspelt(*sc, "The custmer recieved a new pasword") ==
          std::vector<std::string>{"custmer", "recieved", "pasword"});
    CHECK(misspelt(*sc, "The customer received a new password").empty());
}

TEST_CASE("suggestions are offered for common agent typos") {
    auto sc = english();
    const std::vector<std::pair<std::string, std::string>> typos{
        {"recieved", "received"}, {"acount", "account"}, {"pasword", "password"},
        {"custmer", "customer"},  {"adress", "address"},
    };
    for (const auto& [typo, fix] : typos) {
        const auto s = sc->suggest(typo);
        CHECK_MESSAGE(std::find(s.begin(), s.end(), fix) != s.end(), typo);
    }
}

TEST_CASE("the team word list teaches help-desk jargon") {
    auto sc = english();
    CHECK_FALSE(sc->known("baresip"));
    CHECK(sc->addWordList(std::string(CC_SOURCE_DATA_DIR) + "/wordlists/helpdesk.txt") > 20);
    CHECK(misspelt(*sc, "Reset MFA in Okta, then SharePoint, the SSID and baresip").empty());
}

TEST_CASE("a word added to the personal dictionary is known after a restart") {
    test::TempDir tmp;
    const auto personal = tmp.path() / "personal-words.txt";
    {
        auto sc = english(personal);
        CHECK_FALSE(sc->known("Zendeskish"));
        sc->addToPersonal("Zendeskish");
        CHECK(sc->known("Zendeskish"));
    }
    auto again = english(personal);
    CHECK(again->known("Zendeskish"));
}

TEST_CASE("an ignored word is accepted for this run only") {
    auto sc = english();
    sc->ignore("Contoso");
    CHECK(sc->known("Contoso"));
    CHECK_FALSE(english()->known("Contoso"));
}

TEST_CASE("a language is found by its code, or by any regional dictionary of it") {
    CHECK(SpellChecker::findDictionary("en_US"));
    const auto es = SpellChecker::findDictionary("es");
    REQUIRE_MESSAGE(es, "hunspell-es is not installed");
    CHECK(es->first.filename() == "es_ES.aff");
    CHECK_FALSE(SpellChecker::findDictionary("xx_YY"));
}

TEST_CASE("Spanish and Brazilian Portuguese notes are checked with their accents") {
    for (const auto& [language, right, wrong] :
         {std::tuple{"es", "La llamada está en espera; el cliente esperó", "La llamda esta en espra"},
          std::tuple{"pt_BR", "A ligação não caiu; o cliente está em espera", "A ligacão nao caiu"}}) {
        CAPTURE(language);
        const auto dict = SpellChecker::findDictionary(language);
        REQUIRE_MESSAGE(dict, "the dictionary for ", language, " is not installed (.ci/deps)");
        const SpellChecker sc(dict->first, dict->second, {});
        CHECK(misspelt(sc, right).empty());
        CHECK_FALSE(misspelt(sc, wrong).empty());
    }
}

TEST_CASE("installed dictionaries are listed once each, and a .dic without its .aff is not") {
    cc::test::TempDir dir;
    std::ofstream(dir.path() / "xx_YY.aff") << "SET UTF-8\n";
    std::ofstream(dir.path() / "xx_YY.dic") << "0\n";
    std::ofstream(dir.path() / "zz_ZZ.dic") << "0\n";
    const auto names = SpellChecker::installedDictionaries({dir.path(), dir.path()});
    CHECK(std::count(names.begin(), names.end(), "xx_YY") == 1);
    CHECK(std::find(names.begin(), names.end(), "zz_ZZ") == names.end());
    CHECK(std::find(names.begin(), names.end(), "en_US") != names.end());
    CHECK(std::is_sorted(names.begin(), names.end()));
}

TEST_CASE("a dictionary that cannot be read is an error naming the file") {
    CHECK_THROWS_WITH_AS(SpellChecker("/nonexistent/xx.aff", "/nonexistent/xx.dic", {}),
                         doctest::Contains("/nonexistent/xx.aff"), std::runtime_error);
}
