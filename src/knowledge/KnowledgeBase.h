#pragma once

#include "core/Progress.h"
#include "knowledge/KnowledgeEntry.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cc {

class Database;

/// The referral entries in the store. Search lives in KnowledgeSearch; this is reading and writing.
class KnowledgeBase {
public:
    explicit KnowledgeBase(Database& db) : db_(db) {}

    /// Returns the new entry's id. Throws std::invalid_argument if validate() refuses the entry.
    std::int64_t add(const KnowledgeEntry& e);
    /// add() inside the caller's transaction.
    std::int64_t addWithin(const KnowledgeEntry& e);
    void update(const KnowledgeEntry& e);
    void remove(std::int64_t id);
    std::optional<KnowledgeEntry> get(std::int64_t id);
    std::vector<KnowledgeEntry> all();
    /// Who approved entry `id` for the team, if it is an entry of the team's knowledge base (team_kb),
    /// else empty.
    std::string approvedBy(std::int64_t id);
    std::int64_t count();

    /// The agent referred a caller to entry `id` after searching for `terms` (KnowledgeResults::terms):
    /// remembered on this PC, so the entry ranks higher for similar searches. At most
    /// kMaxLearnedTerms words an entry; the least used and oldest go first. `today` is YYYY-MM-DD.
    void learn(std::int64_t id, const std::vector<std::string>& terms, const std::string& today);
    static constexpr int kMaxLearnedTerms = 64;

    /// Adds every entry in one transaction: all of them, or (on an error or a cancel) none. Returns
    /// false if cancelled.
    bool importAll(const std::vector<KnowledgeEntry>& entries, const Progress& progress = {});

    /// On the first start only, loads the bundled sample directory (data/knowledge/referrals.csv), so an
    /// agent who deletes entries later does not get them back. Returns the file's problems, if any.
    std::vector<std::string> seedOnce(const std::filesystem::path& bundledCsv);

private:
    void storeLearned(std::int64_t id, const std::string& learned);
    std::string learnedOf(std::int64_t id);

    Database& db_;
};

} // namespace cc
