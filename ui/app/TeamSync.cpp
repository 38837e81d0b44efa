#include "app/TeamSync.h"

#include "core/Format.h"
#include "core/UserServices.h"
#include "review/ReviewStore.h"
#include "store/DataDir.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "sync/CallSync.h"
#include "sync/Floor.h"
#include "sync/PgConnection.h"
#include "sync/TeamKnowledge.h"

#include <wx/app.h>
#include <wx/intl.h>

namespace cc::ui {

wxString syncText(const SyncState& s) {
    const int waiting = s.counts.waiting;
    wxString text;
    if (s.kind == SyncState::Kind::Offline && s.offlineSince)
        // TRANSLATORS: %s is a time of day, %d a number of calls.
        text = wxString::Format(wxPLURAL("Team server offline since %s · %d call waiting",
                                         "Team server offline since %s · %d calls waiting", waiting),
                                wxString::FromUTF8(formatTimeOfDay(*s.offlineSince)), waiting);
    else if (waiting > 0)
        text = wxString::Format(
            wxPLURAL("Team server: %d call waiting", "Team server: %d calls waiting", waiting), waiting);
    else
        text = _("Team server: all calls synced");
    if (s.counts.refused > 0)
        text << " · "
             << wxString::Format(wxPLURAL("%d refused", "%d refused", s.counts.refused), s.counts.refused);
    if (s.proposalsWaiting > 0)
        text << " · "
             << wxString::Format(wxPLURAL("%d proposal waiting", "%d proposals waiting", s.proposalsWaiting),
                                 s.proposalsWaiting);
    if (s.counts.quarantined > 0)
        text << " · "
             << wxString::Format(wxPLURAL("%d kept aside", "%d kept aside", s.counts.quarantined),
                                 s.counts.quarantined);
    return text;
}

TeamSync::TeamSync(const std::filesystem::path& dataDir, const std::filesystem::path& storePath,
                   Database& store, UserServices& services, const std::string& reviewerName,
                   std::function<void(const wxString&)> show)
    : store_(store), services_(services),
      shown_(std::make_shared<Shown>(Shown{std::move(show), {}, {}, {}})) {
    const auto file = dataDir / "server.toml";
    ServerConfigRead read = readServerConfig(file);
    for (const auto& e : read.errors)
        services.notify(UserServices::Level::Warning, wxString::Format(_("The team server is not used: %s"),
                                                                       wxString::FromUTF8(e.toString()))
                                                          .utf8_string());
    if (!read.errors.empty()) return; // a broken file changes nothing: the outbox keeps what it had
    try {
        followServerConfig(store, read.config ? &*read.config : nullptr, std::chrono::system_clock::now());
    } catch (const std::exception& e) {
        services.notify(UserServices::Level::Warning,
                        wxString::Format(_("The team server is not used: %s"), wxString::FromUTF8(e.what()))
                            .utf8_string());
        return;
    }
    if (!read.config) return;
    config_ = read.config;
    // Reviews are the login's on a team server, not a typed name's: this PC's earlier ones become it.
    try {
        const auto reviewsDb = DataDir(dataDir).openSideDatabase("reviews.db");
        ReviewStore(*reviewsDb).adoptReviewer(reviewerName, read.config->user);
    } catch (const std::exception& e) {
        services.notify(
            UserServices::Level::Warning,
            wxString::Format(_("Your earlier reviews could not be shared with the team server: %s"),
                             wxString::FromUTF8(e.what()))
                .utf8_string());
    }
    std::weak_ptr<Shown> target = shown_;
    worker_ = std::make_unique<SyncWorker>(
        storePath, dataDir / "reviews.db", *read.config, [target](const SyncState& state) {
            // On the worker's thread: the words are made and shown on the UI thread.
            wxTheApp->CallAfter([target, state] {
                if (const auto shown = target.lock()) {
                    const bool arrived =
                        state.knowledgeChanged > 0 && state.knowledgeVersion != shown->last.knowledgeVersion;
                    const bool packChanged = state.packVersion != shown->last.packVersion ||
                                             state.packRefused != shown->last.packRefused;
                    shown->last = state;
                    shown->show(syncText(state));
                    if (arrived && shown->knowledge) shown->knowledge(state.knowledgeChanged);
                    if (packChanged && shown->pack)
                        shown->pack(state.packVersion, state.packRefused, state.packProblem);
                }
            });
        });
}

TeamSync::~TeamSync() {
    stopCheck_ = true;
    if (floorCheck_.joinable()) floorCheck_.join();
}

void TeamSync::checkFloor(std::function<void()> yes) {
    if (!config_ || floorCheck_.joinable()) return;
    std::weak_ptr<Shown> alive = shown_;
    floorCheck_ = std::thread([this, alive, yes = std::move(yes), config = *config_] {
        try {
            PgConnection server(config, &stopCheck_);
            if (!watchesFloor(server)) return;
            wxTheApp->CallAfter([alive, yes] {
                if (alive.lock()) yes();
            });
        } catch (const std::exception&) {
            // Not reachable now: the floor is offered at the next start.
        }
    });
}

bool TeamSync::propose(std::int64_t entryId) {
    if (!worker_) return false;
    try {
        proposeKnowledge(store_, entryId, std::chrono::system_clock::now());
    } catch (const std::exception& e) {
        services_.notify(UserServices::Level::Warning,
                         wxString::Format(_("The entry is saved here, but not proposed to your team: %s"),
                                          wxString::FromUTF8(e.what()))
                             .utf8_string());
        return false;
    }
    worker_->wake();
    return true;
}

void TeamSync::callDone() {
    if (!worker_) return;
    // The window counts the new call at once from its own store: the worker may be held up by the
    // server and report only later.
    try {
        shown_->last.counts = Outbox(store_).counts();
        shown_->show(syncText(shown_->last));
    } catch (const std::exception&) {
    }
    worker_->wake();
}

} // namespace cc::ui
