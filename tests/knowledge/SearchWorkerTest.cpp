#include "knowledge/SearchWorker.h"

#include "knowledge/KnowledgeTestData.h"
#include "support/TempDir.h"

#include <chrono>
#include <doctest/doctest.h>
#include <future>

using namespace cc;

TEST_CASE("the search worker answers off the calling thread and only for the newest query") {
    test::TempDir tmp;
    const auto path = tmp.path() / "kb.db";
    {
        Database db(path);
        migrate(db);
        KnowledgeBase kb(db);
        test::fillKnowledge(kb);
    }
    std::mutex m;
    std::condition_variable cv;
    std::vector<std::pair<std::uint64_t, KnowledgeResults>> got;
    const auto caller = std::this_thread::get_id();
    bool offThread = true;
    {
        SearchWorker worker(path, [&](std::uint64_t g, KnowledgeResults hits) {
            std::lock_guard lock(m);
            offThread &= std::this_thread::get_id() != caller;
            got.emplace_back(g, std::move(hits));
            cv.notify_all();
        });
        worker.submit("p");
        worker.submit("pr");
        worker.submit("pri");
        const auto last = worker.submit("printer");
        std::unique_lock lock(m);
        REQUIRE(cv.wait_for(lock, std::chrono::seconds(10),
                            [&] { return !got.empty() && got.back().first == last; }));
        CHECK(got.back().second.hits.at(0).title == "HP printer support");
        for (std::size_t i = 0; i + 1 < got.size(); ++i)
            CHECK(got[i].first < last);
    }
    CHECK(offThread);
}
