#pragma once

#include "call/CallTimer.h"
#include "core/Clock.h"
#include "core/Text.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace cc {

struct CallRecord;
struct TimelineEvent;

/// A reviewer's comment pinned to a moment of the call.
struct PinnedComment {
    Duration offset{0}; ///< time since the call began
    std::string text;

    bool operator==(const PinnedComment&) const = default;
};

/// What a line of the review is about, for its icon, colour and filter.
enum class TimelineKind {
    Call,
    Note,
    Script,
    Prompt,
    Referral,
    Transfer,
    CheckBack,
    Masked,
    Flag,
    Comment,
    Other
};
std::string_view nameOf(TimelineKind k);

/// What a timeline event says to people, made from its kind and facts (old rows: their saved English).
struct EventWords {
    TimelineKind kind = TimelineKind::Other;
    Text label;
    Text detail;
};
EventWords describe(const TimelineEvent& e);

/// One line under the timeline bar.
struct TimelineItem {
    Duration offset{0}; ///< time since the call began, the position on the bar
    WallTime at;        ///< wall-clock time, for people
    TimelineKind kind = TimelineKind::Other;
    Text label;  ///< what happened ("Prompt dismissed"), rendered in the reader's language by the UI
    Text detail; ///< the note line, the prompt's title, the script step, who was referred to…

    bool operator==(const TimelineItem&) const = default;
};

/// The bar's colour for `k` as 0xRRGGBB: mid tones that read on a light and on a dark theme alike, the
/// same on screen and in the printed report.
std::uint32_t segmentRgb(SegmentKind k);

/// One stretch of the bar: talk, hold, wrap-up or ringing, placed on the call's own time axis.
struct TimelineBar {
    SegmentKind kind;
    Duration offset{0};
    Duration length{0};

    bool operator==(const TimelineBar&) const = default;
};

/// The whole story of one call, as the review shows it.
struct ReviewTimeline {
    WallTime startedAt;
    Duration length{0};              ///< the end of the last bar or item
    std::vector<TimelineBar> bars;   ///< contiguous, in order
    std::vector<TimelineItem> items; ///< in time order; equal times keep the order they were recorded in
};

/// Builds the timeline of a saved call: the bars from its segments (laid end to end, so a wall-clock
/// jump during the call cannot bend the axis), then every event at its own offset and every note line
/// at its timestamp, and the reviewer's pinned comments. A note line without a timestamp sits with the
/// line before it; blank lines are left out.
ReviewTimeline buildTimeline(const CallRecord& call, std::span<const PinnedComment> comments = {});

} // namespace cc
