// call-companion server init|migrate|status|publish-pack and call-companion sync: the team server
// without the window.
#include "app/AppPaths.h"
#include "cli/HeadlessCommands.h"
#include "core/Platform.h"
#include "store/DataDir.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "sync/CallSync.h"
#include "sync/PgConnection.h"
#include "sync/ServerSchema.h"
#include "sync/TeamPack.h"

#include <cstdio>
#include <fmt/format.h>
#include <random>
#include <wx/cmdline.h>

namespace cc::ui {

namespace {

std::filesystem::path dataDirOf(wxCmdLineParser& parser) {
    wxString option;
    parser.Found("data-dir", &option);
    return pathFromUtf8(AppPaths::dataDir(option).utf8_string());
}

/// --config FILE, or the data folder's server.toml. Prints the problems and returns none.
std::optional<ServerConfig> configOf(wxCmdLineParser& parser) {
    wxString file;
    const std::filesystem::path path = parser.Found("config", &file)
                                           ? pathFromUtf8(file.utf8_string())
                                           : DataDir(dataDirOf(parser)).root() / "server.toml";
    ServerConfigRead read = readServerConfig(path);
    for (const auto& e : read.errors)
        std::fprintf(stderr, "%s\n", e.toString().c_str());
    if (read.config) return read.config;
    if (read.errors.empty())
        err(fmt::format("no team server is set up: {} does not exist (see the README, \"A team server\")",
                        pathUtf8(path)));
    return std::nullopt;
}

int serverStatus(const ServerConfig& config, PgConnection& server) {
    std::printf("connected to %s over TLS\n", config.describe().c_str());
    int version = 0;
    try {
        version = serverSchemaVersion(server);
    } catch (const PgError& e) {
        if (e.sqlstate() != "42501") throw;
        std::printf("%s is not on a team yet: the team's owner runs SELECT cc.add_member('%s', 'TEAM', "
                    "'agent')\n",
                    server.user().c_str(), server.user().c_str());
        return 1;
    }
    if (version == 0) {
        std::printf("Call Companion is not set up on this server: run 'call-companion server init'\n");
        return 1;
    }
    std::printf("schema version %d\n", version);
    // An agent cannot read the members table: cc.team_of and the catalog say where they stand.
    const auto me = server.exec(R"sql(
        SELECT cc.team_of(current_user),
               (SELECT string_agg(substr(rolname, 4), ', ' ORDER BY rolname) FROM pg_roles
                WHERE rolname IN ('cc_agent', 'cc_reviewer', 'cc_lead', 'cc_owner')
                  AND pg_has_role(current_user, oid, 'member')))sql");
    if (me.isNull(0, 0) || me.isNull(0, 1)) {
        std::printf(
            "%s is on no team yet: the team's owner runs SELECT cc.add_member('%s', 'TEAM', 'agent')\n",
            server.user().c_str(), server.user().c_str());
        return 1;
    }
    std::printf("%s is %s on team %s\n", server.user().c_str(), me.text(0, 1).c_str(), me.text(0, 0).c_str());
    return 0;
}

/// Publishes the pack in `folder` as the team's next version, once `data check` passes it.
int publishPackCommand(const ServerConfig& config, PgConnection& server, const wxString& folder,
                       const wxString& team) {
    std::string teamName = team.utf8_string();
    if (teamName.empty()) {
        const auto mine = server.exec("SELECT cc.team_of(current_user)");
        if (mine.isNull(0, 0)) {
            err(fmt::format("{} is on no team: name one with --team", server.user()));
            return 1;
        }
        teamName = mine.text(0, 0);
    }
    try {
        const std::int64_t version = publishPack(server, pathFromUtf8(folder.utf8_string()), teamName);
        std::printf("published %s as version %lld of team %s's pack on %s\n", folder.utf8_string().c_str(),
                    static_cast<long long>(version), teamName.c_str(), config.describe().c_str());
        return 0;
    } catch (const PackRefused& e) {
        for (const auto& problem : e.errors())
            std::fprintf(stderr, "%s\n", problem.toString().c_str());
        err(fmt::format("{} does not pass data check: nothing was published", folder.utf8_string()));
        return 1;
    }
}

} // namespace

int runServerCommand(int argc, char** argv) {
    wxCmdLineParser parser;
    setUtf8CommandLine(parser, argc - 1, argv + 1);
    parser.SetLogo(
        "call-companion server init|migrate|status|publish-pack: the team server (PostgreSQL 15).\n"
        "  init     creates the roles (cc_agent, cc_reviewer, cc_lead, cc_owner) and the schema, with\n"
        "           row-level security; run once by the server's administrator\n"
        "  migrate  brings a schema set up by an older version up to date\n"
        "  status   says whether this PC reaches the server over TLS, and as whom\n"
        "  publish-pack FOLDER  a team lead publishes FOLDER (scripts, prompts, scorecards, snippets: the\n"
        "           layout of data/) as the team's next pack, once data check passes it\n"
        "The connection is read from --config FILE or the data folder's server.toml.");
    addCommonOptions(parser);
    parser.AddOption("", "config", "a server.toml to connect with (the administrator's for init)",
                     wxCMD_LINE_VAL_STRING);
    parser.AddOption("", "team", "publish-pack: the team whose pack it is (default: your own)",
                     wxCMD_LINE_VAL_STRING);
    parser.AddParam("init|migrate|status|publish-pack", wxCMD_LINE_VAL_STRING);
    parser.AddParam("FOLDER", wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL);
    if (const auto done = parseOrExit(parser)) return *done;
    const wxString action = parser.GetParam(0);
    if (action != "init" && action != "migrate" && action != "status" && action != "publish-pack")
        return usage(parser);
    if ((action == "publish-pack") != (parser.GetParamCount() == 2)) return usage(parser);
    const auto config = configOf(parser);
    if (!config) return 1;
    try {
        PgConnection server(*config);
        if (action == "status") return serverStatus(*config, server);
        if (action == "publish-pack") {
            wxString team;
            parser.Found("team", &team);
            return publishPackCommand(*config, server, parser.GetParam(1), team);
        }
        std::fputs(setUpServer(server, action == "init").c_str(), stdout);
        return 0;
    } catch (const PgError& e) {
        err(fmt::format("{}: {}", config->describe(), e.what()));
        return 1;
    }
}

int runSyncCommand(int argc, char** argv) {
    wxCmdLineParser parser;
    setUtf8CommandLine(parser, argc - 1, argv + 1);
    parser.SetLogo("call-companion sync: sends the finished calls waiting in this PC's outbox to the team\n"
                   "server now, and says what is left. The window does the same on its own, in the\n"
                   "background; this is for a PC without the window, or to see why a call waits.\n"
                   "--retry-parked tries again the calls the server refused (after its policy was fixed).");
    addCommonOptions(parser);
    parser.AddSwitch("", "retry-parked", "try again the calls the server refused");
    parser.AddOption("", "config", "a server.toml to connect with (default: the data folder's)",
                     wxCMD_LINE_VAL_STRING);
    if (const auto done = parseOrExit(parser)) return *done;
    const auto config = configOf(parser);
    if (!config) return 1;
    const DataDir dir(dataDirOf(parser));
    OpenedStore opened = dir.open(std::chrono::system_clock::now());
    for (const auto& n : opened.notices)
        err(n.render());
    Database& db = *opened.db;
    const auto now = std::chrono::system_clock::now();
    if (const int queued = followServerConfig(db, &*config, now))
        std::printf("queued %d finished call(s) from before this PC joined the server\n", queued);
    Outbox outbox(db);
    if (parser.Found("retry-parked")) std::printf("%d refused call(s) to try again\n", outbox.retryParked());
    std::mt19937 rng(std::random_device{}());
    int rc = 0;
    try {
        PgConnection server(*config);
        // Now means now: a call waiting for its next try goes too.
        db.exec("UPDATE outbox SET next_try = 0 WHERE state = 'waiting'");
        const SendReport sent = sendDue(db, server, now, rng, 50, 1 << 20);
        std::printf("sent %d call(s) to %s\n", sent.sent, config->describe().c_str());
    } catch (const PgError& e) {
        err(fmt::format("{}: {}", config->describe(), e.what()));
        rc = 1;
    }
    const OutboxCounts counts = outbox.counts();
    std::printf("%d waiting, %d refused, %d quarantined\n", counts.waiting, counts.refused,
                counts.quarantined);
    if (!counts.lastError.empty()) std::printf("the server said: %s\n", counts.lastError.c_str());
    return rc;
}

} // namespace cc::ui
