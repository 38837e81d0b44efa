#include "review/CallExport.h"

#include "review/CallHistory.h"
#include "review/ReviewFixture.h"

#include <atomic>
#include <doctest/doctest.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace cc;
using namespace std::chrono_literals;

TEST_CASE("calls export to CSV, JSON and a printable HTML report with their timelines") {
    test::ReviewFixture f;
    const auto a = f.call("Ana", "Printer offline\n=cmd|' /C calc'!A0", "resolved");
    f.clock.advance(1h);
    const auto b = f.call("Ben <b>", "Mailbox \"full\", asked for Tier 2", "escalated");
    CallHistory history(f.db);
    ExportContext context{"Ana Agent", "one day", f.clock.wallNow(), [](std::string_view id) {
                              return id == "resolved" ? "Resolved on the call" : std::string(id);
                          }};
    CallExporter exporter(history, context);
    const std::vector<std::int64_t> ids{b, a};

    SUBCASE("CSV: a header and one row a call, quoted, with formulas kept as text") {
        std::ostringstream out;
        exporter.writeCsv(ids, out);
        const std::string csv = out.str();
        CHECK(csv.rfind("id,started,finished,talk_s,hold_s,holds,wrap_up_s,handle_s,caller_name,", 0) == 0);
        CHECK(csv.find("\"Ben <b>\"") != std::string::npos);
        CHECK(csv.find("\"Mailbox \"\"full\"\", asked for Tier 2\"") != std::string::npos);
        CHECK(csv.find("\"Resolved on the call\"") != std::string::npos);
        CHECK(csv.find("\"60.0\",\"20.0\",\"1\",\"30.0\",\"110.0\"") != std::string::npos);
        CHECK(csv.find("\"referral given\"") != std::string::npos);
        // A note line starting with '=' stays inside its quoted cell: the notes cell starts with "Printer".
        CHECK(csv.find("\"Printer offline\n=cmd|' /C calc'!A0\"") != std::string::npos);
        CHECK(csvCell("=1+1") == "\"'=1+1\"");
        CHECK(csvCell("+1 555 0100") == "\"'+1 555 0100\"");
        CHECK(csvCell("plain") == "\"plain\"");
    }
    SUBCASE("JSON: every detail of every call, parseable") {
        std::ostringstream out;
        exporter.writeJson(ids, out);
        const auto doc = nlohmann::json::parse(out.str());
        CHECK(doc["format"] == "call-companion-export");
        CHECK(doc["agent"] == "Ana Agent");
        REQUIRE(doc["calls"].size() == 2);
        const auto& first = doc["calls"][0];
        CHECK(first["id"] == b);
        CHECK(first["caller_name"] == "Ben <b>");
        CHECK(first["hold_ms"] == 20000);
        CHECK(first["notes"][0]["text"] == "Mailbox \"full\", asked for Tier 2");
        CHECK(doc["calls"][1]["outcome_label"] == "Resolved on the call");
        bool referral = false;
        for (const auto& e : first["events"])
            referral |= e["kind"] == "referral";
        CHECK(referral);
    }
    SUBCASE("JSON of no calls is still a document") {
        std::ostringstream out;
        exporter.writeJson({}, out);
        CHECK(nlohmann::json::parse(out.str())["calls"].empty());
    }
    SUBCASE("HTML: escaped, with the timeline bar and the events in order") {
        std::ostringstream out;
        exporter.writeHtml(ids, out);
        const std::string html = out.str();
        CHECK(html.find("<title>Call Companion: calls of Ana Agent</title>") != std::string::npos);
        CHECK(html.find("Ben &lt;b&gt;") != std::string::npos);
        CHECK(html.find("Ben <b>") == std::string::npos);
        CHECK(html.find("bgcolor=\"#e08a1e\"") != std::string::npos); // the hold segment on the bar
        const auto started = html.find("Call started", html.find("id=\"call-" + std::to_string(b)));
        const auto held = html.find("Caller put on hold", started);
        const auto referral = html.find("Referral given", held);
        const auto finished = html.find("Wrap-up done", referral);
        CHECK(started != std::string::npos);
        CHECK(held != std::string::npos);
        CHECK(referral != std::string::npos);
        CHECK(finished != std::string::npos);
        CHECK(html.find("href=\"#call-" + std::to_string(a) + "\"") != std::string::npos);
    }
}

