#include "knowledge/SearchWorker.h"

#include "store/Database.h"

#include <algorithm>

namespace cc {

SearchWorker::SearchWorker(std::filesystem::path database, Deliver deliver,
                           std::shared_ptr<const QueryVocabulary> vocabulary)
    : path_(std::move(database)), deliver_(std::move(deliver)), vocabulary_(std::move(vocabulary)),
      thread_([this] { loop(); }) {}

SearchWorker::~SearchWorker() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
        if (running_) running_->interrupt();
    }
    wake_.notify_one();
    thread_.join();
}

std::uint64_t SearchWorker::submit(std::string query, std::size_t limit) {
    std::uint64_t generation;
    {
        std::lock_guard lock(mutex_);
        queued_ = std::make_pair(std::move(query), limit);
        generation = ++generation_;
        if (running_) running_->interrupt();
    }
    wake_.notify_one();
    return generation;
}

void SearchWorker::loop() {
    std::unique_ptr<Database> db;
    std::unique_ptr<KnowledgeSearch> search;
    while (true) {
        std::pair<std::string, std::size_t> job;
        std::uint64_t generation;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stop_ || queued_.has_value(); });
            if (stop_) return;
            job = std::move(*queued_);
            queued_.reset();
            generation = generation_;
            if (!db) {
                try {
                    db = std::make_unique<Database>(path_);
                    search = std::make_unique<KnowledgeSearch>(*db, vocabulary_);
                } catch (const std::exception&) {
                    db.reset();
                    lock.unlock();
                    deliver_(generation, {});
                    continue;
                }
            }
        }
        // The index's vocabulary is read (at the start, and again after the entries change) before the
        // query runs, where no keystroke can interrupt it: with a large knowledge base reading it takes
        // longer than the agent takes between keys, and interrupted it would never finish.
        try {
            search->prepare();
        } catch (const std::exception&) {
        }
        {
            std::lock_guard lock(mutex_);
            running_ = search.get();
        }
        // First an answer within a frame; then, if that was only a quick one and the agent has not typed
        // again, the fully ranked one.
        for (const auto budget : {std::optional<std::chrono::microseconds>(kBudget),
                                  std::optional<std::chrono::microseconds>()}) {
            KnowledgeResults hits;
            bool interrupted = false;
            try {
                hits = search->search(job.first, job.second, budget);
            } catch (const DbError&) {
                interrupted = true; // a newer query took over, or the database is busy: no stale results
            }
            bool current;
            {
                std::lock_guard lock(mutex_);
                current = generation == generation_ && !stop_ && !queued_;
            }
            const bool provisional = hits.provisional();
            // An empty quick answer says nothing yet: the ranked one follows.
            if (current && !interrupted && !(provisional && hits.empty()))
                deliver_(generation, std::move(hits));
            if (!current || interrupted || !provisional) break;
        }
        {
            std::lock_guard lock(mutex_);
            running_ = nullptr;
        }
    }
}

} // namespace cc
