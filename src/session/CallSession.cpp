#include "session/CallSession.h"

#include "core/Format.h"
#include "core/Platform.h"
#include "core/Translatable.h"
#include "store/Database.h"
#include "text/SensitiveMasker.h"

#include <algorithm>
#include <fmt/format.h>

namespace cc {

CallSession::CallSession(const Clock& clock, CallStore& store, UserServices& services)
    : clock_(clock), store_(store), services_(services), timer_(clock) {
    // Saves run on the window's thread. When another program holds the database's lock, SQLite's
    // busy wait would hold the window still on every retry; a short wait and the autosave's own retry
    // keep the agent typing, and the notes stay in memory until the lock goes.
    store_.database().setBusyTimeout(std::chrono::milliseconds{150});
}

bool CallSession::restoreUnfinished() {
    const auto id = store_.unfinishedCall();
    if (!id) return false;
    CallRecord rec = store_.load(*id);
    const auto now = clock_.wallNow();
    // The call most likely went on while the app was away: count that time in the state it was in. A
    // clock that jumped backwards gives no negative time.
    const Duration away = std::max(Duration{0}, std::chrono::duration_cast<Duration>(now - rec.savedAt));
    if (rec.state == CallState::Idle || rec.segments.empty()) rec.state = CallState::Talking;
    if (rec.segments.empty())
        rec.segments.push_back(Segment{SegmentKind::Talk, rec.startedAt, Duration{0}, false});
    rec.segments.back().length += away;

    callId_ = rec.id;
    timer_ = CallTimer::restore(clock_, rec.state, rec.segments);
    notes_.assign(std::move(rec.notes));
    fields_ = std::move(rec.fields);
    transfers_ = std::move(rec.transfers);
    events_ = std::move(rec.events);
    savedEvents_ = events_.size();
    maskedCount_ = rec.maskedCount;
    difficult_ = rec.difficult;
    training_ = rec.training;
    checkBack_.reset();
    record(EventKind::Restored, {std::to_string(away.count())});
    save(SaveParts{});
    services_.tell(UserServices::Level::Info, Text{N_("Your call from {0} was restored with its notes."),
                                                   {Text::plain(formatTimeOfDay(rec.startedAt))}});
    return true;
}

bool CallSession::signalIncoming() {
    if (timer_.state() == CallState::WrapUp) finishWrapUpNow(); // a new call: the outcome rule gives way
    if (timer_.state() != CallState::Idle) return false;
    resetCall();
    transitioned(timer_.signalIncoming());
    return true;
}

bool CallSession::start(bool training) {
    if (timer_.state() == CallState::WrapUp) finishWrapUpNow(); // a new call: the outcome rule gives way
    if (timer_.state() == CallState::Idle) {
        resetCall();
        training_ = training;
        transitioned(timer_.start());
        if (training) record(EventKind::Practice);
        return true;
    }
    if (timer_.state() != CallState::Ringing) return false;
    transitioned(timer_.start());
    return true;
}

bool CallSession::toggleHold() {
    std::optional<Transition> t;
    if (timer_.state() == CallState::Talking)
        t = timer_.hold();
    else if (timer_.state() == CallState::OnHold)
        t = timer_.resume();
    if (!t) return false;
    checkBack_.reset();
    transitioned(t);
    return true;
}

bool CallSession::end() {
    const auto t = timer_.end();
    if (!t) return false;
    checkBack_.reset();
    if (*t == Transition::Missed) {
        missed_ = true;
        transitioned(t);
        retireCall();
        return true;
    }
    transitioned(t);
    return true;
}

bool CallSession::finishWrapUp() {
    if (timer_.state() == CallState::WrapUp && outcomeMissing()) return false;
    return finishWrapUpNow();
}

bool CallSession::finishWrapUpNow() {
    const auto t = timer_.finish();
    if (!t) return false;
    // The call is over: the line last typed in is saved as it stands, numbers and all (masked ones stay
    // masked).
    if (typingLine_) pending_.merge(SaveParts{.notes = true, .notesFrom = *typingLine_});
    transitioned(t);
    retireCall();
    return true;
}

std::optional<NoteChange> CallSession::setNotes(std::string_view text) {
    if (!inCall()) return std::nullopt;
    auto change = notes_.update(text, clock_.wallNow());
    if (!change) return change;
    MaskResult total;
    for (std::size_t i = change->first; i < change->first + change->count; ++i) {
        MaskResult m = maskSensitive(notes_.lines()[i].text);
        if (!m.masked()) continue;
        notes_.replaceText(i, std::move(m.text));
        total.cardNumbers += m.cardNumbers;
        total.securityCodes += m.securityCodes;
        total.ssns += m.ssns;
    }
    if (total.masked()) {
        change->masked = true;
        reportMasked(total);
    }
    // The line typed in before may have been saved with its number hidden: save it again in full.
    std::size_t from = change->first;
    if (typingLine_) from = std::min(from, *typingLine_);
    typingLine_ = change->count > 0 ? change->first + change->count - 1 : change->first;
    changed(SaveParts{.notes = true, .notesFrom = from});
    return change;
}

bool CallSession::setFields(const CallFields& fields) {
    if (!inCall() || fields == fields_) return false;
    CallFields clean = fields;
    MaskResult total;
    for (std::string* f : {&clean.callerName, &clean.callbackNumber, &clean.caseNumber, &clean.reason}) {
        MaskResult m = maskSensitive(*f);
        if (!m.masked()) continue;
        *f = std::move(m.text);
        total.cardNumbers += m.cardNumbers;
        total.securityCodes += m.securityCodes;
        total.ssns += m.ssns;
    }
    fields_ = std::move(clean);
    if (total.masked()) reportMasked(total);
    changed(SaveParts{});
    return total.masked();
}

void CallSession::reportMasked(const MaskResult& found) {
    const Text masked = maskedText(found.cardNumbers, found.securityCodes, found.ssns);
    maskedCount_ += found.cardNumbers + found.securityCodes + found.ssns;
    // The timeline says how many were masked, never what.
    record(EventKind::Masked, {std::to_string(found.cardNumbers), std::to_string(found.securityCodes),
                               std::to_string(found.ssns)});
    services_.tell(UserServices::Level::Info,
                   Text{N_("Masked {0} before saving: it never reaches the disk."), {masked}});
}

void CallSession::addTransfer(std::string to, std::string reason) {
    if (!inCall() || to.empty()) return;
    transfers_.push_back(Transfer{clock_.wallNow(), to, reason});
    record(EventKind::Transfer, {to, reason});
    save(SaveParts{.notes = false, .notesFrom = 0, .transfers = true});
}

void CallSession::recordReferral(const std::string& target) {
    recordEvent(EventKind::Referral, {target});
}

void CallSession::recordEvent(EventKind kind, std::vector<std::string> facts, bool personal) {
    if (!inCall()) return;
    record(kind, std::move(facts), personal);
    save(SaveParts{});
}

void CallSession::setDifficult(bool difficult) {
    if (!inCall() || difficult == difficult_) return;
    difficult_ = difficult;
    record(difficult ? EventKind::FlaggedDifficult : EventKind::UnflaggedDifficult);
    save(SaveParts{});
}

int CallSession::callsFromNumberToday() {
    if (!inCall() || fields_.callbackNumber.empty()) return inCall() ? 1 : 0;
    return store_.countFrom(fields_.callbackNumber, startOfLocalDay(clock_.wallNow()), callId_) + 1;
}

std::optional<Duration> CallSession::tick() {
    std::optional<Duration> nudge;
    if (timer_.state() == CallState::OnHold) {
        nudge = checkBack_.poll(timer_.currentHold());
        if (nudge) {
            record(EventKind::CheckBack, {std::to_string(nudge->count())});
            changed(SaveParts{});
        }
    }
    if (autosave_.due(clock_.steadyNow())) save(SaveParts{});
    retryBacklog();
    return nudge;
}

bool CallSession::flush() {
    retryBacklog();
    if (!inCall() || (!autosave_.dirty() && savedEvents_ == events_.size())) return backlog_.empty();
    return save(SaveParts{}) && backlog_.empty();
}

void CallSession::closing() {
    if (!inCall()) return;
    record(EventKind::Closed);
    if (typingLine_) pending_.merge(SaveParts{.notes = true, .notesFrom = *typingLine_});
    typingLine_.reset(); // the number is as complete as it will get: keep it as typed
    autosave_.changed(clock_.steadyNow());
    flush();
}

std::optional<Duration> CallSession::checkBackDue() const {
    if (timer_.state() != CallState::OnHold) return std::nullopt;
    return checkBack_.lastNudge();
}

std::vector<CallSummary> CallSession::todaysCalls() {
    return store_.callsSince(startOfLocalDay(clock_.wallNow()));
}

std::optional<CallRecord> CallSession::callForSummary() {
    if (inCall()) return current();
    const auto today = todaysCalls(); // latest first
    const auto last =
        std::find_if(today.begin(), today.end(), [](const CallSummary& c) { return c.finished; });
    if (last == today.end()) return std::nullopt;
    return store_.load(last->id);
}

std::vector<CallSummary> CallSession::earlierCalls() {
    if (!inCall()) return {};
    return store_.earlierCalls(fields_.callbackNumber, fields_.caseNumber, callId_);
}

std::optional<std::string> CallSession::nameFromEarlierCall() {
    if (!inCall() || !fields_.callerName.empty()) return std::nullopt;
    for (const CallSummary& c : earlierCalls()) // latest first
        if (!c.callerName.empty() && !c.training) return c.callerName;
    return std::nullopt;
}

void CallSession::record(EventKind kind, std::vector<std::string> facts, bool personal) {
    events_.push_back(TimelineEvent{clock_.wallNow(), timer_.sinceStart(), kind, std::move(facts)});
    events_.back().personal = personal;
}

void CallSession::transitioned(std::optional<Transition> t) {
    if (!t) return;
    record(eventKindOf(nameOf(*t)));
    // State changes are saved at once: they are what a restore after a crash starts from.
    save(SaveParts{});
}

void CallSession::changed(SaveParts parts) {
    pending_.merge(parts);
    autosave_.changed(clock_.steadyNow());
}

namespace {
std::string describe(const DbError& e, const std::string& path) {
    if (e.isFull()) return fmt::format("the disk is full ({})", path);
    if (e.isReadOnly()) return fmt::format("the database {} is read-only", path);
    if (e.isBusy()) return fmt::format("the database {} is locked by another program", path);
    return e.what();
}
} // namespace

bool CallSession::save(SaveParts parts) {
    if (!inCall() && callId_ == 0 && events_.empty()) return true;
    parts.merge(pending_);
    const CallRecord rec = snapshot();
    const std::span<const TimelineEvent> fresh(events_.begin() + static_cast<std::ptrdiff_t>(savedEvents_),
                                               events_.end());
    try {
        callId_ = store_.save(rec, parts, fresh);
    } catch (const DbError& e) {
        pending_ = parts;
        autosave_.changed(clock_.steadyNow());
        if (!saveFailing_)
            services_.tell(UserServices::Level::Error,
                           Text{N_("Your notes could not be saved: {0}. They are kept in this window and "
                                   "saving is retried every second."),
                                {Text::plain(describe(e, pathUtf8(store_.database().path())))}});
        saveFailing_ = true;
        return false;
    }
    savedEvents_ = events_.size();
    pending_ = SaveParts{};
    autosave_.saved();
    if (saveFailing_ && backlog_.empty()) {
        saveFailing_ = false;
        services_.tell(UserServices::Level::Info, Text(N_("Saving works again; nothing was lost.")));
    }
    return true;
}

void CallSession::retireCall() {
    if (autosave_.dirty() || savedEvents_ != events_.size()) {
        // The last save failed: keep the whole call, its events not yet written included.
        CallRecord rec = snapshot();
        backlog_.push_back(Unsaved{
            std::move(rec), std::vector<TimelineEvent>(
                                events_.begin() + static_cast<std::ptrdiff_t>(savedEvents_), events_.end())});
    }
    resetCall();
    if (callDone_) callDone_();
}

void CallSession::retryBacklog() {
    while (!backlog_.empty()) {
        auto& next = backlog_.front();
        try {
            store_.save(next.record, SaveParts{.notes = true, .notesFrom = 0, .transfers = true},
                        next.events);
        } catch (const DbError&) {
            return;
        }
        backlog_.erase(backlog_.begin());
    }
    if (saveFailing_ && !autosave_.dirty()) {
        saveFailing_ = false;
        services_.tell(UserServices::Level::Info, Text(N_("Saving works again; nothing was lost.")));
    }
}

CallRecord CallSession::snapshot() const {
    CallRecord r;
    r.id = callId_;
    r.startedAt = timer_.startedAt().value_or(clock_.wallNow());
    r.state = timer_.state();
    r.finished = timer_.state() == CallState::Idle;
    if (r.finished) r.finishedAt = clock_.wallNow();
    r.missed = missed_;
    r.segments = timer_.segments();
    r.fields = fields_;
    r.transfers = transfers_;
    r.notes = notes_.lines();
    if (typingLine_ && *typingLine_ < r.notes.size() && timer_.inCall())
        r.notes[*typingLine_].text = hideNumberBeingTyped(r.notes[*typingLine_].text);
    r.events = events_;
    r.savedAt = clock_.wallNow();
    r.maskedCount = maskedCount_;
    r.difficult = difficult_;
    r.training = training_;
    return r;
}

void CallSession::resetCall() {
    callId_ = 0;
    timer_ = CallTimer(clock_);
    checkBack_.reset();
    autosave_.saved();
    notes_.clear();
    fields_ = CallFields{};
    transfers_.clear();
    events_.clear();
    savedEvents_ = 0;
    pending_ = SaveParts{};
    missed_ = false;
    maskedCount_ = 0;
    difficult_ = false;
    training_ = false;
    typingLine_.reset();
}

} // namespace cc
