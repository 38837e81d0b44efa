#include "cli/ExportCommand.h"

#include "app/AppPaths.h"
#include "app/WxConfigStorage.h"
#include "cli/HeadlessCommands.h"
#include "core/Format.h"
#include "core/Platform.h"
#include "pack/DataPack.h"
#include "review/CallArchive.h"
#include "review/CallExport.h"
#include "review/CallHistory.h"
#include "review/ReviewStore.h"
#include "settings/Settings.h"
#include "store/DataDir.h"
#include "store/Database.h"

#include <cstdio>
#include <fmt/format.h>
#include <wx/cmdline.h>
#include <wx/fileconf.h>

namespace cc::ui {

int runExportCommand(int argc, char** argv) {
    wxCmdLineParser parser;
    setUtf8CommandLine(parser, argc - 1, argv + 1);
    parser.SetLogo("call-companion export: writes saved calls for review, without the window.\n"
                   "  csv      one row a call, for a spreadsheet\n"
                   "  json     every detail of every call\n"
                   "  html     a printable report with each call's timeline\n"
                   "  archive  a file another Call Companion opens read-only (File > Open archive)\n"
                   "DATE is YYYY-MM-DD, local time; --to includes that whole day. OUT - writes csv, json or\n"
                   "html to standard output.");
    addCommonOptions(parser);
    parser.AddOption("", "format", "csv, json, html or archive", wxCMD_LINE_VAL_STRING,
                     wxCMD_LINE_OPTION_MANDATORY);
    parser.AddOption("", "from", "calls that started on or after DATE", wxCMD_LINE_VAL_STRING);
    parser.AddOption("", "to", "calls that started on or before DATE", wxCMD_LINE_VAL_STRING);
    parser.AddOption("", "call", "only the call with this id", wxCMD_LINE_VAL_NUMBER);
    parser.AddOption("", "archive", "read the calls from this archive instead of the data folder",
                     wxCMD_LINE_VAL_STRING);
    parser.AddParam("OUT", wxCMD_LINE_VAL_STRING);
    if (const auto done = parseOrExit(parser)) return *done;

    wxString value;
    parser.Found("format", &value);
    const auto format = exportFormatFromName(value.utf8_string());
    if (!format) {
        err(fmt::format("unknown format '{}': use csv, json, html or archive", value.utf8_string()));
        return usage(parser);
    }
    HistoryFilter filter;
    std::string from, to;
    if (parser.Found("from", &value)) {
        from = value.utf8_string();
        filter.from = parseLocalDate(from);
        if (!filter.from) {
            err(fmt::format("--from '{}' is not a date like 2026-11-23", from));
            return 2;
        }
    }
    if (parser.Found("to", &value)) {
        to = value.utf8_string();
        const auto day = parseLocalDate(to);
        if (!day) {
            err(fmt::format("--to '{}' is not a date like 2026-11-23", to));
            return 2;
        }
        filter.to = startOfLocalDay(*day + std::chrono::hours(36)); // the next local midnight, DST or not
    }
    const std::filesystem::path out = parser.GetParam(0).utf8_string();
    if (out == "-" && *format == ExportFormat::Archive) {
        err("an archive is written to a file, not to standard output");
        return 2;
    }

    wxString dataDirOption;
    parser.Found("data-dir", &dataDirOption);
    long callId = 0;
    try {
        std::unique_ptr<Database> db;
        std::filesystem::path source;
        std::string agent;
        if (parser.Found("archive", &value)) {
            source = value.utf8_string();
            OpenedArchive archive = openArchive(source);
            db = std::move(archive.db);
            agent = archive.info.agent;
        } else {
            const DataDir dir(pathFromUtf8(AppPaths::dataDir(dataDirOption).utf8_string()));
            source = dir.databasePath();
            if (!std::filesystem::exists(source)) {
                err(fmt::format("there are no saved calls in {} yet", pathUtf8(dir.root())));
                return 1;
            }
            db = std::make_unique<Database>(source, true); // export only reads
            wxFileConfig config("call-companion", wxString(), AppPaths::settingsFile(dataDirOption),
                                wxString(), wxCONFIG_USE_LOCAL_FILE);
            WxConfigStorage storage(config);
            agent = Settings(storage).agentName();
        }
        CallHistory history(*db);
        std::vector<std::int64_t> ids;
        if (parser.Found("call", &callId)) {
            history.load(callId); // throws out_of_range for an unknown id
            ids.push_back(callId);
        } else {
            ids = history.find(filter);
        }
        const std::filesystem::path dataDir(AppPaths::dataDir(dataDirOption).utf8_string());
        const DataPack pack(AppPaths::packDir(), dataDir);
        const OutcomeList outcomes = pack.outcomes();
        std::string range;
        if (!from.empty() || !to.empty())
            range = from.empty() ? "up to " + to : to.empty() ? "from " + from : from + " to " + to;
        ExportContext context{agent, range, std::chrono::system_clock::now(),
                              [&outcomes](std::string_view id) { return outcomes.labelFor(id); }};
        // The HTML report carries the reviews saved in this data folder (reviews.db), read only.
        const ScorecardLibrary scorecards = pack.scorecards();
        std::unique_ptr<Database> reviewsDb;
        std::unique_ptr<ReviewStore> reviews;
        const auto reviewsPath = dataDir / "reviews.db";
        if (*format == ExportFormat::Html && std::filesystem::exists(reviewsPath)) {
            try {
                reviewsDb = std::make_unique<Database>(reviewsPath, true);
                reviews = std::make_unique<ReviewStore>(*reviewsDb);
            } catch (const std::exception& e) {
                err(fmt::format("the reviews in {} are left out: {}", pathUtf8(reviewsPath), e.what()));
                reviews.reset();
            }
        }
        if (reviews) {
            const std::string storeId = history.storeId();
            context.scorecards = &scorecards;
            context.reviewsOf = [&reviews, storeId](std::int64_t id) {
                return reviews->sheetsOf(storeId, id);
            };
        }
        exportCalls(history, source, ids, *format, context, out);
        if (out != "-")
            std::fprintf(stderr, "Exported %zu call%s to %s\n", ids.size(), ids.size() == 1 ? "" : "s",
                         pathUtf8(out).c_str()); // the path's own c_str() is UTF-16 on Windows
        return 0;
    } catch (const std::out_of_range&) {
        err(fmt::format("there is no call {}", callId));
        return 1;
    } catch (const std::exception& e) {
        err(e.what());
        return 1;
    }
}

} // namespace cc::ui
