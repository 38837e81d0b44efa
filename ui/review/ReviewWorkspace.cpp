#include "review/ReviewWorkspace.h"

#include "app/BackgroundJob.h"
#include "core/Format.h"
#include "core/Platform.h"
#include "pack/DataPack.h"
#include "review/CallArchive.h"
#include "review/HistoryFrame.h"
#include "review/ReviewStore.h"
#include "review/StatsFrame.h"
#include "review/TeamFrame.h"
#include "store/DataDir.h"
#include "store/Database.h"
#include "sync/PgConnection.h"
#include "sync/TeamCalls.h"

#include <wx/filedlg.h>
#include <wx/msgdlg.h>

namespace cc::ui {

ReviewWorkspace::ReviewWorkspace(std::filesystem::path dataDir, std::filesystem::path contentDir,
                                 const OutcomeList& outcomes, Settings& settings)
    : dataDir_(std::move(dataDir)), contentDir_(std::move(contentDir)),
      databasePath_(DataDir(dataDir_).databasePath()), outcomes_(outcomes), settings_(settings) {}

ReviewWorkspace::~ReviewWorkspace() = default;

const ScorecardLibrary& ReviewWorkspace::scorecards() {
    if (!scorecards_) {
        // A team's own forms, kept in the data folder, stand beside the pack's.
        scorecards_ = std::make_unique<ScorecardLibrary>(DataPack(contentDir_, dataDir_).scorecards());
    }
    return *scorecards_;
}

void ReviewWorkspace::useContent(std::filesystem::path contentDir) {
    contentDir_ = std::move(contentDir);
    if (scorecards_) retired_.push_back(std::move(scorecards_));
}

ReviewStore* ReviewWorkspace::reviews(wxWindow* parent) {
    if (reviews_) return reviews_.get();
    try {
        reviewsDb_ = DataDir(dataDir_).openSideDatabase("reviews.db");
        reviews_ = std::make_unique<ReviewStore>(*reviewsDb_);
    } catch (const std::exception& e) {
        reviewsDb_.reset();
        wxMessageBox(wxString::Format(_("Reviews cannot be saved: %s"), wxString::FromUTF8(e.what())),
                     _("Call review"), wxOK | wxICON_WARNING, parent);
        return nullptr;
    }
    return reviews_.get();
}

void ReviewWorkspace::openHistory(wxWindow* parent, std::int64_t callId) {
    try {
        auto db = std::make_unique<Database>(databasePath_, true);
        auto* frame = new HistoryFrame(parent, *this, std::move(db), databasePath_, HistoryFrame::Source::Own,
                                       wxString());
        frame->Show();
        if (callId) frame->openCall(callId);
    } catch (const std::exception& e) {
        wxMessageBox(
            wxString::Format(_("The call history cannot be opened: %s"), wxString::FromUTF8(e.what())),
            _("Call history"), wxOK | wxICON_ERROR, parent);
    }
}

void ReviewWorkspace::openArchive(wxWindow* parent) {
    wxFileDialog dialog(parent, _("Open a call archive"), wxString(), wxString(),
                        _("Call archives (*.ccarchive)|*.ccarchive|All files|*"),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK) return;
    openArchive(parent, pathFromUtf8(dialog.GetPath().utf8_string()));
}

void ReviewWorkspace::openArchive(wxWindow* parent, const std::filesystem::path& file) {
    // Opening checks the whole archive first: a large one takes a moment, behind a progress dialog.
    auto opened = runWithProgress<OpenedArchive>(parent, _("Open a call archive"), _("Checking the archive…"),
                                                 [&file](const Progress&) { return cc::openArchive(file); });
    if (!opened.result) {
        if (!opened.failure.empty())
            wxMessageBox(wxString::FromUTF8(opened.failure), _("Open a call archive"), wxOK | wxICON_ERROR,
                         parent);
        return;
    }
    OpenedArchive& archive = *opened.result;
    wxString who = wxString::FromUTF8(archive.info.agent);
    if (who.empty()) who = wxString::FromUTF8(pathUtf8(file.filename()));
    try {
        auto* frame =
            new HistoryFrame(parent, *this, std::move(archive.db), file, HistoryFrame::Source::Archive, who);
        frame->Show();
    } catch (const std::exception& e) {
        wxMessageBox(wxString::FromUTF8(e.what()), _("Open a call archive"), wxOK | wxICON_ERROR, parent);
    }
}

void ReviewWorkspace::setTeamServer(std::optional<ServerConfig> config, std::function<void()> shared) {
    teamServer_ = std::move(config);
    shared_ = std::move(shared);
}

void ReviewWorkspace::openTeam(wxWindow* parent) {
    if (!teamServer_) return;
    (new TeamFrame(parent, *this))->Show();
}

std::optional<std::filesystem::path> ReviewWorkspace::fetchTeamArchive(
    wxWindow* parent, const std::string& name,
    const std::function<void(PgConnection&, const std::filesystem::path&)>& write) {
    if (!teamServer_) return std::nullopt;
    // Kept in the data folder (0700), one file each, written whole each time.
    const auto folder = DataDir(dataDir_).root() / "team";
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    std::filesystem::permissions(folder, std::filesystem::perms::owner_all, ec);
    const auto file = folder / (name + ".ccarchive");
    const ServerConfig config = *teamServer_;
    auto written =
        runWithProgress<bool>(parent, _("Team server"), _("Reading the calls from the team server…"),
                              [&](const Progress& progress) {
                                  PgConnection server(config, progress.cancel);
                                  write(server, file);
                                  return true;
                              });
    if (written.result) return file;
    if (!written.failure.empty())
        wxMessageBox(wxString::Format(_("The calls could not be read from the team server: %s"),
                                      wxString::FromUTF8(written.failure)),
                     _("Team calls"), wxOK | wxICON_ERROR, parent);
    return std::nullopt;
}

void ReviewWorkspace::openTeamCalls(wxWindow* parent, const std::string& storeId, const std::string& agent,
                                    const std::vector<std::int64_t>& ids, std::int64_t callId) {
    const auto file =
        fetchTeamArchive(parent, storeId, [&](PgConnection& server, const std::filesystem::path& out) {
            writeTeamArchive(server, storeId, ids, out);
        });
    if (!file) return;
    teamStores_[storeId] = true;
    try {
        OpenedArchive archive = cc::openArchive(*file);
        auto* frame = new HistoryFrame(parent, *this, std::move(archive.db), *file,
                                       HistoryFrame::Source::Archive, wxString::FromUTF8(agent));
        frame->Show();
        if (callId) frame->openCall(callId);
    } catch (const std::exception& e) {
        wxMessageBox(wxString::FromUTF8(e.what()), _("Team calls"), wxOK | wxICON_ERROR, parent);
    }
}

void ReviewWorkspace::openTeamStats(wxWindow* parent, const std::string& agent) {
    // This week, from Monday: the longest period the stats show.
    const WallTime since = startOfLocalWeek(std::chrono::system_clock::now());
    const auto file = fetchTeamArchive(parent, "stats-" + agent,
                                       [&](PgConnection& server, const std::filesystem::path& out) {
                                           writeAgentArchive(server, agent, since, out);
                                       });
    if (!file) return;
    try {
        OpenedArchive archive = cc::openArchive(*file);
        (new StatsFrame(parent, std::move(archive.db), outcomes_, wxString::FromUTF8(agent)))->Show();
    } catch (const std::exception& e) {
        wxMessageBox(wxString::FromUTF8(e.what()), _("Team calls"), wxOK | wxICON_ERROR, parent);
    }
}

std::optional<std::string> ReviewWorkspace::teamLogin(const std::string& storeId) const {
    if (!teamServer_ || !teamStores_.contains(storeId)) return std::nullopt;
    return teamServer_->user;
}

void ReviewWorkspace::reviewShared() const {
    if (shared_) shared_();
}

void ReviewWorkspace::openStats(wxWindow* parent) {
    try {
        auto db = std::make_unique<Database>(databasePath_, true);
        auto* frame = new StatsFrame(parent, std::move(db), outcomes_);
        frame->Show();
    } catch (const std::exception& e) {
        wxMessageBox(wxString::Format(_("Your stats cannot be shown: %s"), wxString::FromUTF8(e.what())),
                     _("My stats"), wxOK | wxICON_ERROR, parent);
    }
}

} // namespace cc::ui