TEST_CASE("a printed review shows the scores, the critical fails and the pinned comments") {
    test::ReviewFixture f;
    const auto id = f.call("Ana", "Printer offline", "resolved");
    CallHistory history(f.db);
    Scorecard card{"qa",
                   "QA form",
                   80,
                   {{"greeting", "Greeting", "", 1, 5}, {"hold", "Hold", "", 1, 5}},
                   {{"pci", "Card number read back", ""}}};
    ScoreSheet sheet;
    sheet.reviewer = "Dana <QA>";
    sheet.scores = {{"greeting", 4}};
    sheet.notApplicable = {{"hold", true}};
    sheet.criticalFailed = {{"pci", true}};
    sheet.comments = {{25s, "Read the card back here"}};
    const std::string html = CallExporter(history, {}).htmlOf(history.load(id), sheet.comments) +
                             scorecardHtml(card, sheet, score(card, sheet));
    CHECK(html.find("<font color=\"#c03030\">Read the card back here</font>") != std::string::npos);
    CHECK(html.find("reviewed by Dana &lt;QA&gt;") != std::string::npos);
    CHECK(html.find("<td>Greeting</td><td>1</td><td>4 / 5</td>") != std::string::npos);
    CHECK(html.find("<td>Hold</td><td>1</td><td>N/A</td>") != std::string::npos);
    CHECK(html.find("<b>Critical fail:</b> Card number read back") != std::string::npos);
    CHECK(html.find("<b>Score 80% (final 0%, pass mark 80%): not passed</b>") != std::string::npos);
}

TEST_CASE("the HTML export carries each call's reviews: scores, summary and pinned comments") {
    // Regression: the exported report held the call only; the reviewer's work was in no export.
    test::ReviewFixture f;
    const auto reviewed = f.call("Ana", "Printer offline", "resolved");
    const auto other = f.call("Ben", "Lost card", "resolved");
    CallHistory history(f.db);
    ScorecardLibrary cards;
    cards.cards.push_back(Scorecard{"qa", "QA form", 80, {{"greeting", "Greeting", "", 1, 5}}, {}});
    ScoreSheet sheet;
    sheet.reviewer = "Dana";
    sheet.scorecardId = "qa";
    sheet.scores = {{"greeting", 5}};
    sheet.summary = "Warm and clear throughout.";
    sheet.comments = {{5s, "Good greeting"}};
    ExportContext context;
    context.scorecards = &cards;
    context.reviewsOf = [&](std::int64_t id) {
        return id == reviewed ? std::vector<ScoreSheet>{sheet} : std::vector<ScoreSheet>{};
    };
    std::ostringstream out;
    const std::vector<std::int64_t> ids{reviewed, other};
    CallExporter(history, context).writeHtml(ids, out);
    const std::string html = out.str();
    CHECK(html.find("QA form · reviewed by Dana") != std::string::npos);
    CHECK(html.find("<td>Greeting</td><td>1</td><td>5 / 5</td>") != std::string::npos);
    CHECK(html.find("Warm and clear throughout.") != std::string::npos);
    CHECK(html.find("Good greeting") != std::string::npos);
    CHECK(html.find("reviewed by", html.find("id=\"call-" + std::to_string(other))) == std::string::npos);
}

TEST_CASE("an export never overwrites the database it reads") {
    test::ReviewFixture f;
    f.call("Ana", "Printer offline", "resolved");
    CallHistory history(f.db);
    const auto ids = history.find({});
    const auto before = std::filesystem::file_size(f.path);
    for (const auto format : {ExportFormat::Csv, ExportFormat::Archive}) {
        CHECK_THROWS_WITH(
            exportCalls(history, f.path, ids, format, {}, f.path),
            ("Cannot write " + f.path.string() + ": it is the database the calls come from").c_str());
    }
    CHECK(std::filesystem::file_size(f.path) == before);
    CHECK(history.find({}) == ids);
}

TEST_CASE("export formats are named as on the command line") {
    CHECK(exportFormatFromName("csv") == ExportFormat::Csv);
    CHECK(exportFormatFromName("archive") == ExportFormat::Archive);
    CHECK_FALSE(exportFormatFromName("pdf"));
    CHECK(nameOf(ExportFormat::Html) == "html");
}

TEST_CASE("an export reports each call written, and a cancel leaves the old file as it was") {
    test::ReviewFixture f;
    for (int i = 0; i < 5; ++i)
        f.call("Caller " + std::to_string(i), "Printer offline", "resolved");
    CallHistory history(f.db);
    const auto ids = history.find({});
    const auto out = std::filesystem::path(f.path.string() + "-report.html");
    {
        std::ofstream old(out);
        old << "last week's report";
    }
    std::atomic<bool> cancel{false};
    std::vector<std::size_t> seen;
    const Progress progress{[&](std::size_t done, std::size_t total) {
                                CHECK(total == ids.size());
                                seen.push_back(done);
                                if (done == 2) cancel = true; // the reviewer pressed Cancel
                            },
                            &cancel};
    CHECK_THROWS_AS(exportCalls(history, f.path, ids, ExportFormat::Html, {}, out, progress), Cancelled);
    CHECK(seen == std::vector<std::size_t>{0, 1, 2});
    {
        std::ifstream kept(out); // closed again before the next export: Windows replaces no open file
        CHECK(std::string(std::istreambuf_iterator<char>(kept), {}) == "last week's report");
    }
    CHECK_FALSE(std::filesystem::exists(out.string() + ".partial"));

    seen.clear();
    cancel = false;
    exportCalls(history, f.path, ids, ExportFormat::Csv, {}, out,
                Progress{[&](std::size_t done, std::size_t) { seen.push_back(done); }, &cancel});
    CHECK(seen == std::vector<std::size_t>{0, 1, 2, 3, 4, 5});
    std::filesystem::remove(out);
}
