// The cost of one autosave commit (the real save path: CallSession -> CallStore, WAL, synchronous=FULL)
// next to a raw SQLite WAL commit of the same number of bytes, for a short and a long note.
//
//   autosave_bench [--commits N]
#include "core/Clock.h"
#include "core/UserServices.h"
#include "session/CallSession.h"
#include "store/CallStore.h"
#include "store/DataDir.h"
#include "store/Database.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace {
using Clock = std::chrono::steady_clock;

class QuietServices final : public cc::UserServices {
public:
    void notify(Level, const std::string& message) override { std::fprintf(stderr, "%s\n", message.c_str()); }
};

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

std::string makeNote(int words) {
    static const char* vocab[] = {"caller",  "reports",  "printer", "offline", "restarted",
                                  "spooler", "checked",  "driver",  "version", "network",
                                  "cable",   "replaced", "works",   "now"};
    std::string text;
    for (int i = 0; i < words; ++i) {
        text += vocab[i % 14];
        text += (i % 12 == 11) ? '\n' : ' ';
    }
    return text;
}

struct Figures {
    double p50, p99;
};

Figures companion(const std::filesystem::path& dir, const std::string& note, int commits) {
    cc::SystemClock clock;
    auto opened = cc::DataDir(dir).open(clock.wallNow());
    cc::CallStore store(*opened.db);
    QuietServices services;
    cc::CallSession session(clock, store, services);
    session.start();
    std::string text = note;
    std::vector<double> ms;
    for (int i = 0; i < commits; ++i) {
        text += 'x'; // one keystroke at the end of the note
        session.setNotes(text);
        const auto t0 = Clock::now();
        session.flush();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    return {percentile(ms, 0.5), percentile(ms, 0.99)};
}

Figures rawSqlite(const std::filesystem::path& file, std::size_t bytes, int commits) {
    cc::Database db(file); // WAL + synchronous=FULL, as the store
    db.exec("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, body TEXT)");
    const std::string payload(bytes, 'n');
    std::vector<double> ms;
    auto st = db.prepare("INSERT OR REPLACE INTO t (id, body) VALUES (1, ?)");
    for (int i = 0; i < commits; ++i) {
        const auto t0 = Clock::now();
        db.exec("BEGIN IMMEDIATE");
        st.bind(1, payload).run();
        st.reset();
        db.exec("COMMIT");
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    return {percentile(ms, 0.5), percentile(ms, 0.99)};
}
} // namespace

int main(int argc, char** argv) {
    int commits = 300;
    for (int i = 1; i + 1 < argc; i += 2)
        if (std::string(argv[i]) == "--commits") commits = std::max(1, std::atoi(argv[i + 1]));
    std::string tmpl = (std::filesystem::temp_directory_path() / "cc-autosave-XXXXXX").string();
    const std::filesystem::path dir = ::mkdtemp(tmpl.data());

    std::printf("One autosave commit (WAL, synchronous=FULL), %d commits each, in %s\n", commits,
                dir.c_str());
    std::printf("%-26s %22s %22s\n", "", "raw SQLite p50 / p99", "companion p50 / p99");
    for (int words : {60, 5000}) {
        const std::string note = makeNote(words);
        const Figures raw = rawSqlite(dir / ("raw-" + std::to_string(words) + ".db"), note.size(), commits);
        const Figures app = companion(dir / ("app-" + std::to_string(words)), note, commits);
        char label[64];
        std::snprintf(label, sizeof label, "%d-word note (%zu B)", words, note.size());
        std::printf("%-26s %9.3f / %6.3f ms %9.3f / %6.3f ms\n", label, raw.p50, raw.p99, app.p50, app.p99);
    }
    std::filesystem::remove_all(dir);
    return 0;
}
