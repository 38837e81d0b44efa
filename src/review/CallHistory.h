#pragma once

#include "call/CallRecord.h"
#include "core/Clock.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace cc {

class Database;

/// Marks a call can carry, for the history's flag filter. A filter names the ones a call must have.
enum CallFlag : unsigned {
    FlagDifficult = 1u << 0, ///< the agent flagged it as a hard call
    FlagTraining = 1u << 1,  ///< a practice call
    FlagReferral = 1u << 2,  ///< the caller was given a referral
    FlagMasked = 1u << 3,    ///< a card number, security code or SSN was masked
    FlagMissed = 1u << 4,    ///< it rang and was never answered
};

inline constexpr std::size_t kMaxSearchWords = 16;

/// Which calls the history shows. Every part left empty matches every call.
struct HistoryFilter {
    std::optional<WallTime> from{}; ///< calls that started at or after this
    std::optional<WallTime> to{};   ///< calls that started before this
    std::string outcome{};          ///< an outcome id
    unsigned flags = 0;             ///< CallFlag bits the call must all have
    std::string text{}; ///< words that must all appear in the call's notes (the last may be half-typed);
                        ///< only the first kMaxSearchWords count

    bool operator==(const HistoryFilter&) const = default;
};

/// The saved calls, for review: which calls match a filter, and the rows to show them. Finding returns
/// only ids, so a list of 100,000 calls costs one indexed scan; the rows are read a page at a time as
/// the list scrolls. It only reads: the connection may be read-only, and review never changes a call.
class CallHistory {
public:
    explicit CallHistory(Database& db) : db_(db) {}

    /// The ids of the matching calls, newest first.
    std::vector<std::int64_t> find(const HistoryFilter& filter);

    /// The rows for these ids, in the same order; an id with no call is left out.
    std::vector<CallSummary> rows(std::span<const std::int64_t> ids);

    /// The outcome ids that saved calls have, for the outcome filter.
    std::vector<std::string> outcomesUsed();

    /// The call, as saved (throws std::out_of_range for an unknown id).
    CallRecord load(std::int64_t id);

    /// The store's own id (the agent's database or an archive), for keeping reviews apart.
    std::string storeId();

    Database& database() { return db_; }

private:
    Database& db_;
};

} // namespace cc
