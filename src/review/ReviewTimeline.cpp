#include "review/ReviewTimeline.h"

#include "call/CallRecord.h"
#include "core/Format.h"
#include "core/Translatable.h"
#include "scripts/Script.h"

#include <algorithm>
#include <array>

namespace cc {

namespace {
constexpr std::array kKindNames{"call",      "note",   "script", "prompt",  "referral", "transfer",
                                "checkback", "masked", "flag",   "comment", "other"};

Text plain(const std::string& s) {
    return Text::plain(s);
}

/// A length in ms kept as a fact, as "2:05"; a fact that is not a number, as it is.
Text length(const std::string& ms) {
    try {
        return plain(formatDuration(Duration{std::stoll(ms)}));
    } catch (const std::exception&) {
        return plain(ms);
    }
}

int count(const std::string& n) {
    try {
        return std::stoi(n);
    } catch (const std::exception&) {
        return 0;
    }
}

Text stage(const std::string& word) {
    const auto s = stageFromName(word);
    return s ? Text(stageLabel(*s)) : plain(word);
}

/// "{0}: {1}" when there is a second part, else the first alone.
Text withReason(const std::string& first, const std::string& second) {
    // TRANSLATORS: a thing and what about it in the review's timeline: "Billing team: refund over 500".
    return second.empty() ? plain(first) : Text(N_("{0}: {1}"), {plain(first), plain(second)});
}

EventWords kindWords(const TimelineEvent& e) {
    using K = EventKind;
    using T = TimelineKind;
    const auto& f = e.facts;
    auto fact = [&](std::size_t i) { return plain(e.fact(i)); };
    switch (e.kind) {
    case K::Incoming: return {T::Call, Text(N_("Call ringing")), {}};
    case K::Answered: return {T::Call, Text(N_("Call answered")), {}};
    case K::Started: return {T::Call, Text(N_("Call started")), {}};
    case K::Held: return {T::Call, Text(N_("Caller put on hold")), {}};
    case K::Resumed: return {T::Call, Text(N_("Caller taken off hold")), {}};
    case K::Ended: return {T::Call, Text(N_("Call ended; wrap-up began")), {}};
    case K::Missed: return {T::Call, Text(N_("Missed call")), {}};
    case K::Finished: return {T::Call, Text(N_("Wrap-up done")), {}};
    case K::Restored:
        return {T::Call, Text(N_("Call restored after the app stopped")),
                f.empty() ? Text() : Text(N_("The companion was not running for {0}"), {length(f[0])})};
    case K::Closed: return {T::Call, Text(N_("App closed during the call")), {}};
    case K::Practice:
        return {T::Flag, Text(N_("Practice call")), Text(N_("A practice call: left out of the stats"))};
    case K::PracticeOver:
        return {T::Flag, Text(N_("Practice over")),
                f.size() < 3 ? Text()
                             // TRANSLATORS: how a practice call went, in the review's timeline.
                             : Text(N_("Heard {0} of {1} customer lines, walked {2} steps"),
                                    {plain(f[0]), plain(f[1]), plain(f[2])})};
    case K::Script: return {T::Script, Text(N_("Script")), fact(0)};
    case K::Step:
        return {T::Script, Text(N_("Script step")),
                f.size() < 2 ? fact(0) : Text(N_("{0}: {1}"), {stage(f[0]), plain(f[1])})};
    case K::Checked: return {T::Script, Text(N_("Checklist item done")), fact(0)};
    case K::Unchecked: return {T::Script, Text(N_("Checklist item undone")), fact(0)};
    case K::Branch: return {T::Script, Text(N_("Branch")), withReason(e.fact(0), e.fact(1))};
    case K::PromptShown: return {T::Prompt, Text(N_("Prompt shown")), fact(0)};
    case K::PromptDismissed: return {T::Prompt, Text(N_("Prompt dismissed")), fact(0)};
    case K::PromptActedOn: return {T::Prompt, Text(N_("Prompt acted on")), fact(0)};
    case K::Referral: return {T::Referral, Text(N_("Referral given")), fact(0)};
    case K::Transfer: return {T::Transfer, Text(N_("Transfer")), withReason(e.fact(0), e.fact(1))};
    case K::CheckBack:
        return {T::CheckBack, Text(N_("Hold check-back nudge")),
                f.empty() ? Text() : Text(N_("Customer on hold {0}: check back with them"), {length(f[0])})};
    case K::Masked:
        return {T::Masked, Text(N_("Sensitive number masked")),
                f.size() < 3 ? Text() : maskedText(count(f[0]), count(f[1]), count(f[2]))};
    case K::FlaggedDifficult: return {T::Flag, Text(N_("Flagged as difficult")), {}};
    case K::UnflaggedDifficult: return {T::Flag, Text(N_("No longer flagged as difficult")), {}};
    case K::Unknown: break;
    }
    // A kind from a newer version: its stored word and whatever it carried.
    std::string detail;
    for (const auto& x : f)
        detail += (detail.empty() ? "" : "; ") + x;
    return {T::Other, plain(e.word), plain(detail)};
}
} // namespace

EventWords describe(const TimelineEvent& e) {
    EventWords w = kindWords(e);
    // A row from before facts: its saved English detail, as it was written.
    if (!e.legacy.empty()) w.detail = plain(e.legacy);
    return w;
}

std::uint32_t segmentRgb(SegmentKind k) {
    switch (k) {
    case SegmentKind::Talk: return 0x3b7dd8;
    case SegmentKind::Hold: return 0xe08a1e;
    case SegmentKind::WrapUp: return 0x5a9e4b;
    case SegmentKind::Ringing: return 0x9a9a9a;
    }
    return 0x9a9a9a;
}

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
    for (const auto& e : call.events) {
        EventWords w = describe(e);
        t.items.push_back(TimelineItem{e.offset, e.at, w.kind, std::move(w.label), std::move(w.detail)});
    }
    Duration lastNote{0};
    WallTime lastNoteAt = call.startedAt;
    for (const auto& line : call.notes) {
        if (line.at) {
            lastNote = std::max(Duration{0}, std::chrono::duration_cast<Duration>(*line.at - call.startedAt));
            lastNoteAt = *line.at;
        }
        if (line.text.find_first_not_of(" \t") == std::string::npos) continue;
        t.items.push_back(
            TimelineItem{lastNote, lastNoteAt, TimelineKind::Note, Text(N_("Note")), Text::plain(line.text)});
    }
    for (const auto& c : comments)
        t.items.push_back(TimelineItem{c.offset, call.startedAt + c.offset, TimelineKind::Comment,
                                       Text(N_("Reviewer's comment")), Text::plain(c.text)});
    std::stable_sort(t.items.begin(), t.items.end(),
                     [](const TimelineItem& a, const TimelineItem& b) { return a.offset < b.offset; });
    if (!t.items.empty()) t.length = std::max(t.length, t.items.back().offset);
    return t;
}

} // namespace cc
