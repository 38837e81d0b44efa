#include "prompts/PromptMonitor.h"

#include "session/CallSession.h"

#include <algorithm>

namespace cc {

PromptSituation PromptMonitor::situation() {
    PromptSituation s;
    const CallTimer& t = session_.timer();
    s.state = t.state();
    s.currentHold = t.currentHold();
    s.talk = t.talkTime();
    s.wrapUp = t.wrapUpTime();
    s.notesEmpty = session_.notes().empty();
    const CallFields& f = session_.fields();
    s.text = session_.notes().text() + "\n" + f.callerName + "\n" + f.reason + "\n" + f.caseNumber;
    s.callsFromNumberToday = session_.callsFromNumberToday();
    return s;
}

std::vector<const PromptRule*> PromptMonitor::evaluate(const PromptSituation& s) {
    return engine_.evaluate(s, clock_.steadyNow());
}

const PromptRule* PromptMonitor::offer(const std::vector<const PromptRule*>& fired,
                                       const PromptRule* showing) {
    if (fired.empty()) return nullptr;
    const PromptRule* top = mostSerious(fired);
    const bool replaces = replacesShown(showing, *top);
    for (const PromptRule* r : fired)
        if (!replaces || r != top) wait(r);
    if (!replaces) return nullptr;
    if (showing && showing != top) wait(showing);
    stopWaiting(*top);
    session_.recordEvent(EventKind::PromptShown, {top->title}, top->personal);
    return top;
}

void PromptMonitor::wait(const PromptRule* rule) {
    if (waitingCall_ != session_.callId()) {
        waiting_.clear();
        waitingCall_ = session_.callId();
    }
    if (std::find(waiting_.begin(), waiting_.end(), rule) == waiting_.end()) waiting_.push_back(rule);
}

void PromptMonitor::stopWaiting(const PromptRule& rule) {
    std::erase(waiting_, &rule);
}

const PromptRule* PromptMonitor::next() {
    // Another call's prompts (or rules since replaced, between calls) are never read.
    if (!session_.inCall() || waitingCall_ != session_.callId()) {
        waiting_.clear();
        return nullptr;
    }
    while (!waiting_.empty()) {
        const PromptRule* r = mostSerious(waiting_);
        stopWaiting(*r);
        if (!stillApplies(*r)) continue; // its moment went while it waited
        session_.recordEvent(EventKind::PromptShown, {r->title}, r->personal);
        return r;
    }
    return nullptr;
}

void PromptMonitor::callResumed() {
    engine_.callStarted();
    if (session_.inCall()) evaluate(situation()); // learns what is true now; nothing is shown
}

std::vector<const PromptRule*> PromptMonitor::check() {
    if (!session_.inCall()) return {};
    return evaluate(situation());
}

std::vector<const PromptRule*> PromptMonitor::stepReached(const std::string& script,
                                                          const std::string& step) {
    if (!session_.inCall()) return {};
    PromptSituation s = situation();
    s.scriptId = script;
    s.stepReached = step;
    return evaluate(s);
}

std::vector<const PromptRule*> PromptMonitor::callEnding() {
    if (!session_.inCall() || !session_.difficult()) return {};
    PromptSituation s = situation();
    s.difficultCallEnded = true;
    return evaluate(s);
}

bool PromptMonitor::stillApplies(const PromptRule& rule) {
    PromptSituation s = situation();
    if (!session_.inCall()) s.state = CallState::Idle; // the call is done: nothing of it is current
    return promptStillApplies(rule, s);
}

void PromptMonitor::dismissed(const PromptRule& rule) {
    stopWaiting(rule);
    session_.recordEvent(EventKind::PromptDismissed, {rule.title}, rule.personal);
}
void PromptMonitor::actedOn(const PromptRule& rule) {
    stopWaiting(rule);
    session_.recordEvent(EventKind::PromptActedOn, {rule.title}, rule.personal);
}

} // namespace cc
