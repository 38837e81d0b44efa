#include "review/CallHistory.h"

#include "knowledge/QueryPlan.h"
#include "store/CallStore.h"
#include "store/Database.h"

#include <fmt/format.h>
#include <unordered_map>

namespace cc {

std::vector<std::int64_t> CallHistory::find(const HistoryFilter& filter) {
    std::string where;
    auto add = [&where](std::string_view condition) {
        where += where.empty() ? " WHERE " : " AND ";
        where += condition;
    };
    if (filter.from) add("started_at >= ?");
    if (filter.to) add("started_at < ?");
    if (!filter.outcome.empty()) add("outcome = ?");
    if (filter.flags & FlagDifficult) add("difficult = 1");
    if (filter.flags & FlagTraining) add("training = 1");
    if (filter.flags & FlagReferral) add("referral_count > 0");
    if (filter.flags & FlagMasked) add("masked_count > 0");
    if (filter.flags & FlagMissed) add("missed = 1");
    // A paste of a whole document into the search box looks for its first words, not for all of them.
    const QueryWords words = splitQuery(filter.text, kMaxSearchWords);
    if (!words.words.empty()) add("id IN (SELECT rowid >> 20 FROM notes_fts WHERE notes_fts MATCH ?)");

    auto st = db_.prepare("SELECT id FROM calls" + where + " ORDER BY started_at DESC, id DESC");
    int i = 1; // the parameters in the order the conditions were added
    if (filter.from) st.bind(i++, toUnixMs(*filter.from));
    if (filter.to) st.bind(i++, toUnixMs(*filter.to));
    if (!filter.outcome.empty()) st.bind(i++, filter.outcome);
    if (!words.words.empty()) st.bind(i++, allWordsExpression(words));

    std::vector<std::int64_t> ids;
    while (st.step())
        ids.push_back(st.columnInt(0));
    return ids;
}

std::vector<CallSummary> CallHistory::rows(std::span<const std::int64_t> ids) {
    if (ids.empty()) return {};
    std::string placeholders;
    for (std::size_t i = 0; i < ids.size(); ++i)
        placeholders += i ? ",?" : "?";
    auto st =
        db_.prepare(fmt::format("SELECT {} FROM calls WHERE id IN ({})", kSummaryColumns, placeholders));
    for (std::size_t i = 0; i < ids.size(); ++i)
        st.bind(static_cast<int>(i + 1), ids[i]);
    std::unordered_map<std::int64_t, CallSummary> byId;
    for (auto& s : readSummaries(st))
        byId.emplace(s.id, std::move(s));
    std::vector<CallSummary> out;
    out.reserve(ids.size());
    for (const auto id : ids)
        if (auto it = byId.find(id); it != byId.end()) out.push_back(std::move(it->second));
    return out;
}

std::vector<std::string> CallHistory::outcomesUsed() {
    auto st = db_.prepare("SELECT DISTINCT outcome FROM calls WHERE outcome <> '' ORDER BY outcome");
    std::vector<std::string> out;
    while (st.step())
        out.push_back(st.columnText(0));
    return out;
}

CallRecord CallHistory::load(std::int64_t id) {
    // CallStore only reads here; its writing half is never reached from review.
    CallStore store(db_);
    return store.load(id);
}

std::string CallHistory::storeId() {
    auto st = db_.prepare("SELECT value FROM meta WHERE key = 'store_id'");
    return st.step() ? st.columnText(0) : std::string();
}

} // namespace cc
