#include "app/CompanionApp.h"

#include "app/AccessibilityAudit.h"
#include "app/AppPaths.h"
#include "app/BackgroundJob.h"
#include "app/InstanceGuard.h"
#include "app/LayoutAudit.h"
#include "app/PackSwitch.h"
#include "app/TeamSync.h"
#include "app/WxConfigStorage.h"
#include "app/WxUserServices.h"
#include "call/CompanionFrame.h"
#include "core/Clock.h"
#include "core/Platform.h"
#include "data/OutcomeList.h"
#include "knowledge/KnowledgeBase.h"
#include "knowledge/QueryVocabulary.h"
#include "notes/CrmSummary.h"
#include "notes/SnippetBook.h"
#include "pack/DataPack.h"
#include "prompts/PromptMonitor.h"
#include "scripts/Practice.h"
#include "scripts/Script.h"
#include "session/CallSession.h"
#include "settings/AgentName.h"
#include "settings/Settings.h"
#include "softphone/CallCommand.h"
#include "spell/SpellChecker.h"
#include "store/CallStore.h"
#include "store/DataDir.h"
#include "store/Database.h"
#include "sync/TeamPack.h"

#include <clocale>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#ifndef _WIN32
#include <sys/stat.h>
#endif
#include <thread>
#include <wx/dir.h>
#include <wx/fileconf.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/log.h>
#include <wx/msgdlg.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>
#include <wx/uilocale.h>
#include <wx/utils.h>

wxIMPLEMENT_APP_NO_MAIN(cc::ui::CompanionApp);

