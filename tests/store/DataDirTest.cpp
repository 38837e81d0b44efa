#include "store/DataDir.h"
#include "store/Database.h"
#include "support/FakeClock.h"
#include "support/TempDir.h"

#include <doctest/doctest.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace cc;
namespace fs = std::filesystem;

namespace {
unsigned modeOf(const fs::path& p) {
    struct stat st{};
    ::stat(p.c_str(), &st);
    return st.st_mode & 0777;
}
} // namespace

TEST_CASE("a new data folder is private to the user: folder 0700, database files 0600") {
    test::TempDir tmp;
    const DataDir dir(tmp.path() / "nested" / "call-companion");
    ::umask(022); // as a careless login shell might have it
    auto opened = dir.open(test::FakeClock().wallNow());
    REQUIRE(opened.db);
    CHECK(opened.notices.empty());
    CHECK(modeOf(dir.root()) == 0700);
    CHECK(modeOf(dir.databasePath()) == 0600);
    CHECK(modeOf(dir.databasePath().string() + "-wal") == 0600);
    CHECK(opened.db->scalar("SELECT count(*) FROM calls") == 0);
    auto st = opened.db->prepare("PRAGMA journal_mode");
    REQUIRE(st.step());
    CHECK(st.columnText(0) == "wal");
}

TEST_CASE("a damaged database is moved aside with a timestamp and a fresh one is started") {
    test::TempDir tmp;
    const DataDir dir(tmp.path());
    {
        std::ofstream junk(dir.databasePath(), std::ios::binary);
        junk << std::string(8192, 'x');
    }
    auto opened = dir.open(test::FakeClock().wallNow());
    REQUIRE(opened.db);
    REQUIRE(opened.notices.size() == 1);
    CHECK(opened.notices[0].render().find(tmp.path().string()) != std::string::npos);
    CHECK(opened.notices[0].render().find(".corrupt-2025") != std::string::npos);
    int aside = 0;
    for (const auto& e : fs::directory_iterator(tmp.path()))
        if (e.path().filename().string().starts_with("companion.db.corrupt-")) {
            ++aside;
            CHECK(fs::file_size(e.path()) == 8192); // the damaged file is kept, untouched
        }
    CHECK(aside == 1);
    CHECK(opened.db->scalar("SELECT count(*) FROM calls") == 0);
}

TEST_CASE("a data folder that cannot be created is reported with its path") {
    test::TempDir tmp;
    const fs::path blocker = tmp.path() / "file";
    std::ofstream(blocker) << "not a folder";
    const DataDir dir(blocker / "data");
    try {
        dir.open(test::FakeClock().wallNow());
        FAIL("opened a data folder inside a file");
    } catch (const DataDirError& e) {
        CHECK(std::string(e.what()).find((blocker / "data").string()) != std::string::npos);
    }
}

TEST_CASE("a read-only data folder is reported with its path") {
    if (::geteuid() == 0) return; // root writes anywhere; the GUI test covers root with a blocked path
    test::TempDir tmp;
    const DataDir dir(tmp.path() / "ro");
    fs::create_directories(dir.root());
    fs::permissions(dir.root(), fs::perms::owner_read | fs::perms::owner_exec, fs::perm_options::replace);
    CHECK_THROWS_WITH_AS(dir.open(test::FakeClock().wallNow()), doctest::Contains(dir.root().c_str()), DataDirError);
}
