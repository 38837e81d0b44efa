#pragma once

#include "data/DataError.h"
#include "review/ReviewTimeline.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cc {

/// One thing a reviewer scores, e.g. "Empathy", on a scale of 0..scale, weighted against the others.
struct Criterion {
    std::string id;
    std::string title;
    std::string guide; ///< what a full score looks like, shown beside the score
    double weight = 1;
    int scale = 5;
};

/// Something that fails the call whatever its scores, e.g. "Card number written in the notes".
struct CriticalItem {
    std::string id;
    std::string title;
    std::string guide;
};

/// A QA form from data/scorecards/*.toml.
struct Scorecard {
    std::string id;
    std::string name;
    double passMark = 80; ///< percent
    std::vector<Criterion> criteria;
    std::vector<CriticalItem> critical;
};

struct ScorecardRead {
    std::optional<Scorecard> card;
    std::vector<DataError> errors;
};

/// Reads a scorecard. Problems are located (file:line:column); a card with any problem is not used,
/// since a reviewer's scores must not silently change meaning.
ScorecardRead parseScorecard(std::string_view text, const std::string& file);

/// The scorecards in a folder, in file-name order, and every problem found.
struct ScorecardLibrary {
    std::vector<Scorecard> cards;
    std::vector<DataError> errors;

    static ScorecardLibrary loadFolder(const std::filesystem::path& dir);
    const Scorecard* find(std::string_view id) const;
};

/// A reviewer's scoring of one call.
struct ScoreSheet {
    std::string reviewer;
    std::string scorecardId;
    std::map<std::string, int> scores;          ///< criterion id -> 0..scale; absent: not scored yet
    std::map<std::string, bool> notApplicable;  ///< criterion id -> true: left out of the total
    std::map<std::string, bool> criticalFailed; ///< critical item id -> true: the call fails
    std::string summary;                        ///< the reviewer's overall comment
    std::vector<PinnedComment> comments;        ///< pinned to moments of the call

    bool operator==(const ScoreSheet&) const = default;
};

/// The sums a scorecard gives.
struct ScoreResult {
    double earned = 0;                      ///< weighted points earned over the scored criteria
    double possible = 0;                    ///< weighted points possible over them
    std::optional<double> percent;          ///< earned / possible, 0..100; none until something is scored
    double finalPercent = 0;                ///< the percent, or 0 when a critical item failed
    std::vector<std::string> criticalFails; ///< titles of the failed critical items
    int unscored = 0;                       ///< criteria neither scored nor marked not applicable
    bool complete = false;                  ///< every criterion scored or not applicable
    bool passed = false;                    ///< complete, no critical fail, and at or above the pass mark
};

/// Weighted percent: each criterion gives weight x score / scale; not-applicable ones count for
/// nothing either way. A failed critical item sets the final score to 0 and fails the call. Scores
/// outside 0..scale are clamped.
ScoreResult score(const Scorecard& card, const ScoreSheet& sheet);

} // namespace cc
