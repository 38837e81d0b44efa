#include "core/Platform.h"

#include "support/Wine.h"

#include <cerrno>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <set>

namespace fs = std::filesystem;
using namespace cc;

TEST_CASE("localParts gives the calendar time of the local time zone") {
    const std::time_t t = std::time(nullptr);
    const std::tm parts = localParts(t);
    std::tm copy = parts;
    CHECK(std::mktime(&copy) == t); // the same moment back
    CHECK(parts.tm_year >= 100);
}

TEST_CASE("an owner-only file is created once, kept, emptied or refused as asked") {
    const fs::path p = createTemporaryFile("cc-platform-test");
    REQUIRE(fs::exists(p));
    CHECK(fs::file_size(p) == 0);
    if (!test::underWine()) CHECK(isOwnerOnly(p));
#ifndef _WIN32
    CHECK((fs::status(p).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
#endif
    { std::ofstream(p) << "kept"; }
    CHECK(createOwnerOnlyFile(p));
    CHECK(fs::file_size(p) == 4);
    CHECK_FALSE(createOwnerOnlyFile(p, IfExists::Fail));
    CHECK(errno == EEXIST);
    CHECK(createOwnerOnlyFile(p, IfExists::Truncate));
    CHECK(fs::file_size(p) == 0);
    fs::remove(p);
    CHECK_FALSE(createOwnerOnlyFile(p.parent_path() / "no such folder" / "file"));
}

TEST_CASE("temporary files never share a name") {
    std::set<fs::path> made;
    for (int i = 0; i < 20; ++i)
        made.insert(createTemporaryFile("cc-platform-test"));
    CHECK(made.size() == 20);
    for (const auto& p : made)
        fs::remove(p);
}

TEST_CASE("a path with non-ASCII letters and spaces comes back as the same UTF-8") {
    const std::string name = "Jos\xC3\xA9 Mar\xC3\xAD"
                             "a \xC2\xB7 notes"; // José María · notes
    const fs::path p = fs::path(u8"Jos\u00e9 Mar\u00eda \u00b7 notes");
    CHECK(pathUtf8(p) == name);
    const fs::path made = fs::temp_directory_path() / p;
    { std::ofstream(made) << "x"; }
    CHECK(fs::exists(made));
    CHECK(pathUtf8(made.filename()) == name);
    fs::remove(made);
}

TEST_CASE("a temporary folder is new, empty and the owner's alone") {
    const fs::path a = createTemporaryFolder("cc-platform-test");
    const fs::path b = createTemporaryFolder("cc-platform-test");
    CHECK(a != b);
    CHECK(fs::is_directory(a));
    CHECK(fs::is_empty(a));
    if (!test::underWine()) CHECK(isOwnerOnly(a));
#ifndef _WIN32
    CHECK((fs::status(a).permissions() & fs::perms::all) == fs::perms::owner_all);
#endif
    fs::remove(a);
    fs::remove(b);
}

TEST_CASE("a folder made the owner's alone keeps others out of what is made in it") {
    const fs::path dir = createTemporaryFolder("cc-platform-test");
    const fs::path inner = dir / u8"Jos\u00e9 \u00b7 data";
    fs::create_directory(inner);
#ifndef _WIN32
    fs::permissions(inner, fs::perms::owner_all | fs::perms::group_read | fs::perms::others_read);
#endif
    REQUIRE(makeOwnerOnly(inner));
    if (test::underWine()) {
        MESSAGE("under Wine: access lists are not kept, so they are checked on Windows alone");
        fs::remove_all(dir);
        return;
    }
    CHECK(isOwnerOnly(inner));
    REQUIRE(createOwnerOnlyFile(inner / "calls.sqlite3"));
    CHECK(isOwnerOnly(inner / "calls.sqlite3"));
#ifdef _WIN32
    // What SQLite and the app write with plain calls inherits the folder's access list.
    { std::ofstream(inner / "calls.sqlite3-wal") << "x"; }
    CHECK(isOwnerOnly(inner / "calls.sqlite3-wal"));
#else
    const fs::path loose = inner / "settings.ini";
    { std::ofstream(loose) << "x"; }
    fs::permissions(loose, fs::perms::owner_read | fs::perms::owner_write | fs::perms::others_read);
    CHECK_FALSE(isOwnerOnly(loose));
    REQUIRE(makeOwnerOnly(loose));
    CHECK(isOwnerOnly(loose));
    CHECK((fs::status(loose).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write));
#endif
    CHECK_FALSE(isOwnerOnly(inner / "no such file"));
    CHECK_FALSE(makeOwnerOnly(inner / "no such file"));
    fs::remove_all(dir);
}
