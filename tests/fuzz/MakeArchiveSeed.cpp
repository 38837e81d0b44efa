// Writes a small, real call archive (one call made through CallSession) for the archive fuzzer's seeds:
//   make_archive_seed OUT
#include "review/CallArchive.h"
#include "session/CallSession.h"
#include "store/Database.h"
#include "store/Migrations.h"

#include <cstdio>
#include <filesystem>

namespace {
class Quiet final : public cc::UserServices {
public:
    void notify(Level, const std::string&) override {}
};
class StepClock final : public cc::Clock {
public:
    cc::SteadyTime steadyNow() const override { return steady_; }
    cc::WallTime wallNow() const override {
        return cc::WallTime{} + std::chrono::hours(490'000) + (steady_ - cc::SteadyTime{});
    }
    void advance(cc::Duration d) { steady_ += d; }

private:
    cc::SteadyTime steady_{};
};
} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fputs("usage: make_archive_seed OUT\n", stderr);
        return 2;
    }
    const std::filesystem::path out(argv[1]);
    const std::filesystem::path source = out.string() + ".source.db";
    std::filesystem::remove(source);
    {
        cc::Database db(source);
        cc::migrate(db);
        cc::CallStore store(db);
        StepClock clock;
        Quiet quiet;
        cc::CallSession session(clock, store, quiet);
        session.start();
        session.setFields(cc::CallFields{"Ana Souza", "+1 555 0100", "CASE-1", "printer", "resolved"});
        clock.advance(std::chrono::seconds(20));
        session.setNotes("Printer offline after the update");
        session.toggleHold();
        clock.advance(std::chrono::seconds(30));
        session.toggleHold();
        session.recordReferral("Printer maker support");
        session.recordEvent(cc::EventKind::PromptShown, {"Acknowledge the feeling first"});
        session.end();
        session.finishWrapUp();
    }
    std::filesystem::remove(out);
    cc::writeArchive(source, std::vector<std::int64_t>{1}, cc::ArchiveInfo{"Ana Agent", "", {}, 0, "seed"},
                     out);
    std::filesystem::remove(source);
    std::printf("%s: %ju bytes\n", out.c_str(), static_cast<std::uintmax_t>(std::filesystem::file_size(out)));
    return 0;
}
