#pragma once

#include "call/CallTimer.h"
#include "prompts/PromptRule.h"

#include <optional>
#include <string>
#include <vector>

namespace cc {

/// What the prompt rules look at, taken from the call when something may have changed.
struct PromptSituation {
    CallState state = CallState::Idle;
    Duration currentHold{0};
    Duration talk{0};
    Duration wrapUp{0};
    bool notesEmpty = true;
    std::string text;                  ///< the notes and fields, for phrase triggers
    int callsFromNumberToday = 0;      ///< this call included
    std::string scriptId, stepReached; ///< set once, when a script step is reached
    bool difficultCallEnded = false;   ///< set once, when a call flagged difficult is done
};

/// Decides which prompts to show. Every trigger fires on the moment its condition becomes true (a hold
/// passing N seconds, a phrase typed once more), never again while it stays true; cooldowns,
/// once-per-call and "unless" phrases hold it back. Time comes from the caller.
class PromptEngine {
public:
    explicit PromptEngine(std::vector<PromptRule> rules);

    /// Replaces the rules (they load after the window is shown); every rule starts afresh.
    void setRules(std::vector<PromptRule> rules) {
        rules_ = std::move(rules);
        states_.assign(rules_.size(), State{});
    }
    /// A new call: once-per-call rules may fire again, phrase counts start from zero.
    void callStarted();
    /// The rules that fire now, in file order.
    std::vector<const PromptRule*> evaluate(const PromptSituation& s, SteadyTime now);
    const std::vector<PromptRule>& rules() const { return rules_; }

private:
    struct State {
        bool wasTrue = false;
        int phraseCount = 0;
        bool firedThisCall = false;
        std::optional<SteadyTime> lastFired;
    };
    std::vector<PromptRule> rules_;
    std::vector<State> states_;
};

/// Whether a prompt shown earlier is still true to the moment: a hold prompt while the caller is on
/// hold, a quiet-talk prompt while talking, a wrap-up prompt in wrap-up, a prompt about what was said or
/// a script step while the call lasts (wrap-up included). A difficult call's after-call prompt stays
/// until the agent answers it. A prompt that is no longer true goes away by itself.
bool promptStillApplies(const PromptRule& rule, const PromptSituation& s);

/// Of prompts that fired together, the one to show: the most serious, the first of equals. The
/// others stay in the timeline as shown. Null if none fired.
const PromptRule* mostSerious(const std::vector<const PromptRule*>& fired);

/// Whether `next` takes the place of the prompt showing: only if it is at least as serious. A security
/// warning stays until the agent answers it, whatever tip comes after.
bool replacesShown(const PromptRule* shown, const PromptRule& next);

/// How often `phrase` occurs in `text` as whole words, ignoring case ("PIN" in "pin code", not "spinning").
int countPhrase(std::string_view text, std::string_view phrase);

} // namespace cc
