#include "sync/SyncWorker.h"

#include "review/ReviewStore.h"
#include "store/Database.h"
#include "sync/CallSync.h"
#include "sync/PgConnection.h"
#include "sync/ReviewSync.h"
#include "sync/TeamKnowledge.h"
#include "sync/TeamPack.h"

#include <memory>
#include <random>

namespace cc {

using namespace std::chrono_literals;

SyncWorker::SyncWorker(std::filesystem::path store, std::filesystem::path reviews, ServerConfig config,
                       std::function<void(const SyncState&)> report)
    : store_(std::move(store)), reviews_(std::move(reviews)), config_(std::move(config)),
      report_(std::move(report)), thread_([this] { run(); }) {}

SyncWorker::~SyncWorker() {
    stop_ = true;
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    wakeUp_.notify_all();
    thread_.join();
}

void SyncWorker::wake() {
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    wakeUp_.notify_all();
}

void SyncWorker::setAgentState(FloorState state, std::chrono::steady_clock::time_point since,
                               std::optional<std::chrono::steady_clock::time_point> callSince,
                               Duration hold) {
    {
        std::lock_guard lock(mutex_);
        live_ = Live{state, since, callSince, hold};
        liveChanged_ = true;
        woken_ = true;
    }
    wakeUp_.notify_all();
}

void SyncWorker::sleepUntil(std::chrono::steady_clock::time_point until) {
    std::unique_lock lock(mutex_);
    wakeUp_.wait_until(lock, until, [this] { return woken_; });
    woken_ = false;
}

void SyncWorker::run() {
    std::mt19937 rng(std::random_device{}());
    std::unique_ptr<Database> db, reviewsDb;
    std::unique_ptr<ReviewStore> reviews;
    std::unique_ptr<PgConnection> server;
    // The server's reviews are read at the first round and every few minutes after.
    auto nextFetch = std::chrono::steady_clock::now();
    auto nextBeat = std::chrono::steady_clock::now();
    bool publishes = true; // a login that may not publish a state (a reviewer) stops trying
    // The team's knowledge base: asked at the first round, then every 30 s (with the heartbeat, on its
    // connection). A server without it (an older schema) is not asked again.
    auto nextKnowledge = std::chrono::steady_clock::now();
    bool knowledge = true;
    bool packs = true;
    const TeamPacks localPacks(store_.parent_path());
    SyncState state, reported;
    state.packVersion = localPacks.newest();
    bool first = true;
    auto tell = [&] {
        if (first || state != reported) report_(state);
        reported = state;
        first = false;
    };
    while (!stop_) {
        auto next = std::chrono::steady_clock::now() + 60s;
        try {
            if (!db) {
                db = std::make_unique<Database>(store_);
                db->setBusyTimeout(2s);
            }
            if (!reviews && !reviews_.empty()) {
                reviewsDb = std::make_unique<Database>(reviews_);
                reviewsDb->setBusyTimeout(2s);
                reviews = std::make_unique<ReviewStore>(*reviewsDb);
            }
            std::optional<Live> live;
            bool changed = false;
            {
                std::lock_guard lock(mutex_);
                live = live_;
                changed = liveChanged_;
                liveChanged_ = false;
            }
            const auto steadyNow = std::chrono::steady_clock::now();
            if (live && publishes && (changed || steadyNow >= nextBeat)) {
                nextBeat = steadyNow + 30s;
                try {
                    if (!server) server = std::make_unique<PgConnection>(config_, &stop_);
                    std::optional<Duration> inCall;
                    if (live->callSince)
                        inCall = std::chrono::duration_cast<Duration>(steadyNow - *live->callSince);
                    publishState(*server,
                                 PublishedState{live->state,
                                                std::chrono::duration_cast<Duration>(steadyNow - live->since),
                                                inCall, live->hold});
                    if (state.kind == SyncState::Kind::Offline) {
                        state.kind = SyncState::Kind::Synced;
                        state.offlineSince.reset();
                        state.error.clear();
                    }
                } catch (const PgError& e) {
                    if (!e.refusedForGood()) {
                        std::lock_guard lock(mutex_);
                        liveChanged_ = true; // the latest state goes when the server is back
                        throw;
                    }
                    publishes = false;
                }
            }
            if (live && publishes) next = std::min(next, nextBeat);
            Outbox outbox(*db);
            const auto now = std::chrono::system_clock::now();
            const bool reviewsDue = reviews && !reviews->dueShares(now, 1).empty();
            const bool fetchDue = reviews && std::chrono::steady_clock::now() >= nextFetch;
            if (reviews) state.reviewsWaiting = reviews->sharesWaiting();
            if (reviewsDue || fetchDue) {
                if (!server) server = std::make_unique<PgConnection>(config_, &stop_);
                if (reviewsDue) sendDueReviews(*reviews, *server, now, rng);
                if (fetchDue) {
                    nextFetch = std::chrono::steady_clock::now() + 5min;
                    fetchReviews(*reviews, *server);
                }
                state.reviewsWaiting = reviews->sharesWaiting();
            }
            bool sent = false;
            if (!outbox.due(now, 1).empty()) {
                // Said before the server is asked: a server that holds the batch up leaves the window
                // saying that calls wait, not that all are synced.
                state.counts = outbox.counts();
                if (state.kind == SyncState::Kind::Synced) state.kind = SyncState::Kind::Sending;
                tell();
                if (!server) server = std::make_unique<PgConnection>(config_, &stop_);
                sendDue(*db, *server, now, rng);
                state.kind = SyncState::Kind::Synced;
                state.offlineSince.reset();
                state.error.clear();
                sent = true;
            }
            state.proposalsWaiting = proposalsWaiting(*db);
            const bool knowledgeDue = knowledge && std::chrono::steady_clock::now() >= nextKnowledge;
            if (knowledge && (state.proposalsWaiting > 0 || knowledgeDue)) {
                try {
                    if (!server) server = std::make_unique<PgConnection>(config_, &stop_);
                    if (state.proposalsWaiting > 0) {
                        sendProposals(*db, *server);
                        state.proposalsWaiting = proposalsWaiting(*db);
                    }
                    if (knowledgeDue) {
                        nextKnowledge = std::chrono::steady_clock::now() + 30s;
                        state.knowledgeVersion = teamKnowledgeVersion(*db);
                        state.knowledgeChanged = 0;
                        if (teamKnowledgeNewer(*server, state.knowledgeVersion)) {
                            const KnowledgePull pull = pullTeamKnowledge(*db, *server);
                            state.knowledgeVersion = pull.version;
                            state.knowledgeChanged = pull.changed;
                        }
                        if (packs) try {
                                if (serverPackVersion(*server) >
                                    std::max(localPacks.newest(), localPacks.refused())) {
                                    const TeamPacks::Pull pull = localPacks.pull(*server);
                                    if (pull.refusedVersion > 0) {
                                        state.packRefused = pull.refusedVersion;
                                        state.packProblem = pull.problems.front().toString();
                                    }
                                }
                                state.packVersion = localPacks.newest();
                            } catch (const PgError& e) {
                                if (!e.refusedForGood()) throw;
                                packs = false; // a server without packs (an older schema)
                            }
                    }
                } catch (const PgError& e) {
                    if (!e.refusedForGood()) throw;
                    knowledge = false;
                }
            }
            if (knowledge) next = std::min(next, nextKnowledge);
            // Nothing sent: the server is not held open for nothing.
            if (!sent) server.reset();
            state.counts = outbox.counts();
            // A connection left with nothing to send is closed at a round a few seconds on: a floor of
            // agents does not hold one each between calls.
            if (server) next = std::min(next, std::chrono::steady_clock::now() + 5s);
            if (state.counts.waiting > 0 && state.kind != SyncState::Kind::Offline)
                state.kind = SyncState::Kind::Sending;
            if (const auto due = outbox.nextDue())
                next = std::min(next, std::chrono::steady_clock::now() +
                                          std::max<std::chrono::milliseconds>(
                                              100ms, std::chrono::duration_cast<std::chrono::milliseconds>(
                                                         *due - std::chrono::system_clock::now())));
        } catch (const PgError& e) {
            server.reset();
            if (stop_) break;
            if (state.kind != SyncState::Kind::Offline) state.offlineSince = std::chrono::system_clock::now();
            state.kind = SyncState::Kind::Offline;
            state.error = e.what();
            try {
                if (db) state.counts = Outbox(*db).counts();
                if (const auto due = db ? Outbox(*db).nextDue() : std::nullopt)
                    next = std::chrono::steady_clock::now() +
                           std::max<std::chrono::milliseconds>(
                               1s, std::chrono::duration_cast<std::chrono::milliseconds>(
                                       *due - std::chrono::system_clock::now()));
            } catch (const std::exception&) {
            }
        } catch (const std::exception& e) {
            // The store is locked, damaged or gone: try again later, and say so.
            reviews.reset();
            reviewsDb.reset();
            db.reset();
            state.kind = SyncState::Kind::Offline;
            if (!state.offlineSince) state.offlineSince = std::chrono::system_clock::now();
            state.error = e.what();
        }
        tell();
        if (stop_) break;
        sleepUntil(next);
    }
}

} // namespace cc
