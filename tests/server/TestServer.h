#pragma once

#include "sync/PgConnection.h"
#include "sync/ServerConfig.h"
#include "sync/ServerSchema.h"

#include <atomic>
#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <fmt/format.h>
#include <unistd.h>

namespace cc::test {

/// A fresh database on the throwaway cluster that tests/server/cluster.sh started (its folder in
/// $CC_TEST_SERVER): set up by `server init`'s own code, with the test logins on their teams. Dropped
/// when the test ends.
/// A cluster of the test's own (tests/server/cluster.sh in a temporary folder), for a test that crashes
/// or pauses its server: the shared one serves the other tests meanwhile.
class PrivateCluster {
public:
    PrivateCluster()
        : dir_(std::filesystem::temp_directory_path() / fmt::format("cc-private-pg-{}", ::getpid())) {
        REQUIRE(run("start") == 0);
    }
    ~PrivateCluster() {
        run("stop");
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec); // its keys and server.toml files too
    }
    PrivateCluster(const PrivateCluster&) = delete;
    PrivateCluster& operator=(const PrivateCluster&) = delete;
    const std::filesystem::path& dir() const { return dir_; }
    /// cluster.sh crash|restart|pause|resume on it; the command's exit status.
    int run(const std::string& command) const {
        return std::system(
            fmt::format("bash '{}' {} '{}' >/dev/null", CC_CLUSTER_SCRIPT, command, dir_.string()).c_str());
    }

private:
    std::filesystem::path dir_;
};

class TestServer {
public:
    /// On the shared cluster ($CC_TEST_SERVER), or on the cluster whose folder is `dir`.
    explicit TestServer(std::filesystem::path dir = {}) {
        const char* shared = std::getenv("CC_TEST_SERVER");
        REQUIRE_MESSAGE((!dir.empty() || shared),
                        "CC_TEST_SERVER names the folder of tests/server/cluster.sh start");
        dir_ = dir.empty() ? std::filesystem::path(shared) : dir;
        static std::atomic<int> counter{0};
        name_ = fmt::format("cc_test_{}_{}", ::getpid(), counter++);
        PgConnection admin(config("ccadmin", "callcompanion"));
        admin.exec(fmt::format("CREATE DATABASE {}", name_));
        PgConnection setUp(config("ccadmin"));
        setUpServer(setUp, true);
        for (const auto& [login, team, role] : {std::tuple{"alice", "north", "agent"},
                                                {"bob", "north", "agent"},
                                                {"carol", "south", "agent"},
                                                {"rita", "north", "reviewer"},
                                                {"sam", "south", "reviewer"},
                                                {"lee", "north", "lead"},
                                                {"certagent", "north", "agent"}})
            setUp.exec("SELECT cc.add_member($1, $2, $3)", {login, team, role});
    }
    ~TestServer() {
        try {
            PgConnection admin(config("ccadmin", "callcompanion"));
            admin.exec(fmt::format("DROP DATABASE {} WITH (FORCE)", name_));
        } catch (const std::exception&) {
        }
    }
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    /// The server.toml of `login` (DIR/login.toml), pointed at this test's database.
    ServerConfig config(const std::string& login, const std::string& database = "") const {
        auto read = readServerConfig(dir_ / (login + ".toml"));
        REQUIRE_MESSAGE(read.config, "cannot read " << (dir_ / (login + ".toml")).string());
        read.config->database = database.empty() ? name_ : database;
        return *read.config;
    }
    const std::filesystem::path& dir() const { return dir_; }
    /// One number from a query run as `login`.
    long long count(const std::string& login, const std::string& sql, const PgParams& params = {}) const {
        PgConnection c(config(login));
        return std::stoll(c.exec(sql, params).text(0, 0));
    }

private:
    std::filesystem::path dir_;
    std::string name_;
};

} // namespace cc::test
