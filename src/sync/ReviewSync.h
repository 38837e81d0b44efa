#pragma once

#include "core/Clock.h"
#include "review/Scorecard.h"

#include <nlohmann/json.hpp>
#include <random>

namespace cc {

class PgConnection;
class ReviewStore;

/// A score sheet as the team server keeps it (cc.reviews.sheet), and back.
nlohmann::json sheetJson(const ScoreSheet& sheet);
ScoreSheet sheetFromJson(const nlohmann::json& j);

struct ReviewSyncReport {
    int sent = 0;
    int refused = 0;
    int received = 0; ///< reviews read from the server into the local reviews file
};

/// Sends the reviews waiting in `reviews` to the team server, each under the login of the connection
/// (a review is keyed by the reviewer's login on the server, never a typed name), one savepoint each:
/// a refused one is parked. A lost connection leaves them for a later try and is rethrown.
ReviewSyncReport sendDueReviews(ReviewStore& reviews, PgConnection& server, WallTime now, std::mt19937& rng);

/// Reads the reviews the server lets this login see that changed since the last read (an agent: the
/// reviews of their own calls; a reviewer: their team's) into `reviews`, so the history shows them.
ReviewSyncReport fetchReviews(ReviewStore& reviews, PgConnection& server);

} // namespace cc
