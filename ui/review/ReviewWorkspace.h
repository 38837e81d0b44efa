#pragma once

#include "review/Scorecard.h"
#include "sync/ServerConfig.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class wxWindow;

namespace cc {
class Database;
class OutcomeList;
class PgConnection;
class ReviewStore;
class Settings;
} // namespace cc

namespace cc::ui {

/// What the QA windows (history, review, stats) share: the agent's data folder, the reviewer's own
/// reviews.db (opened on first use, apart from the agent's calls), the scorecards, the outcome labels
/// and the settings. Owned by the companion window; each window it opens reads through its own
/// read-only connection.
class ReviewWorkspace {
public:
    ReviewWorkspace(std::filesystem::path dataDir, std::filesystem::path contentDir,
                    const OutcomeList& outcomes, Settings& settings);
    ~ReviewWorkspace();

    /// The history of the agent's own calls; with `callId`, that call's review opened from it.
    void openHistory(wxWindow* parent, std::int64_t callId = 0);
    /// Asks for an archive file and opens its history, read-only.
    void openArchive(wxWindow* parent);
    /// Opens the history of an archive file (from the command line or a test).
    void openArchive(wxWindow* parent, const std::filesystem::path& file);
    /// The agent's own stats for today and this week.
    void openStats(wxWindow* parent);
    /// The team's new pack is in use: windows opened from now on score with its scorecards (those
    /// open keep theirs).
    void useContent(std::filesystem::path contentDir);

    /// The team server, when this data folder has one: reviewers read the team's calls from it, and
    /// reviews of them go back to it. `shared` wakes the sync thread when a review is saved.
    void setTeamServer(std::optional<ServerConfig> config, std::function<void()> shared);
    const std::optional<ServerConfig>& teamServer() const { return teamServer_; }
    /// The team's calls on the server (a reviewer's or lead's window).
    void openTeam(wxWindow* parent);
    /// Reads the calls `ids` of one agent's store from the server and opens them as an archive, with
    /// `callId`'s review open. Nothing is opened if the server cannot be read (the person is told).
    void openTeamCalls(wxWindow* parent, const std::string& storeId, const std::string& agent,
                       const std::vector<std::int64_t>& ids, std::int64_t callId);
    /// An agent's stats, from their calls on the team server (every PC they sync from).
    void openTeamStats(wxWindow* parent, const std::string& agent);
    /// The login a review of the store's calls is saved and sent under, when they came from the team
    /// server: a review there is the login's, not a typed name's.
    std::optional<std::string> teamLogin(const std::string& storeId) const;
    /// A review of a team call was saved: the sync thread sends it.
    void reviewShared() const;

    const OutcomeList& outcomes() const { return outcomes_; }
    Settings& settings() { return settings_; }
    const ScorecardLibrary& scorecards();
    /// The reviewer's reviews; nullptr (after telling the person why) if reviews.db cannot be opened.
    ReviewStore* reviews(wxWindow* parent);
    const std::filesystem::path& databasePath() const { return databasePath_; }
    /// Where reviews() keeps the reviews, for a job that reads them through its own connection.
    std::filesystem::path reviewsPath() const { return dataDir_ / "reviews.db"; }

private:
    /// Writes NAME.ccarchive in the data folder's team/ (0700) from the server with `write`, behind a
    /// progress dialog that can cancel it. Its path, or nothing (the person was told why).
    std::optional<std::filesystem::path>
    fetchTeamArchive(wxWindow* parent, const std::string& name,
                     const std::function<void(PgConnection&, const std::filesystem::path&)>& write);

    std::filesystem::path dataDir_;
    std::filesystem::path contentDir_;
    std::filesystem::path databasePath_;
    const OutcomeList& outcomes_;
    Settings& settings_;
    std::unique_ptr<ScorecardLibrary> scorecards_;
    /// Scorecards of a pack no longer in use: windows still open may score with them.
    std::vector<std::unique_ptr<ScorecardLibrary>> retired_;
    std::unique_ptr<Database> reviewsDb_;
    std::unique_ptr<ReviewStore> reviews_;
    std::optional<ServerConfig> teamServer_;
    std::function<void()> shared_;
    std::map<std::string, bool> teamStores_; ///< stores whose calls were opened from the server
};

} // namespace cc::ui
