// The worker thread that owns the server connection, against a real PostgreSQL 15: it sends on its own,
// says when the server is down, and stops at once even while the server holds it up.
#include "sync/SyncWorker.h"

#include "TestServer.h"
#include "store/CallStore.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "store/Outbox.h"
#include "support/TempDir.h"

#include <condition_variable>
#include <csignal>
#include <fstream>
#include <mutex>

using namespace cc;
using namespace std::chrono_literals;

namespace {
/// The states a worker reported, waited for by the test.
struct Reports {
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<SyncState> states;

    std::function<void(const SyncState&)> sink() {
        return [this](const SyncState& s) {
            std::lock_guard lock(mutex);
            states.push_back(s);
            changed.notify_all();
        };
    }
    /// Waits (at most a minute: a test's limit, not a figure it asserts) for a state that passes.
    bool waitFor(const std::function<bool(const SyncState&)>& ok) {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, 60s, [&] { return !states.empty() && ok(states.back()); });
    }
};

/// An agent's store on disk, as the window keeps it, with finished calls in its outbox.
struct StoreOnDisk {
    test::TempDir dir;
    std::filesystem::path path = dir.path() / "companion.db";

    explicit StoreOnDisk(int calls) {
        Database db(path);
        migrate(db);
        setOutboxPolicy(db, {.on = true});
        CallStore store(db);
        for (int i = 0; i < calls; ++i) {
            CallRecord call;
            call.startedAt = std::chrono::system_clock::now();
            call.savedAt = call.startedAt;
            call.state = CallState::Talking;
            call.id = store.save(call, SaveParts{}, {});
            call.finished = true;
            call.state = CallState::Idle;
            call.finishedAt = call.startedAt + 1min;
            store.save(call, SaveParts{}, {});
        }
    }
    OutboxCounts counts() {
        Database db(path);
        return Outbox(db).counts();
    }
};
} // namespace

TEST_CASE("the worker sends finished calls on its own and says when all are synced") {
    test::TestServer server;
    StoreOnDisk pc(5);
    Reports reports;
    SyncWorker worker(pc.path, {}, server.config("alice"), reports.sink());
    REQUIRE(reports.waitFor(
        [](const SyncState& s) { return s.kind == SyncState::Kind::Synced && s.counts.waiting == 0; }));
    CHECK(server.count("alice", "SELECT count(*) FROM cc.calls") == 5);
}

TEST_CASE("with the server down the worker says offline since when, and keeps the calls") {
    test::TestServer server;
    StoreOnDisk pc(2);
    ServerConfig down = server.config("alice");
    down.port = "1";
    Reports reports;
    {
        SyncWorker worker(pc.path, {}, down, reports.sink());
        REQUIRE(reports.waitFor([](const SyncState& s) { return s.kind == SyncState::Kind::Offline; }));
        CHECK(reports.states.back().offlineSince.has_value());
        CHECK(reports.states.back().counts.waiting == 2);
        CHECK_FALSE(reports.states.back().error.empty());
    }
    CHECK(pc.counts().waiting == 2);
}

TEST_CASE("a server that holds the worker up (a held lock) never holds up stopping it") {
    test::TestServer server;
    StoreOnDisk pc(3);
    PgConnection admin(server.config("ccadmin"));
    admin.script("BEGIN; LOCK TABLE cc.calls IN ACCESS EXCLUSIVE MODE");
    Reports reports;
    {
        SyncWorker worker(pc.path, {}, server.config("alice"), reports.sink());
        // The worker is inside its batch, waiting on the lock, when the window closes.
        for (int i = 0;
             i < 50 && server.count("ccadmin", "SELECT count(*) FROM pg_locks WHERE NOT granted") == 0; ++i)
            std::this_thread::sleep_for(100ms);
        CHECK(server.count("ccadmin", "SELECT count(*) FROM pg_locks WHERE NOT granted") > 0);
    } // the destructor returns: the test would time out otherwise
    CHECK(pc.counts().waiting == 3);
    admin.script("ROLLBACK");
    SyncWorker worker(pc.path, {}, server.config("alice"), reports.sink());
    REQUIRE(reports.waitFor(
        [](const SyncState& s) { return s.kind == SyncState::Kind::Synced && s.counts.waiting == 0; }));
    CHECK(server.count("alice", "SELECT count(*) FROM cc.calls") == 3);
}

TEST_CASE("a stopped server process never holds up stopping the worker") {
    test::TestServer server;
    StoreOnDisk pc(2);
    // The postmaster, stopped as by SIGSTOP: new connections wait for it with no answer.
    std::string root;
    {
        std::ifstream env(server.dir() / "env");
        for (std::string line; std::getline(env, line);)
            if (line.rfind("CC_PG_ROOT=", 0) == 0) root = line.substr(11);
    }
    std::ifstream pidFile(std::filesystem::path(root) / "data" / "postmaster.pid");
    pid_t postmaster = 0;
    pidFile >> postmaster;
    REQUIRE(postmaster > 0);
    struct Continue {
        pid_t pid;
        ~Continue() { ::kill(pid, SIGCONT); }
    } resume{postmaster};
    REQUIRE(::kill(postmaster, SIGSTOP) == 0);
    Reports reports;
    ServerConfig config = server.config("alice");
    config.connectTimeout = std::chrono::seconds(60); // longer than the test's own limit
    {
        SyncWorker worker(pc.path, {}, config, reports.sink());
        // The worker says the calls wait before it reaches for the server, then hangs in the connection.
        REQUIRE(reports.waitFor([](const SyncState& s) { return s.kind == SyncState::Kind::Sending; }));
        std::this_thread::sleep_for(300ms);
    } // the destructor returns although the connection never completed
    ::kill(postmaster, SIGCONT);
    CHECK(pc.counts().waiting == 2);
}
