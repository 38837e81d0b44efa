// The team server under load: 500 simulated agents, each with its own store and its own SyncWorker (the
// app's thread), finishing a call every 3 minutes on average, while 50 of them catch up on 5 days
// offline. Prints the sync throughput, the time from wrap-up done to visible for a reviewer (p50/p99),
// the server's CPU and connections, and, side by side, a raw COPY of the same rows.
//
//   sync_bench --server DIR [--agents 500] [--backlog-agents 50] [--backlog-days 5] [--seconds 90]
//
// DIR is a running tests/server/cluster.sh folder. The live calls arrive at the real rate (agents/180 per
// second); nothing is scaled.
#include "BenchServer.h"
#include "call/CallRecord.h"
#include "store/CallStore.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "store/Outbox.h"
#include "sync/CallSync.h"
#include "sync/PgConnection.h"
#include "sync/ServerSchema.h"
#include "sync/SyncWorker.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace cc;
using namespace std::chrono;
namespace fs = std::filesystem;

namespace {

struct Options {
    fs::path server;
    int agents = 500;
    int backlogAgents = 50;
    int backlogDays = 5;
    int seconds = 90;
};

/// A finished call as a real one looks: three segments, eight note lines, a dozen events.
CallRecord realisticCall(WallTime start, int n) {
    CallRecord c;
    c.startedAt = start;
    c.savedAt = start;
    c.state = CallState::Talking;
    c.segments = {{SegmentKind::Talk, start, 240s, false},
                  {SegmentKind::Hold, start + 240s, 45s, false},
                  {SegmentKind::WrapUp, start + 285s, 60s, false}};
    c.fields = CallFields{fmt::format("Caller {}", n), "+1 555 0100", fmt::format("CASE-{}", n),
                          "printer offline", "resolved"};
    for (int i = 0; i < 8; ++i)
        c.notes.push_back(
            {start + seconds(20 * i),
             fmt::format("Line {} of the notes: the caller described the fault and what they tried", i)});
    return c;
}

std::vector<TimelineEvent> realisticEvents(WallTime start) {
    std::vector<TimelineEvent> e{{start, 0s, EventKind::Started},
                                 {start + 240s, 240s, EventKind::Held},
                                 {start + 285s, 285s, EventKind::Resumed},
                                 {start + 300s, 300s, EventKind::Ended}};
    for (int i = 0; i < 8; ++i)
        e.push_back(
            {start + seconds(10 * i), seconds(10 * i), EventKind::Step, {"greeting", "Good morning"}});
    return e;
}

/// One agent's PC: a store on disk with the outbox on, and a connection the driver finishes calls with.
struct Agent {
    std::string login;
    fs::path path;
    std::unique_ptr<Database> db;
    std::unique_ptr<CallStore> store;
    std::unique_ptr<SyncWorker> worker;
    std::string storeId;
};

} // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--server")
            o.server = argv[i + 1];
        else if (a == "--agents")
            o.agents = std::atoi(argv[i + 1]);
        else if (a == "--backlog-agents")
            o.backlogAgents = std::atoi(argv[i + 1]);
        else if (a == "--backlog-days")
            o.backlogDays = std::atoi(argv[i + 1]);
        else if (a == "--seconds")
            o.seconds = std::atoi(argv[i + 1]);
    }
    if (o.server.empty()) {
        std::fprintf(stderr, "usage: sync_bench --server DIR (a tests/server/cluster.sh folder) [--agents N] "
                             "[--backlog-agents N] [--backlog-days N] [--seconds N]\n");
        return 2;
    }
    const std::string scratch = fmt::format("/tmp/cc-sync-bench-{}", ::getpid());
    fs::create_directories(scratch);
    // The server: a fresh database set up by `server init`'s code, and a login per agent.
    bench::BenchServer bs(o.server, "cc_bench", o.agents);
    PgConnection& admin = bs.admin();

    // The agents' stores; the backlog agents' outboxes hold 5 days of calls (8 hours of 20 calls).
    std::vector<Agent> agents(static_cast<std::size_t>(o.agents));
    const auto now = system_clock::now();
    int backlog = 0;
    std::set<std::pair<std::string, std::int64_t>> backlogKeys;
    for (int i = 0; i < o.agents; ++i) {
        Agent& a = agents[static_cast<std::size_t>(i)];
        a.login = fmt::format("bench_agent_{}", i + 1);
        a.path = fs::path(scratch) / (a.login + ".db");
        a.db = std::make_unique<Database>(a.path);
        migrate(*a.db);
        setOutboxPolicy(*a.db, {.on = true});
        a.store = std::make_unique<CallStore>(*a.db);
        auto st = a.db->prepare("SELECT value FROM meta WHERE key = 'store_id'");
        st.step();
        a.storeId = st.columnText(0);
        if (i < o.backlogAgents) {
            a.db->exec("PRAGMA synchronous = OFF"); // setting up the backlog, not measured
            for (int c = 0; c < o.backlogDays * 160; ++c) {
                CallRecord call = realisticCall(now - hours(24 * o.backlogDays) + minutes(3 * c), c);
                call.id = a.store->save(call, SaveParts{}, realisticEvents(call.startedAt));
                call.finished = true;
                call.finishedAt = call.startedAt + 345s;
                a.store->save(call, SaveParts{}, {});
                backlogKeys.emplace(a.storeId, call.id);
                ++backlog;
            }
            a.db->exec("PRAGMA synchronous = FULL");
        }
    }
    std::printf("sync_bench: %d agents, %d with %d days offline (%d calls waiting), %d s of live calls\n",
                o.agents, o.backlogAgents, o.backlogDays, backlog, o.seconds);

    // The reviewer's view: the team's calls as they become visible, polled every 50 ms.
    std::mutex mutex;
    std::map<std::pair<std::string, std::int64_t>, steady_clock::time_point> done, seen;
    std::atomic<bool> stop{false};
    std::atomic<int> maxConnections{0};
    std::atomic<long long> connectionSamples{0}, connectionSum{0};
    std::atomic<int> visible{0};
    steady_clock::time_point backlogDrained{};
    int backlogSeen = 0;
    const auto started = steady_clock::now();
    std::thread reviewer([&] {
        PgConnection lee(bs.config("lee"));
        PgConnection watch(bs.config("ccadmin"));
        std::string since = "-infinity";
        while (!stop) {
            // A batch's rows carry its transaction's start time: a window of 30 s catches each commit.
            const auto rows = lee.exec("SELECT store_id, local_id, now()::text FROM cc.calls "
                                       "WHERE received_at > $1::timestamptz - interval '30 seconds'",
                                       {since});
            const auto at = steady_clock::now();
            {
                std::lock_guard lock(mutex);
                for (int r = 0; r < rows.rows(); ++r) {
                    std::pair key{rows.text(r, 0), std::stoll(rows.text(r, 1))};
                    if (seen.emplace(key, at).second && backlogKeys.count(key)) ++backlogSeen;
                }
                if (rows.rows() > 0) since = rows.text(0, 2);
                visible = static_cast<int>(seen.size());
                if (backlogDrained == steady_clock::time_point{} && backlogSeen >= backlog)
                    backlogDrained = at;
            }
            const int connections = std::stoi(
                watch
                    .exec("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND "
                          "usename LIKE 'bench_agent_%'")
                    .text(0, 0));
            maxConnections = std::max(maxConnections.load(), connections);
            connectionSum += connections;
            ++connectionSamples;
            std::this_thread::sleep_for(50ms);
        }
    });

    const double cpuBefore = bs.serverCpu();
    for (auto& a : agents)
        a.worker =
            std::make_unique<SyncWorker>(a.path, fs::path(), bs.config(a.login), [](const SyncState&) {});

    // Live calls: each agent finishes one every 3 minutes on average (a Poisson stream over the floor).
    std::mt19937 rng(42);
    std::exponential_distribution<double> gap(o.agents / 180.0);
    std::uniform_int_distribution<int> who(0, o.agents - 1);
    int live = 0;
    const auto end = started + seconds(o.seconds);
    auto next = started;
    while (steady_clock::now() < end) {
        next += duration_cast<steady_clock::duration>(duration<double>(gap(rng)));
        std::this_thread::sleep_until(next);
        Agent& a = agents[static_cast<std::size_t>(who(rng))];
        CallRecord call = realisticCall(system_clock::now() - 345s, live);
        call.id = a.store->save(call, SaveParts{}, realisticEvents(call.startedAt));
        call.finished = true;
        call.finishedAt = system_clock::now();
        a.store->save(call, SaveParts{}, {});
        {
            std::lock_guard lock(mutex);
            done.emplace(std::pair{a.storeId, call.id}, steady_clock::now());
        }
        a.worker->wake();
        ++live;
    }
    // Let the last calls and the backlog arrive (at most a minute more).
    for (int i = 0; i < 1200 && visible < backlog + live; ++i)
        std::this_thread::sleep_for(50ms);
    const double cpu = bs.serverCpu() - cpuBefore;
    const double wall = duration<double>(steady_clock::now() - started).count();
    stop = true;
    reviewer.join();
    for (auto& a : agents)
        a.worker.reset();

    // Live calls finished while the backlog was still arriving wait behind it; the others do not.
    std::vector<double> latencies, duringCatchUp, afterCatchUp;
    int lost = 0;
    for (const auto& [key, at] : done) {
        const auto s = seen.find(key);
        if (s == seen.end()) {
            ++lost;
            continue;
        }
        const double ms = duration<double, std::milli>(s->second - at).count();
        latencies.push_back(ms);
        (backlogDrained != steady_clock::time_point{} && at > backlogDrained ? afterCatchUp : duringCatchUp)
            .push_back(ms);
    }
    const int total = static_cast<int>(seen.size());
    const long long onServer = std::stoll(admin.exec("SELECT count(*) FROM cc.calls").text(0, 0));
    const double drained = backlogDrained == steady_clock::time_point{}
                               ? wall
                               : duration<double>(backlogDrained - started).count();

    // The baseline: the same rows through one raw COPY into a plain table (no policies, no trigger).
    admin.script("CREATE TABLE copy_baseline (LIKE cc.calls INCLUDING DEFAULTS)");
    // Written and read by the server itself, in its own folder.
    const std::string csv = bs.env("CC_PG_ROOT") + "/bench-rows.csv";
    admin.exec(fmt::format("COPY (SELECT * FROM cc.calls) TO '{}' WITH (FORMAT csv)", csv));
    const auto copyStart = steady_clock::now();
    admin.exec(fmt::format("COPY copy_baseline FROM '{}' WITH (FORMAT csv)", csv));
    const double copySeconds = duration<double>(steady_clock::now() - copyStart).count();

    std::printf("\n%-44s %14s %14s\n", "", "Call Companion", "raw COPY");
    std::printf("%-44s %14d %14d\n", "calls on the server", static_cast<int>(onServer),
                static_cast<int>(onServer));
    std::printf("%-44s %14.0f %14.0f\n", "throughput, calls/s (backlog catch-up)", backlog / drained,
                static_cast<double>(onServer) / copySeconds);
    std::printf("%-44s %14.1f %14s\n", "backlog caught up in, s", drained, "-");
    std::printf("%-44s %14d %14s\n", "live calls (1 per agent per 3 min)", live, "-");
    std::printf("%-44s %14.0f %14s\n", "wrap-up done to visible, p50 ms", bench::percentile(latencies, 0.5),
                "-");
    std::printf("%-44s %14.0f %14s\n", "wrap-up done to visible, p99 ms", bench::percentile(latencies, 0.99),
                "-");
    std::printf("%-44s %14zu %14s\n", "  of them during the catch-up", duringCatchUp.size(), "-");
    std::printf("%-44s %14.0f %14s\n", "    p50 / p99 ms", bench::percentile(duringCatchUp, 0.5), "-");
    std::printf("%-44s %14.0f %14s\n", "", bench::percentile(duringCatchUp, 0.99), "");
    std::printf("%-44s %14zu %14s\n", "  of them after it", afterCatchUp.size(), "-");
    std::printf("%-44s %14.0f %14s\n", "    p50 / p99 ms", bench::percentile(afterCatchUp, 0.5), "-");
    std::printf("%-44s %14.0f %14s\n", "", bench::percentile(afterCatchUp, 0.99), "");
    std::printf("%-44s %14d %14s\n", "live calls never seen", lost, "-");
    std::printf("%-44s %14.1f %14s\n", "server CPU, % of one core (whole run)", 100.0 * cpu / wall, "-");
    std::printf("%-44s %14d %14s\n", "agents' connections, peak", maxConnections.load(), "1");
    std::printf(
        "%-44s %14.1f %14s\n", "agents' connections, mean",
        connectionSamples ? static_cast<double>(connectionSum) / static_cast<double>(connectionSamples) : 0.0,
        "1");
    std::printf("(duplicates on the server: %lld)\n",
                std::stoll(admin.exec("SELECT count(*) - count(DISTINCT uuid) FROM cc.calls").text(0, 0)));
    (void)total;

    fs::remove_all(scratch);
    fs::remove(csv);
    return lost == 0 ? 0 : 1;
}
