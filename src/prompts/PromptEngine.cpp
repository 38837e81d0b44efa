#include "prompts/PromptEngine.h"

#include <cctype>

namespace cc {

namespace {
/// The caller is on the line: talking, or on hold and coming back.
bool withCaller(CallState s) {
    return s == CallState::Talking || s == CallState::OnHold;
}

bool wordChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
}
} // namespace

bool promptStillApplies(const PromptRule& rule, const PromptSituation& s) {
    switch (rule.trigger) {
    case TriggerType::Hold: return s.state == CallState::OnHold;
    case TriggerType::QuietTalk: return s.state == CallState::Talking;
    case TriggerType::WrapUp: return s.state == CallState::WrapUp;
    case TriggerType::DifficultCall: return true;
    // What the caller said, who is calling again, what the script's step asks: each is about what to
    // say to the caller. In wrap-up the caller is gone, and so is the prompt.
    case TriggerType::Words:
    case TriggerType::RepeatCaller:
    case TriggerType::ScriptStep: return withCaller(s.state);
    }
    return true;
}

int countPhrase(std::string_view text, std::string_view phrase) {
    if (phrase.empty() || phrase.size() > text.size()) return 0;
    int n = 0;
    for (std::size_t i = 0; i + phrase.size() <= text.size(); ++i) {
        bool same = true;
        for (std::size_t k = 0; k < phrase.size() && same; ++k)
            same = std::tolower(static_cast<unsigned char>(text[i + k])) ==
                   static_cast<unsigned char>(phrase[k]);
        if (!same) continue;
        const bool startOk = i == 0 || !wordChar(text[i - 1]) || !wordChar(phrase.front());
        const bool endOk = i + phrase.size() == text.size() || !wordChar(text[i + phrase.size()]) ||
                           !wordChar(phrase.back());
        if (startOk && endOk) ++n;
    }
    return n;
}

PromptEngine::PromptEngine(std::vector<PromptRule> rules)
    : rules_(std::move(rules)), states_(rules_.size()) {}

void PromptEngine::callStarted() {
    for (auto& s : states_) {
        s.firedThisCall = false;
        s.phraseCount = 0;
        s.wasTrue = false;
    }
}

std::vector<const PromptRule*> PromptEngine::evaluate(const PromptSituation& s, SteadyTime now) {
    std::vector<const PromptRule*> fired;
    for (std::size_t i = 0; i < rules_.size(); ++i) {
        const PromptRule& r = rules_[i];
        State& st = states_[i];
        bool edge = false;
        // Level triggers: the condition holds for a while; they fire as it becomes true.
        auto level = [&st, &edge](bool cond) {
            edge = cond && !st.wasTrue;
            st.wasTrue = cond;
        };
        switch (r.trigger) {
        case TriggerType::Hold: level(s.state == CallState::OnHold && s.currentHold > r.threshold); break;
        case TriggerType::QuietTalk:
            level((s.state == CallState::Talking || s.state == CallState::OnHold) && s.talk >= r.threshold &&
                  s.notesEmpty);
            break;
        case TriggerType::WrapUp: level(s.state == CallState::WrapUp && s.wrapUp > r.threshold); break;
        case TriggerType::RepeatCaller:
            level(withCaller(s.state) && s.callsFromNumberToday >= r.calls);
            break;
        case TriggerType::Words: {
            int count = 0;
            for (const auto& p : r.phrases)
                count += countPhrase(s.text, p);
            edge = withCaller(s.state) && count > st.phraseCount;
            st.phraseCount = count;
            break;
        }
        case TriggerType::ScriptStep: edge = s.scriptId == r.script && s.stepReached == r.step; break;
        case TriggerType::DifficultCall: edge = s.difficultCallEnded; break;
        }
        if (!edge) continue;
        if (r.oncePerCall && st.firedThisCall) continue;
        if (st.lastFired && r.cooldown > Duration{0} && now - *st.lastFired < r.cooldown) continue;
        bool blocked = false;
        for (const auto& u : r.unless)
            blocked |= countPhrase(s.text, u) > 0;
        if (blocked) continue;
        st.firedThisCall = true;
        st.lastFired = now;
        fired.push_back(&r);
    }
    return fired;
}

} // namespace cc

namespace cc {

bool replacesShown(const PromptRule* shown, const PromptRule& next) {
    return !shown || next.severity >= shown->severity;
}

const PromptRule* mostSerious(const std::vector<const PromptRule*>& fired) {
    const PromptRule* top = nullptr;
    for (const PromptRule* r : fired)
        if (!top || r->severity > top->severity) top = r;
    return top;
}

} // namespace cc
