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
    Migration{"reviews shared with a team server: the outbox of reviews to send, and how far the server's "
              "were read",
              R"sql(
CREATE TABLE review_outbox (
    review_id INTEGER PRIMARY KEY REFERENCES reviews(id) ON DELETE CASCADE,
    attempts  INTEGER NOT NULL DEFAULT 0,
    next_try  INTEGER NOT NULL DEFAULT 0,        -- Unix ms: not before
    state     TEXT NOT NULL DEFAULT 'waiting',   -- waiting | refused
    error     TEXT NOT NULL DEFAULT ''
);
CREATE TABLE review_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
)sql"},
};
} // namespace

ReviewStore::ReviewStore(Database& db) : db_(db) {
    migrate(db_, kReviewSteps);
}

void ReviewStore::save(const std::string& storeId, std::int64_t callId, const ScoreSheet& sheet,
                       const ScoreResult& result, WallTime now, bool share) {
    Transaction tx(db_);
    const std::int64_t id = write(storeId, callId, sheet, result, now);
    if (share) db_.prepare("INSERT OR REPLACE INTO review_outbox (review_id) VALUES (?)").bind(1, id).run();
    tx.commit();
}

bool ReviewStore::saveFromServer(const std::string& storeId, std::int64_t callId, const ScoreSheet& sheet,
                                 const ScoreResult& result, WallTime updatedAt) {
    Transaction tx(db_);
    // A review of this reviewer's still waiting to be sent is newer than the server's copy.
    auto waiting =
        db_.prepare("SELECT 1 FROM review_outbox o JOIN reviews r ON r.id = o.review_id "
                    "WHERE r.store_id = ? AND r.call_id = ? AND r.reviewer = ? AND o.state = 'waiting'");
    if (waiting.bind(1, storeId).bind(2, callId).bind(3, sheet.reviewer).step()) return false;
    write(storeId, callId, sheet, result, updatedAt);
    tx.commit();
    return true;
}

std::int64_t ReviewStore::write(const std::string& storeId, std::int64_t callId, const ScoreSheet& sheet,
                                const ScoreResult& result, WallTime now) {
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
    return id;
}

std::vector<SharedReview> ReviewStore::dueShares(WallTime now, int limit) {
    auto st = db_.prepare(R"sql(
        SELECT o.review_id, o.attempts, r.store_id, r.call_id, r.reviewer, r.percent, r.final_percent, r.passed
        FROM review_outbox o JOIN reviews r ON r.id = o.review_id
        WHERE o.state = 'waiting' AND o.next_try <= ? ORDER BY o.review_id LIMIT ?)sql");
    st.bind(1, toUnixMs(now)).bind(2, limit);
    std::vector<SharedReview> out;
    while (st.step()) {
        SharedReview r;
        r.reviewId = st.columnInt(0);
        r.attempts = static_cast<int>(st.columnInt(1));
        r.storeId = st.columnText(2);
        r.callId = st.columnInt(3);
        if (!st.columnIsNull(5)) r.percent = st.columnDouble(5);
        r.finalPercent = st.columnDouble(6);
        r.passed = st.columnInt(7) != 0;
        r.sheet = load(r.storeId, r.callId, st.columnText(4)).value_or(ScoreSheet{});
        out.push_back(std::move(r));
    }
    return out;
}

void ReviewStore::shared(std::int64_t reviewId) {
    db_.prepare("DELETE FROM review_outbox WHERE review_id = ?").bind(1, reviewId).run();
}

void ReviewStore::shareLater(std::int64_t reviewId, WallTime at, const std::string& error) {
    db_.prepare(
           "UPDATE review_outbox SET attempts = attempts + 1, next_try = ?, error = ? WHERE review_id = ?")
        .bind(1, toUnixMs(at))
        .bind(2, error)
        .bind(3, reviewId)
        .run();
}

void ReviewStore::shareRefused(std::int64_t reviewId, const std::string& error) {
    db_.prepare("UPDATE review_outbox SET state = 'refused', error = ? WHERE review_id = ?")
        .bind(1, error)
        .bind(2, reviewId)
        .run();
}

int ReviewStore::sharesWaiting() {
    return static_cast<int>(db_.scalar("SELECT count(*) FROM review_outbox WHERE state = 'waiting'"));
}

int ReviewStore::adoptReviewer(const std::string& typedName, const std::string& login) {
    if (login.empty() || meta("adopted_by") == login) return 0;
    Transaction tx(db_);
    int adopted = 0;
    if (!typedName.empty() && typedName != login) {
        db_.prepare(R"sql(
            UPDATE reviews SET reviewer = ?2
            WHERE reviewer = ?1 AND NOT EXISTS (
                SELECT 1 FROM reviews mine WHERE mine.store_id = reviews.store_id
                  AND mine.call_id = reviews.call_id AND mine.reviewer = ?2))sql")
            .bind(1, typedName)
            .bind(2, login)
            .run();
        adopted = db_.changes();
    }
    db_.prepare("INSERT OR IGNORE INTO review_outbox (review_id) SELECT id FROM reviews WHERE reviewer = ?")
        .bind(1, login)
        .run();
    setMeta("adopted_by", login);
    tx.commit();
    return adopted;
}

std::string ReviewStore::meta(const std::string& key) {
    auto st = db_.prepare("SELECT value FROM review_meta WHERE key = ?");
    return st.bind(1, key).step() ? st.columnText(0) : std::string();
}

void ReviewStore::setMeta(const std::string& key, const std::string& value) {
    db_.prepare("INSERT OR REPLACE INTO review_meta (key, value) VALUES (?, ?)")
        .bind(1, key)
        .bind(2, value)
        .run();
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