namespace cc::ui {

namespace {
CommandLine g_commandLine;
int g_initExitCode = 0;

void printErr(const wxString& message) {
    std::fprintf(stderr, "call-companion: %s\n", message.utf8_str().data());
}

// The interface speaks `language` ("es", "pt_BR"), or the system's language if it is empty or has no
// catalog; wxWidgets' own strings (OK, Cancel) follow when wx3.2-i18n is installed.
void useLanguage(const std::string& language) {
    wxUILocale::UseDefault();
    auto* translations = new wxTranslations;
    wxTranslations::Set(translations);
    if (!language.empty()) {
        translations->SetLanguage(wxString::FromUTF8(language));
        // GTK's own strings (stock buttons, the file chooser) follow LANGUAGE, which glibc honours
        // unless the messages locale is plain C.
        wxSetEnv("LANGUAGE", wxString::FromUTF8(language));
#ifdef LC_MESSAGES // POSIX only
        const char* messages = std::setlocale(LC_MESSAGES, nullptr);
        if (messages && (std::strcmp(messages, "C") == 0 || std::strcmp(messages, "POSIX") == 0))
            std::setlocale(LC_MESSAGES, "C.UTF-8");
#endif
    }
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(AppPaths::localeDir());
#ifndef __WINDOWS__
    // wxWidgets' own catalog (wxstd, from wx3.2-i18n) is where the distribution put it.
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix("/usr/share/locale");
#endif
    translations->AddStdCatalog();
    translations->AddCatalog("call-companion");
}
} // namespace

/// Everything the running app owns, in the order it is built (and the reverse it is torn down).
struct AppState {
    SystemClock clock;
    std::unique_ptr<InstanceGuard> instance;
    OpenedStore store;
    std::unique_ptr<CallStore> calls;
    std::unique_ptr<KnowledgeBase> knowledge;
    std::shared_ptr<const QueryVocabulary> searchWords;
    std::unique_ptr<wxFileConfig> config;
    std::unique_ptr<WxConfigStorage> settingsStorage;
    std::unique_ptr<Settings> settings;
    OutcomeList outcomes;
    SnippetBook snippets;
    CrmSummary summary;
    std::shared_ptr<SpellChecker> spell;
    BackgroundTask spellLoader; ///< loads the dictionary at start-up
    WxUserServices services;
    std::unique_ptr<CallSession> session;
    ScriptLibrary scripts;
    PracticeLibrary practice;
    std::unique_ptr<PromptEngine> promptEngine;
    std::unique_ptr<PromptMonitor> prompts;
    CompanionFrame* frame = nullptr;
    std::unique_ptr<PackSwitch> packSwitch;
    std::unique_ptr<TeamSync> teamSync; ///< first to go: its thread stops before the store closes
};

CompanionApp::CompanionApp() = default;
CompanionApp::~CompanionApp() = default;

void CompanionApp::setCommandLine(const CommandLine& cmd) {
    g_commandLine = cmd;
}

bool CompanionApp::fail(const wxString& message) {
    printErr(message);
    wxMessageBox(message, _("Call Companion cannot start"), wxOK | wxICON_ERROR);
    initExitCode_ = g_initExitCode = 1;
    return false;
}

bool CompanionApp::OnInit() {
    // Our files are the agent's and the customer's business only (on Windows the data folder's access
    // list, which DataDir sets, does this for what is made in it).
#ifndef _WIN32
    ::umask(077);
#endif
    SetAppName("call-companion");
    startAccessibilityAuditIfAsked();
    startLayoutAuditIfAsked();
    wxStandardPaths::Get().SetFileLayout(wxStandardPaths::FileLayout_XDG);

    state_ = std::make_unique<AppState>();
    AppState& s = *state_;
    // Settings first: they hold the language every message below is in, and the data folder.
    const wxString settingsFile = AppPaths::settingsFile(g_commandLine.dataDir);
    {
        // An unusable data folder is reported below, with its reason, once.
        wxLogNull quiet;
        wxFileName::Mkdir(wxFileName(settingsFile).GetPath(), 0700, wxPATH_MKDIR_FULL);
    }
    s.config = std::make_unique<wxFileConfig>(GetAppName(), wxString(), settingsFile, wxString(),
                                              wxCONFIG_USE_LOCAL_FILE);
    s.settingsStorage = std::make_unique<WxConfigStorage>(*s.config);
    s.settings = std::make_unique<Settings>(*s.settingsStorage);
    useLanguage(s.settings->uiLanguage());
    SetAppDisplayName(_("Call Companion"));

    const wxString dataDir = AppPaths::dataDir(g_commandLine.dataDir);
    const DataDir dir(pathFromUtf8(dataDir.utf8_string()));
    try {
        dir.prepare();
    } catch (const DataDirError& e) {
        return fail(translated(e.text()));
    }

    s.instance = std::make_unique<InstanceGuard>(dataDir);
    if (s.instance->anotherIsRunning()) {
        const wxString request =
            g_commandLine.archive.empty() ? wxString("raise") : "archive\t" + g_commandLine.archive;
        if (s.instance->sendToRunning(request)) {
            printErr(
                wxString::Format(_("already running with the data folder %s; its window was brought to the "
                                   "front"),
                                 dataDir));
            initExitCode_ = g_initExitCode = 0;
            return false;
        }
        return fail(
            wxString::Format(_("Call Companion is already running with the data folder %s, but it did not "
                               "answer. Close it, or wait a moment and try again."),
                             dataDir));
    }

    try {
        s.store = dir.open(s.clock.wallNow());
    } catch (const DataDirError& e) {
        return fail(translated(e.text()));
    } catch (const std::exception& e) {
        return fail(wxString::FromUTF8(e.what()));
    }
    s.calls = std::make_unique<CallStore>(*s.store.db);
    s.knowledge = std::make_unique<KnowledgeBase>(*s.store.db);

    // Global only from here on (the window's position is kept in it): wx deletes the global config when
    // a start that failed above cleans up, and this one is owned by AppState.
    wxConfigBase::Set(s.config.get());
    // A data folder on a team server starts on the newest good team pack it holds (each was checked
    // when it came); without one, on the bundled content.
    std::int64_t teamPack = 0;
    if (std::filesystem::exists(dir.root() / "server.toml")) {
        const TeamPacks packs(dir.root());
        teamPack = packs.newest();
        if (teamPack > 0) AppPaths::usePack(packs.folder(teamPack));
    }
    const DataPack pack(AppPaths::packDir(), dir.root());
    s.outcomes = pack.outcomes();
    for (const auto& err : s.outcomes.errors())
        s.services.notify(UserServices::Level::Warning, err.toString());
    for (const auto& notice : s.store.notices)
        s.services.tell(UserServices::Level::Warning, notice);
    // The rules arrive with the rest of the content, once the window is up.
    s.promptEngine = std::make_unique<PromptEngine>(std::vector<PromptRule>{});

    s.session = std::make_unique<CallSession>(s.clock, *s.calls, s.services);
    const auto checkBack = std::chrono::duration_cast<Duration>(s.settings->holdCheckBackAfter());
    s.session->setCheckBack(checkBack, checkBack);
    s.session->setOutcomeRequired(s.settings->requireOutcome());
    const std::string name = agentName(*s.settings);
    s.session->setAgent(AgentProfile{name, s.settings->company()});
    try {
        s.session->restoreUnfinished();
    } catch (const std::exception& e) {
        s.services.notify(UserServices::Level::Error,
                          wxString::Format(_("Your unfinished call could not be restored: %s"),
                                           wxString::FromUTF8(e.what()))
                              .utf8_string());
    }

    s.prompts = std::make_unique<PromptMonitor>(*s.session, *s.promptEngine, s.clock);
    s.frame = new CompanionFrame(FrameDeps{*s.session, *s.calls, *s.settings, s.outcomes, s.snippets,
                                           s.summary, *s.knowledge, dir.databasePath(), s.searchWords,
                                           *s.prompts, s.scripts, s.practice, g_commandLine.dataDir});
    s.services.attach([this](UserServices::Level level, const std::string& message) {
        printErr(wxString::FromUTF8(message));
        if (state_ && state_->frame) state_->frame->notice(level, wxString::FromUTF8(message));
    });
    s.frame->Bind(wxEVT_DESTROY, [this](wxWindowDestroyEvent& e) {
        e.Skip();
        if (state_ && e.GetEventObject() == state_->frame) state_->frame = nullptr;
    });
    s.frame->showAtStart(s.settings->startInTray());
    s.teamSync = std::make_unique<TeamSync>(dir.root(), dir.databasePath(), *s.store.db, s.services,
                                            s.settings->reviewerName(), [this](const wxString& text) {
                                                if (state_ && state_->frame) state_->frame->showSync(text);
                                            });
    s.session->onCallDone([this] {
        if (state_ && state_->teamSync) state_->teamSync->callDone();
    });
    s.frame->setTeamServer(s.teamSync->config(), [this] {
        if (state_ && state_->teamSync) state_->teamSync->reviewShared();
    });
    if (s.teamSync->config()) {
        s.frame->setKnowledgeProposer(
            [this](std::int64_t id) { return state_ && state_->teamSync && state_->teamSync->propose(id); });
        s.teamSync->onKnowledge([this](int changed) {
            if (state_ && state_->frame) state_->frame->teamKnowledgeArrived(changed);
        });
        s.packSwitch = std::make_unique<PackSwitch>(
            teamPack, [this] { return state_ && state_->frame && state_->frame->betweenCalls(); },
            [this, root = dir.root()](std::int64_t version) { useTeamPack(root, version); });
        s.teamSync->onPack([this](std::int64_t good, std::int64_t refused, const std::string& problem) {
            if (!state_ || !state_->packSwitch) return;
            if (refused > good)
                state_->services.notify(
                    UserServices::Level::Warning,
                    wxString::Format(
                        _("Your team's pack version %lld was refused, and version %lld stays in use: %s"),
                        static_cast<long long>(refused), static_cast<long long>(state_->packSwitch->inUse()),
                        wxString::FromUTF8(problem))
                        .utf8_string());
            state_->packSwitch->ready(good);
        });
        s.frame->publishFloorState(
            [this](FloorState state, SteadyTime since, std::optional<SteadyTime> callSince, Duration hold) {
                if (state_ && state_->teamSync)
                    state_->teamSync->setAgentState(state, since, callSince, hold);
            });
        s.teamSync->checkFloor([this] {
            if (state_ && state_->frame) state_->frame->allowFloor();
        });
    }
    s.instance->serve([this](const wxString& command) {
        if (!state_ || !state_->frame) return;
        if (command == "raise")
            state_->frame->bringToFront();
        else if (command.StartsWith("archive\t"))
            state_->frame->openArchive(command.AfterFirst('\t'));
        else if (const auto call = decodeCallCommand(command.utf8_string()))
            state_->frame->softphone(*call);
    });
    applyQueuedCommands(dir.root());
    if (!g_commandLine.archive.empty())
        CallAfter([this] {
            if (state_ && state_->frame) state_->frame->openArchive(g_commandLine.archive);
        });
    if (const auto baresip = s.settings->baresipAddress(); !baresip.empty())
        s.frame->connectBaresip(wxString::FromUTF8(baresip));
    startBenchmarkHooks();
    // Scripts, prompts, snippets, the knowledge base and the dictionary load once the window is on the
    // screen (the second pass of the event loop, after the first paint): the timer and the notes come first.
    CallAfter([this, pack] {
        CallAfter([this, pack] {
            if (!state_ || !state_->frame || state_->frame->IsBeingDeleted()) return; // closing already
            loadContent(pack);
            state_->frame->contentLoaded();
            loadSpellChecker(pack);
        });
    });
    return true;
}

void CompanionApp::applyQueuedCommands(const std::filesystem::path& dataDir) {
    // Hook events that arrived while the companion was not running (call-companion call ... started
    // it). Only recent ones: an hour-old "incoming" is no call any more.
    const auto file = dataDir / "queued-commands";
    std::ifstream in(file);
    if (!in) return;
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    in.close();
    std::error_code ec;
    std::filesystem::remove(file, ec);
    const auto now = std::chrono::system_clock::now();
    for (const auto& line : lines) {
        const auto tab = line.find('\t');
        if (tab == std::string::npos) continue;
        long long ms = 0;
        try {
            ms = std::stoll(line.substr(0, tab));
        } catch (const std::exception&) {
            continue;
        }
        if (now - fromUnixMs(ms) > std::chrono::minutes(1)) continue;
        if (const auto call = decodeCallCommand(line.substr(tab + 1))) state_->frame->softphone(*call);
    }
}

void CompanionApp::loadContent(const DataPack& pack) {
    AppState& s = *state_;
    s.snippets = pack.snippets();
    s.summary = pack.summary();
    try {
        for (const auto& problem : s.knowledge->seedOnce(pack.seedReferrals()))
            s.services.notify(UserServices::Level::Warning, problem);
    } catch (const std::exception& e) {
        s.services.notify(
            UserServices::Level::Warning,
            wxString::Format(_("The bundled knowledge base was not loaded: %s"), wxString::FromUTF8(e.what()))
                .utf8_string());
    }
    auto searchWords = std::make_shared<QueryVocabulary>(pack.searchWords());
    for (const auto& err : searchWords->errors())
        s.services.notify(UserServices::Level::Warning, err.toString());
    s.searchWords = std::move(searchWords);
    s.scripts = pack.scripts();
    s.practice = pack.practice();
    const PromptRules rules = pack.prompts();
    s.promptEngine->setRules(rules.rules());
    // A call restored at start-up was there before the rules: what its notes already said was shown
    // (or dismissed) before the app closed.
    s.prompts->callResumed();
    // A data file with mistakes still lets the app start: each problem is one line, file:line:column.
    for (const auto* errors : {&s.snippets.errors(), &s.summary.errors(), &s.scripts.errors(),
                               &s.practice.errors(), &rules.errors()})
        for (const auto& err : *errors)
            s.services.notify(UserServices::Level::Warning, err.toString());
    // And what `data check` finds across files: a prompt naming a step the script does not have.
    for (const auto& err : crossCheck(pack.folder(), s.scripts, rules, s.practice))
        s.services.notify(UserServices::Level::Warning, err.toString());
}

void CompanionApp::useTeamPack(const std::filesystem::path& dataDir, std::int64_t version) {
    AppState& s = *state_;
    const TeamPacks packs(dataDir);
    if (!std::filesystem::is_directory(packs.folder(version)) || !s.frame) return;
    AppPaths::usePack(packs.folder(version));
    const DataPack pack(AppPaths::packDir(), dataDir);
    // Between calls only (PackSwitch): no prompt shows, no script runs.
    s.frame->replaceContent([&s, &pack] {
        s.snippets = pack.snippets();
        s.scripts = pack.scripts();
        s.practice = pack.practice();
        s.promptEngine->setRules(pack.prompts().rules());
    });
    packs.prune(version);
    s.services.notify(UserServices::Level::Info,
                      wxString::Format(_("Your team's pack version %lld is in use: its scripts, prompts, "
                                         "scorecards and snippets"),
                                       static_cast<long long>(version))
                          .utf8_string());
}

void CompanionApp::loadSpellChecker(const DataPack& pack) {
    AppState& s = *state_;
    // The chosen dictionary, else the interface language's, else the system's.
    const std::string language = s.settings->spellLanguageFor(
        wxLocale::GetLanguageCanonicalName(wxLocale::GetSystemLanguage()).utf8_string());
    const std::vector<std::filesystem::path> wordLists = pack.wordLists();
    const auto personal = pack.local() / "personal-words.txt";
    const std::vector<std::filesystem::path> dictionaryDirs = AppPaths::dictionaryDirs();

    // Loading a dictionary takes tens of milliseconds: done off the UI thread, handed over when ready.
    struct Loaded {
        std::shared_ptr<SpellChecker> checker; ///< null: no dictionary for the language
    };
    s.spellLoader.start<Loaded>(
        *this,
        [language, wordLists, personal, dictionaryDirs] {
            Loaded loaded;
            if (const auto dict = SpellChecker::findDictionary(language, dictionaryDirs)) {
                loaded.checker = std::make_shared<SpellChecker>(dict->first, dict->second, personal);
                for (const auto& list : wordLists)
                    loaded.checker->addWordList(list);
            }
            return loaded;
        },
        [this, language](JobOutcome<Loaded> outcome) {
            if (!state_) return;
            // The message is worded here, on the UI thread, where the translations are.
            wxString problem;
            if (!outcome.failure.empty()) {
                problem = wxString::Format(_("Spell-check is off: %s"), wxString::FromUTF8(outcome.failure));
            } else if (!outcome.result->checker) {
                // Debian names its dictionaries hunspell-es, hunspell-pt-br, hunspell-en-us.
                wxString package = "hunspell-" + wxString::FromUTF8(language).Lower();
                package.Replace("_", "-");
                problem =
                    wxString::Format(_("No spell-check dictionary for %s is installed (Debian: %s); notes "
                                       "work without spell-check."),
                                     wxString::FromUTF8(language), package);
            }
            if (!problem.empty())
                state_->services.notify(UserServices::Level::Warning, problem.utf8_string());
            if (!outcome.result || !outcome.result->checker) return;
            state_->spell = outcome.result->checker;
            if (state_->frame) state_->frame->setSpellChecker(state_->spell.get());
        });
}

void CompanionApp::startBenchmarkHooks() {
    // For tests/bench/startup_bench: report when the first frame is up (and leave), or run a call so
    // the idle cost of a ticking timer can be measured. Unset in normal use.
    wxString mode;
    if (!wxGetEnv("CALL_COMPANION_BENCH", &mode)) return;
    CallAfter([this, mode] {
        if (mode == "shown") {
            timespec ts{};
            clock_gettime(CLOCK_MONOTONIC, &ts);
            std::printf("shown %lld\n", static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec);
            std::fflush(stdout);
            state_->frame->Close();
        } else if (mode == "call") {
            state_->frame->startCall();
        }
    });
}

int CompanionApp::OnExit() {
    if (state_) {
        state_->spellLoader.wait();
        if (state_->session) state_->session->flush();
        if (state_->config) state_->config->Flush();
        wxConfigBase::Set(nullptr);
        state_.reset();
    }
    return wxApp::OnExit();
}

int runGui(int argc, char** argv, const CommandLine& cmd) {
    CompanionApp::setCommandLine(cmd);
    // wx's default for a failed internal check is a modal dialog: it takes the keyboard from the notes
    // mid-sentence, and the Return the agent types next presses its "Stop" button. A failed check is
    // one line on stderr instead, where the GUI tests look for it.
    wxSetAssertHandler(
        [](const wxString& file, int line, const wxString& func, const wxString& cond, const wxString& msg) {
            std::fprintf(stderr, "call-companion: wx check failed: %s:%d in %s(): %s %s\n",
                         file.utf8_str().data(), line, func.utf8_str().data(), cond.utf8_str().data(),
                         msg.utf8_str().data());
        });
    const int rc = wxEntry(argc, argv);
    // wxEntry returns -1 when OnInit declined; say why with our own status.
    return rc == -1 ? g_initExitCode : rc;
}

} // namespace cc::ui
