#include "review/ReviewTimeline.h"

#include "call/CallRecord.h"
#include "core/Translatable.h"

#include <algorithm>
#include <array>

namespace cc {

namespace {
constexpr std::array kKindNames{"call",      "note",   "script", "prompt",  "referral", "transfer",
                                "checkback", "masked", "flag",   "comment", "other"};

struct EventWords {
    const char* kind;
    TimelineKind as;
    const char* text; ///< what the reviewer reads when the event has no detail of its own
};

// The event kinds the session, the script panel and the prompts record (see CallSession and ScriptPanel).
constexpr std::array kEvents{
    EventWords{"incoming", TimelineKind::Call, N_("Call ringing")},
    EventWords{"answered", TimelineKind::Call, N_("Call answered")},
    EventWords{"started", TimelineKind::Call, N_("Call started")},
    EventWords{"held", TimelineKind::Call, N_("Caller put on hold")},
    EventWords{"resumed", TimelineKind::Call, N_("Caller taken off hold")},
    EventWords{"ended", TimelineKind::Call, N_("Call ended; wrap-up began")},
    EventWords{"missed", TimelineKind::Call, N_("Missed call")},
    EventWords{"finished", TimelineKind::Call, N_("Wrap-up done")},
    EventWords{"restored", TimelineKind::Call, N_("Call restored after the app stopped")},
    EventWords{"closed", TimelineKind::Call, N_("App closed during the call")},
    EventWords{"script", TimelineKind::Script, N_("Script")},
    EventWords{"step", TimelineKind::Script, N_("Script step")},
    EventWords{"check", TimelineKind::Script, N_("Checklist")},
    EventWords{"branch", TimelineKind::Script, N_("Branch")},
    EventWords{"prompt", TimelineKind::Prompt, N_("Prompt")},
    EventWords{"referral", TimelineKind::Referral, N_("Referral given")},
    EventWords{"transfer", TimelineKind::Transfer, N_("Transfer")},
    EventWords{"checkback", TimelineKind::CheckBack, N_("Hold check-back nudge")},
    EventWords{"masked", TimelineKind::Masked, N_("Sensitive number masked")},
    EventWords{"difficult", TimelineKind::Flag, N_("Flagged as difficult")},
    EventWords{"training", TimelineKind::Flag, N_("Practice call")},
};

TimelineItem fromEvent(const TimelineEvent& e) {
    for (const auto& w : kEvents) {
        if (e.kind != w.kind) continue;
        return TimelineItem{e.offset, e.at, w.as, w.text, e.detail};
    }
    return TimelineItem{e.offset, e.at, TimelineKind::Other, e.kind, e.detail}; // a kind from a newer version
}
} // namespace

std::string_view nameOf(TimelineKind k) {
    return kKindNames.at(static_cast<std::size_t>(k));
}

ReviewTimeline buildTimeline(const CallRecord& call, std::span<const PinnedComment> comments) {
    ReviewTimeline t;
    t.startedAt = call.startedAt;
    Duration at{0};
    for (const auto& s : call.segments) {
        t.bars.push_back(TimelineBar{s.kind, at, s.length});
        at += s.length;
    }
    t.length = at;

    // Recorded order is kept for equal offsets: events as saved, then notes, then comments.
    for (const auto& e : call.events)
        t.items.push_back(fromEvent(e));
    Duration lastNote{0};
    WallTime lastNoteAt = call.startedAt;
    for (const auto& line : call.notes) {
        if (line.at) {
            lastNote = std::max(Duration{0}, std::chrono::duration_cast<Duration>(*line.at - call.startedAt));
            lastNoteAt = *line.at;
        }
        if (line.text.find_first_not_of(" \t") == std::string::npos) continue;
        t.items.push_back(TimelineItem{lastNote, lastNoteAt, TimelineKind::Note, N_("Note"), line.text});
    }
    for (const auto& c : comments)
        t.items.push_back(TimelineItem{c.offset, call.startedAt + c.offset, TimelineKind::Comment,
                                       N_("Reviewer's comment"), c.text});
    std::stable_sort(t.items.begin(), t.items.end(),
                     [](const TimelineItem& a, const TimelineItem& b) { return a.offset < b.offset; });
    if (!t.items.empty()) t.length = std::max(t.length, t.items.back().offset);
    return t;
}

} // namespace cc
