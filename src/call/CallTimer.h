#pragma once

#include "core/Clock.h"

#include <optional>
#include <string_view>
#include <vector>

namespace cc {

/// Where a call stands. idle -> ringing -> talking <-> on hold -> wrap-up -> idle.
enum class CallState { Idle, Ringing, Talking, OnHold, WrapUp };

/// A stable name for storage and logs: "idle", "ringing", "talking", "on_hold", "wrap_up".
std::string_view nameOf(CallState s);
std::optional<CallState> callStateFromString(std::string_view s);

enum class SegmentKind { Ringing, Talk, Hold, WrapUp };
std::string_view nameOf(SegmentKind k);
std::optional<SegmentKind> segmentKindFromString(std::string_view s);

/// One stretch of a call spent in one state. The last one is open while the call is in that state.
struct Segment {
    SegmentKind kind;
    WallTime wallStart;
    Duration length{0};
    bool open = false;

    bool operator==(const Segment&) const = default;
};

/// The total length of the segments of one kind.
Duration totalOf(const std::vector<Segment>& segments, SegmentKind kind);

/// What a state change was, for the call's timeline.
enum class Transition { Incoming, Answered, Started, Held, Resumed, Ended, Missed, Finished };
std::string_view nameOf(Transition t);

/// The call timer: measures talk, hold, wrap-up and ringing with the steady clock, and stamps each
/// change with the wall clock. It holds no I/O; the session saves what it reports.
class CallTimer {
public:
    explicit CallTimer(const Clock& clock) : clock_(&clock) {}

    /// An incoming call is signalled: idle -> ringing.
    std::optional<Transition> signalIncoming();
    /// The agent starts or answers a call: idle or ringing -> talking.
    std::optional<Transition> start();
    std::optional<Transition> hold();
    std::optional<Transition> resume();
    /// Talking or on hold -> wrap-up; ringing -> idle (a missed call).
    std::optional<Transition> end();
    /// Wrap-up done: -> idle. The segments stay readable until the next call starts.
    std::optional<Transition> finish();

    CallState state() const { return state_; }
    /// True between the first ring or start and finish().
    bool inCall() const { return state_ != CallState::Idle; }

    Duration ringTime() const { return total(SegmentKind::Ringing); }
    Duration talkTime() const { return total(SegmentKind::Talk); }
    Duration totalHold() const { return total(SegmentKind::Hold); }
    Duration wrapUpTime() const { return total(SegmentKind::WrapUp); }
    /// Talk + hold + wrap-up: the industry's handle time. Ringing is not handled time.
    Duration handleTime() const { return talkTime() + totalHold() + wrapUpTime(); }
    /// Length of the hold segment in progress, or zero when not on hold.
    Duration currentHold() const;
    /// Length of the segment in progress (talk, hold, wrap-up or ringing), zero when idle.
    Duration currentSegment() const;
    /// Every hold segment's length, in order, the open one included.
    std::vector<Duration> holdSegments() const;
    /// Every segment with its live length.
    std::vector<Segment> segments() const;

    /// Wall-clock time of the first ring or start, if any.
    std::optional<WallTime> startedAt() const;
    /// Steady time since the call began, for placing events on the call's own time axis.
    Duration sinceStart() const;

    /// Rebuilds a timer from saved segments (e.g. after a crash). Unless `state` is idle, the last
    /// segment is the open one and keeps running from its saved length, on this process's steady clock.
    static CallTimer restore(const Clock& clock, CallState state, std::vector<Segment> segments);

private:
    void openSegment(SegmentKind kind);
    void closeSegment();
    Duration total(SegmentKind kind) const;
    Duration liveLength(const Segment& s) const;

    const Clock* clock_;
    CallState state_ = CallState::Idle;
    std::vector<Segment> segments_;
    SteadyTime openSince_{}; // steady start of the open segment
    SteadyTime callSince_{}; // steady start of the call, for event offsets
};

} // namespace cc
