#include "knowledge/SearchWorker.h"

#include "store/Database.h"

namespace cc {

SearchWorker::SearchWorker(std::filesystem::path database, Deliver deliver)
    : path_(std::move(database)), deliver_(std::move(deliver)), thread_([this] { loop(); }) {}

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
                    search = std::make_unique<KnowledgeSearch>(*db);
                } catch (const DbError&) {
                    db.reset();
                    lock.unlock();
                    deliver_(generation, {});
                    continue;
                }
            }
            running_ = search.get();
        }
        std::vector<KnowledgeHit> hits;
        bool interrupted = false;
        try {
            hits = search->search(job.first, job.second);
        } catch (const DbError&) {
            interrupted = true; // a newer query took over, or the database is busy: no stale results
        }
        bool current;
        {
            std::lock_guard lock(mutex_);
            running_ = nullptr;
            current = generation == generation_ && !stop_;
        }
        if (current && !interrupted) deliver_(generation, std::move(hits));
    }
}

} // namespace cc
