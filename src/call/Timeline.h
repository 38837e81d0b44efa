#pragma once

#include "core/Clock.h"
#include "core/Text.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cc {

/// What happened at a moment of the call. Each kind has its own facts (see TimelineEvent::facts); the
/// words people read are made from the kind and its facts when shown, in the reader's language.
enum class EventKind : std::uint8_t {
    Incoming,           ///< the softphone rang
    Answered,           ///< picked up
    Started,            ///< started by hand (Ctrl+N)
    Held,               ///< the caller put on hold
    Resumed,            ///< back from hold
    Ended,              ///< the caller gone; wrap-up began
    Missed,             ///< rang and was not answered
    Finished,           ///< wrap-up done
    Restored,           ///< {away in ms}: the app came back to the call after a stop
    Closed,             ///< the app was closed during the call
    Practice,           ///< a practice call, left out of the stats
    PracticeOver,       ///< {lines heard, customer lines, steps walked}
    Script,             ///< {script title}: the script chosen
    Step,               ///< {stage word, the line as read}: a script step reached
    Checked,            ///< {item}: a checklist item ticked
    Unchecked,          ///< {item}: a checklist item unticked
    Branch,             ///< {question, answer}: a branch of the script taken
    PromptShown,        ///< {prompt title}
    PromptDismissed,    ///< {prompt title}
    PromptActedOn,      ///< {prompt title}
    Referral,           ///< {who, and how to reach them}: a referral given to the caller
    Transfer,           ///< {to, reason}
    CheckBack,          ///< {hold length in ms}: the hold check-back nudge
    Masked,             ///< {card numbers, security codes, SSNs}: counts masked, never what
    FlaggedDifficult,   ///< the agent flagged the call as difficult
    UnflaggedDifficult, ///< and took the flag back
    Unknown             ///< a kind saved by a newer version: see TimelineEvent::word
};

/// The stable lowercase word kept in the store for `k` ("held", "prompt-dismissed").
std::string_view wordOf(EventKind k);
/// The kind stored as `word`; Unknown for a word this version does not know.
EventKind eventKindOf(std::string_view word);

/// One thing that happened during a call, in the order it happened.
struct TimelineEvent {
    TimelineEvent() = default;
    TimelineEvent(WallTime when, Duration since, EventKind k, std::vector<std::string> f = {})
        : at(when), offset(since), kind(k), facts(std::move(f)) {}

    WallTime at;        ///< wall-clock time, for people
    Duration offset{0}; ///< steady time since the call began, for the timeline axis
    EventKind kind = EventKind::Unknown;
    /// The kind's own data, in the order EventKind names: titles, names, counts and lengths in ms as
    /// text. Never a sentence: the reader's language makes the sentence.
    std::vector<std::string> facts;
    /// A row saved before events had facts whose words could not be taken apart: its English detail,
    /// shown as it was written.
    std::string legacy;
    std::string word; ///< the stored word of an Unknown kind
    /// The agent's own: a break or a wellbeing prompt. Kept on their PC, never sent to a team server.
    bool personal = false;

    bool operator==(const TimelineEvent&) const = default;
    /// The first fact, or "" (a referral's target, a prompt's title).
    const std::string& fact(std::size_t i = 0) const;
};

/// "a card number and a security code": what a Masked event's counts say, in the catalog's words.
Text maskedText(int cardNumbers, int securityCodes, int ssns);

/// Reads an event as the store keeps it: its kind word, its facts (none: a row from before facts) and
/// its old English detail. Old rows whose detail has a known shape ("dismissed: Title", "done: item")
/// come back with facts, so they read like new ones.
TimelineEvent storedEvent(std::string_view word, std::optional<std::vector<std::string>> facts,
                          std::string detail);

/// A transfer or escalation: to whom, when and why.
struct Transfer {
    WallTime at;
    std::string to;
    std::string reason;

    bool operator==(const Transfer&) const = default;
};

/// One line of the agent's notes, stamped with the wall-clock time it was first written.
struct NoteLine {
    std::optional<WallTime> at; ///< unset while the line is empty
    std::string text;

    bool operator==(const NoteLine&) const = default;
};

/// The fields an agent fills in beside the free-text notes.
struct CallFields {
    std::string callerName;
    std::string callbackNumber;
    std::string caseNumber;
    std::string reason;
    std::string outcome; ///< an outcome id from data/outcomes.toml, or empty

    bool operator==(const CallFields&) const = default;
};

} // namespace cc
