#pragma once

#include "prompts/PromptEngine.h"

#include <string>
#include <vector>

namespace cc {

class CallSession;

/// Watches the call for the prompt rules: builds what the engine looks at from the session, chooses
/// which of the prompts that fire is shown, and writes each prompt shown, dismissed or acted on into the
/// call's timeline.
class PromptMonitor {
public:
    PromptMonitor(CallSession& session, PromptEngine& engine, const Clock& clock)
        : session_(session), engine_(engine), clock_(clock) {}

    /// A new call began.
    void callStarted() { engine_.callStarted(); }
    /// A call restored after the app was closed or died (or the rules were loaded during a call): what
    /// is already true of it was there before, shown or dismissed then, so only what becomes true from
    /// now on fires. A dismissed prompt does not come back because the app was restarted.
    void callResumed();
    /// The regular look (every second, and after edits): hold, talk, wrap-up, phrases, repeat callers.
    std::vector<const PromptRule*> check();
    /// The script reached a step.
    std::vector<const PromptRule*> stepReached(const std::string& script, const std::string& step);
    /// The call is about to be finished (wrap-up done): prompts for a difficult call.
    std::vector<const PromptRule*> callEnding();

    /// Whether the prompt shown is still true to the call as it is now (promptStillApplies).
    bool stillApplies(const PromptRule& rule);

    /// Of the prompts that fired, the one to show beside `showing` (the prompt on screen, or null): the
    /// most serious, unless the one showing is more serious still. Only that one is written into the
    /// timeline as shown: a reviewer reads there what the agent saw. Null when none replaces it.
    /// The prompts that fired and were not shown, and the one a more serious prompt replaced, wait:
    /// next() gives them back.
    const PromptRule* offer(const std::vector<const PromptRule*>& fired, const PromptRule* showing);
    /// Nothing is showing any more: the most serious prompt of this call that had to wait and is still
    /// true to the call, written into the timeline as shown now; null when none. (A caller who is
    /// furious and asks for a password: the security prompt first, then the empathy prompt.)
    const PromptRule* next();

    void dismissed(const PromptRule& rule);
    void actedOn(const PromptRule& rule);

private:
    PromptSituation situation();
    std::vector<const PromptRule*> evaluate(const PromptSituation& s);
    void wait(const PromptRule* rule);
    void stopWaiting(const PromptRule& rule);

    CallSession& session_;
    PromptEngine& engine_;
    const Clock& clock_;
    std::vector<const PromptRule*> waiting_; ///< of the call waitingCall_
    std::int64_t waitingCall_ = 0;
};

} // namespace cc
