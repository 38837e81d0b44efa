// call-companion kb import|export|search: the referral knowledge base without the window.
#include "app/AppPaths.h"
#include "cli/HeadlessCommands.h"
#include "core/Platform.h"
#include "core/WholeFile.h"
#include "knowledge/KnowledgeBase.h"
#include "knowledge/KnowledgeFiles.h"
#include "knowledge/KnowledgeSearch.h"
#include "knowledge/QueryVocabulary.h"
#include "pack/DataPack.h"
#include "store/DataDir.h"
#include "store/Database.h"

#include <cmath>
#include <cstdio>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#ifdef _WIN32
#include <io.h>
#else
#include <unistd.h>
#endif
#include <wx/cmdline.h>

namespace cc::ui {

namespace {
// Whether `stream` is a terminal (progress is drawn in place there, and printed as lines elsewhere).
bool isTerminal(std::FILE* stream) {
#ifdef _WIN32
    return ::_isatty(::_fileno(stream)) != 0;
#else
    return ::isatty(::fileno(stream)) != 0;
#endif
}

/// The store of --data-dir or the user's default one, opened as the app opens it.
std::unique_ptr<Database> openStore(const wxString& dataDirOption) {
    const DataDir dir(pathFromUtf8(AppPaths::dataDir(dataDirOption).utf8_string()));
    OpenedStore opened = dir.open(std::chrono::system_clock::now());
    for (const auto& n : opened.notices)
        err(n.render());
    KnowledgeBase kb(*opened.db);
    for (const auto& p : kb.seedOnce(DataPack(AppPaths::packDir()).seedReferrals()))
        err(p);
    return std::move(opened.db);
}

/// The snippet with its matches shown: bold on a terminal, [brackets] otherwise.
std::string showMatches(std::string s, bool terminal) {
    for (auto& c : s) {
        if (c == '\x02') c = terminal ? '\x01' : '[';
        if (c == '\x03') c = terminal ? '\x04' : ']';
    }
    if (!terminal) return s;
    std::string out;
    for (char c : s)
        out += c == '\x01' ? "\x1b[1m" : c == '\x04' ? "\x1b[0m" : std::string(1, c);
    return out;
}

std::string stripMarks(std::string s) {
    std::erase(s, '\x02');
    std::erase(s, '\x03');
    return s;
}

int kbImport(const std::string& path, const wxString& dataDir) {
    const KnowledgeRead read = readKnowledgePath(pathFromUtf8(path));
    for (const auto& e : read.errors)
        std::fprintf(stderr, "%s\n", e.toString().c_str());
    if (!read.errors.empty()) {
        err(fmt::format("nothing imported: {} problem(s) in {}", read.errors.size(), path));
        return 1;
    }
    auto db = openStore(dataDir);
    KnowledgeBase kb(*db);
    int lastPercent = -1;
    const bool terminal = isTerminal(stderr);
    kb.importAll(read.entries, Progress{[&](std::size_t done, std::size_t total) {
                                            const int percent =
                                                total ? static_cast<int>(done * 100 / total) : 100;
                                            if (terminal && percent != lastPercent)
                                                std::fprintf(stderr, "\rImporting… %3d%%", percent);
                                            lastPercent = percent;
                                        },
                                        nullptr});
    if (terminal) std::fputc('\n', stderr);
    std::printf("Imported %zu entries from %s; the knowledge base has %lld.\n", read.entries.size(),
                path.c_str(), static_cast<long long>(kb.count()));
    return 0;
}

int kbExport(const std::string& path, const wxString& dataDir) {
    auto db = openStore(dataDir);
    KnowledgeBase kb(*db);
    const auto entries = kb.all();
    const std::string csv = writeKnowledgeCsv(entries);
    if (path == "-") {
        std::fwrite(csv.data(), 1, csv.size(), stdout);
        return 0;
    }
    try {
        writeFileWhole(pathFromUtf8(path), [&csv](std::ostream& out) { out << csv; });
    } catch (const std::exception& e) {
        err(e.what());
        return 1;
    }
    std::fprintf(stderr, "Exported %zu entries to %s\n", entries.size(), path.c_str());
    return 0;
}

int kbSearch(const std::string& query, long limit, bool json, const wxString& dataDir) {
    auto db = openStore(dataDir);
    auto words = std::make_shared<QueryVocabulary>(DataPack(AppPaths::packDir()).searchWords());
    for (const auto& e : words->errors())
        err(e.toString());
    KnowledgeSearch search(*db, words);
    KnowledgeBase kb(*db);
    // A finished query: the last word is whole, not a prefix being typed.
    const auto found = search.search(query + " ", static_cast<std::size_t>(std::max(1L, limit)));
    const auto& hits = found.hits;
    if (json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& h : hits) {
            const auto e = kb.get(h.id);
            out.push_back({{"id", h.id},
                           {"title", h.title},
                           {"handled_by", h.handledBy},
                           {"category", h.category},
                           {"phone", e ? e->phone : ""},
                           {"url", e ? e->url : ""},
                           {"email", e ? e->email : ""},
                           {"hours", e ? e->hours : ""},
                           {"what_to_say", e ? e->whatToSay : ""},
                           {"last_verified", h.lastVerified},
                           {"snippet", stripMarks(h.snippet)},
                           {"coverage", std::round(h.coverage * 100) / 100},
                           {"weak", h.weak},
                           {"learned", h.learned},
                           {"corrected", !found.corrections.empty()},
                           {"searched_for", found.searchedFor}});
        }
        std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
        return 0;
    }
    const bool terminal = isTerminal(stdout);
    if (!found.searchedFor.empty()) std::printf("Searched for: %s\n", found.searchedFor.c_str());
    if (hits.empty())
        std::printf("No entries match \"%s\".\n", query.c_str());
    else if (found.weak)
        std::printf("No close match. Nearest entries:\n");
    int n = 0;
    for (const auto& h : hits) {
        std::printf("%d. %s", ++n, h.title.c_str());
        if (!h.handledBy.empty()) std::printf(" (%s)", h.handledBy.c_str());
        std::printf("\n   %s\n", showMatches(h.snippet, terminal).c_str());
    }
    return 0;
}

} // namespace

