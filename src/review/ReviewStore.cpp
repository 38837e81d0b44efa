#include "review/ReviewStore.h"

#include "store/Database.h"
#include "store/Migrations.h"

#include <array>

namespace cc {

namespace {
constexpr std::array kReviewSteps{
    Migration{"reviews with their scores, critical fails and pinned comments", R"sql(
CREATE TABLE reviews (
    id            INTEGER PRIMARY KEY,
    store_id      TEXT NOT NULL,      -- the agent's database or archive the call is in
    call_id       INTEGER NOT NULL,
    reviewer      TEXT NOT NULL,
    scorecard_id  TEXT NOT NULL,
    summary       TEXT NOT NULL DEFAULT '',
    percent       REAL,               -- the result when saved, for lists
    final_percent REAL NOT NULL DEFAULT 0,
    passed        INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    UNIQUE (store_id, call_id, reviewer)
);
CREATE TABLE review_scores (
    review_id    INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    criterion_id TEXT NOT NULL,
    score        INTEGER,             -- NULL: not applicable to this call
    PRIMARY KEY (review_id, criterion_id)
) WITHOUT ROWID;
CREATE TABLE review_critical (
    review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    item_id   TEXT NOT NULL,
    PRIMARY KEY (review_id, item_id)
) WITHOUT ROWID;
CREATE TABLE review_comments (
    review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    offset_ms INTEGER NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (review_id, seq)
) WITHOUT ROWID;
)sql"},
};
} // namespace

ReviewStore::ReviewStore(Database& db) : db_(db) {
    migrate(db_, kReviewSteps);
}

void ReviewStore::save(const std::string& storeId, std::int64_t callId, const ScoreSheet& sheet,
                       const ScoreResult& result, WallTime now) {
    Transaction tx(db_);
    db_.prepare(R"sql(
        INSERT INTO reviews (store_id, call_id, reviewer, scorecard_id, summary, percent, final_percent, passed,
                             created_at, updated_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)
        ON CONFLICT (store_id, call_id, reviewer) DO UPDATE SET
            scorecard_id = excluded.scorecard_id, summary = excluded.summary, percent = excluded.percent,
            final_percent = excluded.final_percent, passed = excluded.passed, updated_at = excluded.updated_at)sql")
        .bind(1, storeId)
        .bind(2, callId)
        .bind(3, sheet.reviewer)
        .bind(4, sheet.scorecardId)
        .bind(5, sheet.summary)
        .bind(6, result.percent)
        .bind(7, result.finalPercent)
        .bind(8, result.passed ? 1 : 0)
        .bind(9, toUnixMs(now))
        .run();
    auto idQuery = db_.prepare("SELECT id FROM reviews WHERE store_id = ? AND call_id = ? AND reviewer = ?");
    idQuery.bind(1, storeId).bind(2, callId).bind(3, sheet.reviewer);
    idQuery.step();
    const std::int64_t id = idQuery.columnInt(0);
    for (const char* table : {"review_scores", "review_critical", "review_comments"})
        db_.prepare(std::string("DELETE FROM ") + table + " WHERE review_id = ?").bind(1, id).run();

    auto scores = db_.prepare("INSERT INTO review_scores (review_id, criterion_id, score) VALUES (?, ?, ?)");
    for (const auto& [criterion, points] : sheet.scores) {
        if (sheet.notApplicable.contains(criterion) && sheet.notApplicable.at(criterion)) continue;
        scores.bind(1, id).bind(2, criterion).bind(3, points).run();
        scores.reset();
    }
    for (const auto& [criterion, na] : sheet.notApplicable) {
        if (!na) continue;
        scores.bind(1, id).bind(2, criterion).bindNull(3).run();
        scores.reset();
    }
    auto critical = db_.prepare("INSERT INTO review_critical (review_id, item_id) VALUES (?, ?)");
    for (const auto& [item, failed] : sheet.criticalFailed) {
        if (!failed) continue;
        critical.bind(1, id).bind(2, item).run();
        critical.reset();
    }
    auto comments =
        db_.prepare("INSERT INTO review_comments (review_id, seq, offset_ms, text) VALUES (?, ?, ?, ?)");
    for (std::size_t i = 0; i < sheet.comments.size(); ++i) {
        comments.bind(1, id).bind(2, static_cast<std::int64_t>(i)).bind(3, sheet.comments[i].offset.count());
        comments.bind(4, sheet.comments[i].text).run();
        comments.reset();
    }
    tx.commit();
}

std::optional<ScoreSheet> ReviewStore::load(const std::string& storeId, std::int64_t callId,
                                            const std::string& reviewer) {
    auto head = db_.prepare(
        "SELECT id, scorecard_id, summary FROM reviews WHERE store_id = ? AND call_id = ? AND reviewer = ?");
    head.bind(1, storeId).bind(2, callId).bind(3, reviewer);
    if (!head.step()) return std::nullopt;
    ScoreSheet sheet;
    const std::int64_t id = head.columnInt(0);
    sheet.reviewer = reviewer;
    sheet.scorecardId = head.columnText(1);
    sheet.summary = head.columnText(2);
    auto scores = db_.prepare("SELECT criterion_id, score FROM review_scores WHERE review_id = ?");
    scores.bind(1, id);
    while (scores.step()) {
        if (scores.columnIsNull(1))
            sheet.notApplicable[scores.columnText(0)] = true;
        else
            sheet.scores[scores.columnText(0)] = static_cast<int>(scores.columnInt(1));
    }
    auto critical = db_.prepare("SELECT item_id FROM review_critical WHERE review_id = ?");
    critical.bind(1, id);
    while (critical.step())
        sheet.criticalFailed[critical.columnText(0)] = true;
    auto comments =
        db_.prepare("SELECT offset_ms, text FROM review_comments WHERE review_id = ? ORDER BY seq");
    comments.bind(1, id);
    while (comments.step())
        sheet.comments.push_back(PinnedComment{Duration{comments.columnInt(0)}, comments.columnText(1)});
    return sheet;
}

std::vector<ReviewSummary> ReviewStore::reviewsOf(const std::string& storeId, std::int64_t callId) {
    auto st =
        db_.prepare("SELECT reviewer, scorecard_id, percent, final_percent, passed, updated_at FROM reviews "
                    "WHERE store_id = ? AND call_id = ? ORDER BY updated_at DESC");
    st.bind(1, storeId).bind(2, callId);
    std::vector<ReviewSummary> out;
    while (st.step()) {
        ReviewSummary r;
        r.reviewer = st.columnText(0);
        r.scorecardId = st.columnText(1);
        if (!st.columnIsNull(2)) r.percent = st.columnDouble(2);
        r.finalPercent = st.columnDouble(3);
        r.passed = st.columnInt(4) != 0;
        r.updatedAt = fromUnixMs(st.columnInt(5));
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<ScoreSheet> ReviewStore::sheetsOf(const std::string& storeId, std::int64_t callId) {
    std::vector<ScoreSheet> sheets;
    for (const auto& r : reviewsOf(storeId, callId))
        if (auto sheet = load(storeId, callId, r.reviewer)) sheets.push_back(std::move(*sheet));
    return sheets;
}

} // namespace cc
