#include "store/CallStore.h"

#include "store/Database.h"
#include "store/Outbox.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace cc {

namespace {
/// An event row's facts: a JSON array of text; none for a row from before facts (NULL) or one whose
/// facts cannot be read (its detail is shown instead).
std::optional<std::vector<std::string>> factsOf(const Statement& st, int col) {
    if (st.columnIsNull(col)) return std::nullopt;
    const auto facts = nlohmann::json::parse(st.columnText(col), nullptr, false);
    if (!facts.is_array()) return std::nullopt;
    std::vector<std::string> out;
    for (const auto& f : facts) {
        if (!f.is_string()) return std::nullopt;
        out.push_back(f.get<std::string>());
    }
    return out;
}
} // namespace

void SaveParts::merge(const SaveParts& other) {
    if (other.notes) {
        notesFrom = notes ? std::min(notesFrom, other.notesFrom) : other.notesFrom;
        notes = true;
    }
    transfers |= other.transfers;
}

std::int64_t CallStore::save(const CallRecord& call, SaveParts parts,
                             std::span<const TimelineEvent> newEvents) {
    Transaction tx(db_);
    const std::int64_t id = saveWithin(call, parts, newEvents);
    tx.commit();
    return id;
}

std::int64_t CallStore::saveWithin(const CallRecord& call, SaveParts parts,
                                   std::span<const TimelineEvent> newEvents) {
    std::int64_t id = call.id;
    if (id == 0) {
        auto st = db_.prepare("INSERT INTO calls (started_at, state, saved_at, uuid) "
                              "VALUES (?, 'idle', ?, lower(hex(randomblob(16))))");
        st.bind(1, toUnixMs(call.startedAt)).bind(2, toUnixMs(call.savedAt)).run();
        id = db_.lastInsertId();
        parts = SaveParts{.notes = true, .notesFrom = 0, .transfers = true};
    }
    // Finishing the call queues it for the team server in this same transaction: a crash cannot
    // leave a finished call that never syncs.
    bool finishing = false;
    if (call.finished) {
        auto was = db_.prepare("SELECT finished FROM calls WHERE id = ?");
        finishing = was.bind(1, id).step() && was.columnInt(0) == 0;
    }
    {
        auto st = db_.prepare(R"sql(
            UPDATE calls SET started_at = ?, finished_at = ?, state = ?, finished = ?, missed = ?,
                ring_ms = ?, talk_ms = ?, hold_ms = ?, hold_count = ?, wrap_ms = ?,
                caller_name = ?, callback_number = ?, case_number = ?, reason = ?, outcome = ?, saved_at = ?,
                masked_count = ?, difficult = ?, training = ?
            WHERE id = ?)sql");
        int holdCount = 0;
        for (const auto& s : call.segments)
            holdCount += s.kind == SegmentKind::Hold;
        std::optional<std::int64_t> finishedAt;
        if (call.finishedAt) finishedAt = toUnixMs(*call.finishedAt);
        st.bind(1, toUnixMs(call.startedAt))
            .bind(2, finishedAt)
            .bind(3, nameOf(call.state))
            .bind(4, call.finished ? 1 : 0)
            .bind(5, call.missed ? 1 : 0)
            .bind(6, totalOf(call.segments, SegmentKind::Ringing).count())
            .bind(7, totalOf(call.segments, SegmentKind::Talk).count())
            .bind(8, totalOf(call.segments, SegmentKind::Hold).count())
            .bind(9, holdCount)
            .bind(10, totalOf(call.segments, SegmentKind::WrapUp).count())
            .bind(11, call.fields.callerName)
            .bind(12, call.fields.callbackNumber)
            .bind(13, call.fields.caseNumber)
            .bind(14, call.fields.reason)
            .bind(15, call.fields.outcome)
            .bind(16, toUnixMs(call.savedAt))
            .bind(17, call.maskedCount)
            .bind(18, call.difficult ? 1 : 0)
            .bind(19, call.training ? 1 : 0)
            .bind(20, id)
            .run();
        if (db_.changes() != 1) throw std::out_of_range("no call " + std::to_string(id));
    }
    {
        db_.prepare("DELETE FROM segments WHERE call_id = ?").bind(1, id).run();
        auto st = db_.prepare(
            "INSERT INTO segments (call_id, seq, kind, started_at, length_ms) VALUES (?,?,?,?,?)");
        for (std::size_t i = 0; i < call.segments.size(); ++i) {
            const auto& s = call.segments[i];
            st.bind(1, id)
                .bind(2, static_cast<std::int64_t>(i))
                .bind(3, nameOf(s.kind))
                .bind(4, toUnixMs(s.wallStart))
                .bind(5, s.length.count())
                .run();
            st.reset();
        }
    }
    if (parts.notes) {
        db_.prepare("DELETE FROM note_lines WHERE call_id = ? AND line_no >= ?")
            .bind(1, id)
            .bind(2, static_cast<std::int64_t>(parts.notesFrom))
            .run();
        auto st = db_.prepare("INSERT INTO note_lines (call_id, line_no, at, text) VALUES (?,?,?,?)");
        for (std::size_t i = parts.notesFrom; i < call.notes.size(); ++i) {
            const auto& line = call.notes[i];
            std::optional<std::int64_t> at;
            if (line.at) at = toUnixMs(*line.at);
            st.bind(1, id).bind(2, static_cast<std::int64_t>(i)).bind(3, at).bind(4, line.text).run();
            st.reset();
        }
    }
    if (parts.transfers) {
        db_.prepare("DELETE FROM transfers WHERE call_id = ?").bind(1, id).run();
        auto st = db_.prepare("INSERT INTO transfers (call_id, seq, at, to_whom, reason) VALUES (?,?,?,?,?)");
        for (std::size_t i = 0; i < call.transfers.size(); ++i) {
            const auto& t = call.transfers[i];
            st.bind(1, id).bind(2, static_cast<std::int64_t>(i)).bind(3, toUnixMs(t.at)).bind(4, t.to);
            st.bind(5, t.reason).run();
            st.reset();
        }
    }
    if (!newEvents.empty()) {
        auto st = db_.prepare("INSERT INTO events (call_id, at, offset_ms, kind, detail, facts, private) "
                              "VALUES (?,?,?,?,?,?,?)");
        std::int64_t referrals = 0;
        for (const auto& e : newEvents) {
            st.bind(1, id).bind(2, toUnixMs(e.at)).bind(3, e.offset.count());
            st.bind(4, e.kind == EventKind::Unknown ? e.word : std::string(wordOf(e.kind)));
            st.bind(5, e.legacy)
                .bind(6,
                      nlohmann::json(e.facts).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
                .bind(7, e.personal ? 1 : 0)
                .run();
            st.reset();
            referrals += e.kind == EventKind::Referral;
        }
        // Kept on the call row so the history can filter on "referral given" without reading events.
        if (referrals)
            db_.prepare("UPDATE calls SET referral_count = referral_count + ? WHERE id = ?")
                .bind(1, referrals)
                .bind(2, id)
                .run();
    }
    if (finishing) queueForServer(db_, id, call.training, call.savedAt);
    return id;
}

std::optional<std::int64_t> CallStore::unfinishedCall() {
    auto st =
        db_.prepare("SELECT id FROM calls WHERE finished = 0 ORDER BY started_at DESC, id DESC LIMIT 1");
    if (st.step()) return st.columnInt(0);
    return std::nullopt;
}

CallRecord CallStore::load(std::int64_t id) {
    CallRecord r;
    {
        auto st = db_.prepare(R"sql(
            SELECT id, started_at, finished_at, state, finished, missed, caller_name, callback_number,
                   case_number, reason, outcome, saved_at, masked_count, difficult, training, uuid
            FROM calls WHERE id = ?)sql");
        st.bind(1, id);
        if (!st.step()) throw std::out_of_range("no call " + std::to_string(id));
        r.id = st.columnInt(0);
        r.startedAt = fromUnixMs(st.columnInt(1));
        if (!st.columnIsNull(2)) r.finishedAt = fromUnixMs(st.columnInt(2));
        r.state = callStateFromString(st.columnText(3)).value_or(CallState::Idle);
        r.finished = st.columnInt(4) != 0;
        r.missed = st.columnInt(5) != 0;
        r.fields = CallFields{st.columnText(6), st.columnText(7), st.columnText(8), st.columnText(9),
                              st.columnText(10)};
        r.savedAt = fromUnixMs(st.columnInt(11));
        r.maskedCount = static_cast<int>(st.columnInt(12));
        r.difficult = st.columnInt(13) != 0;
        r.training = st.columnInt(14) != 0;
        r.uuid = st.columnText(15);
    }
    {
        auto st =
            db_.prepare("SELECT kind, started_at, length_ms FROM segments WHERE call_id = ? ORDER BY seq");
        st.bind(1, id);
        while (st.step()) {
            const auto kind = segmentKindFromString(st.columnText(0));
            if (!kind) continue;
            r.segments.push_back(
                Segment{*kind, fromUnixMs(st.columnInt(1)), Duration{st.columnInt(2)}, false});
        }
    }
    {
        auto st = db_.prepare("SELECT at, text FROM note_lines WHERE call_id = ? ORDER BY line_no");
        st.bind(1, id);
        while (st.step()) {
            NoteLine line{std::nullopt, st.columnText(1)};
            if (!st.columnIsNull(0)) line.at = fromUnixMs(st.columnInt(0));
            r.notes.push_back(std::move(line));
        }
    }
    {
        auto st = db_.prepare("SELECT at, to_whom, reason FROM transfers WHERE call_id = ? ORDER BY seq");
        st.bind(1, id);
        while (st.step())
            r.transfers.push_back(Transfer{fromUnixMs(st.columnInt(0)), st.columnText(1), st.columnText(2)});
    }
    {
        auto st = db_.prepare(
            "SELECT at, offset_ms, kind, detail, facts, private FROM events WHERE call_id = ? ORDER BY id");
        st.bind(1, id);
        while (st.step()) {
            TimelineEvent e = storedEvent(st.columnText(2), factsOf(st, 4), st.columnText(3));
            e.at = fromUnixMs(st.columnInt(0));
            e.offset = Duration{st.columnInt(1)};
            e.personal = st.columnInt(5) != 0;
            r.events.push_back(std::move(e));
        }
    }
    return r;
}

const char* const kSummaryColumns = "id, started_at, finished, missed, talk_ms, hold_ms, wrap_ms, "
                                    "caller_name, case_number, outcome, masked_count, "
                                    "difficult, training, referral_count";

std::vector<CallSummary> readSummaries(Statement& st) {
    std::vector<CallSummary> out;
    while (st.step()) {
        CallSummary s;
        s.id = st.columnInt(0);
        s.startedAt = fromUnixMs(st.columnInt(1));
        s.finished = st.columnInt(2) != 0;
        s.missed = st.columnInt(3) != 0;
        s.talk = Duration{st.columnInt(4)};
        s.hold = Duration{st.columnInt(5)};
        s.wrapUp = Duration{st.columnInt(6)};
        s.callerName = st.columnText(7);
        s.caseNumber = st.columnText(8);
        s.outcome = st.columnText(9);
        s.maskedCount = static_cast<int>(st.columnInt(10));
        s.difficult = st.columnInt(11) != 0;
        s.training = st.columnInt(12) != 0;
        s.referrals = static_cast<int>(st.columnInt(13));
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<CallSummary> CallStore::callsSince(WallTime from) {
    auto st = db_.prepare(std::string("SELECT ") + kSummaryColumns +
                          " FROM calls WHERE started_at >= ? ORDER BY started_at DESC, id DESC");
    st.bind(1, toUnixMs(from));
    return readSummaries(st);
}

std::vector<CallSummary> CallStore::earlierCalls(const std::string& callbackNumber,
                                                 const std::string& caseNumber, std::int64_t except) {
    if (callbackNumber.empty() && caseNumber.empty()) return {};
    // Two indexed lookups joined by UNION, rather than an OR that would scan every call.
    auto st = db_.prepare(std::string("SELECT ") + kSummaryColumns +
                          " FROM calls WHERE id IN ("
                          "SELECT id FROM calls WHERE callback_number = ?1 AND callback_number <> '' "
                          "UNION SELECT id FROM calls WHERE case_number = ?2 AND case_number <> '') "
                          "AND id <> ?3 AND finished = 1 ORDER BY started_at DESC, id DESC");
    st.bind(1, callbackNumber).bind(2, caseNumber).bind(3, except);
    return readSummaries(st);
}

int CallStore::countFrom(const std::string& callbackNumber, WallTime since, std::int64_t except) {
    if (callbackNumber.empty()) return 0;
    auto st =
        db_.prepare("SELECT count(*) FROM calls WHERE callback_number = ? AND started_at >= ? AND id <> ?");
    st.bind(1, callbackNumber).bind(2, toUnixMs(since)).bind(3, except);
    return st.step() ? static_cast<int>(st.columnInt(0)) : 0;
}

std::int64_t CallStore::startBreak(WallTime at, const std::string& reason) {
    db_.prepare("INSERT INTO breaks (started_at, reason) VALUES (?, ?)")
        .bind(1, toUnixMs(at))
        .bind(2, reason)
        .run();
    return db_.lastInsertId();
}

void CallStore::endBreak(std::int64_t id, WallTime at) {
    db_.prepare("UPDATE breaks SET ended_at = ? WHERE id = ?").bind(1, toUnixMs(at)).bind(2, id).run();
}

int CallStore::breaksSince(WallTime from) {
    auto st = db_.prepare("SELECT count(*) FROM breaks WHERE started_at >= ?");
    st.bind(1, toUnixMs(from));
    return st.step() ? static_cast<int>(st.columnInt(0)) : 0;
}

} // namespace cc
