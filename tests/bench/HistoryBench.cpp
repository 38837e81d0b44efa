// The history window's three waits with many saved calls: the first page of the list, a filter, and a
// full-text search over the notes. Each is timed as the window does it (matching ids, then the rows of
// the first screen) next to raw SQLite doing the obvious thing (every matching row read, and LIKE over
// the note lines for the search).
//
//   history_bench [--calls N] [--runs R]      (defaults: 100000 calls, 15 runs)
#include "review/CallHistory.h"
#include "store/CallStore.h"
#include "store/Database.h"
#include "store/Migrations.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

namespace {
using Clock = std::chrono::steady_clock;
constexpr std::size_t kPage = 60; // rows the list shows without scrolling, and a little more

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

struct Figures {
    double p50, p99;
    std::size_t matches;
};

Figures time(int runs, const std::function<std::size_t()>& work) {
    std::vector<double> ms;
    std::size_t matches = work(); // warm
    for (int i = 0; i < runs; ++i) {
        const auto t0 = Clock::now();
        matches = work();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    return {percentile(ms, 0.5), percentile(ms, 0.99), matches};
}

const std::vector<std::string>& vocabulary() {
    static const std::vector<std::string> words = [] {
        std::vector<std::string> w{
            "caller",   "printer",   "offline",  "password", "reset",   "email",   "outlook",  "router",
            "modem",    "restarted", "driver",   "invoice",  "refund",  "billing", "account",  "locked",
            "verified", "escalated", "tier",     "callback", "vpn",     "laptop",  "screen",   "battery",
            "license",  "teams",     "calendar", "shared",   "mailbox", "quota",   "firewall", "wifi"};
        for (int i = 0; i < 3000; ++i)
            w.push_back("term" + std::to_string(i)); // the long tail
        return w;
    }();
    return words;
}

void generate(cc::Database& db, int calls) {
    std::mt19937 rng(42);
    std::vector<double> weights;
    for (std::size_t i = 0; i < vocabulary().size(); ++i)
        weights.push_back(1.0 / static_cast<double>(i + 1));
    std::discrete_distribution<std::size_t> word(weights.begin(), weights.end());
    const char* outcomes[] = {"resolved", "resolved", "resolved", "escalated", "callback", "referred", ""};
    const char* names[] = {"Ana Souza", "Ben Okafor", "Chen Wei", "Dana Ruiz", "Eli Cohen", "Fatima Khan"};

    cc::Transaction tx(db);
    auto call = db.prepare("INSERT INTO calls (id, started_at, finished_at, state, finished, talk_ms, "
                           "hold_ms, hold_count, wrap_ms, "
                           "caller_name, callback_number, case_number, outcome, saved_at, difficult, "
                           "training, referral_count, masked_count) "
                           "VALUES (?, ?, ?, 'idle', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto segment = db.prepare("INSERT INTO segments VALUES (?, ?, ?, ?, ?)");
    auto note = db.prepare("INSERT INTO note_lines VALUES (?, ?, ?, ?)");
    auto event =
        db.prepare("INSERT INTO events (call_id, at, offset_ms, kind, detail) VALUES (?, ?, ?, ?, ?)");
    std::int64_t t = 1'700'000'000'000; // calls spread over about two years, 8 minutes apart on average
    for (int id = 1; id <= calls; ++id) {
        t += 60'000 + static_cast<std::int64_t>(rng() % 840'000);
        const std::int64_t talk = 30'000 + rng() % 900'000, hold = (rng() % 3) ? 0 : rng() % 300'000,
                           wrap = 10'000 + rng() % 120'000;
        const bool referral = rng() % 8 == 0;
        call.bind(1, id).bind(2, t).bind(3, t + talk + hold + wrap).bind(4, talk).bind(5, hold);
        call.bind(6, hold ? 1 : 0).bind(7, wrap).bind(8, names[rng() % 6]);
        call.bind(9, "+1 555 01" + std::to_string(rng() % 100))
            .bind(10, "CASE-" + std::to_string(rng() % 50000));
        call.bind(11, outcomes[rng() % 7])
            .bind(12, t)
            .bind(13, rng() % 20 == 0 ? 1 : 0)
            .bind(14, rng() % 30 == 0 ? 1 : 0);
        call.bind(15, referral ? 1 : 0).bind(16, rng() % 200 == 0 ? 1 : 0).run();
        call.reset();
        int seq = 0;
        segment.bind(1, id).bind(2, seq++).bind(3, "talk").bind(4, t).bind(5, talk).run();
        segment.reset();
        if (hold) {
            segment.bind(1, id).bind(2, seq++).bind(3, "hold").bind(4, t + talk).bind(5, hold).run();
            segment.reset();
        }
        segment.bind(1, id).bind(2, seq++).bind(3, "wrap_up").bind(4, t + talk + hold).bind(5, wrap).run();
        segment.reset();
        const int lines = 2 + static_cast<int>(rng() % 7);
        for (int l = 0; l < lines; ++l) {
            std::string text;
            const int n = 4 + static_cast<int>(rng() % 10);
            for (int w = 0; w < n; ++w)
                text += (w ? " " : "") + vocabulary()[word(rng)];
            note.bind(1, id).bind(2, l).bind(3, t + l * 20'000).bind(4, text).run();
            note.reset();
        }
        for (const char* kind : {"started", "ended", "finished"}) {
            event.bind(1, id).bind(2, t).bind(3, 0).bind(4, kind).bind(5, "").run();
            event.reset();
        }
        if (referral) {
            event.bind(1, id).bind(2, t).bind(3, 1000).bind(4, "referral").bind(5, "Printer maker").run();
            event.reset();
        }
    }
    tx.commit();
}
} // namespace

int main(int argc, char** argv) {
    int calls = 100'000, runs = 15;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--calls") == 0)
            calls = std::atoi(argv[i + 1]);
        else if (std::strcmp(argv[i], "--runs") == 0)
            runs = std::atoi(argv[i + 1]);
    }
    const auto dir =
        std::filesystem::temp_directory_path() / ("cc-history-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    {
        cc::Database db(dir / "companion.db");
        cc::migrate(db);
        const auto g0 = Clock::now();
        generate(db, calls);
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        std::printf("%d generated calls (%.0f MB) in %.1f s\n", calls,
                    static_cast<double>(std::filesystem::file_size(dir / "companion.db")) / 1e6,
                    std::chrono::duration<double>(Clock::now() - g0).count());

        cc::Database reader(dir / "companion.db", true); // as the history window opens it
        cc::CallHistory history(reader);
        const std::int64_t monthAgo =
            1'700'000'000'000 + static_cast<std::int64_t>(calls) * 480'000 - 30LL * 86'400'000;

        auto companion = [&history](const cc::HistoryFilter& f) {
            return [&history, f] {
                const auto ids = history.find(f);
                const auto page = std::span(ids).first(std::min(kPage, ids.size()));
                return history.rows(page).size() == page.size() ? ids.size() : 0;
            };
        };
        auto raw = [&reader](std::string sql, std::vector<std::string> binds) {
            return [&reader, sql, binds] {
                auto st = reader.prepare(sql);
                for (std::size_t i = 0; i < binds.size(); ++i)
                    st.bind(static_cast<int>(i + 1), binds[i]);
                std::size_t n = 0;
                while (st.step()) {
                    for (int c = 0; c < 14; ++c)
                        (void)st.columnText(c);
                    ++n;
                }
                return n;
            };
        };
        const std::string all = std::string("SELECT ") + cc::kSummaryColumns + " FROM calls";
        struct Row {
            const char* what;
            std::function<std::size_t()> naive, ours;
        };
        cc::HistoryFilter filter;
        filter.from = cc::fromUnixMs(monthAgo);
        filter.outcome = "escalated";
        cc::HistoryFilter flagged;
        flagged.flags = cc::FlagDifficult | cc::FlagReferral;
        const std::string monthText = std::to_string(monthAgo);
        auto noteSearch = [&raw, &all](const char* word) {
            return raw(all + " WHERE id IN (SELECT call_id FROM note_lines WHERE text LIKE ?) ORDER BY "
                             "started_at DESC",
                       {std::string("%") + word + "%"});
        };
        auto text = [](const char* words) {
            cc::HistoryFilter f;
            f.text = words;
            return f;
        };
        const std::vector<Row> rows{
            {"load the list (all calls)", raw(all + " ORDER BY started_at DESC", {}), companion({})},
            {"filter: outcome + last 30 days",
             raw(all + " WHERE outcome = ? AND started_at >= ? ORDER BY started_at DESC",
                 {"escalated", monthText}),
             companion(filter)},
            {"filter: difficult + referral",
             raw(all + " WHERE difficult = 1 AND referral_count > 0 ORDER BY started_at DESC", {}),
             companion(flagged)},
            {"search: common word (printer)", noteSearch("printer"), companion(text("printer "))},
            {"search: rare word (term2500)", noteSearch("term2500"), companion(text("term2500 "))},
            {"search: two words (router modem)",
             raw(all + " WHERE id IN (SELECT call_id FROM note_lines WHERE text LIKE '%router%' AND text "
                       "LIKE '%modem%') "
                       "ORDER BY started_at DESC",
                 {}),
             companion(text("router modem "))},
            {"search: half-typed word (passw)", noteSearch("passw"), companion(text("passw"))},
        };
        std::printf("\n%-36s %9s  %-20s  %-20s\n", "", "matches", "raw SQLite p50/p99",
                    "Call Companion p50/p99");
        for (const auto& r : rows) {
            const Figures naive = time(runs, r.naive), ours = time(runs, r.ours);
            std::printf("%-36s %9zu  %7.1f / %7.1f ms    %7.1f / %7.1f ms\n", r.what, ours.matches, naive.p50,
                        naive.p99, ours.p50, ours.p99);
        }
        std::printf(
            "\nCall Companion: the matching ids, then the first %zu rows (the list reads the rest as it\n"
            "scrolls). Raw SQLite: every matching row read; LIKE over the note lines for search.\n",
            kPage);
    }
    std::filesystem::remove_all(dir);
    return 0;
}
