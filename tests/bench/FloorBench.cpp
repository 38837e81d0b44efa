// The floor under load: 500 agents publishing their state about once a minute each, with a burst of 200
// changes in a second every 15 s, watched by their lead through the app's FloorWatcher. Prints the time
// from a change to the lead's view (p50/p99) and the server's CPU, with a raw UPDATE of the same rows.
//
//   floor_bench --server DIR [--agents 500] [--seconds 60]
//
// DIR is a running tests/server/cluster.sh folder. The changes are sent by 16 connections that take
// each agent's role in turn (SET ROLE): row-level security sees the agent, the server sees 16 clients.
#include "BenchServer.h"
#include "core/Clock.h"
#include "sync/Floor.h"
#include "sync/PgConnection.h"
#include "sync/ServerSchema.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace cc;
using namespace std::chrono;
namespace fs = std::filesystem;

namespace {
constexpr FloorState kCycle[] = {FloorState::Talking, FloorState::OnHold, FloorState::Talking,
                                 FloorState::WrapUp, FloorState::Idle};
} // namespace

int main(int argc, char** argv) {
    fs::path dir;
    int agents = 500, seconds = 60;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--server")
            dir = argv[i + 1];
        else if (a == "--agents")
            agents = std::atoi(argv[i + 1]);
        else if (a == "--seconds")
            seconds = std::atoi(argv[i + 1]);
    }
    if (dir.empty()) {
        std::fprintf(stderr,
                     "usage: floor_bench --server DIR (a tests/server/cluster.sh folder) [--agents N] "
                     "[--seconds N]\n");
        return 2;
    }
    bench::BenchServer bs(dir, "cc_floor_bench", agents, true);
    PgConnection& admin = bs.admin();

    // What each agent last published, and when: the lead's view is timed against it.
    std::mutex mutex;
    std::vector<std::pair<FloorState, steady_clock::time_point>> sent(static_cast<std::size_t>(agents));
    std::vector<bool> seenIt(static_cast<std::size_t>(agents), true);
    std::vector<double> latencies;
    std::atomic<long long> reads{0};
    auto watcher = std::make_unique<FloorWatcher>(
        bs.config("lee"),
        [&](const FloorView& view) {
            const auto now = steady_clock::now();
            ++reads;
            std::lock_guard lock(mutex);
            for (const auto& row : view.agents) {
                const int i = std::atoi(row.agent.c_str() + std::string("bench_agent_").size()) - 1;
                if (i < 0 || i >= agents) continue;
                auto& [state, at] = sent[static_cast<std::size_t>(i)];
                if (!seenIt[static_cast<std::size_t>(i)] && row.state == state) {
                    seenIt[static_cast<std::size_t>(i)] = true;
                    latencies.push_back(duration<double, std::milli>(now - at).count());
                }
            }
        },
        [](const std::string& problem) { std::fprintf(stderr, "watcher: %s\n", problem.c_str()); });
    std::this_thread::sleep_for(1s);

    const double cpuBefore = bs.serverCpu();
    const auto start = steady_clock::now();
    const auto end = start + std::chrono::seconds(seconds);
    std::atomic<long long> changes{0}, publishUs{0};
    constexpr int kSenders = 16;
    std::vector<std::thread> senders;
    for (int t = 0; t < kSenders; ++t)
        senders.emplace_back([&, t] {
            PgConnection c(bs.config("ccadmin"));
            std::mt19937 rng(static_cast<unsigned>(t) + 1);
            // Each sender's agents change state about once a minute each, in a Poisson stream, and every
            // 15 s all senders together make a burst of 200 changes within a second.
            const int mine = (agents + kSenders - 1 - t) / kSenders;
            std::exponential_distribution<double> gap(mine / 60.0);
            std::uniform_int_distribution<int> pick(0, mine - 1);
            std::vector<int> step(static_cast<std::size_t>(mine), 0);
            auto next = steady_clock::now();
            int burstDone = 0;
            while (steady_clock::now() < end) {
                const int burst = static_cast<int>(
                    duration_cast<std::chrono::seconds>(steady_clock::now() - start).count() / 15);
                int count = 1;
                if (burst > burstDone) {
                    burstDone = burst;
                    count = 200 / kSenders;
                } else {
                    next += duration_cast<steady_clock::duration>(duration<double>(gap(rng)));
                    std::this_thread::sleep_until(std::min(next, end));
                    if (next >= end) break;
                }
                for (int k = 0; k < count; ++k) {
                    const int local = pick(rng);
                    const int agent = t + local * kSenders;
                    if (agent >= agents) continue;
                    const FloorState state = kCycle[step[static_cast<std::size_t>(local)]++ % 5];
                    {
                        std::lock_guard lock(mutex);
                        sent[static_cast<std::size_t>(agent)] = {state, steady_clock::now()};
                        seenIt[static_cast<std::size_t>(agent)] = false;
                    }
                    c.exec(fmt::format("SET ROLE bench_agent_{}", agent + 1));
                    const auto t0 = steady_clock::now();
                    publishState(c, {state, 0ms, std::nullopt, 0ms});
                    publishUs += duration_cast<microseconds>(steady_clock::now() - t0).count();
                    c.exec("RESET ROLE");
                    ++changes;
                }
            }
        });
    for (auto& s : senders)
        s.join();
    std::this_thread::sleep_for(2s); // the last changes reach the lead
    watcher.reset();
    const double wall = duration<double>(steady_clock::now() - start).count();
    const double cpu = bs.serverCpu() - cpuBefore;

    // The baseline: the same number of raw UPDATEs of one row each, one connection, no policy or trigger.
    admin.script("CREATE TABLE raw_state AS SELECT agent, state, since FROM cc.agent_state");
    const auto rawStart = steady_clock::now();
    for (long long i = 0; i < std::min(changes.load(), 5000LL); ++i)
        admin.exec("UPDATE raw_state SET state = $1, since = now() WHERE agent = $2",
                   {std::string(wordOf(kCycle[i % 5])), fmt::format("bench_agent_{}", i % agents + 1)});
    const double rawMs = duration<double, std::milli>(steady_clock::now() - rawStart).count() /
                         static_cast<double>(std::min(changes.load(), 5000LL));

    std::lock_guard lock(mutex);
    int missed = 0;
    for (std::size_t i = 0; i < seenIt.size(); ++i)
        missed += !seenIt[i];
    std::printf(
        "floor_bench: %d agents, %d s, %lld state changes (%.1f/s on average, bursts of 200 every 15 s)\n\n",
        agents, seconds, changes.load(), static_cast<double>(changes.load()) / seconds);
    std::printf("%-44s %14s %14s\n", "", "Call Companion", "raw UPDATE");
    std::printf("%-44s %14.0f %14s\n", "change to the lead's view, p50 ms", bench::percentile(latencies, 0.5),
                "-");
    std::printf("%-44s %14.0f %14s\n", "change to the lead's view, p99 ms",
                bench::percentile(latencies, 0.99), "-");
    std::printf("%-44s %14.0f %14s\n", "change to the lead's view, max ms", bench::percentile(latencies, 1.0),
                "-");
    // An agent who changes again before the lead's next read is timed on the later change only.
    std::printf("%-44s %14zu %14s\n", "changes timed", latencies.size(), "-");
    std::printf("%-44s %14d %14s\n", "last changes never seen", missed, "-");
    std::printf("%-44s %14lld %14s\n", "lead's re-reads of the floor", reads.load(), "-");
    std::printf("%-44s %14.2f %14.2f\n", "one change, its statement's round trip, avg ms",
                static_cast<double>(publishUs.load()) / 1000.0 /
                    static_cast<double>(std::max(1LL, changes.load())),
                rawMs);
    std::printf("%-44s %14.1f %14s\n", "server CPU, % of one core", 100.0 * cpu / wall, "-");
    return missed == 0 ? 0 : 1;
}
