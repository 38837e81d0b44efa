#include "call/CallTimer.h"

#include <algorithm>
#include <array>

namespace cc {

namespace {
constexpr std::array kStateNames{"idle", "ringing", "talking", "on_hold", "wrap_up"};
constexpr std::array kSegmentNames{"ringing", "talk", "hold", "wrap_up"};
constexpr std::array kTransitionNames{"incoming", "answered", "started", "held",
                                      "resumed",  "ended",    "missed",  "finished"};

template <typename Enum, std::size_t N>
std::optional<Enum> fromName(const std::array<const char*, N>& names, std::string_view s) {
    for (std::size_t i = 0; i < N; ++i)
        if (s == names[i]) return static_cast<Enum>(i);
    return std::nullopt;
}
} // namespace

std::string_view nameOf(CallState s) {
    return kStateNames.at(static_cast<std::size_t>(s));
}
std::optional<CallState> callStateFromString(std::string_view s) {
    return fromName<CallState>(kStateNames, s);
}
std::string_view nameOf(SegmentKind k) {
    return kSegmentNames.at(static_cast<std::size_t>(k));
}
std::optional<SegmentKind> segmentKindFromString(std::string_view s) {
    return fromName<SegmentKind>(kSegmentNames, s);
}
std::string_view nameOf(Transition t) {
    return kTransitionNames.at(static_cast<std::size_t>(t));
}

Duration totalOf(const std::vector<Segment>& segments, SegmentKind kind) {
    Duration sum{0};
    for (const auto& s : segments)
        if (s.kind == kind) sum += s.length;
    return sum;
}

std::optional<Transition> CallTimer::signalIncoming() {
    if (state_ != CallState::Idle) return std::nullopt;
    segments_.clear();
    callSince_ = clock_->steadyNow();
    openSegment(SegmentKind::Ringing);
    state_ = CallState::Ringing;
    return Transition::Incoming;
}

std::optional<Transition> CallTimer::start() {
    if (state_ == CallState::Idle) {
        segments_.clear();
        callSince_ = clock_->steadyNow();
        openSegment(SegmentKind::Talk);
        state_ = CallState::Talking;
        return Transition::Started;
    }
    if (state_ == CallState::Ringing) {
        closeSegment();
        openSegment(SegmentKind::Talk);
        state_ = CallState::Talking;
        return Transition::Answered;
    }
    return std::nullopt;
}

std::optional<Transition> CallTimer::hold() {
    if (state_ != CallState::Talking) return std::nullopt;
    closeSegment();
    openSegment(SegmentKind::Hold);
    state_ = CallState::OnHold;
    return Transition::Held;
}

std::optional<Transition> CallTimer::resume() {
    if (state_ != CallState::OnHold) return std::nullopt;
    closeSegment();
    openSegment(SegmentKind::Talk);
    state_ = CallState::Talking;
    return Transition::Resumed;
}

std::optional<Transition> CallTimer::end() {
    if (state_ == CallState::Ringing) {
        closeSegment();
        state_ = CallState::Idle;
        return Transition::Missed;
    }
    if (state_ != CallState::Talking && state_ != CallState::OnHold) return std::nullopt;
    closeSegment();
    openSegment(SegmentKind::WrapUp);
    state_ = CallState::WrapUp;
    return Transition::Ended;
}

std::optional<Transition> CallTimer::finish() {
    if (state_ != CallState::WrapUp) return std::nullopt;
    closeSegment();
    state_ = CallState::Idle;
    return Transition::Finished;
}

Duration CallTimer::currentHold() const {
    return state_ == CallState::OnHold ? currentSegment() : Duration{0};
}

Duration CallTimer::currentSegment() const {
    if (segments_.empty() || !segments_.back().open) return Duration{0};
    return liveLength(segments_.back());
}

std::vector<Duration> CallTimer::holdSegments() const {
    std::vector<Duration> out;
    for (const auto& s : segments_)
        if (s.kind == SegmentKind::Hold) out.push_back(liveLength(s));
    return out;
}

std::vector<Segment> CallTimer::segments() const {
    std::vector<Segment> out = segments_;
    for (auto& s : out)
        s.length = liveLength(s);
    return out;
}

std::optional<WallTime> CallTimer::startedAt() const {
    if (segments_.empty()) return std::nullopt;
    return segments_.front().wallStart;
}

Duration CallTimer::sinceStart() const {
    if (segments_.empty()) return Duration{0};
    return std::chrono::duration_cast<Duration>(clock_->steadyNow() - callSince_);
}

CallTimer CallTimer::restore(const Clock& clock, CallState state, std::vector<Segment> segments) {
    CallTimer t(clock);
    t.state_ = state;
    t.segments_ = std::move(segments);
    const auto now = clock.steadyNow();
    Duration elapsed{0};
    for (auto& s : t.segments_) {
        s.open = false;
        elapsed += s.length;
    }
    // Only the last segment can be open, and only if the call is still in its state.
    if (state != CallState::Idle && !t.segments_.empty()) {
        auto& last = t.segments_.back();
        last.open = true;
        t.openSince_ = now - last.length;
        last.length = Duration{0};
    }
    t.callSince_ = now - elapsed;
    return t;
}

void CallTimer::openSegment(SegmentKind kind) {
    openSince_ = clock_->steadyNow();
    segments_.push_back(Segment{kind, clock_->wallNow(), Duration{0}, true});
}

void CallTimer::closeSegment() {
    if (segments_.empty() || !segments_.back().open) return;
    auto& s = segments_.back();
    s.length = liveLength(s);
    s.open = false;
}

Duration CallTimer::liveLength(const Segment& s) const {
    if (!s.open) return s.length;
    return std::chrono::duration_cast<Duration>(clock_->steadyNow() - openSince_);
}

Duration CallTimer::total(SegmentKind kind) const {
    Duration sum{0};
    for (const auto& s : segments_)
        if (s.kind == kind) sum += liveLength(s);
    return sum;
}

} // namespace cc
