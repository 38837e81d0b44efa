#pragma once

#include "store/CallStore.h"

#include <functional>
#include <vector>
#include <wx/button.h>
#include <wx/dialog.h>

class wxListView;
class wxTextCtrl;

namespace cc {
class CallSession;
class OutcomeList;
} // namespace cc

namespace cc::ui {

/// Earlier calls from the same caller, read-only: pick one to read its fields and notes. Nothing here
/// can change a saved call.
class EarlierCallsDialog : public wxDialog {
public:
    EarlierCallsDialog(wxWindow* parent, CallStore& store, const OutcomeList& outcomes,
                       std::vector<CallSummary> calls);

private:
    void showCall(long row);

    CallStore& store_;
    const OutcomeList& outcomes_;
    std::vector<CallSummary> calls_;
    wxListView* list_;
    wxTextCtrl* detail_;
};

/// Under the call buttons while the caller has called before: "2 earlier calls from this caller · 3 calls
/// today". Pressed, it opens their calls beside the window (not modal: the agent keeps typing).
class EarlierCallsButton : public wxButton {
public:
    EarlierCallsButton(wxWindow* parent, CallSession& session, CallStore& store, const OutcomeList& outcomes,
                       std::function<void(wxWindow*)> placeBeside);
    /// The callback or case number changed, or a call began or ended: shown, relabelled or hidden.
    void refresh();
    void open();

private:
    CallSession& session_;
    CallStore& store_;
    const OutcomeList& outcomes_;
    std::function<void(wxWindow*)> placeBeside_;
};

} // namespace cc::ui
