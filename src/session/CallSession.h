#pragma once

#include "call/CallTimer.h"
#include "call/HoldCheckBack.h"
#include "call/Timeline.h"
#include "core/Clock.h"
#include "core/UserServices.h"
#include "notes/AutosavePolicy.h"
#include "notes/CrmSummary.h"
#include "notes/Notes.h"
#include "store/CallStore.h"
#include "text/SensitiveMasker.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace cc {

/// The call in progress: its timer, notes, fields and timeline, kept in step with the store. The window
/// calls one method per user action and reads the state back; every rule about calls lives here.
class CallSession {
public:
    CallSession(const Clock& clock, CallStore& store, UserServices& services);

    void setCheckBack(Duration first, Duration every) { checkBack_.setIntervals(first, every); }

    /// At start-up: picks up a call that was never finished because the app closed or died during it.
    /// Time the app was away is counted in the state the call was in. Returns true if one was restored.
    bool restoreUnfinished();

    // Actions. Each returns false when it does not apply to the current state.
    bool signalIncoming();
    /// Starts a call, or answers a ringing one. During wrap-up it finishes the previous call first.
    /// A practice call (`training`) is flagged so it stays out of the agent's stats.
    bool start(bool training = false);
    bool toggleHold();
    bool end();
    /// Done with wrap-up. When the team requires an outcome (setOutcomeRequired), a call without one
    /// stays in wrap-up and this returns false: outcomeMissing() says why. A new call started during
    /// wrap-up still finishes it: the phone is never refused.
    bool finishWrapUp();
    void setOutcomeRequired(bool required) { outcomeRequired_ = required; }
    /// Wrap-up cannot be done yet: the team requires an outcome and none is chosen.
    bool outcomeMissing() const { return outcomeRequired_ && inCall() && fields_.outcome.empty(); }

    /// The notes editor's whole text after an edit. Ignored outside a call. Card numbers, security
    /// codes and SSNs in the changed lines are masked before anything is kept; then the change says
    /// `masked` and the editor must show notes().
    std::optional<NoteChange> setNotes(std::string_view text);
    /// The fields after an edit, masked like the notes. Returns true if something was masked (the
    /// fields on screen must then show fields()).
    bool setFields(const CallFields& fields);
    void addTransfer(std::string to, std::string reason);
    /// The agent gave the caller a referral: a Referral event in the call's timeline.
    void recordReferral(const std::string& target);
    /// Anything else worth a line in the call's timeline (script steps, checklist ticks, prompts), with
    /// the facts its kind takes (see EventKind).
    void recordEvent(EventKind kind, std::vector<std::string> facts = {}, bool personal = false);
    /// Called after each call is done and its last save was tried (wrap-up finished, a missed call):
    /// the team server's worker sends it now rather than at its next round.
    void onCallDone(std::function<void()> done) { callDone_ = std::move(done); }
    /// The agent flags the call as difficult (or not).
    void setDifficult(bool difficult);
    bool difficult() const { return difficult_; }
    bool training() const { return training_; }
    /// Calls from this call's callback number today, this one included.
    int callsFromNumberToday();

    /// Called by the app's timer: fires hold check-back nudges and saves when the autosave policy says.
    /// Returns the threshold of a nudge that fired now.
    std::optional<Duration> tick();
    /// When the next autosave is due, so the app can wake exactly then.
    std::optional<SteadyTime> nextSaveAt() const { return autosave_.dueAt(); }
    /// Saves everything unsaved now (call end, app close). Returns false if it could not.
    bool flush();
    /// Records that the app is closing during a call, then saves.
    void closing();

    bool inCall() const { return timer_.inCall(); }
    /// The call's id in the store, 0 until its first save.
    std::int64_t callId() const { return callId_; }
    const CallTimer& timer() const { return timer_; }
    const Notes& notes() const { return notes_; }
    const CallFields& fields() const { return fields_; }
    const std::vector<Transfer>& transfers() const { return transfers_; }
    const std::vector<TimelineEvent>& events() const { return events_; }
    /// The check-back line to show while the customer is on hold, once the first threshold is passed.
    std::optional<Duration> checkBackDue() const;
    bool saveFailing() const { return saveFailing_; }
    /// True while anything is not yet on disk, finished calls waiting for a retry included.
    bool unsaved() const { return autosave_.dirty() || !backlog_.empty(); }

    /// Calls that started today (local time), newest first.
    std::vector<CallSummary> todaysCalls();
    /// The call a summary for the CRM is about: the one in progress, else today's last finished call.
    std::optional<CallRecord> callForSummary();
    /// Earlier finished calls with this call's callback number or case number.
    std::vector<CallSummary> earlierCalls();
    /// The caller's name from the latest earlier call with this callback or case number that has one,
    /// while this call has no name yet: a repeat caller is greeted by name without being asked again.
    std::optional<std::string> nameFromEarlierCall();

    /// The call as it would be saved now (segments with their live lengths).
    CallRecord current() const { return snapshot(); }
    void setAgent(AgentProfile agent) { agent_ = std::move(agent); }
    const AgentProfile& agent() const { return agent_; }

private:
    bool finishWrapUpNow();
    void record(EventKind kind, std::vector<std::string> facts = {}, bool personal = false);
    std::function<void()> callDone_;
    void reportMasked(const MaskResult& found);
    void transitioned(std::optional<Transition> t);
    void changed(SaveParts parts);
    bool save(SaveParts parts);
    CallRecord snapshot() const;
    /// The call is over: keep it for a retry if its last save failed, then start afresh.
    void retireCall();
    void resetCall();
    void retryBacklog();

    const Clock& clock_;
    CallStore& store_;
    UserServices& services_;

    std::int64_t callId_ = 0;
    CallTimer timer_;
    HoldCheckBack checkBack_;
    AutosavePolicy autosave_;
    Notes notes_;
    CallFields fields_;
    std::vector<Transfer> transfers_;
    std::vector<TimelineEvent> events_;
    std::size_t savedEvents_ = 0;
    SaveParts pending_;
    bool missed_ = false;
    bool saveFailing_ = false;
    int maskedCount_ = 0;
    bool difficult_ = false;
    bool training_ = false;
    bool outcomeRequired_ = false;
    AgentProfile agent_;
    /// The line the agent is typing in: its trailing digits are hidden in what is saved until the
    /// agent types past them, so not even a partial card number reaches the disk.
    std::optional<std::size_t> typingLine_;

    /// Finished calls whose final save failed (e.g. the disk was full), retried on every tick.
    struct Unsaved {
        CallRecord record;
        std::vector<TimelineEvent> events;
    };
    std::vector<Unsaved> backlog_;
};

} // namespace cc
