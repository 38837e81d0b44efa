#pragma once

#include "core/Clock.h"
#include "review/Scorecard.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cc {

class Database;

/// A saved review of one call, as listed in the history.
struct ReviewSummary {
    std::string reviewer;
    std::string scorecardId;
    std::optional<double> percent;
    double finalPercent = 0;
    bool passed = false;
    WallTime updatedAt;
};

/// A review waiting for the team server.
struct SharedReview {
    std::int64_t reviewId = 0;
    std::string storeId;
    std::int64_t callId = 0;
    ScoreSheet sheet;
    std::optional<double> percent;
    double finalPercent = 0;
    bool passed = false;
    int attempts = 0;
};

/// The QA reviewers' scores and comments. They live in their own database file (reviews.db in the
/// reviewer's data folder), never in the agent's: reviewing cannot change a call, and an agent's export
/// or archive never carries a reviewer's notes unless asked. A review is keyed by the store the call
/// came from (the agent's database or an archive, by its store id), the call's id and the reviewer.
class ReviewStore {
public:
    /// Migrates the review schema.
    explicit ReviewStore(Database& db);

    /// Saves (or replaces) this reviewer's review of the call, with the result as scored now. `share`:
    /// the call is on the team server, and the review goes there too (queued in this same transaction).
    void save(const std::string& storeId, std::int64_t callId, const ScoreSheet& sheet,
              const ScoreResult& result, WallTime now, bool share = false);
    /// A review read from the team server (another reviewer's, or one of the agent's calls): saved as
    /// it is there, unless this reviewer's own newer copy still waits to be sent. False if kept.
    bool saveFromServer(const std::string& storeId, std::int64_t callId, const ScoreSheet& sheet,
                        const ScoreResult& result, WallTime updatedAt);

    /// Reviews waiting to be sent to the team server, due at `now`.
    std::vector<SharedReview> dueShares(WallTime now, int limit);
    void shared(std::int64_t reviewId);
    void shareLater(std::int64_t reviewId, WallTime at, const std::string& error);
    void shareRefused(std::int64_t reviewId, const std::string& error);
    int sharesWaiting();
    /// A PC joining a team server: the reviews saved under the name the reviewer typed become their
    /// login's, and are queued for the server (one whose call the server does not hold is parked there
    /// with its reason). A review the login already has for the same call is kept instead. Once per
    /// login; returns how many reviews were adopted.
    int adoptReviewer(const std::string& typedName, const std::string& login);
    /// Small facts of the reviews file (how far the server's reviews were read).
    std::string meta(const std::string& key);
    void setMeta(const std::string& key, const std::string& value);

    /// This reviewer's review of the call, if there is one.
    std::optional<ScoreSheet> load(const std::string& storeId, std::int64_t callId,
                                   const std::string& reviewer);

    /// Every review of the call, newest first.
    std::vector<ReviewSummary> reviewsOf(const std::string& storeId, std::int64_t callId);
    /// Every review of the call whole (scores, summary, pinned comments), newest first: what a report
    /// of the call prints.
    std::vector<ScoreSheet> sheetsOf(const std::string& storeId, std::int64_t callId);

private:
    std::int64_t write(const std::string& storeId, std::int64_t callId, const ScoreSheet& sheet,
                       const ScoreResult& result, WallTime now);

    Database& db_;
};

} // namespace cc
