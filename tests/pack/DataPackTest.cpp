#include "pack/DataPack.h"

#include "support/TempDir.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>

using namespace cc;
namespace fs = std::filesystem;

namespace {
void write(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
}
bool mentions(const std::vector<DataError>& errors, const std::string& words) {
    return std::any_of(errors.begin(), errors.end(),
                       [&](const DataError& e) { return e.toString().find(words) != std::string::npos; });
}
} // namespace

TEST_CASE("the bundled pack is good, and every kind of file in it is read") {
    const DataPack pack(CC_SOURCE_DATA_DIR);
    const auto problems = pack.check();
    for (const auto& p : problems)
        INFO(p.toString());
    CHECK(problems.empty());
    CHECK_FALSE(pack.outcomes().outcomes().empty());
    CHECK_FALSE(pack.snippets().all().empty());
    CHECK_FALSE(pack.scripts().scripts().empty());
    CHECK_FALSE(pack.practice().scenarios().empty());
    CHECK_FALSE(pack.prompts().rules().empty());
    CHECK(pack.scorecards().find("standard"));
    CHECK(fs::exists(pack.seedReferrals()));
}

TEST_CASE("the agent's own layer adds snippets and scorecards beside the pack's") {
    test::TempDir local;
    write(local.path() / "snippets.toml",
          "[[snippet]]\ntrigger = \";mine\"\ntitle = \"Mine\"\ntext = \"My own words\"\n");
    write(local.path() / "scorecards" / "team.toml",
          "id = \"team\"\nname = \"Team form\"\npass_mark = 70\n\n[[criterion]]\nid = \"a\"\ntitle = \"A\"\n"
          "weight = 1\nscale = 5\n");
    const DataPack pack(CC_SOURCE_DATA_DIR, local.path());
    const SnippetBook snippets = pack.snippets();
    CHECK(snippets.find(";mine"));
    CHECK(snippets.find(";vrf"));
    CHECK(pack.scorecards().find("team"));
    CHECK(pack.scorecards().find("standard"));
    // Without the local layer (data check reads the pack alone), the agent's files are not there.
    CHECK_FALSE(DataPack(CC_SOURCE_DATA_DIR).scorecards().find("team"));
}

TEST_CASE("the checks across files: prompts and practice customers naming scripts and steps") {
    test::TempDir dir;
    write(dir.path() / "scripts" / "s.toml",
          "id = \"s\"\ntitle = \"S\"\n\n[[step]]\nid = \"hello\"\nstage = \"opening\"\nsay = \"Hello\"\n");
    write(dir.path() / "prompts" / "p.toml",
          "[[prompt]]\nid = \"p1\"\ntitle = \"T\"\nsay = \"x\"\nseverity = \"info\"\n"
          "trigger = { type = \"script_step\", script = \"s\", step = \"goodbye\" }\n");
    write(dir.path() / "practice" / "p.toml",
          "script = \"nope\"\ntitle = \"P\"\ncaller_name = \"Sam\"\n\n[[line]]\ncustomer = \"Hi\"\n");
    const DataPack pack(dir.path());
    const auto problems = pack.check();
    CHECK(problems.size() == 2);
    CHECK(mentions(problems, "prompt 'p1' names a step 'goodbye' that script 's' does not have"));
    CHECK(mentions(problems, "there is no script 'nope' to practise"));
    // The same checks run on content already read, as the app does at start-up.
    const auto again = crossCheck(pack.folder(), pack.scripts(), pack.prompts(), pack.practice());
    CHECK(again.size() == 2);
}

TEST_CASE("a pack that is not a folder is one problem") {
    const auto problems = DataPack("/nonexistent/pack").check();
    REQUIRE(problems.size() == 1);
    CHECK(problems.front().message == "not a folder");
}
