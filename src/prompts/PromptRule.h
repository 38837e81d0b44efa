#pragma once

#include "core/Clock.h"
#include "data/DataError.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace cc {

enum class Severity { Info, Caution, Security };
std::string_view nameOf(Severity s);

/// What makes a prompt appear (see data/FORMATS.md).
enum class TriggerType { Hold, QuietTalk, Words, DifficultCall, RepeatCaller, WrapUp, ScriptStep };
std::string_view nameOf(TriggerType t);

/// One off-script prompt: a short title, what to do or say, and when to show it.
struct PromptRule {
    std::string id;
    std::string title;
    std::string say;
    Severity severity = Severity::Info;
    TriggerType trigger = TriggerType::Words;
    Duration threshold{0};            ///< hold, quiet_talk, wrap_up
    std::vector<std::string> phrases; ///< words (lower-case)
    int calls = 0;                    ///< repeat_caller
    std::string script, step;         ///< script_step
    Duration cooldown{0};
    bool oncePerCall = false;
    std::vector<std::string> unless; ///< lower-case
    std::string linkKnowledge;       ///< a knowledge search to open
    std::string linkScript;          ///< a script id to open
    /// The agent's own (`private = true`; a difficult_call prompt is, unless it says otherwise): its
    /// events stay on the agent's PC and never reach a team server.
    bool personal = false;
};

/// Every [[prompt]] of prompts/*.toml; a rule with a problem is left out and the problem located.
class PromptRules {
public:
    void parse(std::string_view text, const std::string& fileName);
    void loadFolder(const std::filesystem::path& dir);
    const std::vector<PromptRule>& rules() const { return rules_; }
    const std::vector<DataError>& errors() const { return errors_; }

private:
    std::vector<PromptRule> rules_;
    std::vector<DataError> errors_;
};

} // namespace cc
