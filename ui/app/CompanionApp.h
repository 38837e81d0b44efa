#pragma once

#include "cli/CommandLine.h"

#include <filesystem>
#include <memory>
#include <wx/app.h>

namespace cc {
class DataPack;
}

namespace cc::ui {

struct AppState;

/// Starts the companion: data folder, single instance, store, settings, session, window.
class CompanionApp : public wxApp {
public:
    CompanionApp();
    ~CompanionApp() override;

    bool OnInit() override;
    int OnExit() override;

    /// The exit status when OnInit declined to start (a second instance, an unusable data folder).
    int initExitCode() const { return initExitCode_; }
    static void setCommandLine(const CommandLine& cmd);

private:
    bool fail(const wxString& message);
    void startBenchmarkHooks();
    void applyQueuedCommands(const std::filesystem::path& dataDir);
    void loadContent(const DataPack& pack);
    void loadSpellChecker(const DataPack& pack);
    /// Puts team pack `version` of the data folder in use (between calls).
    void useTeamPack(const std::filesystem::path& dataDir, std::int64_t version);

    std::unique_ptr<AppState> state_;
    int initExitCode_ = 0;
};

/// Runs the GUI with the parsed command line; returns the process exit status.
int runGui(int argc, char** argv, const CommandLine& cmd);

} // namespace cc::ui
