#include "sync/ServerConfig.h"

#include "support/TempDir.h"
#include "support/Wine.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>

using namespace cc;
namespace fs = std::filesystem;

namespace {
fs::path write(const test::TempDir& dir, const std::string& text,
               fs::perms mode = fs::perms::owner_read | fs::perms::owner_write) {
    const fs::path file = dir.path() / "server.toml";
    std::ofstream(file) << text;
    fs::permissions(file, mode);
    return file;
}
std::string errorsOf(const ServerConfigRead& read) {
    std::string out;
    for (const auto& e : read.errors)
        out += e.toString() + "\n";
    return out;
}
} // namespace

TEST_CASE("without server.toml there is no team server, and no error") {
    test::TempDir dir;
    const auto read = readServerConfig(dir.path() / "server.toml");
    CHECK_FALSE(read.config);
    CHECK(read.errors.empty());
}

TEST_CASE("server.toml names the server; certificates are found beside it; TLS checks the server") {
    if (test::underWine()) {
        MESSAGE("under Wine: the file's access list cannot be kept, so its password makes it refused");
        return;
    }
    test::TempDir dir;
    const auto read = readServerConfig(write(dir, R"(host = "db.example.org"
port = 6432
user = "alice"
password = "s3cret"
ca = "team-ca.crt"
practice = true
)"));
    REQUIRE(read.config);
    CHECK(read.config->port == "6432");
    CHECK(read.config->database == "callcompanion");
    CHECK(read.config->sslmode == "verify-full");
    CHECK(read.config->practice);
    CHECK(read.config->ca == (dir.path() / "team-ca.crt").string());
    CHECK(read.config->describe() == "alice@db.example.org:6432/callcompanion");
    const auto params = read.config->connectParams();
    CHECK(std::find(params.begin(), params.end(),
                    std::pair<std::string, std::string>{"sslmode", "verify-full"}) != params.end());
    CHECK(std::find(params.begin(), params.end(),
                    std::pair<std::string, std::string>{"password", "s3cret"}) != params.end());
}

#ifndef _WIN32 // POSIX modes; on Windows the file is as private as its folder's access
TEST_CASE("a server.toml others can read is refused while it holds a password") {
    test::TempDir dir;
    const auto read = readServerConfig(write(dir, "host = \"db\"\nuser = \"alice\"\npassword = \"x\"\n",
                                             fs::perms::owner_read | fs::perms::owner_write |
                                                 fs::perms::group_read | fs::perms::others_read));
    CHECK_FALSE(read.config);
    CHECK(errorsOf(read).find("chmod 600") != std::string::npos);
}
#endif

TEST_CASE("plain text, a missing login and unknown settings are refused with the file and line") {
    test::TempDir dir;
    const auto read = readServerConfig(write(dir, "host = \"db\"\nsslmode = \"disable\"\nprot = 5432\n"));
    CHECK_FALSE(read.config);
    const std::string errors = errorsOf(read);
    CHECK(errors.find("sslmode = \"disable\" is refused") != std::string::npos);
    CHECK(errors.find("user = ") != std::string::npos);
    CHECK(errors.find("server.toml:3:8: unknown setting 'prot'") != std::string::npos);
    CHECK(errors.find("neither password nor certificate") != std::string::npos);
}

TEST_CASE("a broken server.toml names its line") {
    test::TempDir dir;
    const auto read = readServerConfig(write(dir, "host = \"db\"\nuser = alice\n"));
    CHECK_FALSE(read.config);
    CHECK(errorsOf(read).find("server.toml:2:") != std::string::npos);
}
