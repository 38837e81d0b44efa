// One pack for the team, against a real PostgreSQL 15: a lead publishes the team's scripts, prompts,
// scorecards and snippets once `data check` passes them; companions pull and check each version; a
// broken pack is refused (by the publisher's check, or by the companions when one reaches the server
// another way) and the companions keep the last good one; other teams and agents publish nothing.
#include "sync/TeamPack.h"

#include "TestServer.h"
#include "pack/DataPack.h"
#include "support/TempDir.h"

#include <fstream>
#include <nlohmann/json.hpp>

using namespace cc;
namespace fs = std::filesystem;

namespace {
/// A copy of the bundled data pack in `dir`, with the password reset script retitled `title`.
fs::path packCopy(const fs::path& dir, const std::string& title) {
    fs::copy(CC_SOURCE_DATA_DIR, dir, fs::copy_options::recursive);
    const fs::path script = dir / "scripts" / "password-reset.toml";
    std::ifstream in(script);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    in.close();
    const std::string from = "title = \"Password reset\"";
    REQUIRE(text.find(from) != std::string::npos);
    text.replace(text.find(from), from.size(), "title = \"" + title + "\"");
    std::ofstream(script) << text;
    return dir;
}

std::string scriptTitle(const fs::path& pack) {
    const ScriptLibrary scripts = DataPack(pack).scripts();
    const Script* s = scripts.find("password-reset");
    return s ? s->title : std::string();
}
} // namespace

TEST_CASE("a lead's pack reaches the team's companions; a broken one is refused and the last good one kept") {
    test::TestServer server;
    test::TempDir tmp;
    PgConnection lee(server.config("lee"));
    CHECK(publishPack(lee, packCopy(tmp.path() / "one", "Password reset (team)"), "north") == 1);

    TeamPacks bob(tmp.path() / "bob");
    PgConnection bobLink(server.config("bob"));
    CHECK(serverPackVersion(bobLink) == 1);
    auto pulled = bob.pull(bobLink);
    CHECK(pulled.arrived);
    CHECK(pulled.version == 1);
    CHECK(bob.newest() == 1);
    CHECK(DataPack(bob.folder(1)).check().empty());
    CHECK(scriptTitle(bob.folder(1)) == "Password reset (team)");
    CHECK_FALSE(bob.pull(bobLink).arrived); // nothing newer

    // A pack with a mistake never leaves the publisher's PC: data check names the file and line.
    const fs::path broken = packCopy(tmp.path() / "broken", "Password reset (broken)");
    std::ofstream(broken / "prompts" / "default.toml", std::ios::app) << "\n[[prompt]]\nid = \"half\"\n";
    try {
        publishPack(lee, broken, "north");
        FAIL("a broken pack was published");
    } catch (const PackRefused& e) {
        REQUIRE_FALSE(e.errors().empty());
        CHECK(e.errors().front().file.find("default.toml") != std::string::npos);
        CHECK(e.errors().front().line > 0);
    }
    CHECK(serverPackVersion(bobLink) == 1);

    // One reaches the server another way (written by hand): the companion checks it and refuses it.
    const std::string files = nlohmann::json(readPackFiles(broken)).dump();
    PgConnection(server.config("ccadmin"))
        .exec("INSERT INTO cc.packs VALUES ('north', 2, $1::jsonb, 'ccadmin', now())", {files});
    pulled = bob.pull(bobLink);
    CHECK_FALSE(pulled.arrived);
    CHECK(pulled.refusedVersion == 2);
    REQUIRE_FALSE(pulled.problems.empty());
    CHECK(pulled.problems.front().file.rfind("team pack v2/prompts/default.toml", 0) == 0);
    CHECK(bob.newest() == 1); // the last good one
    CHECK(scriptTitle(bob.folder(1)) == "Password reset (team)");
    CHECK(bob.refused() == 2);
    CHECK_FALSE(bob.pull(bobLink).arrived); // not fetched again

    // The next good version replaces it.
    CHECK(publishPack(lee, packCopy(tmp.path() / "three", "Password reset (v3)"), "north") == 3);
    pulled = bob.pull(bobLink);
    CHECK(pulled.arrived);
    CHECK(bob.newest() == 3);
    bob.prune(3);
    CHECK_FALSE(fs::exists(bob.folder(1)));
    CHECK(scriptTitle(bob.folder(3)) == "Password reset (v3)");
}

TEST_CASE("only a team's lead (or the owner) publishes its pack, and only a pack's kinds of file") {
    test::TestServer server;
    test::TempDir tmp;
    PgConnection(server.config("ccadmin")).exec("SELECT cc.add_member('sam', 'south', 'lead')");
    const fs::path pack = packCopy(tmp.path() / "p", "Password reset");
    PgConnection bob(server.config("bob")), sam(server.config("sam")), carol(server.config("carol"));
    CHECK_THROWS_AS(publishPack(bob, pack, "north"), PgError); // an agent
    CHECK_THROWS_AS(publishPack(sam, pack, "north"), PgError); // another team's lead
    CHECK(publishPack(sam, pack, "south") == 1);
    CHECK(serverPackVersion(bob) == 0);   // north has none
    CHECK(serverPackVersion(carol) == 1); // south's
    PgConnection lee(server.config("lee"));
    for (const char* path : {"../escape.toml", "/etc/passwd.txt", "scripts/run.sh", "scripts/../../x.toml"}) {
        CAPTURE(path);
        CHECK_THROWS_AS(
            lee.exec("SELECT cc.publish_pack('north', jsonb_build_object($1::text, 'x'))", {path}), PgError);
        CHECK_FALSE(packPathAllowed(path));
    }
    CHECK(packPathAllowed("scripts/password-reset.toml"));
}
