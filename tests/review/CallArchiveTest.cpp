#include "review/CallArchive.h"

#include "review/CallExport.h"
#include "review/CallHistory.h"
#include "review/ReviewFixture.h"
#include "review/ReviewTimeline.h"
#include "store/Database.h"
#include "store/Migrations.h"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

using namespace cc;
using namespace std::chrono_literals;

namespace {
std::string bytesOf(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const std::filesystem::path& p, std::string_view bytes) {
    std::ofstream(p, std::ios::binary) << bytes;
}

void checkSameCall(const CallRecord& got, const CallRecord& want) {
    CHECK(got.id == want.id);
    CHECK(got.startedAt == want.startedAt);
    CHECK(got.finishedAt == want.finishedAt);
    CHECK(got.finished == want.finished);
    CHECK(got.fields == want.fields);
    CHECK(got.segments == want.segments);
    CHECK(got.notes == want.notes);
    CHECK(got.events == want.events);
    CHECK(got.transfers == want.transfers);
    CHECK(got.maskedCount == want.maskedCount);
    CHECK(got.difficult == want.difficult);
}

ArchiveInfo info(const test::ReviewFixture& f) {
    return ArchiveInfo{"Ana Agent", "", f.clock.wallNow(), 0, "test"};
}
} // namespace

