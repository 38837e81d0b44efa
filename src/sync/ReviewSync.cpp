#include "sync/ReviewSync.h"

#include "review/ReviewStore.h"
#include "sync/CallSync.h"
#include "sync/PgConnection.h"

#include <fmt/format.h>

namespace cc {

using nlohmann::json;

json sheetJson(const ScoreSheet& sheet) {
    json comments = json::array();
    for (const auto& c : sheet.comments)
        comments.push_back({{"offset_ms", c.offset.count()}, {"text", c.text}});
    return json{{"scorecard_id", sheet.scorecardId},
                {"scores", sheet.scores},
                {"not_applicable", sheet.notApplicable},
                {"critical_failed", sheet.criticalFailed},
                {"summary", sheet.summary},
                {"comments", std::move(comments)}};
}

ScoreSheet sheetFromJson(const json& j) {
    ScoreSheet sheet;
    sheet.scorecardId = j.value("scorecard_id", "");
    sheet.summary = j.value("summary", "");
    if (j.contains("scores")) sheet.scores = j["scores"].get<std::map<std::string, int>>();
    if (j.contains("not_applicable"))
        sheet.notApplicable = j["not_applicable"].get<std::map<std::string, bool>>();
    if (j.contains("critical_failed"))
        sheet.criticalFailed = j["critical_failed"].get<std::map<std::string, bool>>();
    for (const auto& c : j.value("comments", json::array()))
        sheet.comments.push_back(
            {Duration{c.at("offset_ms").get<std::int64_t>()}, c.at("text").get<std::string>()});
    return sheet;
}

ReviewSyncReport sendDueReviews(ReviewStore& reviews, PgConnection& server, WallTime now, std::mt19937& rng) {
    ReviewSyncReport report;
    const auto due = reviews.dueShares(now, 100);
    if (due.empty()) return report;
    std::vector<std::int64_t> sent;
    std::vector<std::pair<std::int64_t, std::string>> refused;
    try {
        inTransaction(server, [&] {
            for (const auto& r : due) {
                const auto why = refusedWithinSavepoint(server, [&] {
                    server.exec(R"sql(
                    INSERT INTO cc.reviews (store_id, local_id, scorecard_id, summary, percent, final_percent,
                                            passed, sheet)
                    VALUES ($1, $2, $3, $4, $5::real, $6::real, $7::boolean, $8::jsonb)
                    ON CONFLICT (store_id, local_id, reviewer) DO UPDATE SET
                        scorecard_id = excluded.scorecard_id, summary = excluded.summary,
                        percent = excluded.percent, final_percent = excluded.final_percent,
                        passed = excluded.passed, sheet = excluded.sheet, updated_at = now())sql",
                                {r.storeId, std::to_string(r.callId), r.sheet.scorecardId, r.sheet.summary,
                                 r.percent ? std::optional(fmt::format("{}", *r.percent)) : std::nullopt,
                                 fmt::format("{}", r.finalPercent), r.passed ? "true" : "false",
                                 sheetJson(r.sheet).dump(-1, ' ', false, json::error_handler_t::replace)});
                });
                if (why)
                    refused.emplace_back(r.reviewId, *why);
                else
                    sent.push_back(r.reviewId);
            }
        });
    } catch (const PgError& e) {
        for (const auto& r : due)
            reviews.shareLater(r.reviewId, now + retryDelay(r.attempts, rng), e.what());
        throw;
    }
    for (const auto id : sent)
        reviews.shared(id);
    for (const auto& [id, why] : refused)
        reviews.shareRefused(id, why);
    report.sent = static_cast<int>(sent.size());
    report.refused = static_cast<int>(refused.size());
    return report;
}

ReviewSyncReport fetchReviews(ReviewStore& reviews, PgConnection& server) {
    ReviewSyncReport report;
    // Rows carry their transaction's start time: reading a minute back catches one committed late.
    const std::string since = reviews.meta("server_reviews_read_to");
    const auto rows = server.exec(R"sql(
        SELECT store_id, local_id, reviewer, sheet::text, percent, final_percent, passed,
               (extract(epoch FROM updated_at) * 1000)::bigint, (extract(epoch FROM now()) * 1000)::bigint
        FROM cc.reviews
        WHERE updated_at > to_timestamp($1::bigint / 1000.0) - interval '1 minute'
        ORDER BY updated_at)sql",
                                  {since.empty() ? "0" : since});
    std::string readTo = since;
    for (int i = 0; i < rows.rows(); ++i) {
        const json parsed = json::parse(rows.text(i, 3), nullptr, false);
        if (!parsed.is_object()) continue; // not a sheet this version can read: left on the server
        ScoreSheet sheet = sheetFromJson(parsed);
        sheet.reviewer = rows.text(i, 2);
        ScoreResult result;
        if (!rows.isNull(i, 4)) result.percent = std::stod(rows.text(i, 4));
        result.finalPercent = std::stod(rows.text(i, 5));
        result.passed = rows.text(i, 6) == "t";
        if (reviews.saveFromServer(rows.text(i, 0), std::stoll(rows.text(i, 1)), sheet, result,
                                   fromUnixMs(std::stoll(rows.text(i, 7)))))
            ++report.received;
        readTo = rows.text(i, 8);
    }
    if (rows.rows() == 0)
        readTo = server.exec("SELECT (extract(epoch FROM now()) * 1000)::bigint").text(0, 0);
    reviews.setMeta("server_reviews_read_to", readTo);
    return report;
}

} // namespace cc
