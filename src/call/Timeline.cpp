#include "call/Timeline.h"

#include "core/Translatable.h"

#include <array>
#include <charconv>

namespace cc {

namespace {
// Stored words: the first eight are the timer's transitions (see nameOf(Transition)); the words of
// rows from before facts ("prompt", "check", "training", "difficult") kept their meaning for the
// first of the kinds they were split into.
constexpr std::array kWords{
    "incoming", "answered",  "started", "held",      "resumed",          "ended",        "missed",
    "finished", "restored",  "closed",  "training",  "practice-over",    "script",       "step",
    "check",    "uncheck",   "branch",  "prompt",    "prompt-dismissed", "prompt-acted", "referral",
    "transfer", "checkback", "masked",  "difficult", "not-difficult"};
static_assert(kWords.size() == static_cast<std::size_t>(EventKind::Unknown));

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

std::optional<int> number(std::string_view s) {
    int n = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
    return n;
}

/// "practice over: 3 of 8 customer lines, 5 steps" -> {3, 8, 5}.
std::optional<std::vector<std::string>> practiceCounts(std::string_view d) {
    constexpr std::string_view head = "practice over: ", of = " of ", lines = " customer lines, ",
                               steps = " steps";
    if (!startsWith(d, head) || d.size() < head.size() + steps.size() ||
        d.substr(d.size() - steps.size()) != steps)
        return std::nullopt;
    d = d.substr(head.size(), d.size() - head.size() - steps.size());
    const auto a = d.find(of), b = d.find(lines);
    if (a == std::string_view::npos || b == std::string_view::npos || b < a) return std::nullopt;
    const auto heard = number(d.substr(0, a)), all = number(d.substr(a + of.size(), b - a - of.size())),
               walked = number(d.substr(b + lines.size()));
    if (!heard || !all || !walked) return std::nullopt;
    return std::vector<std::string>{std::to_string(*heard), std::to_string(*all), std::to_string(*walked)};
}

/// An old row's English detail taken apart into the facts of its kind, where its shape is known.
TimelineEvent fromOldRow(EventKind kind, std::string detail) {
    TimelineEvent e;
    e.kind = kind;
    const std::string_view d = detail;
    auto take = [&](EventKind as, std::string_view prefix) {
        if (!startsWith(d, prefix)) return false;
        e.kind = as;
        e.facts = {std::string(d.substr(prefix.size()))};
        return true;
    };
    switch (kind) {
    case EventKind::Incoming:
    case EventKind::Answered:
    case EventKind::Started:
    case EventKind::Held:
    case EventKind::Resumed:
    case EventKind::Ended:
    case EventKind::Missed:
    case EventKind::Finished:
    case EventKind::Closed: return e; // their detail was empty or a fixed sentence
    case EventKind::PromptShown:
        if (take(EventKind::PromptShown, "shown: ") || take(EventKind::PromptDismissed, "dismissed: ") ||
            take(EventKind::PromptActedOn, "acted on: "))
            return e;
        break;
    case EventKind::Checked:
        if (take(EventKind::Checked, "done: ") || take(EventKind::Unchecked, "undone: ")) return e;
        break;
    case EventKind::FlaggedDifficult:
        if (d == "no longer flagged difficult") e.kind = EventKind::UnflaggedDifficult;
        return e;
    case EventKind::Practice:
        if (auto counts = practiceCounts(d)) {
            e.kind = EventKind::PracticeOver;
            e.facts = std::move(*counts);
            return e;
        }
        if (startsWith(d, "a practice call")) return e;
        break;
    case EventKind::Script:
    case EventKind::Referral: e.facts = {std::move(detail)}; return e;
    default: break;
    }
    e.legacy = std::move(detail);
    return e;
}
} // namespace

std::string_view wordOf(EventKind k) {
    if (k == EventKind::Unknown) return "unknown";
    return kWords.at(static_cast<std::size_t>(k));
}

EventKind eventKindOf(std::string_view word) {
    for (std::size_t i = 0; i < kWords.size(); ++i)
        if (word == kWords[i]) return static_cast<EventKind>(i);
    return EventKind::Unknown;
}

const std::string& TimelineEvent::fact(std::size_t i) const {
    static const std::string none;
    return i < facts.size() ? facts[i] : none;
}

Text maskedText(int cardNumbers, int securityCodes, int ssns) {
    std::vector<Text> what;
    if (cardNumbers > 0) what.emplace_back(cardNumbers == 1 ? N_("a card number") : N_("card numbers"));
    if (securityCodes > 0)
        what.emplace_back(securityCodes == 1 ? N_("a security code") : N_("security codes"));
    if (ssns > 0)
        what.emplace_back(ssns == 1 ? N_("a social security number") : N_("social security numbers"));
    return listOf(std::move(what));
}

TimelineEvent storedEvent(std::string_view word, std::optional<std::vector<std::string>> facts,
                          std::string detail) {
    const EventKind kind = eventKindOf(word);
    if (kind == EventKind::Unknown) {
        TimelineEvent e;
        e.word = std::string(word);
        if (facts) e.facts = std::move(*facts);
        e.legacy = std::move(detail);
        return e;
    }
    if (!facts) return fromOldRow(kind, std::move(detail));
    TimelineEvent e;
    e.kind = kind;
    e.facts = std::move(*facts);
    return e;
}

} // namespace cc