TEST_CASE("export round trip: an archive opened on another machine holds the same calls, read-only") {
    test::ReviewFixture f;
    const auto a = f.call("Ana", "Printer offline", "resolved");
    f.clock.advance(1h);
    const auto b = f.call("Ben", "Mailbox full, card 4111 1111 1111 1111", "escalated");
    f.clock.advance(1h);
    const auto left = f.call("Cy", "Not in the archive", "resolved");
    f.store.startBreak(f.clock.wallNow(), "after a difficult call");
    const std::string storeId = CallHistory(f.db).storeId();

    const auto out = f.dir.path() / "ana.ccarchive";
    const std::vector<std::int64_t> ids{b, a};
    writeArchive(f.path, ids, info(f), out);
    CHECK_FALSE(std::filesystem::exists(out.string() + ".partial"));
#ifndef _WIN32 // on Windows the file takes its folder's access
    CHECK((std::filesystem::status(out).permissions() & std::filesystem::perms::all) ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
#endif

    const std::string before = bytesOf(out);
    {
        OpenedArchive opened = openArchive(out);
        CHECK(opened.info.agent == "Ana Agent");
        CHECK(opened.info.storeId == storeId); // reviews of these calls stay with the agent's own store
        CHECK(opened.info.calls == 2);
        CHECK(opened.info.exportedAt == f.clock.wallNow());

        CallHistory history(*opened.db);
        CHECK(history.find({}) == std::vector<std::int64_t>{b, a});
        CHECK(history.find({.text = "mailbox"}) == std::vector<std::int64_t>{b});
        checkSameCall(history.load(a), f.store.load(a));
        checkSameCall(history.load(b), f.store.load(b));
        CHECK_THROWS_AS(history.load(left), std::out_of_range);
        CHECK(opened.db->scalar("SELECT count(*) FROM breaks") == 0);     // the agent's break log stays home
        CHECK(opened.db->scalar("SELECT count(*) FROM kb_entries") == 0); // and so does the knowledge base
        // The masked card number is all the archive could ever have held.
        CHECK(before.find("4111 1111 1111 1111") == std::string::npos);
        CHECK(before.find("4111111111111111") == std::string::npos);

        // Review reads everything a reviewer can see: list, search, timeline, export.
        for (const auto id : history.find({}))
            buildTimeline(history.load(id));
        std::ostringstream html;
        CallExporter(history, {}).writeHtml(history.find({}), html);

        CHECK_THROWS_AS(opened.db->exec("UPDATE note_lines SET text = 'changed'"), DbError);
        CHECK_THROWS_AS(opened.db->exec("DELETE FROM calls"), DbError);
    }
    CHECK(bytesOf(out) == before);
}

TEST_CASE("review cannot modify the agent's own calls") {
    test::ReviewFixture f;
    const auto id = f.call("Ana", "Printer offline", "resolved");
    auto dump = [&f] {
        std::string all;
        for (const char* q :
             {"SELECT group_concat(text, '|') FROM note_lines", "SELECT group_concat(kind, '|') FROM events",
              "SELECT group_concat(caller_name || outcome || talk_ms, '|') FROM calls"}) {
            auto st = f.db.prepare(q);
            st.step();
            all += st.columnText(0) + "\n";
        }
        return all;
    };
    const std::string before = dump();
    Database reader(f.path, true); // how the history window opens the agent's store
    CallHistory history(reader);
    const CallRecord call = history.load(id);
    buildTimeline(call);
    CHECK_THROWS_AS(reader.exec("UPDATE note_lines SET text = 'rewritten by review'"), DbError);
    CHECK_THROWS_AS(reader.exec("INSERT INTO events (call_id, at, offset_ms, kind) VALUES (1, 0, 0, 'x')"),
                    DbError);
    CHECK(dump() == before);
}

TEST_CASE("a file that is not a sound archive is refused with a message naming it") {
    test::ReviewFixture f;
    f.call("Ana", "Printer offline", "resolved");
    const auto dir = f.dir.path();

    auto refusal = [](const std::filesystem::path& p) {
        try {
            openArchive(p);
        } catch (const ArchiveError& e) {
            return std::string(e.what());
        }
        return std::string("opened");
    };
    CHECK(refusal(dir / "missing.ccarchive") ==
          (dir / "missing.ccarchive").string() +
              " cannot be opened as a call archive: there is no such file");
    writeBytes(dir / "notes.txt", "Just some notes, not a database at all.\n");
    CHECK(refusal(dir / "notes.txt").find("damaged or not a database") != std::string::npos);
    CHECK(refusal(f.path).find("not a Call Companion archive") != std::string::npos); // the agent's own store

    const auto good = dir / "good.ccarchive";
    writeArchive(f.path, CallHistory(f.db).find({}), info(f), good);
    const std::string bytes = bytesOf(good);
    SUBCASE("cut short") {
        writeBytes(dir / "short.ccarchive", std::string_view(bytes).substr(0, bytes.size() / 2));
        CHECK(refusal(dir / "short.ccarchive") != "opened");
    }
    SUBCASE("pages overwritten") {
        std::string broken = bytes;
        for (std::size_t i = 4096; i < broken.size(); i += 7)
            broken[i] = static_cast<char>(i * 31);
        writeBytes(dir / "broken.ccarchive", broken);
        CHECK(refusal(dir / "broken.ccarchive") != "opened");
    }
}

TEST_CASE("an archive that cannot be written leaves nothing behind and says where") {
    test::ReviewFixture f;
    f.call("Ana", "Printer offline", "resolved");
    const auto out = f.dir.path() / "no-such-folder" / "a.ccarchive";
    try {
        writeArchive(f.path, CallHistory(f.db).find({}), info(f), out);
        FAIL("no error");
    } catch (const ArchiveError& e) {
        CHECK(std::string(e.what()).find(out.string()) != std::string::npos);
    }
    CHECK_FALSE(std::filesystem::exists(out.string() + ".partial"));
}

TEST_CASE("an archive written by the version before is read through an up-to-date copy, and the file is not "
          "written") {
    test::ReviewFixture f;
    const auto dir = f.dir.path();
#ifdef _WIN32
    const auto old = dir / "old, 100% #1&.ccarchive"; // a name that must be escaped in a URI ("?" is not
                                                      // allowed in a Windows file name)
#else
    const auto old = dir / "old, 100% #1?.ccarchive"; // a name that must be escaped in a URI
#endif
    {
        Database db(old);
        db.exec("PRAGMA journal_mode=DELETE");
        const auto steps = schemaMigrations();
        migrate(db, steps.first(steps.size() - 1));
        db.exec(fmt::format("PRAGMA application_id = {}", kArchiveApplicationId));
        db.exec("INSERT INTO calls (id, started_at, state, finished, saved_at, caller_name) "
                "VALUES (7, 0, 'finished', 1, 0, 'Ana')");
        db.exec("INSERT INTO note_lines (call_id, line_no, at, text) VALUES (7, 0, 0, 'Printer offline')");
        db.exec("INSERT INTO events (call_id, at, offset_ms, kind, detail) VALUES "
                "(7, 0, 0, 'started', ''), (7, 0, 4000, 'prompt', 'dismissed: Empathy')");
        db.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('store_id', 'abc'), "
                "('archive_agent', 'Ana Agent'), ('archive_exported_at', '1000')");
    }
    const std::string before = bytesOf(old);
    std::filesystem::path copy;
    {
        OpenedArchive archive = openArchive(old);
        REQUIRE(archive.upgradedCopy);
        copy = archive.upgradedCopy->path;
        CHECK(std::filesystem::exists(copy));
        CHECK(archive.info.agent == "Ana Agent");
        CHECK(archive.info.storeId == "abc");
        CHECK(archive.info.calls == 1);
        CallHistory history(*archive.db);
        const CallRecord call = history.load(7);
        CHECK(call.fields.callerName == "Ana");
        REQUIRE(call.events.size() == 2);
        CHECK(call.events[1].kind == EventKind::PromptDismissed);
        CHECK(call.events[1].facts == std::vector<std::string>{"Empathy"});
        // The notes index was filled for the copy: the history's search finds the call.
        HistoryFilter words;
        words.text = "printer";
        CHECK(history.find(words) == std::vector<std::int64_t>{7});
    }
    CHECK_FALSE(std::filesystem::exists(copy)); // gone with the archive
    CHECK(bytesOf(old) == before);
}

TEST_CASE("an archive leaves the agent's private events at home: a wellbeing prompt is not in it") {
    test::ReviewFixture f;
    const auto id = f.call("Ana", "Shouted throughout", "resolved");
    // The after-call prompt's events, as the prompt monitor records them for a difficult call.
    TimelineEvent shown{f.clock.wallNow(), 90s, EventKind::PromptShown, {"Take a few minutes"}};
    shown.personal = true;
    CallRecord call = f.store.load(id);
    const std::vector<TimelineEvent> events{shown};
    f.store.save(call, SaveParts{}, events);
    REQUIRE(f.db.scalar("SELECT count(*) FROM events WHERE private = 1") == 1);

    const auto out = f.dir.path() / "ana.ccarchive";
    const std::vector<std::int64_t> ids{id};
    writeArchive(f.path, ids, info(f), out);
    OpenedArchive opened = openArchive(out);
    CHECK(opened.db->scalar("SELECT count(*) FROM events WHERE private = 1") == 0);
    CHECK(opened.db->scalar("SELECT count(*) FROM events") ==
          f.db.scalar("SELECT count(*) FROM events WHERE private = 0"));
    CHECK(bytesOf(out).find("Take a few minutes") == std::string::npos);
}
