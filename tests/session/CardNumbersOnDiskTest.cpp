// PCI DSS: card numbers typed into notes and fields go through the real save path (CallSession ->
// CallStore -> SQLite in WAL mode on disk), and then the raw bytes of every file in the data folder are
// searched for them.
#include "review/CallExport.h"
#include "review/CallHistory.h"
#include "session/CallSession.h"
#include "store/DataDir.h"
#include "store/Database.h"
#include "support/FakeClock.h"
#include "support/RecordingServices.h"
#include "support/TempDir.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

using namespace cc;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {
const std::vector<std::string> kCards{"4111111111111111", "5555555555554444",   "378282246310005",
                                      "6011111111111117", "3530111333300000",   "30569309025904",
                                      "4222222222222",    "6304000000000000018"};

// The same number as an agent might type it: grouped by 4 with spaces, dashes, dots, or not at all.
std::string spaced(const std::string& digits, char sep) {
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && i % 4 == 0 && sep) out += sep;
        out += digits[i];
    }
    return out;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
}
} // namespace

TEST_CASE(
    "no card number typed in notes or fields is found in any file of the data folder or in any export") {
    test::TempDir tmp;
    test::FakeClock clock;
    test::RecordingServices services;
    const DataDir dir(tmp.path() / "data");
    auto opened = dir.open(clock.wallNow());
    CallStore store(*opened.db);
    CallSession session(clock, store, services);

    std::vector<std::string> typed;
    for (const auto& card : kCards)
        for (char sep : {'\0', ' ', '-', '.'})
            typed.push_back(spaced(card, sep));

    session.start();
    std::string notes;
    int n = 0;
    for (const auto& t : typed) {
        // Typed a character at a time, as in the editor, with autosaves in between.
        const std::string line = "Caller read card " + t + " expiry 12/27";
        for (std::size_t i = 1; i <= line.size(); ++i) {
            session.setNotes(notes + line.substr(0, i));
            clock.advance(120ms);
            session.tick();
        }
        notes += line + "\n";
        session.setNotes(notes);
        CallFields f = session.fields();
        f.reason = "Card " + t + " CVV 737";
        f.caseNumber = t;
        session.setFields(f);
        clock.advance(1s);
        session.tick();
        if (++n % 8 == 0) opened.db->exec("PRAGMA wal_checkpoint(PASSIVE)");
    }
    session.end();
    session.finishWrapUp();
    CHECK(session.flush());

    CHECK(store.load(store.callsSince(clock.wallNow() - 24h).at(0).id).maskedCount > 0);
    CHECK(std::any_of(services.messages.begin(), services.messages.end(), [](const auto& m) {
        return m.text.find("Masked a card number") != std::string::npos;
    }));

    // Every export a reviewer can make of the call lands beside them: CSV, JSON, HTML and an archive.
    fs::create_directories(tmp.path() / "exports");
    CallHistory history(*opened.db);
    const auto ids = history.find({});
    for (const auto format :
         {ExportFormat::Csv, ExportFormat::Json, ExportFormat::Html, ExportFormat::Archive})
        exportCalls(history, dir.databasePath(), ids, format, ExportContext{"Agent", "", clock.wallNow(), {}},
                    tmp.path() / "exports" / ("calls." + std::string(nameOf(format))));

    // Every file, the database, its WAL and shared memory included, byte by byte. The digit runs we
    // look for are the first 12 digits: no more than a card's last four may ever be kept.
    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(tmp.path())) {
        if (!entry.is_regular_file()) continue;
        ++files;
        const std::string bytes = slurp(entry.path());
        for (const auto& t : typed) {
            const std::string where = entry.path().string() + " holds " + t;
            CHECK_MESSAGE(bytes.find(t) == std::string::npos, where);
        }
        for (const auto& card : kCards) {
            const std::string where = entry.path().string() + " holds the start of " + card;
            CHECK_MESSAGE(bytes.find(card.substr(0, 12)) == std::string::npos, where);
        }
        CHECK(bytes.find("737") == std::string::npos);
    }
    CHECK(files >= 6); // companion.db and companion.db-wal at least, and the four exports
}
