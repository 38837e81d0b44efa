#pragma once

#include "call/CallRecord.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace cc {

class Database;

class Statement;
/// The columns readSummaries() expects, for "SELECT <these> FROM calls ...".
extern const char* const kSummaryColumns;
/// Steps through a statement that selected kSummaryColumns.
std::vector<CallSummary> readSummaries(Statement& st);

/// Which parts of a call changed since the last save, so a keystroke in the notes does not rewrite
/// the transfers and a state change does not rewrite the notes.
struct SaveParts {
    bool notes = false;        ///< rewrite the note lines from `notesFrom` on
    std::size_t notesFrom = 0; ///< typing at the end of a long note rewrites one line, not all
    bool transfers = false;

    void merge(const SaveParts& other);
};

/// Reads and writes calls. Every save is one transaction: a crash leaves either the old or the new
/// version of the call, never a mix.
class CallStore {
public:
    explicit CallStore(Database& db) : db_(db) {}

    /// Saves the call row and segments, the parts named, and appends `newEvents`. A call with id 0 is
    /// new: its row is created in the same transaction. Returns the call's id.
    std::int64_t save(const CallRecord& call, SaveParts parts, std::span<const TimelineEvent> newEvents);
    /// The same inside the caller's transaction (many calls written at once).
    std::int64_t saveWithin(const CallRecord& call, SaveParts parts,
                            std::span<const TimelineEvent> newEvents);

    /// The newest call that was never finished (the app closed or died during it), if any.
    std::optional<std::int64_t> unfinishedCall();

    /// Throws std::out_of_range if there is no such call.
    CallRecord load(std::int64_t id);

    /// Calls that started at or after `from`, newest first.
    std::vector<CallSummary> callsSince(WallTime from);

    /// Finished calls with the same callback number or case number (either may be empty), newest
    /// first, leaving out call `except`.
    std::vector<CallSummary> earlierCalls(const std::string& callbackNumber, const std::string& caseNumber,
                                          std::int64_t except);

    /// Calls today from a callback number, leaving out call `except`.
    int countFrom(const std::string& callbackNumber, WallTime since, std::int64_t except);

    /// The agent's own break log: kept here, never exported.
    std::int64_t startBreak(WallTime at, const std::string& reason);
    void endBreak(std::int64_t id, WallTime at);
    int breaksSince(WallTime from);

    Database& database() { return db_; }

private:
    Database& db_;
};

} // namespace cc