int runKbCommand(int argc, char** argv) {
    // The parser sees "kb ACTION ARGS...".
    wxCmdLineParser parser;
    setUtf8CommandLine(parser, argc - 1, argv + 1);
    parser.SetLogo(
        "call-companion kb: manage and search the referral knowledge base without the window.\n"
        "  kb import FILE.csv|FILE.md|DIR   add entries (all or nothing: a problem imports none)\n"
        "  kb export FILE.csv|-             write every entry as CSV\n"
        "  kb search QUERY...               print the ranked results as the Search panel shows them");
    addCommonOptions(parser);
    parser.AddOption("", "limit", "search: at most N results (default 20)", wxCMD_LINE_VAL_NUMBER);
    parser.AddSwitch("", "json", "search: print JSON");
    parser.AddParam("ACTION", wxCMD_LINE_VAL_STRING);
    parser.AddParam("ARGS", wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_MULTIPLE | wxCMD_LINE_PARAM_OPTIONAL);
    if (const auto done = parseOrExit(parser)) return *done;

    wxString dataDir;
    parser.Found("data-dir", &dataDir);
    long limit = 20;
    parser.Found("limit", &limit);
    const std::string action = parser.GetParam(0).utf8_string();
    std::vector<std::string> args;
    for (size_t i = 1; i < parser.GetParamCount(); ++i)
        args.push_back(parser.GetParam(i).utf8_string());

    try {
        if (action == "import" && args.size() == 1) return kbImport(args[0], dataDir);
        if (action == "export" && args.size() == 1) return kbExport(args[0], dataDir);
        if (action == "search" && !args.empty()) {
            std::string query;
            for (const auto& a : args)
                query += (query.empty() ? "" : " ") + a;
            return kbSearch(query, limit, parser.Found("json"), dataDir);
        }
    } catch (const std::exception& e) {
        err(e.what());
        return 1;
    }
    err("unknown or incomplete kb command");
    return usage(parser);
}

} // namespace cc::ui
