#pragma once

#include "knowledge/KnowledgeSearch.h"

#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace cc {

class Database;

/// Runs knowledge searches on a thread of its own, with its own connection, so the UI thread never
/// waits on a query. Only the newest query matters: a new one interrupts the one running
/// (sqlite3_interrupt), and results of an outdated query are never delivered.
class SearchWorker {
public:
    /// Called on the worker thread: the generation submit() returned, and its results.
    using Deliver = std::function<void(std::uint64_t generation, KnowledgeResults results)>;

    SearchWorker(std::filesystem::path database, Deliver deliver,
                 std::shared_ptr<const QueryVocabulary> vocabulary = nullptr);
    ~SearchWorker();
    SearchWorker(const SearchWorker&) = delete;
    SearchWorker& operator=(const SearchWorker&) = delete;

    /// Search and paint within one 16 ms frame: this long for the ranked query, as long for the quick
    /// one if the ranking does not fit, and the rest for snippets and the card.
    static constexpr std::chrono::microseconds kBudget{3000};

    /// Queues a search, replacing any queued one, and interrupts the one running. Returns its generation.
    std::uint64_t submit(std::string query, std::size_t limit = 20);

private:
    void loop();

    std::filesystem::path path_;
    Deliver deliver_;
    std::shared_ptr<const QueryVocabulary> vocabulary_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<std::pair<std::string, std::size_t>> queued_;
    std::uint64_t generation_ = 0;
    bool stop_ = false;
    KnowledgeSearch* running_ = nullptr; // guarded by mutex_; only interrupt() is called through it
    std::thread thread_;
};

} // namespace cc
